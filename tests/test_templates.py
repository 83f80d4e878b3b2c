"""The sample template repository in tests/templates: formats, placeholders, channels, stages,
required elements, call scripts and suppressions, with findings at exact file locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectlint.api import Linter
from collectlint.models import Category, FileResult
from collectlint.source import Document

T = Path(__file__).resolve().parent / "templates"


@pytest.fixture(scope="module")
def results(linter: Linter) -> dict[str, FileResult]:
    return {Path(r.path).relative_to(T).as_posix(): r for r in linter.lint_paths([str(T)])}


def where(result: FileResult, rule: str) -> list[tuple[int, int, str | None]]:
    doc = Document(result.text)
    out = []
    for f in result.findings:
        if f.rule_id == rule:
            p = doc.position(f.span.start)
            out.append((p.line, p.column, f.key))
    return out


def position_of(result: FileResult, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = result.text.index(needle, start + 1)
    p = Document(result.text).position(start)
    return p.line, p.column


def conduct(result: FileResult) -> list[str]:
    return [f.rule_id for f in result.findings if f.category.value not in ("missing-element", "channel-limit",
                                                                           "suppression")]


def test_every_format_is_read(results: dict[str, FileResult]) -> None:
    assert set(results) == {
        "email/invoice.html", "letters/letter.docx", "letters/m1_bad.md", "letters/m3_notice.md",
        "letters/no_due_date.md", "scripts/call_m2.txt", "sms/bom_notice.md", "sms/catalogue.yaml",
        "sms/gbk_notice.txt", "sms/reminders.json",
    }
    assert all(r.error is None for r in results.values()), [r.error for r in results.values() if r.error]


def test_yaml_catalogue_reports_each_leaf_at_its_own_place(results: dict[str, FileResult]) -> None:
    r = results["sms/catalogue.yaml"]
    assert sum(1 for line in r.text.splitlines() if line.strip().startswith(("due", "reminder", "hardship", "loan",
                                                                             "early", "too", "no_", "firm", "credit",
                                                                             "jail", "family", "negated", "lawful",
                                                                             "shaming", "unsigned", "fees", "place",
                                                                             "unused", "autopay", "bill"))) >= 20
    line, col = position_of(r, "坐牢")
    assert where(r, "CN201") == [(line, col, "sms.m2.jail")]
    line, col = position_of(r, "就发到你朋友圈")
    assert (line, col, "sms.m3.shaming") in where(r, "CN402")
    # Stage from the key path: legal steps flagged at m1, not at m3.
    assert [k for _, _, k in where(r, "CN705")] == ["sms.m1.too_early"]
    # Negation inside a catalogue string.
    assert not any(f.key == "sms.m2.negated" for f in r.findings if f.category is not Category.CHANNEL_LIMIT)
    # An unsigned SMS misses only its creditor.
    assert [(f.rule_id, f.key) for f in r.findings if f.key == "sms.m3.unsigned"
            and f.category is Category.MISSING_ELEMENT] == [("CN905", "sms.m3.unsigned")]
    # No missing-element finding anywhere else: placeholders satisfy the elements.
    missing = {f.key for f in r.findings if f.category is Category.MISSING_ELEMENT}
    assert missing == {"sms.m1.no_date", "sms.m3.unsigned"}


def test_yaml_suppressions(results: dict[str, FileResult]) -> None:
    r = results["sms/catalogue.yaml"]
    assert where(r, "CN705") and all(k != "sms.m1.early_legal" for _, _, k in where(r, "CN705"))
    assert [line for line, _, _ in where(r, "CL002")] == [position_of(r, "disable=CN201")[0]]
    assert [line for line, _, _ in where(r, "CL001")] == [position_of(r, "disable=CN401")[0]]


def test_json_catalogue(results: dict[str, FileResult]) -> None:
    r = results["sms/reminders.json"]
    line, col = position_of(r, "限你2小时")
    assert where(r, "CN702") == [(line, col, "sms.m1.1.text")]
    assert [f for f in r.findings if f.category is Category.MISSING_ELEMENT] == []


def test_placeholders_are_never_flagged(results: dict[str, FileResult]) -> None:
    r = results["sms/catalogue.yaml"]
    assert not any(f.key == "sms.m3.placeholder_only" and f.category not in (Category.CHANNEL_LIMIT,)
                   for f in r.findings)


def test_markdown_front_matter_code_comments_and_suppressions(results: dict[str, FileResult]) -> None:
    r = results["letters/m3_notice.md"]
    assert r.findings == [] or all(f.category is Category.CHANNEL_LIMIT for f in r.findings)
    bad = results["letters/m1_bad.md"]
    line, col = position_of(bad, "打电话到你单位")
    assert (line, col, None) in where(bad, "CN303")
    line, col = position_of(bad, "老赖")
    assert where(bad, "CN502") == [(line, col, None)]
    assert where(bad, "CN701") == []  # disabled on the next line, with a reason
    assert where(bad, "CN903") == []  # front-matter ignore, with a reason
    assert where(bad, "CL001") == [] and where(bad, "CL002") == []


def test_template_missing_only_its_due_date(results: dict[str, FileResult]) -> None:
    r = results["letters/no_due_date.md"]
    assert [(f.rule_id, f.category) for f in r.findings] == [("CN902", Category.MISSING_ELEMENT)]


def test_html_visible_text_only_with_exact_positions(results: dict[str, FileResult]) -> None:
    r = results["email/invoice.html"]
    line, col = position_of(r, "曝</b>")
    # Split by markup, still caught, at the 曝 (CN401 reads the same words; CN402's longer span stands).
    assert where(r, "CN402") == [(line, col, None)]
    assert where(r, "CN201") == []  # 坐牢 only in style, comment and script
    assert [f for f in r.findings if f.category is Category.MISSING_ELEMENT] == []


def test_docx_paragraph_locations(results: dict[str, FileResult]) -> None:
    r = results["letters/letter.docx"]
    assert where(r, "CN209") == [(4, r.text.splitlines()[3].index("将把你列入失信") + 1, None)]
    assert [f for f in r.findings if f.category is Category.MISSING_ELEMENT] == []


def test_call_script_customer_lines_are_context_only(results: dict[str, FileResult]) -> None:
    r = results["scripts/call_m2.txt"]
    # The agent's threat on line 5; the customer's quote on line 2 is not.  The model may name a
    # further category for the agent's line, never for the customer's.
    assert [rid for rid in conduct(r) if rid != "ML100"] == ["CN101"]
    assert where(r, "CN101")[0][0] == 5
    assert all(line == 5 for line, _, _ in where(r, "ML100"))
    assert [f for f in r.findings if f.category is Category.MISSING_ELEMENT] == []


def test_same_words_on_an_agent_line_fire(linter: Linter) -> None:
    customer = "坐席：您好，我是XX银行委托的恒远公司专员，工号1234。\n客户：你们再打我就报警，说你们要让我坐牢！"
    agent = "坐席：您好，我是XX银行委托的恒远公司专员，工号1234。\n坐席：你们再不还就让你坐牢！"
    assert "CN201" not in {f.rule_id for f in linter.lint_text(customer)}
    assert "CN201" in {f.rule_id for f in linter.lint_text(agent)}


def test_call_opening_must_identify_caller_and_creditor(linter: Linter) -> None:
    found = {f.rule_id for f in linter.lint_text("坐席：喂，你欠的钱什么时候还？金额5000元，客服95555。")}
    assert {"CN906", "CN907"} <= found


def test_gbk_and_bom_templates(results: dict[str, FileResult]) -> None:
    gbk = results["sms/gbk_notice.txt"]
    line, col = position_of(gbk, "发到你朋友圈")
    assert (line, col, None) in where(gbk, "CN402")
    bom = results["sms/bom_notice.md"]
    assert not bom.text.startswith("\ufeff")
    line, col = position_of(bom, "坐牢")
    assert where(bom, "CN201") == [(line, col, None)]


def test_sms_length_counts_placeholders_by_their_likely_value(linter: Linter) -> None:
    short = "【{{ bank }}】您尾号{{ card_last4 }}欠款{{ amount }}元，请于{{ due_date }}前还款，客服{{ hotline }}。"
    assert "CN910" not in {f.rule_id for f in linter.lint_text(short, channel="sms")}
    long = short + "如有困难，请及时与我们联系协商分期还款方案，我们将竭诚为您服务，感谢您的理解与配合，祝您生活愉快。"
    assert "CN910" in {f.rule_id for f in linter.lint_text(long, channel="sms")}
    assert "CN910" not in {f.rule_id for f in linter.lint_text(long, channel="letter")}


def test_unknown_extension_is_skipped_with_a_notice(linter: Linter, tmp_path: Path) -> None:
    f = tmp_path / "notes.rtf"
    f.write_text("让你坐牢", encoding="utf-8")
    (result,) = list(linter.lint_paths([str(f)]))
    assert result.error is None and result.findings == [] and "unknown file type" in (result.notice or "")


def test_placeholder_alias_table_is_configurable(tmp_path: Path) -> None:
    from collectlint.config import load

    cfg = tmp_path / ".collectlint.yaml"
    cfg.write_text("placeholder-aliases:\n  due-date: [pay_by]\n", encoding="utf-8")
    text = "【XX银行】您尾号1234欠款{{ amount }}元，请在{{ pay_by }}之前处理，客服95555。"
    without = {f.rule_id for f in Linter().lint_text(text)}
    with_alias = {f.rule_id for f in Linter(load(cfg)).lint_text(text)}
    assert "CN902" in without and "CN902" not in with_alias


def test_required_elements_per_channel_are_configurable(tmp_path: Path) -> None:
    from collectlint.config import load

    cfg = tmp_path / ".collectlint.yaml"
    cfg.write_text("required-elements:\n  sms: [amount]\n", encoding="utf-8")
    text = "您的欠款1200元请尽快处理。"
    default = {f.rule_id for f in Linter().lint_text(text, channel="sms")}
    relaxed = {f.rule_id for f in Linter(load(cfg)).lint_text(text, channel="sms")}
    assert {"CN902", "CN903", "CN904", "CN905"} <= default
    assert not relaxed & {"CN901", "CN902", "CN903", "CN904", "CN905"}


def test_front_matter_lang_sets_the_report_language(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from collectlint.cli import cli

    f = tmp_path / "l.md"
    f.write_text("---\nlang: en\n---\n让你坐牢\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--select", "CN201", str(f)]).stdout
    assert "Threatens arrest or jail" in out and "suggestion:" in out


def test_400_hotline_variants_are_contacts(linter: Linter) -> None:
    for hotline in ("400-820-1234", "4008201234", "4006-166-166"):
        text = f"【XX银行】您尾号1234欠款100元，请于3月5日前还款，客服{hotline}。"
        assert "CN904" not in {f.rule_id for f in linter.lint_text(text)}, hotline


@pytest.mark.parametrize(
    ("contact", "found"),
    [("查詢請致電 2345 6789", True), ("客服热线 2345-6789", True), ("請致電 +852 2345 6789", True),
     ("客服專線 02-2345-6789", True), ("請撥 0912-345-678", True), ("電話：+886 2 2345 6789", True),
     ("請於 2025 03 05 前聯絡", False), ("联系我们", False)],
)
def test_hong_kong_and_taiwan_numbers_are_contacts(linter: Linter, contact: str, found: bool) -> None:
    text = f"【XX銀行】閣下尾號1234欠款HK$100，請於3月5日前還款。{contact}。"
    assert ("CN904" not in {f.rule_id for f in linter.lint_text(text)}) is found


def test_repository_docs_are_not_templates(linter: Linter, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# 模板仓库\n本仓库存放催收短信模板。\n", encoding="utf-8")
    (tmp_path / "sms.md").write_text("让你坐牢\n", encoding="utf-8")
    results = {Path(r.path).name: r for r in linter.lint_paths([str(tmp_path), str(tmp_path / "README.md")])}
    assert results["README.md"].findings == [] and "not a message template" in (results["README.md"].notice or "")
    assert "CN201" in {f.rule_id for f in results["sms.md"].findings}


def test_creditor_finding_fits_the_channel_and_a_closing_signature_counts() -> None:
    from collectlint.api import Linter, Options

    linter = Linter(options=Options(model=False))
    unsigned = "<p>尊敬的客户：您尾号1234的账单欠款1200元已逾期，请于3月5日前还款。客服95555。</p>"
    ids = {f.rule_id for f in linter.lint_text_as(unsigned, "reminder.html")}
    assert "CN908" in ids and "CN905" not in ids  # an email is told to sign, not to add an SMS 【签名】
    signed = ("尊敬的客户：\n您尾号1234的账单欠款1200元已逾期，请于2024年3月5日前还款。客服95555。\n此致\n"
              "XX银行信用卡中心 催收部\n2024年3月1日\n")
    ids = {f.rule_id for f in linter.lint_text(signed, "letter.txt", channel="letter")}
    assert not ids & {"CN905", "CN908"}
    sms = "您尾号1234的账单欠款1200元已逾期，请于3月5日前还款。客服95555。"
    assert "CN905" in {f.rule_id for f in linter.lint_text(sms, "sms.txt")}


def test_ci_workflows_and_api_descriptions_are_not_read_as_catalogues(tmp_path: Path) -> None:
    from collectlint.api import Linter, Options

    workflow = tmp_path / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: 部署\non: [push]\njobs:\n  build:\n    steps:\n"
                        "      - name: 检查代码并运行所有测试用例以确保质量\n", encoding="utf-8")
    api = tmp_path / "openapi.yaml"
    api.write_text("openapi: 3.0.0\ninfo:\n  title: 催收短信服务接口文档\n"
                   "  description: 本接口用于向逾期客户发送还款提醒短信，支持批量发送。\n", encoding="utf-8")
    catalogue = tmp_path / "sms.yaml"
    catalogue.write_text("sms:\n  m1: 你再不还钱，我们就让你坐牢。\n", encoding="utf-8")
    linter = Linter(options=Options(model=False))
    # Named one by one, as a hook passes them.
    results = {Path(r.path).name: r for r in linter.lint_paths([str(workflow), str(api), str(catalogue)])}
    assert results["ci.yml"].skipped and "CI configuration" in (results["ci.yml"].notice or "")
    assert results["openapi.yaml"].skipped and "OpenAPI" in (results["openapi.yaml"].notice or "")
    assert any(f.rule_id == "CN201" for f in results["sms.yaml"].findings)
