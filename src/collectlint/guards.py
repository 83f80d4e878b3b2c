"""Context guards applied to a raw hit: negation, lawful frames, required cues, overlapping words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from collectlint.checks.phrases import PhraseSet

CLAUSE_END = re.compile(r"[。！？!?；;\n，,：:]")
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# A negator governs what follows it in its clause, until a consequence marker starts a new frame
# ("再不还钱就让你坐牢": the 不 belongs to the condition, not to 坐牢).
NEGATORS = re.compile(
    # "要不要/会不会/能不能" are questions, not negations.
    r"(?<!会)不会|不得|绝不|不建议|(?<!要)不要|不收取|免收|无需支付|不额外收取|决不|禁止|严禁|(?<!能)不能|不可|不允许|无权|不应|从不|从未|不再|杜绝|避免|切勿|请勿|不存在"
    r"|\b(?:not|never|no longer|won't|wouldn't|cannot|can't|don't|doesn't|will not|do not|does not|nor)\b"
)
CONSEQUENCE = re.compile(r"就|否则|不然|要不|则|\b(?:or|otherwise|then|unless)\b")
NEGATION_WINDOW = 16


def clause_before(text: str, start: int) -> str:
    begin = max(0, start - 60)
    prefix = text[begin:start]
    cut = 0
    for m in CLAUSE_END.finditer(prefix):
        cut = m.end()
    return prefix[cut:]


def bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    begin = 0
    for m in pattern.finditer(text, max(0, start - 300), start):
        begin = m.end()
    m2 = pattern.search(text, end)
    return begin, (m2.start() if m2 else len(text))


def negated(text: str, start: int) -> bool:
    prefix = clause_before(text, start)[-NEGATION_WINDOW:]
    last_neg = None
    for m in NEGATORS.finditer(prefix):
        last_neg = m
    if last_neg is None:
        return False
    return CONSEQUENCE.search(prefix, last_neg.end()) is None


@dataclass(frozen=True)
class Context:
    """Rule-level context: which hits to drop."""

    negation: bool = True
    unless_overlap: PhraseSet | None = None  # hit lies inside one of these words (滚动 for 滚)
    unless_clause: PhraseSet | None = None  # a lawful frame in the same clause (依法, 经法院判决)
    unless_sentence: PhraseSet | None = None
    requires_sentence: PhraseSet | None = None  # a co-occurring cue needed in the same sentence
    requires_document: PhraseSet | None = None

    def keeps(self, text: str, start: int, end: int) -> bool:
        if self.negation and negated(text, start):
            return False
        if self.unless_overlap is not None:
            for m in self.unless_overlap.pattern.finditer(text, max(0, start - 20), min(len(text), end + 20)):
                if m.start() <= start and end <= m.end():
                    return False
        if self.unless_clause is not None:
            c0, c1 = bounds(text, start, end, CLAUSE_END)
            if self.unless_clause.pattern.search(text, c0, c1):
                return False
        if self.unless_sentence is not None or self.requires_sentence is not None:
            s0, s1 = bounds(text, start, end, SENTENCE_END)
            if self.unless_sentence is not None and self.unless_sentence.pattern.search(text, s0, s1):
                return False
            if self.requires_sentence is not None and not self.requires_sentence.pattern.search(text, s0, s1):
                return False
        return not (self.requires_document is not None and not self.requires_document.pattern.search(text))
