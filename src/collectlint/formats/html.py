"""HTML email bodies: visible text only, at its own place in the file.

Markup is blanked rather than removed, so every character of visible text keeps its file offset:
tags, comments, scripts, styles and the head become spaces (a block-level tag becomes a line break,
so paragraphs stay apart), entities become the character they stand for.
"""

from __future__ import annotations

import html as htmllib
import re

from collectlint.formats.base import Message
from collectlint.formats.directives import next_line_suppressions

HIDDEN = re.compile(r"<(script|style|head|template|noscript)\b.*?</\1\s*>|<!--.*?(?:-->|\Z)", re.S | re.I)
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<![^>]*>", re.S)
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
         "section", "article", "header", "footer", "blockquote", "hr", "pre", "body", "html", "title", "dd", "dt"}


def _fill(n: int, first: str = " ") -> str:
    return (first + " " * (n - 1)) if n > 0 else ""


def _keep_newlines(s: str, first: str = " ") -> str:
    out = [c if c == "\n" else " " for c in s]
    if out and out[0] != "\n":
        out[0] = first
    return "".join(out)


def _entity(m: re.Match[str]) -> str:
    char = htmllib.unescape(m.group())
    if char == m.group() or len(char) > len(m.group()):
        return m.group()
    char = char.replace("\xa0", " ")
    return char + " " * (len(m.group()) - len(char))


def decode_entities(view: str) -> str:
    """Character references (``&#22352;``, ``&amp;``) become the character they stand for, padded with
    spaces to the reference's length, so offsets stay put (Markdown allows them too)."""
    return ENTITY.sub(_entity, view)


def blank_tags(view: str) -> str:
    """Tags become spaces (a block-level tag a line break), keeping every offset."""
    return TAG.sub(lambda m: _keep_newlines(m.group(), "\n" if (m.group(1) or "").lower() in BLOCK else " "), view)


def visible_text(source: str) -> str:
    view = HIDDEN.sub(lambda m: _keep_newlines(m.group()), source)
    return decode_entities(blank_tags(view))


def read(text: str, path: str) -> list[Message]:
    view = visible_text(text)
    return [Message(view, suppressions=next_line_suppressions(text, path))]
