"""``type: validator``: number-like candidates kept only when a checksum validator accepts them.

Masked forms (110***********1234, 尾号1234) never reach a validator: they are not digit runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

_SEP = re.compile(r"[ \-]")


def _digits(s: str) -> str:
    return _SEP.sub("", s)


def _cn_resident_id(s: str) -> bool:
    """ISO 7064 MOD 11-2 check character plus a real birth date.

    python-stdnum's ``cn.ric`` also demands an area code that existed on the birth date; an ID with an
    outdated or unlisted area code is still somebody's ID, so the privacy rule does not require it.
    """
    import datetime

    from stdnum.iso7064 import mod_11_2

    d = _digits(s).upper()
    if len(d) != 18 or not d[:17].isdigit():
        return False
    try:
        born = datetime.date(int(d[6:10]), int(d[10:12]), int(d[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= datetime.date.today().year and bool(mod_11_2.is_valid(d))


def _bank_card(s: str) -> bool:
    from stdnum import luhn

    d = _digits(s)
    if not 13 <= len(d) <= 19 or len(set(d)) == 1 or not luhn.is_valid(d):
        return False
    # An 18-digit resident ID that happens to pass Luhn is reported by the ID rule, not twice.
    return not (len(d) == 18 and _cn_resident_id(d))


def _us_ssn(s: str) -> bool:
    """A US Social Security number: area not 000, 666 or 9xx, group not 00, serial not 0000."""
    d = _digits(s)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


# name -> (candidate pattern over normalised text, validator)
VALIDATORS: dict[str, tuple[re.Pattern[str], Callable[[str], bool]]] = {
    "cn-resident-id": (
        re.compile(r"(?<![\dx])\d(?:[ \-]?\d){16}[ \-]?[\dx](?![\dx])"),
        _cn_resident_id,
    ),
    "bank-card": (re.compile(r"(?<![\d])\d(?:[ \-]?\d){12,18}(?![\d])"), _bank_card),
    "us-ssn": (re.compile(r"(?<![\d-])\d{3}[ \-]\d{2}[ \-]\d{4}(?![\d-])"), _us_ssn),
}


# A number introduced as an ID number is reported even when its check character is wrong: it is
# still somebody's (mistyped) identifier, or reads as one.
_ID_LABEL = re.compile(r"(?:身份证|身份證|证件|居民身份)(?:号码|号|号为|号是)?[:：\s]*$")
LABELS: dict[str, re.Pattern[str]] = {"cn-resident-id": _ID_LABEL}


class ValidatorCheck(Check):
    kind = "validator"

    def __init__(self, name: str) -> None:
        self.name = name
        self.pattern, self.validate = VALIDATORS[name]

    def __getstate__(self) -> dict[str, str]:
        return {"name": self.name}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["name"])  # type: ignore[misc]

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> ValidatorCheck:
        reader.keys(spec, where, allowed={"type", "validator"}, required={"validator"})
        name = reader.choice(spec, "validator", where, sorted(VALIDATORS))
        return cls(name)

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        label = LABELS.get(self.name)
        for m in self.pattern.finditer(ctx.text):
            if self.validate(m.group()) or (label is not None and label.search(ctx.text, max(0, m.start() - 12), m.start())):
                yield Hit(m.start(), m.end())
