"""What every check kind shares: the match context and the check interface."""

from __future__ import annotations

import abc
import bisect
from collections.abc import Iterator
from typing import ClassVar, Protocol

from collectlint.nlp.tokens import Tokens, surely_alone, tokenize
from collectlint.nlp.zh import Segmenter
from collectlint.normalize import has_han
from collectlint.record import field, record
from collectlint.source import Document
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict


@record
class MatchContext:
    """Per-document state shared by the checks: normalised text and lazily built token windows."""

    doc: Document
    # The session's segmenter: its own jieba dictionary with every loaded rule phrase registered.
    segmenter: Segmenter = field(default_factory=Segmenter)
    _sentences: dict[int, tuple[int, Tokens]] = field(default_factory=dict)
    _breaks: list[int] | None = None
    # Occurrences of each phrase set's phrases (by id of the set), found in one pass by the RuleSet;
    # None outside a RuleSet, where each set scans for itself.
    phrase_hits: dict[int, list[tuple[int, int]]] | None = None
    # Categories the rule checks found in this document (for checks that need FINDINGS).
    found_categories: frozenset[str] = frozenset()
    model_sensitivity: str | None = None  # the model's sensitivity (``model.SENSITIVITIES``); None: off
    # The normalised text (read by every check: a plain attribute, set once).
    text: str = field(init=False, default="")
    _settled: bool | None = field(init=False, default=None)
    # Per-document results a check computes once for several rules (the model's verdict).
    memo: dict[str, object] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.doc.norm.text

    def settled(self) -> bool:
        """Whether the document is a paid-up or settled notice (not a collection message)."""
        if self._settled is None:
            self._settled = self.doc.profile.settled.search(self.text) is not None
        return self._settled

    def hits_for(self, phrase_set: object) -> list[tuple[int, int]] | None:
        if self.phrase_hits is None:
            return None
        return self.phrase_hits.get(id(phrase_set), [])

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """[start, end) of the sentence holding ``offset`` (sentence ends are found once per document)."""
        if self._breaks is None:
            self._breaks = [m.start() for m in self.doc.profile.sentence_end.finditer(self.text)]
        breaks = self._breaks
        i = bisect.bisect_left(breaks, offset)
        start = breaks[i - 1] + 1 if i > 0 else 0
        end = breaks[i] if i < len(breaks) else len(self.text)
        return start, max(end, offset)

    def tokens_for(self, offset: int) -> tuple[int, Tokens]:
        """Tokens of the sentence holding ``offset``: (sentence start, tokens relative to it)."""
        start, end = self.sentence_bounds(offset)
        cached = self._sentences.get(start)
        if cached is None:
            cached = (start, tokenize(self.text[start:end], self.segmenter))
            self._sentences[start] = cached
        return cached

    def token_aligned(self, start: int, end: int) -> bool:
        if end - start == 1 and not has_han(self.text[start]) and surely_alone(self.text, start):
            return True  # answered without loading spaCy (a test holds this to spaCy's own answer)
        base, tokens = self.tokens_for(start)
        s0, s1 = self.sentence_bounds(start)
        return tokens.aligned(start - base, end - base, self.text[s0:s1], self.segmenter.registered())


class PhraseSetLike(Protocol):
    phrases: list[str]

    def variant_set(self) -> PhraseSetLike | None: ...


@record(frozen=True)
class Hit:
    """A raw match in normalised coordinates."""

    start: int
    end: int
    confidence: float | None = None  # model hits: the calibrated probability
    explanation: str = ""  # model hits: what drove the score
    category: str | None = None  # model hits: the category the model names (else the rule's)
    also_categories: tuple[str, ...] = ()  # model hits: the further categories it names at the sentence
    # Frame hits: where each later part starts.  A negator before any part denies the whole frame ("pay
    # today and we will not file a lawsuit" is no threat), so the negation guard looks before each.
    parts: tuple[int, ...] = ()


# What a check kind consumes.  The pipeline provides these; a kind that needs something a run cannot
# give (message history in an audit, a model that is switched off) is skipped and says so, never
# silently passes.
SPAN = "span"  # one stretch of text at a time (phrase, regex, tokens, proximity, frame, validator)
MESSAGE = "message"  # the whole message (required elements, length, suppressions)
FINDINGS = "findings"  # what the other rules found in the message
MODEL = "model"  # a learned model of the message's profile
HISTORY = "history"  # earlier messages to the same debtor (audit mode)


class Check(abc.ABC):
    """One kind of matcher.  ``from_spec`` validates strictly; ``find`` yields raw hits."""

    kind: ClassVar[str]
    document_level: ClassVar[bool] = False
    needs: ClassVar[frozenset[str]] = frozenset({SPAN})

    @classmethod
    @abc.abstractmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> Check: ...

    @abc.abstractmethod
    def find(self, ctx: MatchContext) -> Iterator[Hit]: ...

    def literals(self) -> list[str] | None:
        """Normalised strings one of which must occur for a hit; None when any text may hit."""
        return None

    def han_phrases(self) -> list[str]:
        """Han phrases to register with the segmenter so they stay whole tokens."""
        return []

    def phrase_sets(self) -> list[PhraseSetLike]:
        """The phrase sets this check matches with (found for it in the RuleSet's single pass)."""
        return []

    def all_of(self) -> list[PhraseSetLike]:
        """Phrase sets of ``phrase_sets`` that must each occur in the RuleSet's pass for ``find`` to
        yield anything: a message without one of them never runs the check."""
        return []
