"""``type: required``: the document must contain an element (amount, due date, ...).

A missing element is one finding at the start of the document.
"""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.elements import ELEMENTS
from collectlint.packs.spec import SpecReader
from collectlint.packs.yamlloc import LDict
from collectlint.placeholders import find_placeholders


class RequiredCheck(Check):
    kind = "required"
    document_level = True

    def __init__(self, element: str) -> None:
        self.element = ELEMENTS[element]

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> RequiredCheck:
        reader.keys(spec, where, allowed={"type", "element"}, required={"element"})
        return cls(reader.choice(spec, "element", where, sorted(ELEMENTS)))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        if not ctx.text.strip():
            return
        if not self.element.present(ctx.text, find_placeholders(ctx.doc.text)):
            yield Hit(0, 0)
