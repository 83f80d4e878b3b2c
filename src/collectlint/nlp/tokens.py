"""Token boundaries over a normalised text, computed on first use."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from collectlint.lazyre import lazy_compile
from collectlint.normalize import has_han
from collectlint.record import field, record

if TYPE_CHECKING:
    from collectlint.nlp.zh import Segmenter


@record
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


# Around a single Latin letter or symbol, spaCy's English rules certainly make it a token of its own
# when the rest of its white-space-delimited chunk is only opening marks before it and closing marks
# after it ("u", "(u)", "u,", "$500" where "$" is a currency prefix).  Anything else (a period, an
# apostrophe, a hyphen, letters or digits on both sides) is left to spaCy itself.
_OPENING = frozenset("([{\"\u201c")
_CLOSING = frozenset(")]}\"\u201d,!?;:")
_APOSTROPHES = frozenset("'\u2019")
_I_CONTRACTION = lazy_compile("['\u2019](?:m|d|ll|ve)(?![^\\W_])", re.IGNORECASE)
_CURRENCY = frozenset("$\u00a3\u20ac\u00a5\u20b9\u20a6\u20b1")


def surely_alone(text: str, start: int) -> bool:
    """Whether the one character at ``start`` (not Chinese) is certainly a token of its own under
    spaCy's English rules, judged from its white-space-delimited chunk alone (False: not certain)."""
    if not (text[start].isalpha() or text[start] in _CURRENCY):
        return False
    i = start
    while i > 0 and not text[i - 1].isspace():
        i -= 1
        if text[i] not in _OPENING:
            return False
    j = start + 1
    if text[start] in _CURRENCY:
        return True  # a currency sign opening a chunk is always split off as a prefix
    if text[start] in "iI" and j < len(text) and text[j] in _APOSTROPHES:
        m = _I_CONTRACTION.match(text, j)  # i'm, i'd, i'll, i've: spaCy's exceptions split them after "i"
        if m is None:
            return False
        j = m.end()
    while j < len(text) and not text[j].isspace():
        if text[j] not in _CLOSING:
            return False
        j += 1
    return True


def tokenize(text: str, segmenter: Segmenter) -> Tokens:
    """Chinese text is cut by the session's own jieba segmenter; other text by spaCy's English rules."""
    if has_han(text):
        return Tokens(segmenter.segment(text))
    from collectlint.nlp import en

    return Tokens(en.segment(text))
