"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding, errors
first (GitHub shows a limited number of annotations per step), then one summary line with the totals.
``job_summary`` is the Markdown job summary (totals by severity and rule, and every file with findings)
that the command line appends to ``$GITHUB_STEP_SUMMARY``, so nothing is lost past the annotation limit."""

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
    ranked: list[tuple[int, int, str]] = []  # (severity rank, order, line)
    for result in results:
        if result.error:
            ranked.append((0, len(ranked), f"::error file={_prop(result.path)},title=collectlint::{_data(result.error)}"))
        elif result.unruled and result.notice:  # a message no rule could read: said on the file, not passed over
            ranked.append((2, len(ranked), f"::warning file={_prop(result.path)},title=collectlint: not checked::"
                                           f"{_data(result.notice)}"))
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
            ranked.append((RANK[f.severity], len(ranked),
                f"::{COMMAND[f.severity]} file={_prop(result.path)},line={loc.line},col={loc.column},"
                f"endLine={loc.end_line},endColumn={loc.end_column},title={title}::{_data(text)}"
            ))
    lines = [line for _, _, line in sorted(ranked)]
    lines.append(f"::notice title=collectlint summary::{_data(_total(results))}")
    return "\n".join(lines) + "\n"


def _total(results: Sequence[FileResult]) -> str:
    counts = {s: sum(1 for r in results for f in r.findings if f.severity is s) for s in Severity}
    errors = sum(1 for r in results if r.error)
    checked = sum(1 for r in results if not r.error and not r.skipped)
    return (f"collectlint: {counts[Severity.ERROR]} error, {counts[Severity.WARNING]} warning, "
            f"{counts[Severity.INFO]} info in {checked} checked file(s)"
            + (f"; {errors} file(s) could not be read" if errors else ""))


RANK = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}


def job_summary(results: Sequence[FileResult]) -> str:
    """The Markdown job summary for ``$GITHUB_STEP_SUMMARY``."""
    by_rule: dict[tuple[str, str, str], int] = {}
    for r in results:
        for f in r.findings:
            key = (f.severity.label, f.rule_id, f.name)
            by_rule[key] = by_rule.get(key, 0) + 1
    out = ["## collectlint", "", _total(results), ""]
    if by_rule:
        out += ["| severity | rule | findings |", "|---|---|---|"]
        order = {"error": 0, "warning": 1, "info": 2}
        out += [f"| {sev} | {rid} {name} | {n} |"
                for (sev, rid, name), n in sorted(by_rule.items(), key=lambda kv: (order[kv[0][0]], -kv[1], kv[0][1]))]
        out += ["", "| file | error | warning | info |", "|---|---|---|---|"]
        for r in results:
            if r.findings:
                c = [sum(1 for f in r.findings if f.severity is s)
                     for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
                out.append(f"| {_cell(r.path)} | {c[0]} | {c[1]} | {c[2]} |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
