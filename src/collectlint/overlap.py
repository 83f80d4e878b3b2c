"""One finding per violation: two rules that report the same category over the same words merge.

Rule packs overlap on purpose (a frame rule and a phrase rule both know 通知你家人; US201 and US203
both read "a warrant for your arrest will be filed"), and a reader who sees two findings of one
category over one phrase counts two problems where there is one.  After suppressions and per-path
ignores (so a suppressed rule never takes another rule's finding down with it), a rule finding whose
span overlaps a stronger rule finding of the same category in the same message is dropped, and the
categories it named beyond that one join the kept finding's, as do its rule id and legal basis
(``Finding.merged``: a compliance reader still sees every instrument the words break).  The stronger
finding is the more severe, then the longer, then the earlier rule id: the same input always keeps the
same finding.

Kept apart: model findings (the model reports only what no rule caught), findings that carry an
automatic fix (``collectlint fix`` rewrites every such span) and findings of different messages.
"""

from __future__ import annotations

from collections.abc import Sequence

from collectlint.models import CONDUCT, Finding, MergedRule
from collectlint.record import replace


def _mergeable(f: Finding) -> bool:
    return f.source == "rule" and f.category in CONDUCT and not any(s.replacement for s in f.suggestions)


def _strength(f: Finding) -> tuple[int, int, str]:
    return (-int(f.severity), -(f.span.end - f.span.start), f.rule_id)


def merge_overlapping(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` without the weaker of two same-category rule findings over the same words, in the
    original order.  Findings meet only within one message and one category (a catalogue of thousands of
    messages costs one pass)."""
    groups: dict[tuple[str | None, str], list[int]] = {}
    for i, f in enumerate(findings):
        if _mergeable(f):
            groups.setdefault((f.key, f.category.value), []).append(i)
    merged: dict[int, Finding] = {}
    dropped: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        kept: list[int] = []
        for i in sorted(members, key=lambda i: _strength(findings[i])):
            f = findings[i]
            stronger = next((j for j in kept if findings[j].rule_id != f.rule_id
                             and findings[j].span.start < f.span.end and f.span.start < findings[j].span.end), None)
            if stronger is None:
                kept.append(i)
                continue
            dropped.add(i)
            k = merged.get(stronger, findings[stronger])
            extra = tuple(c for c in f.categories if c not in k.categories)
            folded = tuple(m for m in (MergedRule(f.rule_id, f.basis), *f.merged)
                           if m.rule_id != k.rule_id and all(m.rule_id != n.rule_id for n in k.merged))
            merged[stronger] = replace(k, also_categories=(*k.also_categories, *extra), merged=(*k.merged, *folded))
    return [merged.get(i, f) for i, f in enumerate(findings) if i not in dropped]
