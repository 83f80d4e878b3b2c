"""Human output: ``path:line:col: severity [id] message``, the source line, a caret underline aligned
for double-width CJK characters, and the first suggestion."""

from __future__ import annotations

from collections.abc import Sequence

from collectlint.mask import mask_text
from collectlint.models import FileResult
from collectlint.report.locate import locate, summary
from collectlint.report.sanitize import clean_line
from collectlint.source import Document, display_width


def render(results: Sequence[FileResult], lang: str) -> str:
    body = "".join(render_one(r, lang) for r in results)
    return body + footer(summary(list(results)))


def footer(s: dict[str, object]) -> str:
    sev = s["by_severity"]
    assert isinstance(sev, dict)
    if not s["findings"]:
        return ""
    return (f"Found {s['findings']} finding(s): {sev['error']} error, {sev['warning']} warning, "
            f"{sev['info']} info in {s['files']} file(s).\n")


def render_one(result: FileResult, lang: str) -> str:
    lines: list[str] = []
    if not result.error and result.findings:
        doc = Document(result.text, result.path)
        msg_lang = lang or result.lang
        for loc in locate(result):
            f = loc.finding
            where = f" in {f.key}" if f.key else ""
            lines.append(f"{result.path}:{loc.line}:{loc.column}: {f.severity.label} [{f.rule_id}] "
                         f"{f.message(msg_lang)} ({f.name}){where}")
            source = doc.line_text(loc.line)
            gutter = f"{loc.line:>5} | "
            lines.append(gutter + clean_line(mask_text(source)))
            last = loc.end_column - 1 if loc.end_line == loc.line else len(source)
            pad = display_width(source[: loc.column - 1])
            width = max(1, display_width(source[loc.column - 1 : last]))
            lines.append(" " * (len(gutter) - 2) + "| " + " " * pad + "^" * width)
            if f.suggestions:
                label = "suggestion" if msg_lang == "en" else "建议"
                lines.append(f"      = {label}: {f.suggestions[0].text(msg_lang)}")
    return "\n".join(lines) + ("\n" if lines else "")
