"""``type: length``: a message longer than one SMS segment.

A segment holds 160 characters of GSM-7 text, or 70 when any character needs UCS-2 (any Chinese
character does).  The finding covers the characters past the first segment.  Placeholders count
as the typical length of the value they stand for (an amount 9, a date 10, a hotline 11, ...).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

from collectlint.checks.base import MESSAGE, Check, Hit, MatchContext
from collectlint.elements import expanded_length
from collectlint.profiles.profile import Profile
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

GSM7 = frozenset(
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
        limit = self.gsm_limit if GSM7.issuperset(original) else self.unicode_limit
        holders = {p.start: p for p in ctx.doc.placeholders}
        estimate = len(original) + sum(_expanded(ctx.doc.profile, p.name) - (p.end - p.start) for p in holders.values())
        if estimate <= limit:
            return
        # Over the limit: walk the text from placeholder to placeholder, counting each as its likely
        # value and the text between as its characters, to find the cut.
        profile = ctx.doc.profile
        count, i, cut = 0, lead, None
        end = lead + len(original)
        for p in sorted(holders.values(), key=lambda h: h.start):
            if p.start < i or p.start >= end:
                continue  # before the text, inside a placeholder already counted, or past the end
            if count + (p.start - i) > limit:
                break
            count += p.start - i
            i = p.start
            step = _expanded(profile, p.name)
            if count + step > limit:
                cut = i
                break
            count += step
            i = p.end
        if cut is None and i < end and count + (end - i) > limit:
            cut = i + (limit - count)
        if cut is None:
            return
        starts = ctx.doc.norm.starts
        start = cut if starts is None else bisect.bisect_left(starts, cut)  # ``starts`` never decreases
        yield Hit(start, len(ctx.text.rstrip()))
