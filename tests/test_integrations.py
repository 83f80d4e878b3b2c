"""CI and editor integrations: SARIF, GitHub annotations, JUnit, fixes, baselines, statistics."""

from __future__ import annotations

import json
import os
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from collectlint.cli import cli
from collectlint.links import REPOSITORY, TAG

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "tests" / "templates"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_sarif_validates_against_the_official_schema() -> None:
    code, out, _ = run("check", "--format", "sarif", str(TEMPLATES))
    assert code == 1
    sarif = json.loads(out)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    run_ = sarif["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert "CN201" in rules and "Legal basis" in rules["CN201"]["help"]["text"]
    assert rules["CN201"]["properties"]["legalBasis"]
    jail = [r for r in run_["results"] if r["ruleId"] == "CN201"]
    assert jail and all(rules[r["ruleId"]] == run_["tool"]["driver"]["rules"][r["ruleIndex"]] for r in jail)
    region = jail[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["endColumn"] > region["startColumn"]
    # Every rule links to its own entry in the rule reference at this release's tag.
    headings = set(re.findall(r"^### (\S+)$", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), flags=re.M))
    for rule_id, rule in rules.items():
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == f"{REPOSITORY}/blob/{TAG}/docs/rules.md" and anchor == rule_id.lower(), rule["helpUri"]
        assert rule_id in headings, rule_id
    assert run_["tool"]["driver"]["informationUri"] == REPOSITORY


def test_github_annotations() -> None:
    code, out, _ = run("check", "--format", "github", str(TEMPLATES / "sms" / "catalogue.yaml"))
    assert code == 1
    line = next(x for x in out.splitlines() if "CN201" in x)
    assert line.startswith("::error file=")
    for part in ("line=20,", "col=", "endLine=20,", "endColumn=", "title=CN201 threat-of-arrest-or-jail::"):
        assert part in line
    assert "%0A" in line  # multi-line message escaped


def test_junit_parses() -> None:
    code, out, _ = run("check", "--format", "junit", str(TEMPLATES))
    assert code == 1
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    failing = [c for c in cases if c.find("failure") is not None]
    passing = [c for c in cases if c.find("failure") is None and c.find("error") is None]
    # One failing case per finding at or above --fail-on, one passing case per clean file.
    assert int(suite.get("tests", "0")) == len(cases) == len(failing) + len(passing) + len(suite.findall("testcase/error"))
    assert int(suite.get("failures", "0")) == len(failing) == len(root.findall(".//failure")) > 0
    assert passing and all(len(c.findall("failure")) == 1 for c in failing)
    assert all("[" in (c.get("name") or "") for c in failing)  # path:line:col [RULE]


def test_github_errors_first_a_summary_line_and_a_job_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run("check", "--format", "github", str(TEMPLATES))
    assert code == 1
    kinds = [line.split(" ", 1)[0] for line in out.splitlines()]
    order = {"::error": 0, "::warning": 1, "::notice": 2}
    ranks = [order[k] for k in kinds[:-1]]
    assert ranks == sorted(ranks) and ranks[0] == 0
    assert out.splitlines()[-1].startswith("::notice title=collectlint summary::collectlint: ")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## collectlint") and "| error | CN201 threat-of-arrest-or-jail |" in text


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    code, stdout, _ = run("check", "--format", "sarif", "-o", str(out), str(ROOT / "examples" / "bad_letter.md"))
    assert code == 1 and stdout == "" and json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_fix_keeps_encoding_line_endings_and_mode(tmp_path: Path) -> None:
    f = tmp_path / "notice.txt"
    original = "张先生：\r\n您的身份证号11010519491231002X已登记。\r\n你就是个老赖。\r\n"
    f.write_bytes(original.encode("gbk"))
    os.chmod(f, 0o640)
    code, out, _ = run("check", "--fix", str(f))
    after = f.read_bytes().decode("gbk")
    assert after == original.replace("11010519491231002X", "**************002X")  # only the safe fix
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert "CN601" not in out and "CN502" in out  # converged: re-linted; the unsafe fix was not applied
    code, out, _ = run("check", "--fix", "--unsafe-fixes", str(f))
    assert code == 1 and "CN502" not in out  # missing elements remain (warnings)
    assert f.read_bytes().decode("gbk") == original.replace("11010519491231002X", "**************002X").replace(
        "老赖", "逾期客户")
    assert not list(tmp_path.glob("*.collectlint-tmp"))


def test_fix_keeps_bom(tmp_path: Path) -> None:
    f = tmp_path / "n.md"
    f.write_bytes(b"\xef\xbb\xbf" + "卡号6222021234567890128\n".encode())
    run("check", "--fix", str(f))
    assert f.read_bytes() == b"\xef\xbb\xbf" + "卡号***************0128\n".encode()


def test_fix_in_a_yaml_catalogue(tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text('sms:\n  m1: "身份证11010519491231002X，请还款"  # note\n', encoding="utf-8")
    run("check", "--fix", str(f))
    assert f.read_text(encoding="utf-8") == 'sms:\n  m1: "身份证**************002X，请还款"  # note\n'


def test_diff_prints_and_does_not_write(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text("你就是个老赖。\n", encoding="utf-8")
    code, out, _ = run("check", "--diff", "--unsafe-fixes", str(f))
    assert code == 1 and "+你就是个逾期客户。" in out and "-你就是个老赖。" in out
    assert f.read_text(encoding="utf-8") == "你就是个老赖。\n"


def test_fix_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    from collectlint.errors import InputError
    from collectlint.fix import write_atomically

    f = tmp_path / "n.txt"
    f.write_text("new content", encoding="utf-8")
    try:
        write_atomically(f, b"fixed", b"old content")
    except InputError as exc:
        assert "changed on disk" in str(exc)
    else:
        raise AssertionError("write went ahead over a changed file")
    assert f.read_text(encoding="utf-8") == "new content"


def test_fixing_twice_equals_fixing_once(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text("身份证11010519491231002X，卡号4111 1111 1111 1111，你这个老赖\n", encoding="utf-8")
    run("check", "--fix", "--unsafe-fixes", str(f))
    once = f.read_bytes()
    run("check", "--fix", "--unsafe-fixes", str(f))
    assert f.read_bytes() == once


def test_baseline_reports_only_new_findings_and_survives_line_shifts(tmp_path: Path) -> None:
    f = tmp_path / "letter.md"
    f.write_text("【XX银行】尾号1234欠款100元，3月5日前还款，客服95555。让你坐牢。\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    code, _, err = run("check", "--baseline", str(base), str(f))
    assert code == 0 and "wrote 1 finding" in err
    assert "坐牢" not in base.read_text(encoding="utf-8")
    f.write_text("新增的第一行。\n\n【XX银行】尾号1234欠款100元，3月5日前还款，客服95555。让你坐牢。\n", encoding="utf-8")
    assert run("check", "--baseline", str(base), str(f))[0] == 0
    f.write_text(f.read_text(encoding="utf-8") + "还要发到你朋友圈曝光。\n", encoding="utf-8")
    code, out, _ = run("check", "--baseline", str(base), str(f))
    assert code == 1 and "CN401" in out and "CN201" not in out


def test_statistics_and_exit_zero() -> None:
    code, out, _ = run("check", "--statistics", str(TEMPLATES))
    assert code == 1
    first = out.splitlines()[0].split()
    assert first[0].isdigit() and first[1].startswith(("CN", "CL"))
    assert run("check", "--exit-zero", str(TEMPLATES))[0] == 0


def test_hooks_and_commands_are_documented() -> None:
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        assert f"id: {hook['id']}" in readme, hook["id"]
        assert hook["entry"].startswith("collectlint ")
    for option in ("--fix", "--unsafe-fixes", "--diff", "--baseline", "--statistics", "--exit-zero", "--output"):
        assert option in readme, option


def test_sarif_uris_are_percent_encoded_and_an_independent_consumer_reads_them(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    from urllib.parse import unquote, urlparse

    import sarif_pydantic

    folder = tmp_path / "模板 目录"
    folder.mkdir()
    (folder / "催收 短信#1.txt").write_text("你再不还钱就让你坐牢。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "--format", "sarif", ".")
    assert code == 1
    doc = sarif_pydantic.Sarif.model_validate_json(out)  # an independent SARIF object model
    run_ = doc.runs[0]
    assert run_.automation_details is not None and run_.tool.driver.full_name.startswith("collectlint ")
    location = run_.results[0].locations[0].physical_location.artifact_location
    assert location.uri_base_id == "%SRCROOT%"
    assert re.fullmatch(r"[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+", location.uri), location.uri  # RFC 3986 characters only
    base = json.loads(out)["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert (Path(urlparse(base).path) / unquote(location.uri)).read_text(encoding="utf-8").startswith("你再不还钱")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert all(r["properties"]["problem.severity"] in ("error", "warning", "recommendation") for r in rules)


def test_diff_shows_a_masking_fix_as_a_visible_change_without_the_number(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text("张先生：您的身份证号11010519491231002X已登记。\n", encoding="utf-8")
    code, out, _ = run("check", "--diff", str(f))
    assert code == 1
    assert "-张先生：您的身份证号##############002X已登记。" in out
    assert "+张先生：您的身份证号**************002X已登记。" in out
    assert "11010519491231002X" not in out


def test_a_house_rule_has_no_link_into_the_published_reference(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "h.yaml").write_text(
        "pack: house\nlanguage: zh\nrules:\n  - id: HZ001\n    name: house-word\n    category: insult\n"
        "    severity: error\n    message: {zh: 内部禁用词, en: House word}\n"
        "    docs: {what: w, why: w, basis: b, source_status: R, example: 呆子, instead: i}\n"
        "    match: {type: phrase, phrases: [呆子]}\n    examples: {fire: [你这个呆子], silent: [您好]}\n",
        encoding="utf-8")
    (tmp_path / ".collectlint.yaml").write_text("rule-dirs: [house]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("你这个呆子，再不还钱就让你坐牢。\n", encoding="utf-8")
    code, out, _ = run("check", "--format", "sarif", str(tmp_path / "a.md"))
    assert code == 1
    rules = {r["id"]: r for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in rules["HZ001"] and rules["CN201"]["helpUri"].endswith("#cn201")
