"""Token boundaries over a normalised text, computed on first use."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from collectlint.normalize import has_han


@dataclass
class Tokens:
    spans: list[tuple[int, int]]
    starts: set[int] = field(init=False)
    ends: set[int] = field(init=False)
    _start_list: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = {s for s, _ in self.spans}
        self.ends = {e for _, e in self.spans}
        self._start_list = [s for s, _ in self.spans]

    def aligned(self, start: int, end: int) -> bool:
        """True when [start, end) begins and ends on token boundaries."""
        return start in self.starts and end in self.ends

    def index_at(self, offset: int) -> int:
        """Index of the token containing ``offset`` (or the one before it)."""
        return max(0, bisect.bisect_right(self._start_list, offset) - 1)


def tokenize(text: str) -> Tokens:
    if has_han(text):
        from collectlint.nlp import zh

        return Tokens(zh.segment(text))
    from collectlint.nlp import en

    return Tokens(en.segment(text))
