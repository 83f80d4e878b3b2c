"""``type: shouting``: runs of exclamation marks and ALL-CAPS English, read from the original text.

Normalisation lower-cases everything, so capitals are looked for in the original and the hit is
mapped onto the normalised text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.lazyre import lazy_compile
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

# Three or more exclamation marks (half- or full-width), or three or more ALL-CAPS words in a row.
SHOUT = lazy_compile(r"[!！]{3,}|\b[A-Z]{2,}[!！]*(?:\s+[A-Z]{2,}[!！]*){2,}\b")


class ShoutingCheck(Check):
    kind = "shouting"

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> ShoutingCheck:
        reader.keys(spec, where, allowed={"type"})
        return cls()

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        starts = ctx.doc.norm.starts
        for m in SHOUT.finditer(ctx.doc.text):
            if starts is None:
                yield Hit(m.start(), m.end())
                continue
            a = bisect.bisect_left(starts, m.start())
            b = bisect.bisect_left(starts, m.end())
            if b > a:
                yield Hit(a, b)

    def literals(self) -> None:
        return None
