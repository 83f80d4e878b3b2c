"""A set of phrases matched with token-boundary semantics (shared by phrase and proximity checks).

Han phrases must start and end on jieba token boundaries (rule phrases are registered with jieba so
they stay whole), so "滚" does not match inside "滚动" and "杀" does not match inside "杀毒软件".  Latin
phrases must not touch another letter or digit, which equals spaCy's token boundaries for words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectlint.checks.base import Hit, MatchContext
from collectlint.normalize import has_han, normalize_phrase
from collectlint.packs.spec import SpecReader
from collectlint.pinyin import COLLECTION_CUE, LATIN, needs_cue, variants

# Rule packs are untrusted input: bound what one rule may ask for.
MAX_PHRASES = 5000
MAX_PHRASE_LENGTH = 200


class PhraseSet:
    def __init__(self, phrases: list[str]) -> None:
        self.phrases = sorted(set(phrases), key=lambda p: (-len(p), p))
        self.pattern = re.compile("|".join(re.escape(p) for p in self.phrases))
        self._variant_set: PhraseSet | None = None

    def variant_set(self) -> PhraseSet | None:
        """Pinyin and mixed-script spellings of the Han phrases, built on first need."""
        if self._variant_set is None:
            spelled = [v for p in self.phrases for v in variants(p)]
            self._variant_set = PhraseSet(spelled) if spelled else self
        return None if self._variant_set is self else self._variant_set

    @classmethod
    def read(cls, items: list[tuple[str, int]], reader: SpecReader, where: str, key: str) -> PhraseSet:
        if len(items) > MAX_PHRASES:
            raise reader.fail(items[MAX_PHRASES][1], f"{where}: more than {MAX_PHRASES} phrases in '{key}'")
        out: list[str] = []
        for raw, line in items:
            if len(raw) > MAX_PHRASE_LENGTH:
                raise reader.fail(line, f"{where}: a phrase in '{key}' is longer than {MAX_PHRASE_LENGTH} characters")
            phrase = normalize_phrase(raw)
            if not phrase:
                raise reader.fail(line, f"{where}: phrase {raw!r} in '{key}' is empty after normalisation "
                                  "and can never match")
            out.append(phrase)
        return cls(out)

    def han(self) -> list[str]:
        return [p for p in self.phrases if has_han(p)]

    def find(self, ctx: MatchContext, *, boundaries: bool = True) -> Iterator[Hit]:
        cue: bool | None = None
        for hit in self._find(ctx, boundaries):
            if needs_cue(ctx.text[hit.start : hit.end]):
                if cue is None:
                    cue = COLLECTION_CUE.search(ctx.text) is not None
                if not cue:
                    continue
            yield hit
        if LATIN.search(ctx.text):
            spelled = self.variant_set()
            if spelled is not None and COLLECTION_CUE.search(ctx.text):
                yield from spelled._find(ctx, boundaries)

    def _find(self, ctx: MatchContext, boundaries: bool) -> Iterator[Hit]:
        text = ctx.text
        pos = 0
        while True:
            m = self.pattern.search(text, pos)
            if m is None:
                return
            start, end = m.span()
            if not boundaries or self._on_boundary(ctx, text, start, end, m.group()):
                yield Hit(start, end)
                pos = end
                continue
            # The longest phrase at this start is not a whole token; a shorter one may be, and a
            # phrase may also start inside this match ("列入失信被执行人": 失信被执行人).
            shorter = next((p for p in self.phrases if len(p) < end - start and text.startswith(p, start)
                            and self._on_boundary(ctx, text, start, start + len(p), p)), None)
            if shorter is not None:
                yield Hit(start, start + len(shorter))
                pos = start + len(shorter)
            else:
                pos = start + 1

    @staticmethod
    def _on_boundary(ctx: MatchContext, text: str, start: int, end: int, phrase: str) -> bool:
        if has_han(phrase):
            return ctx.token_aligned(start, end)
        first, last = phrase[0], phrase[-1]
        if first.isalnum() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
            return False
        return not (last.isalnum() and end < len(text) and text[end].isascii() and text[end].isalnum())
