"""``type: validator``: number-like candidates kept only when a checksum validator accepts them.

Masked forms (110***********1234, 尾号1234) never reach a validator: they are not digit runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.packs.spec import SpecReader
from collectlint.packs.yamlloc import LDict

_SEP = re.compile(r"[ \-]")


def _digits(s: str) -> str:
    return _SEP.sub("", s)


def _cn_resident_id(s: str) -> bool:
    from stdnum.cn import ric

    return bool(ric.is_valid(_digits(s).upper()))


def _bank_card(s: str) -> bool:
    from stdnum import luhn

    d = _digits(s)
    if not 13 <= len(d) <= 19 or len(set(d)) == 1 or not luhn.is_valid(d):
        return False
    # An 18-digit resident ID that happens to pass Luhn is reported by the ID rule, not twice.
    return not (len(d) == 18 and _cn_resident_id(d))


# name -> (candidate pattern over normalised text, validator)
VALIDATORS: dict[str, tuple[re.Pattern[str], Callable[[str], bool]]] = {
    "cn-resident-id": (
        re.compile(r"(?<![\dx])\d(?:[ \-]?\d){16}[ \-]?[\dx](?![\dx])"),
        _cn_resident_id,
    ),
    "bank-card": (re.compile(r"(?<![\d])\d(?:[ \-]?\d){12,18}(?![\d])"), _bank_card),
}


class ValidatorCheck(Check):
    kind = "validator"

    def __init__(self, name: str) -> None:
        self.name = name
        self.pattern, self.validate = VALIDATORS[name]

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> ValidatorCheck:
        reader.keys(spec, where, allowed={"type", "validator"}, required={"validator"})
        name = reader.choice(spec, "validator", where, sorted(VALIDATORS))
        return cls(name)

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        for m in self.pattern.finditer(ctx.text):
            if self.validate(m.group()):
                yield Hit(m.start(), m.end())
