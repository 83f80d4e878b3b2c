"""Inline suppression comments in Markdown and HTML."""

from __future__ import annotations

import re

from collectlint.formats.base import Suppression, parse_suppression

DISABLE_NEXT = re.compile(r"<!--\s*collectlint-disable-next-line\b(.*?)-->", re.S)


def next_line_suppressions(text: str, path: str) -> list[Suppression]:
    out = []
    for m in DISABLE_NEXT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        # The next line with any content after the comment.
        rest = text[m.end():]
        target = line + 1
        for i, content in enumerate(rest.split("\n")[1:], start=line + 1):
            if content.strip():
                target = i
                break
        out.append(parse_suppression(m.group(1), line, target, path))
    return out
