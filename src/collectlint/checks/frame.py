"""``type: frame``: who + does what + to whom / with what outcome, in one sentence.

A frame is an ordered list of parts; each part is a list of phrases or ``@class`` names from the
shared lexicon (``rules/<lang>/lexicon.yaml``).  The frame matches when one phrase of every
required part occurs, in order, inside one sentence, the whole within ``within`` characters (Chinese)
or words (English).  One frame covers the variants of an idea that a phrase list would have to spell
out: 让 + 你全家 + 不得安宁 and 叫 + 你 + 丢了工作 are the same rule.

Phrases of one character must sit on token boundaries (滚 is not 滚动); longer phrases match as written,
because the frame's co-occurrence requirement already does the disambiguating.  A part may name longer
words its phrases do not count inside (``{any: [case, ...], unless_inside: [in that case]}``): a context
guard reads the whole frame's clause, and would silence "in that case, a lawsuit has been filed" too.
"""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.checks.phrases import PhraseSet
from collectlint.lazyre import lazy_compile
from collectlint.normalize import latin_alnum
from collectlint.record import record
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict, LList

_WORD = lazy_compile(r"[^\W_]+")
MAX_PARTS = 6


@record(frozen=True)
class Part:
    phrases: PhraseSet
    optional: bool
    unless_inside: PhraseSet | None = None  # a hit of ``phrases`` inside one of these does not count


class FrameCheck(Check):
    kind = "frame"

    def __init__(self, parts: list[Part], within: int, gap: int | None, scope: str = "sentence",
                 ordered: bool = True) -> None:
        self.parts = parts
        self.ordered = ordered  # a two-part frame with ordered: false matches in either order
        self.within = within
        self.scope = scope  # the frame may not cross a sentence end, or (scope: clause) a comma either
        self.gap = gap  # at most this many characters/words between consecutive parts (None: any)

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> FrameCheck:
        reader.keys(spec, where, allowed={"type", "parts", "within", "gap", "scope", "ordered"}, required={"parts"})
        raw = spec["parts"]
        if not isinstance(raw, LList) or not 2 <= len(raw) <= MAX_PARTS:
            raise reader.fail(spec.line_of("parts"), f"{where}: 'parts' must be a list of 2 to {MAX_PARTS} parts")
        parts: list[Part] = []
        for i, item in enumerate(raw):
            pw = f"{where}: part {i + 1}"
            optional = False
            unless: PhraseSet | None = None
            if isinstance(item, LDict):
                reader.keys(item, pw, allowed={"any", "optional", "unless_inside"}, required={"any"})
                optional = reader.boolean(item, "optional", pw, default=False)
                strings = reader.strings(item, "any", pw, required=True)
                if "unless_inside" in item:
                    inside = reader.strings(item, "unless_inside", pw, required=True)
                    unless = PhraseSet.read(inside, reader, pw, "unless_inside")
            elif isinstance(item, LList):
                holder = LDict({"any": item})
                holder.line, holder.key_lines = raw.line_of(i), {"any": raw.line_of(i)}
                strings = reader.strings(holder, "any", pw, required=True)
            else:
                raise reader.fail(raw.line_of(i), f"{pw}: a part is a list of phrases or {{any: [...], optional: true}}")
            parts.append(Part(PhraseSet.read(strings, reader, pw, "any"), optional, unless))
        if all(p.optional for p in parts) or parts[0].optional or parts[-1].optional:
            raise reader.fail(spec.line_of("parts"), f"{where}: the first and last parts must be required")
        within = reader.integer(spec, "within", where, default=16, low=2, high=200)
        gap = reader.integer(spec, "gap", where, default=0, low=0, high=200) if "gap" in spec else None
        ordered = reader.boolean(spec, "ordered", where, default=True)
        if not ordered and len(parts) != 2:
            raise reader.fail(spec.line_of("ordered"), f"{where}: 'ordered: false' is for frames of two parts")
        return cls(parts, within, gap, reader.choice(spec, "scope", where, ["sentence", "clause"], default="sentence"),
                   ordered)

    @staticmethod
    def _raw(ctx: MatchContext, part: Part) -> list[tuple[int, int]]:
        hits = _occurrences(ctx, part.phrases)
        if hits and part.unless_inside is not None:
            # Whole words too, as the part's own hits are ("our supervisor" is not inside "your supervisor").
            covers = [(c0, c1) for c0, c1 in _occurrences(ctx, part.unless_inside) if _word_bounded(ctx.text, c0, c1)]
            hits = [(s, e) for s, e in hits if not any(c0 <= s and e <= c1 for c0, c1 in covers)]
        # The longest phrase first at each start: the finding covers 都知道, not its prefix 都知.
        return sorted(set(hits), key=lambda h: (h[0], -h[1]))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        # Every required part must occur at all (after a scan, ``RuleSet.scan`` has already made this
        # test through ``all_of`` and runs the frame only if it passed).  Only then are one-character
        # hits checked against token boundaries, so a clean message never loads the segmenter for a frame.
        raw = [self._raw(ctx, p) for p in self.parts]
        if any(not occ and not part.optional for occ, part in zip(raw, self.parts, strict=True)):
            return
        text = ctx.text
        occurrences = [[(s, e) for s, e in occ if _word_bounded(text, s, e) and (e - s > 1 or ctx.token_aligned(s, e))]
                       for occ in raw]
        yield from self._find(ctx, occurrences)
        if not self.ordered:
            yield from self._find(ctx, occurrences[::-1])

    def _find(self, ctx: MatchContext, occurrences: list[list[tuple[int, int]]]) -> Iterator[Hit]:
        words = ctx.doc.profile.negation.unit == "word"
        if not occurrences[0] or not occurrences[-1]:
            return
        for start, end in occurrences[0]:
            _, s1 = ctx.sentence_bounds(start)
            if self.scope == "clause":
                m = ctx.doc.profile.clause_end.search(ctx.text, end, s1)
                s1 = m.start() if m else s1
            found = self._extend(ctx, occurrences, 1, end, start, s1, words)
            if found is not None:
                yield Hit(start, found[0], parts=found[1])

    def _extend(self, ctx: MatchContext, occ: list[list[tuple[int, int]]], i: int, pos: int, first: int,
                limit: int, words: bool) -> tuple[int, tuple[int, ...]] | None:
        """End of the earliest completion of parts i.. after ``pos``, and where each of those parts
        starts (None when there is none)."""
        if i == len(self.parts):
            return pos, ()
        for start, end in occ[i]:
            if start < pos or end > limit:
                continue
            if self._span(ctx.text, first, end, words) > self.within:
                if self._span(ctx.text, first, start, words) > self.within:
                    break  # every later occurrence starts further on
                continue  # a shorter phrase at this start may still fit
            if self.gap is not None and self._span(ctx.text, pos, start, words) > self.gap:
                break
            done = self._extend(ctx, occ, i + 1, end, first, limit, words)
            if done is not None:
                return done[0], (start, *done[1])
        if self.parts[i].optional:
            return self._extend(ctx, occ, i + 1, pos, first, limit, words)
        return None

    @staticmethod
    def _span(text: str, a: int, b: int, words: bool) -> int:
        return len(_WORD.findall(text, a, b)) if words else b - a

    def literals(self) -> list[str]:
        return self.parts[0].phrases.phrases

    def han_phrases(self) -> list[str]:
        return []  # frames match whole phrases as written; registering them would re-cut other rules' text

    def phrase_sets(self) -> list[PhraseSet]:  # type: ignore[override]
        return [p.phrases for p in self.parts] + [p.unless_inside for p in self.parts if p.unless_inside is not None]

    def all_of(self) -> list[PhraseSet]:  # type: ignore[override]
        return [p.phrases for p in self.parts if not p.optional]  # ``find``'s cheap test, made by the scan


def _occurrences(ctx: MatchContext, phrases: PhraseSet) -> list[tuple[int, int]]:
    """Where ``phrases`` occur: from the RuleSet's scan, or found here when the check runs alone."""
    hits = ctx.hits_for(phrases)
    return phrases._candidates(ctx.text) if hits is None else hits


def _word_bounded(text: str, start: int, end: int) -> bool:
    """A Latin-script hit must be whole words: "he" is not in "the", "dead" not in "deadline"."""
    first, last = text[start], text[end - 1]
    if latin_alnum(first) and start > 0 and latin_alnum(text[start - 1]):
        return False
    return not (latin_alnum(last) and end < len(text) and latin_alnum(text[end]))

