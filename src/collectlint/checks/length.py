"""``type: length``: a message longer than one SMS segment.

A segment holds 160 characters of GSM-7 text, or 70 when any character needs UCS-2 (any Chinese
character does).  The finding covers the characters past the first segment.  Placeholders count
as the typical length of the value they stand for (an amount 9, a date 10, a hotline 11, ...).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from collectlint.checks.base import MESSAGE, Check, Hit, MatchContext
from collectlint.elements import expanded_length
from collectlint.profiles.profile import Profile
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)


@functools.lru_cache(maxsize=4096)
def _expanded(profile: Profile, name: str) -> int:
    return expanded_length(tuple(profile.elements.values()), name)


class LengthCheck(Check):
    kind = "length"
    document_level = True
    needs = frozenset({MESSAGE})

    def __init__(self, gsm_limit: int, unicode_limit: int) -> None:
        self.gsm_limit = gsm_limit
        self.unicode_limit = unicode_limit

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> LengthCheck:
        reader.keys(spec, where, allowed={"type", "gsm_limit", "unicode_limit"})
        return cls(reader.integer(spec, "gsm_limit", where, default=160, low=1, high=10_000),
                   reader.integer(spec, "unicode_limit", where, default=70, low=1, high=10_000))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        text = ctx.doc.text
        if not ctx.doc.check_required:
            return
        original = text.strip()
        lead = len(text) - len(text.lstrip())
        limit = self.gsm_limit if all(c in GSM7 for c in original) else self.unicode_limit
        holders = {p.start: p for p in ctx.doc.placeholders}
        estimate = len(original) + sum(_expanded(ctx.doc.profile, p.name) - (p.end - p.start) for p in holders.values())
        if estimate <= limit:
            return
        # Over the limit: walk the text, counting placeholders as their likely value, to find the cut.
        count, i, cut = 0, lead, None
        end = lead + len(original)
        while i < end:
            p = holders.get(i)
            step = _expanded(ctx.doc.profile, p.name) if p else 1
            if count + step > limit:
                cut = i
                break
            count += step
            i = p.end if p else i + 1
        if cut is None:
            return
        starts = ctx.doc.norm.starts
        start = cut if starts is None else next((i for i, s in enumerate(starts) if s >= cut), len(ctx.text))
        yield Hit(start, len(ctx.text.rstrip()))
