"""``type: required``: the document must contain an element (amount, due date, ...).

A missing element is one finding at the start of the document.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from collectlint.checks.base import MESSAGE, Check, Hit, MatchContext
from collectlint.elements import looks_like_message
from collectlint.formats.script import opening_end
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict


@functools.cache
def known_elements() -> tuple[str, ...]:
    """Element names any shipped profile knows; the document's profile supplies the recogniser."""
    from collectlint.profiles.profile import get_profile, profile_names

    return tuple(sorted({e for name in profile_names() for e in get_profile(name).elements}))



class RequiredCheck(Check):
    kind = "required"
    document_level = True
    needs = frozenset({MESSAGE})

    def __init__(self, element: str, scope: str) -> None:
        self.element = element
        self.scope = scope

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> RequiredCheck:
        reader.keys(spec, where, allowed={"type", "element", "scope"}, required={"element"})
        return cls(reader.choice(spec, "element", where, known_elements()),
                   reader.choice(spec, "scope", where, ["document", "opening"], default="document"))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        doc = ctx.doc
        if not ctx.text.strip() or not doc.check_required:
            return
        element = doc.profile.elements.get(self.element)
        if element is None:
            return  # this profile has no such element
        if doc.required_elements is not None and self.element not in doc.required_elements:
            return
        if doc.leaf and not looks_like_message(doc.text):
            return
        if ctx.settled():
            return  # a paid-up or settled notice is not a collection message
        text = ctx.text
        placeholders = doc.placeholders
        if self.scope == "opening":
            agent = doc.profile.agent_label
            text = text[: opening_end(text, agent)]
            placeholders = [p for p in placeholders if p.start < opening_end(doc.text, agent)]
        extra = doc.aliases.get(self.element, frozenset())
        if not element.present(text, placeholders, extra):
            # Anchored where the message's text begins (after front matter, blank lines and indentation).
            start = len(doc.text) - len(doc.text.lstrip())
            yield Hit(start, start)
