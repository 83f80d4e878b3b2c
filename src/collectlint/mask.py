"""Mask ID, bank-card and phone numbers in anything collectlint prints.

Every reporter passes user text (source lines, matched text, keys, paths, errors) through
``mask_text``; the tool never prints a full number it found.  Masking follows detection: numbers are
found in the normalised text the rules read (full-width digits folded, NBSP, ideographic and thin
spaces made plain, zero-width characters and soft hyphens removed), and every digit of the original
characters behind a number is masked, whatever separates them.  The masked text keeps its length.
"""

from __future__ import annotations

import re
import unicodedata

from collectlint.normalize import Folding, normalize

_PLAIN = Folding(False, ())
_D = "[0-9]"
# Between two digits: up to two separators (a space or dash of any kind, after normalisation).
_S = "[ \\-\u2010-\u2015\u2212]{0,2}"
_S1 = "[ \\-\u2010-\u2015\u2212]{1,2}"
# (pattern, digits kept at the head, digits kept at the tail)
_MOBILE = rf"(?:\+?86{_S})?1{_S}[3-9](?:{_S}{_D}){{9}}(?![0-9])"
_NUMBERS: tuple[tuple[re.Pattern[str], int, int], ...] = (
    # ID and bank-card numbers: 13 to 19 digits (an ID may end in X); not a mobile number with +86.
    (re.compile(rf"(?<![0-9])(?!86{_S}1{_S}[3-9](?:{_S}{_D}){{9}}(?![0-9])){_D}(?:{_S}{_D}){{12,18}}"
                rf"(?:{_S}[Xx])?(?![0-9])"), 0, 4),
    # Mainland mobile numbers, with or without +86.
    (re.compile(rf"(?<![0-9]){_MOBILE}"), 3, 4),
    # US Social Security numbers (separated groups).
    (re.compile(rf"(?<![0-9]){_D}{{3}}{_S1}{_D}{{2}}{_S1}{_D}{{4}}(?![0-9])"), 0, 4),
)
_DIGIT = re.compile(r"\d")


def _is_digit(ch: str) -> bool:
    return unicodedata.digit(ch, None) is not None or ch in "XxＸｘ"


def mask_text(text: str, char: str = "*") -> str:
    if len(_DIGIT.findall(text)) < 9:
        return text  # too few digits for any number masked here
    norm = normalize(text, _PLAIN)
    chars = list(text)
    for pattern, head, tail in _NUMBERS:
        for m in pattern.finditer(norm.text):
            start, end = norm.to_original(m.start(), m.end())
            # With +86, keep the country code and the first three digits of the number.
            head_here = head + 2 if head == 3 and m.group().startswith(("+86", "86")) else head
            digits = [i for i in range(start, end) if _is_digit(text[i])]
            for i in digits[head_here : len(digits) - tail]:
                chars[i] = char
    return "".join(chars)
