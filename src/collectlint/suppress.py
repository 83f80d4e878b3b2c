"""Apply suppression comments to a file's findings; report unused ones and ones without a reason."""

from __future__ import annotations

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
    used: set[int] = set()
    kept: list[Finding] = []
    # Indexed by line, so many comments and many findings stay linear; ranges and whole-message
    # ignores are few and checked one by one.
    by_line: dict[int, list[int]] = {}
    spanning: list[int] = []
    for i, s in enumerate(suppressions):
        if not s.reason or s.invalid:
            continue
        if s.target_line is not None and s.end_line is None:
            by_line.setdefault(s.target_line, []).append(i)
        else:
            spanning.append(i)
    for f in findings:
        line = doc.position(f.span.start).line
        hit = next(
            (i for i in [*by_line.get(line, ()), *spanning]
             if suppressions[i].covers(line) and (f.rule_id in suppressions[i].rules or f.name in suppressions[i].rules)),
            None,
        )
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
