"""Running time grows linearly with the input (sweep cases A5, A6, A7).

No wall-clock limits: each check times a function on an input of size n and of size 4n (CPU time, the
best of three runs) and asserts the ratio stays well under the 16 a quadratic algorithm would show.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest

from collectlint.elements import RUN_CAP, SPACE_CAP, bounded, looks_like_message
from collectlint.formats import html, markdown
from collectlint.formats.base import Suppression
from collectlint.formats.directives import next_line_suppressions
from collectlint.models import Category, Finding, Severity, Span
from collectlint.profiles import get_profile
from collectlint.session import Session
from collectlint.suppress import apply

THREAT = "再不还钱就让你坐牢"
# Linear work gives a ratio near 4; quadratic work gives 16.  Times below FLOOR seconds are noise.
MAX_RATIO = 8.0
FLOOR = 0.01


def _cpu(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def growth(work: Callable[[int], Callable[[], object]], n: int) -> float:
    """How much longer ``work`` takes on size 4n than on size n."""
    small, large = work(n), work(4 * n)
    # One untimed run of each first: the first run pays one-off costs (a pattern compiled on first use,
    # the allocator growing its arenas for the large input) that would skew a ratio near the limit.
    small()
    large()
    return _cpu(large) / max(_cpu(small), FLOOR)


# --- A5: required-element recognisers -------------------------------------------------------------


@pytest.mark.parametrize("profile", ["zh-CN", "en-US"])
@pytest.mark.parametrize("unit", ["1", "a", "中", "1,", "a.", " "])
def test_element_recognisers_are_linear_on_long_runs(profile: str, unit: str) -> None:
    elements = list(get_profile(profile).elements.values())

    def work(n: int) -> Callable[[], object]:
        text = unit * (n // len(unit)) + "\n"
        return lambda: [e.present(text, []) for e in elements]

    assert growth(work, 10_000) < MAX_RATIO


def test_placeholder_stripping_is_linear_on_unclosed_marks() -> None:
    def work(n: int) -> Callable[[], object]:
        texts = [mark * (n // len(mark)) for mark in ("{{", "${", "%(", "【", "[")]
        return lambda: [looks_like_message.__wrapped__(t) for t in texts]

    assert growth(work, 5_000) < MAX_RATIO


def test_bounded_caps_only_unbounded_repeats() -> None:
    assert bounded(r"\d[\d,]*(?:\.\d+)?元") == rf"\d[\d,]{{0,{RUN_CAP}}}(?:\.\d{{1,{RUN_CAP}}})?元"
    assert bounded(r"[:\s]*\d{4}") == rf"[:\s]{{0,{SPACE_CAP}}}\d{{4}}"
    assert bounded(r"a{2,}b*?c+?d?e{1,3}") == rf"a{{2,{RUN_CAP}}}b{{0,{RUN_CAP}}}?c{{1,{RUN_CAP}}}?d?e{{1,3}}"
    assert bounded(r"[]*+]+\u4e00+\{1,\}") == rf"[]*+]{{1,{RUN_CAP}}}\u4e00{{1,{RUN_CAP}}}\{{1,\}}"
    assert bounded(r"(?<!截至)(?:\d{4}年)?\d{1,2}月") == r"(?<!截至)(?:\d{4}年)?\d{1,2}月"


@pytest.mark.parametrize("profile", ["zh-CN", "en-US"])
def test_bounded_recognisers_find_what_the_originals_find(profile: str) -> None:
    samples = ["欠款人民币12,345.67元，请于2024年3月15日前还款，合同编号：HT-2024-0001，客服95588。",
               "【招商银行】尾号 1234 的信用卡逾期3天。详询 www.example.com 或 help@bank-example.com.cn",
               "This is Jane from Acme Credit LLC. You owe $1,234.56 due by March 15. Reference no. 12345.",
               "We are a debt collector; this is an attempt to          collect a debt." + " " * 500 + "opt out",
               "合同号:" + " " * 300 + "ab12345", "x" * 60 + "@example.com"]
    for element in get_profile(profile).elements.values():
        original = re.compile(element.pattern.pattern.replace(f",{RUN_CAP}}}", ",}").replace(f",{SPACE_CAP}}}", ",}"))
        for text in samples:
            assert (element.pattern.search(text) is None) == (original.search(text) is None), (element.name, text)


# --- A6: nested tags ------------------------------------------------------------------------------


def test_html_reader_is_linear_in_nesting() -> None:
    def work(n: int) -> Callable[[], object]:
        text = "<div>" * n + THREAT + "</div>" * n
        return lambda: html.read(text, "n.html")

    assert growth(work, 20_000) < MAX_RATIO


def test_markdown_reader_is_linear_in_inline_html() -> None:
    def work(n: int) -> Callable[[], object]:
        text = "<div>" * n + THREAT + "\n"
        return lambda: markdown.read(text, "m.md")

    assert growth(work, 20_000) < MAX_RATIO


def test_markdown_reader_is_linear_in_backtick_runs() -> None:
    def work(n: int) -> Callable[[], object]:
        text = "`" * n + THREAT  # no line break: a fence would hide the run
        return lambda: markdown.read(text, "m.md")

    assert growth(work, 3_000) < MAX_RATIO


@pytest.fixture(scope="module")
def session() -> Session:
    return Session()


# The reader output of nested block tags is one whitespace line per tag; the speaker-label search of
# ``profiles/profile.py`` (``^\s*(?:坐席|...)``, used by ``formats/script.is_script``) rescans every
# following blank line from each line start.  Fixed there by ``^[^\S\n]*``; outside this change.


@pytest.mark.parametrize(("suffix", "make", "n"), [  # sizes keep the quadratic case to a few seconds
    ("html", lambda n: "<div>" * n + THREAT + "</div>" * n, 500),
    ("md", lambda n: "<div>" * n + THREAT + "\n", 600),
    ("md", lambda n: "<!-- collectlint-disable CN201 because -->\n" * n + THREAT + "\n", 120),
])
def test_linting_nested_tags_and_many_comments_is_linear(session: Session, suffix: str,
                                                         make: Callable[[int], str], n: int) -> None:
    def work(size: int) -> Callable[[], object]:
        text = make(size)
        return lambda: session.lint_text(text, path=f"x.{suffix}", fmt=suffix)

    assert growth(work, n) < MAX_RATIO


# --- A7: suppression comments ---------------------------------------------------------------------


def _finding(rule_id: str, start: int) -> Finding:
    return Finding(rule_id=rule_id, name=rule_id.lower(), category=Category.THREAT, severity=Severity.ERROR,
                   message_zh="", message_en="", span=Span(start, start + 1))


def test_markdown_reader_is_linear_in_suppression_comments() -> None:
    def work(n: int) -> Callable[[], object]:
        text = "<!-- collectlint-disable CN201 because -->\n" * n + THREAT + "\n"
        return lambda: markdown.read(text, "s.md")

    assert growth(work, 2_500) < MAX_RATIO


def test_enable_comments_that_close_nothing_are_linear() -> None:
    def work(n: int) -> Callable[[], object]:
        text = "<!-- collectlint-disable CN201 because -->\n" * n + "<!-- collectlint-enable CN202 -->\n" * n
        return lambda: next_line_suppressions(text, "s.md")

    assert growth(work, 500) < MAX_RATIO


def test_applying_many_ranges_to_many_findings_is_linear() -> None:
    # n ranges for another rule, open to the end of the file, and n findings none of them silences.
    def work(n: int) -> Callable[[], object]:
        text = "x\n" * (2 * n)
        ranges = [Suppression(("CN202",), "because", line, line + 1, end_line=2 * n) for line in range(1, n + 1)]
        nexts = [Suppression(("CN203",), "because", line, n + 1) for line in range(1, n + 1)]
        findings = [_finding("CN201", 2 * line) for line in range(n, 2 * n)]
        return lambda: apply(text, findings, ranges + nexts, {})

    assert growth(work, 1_000) < MAX_RATIO


def test_the_first_matching_suppression_is_the_one_used() -> None:
    text = "a\nb\nc\nd\n"
    suppressions = [
        Suppression(("CN201",), "range", 1, 2, end_line=4),
        Suppression(("cn201",), "by name", 1, 2, end_line=3),
        Suppression(("CN201",), "next line", 1, 3),
        Suppression(("CN201",), "", 1, 4),  # no reason: never applies
        Suppression(("CN201",), "whole message", 1, None),
    ]
    findings = [_finding("CN201", 0), _finding("CN201", 2), _finding("CN201", 4), _finding("CN201", 6),
                _finding("CN202", 6)]
    used: list[tuple[str, int, str]] = []
    kept = apply(text, findings, suppressions, {}, suppressed=used)
    assert used == [("CN201", 1, "whole message"), ("CN201", 2, "range"), ("CN201", 3, "next line"),
                    ("CN201", 4, "range")]
    assert [f.rule_id for f in kept] == ["CN202"]
