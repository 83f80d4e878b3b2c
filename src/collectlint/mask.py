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

from collectlint.lazyre import lazy_compile
from collectlint.normalize import Folding, normalize

_PLAIN = Folding(False, ())
_D = "[0-9]"
# Between two digits: up to two separators (a space or dash of any kind, after normalisation).
_S = "[ \\-\u2010-\u2015\u2212]{0,2}"
_S1 = "[ \\-\u2010-\u2015\u2212]{1,2}"
# The words that introduce a Social Security or taxpayer number, with "number", "no." or "#" after them.
# One definition for masking and for the US601 validator's label (checks.validator).  Masking takes it
# anywhere, even glued to a word (客户SSN:, myssn): hiding a number too many is the safe side.
SSN_LABEL = r"(?:ssn|ss ?#|social security|social|itin|tin|taxpayer id)(?: ?(?:number|no\.?|#))?"
# (pattern, digits kept at the head (-1: those of group 1), digits kept at the tail)
_MOBILE = rf"(?:\+?86{_S})?1{_S}[3-9](?:{_S}{_D}){{9}}(?![0-9])"
_NUMBERS: tuple[tuple[re.Pattern[str], int, int], ...] = (
    # ID and bank-card numbers: 13 to 19 digits (an ID may end in X); not a mobile number with +86.
    (lazy_compile(rf"(?<![0-9])(?!86{_S}1{_S}[3-9](?:{_S}{_D}){{9}}(?![0-9])){_D}(?:{_S}{_D}){{12,18}}"
                rf"(?:{_S}[Xx])?(?![0-9])"), 0, 4),
    # Mainland mobile numbers, with or without +86.
    (lazy_compile(rf"(?<![0-9]){_MOBILE}"), 3, 4),
    # Mobile numbers elsewhere (Nigeria 080..., Kenya 07..., the UK 07..., the Philippines 09..., India
    # +91 9...): a trunk 0 or a country code, a first digit 6-9, then eight or nine more digits.  A hotline
    # of that shape (0800 ...) is masked too: masking more than the debtor's number is the safe side.
    (lazy_compile(rf"(?<![0-9])(?:\+{_S}(?:2[0-9]{{1,2}}|44|6[0-6]|9[1-2]){_S}|0){_S}[6-9](?:{_S}{_D}){{8,9}}(?![0-9])"),
     3, 4),
    # Hong Kong and Macau mobile numbers with the country code (+852 9123 4567, +853 6612 3456), Taiwan
    # mobile numbers with it (+886 912 345 678, +886 0912 345 678).
    (lazy_compile(rf"(?<![0-9])(?:\+{_S}|00{_S})?85[23]{_S}[4-9](?:{_S}{_D}){{7}}(?![0-9])"), 3, 4),
    (lazy_compile(rf"(?<![0-9])(?:\+{_S}|00{_S})?886{_S}(?:0{_S})?9(?:{_S}{_D}){{8}}(?![0-9])"), 3, 4),
    # Landlines with a trunk 0 and an area code set apart: 010-12345678, (02) 2345-6789, 0755 8888 1234.
    (lazy_compile(rf"(?<![0-9])\(?0[1-9][0-9]{{0,2}}\)?{_S1}[1-9][0-9]{{2,3}}{_S}[0-9]{{4}}(?![0-9])"), 0, 4),
    (lazy_compile(rf"(?<![0-9])\(0[1-9][0-9]{{0,2}}\){_S}[1-9][0-9]{{2,3}}{_S}[0-9]{{4}}(?![0-9])"), 0, 4),
    # North American numbers: (415) 555-0132, 212-555-0187, 415.555.0132, 1-800-916-9006, +1 415 555 0132;
    # ten digits written together only after a word that names a phone.
    (lazy_compile(rf"(?<![0-9])(?:(?:\+{_S})?1{_S})?(?:\([2-9][0-9]{{2}}\){_S}|[2-9][0-9]{{2}}{_S1})[2-9][0-9]{{2}}{_S1}"
                rf"[0-9]{{4}}(?![0-9])"), 0, 4),
    (lazy_compile(rf"(?:phone|call|tel|text|dial|fax|cell|mobile|whatsapp|number|#)[^0-9\n]{{0,4}}(?:\+?1{_S})?"
                rf"[2-9][0-9]{{9}}(?![0-9])"), 0, 4),
    # Ten digits in the North American shape written together or split 3+7 (3125550132, 312 5550132): an
    # area code and an exchange that cannot start with 0 or 1.  An order number of that shape is masked too.
    (lazy_compile(r"(?<![0-9.,$])[2-9][0-9]{2}[ ]?[2-9][0-9]{6}(?![0-9]|[.,][0-9])"), 0, 4),
    # Any number with an international prefix (+33 6 12 34 56 78, +49 30 1234567, 0044 20 7946 0958).
    # The country code stays (head -1: the digits of group 1).
    (lazy_compile(rf"(?<![0-9])((?:\+|00){_S}[1-9][0-9]{{0,2}})(?:{_S}{_D}){{7,12}}(?![0-9])"), -1, 4),
    # French-style numbers in pairs: 01 23 45 67 89, 06.12.34.56.78.
    (lazy_compile(r"(?<![0-9])0[1-9](?:[ ][0-9]{2}){4}(?![0-9])"), 0, 4),
    # A nine-digit Social Security or tax number after its label (SSN: 123456789).
    (lazy_compile(rf"{SSN_LABEL}[^0-9\n]{{0,6}}[0-9]{{3}}{_S}[0-9]{{2}}{_S}[0-9]{{4}}(?![0-9])", re.I), 0, 4),
    # An eight-digit Hong Kong or Macau number after a word that names a phone (電話 9123 4567).
    (lazy_compile(rf"(?:电话|電話|手机|手機|致电|致電|联络|聯絡|联系|聯繫|查询|查詢|客服|热线|熱線|专线|專線|whatsapp|phone|tel|call)"
                rf"[^0-9\n]{{0,4}}"
                rf"[2-9][0-9]{{3}}{_S}[0-9]{{4}}(?![0-9])"), 0, 4),
    # US Social Security numbers (separated groups).
    (lazy_compile(rf"(?<![0-9]){_D}{{3}}{_S1}{_D}{{2}}{_S1}{_D}{{4}}(?![0-9])"), 0, 4),
    # Hong Kong identity cards, A123456(3): the check digit and the last digit stay.
    (lazy_compile(rf"(?<![A-Za-z0-9])[A-Za-z]{{1,2}}(?:{_S}?{_D}){{6}}{_S}?\([0-9Aa]\)"), 0, 2),
    # Taiwan national IDs, A123456789.
    (lazy_compile(rf"(?<![A-Za-z0-9])[A-Za-z]{_S}?[1289](?:{_S}?{_D}){{8}}(?![0-9])"), 0, 4),
)
# Every pattern above needs six digits in a row, with at most two separators between two of them: a
# text of the plain digits and separators without such a run has no number to mask (and compiles none).
_RUN = lazy_compile(rf"{_D}(?:{_S}{_D}){{5}}")
_DIGIT = lazy_compile(r"\d")
# The tags of ``formats.html.TAG``, within one line (a masked source line); kept here so masking, which
# every run imports, does not import the readers.
_TAG = lazy_compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>\n]*>")


def _zero_width(m: re.Match[str]) -> str:
    return "\u200b" * len(m.group())


# Escapes a source line may write a digit or a separator with: JSON/YAML/Python (\u00a0, \x31) and
# HTML/Markdown character references (&#49; &#x31;).  Masking reads through them as detection does.
_ESCAPE = lazy_compile(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\U([0-9a-fA-F]{8})|&#([0-9]{1,7});"
                     r"|&#[xX]([0-9a-fA-F]{1,6});")
# Besides spaces and dashes of every kind, these stand between the digits of a number people write.
_EXTRA_SEPARATORS = frozenset("\t\x00\u2028\u2029./_~*`\u00b7\u02d7\u2043\u2027\u30fb\uff0e\uff0f")


class _Plain(dict[int, str]):
    """A ``str.translate`` table, filled on demand, that keeps the length: every decimal digit of any
    script becomes its ASCII digit, every separator a space."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = unicodedata.decimal(ch, None)
        if value is not None:
            out = str(value)
        elif ch in _EXTRA_SEPARATORS or unicodedata.category(ch) in ("Zs", "Pd", "Zl", "Zp", "Cc"):
            out = " "  # a line break too: a number wrapped across two lines is still the number
        else:
            out = ch
        self[code] = out
        return out


_PLAIN_TABLE = _Plain()


def _is_digit(ch: str) -> bool:
    return unicodedata.digit(ch, None) is not None or ch in "XxＸｘ"


def _unescape(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with escapes decoded, and for each of its characters the span of text it came from."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _ESCAPE.finditer(text):
        out.extend(text[pos:m.start()])
        spans.extend((i, i + 1) for i in range(pos, m.start()))
        digits = next(g for g in m.groups() if g is not None)
        try:
            out.append(chr(int(digits, 10 if m.group(4) is not None else 16)))
        except (ValueError, OverflowError):
            out.append("\ufffd")
        spans.append((m.start(), m.end()))
        pos = m.end()
    out.extend(text[pos:])
    spans.extend((i, i + 1) for i in range(pos, len(text)))
    return "".join(out), spans


def mask_text(text: str, char: str = "*") -> str:
    if len(_DIGIT.findall(text)) < 7:
        return text  # too few digits for any number masked here (a Hong Kong ID has seven)
    decoded, spans = _unescape(text) if ("\\" in text or "&#" in text) else (text, None)
    # A tag between digits (1101<b>05</b>19…, a source line of an HTML email) hides nothing from the
    # reader of the page: matched as zero-width spaces, which normalisation drops.
    seen = _TAG.sub(_zero_width, decoded) if "<" in decoded else decoded
    norm = normalize(seen, _PLAIN)
    plain = norm.text.translate(_PLAIN_TABLE)
    if not _RUN.search(plain):
        return text
    chars = list(text)
    for pattern, head, tail in _NUMBERS:
        for m in pattern.finditer(plain):
            start, end = norm.to_original(m.start(), m.end())
            # With +86, keep the country code and the first three digits of the number.
            head_here = head + 2 if head == 3 and m.group().startswith(("+86", "86")) else head
            if head < 0:  # keep the digits of the pattern's first group (a country code)
                head_here = sum(c.isdigit() for c in m.group(1))
            digits = [i for i in range(start, end) if _is_digit(decoded[i])]
            for i in digits[head_here : len(digits) - tail]:
                if spans is None:
                    chars[i] = char
                else:  # an escaped digit is masked whole (\x31 -> ****)
                    a, b = spans[i]
                    chars[a:b] = [char] * (b - a)
    return "".join(chars)
