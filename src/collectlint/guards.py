"""Context guards applied to a raw hit: negation, lawful frames, required cues, overlapping words.

Everything language-specific (negators, their window and its unit, clause and sentence ends) comes
from the document's profile: a window of characters for Chinese, of words for English.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

from collectlint.lazyre import lazy_compile
from collectlint.profiles.profile import Profile
from collectlint.record import record

_WORD = lazy_compile(r"[^\W_]+(?:'[^\W_]+)?")


class Patterned(Protocol):
    """Anything searched like one alternation of phrases (a rule's phrase set)."""

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool: ...

    def spans(self, text: str, pos: int, endpos: int) -> list[tuple[int, int]]: ...


_LOOKAHEAD = 40  # characters an end pattern's lookahead may read past the position


def _last_end(text: str, lo: int, at: int, pattern: re.Pattern[str], default: int) -> int:
    """Where the last match of ``pattern`` (a clause or sentence end) in ``text[lo:at]`` ends, else
    ``default``.  The search reads a little past ``at`` so that an end's lookahead sees the text that
    follows it (a numero's full stop before its number, "No. 4471", is no sentence end); a search cut at
    ``at`` would find "$" there and put an end right before every hit."""
    last = default
    for m in pattern.finditer(text, lo, min(len(text), at + _LOOKAHEAD)):
        if m.end() > at:
            break
        last = m.end()
    return last


def clause_before(text: str, start: int, clause_end: re.Pattern[str], reach: int = 60) -> str:
    begin = max(0, start - reach)
    return text[_last_end(text, begin, start, clause_end, begin):start]


def bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    begin = _last_end(text, max(0, start - 300), start, pattern, 0)
    m2 = pattern.search(text, end)
    return begin, (m2.start() if m2 else len(text))


# Quotation marks that pair unambiguously (straight double quotes pair by parity, ``quotation``).  A reply
# that quotes the reader's question ("会不会坐牢", "will I be arrested?") is not the sender saying it; the
# profile says what makes a question.
_QUOTES = (("\u201c", "\u201d"), ("\u300c", "\u300d"), ("\u300e", "\u300f"))
_QUOTE_REACH = 80


def quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the quotation that holds ``text[start:end]``, if any: curly or corner quotes, or
    straight double quotes, which open or close by their parity (the hit is inside when an odd number of
    them come before it in the text)."""
    for opening, closing in _QUOTES:
        i = text.rfind(opening, max(0, start - _QUOTE_REACH), start + 1)
        if i < 0 or text.find(closing, i + 1, start) >= 0:
            continue
        j = text.find(closing, end, end + _QUOTE_REACH)
        if j >= 0:
            return i + 1, j
    if text.count('"', 0, start) % 2 == 1 and '"' not in text[start:end]:
        i = text.rfind('"', 0, start)
        j = text.find('"', end, end + _QUOTE_REACH)
        if start - i <= _QUOTE_REACH and j >= 0:
            return i + 1, j
    return None


def unquoted(text: str) -> str:
    """``text`` with the inside of every quotation blanked out, character for character, so offsets keep
    their meaning; ``text`` itself when it holds no quotation mark.  Quotations are found as ``quotation``
    finds them: curly and corner quotes pair opening with closing, straight double quotes by parity (the
    first with the second, the third with the fourth); a pair further apart than twice ``_QUOTE_REACH``
    characters (more than ``quotation`` could ever see around a hit) quotes nothing."""
    pairs = [(opening, closing) for opening, closing in (*_QUOTES, ('"', '"')) if opening in text]
    if not pairs:
        return text
    chars = list(text)
    for opening, closing in pairs:
        i = text.find(opening)
        while i >= 0:
            j = text.find(closing, i + 1)
            if j < 0:
                break
            if j - i <= 2 * _QUOTE_REACH:
                chars[i + 1 : j] = " " * (j - i - 1)
            i = text.find(opening, j + 1)
    return "".join(chars)


def quoted_question(text: str, inside: tuple[int, int] | None, profile: Profile) -> bool:
    """Whether the quotation ``inside`` (from ``quotation``) asks a question (holds one of the profile's
    question markers): the reader's question restated, not the sender saying it."""
    return inside is not None and profile.question_marker.search(text, *inside) is not None


def reported_quote(text: str, inside: tuple[int, int] | None, profile: Profile) -> bool:
    """Whether the quotation ``inside`` (from ``quotation``) is in a message that reports or warns about
    someone else's words (the profile's distancing cues anywhere in it: an anti-fraud warning, a reply to a
    complaint, a denial that the sender said it).  防诈提醒：不法分子以“您的账户已被冻结”为由行骗 and 您反映
    催收员说“再不还就让你全家都知道”，经核实… quote what the sender warns against; a collector's own
    threat in quotation marks for emphasis, in a message with no such cue, stays a finding."""
    return inside is not None and distanced(text, profile)


@functools.lru_cache(maxsize=64)
def distanced(text: str, profile: Profile) -> bool:
    """Whether the message holds one of the profile's distancing cues (it reports or warns about someone
    else's words); searched once per message, however many quoted hits and model passes ask."""
    return profile.distancing.search(text) is not None


def in_others_words(text: str, start: int, profile: Profile) -> bool:
    """Whether the sentence holding the hit at ``start`` puts it in someone else's words, found from the
    sentence's start, which both tests below read (it is found once):
    - it opens (after white space) with one of the profile's reply frames: a restatement of the reader's
      report, complaint or question about someone else's conduct ("您反映催收人员夜间来电一事，…", "you
      reported that a caller threatened…");
    - before the hit, it states what collectors may not do or what the law forbids (the profile's rights
      frames): a rights notice ("collectors may not harass you by using threats of violence or arrest")
      lists the conduct it rules out, often beyond the negation window."""
    s0, _ = bounds(text, start, start, profile.sentence_end)
    if profile.rights_frame.search(text, s0, start) is not None:
        return True
    while s0 < start and text[s0].isspace():
        s0 += 1
    return profile.reply_frame.match(text, s0, start) is not None


def refuted(text: str, start: int, end: int, profile: Profile) -> bool:
    """Whether the hit's sentence or the next one calls what it says unlawful or untrue (the profile's
    refuted frames): a complaint or an apology that reports a collector's words ("your agent said she
    would be arrested. That statement was false and violates 15 U.S.C. 1692e") is not itself a threat."""
    s0, s1 = bounds(text, start, end, profile.sentence_end)
    nxt = min(len(text), s1 + 1)
    _, s2 = bounds(text, nxt, nxt, profile.sentence_end)
    return profile.refuted_frame.search(text, s0, s2) is not None


def denied_after(text: str, end: int, profile: Profile) -> bool:
    """Whether the clause goes on, right after the hit, to deny it ("与子女入学没有直接关系")."""
    return profile.denied_after.match(text, end) is not None


def _last_words(clause: str, count: int) -> str:
    """The end of ``clause`` that holds its last ``count`` words (all of it when it has fewer)."""
    words = list(_WORD.finditer(clause))
    return clause if len(words) <= count else clause[words[-count].start():]


def negation_window(text: str, start: int, profile: Profile) -> str:
    """The stretch before ``start`` that a negator must lie in: N characters or N words of the clause."""
    neg = profile.negation
    if neg.unit == "char":
        return clause_before(text, start, profile.clause_end)[-neg.window:]
    clause = clause_before(text, start, profile.clause_end, reach=400)
    # A list after a comma ("must not threaten, abuse or contact your family") stays in the scope of a
    # negator before the comma: the stretch since the comma is short, holds a coordinator and no subject.
    cut = start - len(clause) - 1
    if (neg.list_coordinator is not None and cut >= 0 and text[cut] == ","
            and len(_WORD.findall(clause)) <= neg.window and neg.list_coordinator.search(clause)
            and not (neg.list_subject is not None and neg.list_subject.search(clause))):
        before = clause_before(text, cut, profile.clause_end, reach=400)
        return _last_words(before, neg.window) + "," + clause
    return _last_words(clause, neg.window)


def _in_condition(text: str, at: int, profile: Profile) -> bool:
    """Whether the negator ending at ``at`` belongs to a condition: "if payment is not received by Friday, ..."
    (the opener may lie before the negation window: "if not paid by 6pm today your photos ...").  A main
    clause begun since the opener ("if you pay today we will not sue") takes the negator out of it."""
    condition = profile.negation.condition
    if condition is None:
        return False
    lead = clause_before(text, at, profile.clause_end)
    openers = [m.end() for m in condition.finditer(lead)]
    return bool(openers) and profile.negation.consequence.search(lead, openers[-1]) is None


def negated(text: str, start: int, profile: Profile, end: int | None = None) -> bool:
    """Whether a negator in the window before ``start`` denies the hit.  With ``end``, a negator that
    begins before the hit and runs into it counts too (不构成 before the hit 构成犯罪), unless the hit
    itself opens with a negator."""
    prefix = negation_window(text, start, profile)
    base = start - len(prefix)
    last_neg = None
    emphasis = profile.negation.emphasis
    # A hit that is itself negative (不会放过你 after 绝不) keeps its own sense: only the window counts.
    crossing = end is not None and end > start and profile.negation.negators.match(text, start) is None
    scope = text[base:end] if crossing else prefix
    for m in profile.negation.negators.finditer(scope):
        if m.start() >= len(prefix):
            break
        if emphasis is None or emphasis.match(text, base + m.end()) is None:
            last_neg = m
    if last_neg is None:
        return False
    if _in_condition(text, base + last_neg.end(), profile):
        return False
    # The consequence test may look past the window's end ("or" followed by the hit's own verb).
    after = text[base : start + 40]
    return not any(m.start() < len(prefix)
                   for m in profile.negation.consequence.finditer(after, last_neg.end()))


@record(frozen=True)
class Context:
    """Rule-level context: which hits to drop."""

    negation: bool = True
    unless_overlap: Patterned | None = None  # hit lies inside one of these words (滚动 for 滚)
    unless_clause: Patterned | None = None  # a lawful frame in the same clause (依法, 经法院判决)
    unless_sentence: Patterned | None = None
    requires_sentence: Patterned | None = None  # a co-occurring cue needed in the same sentence
    requires_document: Patterned | None = None
    unless_document: Patterned | None = None  # evidence anywhere in the message (a court case number)
    # When set, a hit word that the original writes as part of a name or an address does not count
    # (``names.written_as_name``: after Mr., 100 Maple Court, Court Street; the listed words also by their
    # neighbours, Sarah Levy); applied by the pipeline, which has the original's capitals.
    unless_name: frozenset[str] | None = None
    # Match inside placeholders and 【】 signatures too (a rule about the sender name itself).
    placeholders: bool = False

    def keeps(self, text: str, start: int, end: int, profile: Profile, parts: tuple[int, ...] = ()) -> bool:
        """Whether a hit at ``start``-``end`` stands; ``parts``: where a frame's later parts start (a
        negator before any of them denies the frame)."""
        inside = quotation(text, start, end)  # read by both quotation guards below
        if self.negation and (negated(text, start, profile, end) or any(negated(text, p, profile) for p in parts)
                              or quoted_question(text, inside, profile)
                              or in_others_words(text, start, profile)
                              or denied_after(text, end, profile)):
            return False
        # Even a rule that ignores negation (an insult is an insult after "not") does not fire on conduct
        # the message itself reports and condemns.
        if refuted(text, start, end, profile) or reported_quote(text, inside, profile):
            return False
        if self.unless_overlap is not None:
            for m0, m1 in self.unless_overlap.spans(text, max(0, start - 20), min(len(text), end + 20)):
                if m0 <= start and end <= m1:
                    return False
        if self.unless_clause is not None:
            c0, c1 = bounds(text, start, end, profile.clause_end)
            if self.unless_clause.search(text, c0, c1):
                return False
        if self.unless_sentence is not None or self.requires_sentence is not None:
            s0, s1 = bounds(text, start, end, profile.sentence_end)
            if self.unless_sentence is not None and self.unless_sentence.search(text, s0, s1):
                return False
            if self.requires_sentence is not None and not self.requires_sentence.search(text, s0, s1):
                return False
        if self.unless_document is not None and self.unless_document.search(text):
            return False
        return not (self.requires_document is not None and not self.requires_document.search(text))
