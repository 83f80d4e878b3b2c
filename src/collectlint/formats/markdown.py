"""Markdown letters: YAML front matter sets channel, stage, lang, profile and ignores; code blocks
and HTML comments are not linted; ``<!-- collectlint-disable-next-line ID reason -->`` suppresses."""

from __future__ import annotations

import re

import yaml

from collectlint.errors import InputError
from collectlint.formats.base import Message, Suppression, blank
from collectlint.formats.directives import next_line_suppressions
from collectlint.formats.frontmatter import apply_front_matter

FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FENCE = re.compile(r"^( {0,3})(```+|~~~+)[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.S | re.M)
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
INLINE_CODE = re.compile(r"(`+)[^`\n]+?\1")


def read(text: str, path: str) -> list[Message]:
    view = text
    message = Message("")
    m = FRONT.match(text)
    if m:
        try:
            data = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = None if mark is None else int(mark.line) + 2
            raise InputError("invalid YAML front matter", path=path, line=line) from None
        apply_front_matter(message, data, path)
        view = blank(view, 0, m.end())
    suppressions: list[Suppression] = next_line_suppressions(text, path)
    for pattern in (FENCE, COMMENT, INLINE_CODE):
        for hit in pattern.finditer(view):
            view = blank(view, hit.start(), hit.end())
    message.text = view
    message.suppressions += suppressions
    return [message]
