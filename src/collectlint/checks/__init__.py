"""The closed set of check kinds.  A new kind is one module plus one line in ``CHECKS``."""

from __future__ import annotations

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.checks.frame import FrameCheck
from collectlint.checks.length import LengthCheck
from collectlint.checks.metadata import MetadataCheck
from collectlint.checks.model import ModelCheck
from collectlint.checks.phrase import PhraseCheck
from collectlint.checks.proximity import ProximityCheck
from collectlint.checks.regex import RegexCheck
from collectlint.checks.required import RequiredCheck
from collectlint.checks.shouting import ShoutingCheck
from collectlint.checks.suppression import SuppressionCheck
from collectlint.checks.token_pattern import TokenPatternCheck
from collectlint.checks.validator import ValidatorCheck

CHECKS: dict[str, type[Check]] = {
    PhraseCheck.kind: PhraseCheck,
    FrameCheck.kind: FrameCheck,
    RegexCheck.kind: RegexCheck,
    TokenPatternCheck.kind: TokenPatternCheck,
    ProximityCheck.kind: ProximityCheck,
    ValidatorCheck.kind: ValidatorCheck,
    RequiredCheck.kind: RequiredCheck,
    LengthCheck.kind: LengthCheck,
    SuppressionCheck.kind: SuppressionCheck,
    ShoutingCheck.kind: ShoutingCheck,
    ModelCheck.kind: ModelCheck,
    MetadataCheck.kind: MetadataCheck,
}

__all__ = ["CHECKS", "Check", "Hit", "MatchContext"]
