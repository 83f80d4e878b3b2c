"""Plain typed values shared by the library, the engine and the reporters."""

from __future__ import annotations

import enum

from collectlint.record import field, record


class Severity(enum.IntEnum):
    """Ordered so that ``a >= b`` means *a is at least as serious as b*."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.strip().upper()]


class Category(str, enum.Enum):
    THREAT = "threat"
    FALSE_LEGAL = "false-legal"
    THIRD_PARTY = "third-party"
    SHAMING = "shaming"
    INSULT = "insult"
    PRIVACY = "privacy"
    PRESSURE = "pressure"
    MISREPRESENTATION = "misrepresentation"
    MISSING_ELEMENT = "missing-element"
    CHANNEL_LIMIT = "channel-limit"
    SUPPRESSION = "suppression"


CONDUCT = frozenset(c for c in Category if c not in (Category.MISSING_ELEMENT, Category.CHANNEL_LIMIT,
                                                     Category.SUPPRESSION))


class Applicability(str, enum.Enum):
    """How safe it is to apply a suggestion mechanically (ruff's model)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


class ExitStatus(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


CHANNELS = ("sms", "letter", "email", "call", "chat", "voicemail")
# What a US communication is (front matter `communication:`): decides which disclosures it needs.
COMMUNICATIONS = ("initial", "subsequent", "validation")
STAGES = ("M0", "M1", "M2", "M3")


@record(frozen=True)
class Suggestion:
    zh: str
    en: str
    applicability: Applicability = Applicability.DISPLAY_ONLY
    # When set, a fix replaces the flagged span with this text (already resolved per language).
    replacement: str | None = None

    def text(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh or self.en


@record(frozen=True)
class Span:
    """Half-open character range [start, end) into the *original* text."""

    start: int
    end: int


@record(frozen=True)
class MergedRule:
    """A rule whose finding over the same words was folded into a stronger one (``overlap``): its id and
    legal basis stay on the finding that stood, so a reader still sees every instrument the words break."""

    rule_id: str
    basis: str = ""


@record(frozen=True)
class Finding:
    rule_id: str
    name: str
    category: Category
    severity: Severity
    message_zh: str
    message_en: str
    span: Span
    suggestions: tuple[Suggestion, ...] = ()
    basis: str = ""
    key: str | None = None  # catalogue key path of the message, when the file holds many
    exact_span: bool = True  # False when the span could only be placed approximately (fixes skip it)
    source: str = "rule"  # where it comes from: rule, model or aggregate
    confidence: float | None = None  # for model findings: the calibrated score
    explanation: str = ""  # for model findings: the words that drove the score
    # Further matches of the same rule in the same sentence (one finding per rule per sentence).
    also: tuple[Span, ...] = ()
    also_categories: tuple[Category, ...] = ()  # the rule's further categories (``also-categories``)
    merged: tuple[MergedRule, ...] = ()  # rules whose findings over the same words merged into this one

    @property
    def categories(self) -> tuple[Category, ...]:
        """Its category, then its further ones."""
        return (self.category, *self.also_categories)

    @property
    def category_names(self) -> str:
        """Its categories as a reader sees them in a report: ``shaming, threat`` (most likely first)."""
        return ", ".join(c.value for c in self.categories)

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_zh


@record(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, counted in characters


@record
class FileResult:
    """What linting one input produced: findings over its text, or an error."""

    path: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notice: str | None = None
    lang: str = "zh"
    messages: int = 0  # messages checked in this input
    skipped: bool = False  # nothing in this input was checked (not a template, unknown type, binary, empty)
    digest: str = ""  # sha256 of the bytes that were checked: --fix writes only if the file still holds them
    unruled: bool = False  # a message's profile had no conduct rules in force (see ``notice``)
    # Findings a suppression comment accepted: (rule id, line, reason), for the audit report.
    suppressed: list[tuple[str, int, str]] = field(default_factory=list)
