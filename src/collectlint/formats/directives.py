"""Inline suppression comments in Markdown and HTML.

``<!-- collectlint-disable-next-line ID[,ID] reason -->`` silences the next line with content;
``<!-- collectlint-disable ID[,ID] reason -->`` ... ``<!-- collectlint-enable [ID[,ID]] -->`` silences a
range of lines (to the end of the file when never closed).  Any other ``collectlint-...`` comment is
an unknown directive: it is reported (with the nearest known spelling) and never hides the file's
other findings.  Linear in the size of the file, however many comments it holds.
"""

from __future__ import annotations

import re

from collectlint.formats.base import Suppression, parse_suppression
from collectlint.lazyre import lazy_compile
from collectlint.suggest import did_you_mean

DIRECTIVE = lazy_compile(r"<!--\s*(collectlint[\w:-]*)(.*?)-->", re.S | re.I)
NEXT_LINE, DISABLE, ENABLE = "collectlint-disable-next-line", "collectlint-disable", "collectlint-enable"
KNOWN = (NEXT_LINE, DISABLE, ENABLE)


def next_line_suppressions(text: str, path: str) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: dict[int, Suppression] = {}  # index in out -> an open range
    by_rule: dict[str, list[int]] = {}  # rule -> indices of ranges naming it (closed ones are skipped)
    line, pos = 1, 0
    content_lines = _content_lines(text)
    for m in DIRECTIVE.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        name, body = m.group(1).lower(), m.group(2)
        end_line = line + m.group().count("\n")
        if name == NEXT_LINE:
            target = _next_content_line(content_lines, end_line)
            out.append(parse_suppression(body, line, target, path))
        elif name == DISABLE:
            found = parse_suppression(body, line, end_line + 1, path)
            out.append(found)
            if not found.invalid:
                open_ranges[len(out) - 1] = found
                for rule in found.rules:
                    by_rule.setdefault(rule, []).append(len(out) - 1)
        elif name == ENABLE:
            closing = {r for r in body.strip().split(None, 1)[0].split(",") if r} if body.strip() else set()
            # Each range is closed once and each index leaves its rule's list once: linear overall.
            indices = list(open_ranges) if not closing else [i for r in closing for i in by_rule.pop(r, [])]
            if not closing:
                by_rule.clear()
            for index in indices:
                opened = open_ranges.pop(index, None)
                if opened is not None:
                    out[index] = _with_end(opened, line - 1)
        else:
            hint = did_you_mean(name, KNOWN) or f" (known: {', '.join(KNOWN)})"
            out.append(Suppression((), "", line, line, invalid=f"unknown directive '{m.group(1)}'{hint}"))
    last = text.count("\n") + 1
    for index, opened in open_ranges.items():
        out[index] = _with_end(opened, last)
    return out


def _with_end(s: Suppression, end: int) -> Suppression:
    return Suppression(s.rules, s.reason, s.line, s.target_line, end_line=max(end, s.target_line or end),
                       invalid=s.invalid)


def _content_lines(text: str) -> list[int]:
    """Numbers of the lines with any content, ascending."""
    return [n for n, content in enumerate(text.split("\n"), 1) if content.strip()]


def _next_content_line(content_lines: list[int], after: int) -> int:
    import bisect

    i = bisect.bisect_right(content_lines, after)
    return content_lines[i] if i < len(content_lines) else after + 1
