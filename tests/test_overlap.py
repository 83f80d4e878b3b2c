"""Two rules reporting one category over the same words give one finding (``collectlint.overlap``)."""

from __future__ import annotations

from collectlint.api import Linter, Options
from collectlint.models import Category, Finding, MergedRule, Severity, Span, Suggestion
from collectlint.overlap import merge_overlapping

FAMILY = "再不还钱，我们就通知你家人和单位。"


def finding(rule: str, category: str, start: int, end: int, severity: Severity = Severity.ERROR,
            also: tuple[str, ...] = (), source: str = "rule", key: str | None = None,
            fix: str | None = None) -> Finding:
    return Finding(rule_id=rule, name=rule.lower(), category=Category(category), severity=severity,
                   message_zh="", message_en="", span=Span(start, end), source=source, key=key,
                   basis=f"basis of {rule}",
                   also_categories=tuple(Category(c) for c in also),
                   suggestions=(Suggestion("", "", replacement=fix),) if fix else ())


def ids(findings: list[Finding]) -> list[str]:
    return [f.rule_id for f in findings]


def test_the_stronger_of_two_overlapping_same_category_findings_stays_and_takes_the_others_categories() -> None:
    weak = finding("CN204", "false-legal", 0, 4, Severity.WARNING, also=("pressure",))
    strong = finding("CN209", "false-legal", 2, 8)
    merged = merge_overlapping([weak, strong])
    assert ids(merged) == ["CN209"]
    assert merged[0].categories == (Category.FALSE_LEGAL, Category.PRESSURE)


def test_equal_severity_keeps_the_longer_span_then_the_earlier_rule() -> None:
    short, long = finding("CN302", "third-party", 0, 5), finding("CN303", "third-party", 0, 8)
    assert ids(merge_overlapping([short, long])) == ["CN303"]
    later, earlier = finding("CN304", "third-party", 0, 5), finding("CN302", "third-party", 0, 5)
    assert ids(merge_overlapping([later, earlier])) == ["CN302"]


def test_other_categories_other_places_other_messages_model_and_fixable_findings_stay() -> None:
    kept = [
        finding("CN101", "threat", 0, 5), finding("CN201", "false-legal", 0, 5),  # another category
        finding("CN102", "threat", 5, 9),  # touches CN101 without overlapping it
        finding("CN103", "threat", 0, 5, key="b"),  # another message of the catalogue
        finding("ML100", "threat", 0, 5, source="model"),
        finding("CN501", "insult", 20, 24), finding("CN502", "insult", 20, 24, fix="您"),
    ]
    assert merge_overlapping(kept) == kept


def test_a_message_reports_one_third_party_finding_where_three_rules_read_the_same_words() -> None:
    raw = Linter(options=Options(model=False, merge_overlapping=False)).lint_text(FAMILY)
    merged = Linter(options=Options(model=False)).lint_text(FAMILY)
    third = [f for f in raw if f.category == Category.THIRD_PARTY]
    assert len(third) >= 2  # the rules do overlap here (else the test proves nothing)
    assert [f.category for f in merged].count(Category.THIRD_PARTY) == 1
    assert len(merged) == len(raw) - len(third) + 1


def test_suppressing_the_kept_rule_lets_the_other_rule_report_never_a_false_green() -> None:
    kept = next(f.rule_id for f in Linter(options=Options(model=False)).lint_text(FAMILY)
                if f.category == Category.THIRD_PARTY)
    text = f"<!-- collectlint-disable-next-line {kept} 引用原文 -->\n{FAMILY}\n"
    after = Linter(options=Options(model=False)).lint_text(text, fmt="md")
    third = [f for f in after if f.category == Category.THIRD_PARTY]
    assert len(third) == 1 and third[0].rule_id != kept


def test_the_finding_that_stands_keeps_each_merged_rule_and_its_basis_once() -> None:
    strong = finding("CN302", "third-party", 0, 8)
    weak, weaker = finding("CN303", "third-party", 0, 5), finding("CN304", "third-party", 2, 6, Severity.WARNING)
    again = finding("CN303", "third-party", 6, 8)  # the same weaker rule once more over the kept words
    merged = merge_overlapping([weak, strong, weaker, again])
    assert ids(merged) == ["CN302"]
    assert merged[0].merged == (MergedRule("CN303", "basis of CN303"), MergedRule("CN304", "basis of CN304"))
    assert merged[0].basis == "basis of CN302"

