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
_LIST_WORDS = 6
_COORDINATOR = re.compile(r"\b(?:or|and|nor)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"\b(?:we|i|you|they|he|she|it|this|that|your \w+ (?:will|would|is|are))\b", re.IGNORECASE)


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


# A reply that restates what the reader reported ("您反映催收人员夜间来电一事，…", "you mentioned a
# caller threatened you with arrest") is about someone else's conduct, not the sender's.  The frame must
# open the sentence (after a greeting) and name a report, complaint or question, never a plain "you
# said" (a collector's "你刚才说没钱？那…" or "you said you'd pay, so…" stays a finding).
_REPLY_FRAME = re.compile(
    r"(?:(?:你|您)好[，,！!]?\s*)?(?:关于|对于|针对)?(?:你|您)(?:刚才|之前|此前|上次|昨天|今天)?"
    r"(?:反映|提到|提及|投诉|询问|咨询|所说的|担心)"
    r"|(?:(?:hi|hello|dear)\b[^,.!?\n]{0,30}[,.!]\s*)?(?:regarding|about|re:?|thank you for|thanks for)?\s*"
    r"(?:your (?:complaint|concern|question|report|dispute)\b|you (?:reported|complained|mentioned|raised|asked"
    r" (?:about|whether|if)|told us that|let us know that|disputed)\b)",
    re.IGNORECASE)


def in_reply_to_reader(text: str, start: int, profile: Profile) -> bool:
    """Whether the hit at ``start`` lies in a sentence that opens by restating the reader's report,
    complaint or question (``_REPLY_FRAME``)."""
    s0, _ = bounds(text, start, start, profile.sentence_end)
    while s0 < start and text[s0].isspace():
        s0 += 1
    return _REPLY_FRAME.match(text, s0, start) is not None


def negation_window(text: str, start: int, profile: Profile) -> str:
    """The stretch before ``start`` that a negator must lie in: N characters or N words of the clause."""
    neg = profile.negation
    if neg.unit == "char":
        return clause_before(text, start, profile.clause_end)[-neg.window:]
    clause = clause_before(text, start, profile.clause_end, reach=400)
    words = list(_WORD.finditer(clause))
    window = clause if len(words) <= neg.window else clause[words[-neg.window].start():]
    # A list after a comma ("must not threaten, abuse or contact your family") stays in the scope of a
    # negator before the comma: the stretch since the comma is short, holds a coordinator and no subject.
    cut = start - len(clause) - 1
    if (cut >= 0 and text[cut] == "," and len(words) <= _LIST_WORDS and _COORDINATOR.search(clause)
            and not _SUBJECT.search(clause)):
        before = clause_before(text, cut, profile.clause_end, reach=400)
        earlier = list(_WORD.finditer(before))
        head = before if len(earlier) <= neg.window else before[earlier[-neg.window].start():]
        return head + "," + clause
    return window


def negated(text: str, start: int, profile: Profile) -> bool:
    prefix = negation_window(text, start, profile)
    last_neg = None
    for m in profile.negation.negators.finditer(prefix):
        last_neg = m
    if last_neg is None:
        return False
    # The consequence test may look past the window's end ("or" followed by the hit's own verb).
    base = start - len(prefix)
    after = text[base : start + 40]
    return not any(m.start() < len(prefix)
                   for m in profile.negation.consequence.finditer(after, last_neg.end()))


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
        if self.negation and (negated(text, start, profile) or in_quoted_question(text, start, end)
                              or in_reply_to_reader(text, start, profile)):
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
