"""Hostile and unlucky inputs met by an outside sweep: each class is closed for good, not one case.

Data loss (reports written over templates, fixes that split hard links or ignore write protection),
aborted runs (odd names, broken nested configurations, nesting bombs in configuration), silent passes
(unreadable folders, empty standard input, tagged YAML scalars, links to folders), leaks (digits of
any script, separators of any kind, escaped digits, labels in warnings and in ``eval``, controls in
the HTML report) and a cache that others can write.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli

THREAT = "再不还钱就让你坐牢。\n"
ID = "110105194912310021"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- data loss --------------------------------------------------------------------------------------

@pytest.mark.parametrize("flags", [["-o", "{a}"], ["--update-baseline", "--baseline", "{a}"],
                                   ["--format", "json", "-o", "{inside}"]])
def test_a_report_or_baseline_never_overwrites_a_checked_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  flags: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(THREAT, encoding="utf-8")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "c.md").write_text(THREAT, encoding="utf-8")
    args = [f.format(a="a.md", inside="t/c.md") for f in flags]
    code, _, err = run("check", *args, "a.md" if "{a}" in flags[-1] else "t")
    assert code == 2 and "nothing was written" in err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == THREAT
    assert (tmp_path / "t" / "c.md").read_text(encoding="utf-8") == THREAT


def test_our_own_earlier_report_may_be_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "c.md").write_text(THREAT, encoding="utf-8")
    assert run("check", "--format", "json", "-o", "t/report.json", "t")[0] == 1
    assert run("check", "--format", "json", "-o", "t/report.json", "t")[0] == 1


def test_fix_refuses_hard_links_and_write_protected_files(tmp_path: Path) -> None:
    text = f"您的身份证号{ID}已登记。\n"
    linked = tmp_path / "a.md"
    linked.write_text(text, encoding="utf-8")
    os.link(linked, tmp_path / "hard.md")
    protected = tmp_path / "ro.md"
    protected.write_text(text, encoding="utf-8")
    protected.chmod(0o444)
    _, _, err = run("check", "--fix", str(linked), str(protected))
    assert "hard links; not fixed" in err and "read-only; not fixed" in err
    assert linked.read_text(encoding="utf-8") == text and (tmp_path / "hard.md").read_text(encoding="utf-8") == text
    assert protected.read_text(encoding="utf-8") == text and os.stat(linked).st_nlink == 2


# --- aborted runs -------------------------------------------------------------------------------------

def test_a_name_the_file_system_refuses_is_an_error_for_that_input_only(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.md").write_text(THREAT, encoding="utf-8")
    long = ID + "y" * 300 + ".md"
    code, out, err = run("check", "--format", "json", long, "ok.md")
    assert code == 2 and "cannot read" in err and ID not in err
    assert json.loads(out)["findings"]  # ok.md was checked and the report is whole


def test_a_broken_nested_configuration_fails_only_the_files_it_governs(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad" / "sub").mkdir(parents=True)
    (tmp_path / "bad" / "sub" / ".collectlint.yaml").write_text("selec: [CN]\n", encoding="utf-8")
    (tmp_path / "bad" / "a.md").write_text(THREAT, encoding="utf-8")
    (tmp_path / "bad" / "sub" / "b.md").write_text(THREAT, encoding="utf-8")
    code, out, err = run("check", "bad")
    assert code == 2
    assert "bad/a.md:1:" in out and "[CN201]" in out
    assert "bad/sub/b.md: not checked:" in err and "unknown key 'selec'" in err


def test_a_broken_configuration_of_the_first_input_does_not_stop_the_others(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The first input's configuration also gives the run's report settings; when it is broken, the run falls
    back to the defaults for those and still checks every input the broken file does not govern."""
    monkeypatch.chdir(tmp_path)
    for name in ("bad", "good"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.md").write_text(THREAT, encoding="utf-8")
    (tmp_path / "bad" / ".collectlint.yaml").write_text("version: [\n", encoding="utf-8")
    code, out, err = run("check", "--no-model", "bad", "good")
    assert code == 2
    assert "good/a.md:1:" in out and "[CN201]" in out
    assert "bad/a.md" not in out
    assert "bad: not checked:" in err and "invalid YAML" in err


def test_a_written_baseline_is_readable_by_the_team_like_any_committed_file(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(THREAT, encoding="utf-8")
    old = os.umask(0o022)
    try:
        run("check", "--no-model", "--baseline", "baseline.json", "a.md")
        assert stat.S_IMODE((tmp_path / "baseline.json").stat().st_mode) == 0o644
        (tmp_path / "baseline.json").chmod(0o664)
        run("check", "--no-model", "--update-baseline", "--baseline", "baseline.json", "a.md")
        assert stat.S_IMODE((tmp_path / "baseline.json").stat().st_mode) == 0o664
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.parametrize("content", ["select: " + "[" * 100_000 + "]" * 100_000 + "\n",
                                     "select: [" + ",".join(["CN2"] * 400_000) + "]\n"])
def test_configuration_nesting_and_size_are_bounded(tmp_path: Path, content: str) -> None:
    config = tmp_path / "deep.yaml"
    config.write_text(content, encoding="utf-8")
    (tmp_path / "a.md").write_text(THREAT, encoding="utf-8")
    code, _, err = run("check", "--config", str(config), str(tmp_path / "a.md"))
    assert code == 2 and ("nests deeper" in err or "larger than" in err)


# --- silent passes ------------------------------------------------------------------------------------

def test_a_folder_the_walk_cannot_enter_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t" / "sub").mkdir(parents=True)
    (tmp_path / "t" / "ok.md").write_text("请按时还款。\n", encoding="utf-8")
    (tmp_path / "t" / "sub" / "a.md").write_text(THREAT, encoding="utf-8")
    real_scandir = os.scandir

    def refusing(path: object = ".") -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)
    code, _, err = run("check", str(tmp_path / "t"))
    assert code == 2 and "cannot read folder: Permission denied" in err


def test_empty_standard_input_is_not_a_clean_check() -> None:
    code, _, err = run("check", "--fail-on-empty", "-", input="")
    assert code == 1 and "empty input" in err


def test_a_scalar_under_an_application_tag_is_still_a_message(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("a: !msg 再不还钱就让你坐牢\nb: 请按时还款。\n", encoding="utf-8")
    code, out, _ = run("check", "--select", "CN201", str(path))
    assert code == 1 and "t.yaml:1:16:" in out


def test_a_link_to_a_folder_of_the_tree_is_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "a.md").write_text(THREAT, encoding="utf-8")
    (tmp_path / "tree2").symlink_to(tmp_path / "tree")
    code, out, _ = run("check", "--select", "CN201", "tree2")
    assert code == 1 and "tree2/a.md:1:" in out


# --- leaks ----------------------------------------------------------------------------------------------

ARABIC_INDIC = "".join(chr(0x660 + int(c)) for c in ID)


@pytest.mark.parametrize("text", [
    f"身份证号{ARABIC_INDIC}",                                   # digits of another script
    "客户的号码是110105\u2e3a19491231\u2e3a0021，请核对。",        # a dash outside U+2010-2015
    "号码110105\t19491231\t0021", "号码110105\u168019491231\u16800021", "号码110105.19491231.0021",
    '{"c": "身份证号110105\\u00a019491231\\u00a00021"}',         # a JSON escape as separator
    "c: \"身份证号" + "".join(f"\\x{ord(c):02x}" for c in ID) + '"',  # every digit escaped
    "身份证号110105&#x31;94912310021",                              # a character reference
])
def test_numbers_are_masked_whatever_writes_their_digits_and_separators(text: str) -> None:
    from collectlint.mask import mask_text

    masked = mask_text(text)
    plain = "".join(str(int(c)) if c.isdigit() else c for c in masked)
    assert "19491231" not in plain and "1949" not in plain.replace("\\x3", "")
    assert "\\x31\\x39\\x34\\x39" not in masked


def test_paths_in_the_nothing_checked_warning_are_masked_and_neutralised(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = f"dir_{ID}"
    os.mkdir(folder)
    forged = "d\x1b[2J\n::error file=x::forged"
    os.mkdir(forged)
    _, _, err = run("check", "--format", "github", folder, forged)
    assert ID not in err and "\x1b" not in err and "\n::error" not in err


def test_eval_ids_are_masked_and_neutralised(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": f"x1 13812345678 {ID}", "text": THREAT, "expected": []}) + "\n"
                      + json.dumps({"id": "x2\n::error::forged", "text": THREAT, "expected": []}) + "\n",
                      encoding="utf-8")
    for fmt in ("text", "json"):
        _, out, _ = run("eval", "--no-model", "--format", fmt, str(corpus))
        assert ID not in out and "13812345678" not in out and "\n::error" not in out


def test_the_html_report_carries_no_control_characters(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("再不还钱就让你坐牢。\x1b[2J\x1b]0;t\x07 \u202e evil \x01\n", encoding="utf-8")
    _, out, _ = run("check", "--format", "html", str(page))
    assert not any(c in out for c in "\x1b\x07\x01\u202e")


# --- the cache --------------------------------------------------------------------------------------------

def test_a_cache_entry_others_can_write_is_never_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from collectlint import compiled_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled_cache.write("k", {"rules": 1})
    assert compiled_cache.read("k") == {"rules": 1}
    entry = tmp_path / "collectlint" / "rules-k.bin"
    entry.chmod(0o666)
    assert compiled_cache.read("k") is None  # planted or tampered with: rebuilt, never unpickled


def test_a_cache_folder_open_to_others_is_closed_before_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from collectlint.cachedir import cache_dir

    folder = tmp_path / "collectlint"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == folder and stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_profile_that_cannot_read_the_message_is_not_a_silent_pass(tmp_path: Path) -> None:
    letter = tmp_path / "a.md"
    letter.write_text("---\nprofile: en-US\n---\n再不还钱就让你坐牢。\n", encoding="utf-8")
    code, _, err = run("check", "--select", "false-legal", "--require-rules", str(letter))
    assert code == 1 and "does not read the language" in err


@pytest.mark.parametrize(("text", "suppressed"), [
    ('a: "再不还钱就让你坐牢。 # collectlint: disable=CN201 approved by legal"\n', False),  # inside the string
    ("a: |\n  再不还钱就让你坐牢。\n  # collectlint: disable=CN201 approved by legal\n", False),  # inside a block
    ("a: 再不还钱就让你坐牢。 # collectlint: disable=CN201 approved by legal\n", True),  # a real comment
])
def test_only_real_yaml_comments_suppress(tmp_path: Path, text: str, suppressed: bool) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, _ = run("check", "--select", "CN201", str(path))
    assert code == (0 if suppressed else 1)


@pytest.mark.parametrize("filler", ["・", "○", "‧"])
def test_dots_and_circles_between_characters_do_not_hide_a_word(tmp_path: Path, filler: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"再不还钱就让你坐{filler}牢。\n", encoding="utf-8")
    assert run("check", "--select", "CN201", str(path))[0] == 1


@pytest.mark.parametrize(("name", "content"), [
    ("soft.md", "再不还钱就让你坐\n牢。\n"),                                   # a soft line break
    ("link.md", "再不还钱就让你坐[牢](http://x)。\n"),                         # link text in its place
    ("hidden.html", "<p>再不还钱就让你坐<span style='display:none'>x</span>牢。</p>\n"),
    ("attr.html", "<p>再不还钱就让你坐<span hidden>x</span>牢。</p>\n"),
    ("ruby.html", "<p>再不还钱就让你<ruby>坐<rt>zuo</rt>牢<rt>lao</rt></ruby>。</p>\n"),
])
def test_what_the_reader_sees_as_one_word_is_one(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert run("check", "--select", "CN201", str(path))[0] == 1


@pytest.mark.parametrize(("name", "content"), [
    ("a.html", f"<p>身份证号&#49;{ID[1:]}</p>\n"), ("b.md", f"身份证号{ID[:6]}&#x31;{ID[7:]}\n")])
def test_a_digit_written_as_a_character_reference_is_still_part_of_the_number(tmp_path: Path, name: str,
                                                                              content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, _ = run("check", "--select", "CN601", str(path))
    assert code == 1 and "CN601" in out and ID not in out


@pytest.mark.parametrize(("content", "suppressed"), [
    ("`<!-- collectlint-disable CN201 approved by legal -->`\n\n再不还钱就让你坐牢。\n", False),
    ("```\n<!-- collectlint-disable CN201 approved by legal -->\n```\n再不还钱就让你坐牢。\n", False),
    ("<!-- collectlint-disable CN201 approved by legal -->\n再不还钱就让你坐牢。\n", True),
])
def test_a_directive_shown_in_markdown_code_suppresses_nothing(tmp_path: Path, content: str, suppressed: bool) -> None:
    path = tmp_path / "a.md"
    path.write_text(content, encoding="utf-8")
    assert run("check", "--select", "CN201", str(path))[0] == (0 if suppressed else 1)


@pytest.mark.parametrize("encoding", ["hz", "utf-7"])
def test_chinese_in_a_seven_bit_encoding_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(THREAT.encode(encoding))
    assert run("check", "--select", "CN201", str(path))[0] == 1


def test_ascii_with_plus_signs_stays_ascii(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Call +8613812345678 or write to a+bcdefgh@example.com about your balance.\n", encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(path))
    assert code in (0, 1) and "13812345678" not in out
