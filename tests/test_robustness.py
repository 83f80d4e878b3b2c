"""Hostile inputs: every bad file gets one line naming it, the good files are still checked, no
traceback, exit 2 only for input errors; and no output format ever prints a full ID, card or phone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli

ID = "11010519491231002X"
CARD = "6222021234567890128"
PHONE = "13812345678"
LEAKY = f"【XX银行】张先生，身份证{ID}，卡号{CARD}，手机{PHONE}，欠款100元，3月5日前还款，客服95555。让你坐牢。\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    d = tmp_path / "hostile"
    d.mkdir()
    (d / "good.md").write_text("【XX银行】尾号1234欠款100元，3月5日前还款，客服95555。让你坐牢。\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (d / "undecodable.txt").write_bytes(b"\xff\xff\xfe\xfd not text")
    (d / "empty.md").write_bytes(b"")
    (d / "one_long_line.txt").write_text("请按时还款。" * 180_000 + "让你坐牢", encoding="utf-8")  # ~1 MB, one line
    (d / "deep.yaml").write_text("a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), encoding="utf-8")
    (d / "nested.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (d / "broken.yaml").write_text("sms: [unclosed\n", encoding="utf-8")
    (d / "bomb.yaml").write_text(
        "a: &a ['坐牢坐牢坐牢']\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", encoding="utf-8")
    (d / "notes.rtf").write_text("让你坐牢", encoding="utf-8")
    (d / "bad_front.md").write_text("---\nchannel: fax\n---\n你好\n", encoding="utf-8")
    os.symlink(d / "loop_a.md", d / "loop_b.md")
    os.symlink(d / "loop_b.md", d / "loop_a.md")
    return d


def test_hostile_folder(hostile: Path) -> None:
    code, out, err = run("check", "--format", "json", str(hostile))
    assert code == 2
    data = json.loads(out)
    errors = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert set(errors) == {"undecodable.txt", "deep.yaml", "nested.json", "broken.yaml", "bad_front.md",
                           "loop_a.md", "loop_b.md"}, errors
    assert "symbolic links" in errors["loop_a.md"]
    assert "cannot decode" in errors["undecodable.txt"]
    assert "deeper than" in errors["deep.yaml"] or "too deeply" in errors["deep.yaml"]
    assert "too deeply" in errors["nested.json"] or "deeper" in errors["nested.json"]
    assert "invalid YAML" in errors["broken.yaml"]
    assert "channel 'fax'" in errors["bad_front.md"]
    for message in errors.values():
        assert "\n" not in message
    found = {(Path(f["path"]).name, f["rule"]) for f in data["findings"]}
    assert ("good.md", "CN201") in found
    assert ("one_long_line.txt", "CN201") in found  # a phrase at the very end of a 1 MB line
    assert ("bomb.yaml", "CN201") in found  # the anchored string, reported once
    bomb = [f for f in data["findings"] if Path(f["path"]).name == "bomb.yaml"]
    # Three in the anchor's one sentence (one finding, two more spans), none per alias; the learned model
    # may add a category of its own, once too.
    assert [(f["line"], f["rule"], len(f.get("also", []))) for f in bomb if f["rule"] != "ML100"] == [(1, "CN201", 2)]
    assert len([f for f in bomb if f["rule"] == "ML100"]) <= 1
    for name in ("binary.txt", "empty.md"):
        assert name in err  # skipped or noticed, on stderr, one line each
    # Each error or notice is one line on stderr naming its file.
    for line in err.strip().splitlines():
        assert line.startswith("collectlint: ") and str(hostile) in line


def test_symlink_loop_and_vanished_path(hostile: Path) -> None:
    code, _, err = run("check", str(hostile / "loop_a.md"), str(hostile / "gone.md"), str(hostile / "good.md"))
    assert code == 2
    lines = err.strip().splitlines()
    assert any("loop_a.md" in x for x in lines) and any("gone.md" in x for x in lines)


def test_unreadable_file(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores permission bits, so the denial is simulated where the file is opened."""
    target = hostile / "good.md"
    original = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self == target:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, _, err = run("check", str(target), str(hostile / "empty.md"))
    assert code == 2 and "good.md: permission denied" in err


FORMATS = ["text", "json", "sarif", "github", "junit", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_output_format_prints_full_numbers(tmp_path: Path, fmt: str) -> None:
    f = tmp_path / "leaky.md"
    f.write_text(LEAKY, encoding="utf-8")
    out_file = tmp_path / f"report.{fmt}"
    code, out, err = run("check", "--format", fmt, "-o", str(out_file), str(f))
    assert code == 1
    report = out_file.read_text(encoding="utf-8") + out + err
    for number in (ID, CARD, PHONE, "110105 19491231 002X"):
        assert number not in report, (fmt, number)
    assert "002X" in report or fmt in ("github", "junit")


def test_no_leak_in_statistics_diff_baseline_and_eval(tmp_path: Path) -> None:
    f = tmp_path / "leaky.md"
    f.write_text(LEAKY, encoding="utf-8")
    outputs = [run("check", "--statistics", str(f))[1], run("check", "--diff", str(f))[1]]
    base = tmp_path / "baseline.json"
    run("check", "--baseline", str(base), str(f))
    outputs.append(base.read_text(encoding="utf-8"))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": LEAKY, "expected": []}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    outputs.append(run("eval", str(corpus))[1])
    outputs.append(run("eval", "--format", "json", str(corpus))[1])
    for text in outputs:
        for number in (ID, CARD, PHONE):
            assert number not in text


def test_spaced_and_full_width_numbers_are_masked_too(tmp_path: Path) -> None:
    f = tmp_path / "leaky.md"
    f.write_text("身份证：110105 19491231 002X，卡号４１１１－１１１１－１１１１－１１１１\n", encoding="utf-8")
    _, out, _ = run("check", "--format", "text", str(f))
    assert "19491231" not in out and "１１１１－１１１１－１１１１－１１１１" not in out


def _docx_with(tmp_path: Path, name: str, extra: dict[str, bytes], document: bytes | None = None) -> Path:
    """A copy of the shipped letter.docx with parts replaced or added."""
    import zipfile

    source = Path(__file__).parent / "templates" / "letters" / "letter.docx"
    target = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "word/document.xml" and document is not None:
                body = document
            out.writestr(item, body, compress_type=zipfile.ZIP_DEFLATED)
        for part, body in extra.items():
            out.writestr(part, body, compress_type=zipfile.ZIP_DEFLATED)
    return target


def test_docx_zip_bomb_and_entity_expansion_are_refused_and_other_files_checked(tmp_path: Path) -> None:
    bomb = _docx_with(tmp_path, "bomb.docx", {"word/media/zeros.bin": b"\0" * (80 * 2**20)})
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
              b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    entities = _docx_with(tmp_path, "laughs.docx", {}, document=laughs)
    good = tmp_path / "letter.txt"
    good.write_text("你再不还钱，我们就让你坐牢。\n", encoding="utf-8")
    code, out, err = run("check", "--no-model", str(bomb), str(entities), str(good))
    assert code == 2
    assert "bomb.docx" in out + err and "zip bomb" in out + err
    assert "laughs.docx" in out + err and "document type declaration" in out + err
    assert "Traceback" not in out + err
    assert "letter.txt" in out  # the good file was still checked and has its findings


def test_a_long_line_is_shown_as_a_window_per_finding_not_in_full(tmp_path: Path) -> None:
    line = "尊敬的客户请按时还款。" * 12000 + "再不还钱就让你坐牢。" + "你这个老赖。" * 50 + "谢谢。" * 8000
    path = tmp_path / "long.txt"
    path.write_text(line + "\n", encoding="utf-8")
    code, out, _ = run("check", "--no-model", str(path))
    findings = out.count("[CN")
    assert code == 1 and findings >= 3
    assert len(out) < 1200 * findings  # bounded per finding; the line itself is 170,000 characters
    assert "再不还钱就让你坐牢" in out  # the window shows the finding's context


def test_html_with_thousands_of_unclosed_openings_is_read_in_one_pass(tmp_path: Path) -> None:
    # Each unclosed <script> or "<div " used to be re-scanned to the end of the file (quadratic: minutes
    # for a megabyte).  An unclosed <script> hides the rest of the file, as a browser would.
    scripts = tmp_path / "scripts.html"
    scripts.write_text("<p>再不还钱就让你坐牢。</p>" + "<script>" * 120_000, encoding="utf-8")
    divs = tmp_path / "divs.html"
    divs.write_text("<div " * 200_000 + "<p>再不还钱就让你坐牢。</p>", encoding="utf-8")
    code, out, err = run("check", "--no-model", "--format", "json", str(scripts), str(divs))
    assert code == 1, err
    hits = {Path(f["path"]).name for f in json.loads(out)["findings"] if f["rule"] == "CN201"}
    assert hits == {"scripts.html", "divs.html"}


def test_a_json_number_too_long_to_convert_is_an_error_for_that_file_only(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"a": ' + "9" * 100_000 + "}", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("你再不还钱，我们就让你坐牢。\n", encoding="utf-8")
    code, out, err = run("check", "--no-model", str(huge), str(good))
    assert code == 2
    assert "huge.json: unreadable JSON value" in err and "Traceback" not in err and "internal error" not in err
    assert "good.txt" in out and "CN201" in out  # the run went on
