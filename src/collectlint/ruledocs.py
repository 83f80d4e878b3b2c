"""Rule documentation, generated from the fields each rule carries (habit: docs live with the rule)."""

from __future__ import annotations

from typing import Any

from collectlint.models import Applicability
from collectlint.packs.rule import Rule

STATUS_TEXT = {
    "R": "R (the primary text was read)",
    "S": "S (only a secondary summary was read; the rule ships as a warning)",
    "M": "M (from background knowledge, not verified; the rule ships as a warning)",
}


def fix_safety(rule: Rule) -> str:
    kinds = {s.applicability for s in rule.suggestions}
    if Applicability.SAFE in kinds:
        return "safe fix available (applied by --fix)"
    if Applicability.UNSAFE in kinds:
        return "unsafe fix available (needs --unsafe-fixes)"
    return "display-only: rewording a collection message changes its meaning, so no automatic fix"


def explain_text(rule: Rule) -> str:
    d = rule.docs
    parts = [
        f"{rule.id} {rule.name} ({rule.category.value}, {rule.severity.label})",
        f"{rule.message_zh} / {rule.message_en}",
        "",
        "## What it flags", d.what, "",
        "## Why it matters", d.why, "",
        "## Legal basis", d.basis, f"Source status: {STATUS_TEXT[d.source_status]}", "",
        "## Example", d.example, "",
        "## Use instead", d.instead,
    ]
    for s in rule.suggestions:
        parts.append(f"- {s.zh} / {s.en} [{s.applicability.value}]")
    parts += ["", "## Fix safety", fix_safety(rule)]
    if d.references:
        parts += ["", "## References", *(f"- {r}" for r in d.references)]
    return "\n".join(parts)


def rule_summary(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id, "name": rule.name, "category": rule.category.value, "severity": rule.severity.label,
        "message": {"zh": rule.message_zh, "en": rule.message_en}, "basis": rule.docs.basis,
        "check": rule.check.kind, "deprecated": rule.deprecated,
        "stages": sorted(rule.stages) if rule.stages else None,
        "channels": sorted(rule.channels) if rule.channels else None,
    }
