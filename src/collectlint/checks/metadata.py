"""``type: metadata``: a message whose required disclosures depend on metadata it does not declare.

A US letter needs the initial mini-Miranda or the subsequent one depending on whether it is the first
communication; guessing either way would be wrong half the time.  This check says once, at the start
of the message, that the metadata is missing and what it decides, instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import MESSAGE, Check, Hit, MatchContext
from collectlint.elements import looks_like_message
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

KEYS = ("communication",)


class MetadataCheck(Check):
    kind = "metadata"
    document_level = True
    needs = frozenset({MESSAGE})

    def __init__(self, key: str) -> None:
        self.key = key

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> MetadataCheck:
        reader.keys(spec, where, allowed={"type", "key"}, required={"key"})
        return cls(reader.choice(spec, "key", where, KEYS))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        doc = ctx.doc
        if getattr(doc, self.key) is not None or not doc.check_required or not ctx.text.strip():
            return
        if doc.leaf and not looks_like_message(doc.text):
            return
        yield Hit(0, 0)

    def literals(self) -> None:
        return None
