"""Context guards applied to a raw hit: negation, lawful frames, required cues, overlapping words.

Everything language-specific (negators, their window and its unit, clause and sentence ends) comes
from the document's profile: a window of characters for Chinese, of words for English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from collectlint.profiles.profile import Profile

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


class Patterned(Protocol):
    """Anything with a compiled alternation (a rule's phrase set)."""

    @property
    def pattern(self) -> re.Pattern[str]: ...


def clause_before(text: str, start: int, clause_end: re.Pattern[str], reach: int = 60) -> str:
    begin = max(0, start - reach)
    prefix = text[begin:start]
    cut = 0
    for m in clause_end.finditer(prefix):
        cut = m.end()
    return prefix[cut:]


def bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    begin = 0
    for m in pattern.finditer(text, max(0, start - 300), start):
        begin = m.end()
    m2 = pattern.search(text, end)
    return begin, (m2.start() if m2 else len(text))


# Quotation marks that pair unambiguously, and what makes a quoted stretch a question ("会不会坐牢",
# "will I be arrested?").  A reply that quotes the reader's question is not the sender saying it.
_QUOTES = (("\u201c", "\u201d"), ("\u300c", "\u300d"), ("\u300e", "\u300f"))
_QUESTION = re.compile(r"会不会|会唔会|是不是|能不能|可不可以|是否|会否|吗|[?？]")
_QUOTE_REACH = 80


def in_quoted_question(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a quotation (curly or corner quotes) that asks a question."""
    for opening, closing in _QUOTES:
        i = text.rfind(opening, max(0, start - _QUOTE_REACH), start + 1)
        if i < 0 or text.find(closing, i + 1, start) >= 0:
            continue
        j = text.find(closing, end, end + _QUOTE_REACH)
        if j >= 0 and _QUESTION.search(text, i + 1, j):
            return True
    return False


def negation_window(text: str, start: int, profile: Profile) -> str:
    """The stretch before ``start`` that a negator must lie in: N characters or N words of the clause."""
    neg = profile.negation
    if neg.unit == "char":
        return clause_before(text, start, profile.clause_end)[-neg.window:]
    clause = clause_before(text, start, profile.clause_end, reach=400)
    words = list(_WORD.finditer(clause))
    if len(words) <= neg.window:
        return clause
    return clause[words[-neg.window].start():]


def negated(text: str, start: int, profile: Profile) -> bool:
    prefix = negation_window(text, start, profile)
    last_neg = None
    for m in profile.negation.negators.finditer(prefix):
        last_neg = m
    if last_neg is None:
        return False
    return profile.negation.consequence.search(prefix, last_neg.end()) is None


@dataclass(frozen=True)
class Context:
    """Rule-level context: which hits to drop."""

    negation: bool = True
    unless_overlap: Patterned | None = None  # hit lies inside one of these words (滚动 for 滚)
    unless_clause: Patterned | None = None  # a lawful frame in the same clause (依法, 经法院判决)
    unless_sentence: Patterned | None = None
    requires_sentence: Patterned | None = None  # a co-occurring cue needed in the same sentence
    requires_document: Patterned | None = None
    unless_document: Patterned | None = None  # evidence anywhere in the message (a court case number)
    # Match inside placeholders and 【】 signatures too (a rule about the sender name itself).
    placeholders: bool = False

    def keeps(self, text: str, start: int, end: int, profile: Profile) -> bool:
        if self.negation and (negated(text, start, profile) or in_quoted_question(text, start, end)):
            return False
        if self.unless_overlap is not None:
            for m in self.unless_overlap.pattern.finditer(text, max(0, start - 20), min(len(text), end + 20)):
                if m.start() <= start and end <= m.end():
                    return False
        if self.unless_clause is not None:
            c0, c1 = bounds(text, start, end, profile.clause_end)
            if self.unless_clause.pattern.search(text, c0, c1):
                return False
        if self.unless_sentence is not None or self.requires_sentence is not None:
            s0, s1 = bounds(text, start, end, profile.sentence_end)
            if self.unless_sentence is not None and self.unless_sentence.pattern.search(text, s0, s1):
                return False
            if self.requires_sentence is not None and not self.requires_sentence.pattern.search(text, s0, s1):
                return False
        if self.unless_document is not None and self.unless_document.pattern.search(text):
            return False
        return not (self.requires_document is not None and not self.requires_document.pattern.search(text))
