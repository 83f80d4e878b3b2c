"""Human output: ``path:line:col: severity [id] message``, the source line, a caret underline aligned
for double-width CJK characters, and the first suggestion."""

from __future__ import annotations

from collections.abc import Sequence

from collectlint.mask import mask_text
from collectlint.models import FileResult
from collectlint.report.locate import locate, summary
from collectlint.report.sanitize import clean_line
from collectlint.source import Document, display_width

# ANSI styles per severity (only when colour is on: a terminal, or FORCE_COLOR; never with NO_COLOR).
STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def use_color(stream: object, environ: dict[str, str] | None = None) -> bool:
    """NO_COLOR (any value) turns colour off, FORCE_COLOR (non-empty) on; otherwise only a terminal."""
    import os

    env = os.environ if environ is None else environ
    if "NO_COLOR" in env:
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render(results: Sequence[FileResult], lang: str, color: bool = False) -> str:
    body = "".join(render_one(r, lang, color) for r in results)
    return body + footer(summary(list(results)))


def hint(rule_id: str, lang: str) -> str:
    """What a template author needs next: how to read the rule, how to accept a line with a reason."""
    if lang == "en":
        return (f"Explain a rule: collectlint explain {rule_id}. Accept a line on purpose: "
                f"<!-- collectlint-disable-next-line {rule_id} your reason --> (Markdown/HTML) or "
                f"# collectlint: disable={rule_id} your reason (YAML).\n")
    return (f"查看规则说明：collectlint explain {rule_id}。确需保留某行时写明理由："
            f"<!-- collectlint-disable-next-line {rule_id} 理由 -->（Markdown/HTML）或 "
            f"# collectlint: disable={rule_id} 理由（YAML）。\n")


def footer(s: dict[str, object]) -> str:
    sev = s["by_severity"]
    assert isinstance(sev, dict)
    if not s["findings"]:
        return ""
    return (f"Found {s['findings']} finding(s): {sev['error']} error, {sev['warning']} warning, "
            f"{sev['info']} info in {s['files']} file(s).\n")


LONG_LINE = 200  # characters; a longer source line is shown as a window around each finding
BEFORE, AFTER = 40, 80


def window(source: str, begin: int, end: int) -> tuple[str, int, int]:
    """The part of a source line shown for a finding at [begin, end): (text, begin, end) in its
    coordinates, with ``…`` where the line was cut.  Output per finding stays bounded, however long
    the line."""
    if len(source) <= LONG_LINE:
        return source, begin, end
    lo = max(0, begin - BEFORE)
    hi = min(len(source), max(end, begin + 1) + AFTER, lo + LONG_LINE)
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(source) else ""
    return head + source[lo:hi] + tail, begin - lo + len(head), min(end, hi) - lo + len(head)


def render_one(result: FileResult, lang: str, color: bool = False) -> str:
    lines: list[str] = []
    if not result.error and result.findings:
        doc = Document(result.text, result.path)
        msg_lang = lang or result.lang
        masked: dict[int, str] = {}  # each source line is masked once, however many findings it has
        for loc in locate(result):
            f = loc.finding
            where = f" in {f.key}" if f.key else ""
            label, rid = f.severity.label, f"[{f.rule_id}]"
            if color:
                label, rid = f"{STYLE[label]}{label}{RESET}", f"{BOLD}{rid}{RESET}"
            lines.append(f"{result.path}:{loc.line}:{loc.column}: {label} {rid} "
                         f"{f.message(msg_lang)} ({f.name}){where}")
            if loc.line not in masked:
                # Tabs become single spaces so columns and carets stay aligned whatever the tab width.
                masked[loc.line] = clean_line(_masked_line(doc, loc.line)).replace("\t", " ")
            full = masked[loc.line]
            last = loc.end_column - 1 if loc.end_line == loc.line else len(full)
            source, begin, last = window(full, loc.column - 1, last)
            gutter = f"{loc.line:>5} | "
            lines.append(gutter + source)
            pad = display_width(source[:begin])
            width = max(1, display_width(source[begin:last]))
            lines.append(" " * (len(gutter) - 2) + "| " + " " * pad + "^" * width)
            if f.source == "model":
                if msg_lang == "en":
                    noun = "categories" if f.also_categories else "category"
                    lines.append(f"      = model: {noun} {f.category_names}, confidence {f.confidence}, "
                                 f"driven by: {f.explanation}")
                else:
                    lines.append(f"      = 模型判断：类别 {f.category_names}，置信度 {f.confidence}，"
                                 f"主要依据：{f.explanation}")
            elif f.also_categories:  # a model finding names its categories on its own line
                label = "also" if msg_lang == "en" else "同时属于"
                lines.append(f"      = {label}: " + ", ".join(c.value for c in f.also_categories))
            if f.merged:
                label = "same words, also" if msg_lang == "en" else "同一处另见"
                lines.append(f"      = {label}: " + ", ".join(m.rule_id for m in f.merged))
            if loc.also:
                label = "also in this sentence" if msg_lang == "en" else "同句另见"
                lines.append(f"      = {label}: " + ", ".join(f"{a[0]}:{a[1]} {a[4]}" for a in loc.also))
            if f.suggestions:
                label = "suggestion" if msg_lang == "en" else "建议"
                lines.append(f"      = {label}: {f.suggestions[0].text(msg_lang)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _masked_line(doc: Document, line: int) -> str:
    """Source line ``line`` masked with its neighbours in view: a number wrapped across two lines is
    masked on both (each half alone is too short to be taken for a number)."""
    first, last = max(1, line - 1), min(len(doc.line_starts()), line + 1)
    around = [doc.line_text(n) for n in range(first, last + 1)]
    return mask_text("\n".join(around)).split("\n")[line - first]
