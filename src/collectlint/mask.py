"""Mask ID, bank-card and phone numbers in anything collectlint prints.

Every reporter passes user text (source lines, matched text) through ``mask_text``; the tool never
prints a full number it found.
"""

from __future__ import annotations

import re

_FW_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
# Long digit runs, allowing single spaces or dashes between digits (ID and card numbers).
_LONG_NUMBER = re.compile(r"(?<![0-9０-９])[0-9０-９](?:[ \-]?[0-9０-９]){12,18}(?:[ \-]?[XxＸｘ])?(?![0-9０-９])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ \-]?)?1[3-9][0-9](?:[ \-]?[0-9]){8}(?![0-9])")
_ID15_OR_OTHER = re.compile(r"(?<![0-9])[0-9]{15}(?![0-9])")
_SSN = re.compile(r"(?<![0-9])[0-9]{3}[ \-][0-9]{2}[ \-][0-9]{4}(?![0-9])")


def _keep_ends(s: str, head: int, tail: int) -> str:
    chars = list(s)
    digit_idx = [i for i, c in enumerate(chars) if c.translate(_FW_DIGITS).isalnum()]
    for i in digit_idx[head : len(digit_idx) - tail]:
        chars[i] = "*"
    return "".join(chars)


def mask_text(text: str) -> str:
    text = _LONG_NUMBER.sub(lambda m: _keep_ends(m.group(), 0, 4), text)
    text = _MOBILE.sub(lambda m: _keep_ends(m.group(), 3, 4), text)
    text = _ID15_OR_OTHER.sub(lambda m: _keep_ends(m.group(), 0, 4), text)
    return _SSN.sub(lambda m: _keep_ends(m.group(), 0, 4), text)
