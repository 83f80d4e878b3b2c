"""The labelled corpus: its shape, the evaluator, and the figures that must not fall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.api import Linter, Options
from collectlint.cli import cli
from collectlint.errors import InputError
from collectlint.evaluate import evaluate, load_corpus
from collectlint.models import Severity

ROOT = Path(__file__).resolve().parent.parent
FLOOR = 0.95
# The synthetic messages carry one category each; the semantic rules rightly add a second one to some
# (我们知道你家在哪 is labelled a threat and is also pressure), which counts as a false alarm of that
# second category.  Per-category precision on this set is therefore held to a lower floor, while no
# compliant synthetic message may get any conduct finding (test below).
PRECISION_FLOOR = 0.75


def synthetic():  # type: ignore[no-untyped-def]
    """The synthetic regression set (the real corpus under corpus/real/ is measured separately)."""
    return load_corpus(ROOT / "corpus" / "zh.jsonl") + load_corpus(ROOT / "corpus" / "holdout")


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(Linter(options=Options(model=False)), synthetic())


def test_corpus_shape() -> None:
    items = synthetic()
    assert len(items) >= 600
    compliant = sum(1 for i in items if not i.expected)
    assert compliant / len(items) >= 0.40
    for category in ("threat", "false-legal", "third-party", "shaming", "insult", "privacy", "pressure",
                     "misrepresentation", "missing-element"):
        assert sum(1 for i in items if category in i.expected) >= 20, category


def test_precision_and_recall_do_not_fall(report) -> None:  # type: ignore[no-untyped-def]
    for category, score in report.scores.items():
        assert score.precision >= PRECISION_FLOOR, (category, score, [o.item.id for o in report.false_alarms])
        assert score.recall >= FLOOR, (category, score, [o.item.id for o in report.misses])


def test_real_world_reminders_have_no_error_finding(linter: Linter) -> None:
    reminders = [
        "【招商银行】尊敬的张先生，您尾号1234的信用卡本期账单2,356.40元，到期还款日11月25日，请按时还款。客服95555。",
        "【南方电网】您户号尾号5521的电费账户欠费328.60元，请于11月15日前缴清，以免影响用电。咨询95598。",
        "尊敬的陈总：\n贵司10月份的货款（发票号码FP20241008）共计人民币86,400.00元，按合同约定应于11月30日前支付。"
        "如已安排付款，请忽略本邮件。\n财务部 电话021-62345678\n上海恒信包装材料有限公司",
        "【平安银行】您尾号3390的信用卡已逾期，欠款1,200元，请于11月26日前还款。本行绝不会以坐牢、拘留等方式催收。客服95511。",
    ]
    for text in reminders:
        errors = [f for f in linter.lint_text(text) if f.severity is Severity.ERROR]
        assert errors == [], (text, [f.rule_id for f in errors])


def test_eval_cli_text_and_json() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(ROOT / "corpus" / "holdout")])
    assert result.exit_code == 0 and "precision" in result.stdout and "False alarms" in result.stdout
    result = runner.invoke(cli, ["eval", "--format", "json", str(ROOT / "corpus" / "holdout")])
    data = json.loads(result.stdout)
    assert set(data["categories"]) >= {"threat", "missing-element"}
    assert data["messages"] == len(load_corpus(ROOT / "corpus" / "holdout"))


def test_a_finding_counts_in_each_of_its_categories(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    text = "This is the IRS. A warrant is pending for your unpaid tax debt."
    f.write_text(json.dumps({"id": "a", "text": text, "lang": "en", "expected": ["false-legal", "misrepresentation"]})
                 + "\n", encoding="utf-8")
    scores = evaluate(Linter(options=Options(model=False, profile="en-US")), load_corpus(f)).scores
    assert (scores["false-legal"].tp, scores["misrepresentation"].tp) == (1, 1)


def test_eval_fail_under(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "你好", "expected": ["threat"]}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    assert CliRunner().invoke(cli, ["eval", "--fail-under", "0.9", str(f)]).exit_code == 1


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("not json", "invalid JSON"),
        ('{"id": "a", "text": "x", "expected": ["scary"]}', "'expected'"),
        ('{"id": "a", "text": "x", "colour": 1}', "unknown key 'colour'"),
        ('{"id": "a", "text": "x", "stage": "M9"}', "unknown stage"),
    ],
)
def test_bad_corpus_line_names_file_and_line(tmp_path: Path, line: str, fragment: str) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "ok", "text": "你好"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_corpus(f)
    assert str(info.value).startswith(f"{f}:2: ") and fragment in str(info.value)


def test_no_compliant_synthetic_message_gets_a_conduct_finding(report) -> None:  # type: ignore[no-untyped-def]
    assert report.groups["all"].alarmed == 0


def test_lines_without_labels_are_counted_as_compliant_and_said_to_be(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "再不还钱就让你坐牢", "expected": ["false-legal"]}\n'
                 '{"id": "b", "text": "请于本月20日前还款"}\n'
                 '{"id": "c", "text": "您好，账单已出"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--no-model", str(f)])
    assert result.exit_code == 0, result.stderr
    assert f"2 of 3 message(s) have no 'expected' key and are counted as compliant (first: {f}:2)" in result.stderr
    labelled = f.with_name("d.jsonl")
    labelled.write_text('{"id": "a", "text": "您好", "expected": []}\n', encoding="utf-8")
    assert "no 'expected' key" not in CliRunner().invoke(cli, ["eval", "--no-model", str(labelled)]).stderr


def test_a_bad_line_or_file_is_left_out_and_the_rest_is_scored(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text('{"id": "a", "text": "再不还钱就让你坐牢", "expected": ["false-legal"]}\n'
                    'not json\n'
                    '{"id": "b", "text": "请于本月20日前还款", "expected": ["scary"]}\n'
                    '{"id": "c", "text": "您好，账单已出", "expected": []}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b"\xff\xfe not utf-8\n")
    result = CliRunner().invoke(cli, ["eval", "--no-model", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "(left out)" in line]
    assert len(errors) == 3
    assert f"{good}:2: invalid JSON" in errors[0] and f"{good}:3: 'expected'" in errors[1]
    assert "b.jsonl: cannot read corpus" in errors[2]
    assert "3 corpus line(s) or file(s) could not be read and are not scored" in result.stderr
    data = json.loads(result.stdout)  # the two good lines are still scored and reported
    assert data["messages"] == 2 and data["message_level"]["all"]["caught"] == 1
    assert len(data["errors"]) == 3 and data["errors"][0].startswith(f"{good}:2: invalid JSON")


@pytest.mark.parametrize("line", ["[" * 200_000, '{"id": "x", "text": "您好", "lang": 0}',
                                  '{"id": "x", "text": "您好", "lang": ""}', '{"id": "x", "text": "您好", "lang": []}'])
def test_a_line_too_deep_or_with_a_lang_of_the_wrong_kind_is_left_out_with_an_error(tmp_path: Path,
                                                                                    line: str) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "您好", "expected": []}\n' + line + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--no-model", str(f)])
    assert result.exit_code == 2 and f"{f}:2: " in result.stderr and "internal error" not in result.stderr
    assert "1 messages (1 compliant)" in result.stdout


def test_a_corpus_with_nothing_readable_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--no-model", str(f)])
    assert result.exit_code == 2 and "corpus has no messages that could be read" in result.stderr


def test_extra_metadata_keys_are_read_past_and_named_once(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "您好", "expected": [], "url": "https://example.org/1"}\n'
                 '{"id": "b", "text": "您好!", "expected": [], "url": "https://example.org/2"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--no-model", str(f)])
    assert result.exit_code == 0, result.stderr
    assert f"key 'url' is not read (2 line(s), first: {f}:1;" in result.stderr
    assert result.stderr.count("is not read") == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [("If you do not pay we will have you arrested.", "en"), ("再不还钱就让你坐牢", "zh-Hans"),
     ("再不還錢就讓你坐牢，你的帳戶已逾期", "zh-Hant"), ("【银行】your account", "zh-Hans")],
)
def test_items_without_a_lang_key_are_grouped_by_their_script(tmp_path: Path, text: str, lang: str) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "a", "text": text, "expected": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_corpus(f)[0].lang == lang
