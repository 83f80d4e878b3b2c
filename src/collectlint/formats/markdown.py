"""Markdown letters: YAML front matter sets channel, stage, lang, profile and ignores; code blocks
and HTML comments are not linted; ``<!-- collectlint-disable-next-line ID reason -->`` suppresses."""

from __future__ import annotations

import re

import yaml

from collectlint.errors import InputError
from collectlint.formats.base import Message, Suppression, blank, blank_all
from collectlint.formats.catalogue import MAX_DEPTH, nesting_bound
from collectlint.formats.directives import next_line_suppressions
from collectlint.formats.frontmatter import apply_front_matter
from collectlint.formats.html import blank_tags, decode_entities

FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FENCE = re.compile(r"^( {0,3})(```+|~~~+)[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.S | re.M)
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A code span opens with a whole run of backticks and closes with a run of the same length (CommonMark);
# starting only where a run starts keeps a long run of backticks linear.
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)[^`\n]+?(?<!`)\1(?!`)")
MAX_FRONT_MATTER = 64 * 1024
ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]")


def read(text: str, path: str) -> list[Message]:
    view = text
    message = Message("")
    m = FRONT.match(text)
    if m:
        front = m.group(1)
        if len(front) > MAX_FRONT_MATTER or nesting_bound(front) > MAX_DEPTH or ALIAS.search(front):
            raise InputError("front matter is too large, nests too deeply or uses YAML anchors/aliases "
                             "(it holds a few flat keys)", path=path, line=1)
        try:
            data = yaml.safe_load(front) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = None if mark is None else int(mark.line) + 2
            raise InputError("invalid YAML front matter", path=path, line=line) from None
        apply_front_matter(message, data, path)
        view = blank(view, 0, m.end())
    suppressions: list[Suppression] = next_line_suppressions(text, path)
    for pattern in (FENCE, COMMENT, INLINE_CODE):
        view = blank_all(view, [hit.span() for hit in pattern.finditer(view)])
    # Inline HTML tags are markup, not prose (曝<b>光</b> is 曝光); entities are the characters they stand
    # for.  Both after code is blanked: a tag or an entity in code stays code.
    message.text = decode_entities(blank_tags(view))
    message.suppressions += suppressions
    return [message]
