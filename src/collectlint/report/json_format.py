"""Machine output: one JSON object per finding (``report.stream`` writes the document around them).
The schema is versioned; see docs/json-schema.json and the README."""

from __future__ import annotations

from typing import Any

from collectlint.models import FileResult
from collectlint.report.locate import locate

SCHEMA_VERSION = "1.4"  # 1.1: source, confidence, explanation; notices.  1.2: also_categories.
# 1.3: summary.files_checked, and a notice (path "") when nothing was checked.  1.4: merged.


def items(result: FileResult, lang: str) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = []
    msg_lang = lang or result.lang
    for loc in locate(result):
        f = loc.finding
        findings.append({
            "path": result.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "key": f.key,
            "rule": f.rule_id,
            "name": f.name,
            "category": f.category.value,
            **({"also_categories": [c.value for c in f.also_categories]} if f.also_categories else {}),
            "severity": f.severity.label,
            "message": f.message(msg_lang),
            "messages": {"zh": f.message_zh, "en": f.message_en},
            "basis": f.basis,
            **({"merged": [{"rule": m.rule_id, "basis": m.basis} for m in f.merged]} if f.merged else {}),
            "match": loc.match,
            **({"also": [{"line": a[0], "column": a[1], "end_line": a[2], "end_column": a[3], "match": a[4]}
                         for a in loc.also]} if loc.also else {}),
            "source": f.source,
            "confidence": f.confidence,
            **({"explanation": f.explanation} if f.explanation else {}),
            "suggestions": [
                {"text": s.text(msg_lang), "zh": s.zh, "en": s.en, "applicability": s.applicability.value}
                for s in f.suggestions
            ],
        })
    return findings
