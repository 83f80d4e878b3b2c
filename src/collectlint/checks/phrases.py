"""A set of phrases matched with token-boundary semantics (shared by phrase and proximity checks).

Han phrases must start and end on jieba token boundaries (rule phrases are registered with jieba so
they stay whole), so "滚" does not match inside "滚动" and "杀" does not match inside "杀毒软件".  Latin
phrases must not touch another letter or digit, which equals spaCy's token boundaries for words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from collectlint.automaton import automaton_of
from collectlint.checks.base import Hit, MatchContext
from collectlint.normalize import has_han, latin_alnum, normalize_phrase
from collectlint.pinyin import LATIN, amount_code, in_english_prose, needs_cue, variants
from collectlint.yamlspec.reader import SpecReader

# Rule packs are untrusted input: bound what one rule may ask for.
MAX_PHRASES = 5000
MAX_PHRASE_LENGTH = 200


def _expand(items: list[tuple[str, int]], reader: SpecReader, where: str, key: str) -> list[tuple[str, int]]:
    """Phrases with every ``@class`` replaced by the lexicon class's phrases."""
    out: list[tuple[str, int]] = []
    for raw, line in items:
        if raw.startswith("@") and len(raw) > 1:
            name = raw[1:]
            if name not in reader.lexicon:
                known = ", ".join(sorted(reader.lexicon)) or "none"
                raise reader.fail(line, f"{where}: '{key}' names unknown lexicon class '{name}' (known: {known})")
            out.extend((p, line) for p in reader.lexicon[name])
        else:
            out.append((raw, line))
    return out


_GROUPING = ",.，"  # separators inside a number


def _bounded(phrase: str) -> str:
    """``phrase`` as a regex that cannot start or end inside a Latin word."""
    return ((r"(?<![A-Za-z0-9])" if latin_alnum(phrase[0]) else "") + re.escape(phrase)
            + (r"(?![A-Za-z0-9])" if latin_alnum(phrase[-1]) else ""))


class PhraseSet:
    """Phrases of one rule key.  Inside a RuleSet every phrase of every rule is found in one
    Aho-Corasick pass per document (``MatchContext.phrase_hits``); alone, a regex is used."""

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = sorted(set(phrases), key=lambda p: (-len(p), p))
        self._pattern: re.Pattern[str] | None = None
        self._automaton: Any = None
        self._variant_set: PhraseSet | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """One alternation of the phrases.  A phrase that begins or ends with a Latin letter or digit
        must stand alone there: "or" is not in "for", "not" not in "notice".  Guards do not use it
        (``search`` and ``spans`` give the same answers without compiling it, which for a large set
        costs milliseconds); it stays as the reference those two are tested against."""
        if self._pattern is None:
            self._pattern = re.compile("|".join(_bounded(p) for p in self.phrases))
        return self._pattern

    def __getstate__(self) -> dict[str, object]:
        return {"phrases": self.phrases, "_variant_set": self._variant_set}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._pattern = None
        self._automaton = None

    def _matches(self, text: str, pos: int, endpos: int) -> Iterator[tuple[int, int]]:
        """(start, end) of every occurrence of every phrase inside ``text[pos:endpos]`` that ``pattern``
        would accept there: a Latin letter or digit may not touch a phrase's Latin first or last
        character (looking before ``pos`` as a regex lookbehind does; ``endpos`` counts as the end of
        the text, as it does for a lookahead)."""
        automaton = self._automaton
        if automaton is None:
            automaton = self._automaton = automaton_of(
                (p, (len(p), latin_alnum(p[0]), latin_alnum(p[-1]))) for p in self.phrases)
        if pos >= endpos or not len(automaton):
            return
        for last, (length, left, right) in automaton.iter(text, pos, endpos):
            start, end = last + 1 - length, last + 1
            if left and start > 0 and latin_alnum(text[start - 1]):
                continue
            if right and end < endpos and latin_alnum(text[end]):
                continue
            yield start, end

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether ``pattern.search(text, pos, endpos)`` finds a match."""
        return next(self._matches(text, pos, len(text) if endpos is None else min(endpos, len(text))), None) is not None

    def spans(self, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        """The (start, end) of each match of ``pattern.finditer(text, pos, endpos)``: leftmost first, the
        longest phrase at that start (the alternation lists the longest first), then on from its end."""
        longest: dict[int, int] = {}
        for start, end in self._matches(text, pos, min(endpos, len(text))):
            if end > longest.get(start, -1):
                longest[start] = end
        out: list[tuple[int, int]] = []
        at = pos
        for start in sorted(longest):
            if start >= at:
                out.append((start, longest[start]))
                at = longest[start]
        return out

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
        for raw, line in _expand(items, reader, where, key):
            if len(raw) > MAX_PHRASE_LENGTH:
                raise reader.fail(line, f"{where}: a phrase in '{key}' is longer than {MAX_PHRASE_LENGTH} characters")
            phrase = normalize_phrase(raw)
            if not phrase:
                raise reader.fail(line, f"{where}: phrase {raw!r} in '{key}' is empty after normalisation "
                                  "and can never match")
            out.append(phrase)
            if reader.inflections:
                from collectlint.nlp.inflect import phrase_inflections, txt_spellings

                forms = {phrase} | phrase_inflections(phrase)
                out.extend(sorted(forms - {phrase}))
                out.extend(sorted({t for form in forms for t in txt_spellings(form)}))
        return cls(list(dict.fromkeys(out)))

    def han(self) -> list[str]:
        return [p for p in self.phrases if has_han(p)]

    def find(self, ctx: MatchContext, *, boundaries: bool = True) -> Iterator[Hit]:
        profile = ctx.doc.profile
        cue: bool | None = None
        text = ctx.text
        for hit in self._find(ctx, boundaries, ctx.hits_for(self)):
            form = text[hit.start : hit.end]
            if profile.short_forms_need_cue and needs_cue(form):
                if form.isalpha() and (amount_code(form, text, hit.end) or in_english_prose(text, hit.start, hit.end)):
                    continue  # NT$ 500, "ask sb to": a currency code or an English word, not abuse
                if cue is None:
                    cue = profile.collection_cue.search(text) is not None
                if not cue:
                    continue
            yield hit
        if profile.pinyin_variants and LATIN.search(text):
            spelled = self.variant_set()
            if spelled is not None and profile.collection_cue.search(text):
                for hit in spelled._find(ctx, boundaries, ctx.hits_for(spelled)):
                    form = text[hit.start : hit.end]
                    # A short all-Latin spelling in English prose is an English word: "been made payable"
                    # is not 妈的.  Longer spellings (zuolao) and mixed ones (zuo牢) are always evasions.
                    if len(form) <= 4 and form.isascii() and in_english_prose(text, hit.start, hit.end):
                        continue
                    yield hit

    def _candidates(self, text: str) -> list[tuple[int, int]]:
        """Every occurrence of every phrase, overlapping ones included (the stand-alone path)."""
        out = []
        for phrase in self.phrases:
            start = text.find(phrase)
            while start != -1:
                out.append((start, start + len(phrase)))
                start = text.find(phrase, start + 1)
        return out

    def _find(self, ctx: MatchContext, boundaries: bool, hits: list[tuple[int, int]] | None) -> Iterator[Hit]:
        """Longest phrase first at each start; a phrase that is not a whole token is passed over, so a
        shorter one at the same start, or one starting inside it, can still match."""
        text = ctx.text
        if hits is None:
            hits = self._candidates(text)
        pos = 0
        for start, end in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
            if start < pos:
                continue
            if not boundaries or self._on_boundary(ctx, text, start, end, text[start:end]):
                yield Hit(start, end)
                pos = end

    @staticmethod
    def _on_boundary(ctx: MatchContext, text: str, start: int, end: int, phrase: str) -> bool:
        if has_han(phrase):
            return ctx.token_aligned(start, end)
        first, last = phrase[0], phrase[-1]
        if first.isalnum() and start > 0 and latin_alnum(text[start - 1]):
            return False
        if last.isalnum() and end < len(text) and latin_alnum(text[end]):
            return False
        # Digits inside a grouped or decimal number are not a token of their own ("250" in 46,250 or 1.250).
        if first.isdigit() and start > 1 and text[start - 1] in _GROUPING and text[start - 2].isdigit():
            return False
        return not (last.isdigit() and end + 1 < len(text) and text[end] in _GROUPING and text[end + 1].isdigit())
