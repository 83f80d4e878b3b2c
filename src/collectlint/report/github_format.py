"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding."""

from __future__ import annotations

from collections.abc import Sequence

from collectlint.models import FileResult, Severity
from collectlint.report.locate import locate

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], lang: str) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"::error file={_prop(result.path)},title=collectlint::{_data(result.error)}")
        for loc in locate(result):
            f = loc.finding
            title = _prop(f"{f.rule_id} {f.name}")
            text = f.message(lang or result.lang)
            if f.key:
                text += f" ({f.key})"
            if f.suggestions:
                text += "\n" + f.suggestions[0].text(lang or result.lang)
            if f.basis:
                text += "\n" + f.basis
            lines.append(
                f"::{COMMAND[f.severity]} file={_prop(result.path)},line={loc.line},col={loc.column},"
                f"endLine={loc.end_line},endColumn={loc.end_column},title={title}::{_data(text)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
