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
from collectlint.lazyre import lazy_compile

# Openings of content a reader never sees; each is closed by a plain search (linear however many
# unclosed openings a file holds: an unclosed one hides the rest of the file, as in a browser).
# Also ruby annotations (<rt>zuo</rt> above 坐) and elements the page hides (style display:none or
# visibility:hidden, the hidden attribute): text inside them is not what the reader sees.
HIDDEN_OPEN = lazy_compile(r"<(script|style|head|template|noscript|rt|rp)\b"
                         r"|<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(?:display\s*:\s*none|visibility\s*:\s*hidden"
                         r"|\shidden(?=[\s=/>]))[^<>]*>"
                         r"|<!--", re.I)
# A tag cannot contain "<": an unclosed "<div " ends at the next "<", so matching stays linear.
TAG = lazy_compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<![^<>]*>")
ENTITY = lazy_compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
         "section", "article", "header", "footer", "blockquote", "hr", "pre", "body", "html", "title", "dd", "dt"}
# Phrasing elements: a browser shows their text run on with the text around them.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
          "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
          "var", "wbr"}


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
    # Zero-width padding (dropped by normalisation) keeps offsets and joins what the page shows joined:
    # 身份证号&#49;1010519… is one number, 坐&#29282; one word.
    return char + "\u200b" * (len(m.group()) - len(char))


def decode_entities(view: str) -> str:
    """Character references (``&#22352;``, ``&amp;``) become the character they stand for, padded with
    zero-width spaces to the reference's length, so offsets stay put (Markdown allows them too)."""
    return ENTITY.sub(_entity, view)


def blank_tags(view: str) -> str:
    """Tags become spaces (a block-level tag a line break, an inline one zero-width spaces), keeping every
    offset."""
    return TAG.sub(_blank, view)


def _blank(m: re.Match[str]) -> str:
    name = (m.group(1) or "").lower()
    if name in INLINE:
        # The page shows what an inline tag wraps joined to its neighbours: 1101<b>05</b>19… is one
        # number, <b>坐</b>牢 one word.  Zero-width spaces (dropped by normalisation) keep the offsets.
        return "".join(c if c == "\n" else "\u200b" for c in m.group())
    return _keep_newlines(m.group(), "\n" if name in BLOCK else " ")


def _hidden_spans(source: str) -> list[tuple[int, int]]:
    lower = source.lower()
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = HIDDEN_OPEN.search(source, pos)
        if m is None:
            return spans
        name = m.group(1) or m.group(2)
        if name is None:  # a comment
            close = lower.find("-->", m.end())
            end = len(source) if close == -1 else close + 3
        else:
            close = lower.find(f"</{name.lower()}", m.end())
            gt = -1 if close == -1 else lower.find(">", close)
            end = len(source) if close == -1 or gt == -1 else gt + 1
        spans.append((m.start(), end))
        pos = end


def visible_text(source: str) -> str:
    parts: list[str] = []
    pos = 0
    for start, end in _hidden_spans(source):
        parts.append(source[pos:start])
        parts.append(_keep_newlines(source[start:end]))
        pos = end
    parts.append(source[pos:])
    return decode_entities(blank_tags("".join(parts)))


def read(text: str, path: str) -> list[Message]:
    view = visible_text(text)
    return [Message(view, suppressions=next_line_suppressions(text, path))]
