"""A document under check: original text, normalised text, offset map and line index."""

from __future__ import annotations

import bisect
import unicodedata

from collectlint.models import Position
from collectlint.normalize import Normalized, normalize
from collectlint.placeholders import Placeholder, find_placeholders
from collectlint.profiles.profile import Profile, get_profile
from collectlint.record import field, record


@record
class Document:
    text: str
    path: str = "<text>"
    channel: str | None = None
    stage: str | None = None
    communication: str | None = None  # initial, subsequent, validation (front matter)
    # Language and jurisdiction: guards, elements and normalisation read it.
    profile: Profile = field(default_factory=get_profile)
    # Character ranges of the original text that are not prose (placeholders, code); never matched.
    masked: list[tuple[int, int]] = field(default_factory=list)
    # Elements this document must contain (None: every element rule applies).
    required_elements: frozenset[str] | None = None
    # A catalogue leaf: element rules only apply when it reads like a whole message.
    leaf: bool = False
    # False for chunks of a very large file: element rules need the whole message.
    check_required: bool = True
    # Extra placeholder names per element, from configuration.
    aliases: dict[str, frozenset[str]] = field(default_factory=dict)
    _norm: Normalized | None = None
    _line_starts: list[int] | None = None
    _placeholders: list[Placeholder] | None = None
    _placeholder_names: frozenset[str] | None = None
    _masked_sorted: list[tuple[int, int]] | None = None
    _masked_max_end: list[int] = field(default_factory=list)

    @property
    def norm(self) -> Normalized:
        if self._norm is None:
            self._norm = normalize(self.text, self.profile.folding)
        return self._norm

    def placeholder_names(self) -> frozenset[str]:
        if self._placeholder_names is None:
            self._placeholder_names = frozenset(p.name for p in self.placeholders)
        return self._placeholder_names

    @property
    def placeholders(self) -> list[Placeholder]:
        if self._placeholders is None:
            self._placeholders = find_placeholders(self.text)
        return self._placeholders

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> Position:
        starts = self.line_starts()
        line = bisect.bisect_right(starts, offset) - 1
        return Position(line + 1, offset - starts[line] + 1)

    def line_text(self, line: int) -> str:
        starts = self.line_starts()
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")

    def is_masked(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a masked range (placeholders, customer lines)."""
        if not self.masked:
            return False
        if self._masked_sorted is None or len(self._masked_sorted) != len(self.masked):
            self._masked_sorted = sorted(self.masked)
            running, ends = -1, []
            for _, e in self._masked_sorted:
                running = max(running, e)
                ends.append(running)
            self._masked_max_end = ends
        # Among the ranges that start before ``end``, one overlaps iff the furthest end passes ``start``.
        i = bisect.bisect_left(self._masked_sorted, (end, -1))
        return i > 0 and self._masked_max_end[i - 1] > start


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
