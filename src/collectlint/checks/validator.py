"""``type: validator``: number-like candidates kept only when a checksum validator accepts them.

Masked forms (110***********1234, 尾号1234) never reach a validator: they are not digit runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.lazyre import lazy_compile
from collectlint.mask import SSN_LABEL
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

_SEP = lazy_compile(r"[ \-]")


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
    # A 14-digit time stamp (20020906211713, yyyymmddhhmmss) is no card: 14-digit cards (Diners) start 30-39.
    if len(d) == 14 and d[:2] in ("19", "20") and s.isdigit():
        return False
    # An 18-digit resident ID that happens to pass Luhn is reported by the ID rule, not twice.
    return not (len(d) == 18 and _cn_resident_id(d))


def _hk_id(s: str) -> bool:
    """A Hong Kong identity card number, A123456(3): one or two letters, six digits and a check
    character (weights 9 to 2 over a space-padded 8-character body, modulus 11; 10 is written A)."""
    body = re.sub(r"[\s()]", "", s).upper()
    letters, digits, check = body[:-7], body[-7:-1], body[-1]
    if not 1 <= len(letters) <= 2 or not digits.isdigit():
        return False
    values = [36] * (2 - len(letters)) + [ord(c) - 55 for c in letters] + [int(c) for c in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))


# Taiwan: the letter's two-digit area value (A=10 ... with I, O, W, X, Y, Z out of order).
_TW_AREA = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))


def _tw_id(s: str) -> bool:
    """A Taiwan national ID (or new-style resident certificate) number, A123456789: a letter, a
    sex/category digit and eight digits, the weighted sum of which is a multiple of ten."""
    u = s.upper()
    if len(u) != 10 or u[0] not in _TW_AREA or not u[1:].isdigit():
        return False
    area = _TW_AREA[u[0]]
    total = area // 10 + (area % 10) * 9 + sum(int(c) * w for c, w in zip(u[1:9], range(8, 0, -1), strict=True)) + int(u[9])
    return total % 10 == 0


def _us_ssn(s: str) -> bool:
    """A US Social Security number: area not 000, 666 or 9xx, group not 00, serial not 0000."""
    d = _digits(s)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


# name -> (candidate pattern over normalised text, validator)
VALIDATORS: dict[str, tuple[re.Pattern[str], Callable[[str], bool]]] = {
    "cn-resident-id": (
        lazy_compile(r"(?<![\dx])\d(?:[ \-]?\d){16}[ \-]?[\dx](?![\dx])"),
        _cn_resident_id,
    ),
    "bank-card": (lazy_compile(r"(?<![\d])\d(?:[ \-]?\d){12,18}(?![\d])"), _bank_card),
    # Nine digits written together count only after an SSN label (below): unlabelled, they are as often an
    # account or routing number.
    # Written with separators, both are the same (123-45-6789, 123 45 6789): a ZIP+4 code (02111-1307) or a
    # reference such as A33761-2001 groups its digits 5-4 and is not one.
    "us-ssn": (lazy_compile(r"(?<![\d\-a-z])\d{3}(?:(?P<sep>[ \-])\d{2}(?P=sep)|\d{2})\d{4}(?![\d\-a-z])"), _us_ssn),
    # Normalised text is lower-case; the check character sits in brackets (full-width ones fold to these).
    "hk-id": (lazy_compile(r"(?<![a-z\d])[a-z]{1,2}\d{6} ?\([\da]\)"), _hk_id),
    "tw-id": (lazy_compile(r"(?<![a-z\d])[a-z][1289]\d{8}(?!\d)"), _tw_id),
}


# A number introduced as an ID number is reported even when its check character is wrong: it is
# still somebody's (mistyped) identifier, or reads as one.  One label for every ID validator, on the
# normalised text (folded to Simplified, lower case): the mainland's 身份证(号码), Taiwan's 身分證(字號) and
# 統一編號, Hong Kong's 身份證(號碼), also in English.
_ID_LABEL = lazy_compile(r"(?:身份证|身分证|证件|居民身份|hkid|id card|统一编号)"
                       r" ?(?:号码|字号|号|号为|号是|no\.?|number)?[:：\s]*$")
# Reported only when no Latin letter runs into the label ("martin 123456789"); Han characters and "_" may
# (客户ssn:, customer_ssn:), so no \b.
_SSN_LABEL = lazy_compile(r"(?<![a-z])" + SSN_LABEL + r"[:\s#]*(?:is|was)?[:\s]*$")
LABELS: dict[str, re.Pattern[str]] = {**{name: _ID_LABEL for name in ("cn-resident-id", "hk-id", "tw-id")},
                                      "us-ssn": _SSN_LABEL}
# Numbers that count only with their label: an SSN written without separators.
_LABEL_ONLY = {"us-ssn": str.isdigit}
# How far before the number its label may start ("your social security number is ...").
_LABEL_REACH = {"us-ssn": 32}


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
        label_only = _LABEL_ONLY.get(self.name)
        reach = _LABEL_REACH.get(self.name, 12)
        for m in self.pattern.finditer(ctx.text):
            labelled = label is not None and label.search(ctx.text, max(0, m.start() - reach), m.start()) is not None
            if labelled or (self.validate(m.group()) and not (label_only is not None and label_only(m.group()))):
                yield Hit(m.start(), m.end())
