"""Apply suppression comments to a file's findings; report unused ones and ones without a reason."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from collectlint.formats.base import Suppression
from collectlint.models import Finding, Span
from collectlint.packs.rule import Rule
from collectlint.pipeline import sort_findings
from collectlint.source import Document


def apply(text: str, findings: Sequence[Finding], suppressions: Sequence[Suppression],
          meta_rules: dict[str, Rule], severity_of: dict[str, object] | None = None,
          suppressed: list[tuple[str, int, str]] | None = None) -> list[Finding]:
    """Findings left after suppression, plus findings about the suppressions themselves.

    ``meta_rules`` maps ``unused`` and ``missing-reason`` to the rules that report them (absent when
    those rules are not selected).
    """
    if not suppressions:
        return list(findings)
    doc = Document(text)
    lines = [doc.position(f.span.start).line for f in findings]
    hits = _first_hits(findings, lines, suppressions)
    used: set[int] = set()
    kept: list[Finding] = []
    for f, line, hit in zip(findings, lines, hits, strict=True):
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
            if suppressed is not None:  # (rule, line, reason): what the audit report lists
                suppressed.append((f.rule_id, line, suppressions[hit].reason))
    starts = doc.line_starts()
    for i, s in enumerate(suppressions):
        problem = ("invalid" if s.invalid else "missing-reason" if not s.reason
                   else "unused" if i not in used else None)
        rule = meta_rules.get(problem or "")
        if rule is None:
            continue
        start = starts[min(s.line, len(starts)) - 1]
        end = text.find("\n", start)
        kept.append(Finding(
            rule_id=rule.id, name=rule.name, category=rule.category, severity=rule.severity,
            message_zh=rule.message_zh, message_en=rule.message_en,
            span=Span(start, len(text) if end == -1 else end), suggestions=rule.suggestions, basis=rule.docs.basis,
        ))
    return sort_findings(kept)


_EVERY_LINE = 1 << 62  # the end of a whole-message suppression


def _first_hits(findings: Sequence[Finding], lines: list[int],
                suppressions: Sequence[Suppression]) -> list[int | None]:
    """For each finding, the suppression that silences it, or None.

    A next-line suppression on the finding's line wins, the first in the file; otherwise the first
    range or whole-message suppression covering the line.  One pass over the findings in line order
    with a per-line index and, per rule, a heap of the open ranges: O((findings + suppressions) log)
    however many comments a file holds, where testing every range for every finding was quadratic.
    """
    on_line: dict[tuple[int, str], int] = {}  # (line, rule) -> first next-line suppression
    pending: dict[str, list[tuple[int, int, int]]] = {}  # rule -> ranges (start, index, end)
    for i, s in enumerate(suppressions):
        if not s.reason or s.invalid:
            continue
        if s.target_line is not None and s.end_line is None:
            for rule in s.rules:
                on_line.setdefault((s.target_line, rule), i)
            continue
        if s.target_line is None or s.end_line is None:
            start, end = 0, _EVERY_LINE
        else:
            start, end = s.target_line, s.end_line
        for rule in s.rules:
            pending.setdefault(rule, []).append((start, i, end))
    for ranges in pending.values():
        ranges.sort(reverse=True)  # popped from the end: earliest start first
    active: dict[str, list[tuple[int, int]]] = {}  # rule -> heap of (index, end) of ranges begun
    hits: list[int | None] = [None] * len(findings)
    for k in sorted(range(len(findings)), key=lines.__getitem__):
        line, keys = lines[k], (findings[k].rule_id, findings[k].name)
        local = [on_line[(line, r)] for r in keys if (line, r) in on_line]
        if local:
            hits[k] = min(local)
            continue
        candidates = [i for i in (_first_open(r, line, pending, active) for r in keys) if i is not None]
        hits[k] = min(candidates) if candidates else None
    return hits


def _first_open(rule: str, line: int, pending: dict[str, list[tuple[int, int, int]]],
                active: dict[str, list[tuple[int, int]]]) -> int | None:
    """The first range for ``rule`` covering ``line``; lines must be asked for in ascending order, so
    a range that has ended stays ended and is dropped for good."""
    waiting = pending.get(rule)
    heap = active.setdefault(rule, [])
    while waiting and waiting[-1][0] <= line:
        _, i, end = waiting.pop()
        heapq.heappush(heap, (i, end))
    while heap and heap[0][1] < line:
        heapq.heappop(heap)
    return heap[0][0] if heap else None
