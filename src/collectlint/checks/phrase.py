"""``type: phrase``: any of a list of phrases, on token boundaries."""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.checks.phrases import PhraseSet
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict


class PhraseCheck(Check):
    kind = "phrase"

    def __init__(self, phrases: PhraseSet, boundaries: bool) -> None:
        self.phrases = phrases
        self.boundaries = boundaries

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> PhraseCheck:
        reader.keys(spec, where, allowed={"type", "phrases", "boundaries"}, required={"phrases"})
        phrases = PhraseSet.read(reader.strings(spec, "phrases", where, required=True), reader, where, "phrases")
        boundaries = reader.boolean(spec, "boundaries", where, default=True)
        return cls(phrases, boundaries)

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        return self.phrases.find(ctx, boundaries=self.boundaries)

    def literals(self) -> list[str]:
        return self.phrases.phrases

    def han_phrases(self) -> list[str]:
        return self.phrases.han()

    def phrase_sets(self) -> list[PhraseSet]:  # type: ignore[override]
        return [self.phrases]
