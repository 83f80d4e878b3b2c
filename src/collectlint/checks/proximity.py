"""``type: proximity``: a phrase from ``a`` within N tokens of a phrase from ``b`` in one sentence.

The reported span runs from the first of the pair to the end of the second.
"""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.checks.phrases import PhraseSet
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict


class ProximityCheck(Check):
    kind = "proximity"

    def __init__(self, a: PhraseSet, b: PhraseSet, within: int) -> None:
        self.a = a
        self.b = b
        self.within = within

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> ProximityCheck:
        reader.keys(spec, where, allowed={"type", "a", "b", "within"}, required={"a", "b", "within"})
        a = PhraseSet.read(reader.strings(spec, "a", where, required=True), reader, where, "a")
        b = PhraseSet.read(reader.strings(spec, "b", where, required=True), reader, where, "b")
        within = reader.integer(spec, "within", where, default=5, low=1, high=50)
        return cls(a, b, within)

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        b_hits = list(self.b.find(ctx))
        if not b_hits:
            return
        for ha in self.a.find(ctx):
            base, tokens = ctx.tokens_for(ha.start)
            ia = tokens.index_at(ha.start - base)
            best: Hit | None = None
            for hb in b_hits:
                if ctx.sentence_bounds(hb.start)[0] != base:
                    continue
                ib = tokens.index_at(hb.start - base)
                if abs(ib - ia) <= self.within and (hb.end <= ha.start or hb.start >= ha.end):
                    best = Hit(min(ha.start, hb.start), max(ha.end, hb.end))
                    break
            if best is not None:
                yield best

    def literals(self) -> list[str]:
        return self.a.phrases

    def han_phrases(self) -> list[str]:
        return self.a.han() + self.b.han()

    def phrase_sets(self) -> list[PhraseSet]:  # type: ignore[override]
        return [self.a, self.b]
