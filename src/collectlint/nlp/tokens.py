"""Token boundaries over a normalised text, computed on first use."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from collectlint.normalize import has_han

if TYPE_CHECKING:
    from collectlint.nlp.zh import Segmenter


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

    def aligned(self, start: int, end: int, text: str = "", inner_ok: frozenset[str] | set[str] = frozenset()) -> bool:
        """True when [start, end) begins and ends on token boundaries.

        A position inside a token that is itself a registered rule phrase also counts as a boundary:
        registering 老赖名单 for one rule must not hide 老赖 from another.
        """
        return self._boundary(start, text, inner_ok, self.starts) and self._boundary(end, text, inner_ok, self.ends)

    def _boundary(self, pos: int, text: str, inner_ok: frozenset[str] | set[str], edges: set[int]) -> bool:
        if pos in edges:
            return True
        if not inner_ok:
            return False
        s, e = self.spans[self.index_at(pos)]
        return s < pos < e and text[s:e] in inner_ok

    def index_at(self, offset: int) -> int:
        """Index of the token containing ``offset`` (or the one before it)."""
        return max(0, bisect.bisect_right(self._start_list, offset) - 1)


def tokenize(text: str, segmenter: Segmenter) -> Tokens:
    """Chinese text is cut by the session's own jieba segmenter; other text by spaCy's English rules."""
    if has_han(text):
        return Tokens(segmenter.segment(text))
    from collectlint.nlp import en

    return Tokens(en.segment(text))
