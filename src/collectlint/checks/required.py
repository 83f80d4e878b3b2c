"""``type: required``: the document must contain an element (amount, due date, ...).

A missing element is one finding at the start of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.elements import ELEMENTS, looks_like_message
from collectlint.formats.script import opening_end
from collectlint.packs.spec import SpecReader
from collectlint.packs.yamlloc import LDict

# Notices that the account is paid up: nothing is being collected, so no element is required.
SETTLED = re.compile(r"已结清|已还清|已全部还清|还款成功|已收到你的还款|已足额还款|已销户")


class RequiredCheck(Check):
    kind = "required"
    document_level = True

    def __init__(self, element: str, scope: str) -> None:
        self.element = ELEMENTS[element]
        self.scope = scope

    def __getstate__(self) -> dict[str, str]:
        return {"element": self.element.name, "scope": self.scope}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["element"], state["scope"])  # type: ignore[misc]

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> RequiredCheck:
        reader.keys(spec, where, allowed={"type", "element", "scope"}, required={"element"})
        return cls(reader.choice(spec, "element", where, sorted(ELEMENTS)),
                   reader.choice(spec, "scope", where, ["document", "opening"], default="document"))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        doc = ctx.doc
        if not ctx.text.strip() or not doc.check_required:
            return
        if doc.required_elements is not None and self.element.name not in doc.required_elements:
            return
        if doc.leaf and not looks_like_message(doc.text):
            return
        if SETTLED.search(ctx.text):
            return  # a paid-up or settled notice is not a collection message
        text = ctx.text
        placeholders = doc.placeholders
        if self.scope == "opening":
            text = text[: opening_end(text)]
            placeholders = [p for p in placeholders if p.start < opening_end(doc.text)]
        extra = doc.aliases.get(self.element.name, frozenset())
        if not self.element.present(text, placeholders, extra):
            yield Hit(0, 0)
