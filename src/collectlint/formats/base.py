"""What every reader produces."""

from __future__ import annotations

from functools import cached_property

from collectlint.langid import unread_language
from collectlint.lazyre import lazy_compile
from collectlint.record import field, record


@record(frozen=True)
class Suppression:
    """``rules`` are silenced on file line ``target_line``; the comment itself sits on ``line``."""

    rules: tuple[str, ...]
    reason: str
    line: int
    target_line: int | None  # None: the whole message (front matter)
    end_line: int | None = None  # a range (collectlint-disable ... collectlint-enable): target_line..end_line
    invalid: str = ""  # why the directive is malformed or unknown; an invalid directive never applies

    def covers(self, line: int) -> bool:
        if self.target_line is None:
            return True
        if self.end_line is None:
            return line == self.target_line
        return self.target_line <= line <= self.end_line


@record
class Message:
    """One message of a file.

    ``text`` is what the rules see.  ``offsets[i]`` is the file offset of ``text[i]``; ``None`` means
    the identity map (the text is a same-length view of the file text).
    """

    text: str
    offsets: list[int] | None = None
    key: str | None = None
    channel: str | None = None
    stage: str | None = None
    lang: str | None = None
    profile: str | None = None  # from front matter
    communication: str | None = None  # initial, subsequent or validation (US profile): front matter, catalogue key
    masked: list[tuple[int, int]] = field(default_factory=list)  # message coordinates, never matched
    suppressions: list[Suppression] = field(default_factory=list)

    @cached_property
    def unread_language(self) -> str | None:
        """The language of the text when no profile reads it (``langid``), found once: the linter skips such a
        message and the runner's notice names the language."""
        return unread_language(self.text)

    def to_file(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        if not self.offsets:
            return 0, 0
        if start >= len(self.offsets):
            last = self.offsets[-1] + 1
            return last, last
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines so lines and offsets stay put."""
    return blank_all(text, [(start, end)])


_NOT_NEWLINE = lazy_compile(r"[^\n]")


def blank_all(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank every (sorted, non-overlapping) span in one pass: linear however many spans there are."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


SUPPRESS_ID = lazy_compile(r"^[A-Za-z]{2,5}\d{3}$|^[a-z][a-z0-9-]+$")


def parse_suppression(body: str, line: int, target: int | None, where: str) -> Suppression:
    """``ID[,ID] reason words`` -> Suppression (the reason may be empty: reported later)."""
    parts = body.strip().split(None, 1)
    if not parts:
        return Suppression((), "", line, target, invalid="the suppression comment names no rule")
    rules = tuple(r for r in parts[0].split(",") if r)
    for r in rules:
        if not SUPPRESS_ID.match(r):
            return Suppression((), "", line, target, invalid=f"the suppression names '{r}', not a rule id or name")
    return Suppression(rules, parts[1].strip() if len(parts) > 1 else "", line, target)
