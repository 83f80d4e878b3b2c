"""Normalisation for matching, with an exact map back to the original text.

Steps, in order: NFKC (full-width to half-width), lower case, Traditional folded to Simplified
(character level, so every character keeps its own position), zero-width characters removed, and
separators inserted between CJK characters or between single Latin letters collapsed ("坐 牢", "曝*光",
"j.a.i.l").  The result carries, for every normalised character, the original range it came from.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from collectlint.lazyre import lazy_compile
from collectlint.record import record

# Invisible characters used to split words: zero-width and invisible operators, bidi marks and
# overrides, Hangul fillers, the combining grapheme joiner.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\ufe0e\ufe0f\u200e\u200f"
                       "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u180e\u034f"
                       "\u3164\u115f\u1160\uffa0")
# Latin look-alikes from Cyrillic and Greek, folded only next to a Latin letter (so Russian or Greek
# words stay as they are, while "аrrest" or "zuоlao" with one foreign letter is caught).
HOMOGLYPHS = {"а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
              "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "α": "a", "β": "b", "ε": "e",
              "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ѵ": "v"}
_HOMOGLYPH = lazy_compile("[" + "".join(HOMOGLYPHS) + "](?=[a-z])|(?<=[a-z])[" + "".join(HOMOGLYPHS) + "]")


@record(frozen=True)
class Folding:
    """The profile's normalisation hooks: Traditional to Simplified, and variants folded to one form
    so rules need not list both ("您" and "你" address the same reader)."""

    traditional_to_simplified: bool = True
    # The zh-CN profile's folds (a test keeps the two equal): rule phrases are normalised with these.
    fold: tuple[tuple[str, str], ...] = (("您", "你"), ("妳", "你"), ("祢", "你"), ("帐", "账"), ("著", "着"),
                                         ("佢", "他"))


DEFAULT_FOLDING = Folding()

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Fillers placed between two Han characters to dodge filters.  Newlines are kept: a line break
# between two list items is structure, not evasion.
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff"
# Emoji that carry meaning (weapons, death, police: threat rules match them) are never fillers.
_MEANINGFUL_EMOJI = "\u26d3\u26b0\U0001f52a\U0001f5e1\U0001fa78\U0001f480\u2620\U0001f52b\U0001f4a3\U0001fa93" \
                    "\U0001f693\U0001f694\U0001f46e\U0001f6a8"
# Dots and circles people put between the characters of a word to slip past filters (坐・牢, 坐○牢; ○
# also masks names in Taiwan judgments, where dropping it joins nothing that matters).
_CJK_FILLER = lazy_compile(rf"(?<=[{_HAN}])(?:[ \t*\-._/|·•~+#\\\u30fb\u2027\u25cb\u25cf\u25ef]"
                         rf"|(?![{_MEANINGFUL_EMOJI}])[{_EMOJI}])+(?=[{_HAN}])")
# One Han character per list item or per line: 坐、牢 and 坐\n牢 (each item a single character).
_FILL = r" \t*\-._/|·•~+#\\"
_SEP = rf"(?:[{_FILL}、\r\n]|(?![{_MEANINGFUL_EMOJI}])[{_EMOJI}])"
_SPLIT_CHARS_SOURCE = rf"(?<![{_HAN}])[{_HAN}](?:{_SEP}*[、\n]{_SEP}*[{_HAN}](?![{_HAN}]))+"
_SPLIT_FILLER = lazy_compile(_SEP)
# 、 next to a one-character item (坐、牢, 让你坐、牢) is a split word; between words (家人、朋友) it is a list.
_ENUM_COMMA_SOURCE = (rf"(?<=[{_HAN}]){_SEP}*、{_SEP}*(?=[{_HAN}](?![{_HAN}]))"
                      rf"|(?<=(?<![{_HAN}])[{_HAN}]){_SEP}*、{_SEP}*(?=[{_HAN}])")


# The two patterns above hold many Han ranges, which Python's ``re`` takes several milliseconds to
# compile; they can only match a text with a 、 or a line break inside it, so they are compiled the
# first time such a text comes (a one-line SMS never pays for them).
@functools.cache
def _split_chars() -> re.Pattern[str]:
    return re.compile(_SPLIT_CHARS_SOURCE)


@functools.cache
def _enum_comma() -> re.Pattern[str]:
    return re.compile(_ENUM_COMMA_SOURCE)


# A run of the characters ``_SEP`` may match (every emoji counted, a superset), for ``_may_split``.
_SEP_RUN = lazy_compile(rf"[{_FILL}、\r\n{_EMOJI}]+")


def _han_at(text: str, i: int) -> bool:
    """Whether ``text[i]`` is one of ``_HAN``'s characters (False outside the text): its ranges spelled out as
    comparisons, since a character class of them takes milliseconds to compile (``is_han`` is wider)."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    return "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _may_split(text: str) -> bool:
    """Whether ``text`` has what ``_split_chars`` or ``_enum_comma`` need: a run of separators holding a
    、 or a line break, with a Han character on each side and at least one of the two standing alone
    (no Han character beyond it).  Line breaks between sentences (。\n如) need neither pattern, so a
    letter of several lines does not pay for compiling them.  One linear pass."""
    if "、" not in text and "\n" not in text.rstrip("\n"):
        return False
    for run in _SEP_RUN.finditer(text):
        if "、" not in run.group() and "\n" not in run.group():
            continue
        left, right = run.start() - 1, run.end()
        if _han_at(text, left) and _han_at(text, right) and not (_han_at(text, left - 1) and _han_at(text, right + 1)):
            return True
    return False


# Pinyin with tone numbers: zuo4lao2, shang4men2.
_TONE_NUMBERS = lazy_compile(r"(?<![a-z0-9])(?:[a-z]{1,6}[1-5]){2,}(?![a-z0-9])")
_TONE_DIGIT = lazy_compile(r"[1-5]")
# A court's or writer's editorial change to a quoted letter: one letter in brackets at the start of a word
# ("[i]f your account", "[y]ou will", "[a] lawsuit").  The brackets go, the letter stays.
_EDIT_BRACKET = lazy_compile(r"(?<![a-z0-9\]])\[[a-z]\](?![a-z0-9]*\])")
_BRACKETS = lazy_compile(r"[\[\]]")
# Single Latin letters separated by one filler each: j.a.i.l, w a r r a n t, s*b.
_SPACED_LETTERS = lazy_compile(r"(?<![a-z0-9])(?:(?:[a-z][ .*_\-]){2,}[a-z]|[a-z][.*_\-][a-z])(?![a-z0-9])")
_LETTER_FILLER = lazy_compile(r"[ .*_\-]")


@functools.lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc  # local import: OpenCC is only needed once a document has Han characters

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _t2s_chars() -> dict[str, str]:
    """Each Han character OpenCC ``t2s`` changes, alone on its line, to what it becomes."""
    from collectlint.t2s_table import PAIRS

    return dict(zip(PAIRS[0::2], PAIRS[1::2], strict=True))


def to_simplified(text: str) -> str:
    """Text with Traditional characters folded to Simplified (OpenCC ``t2s``)."""
    return str(_t2s().convert(text))  # type: ignore[attr-defined]


# The basic CJK block alone (what counts as Chinese wording when a text's script or length is judged).
BASIC_HAN = lazy_compile("[\u4e00-\u9fff]")


def is_traditional(text: str) -> bool:
    """Whether a text is written in Traditional script: enough of its Han characters change when folded."""
    han: list[str] = BASIC_HAN.findall(text)
    if len(han) < 4:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(a != b for a, b in zip(han, simplified, strict=False))
    return changed >= max(2, len(han) // 25)


def _fold_chars(chars: Iterable[str], folding: Folding) -> dict[str, str]:
    """Map each character to its normalised form ('' when it is dropped)."""
    table: dict[str, str] = {}
    han: list[str] = []
    for ch in chars:
        if ch in ZERO_WIDTH or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            table[ch] = ""  # invisible or combining: never part of a word
            continue
        folded = unicodedata.normalize("NFKC", ch).lower()
        if len(folded) == 1 and "\u00c0" <= folded <= "\u024f":
            # Latin letters with tone marks or accents lose them: pinyin "mén" matches "men".
            base = unicodedata.normalize("NFKD", folded)[0]
            if base.isascii():
                folded = base
        if ch == "\u3000":
            folded = " "
        table[ch] = folded
        if has_han(folded):
            han.append(ch)
    if han and folding.traditional_to_simplified:
        # One folded character: the shipped table (OpenCC's own answer, ``t2s_table``).  Several (a
        # compatibility ligature such as ㍿): OpenCC itself, built only then.
        chars = _t2s_chars()
        several: list[str] = []
        for ch in han:
            if len(table[ch]) == 1:
                table[ch] = chars.get(table[ch], table[ch])
            else:
                several.append(ch)
        if several:
            joined = "\n".join(table[c] for c in several)
            converted = _t2s().convert(joined).split("\n")  # type: ignore[attr-defined]
            if len(converted) == len(several):
                for ch, simp in zip(several, converted, strict=True):
                    table[ch] = simp
    semantic = dict(folding.fold)
    for ch, folded in table.items():
        if folded in semantic:
            table[ch] = semantic[folded]
    return table


# Per folding: the normalised form of every character seen so far, and the characters whose
# normalised form is not exactly one character (dropped or expanded).  Pure functions of the
# character and the folding, so sharing them across sessions changes no result.
_TABLES: dict[Folding, tuple[dict[str, str], set[str]]] = {}


def _char_table(text: str, folding: Folding) -> tuple[dict[str, str], set[str]]:
    tables = _TABLES.get(folding)
    if tables is None:
        tables = _TABLES[folding] = ({}, set())
    cache, resizing = tables
    missing = set(text).difference(cache)
    if missing:
        folded = _fold_chars(missing, folding)
        cache.update(folded)
        resizing.update(c for c, v in folded.items() if len(v) != 1)
    return tables


@record(frozen=True)
class Normalized:
    """Normalised text plus, per normalised character, the original [start, end)."""

    text: str
    starts: tuple[int, ...] | None  # None: identity mapping (the common, cheap case)
    ends: tuple[int, ...] | None
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open range onto the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= len(self.starts):
            return self.original_length, self.original_length
        if end <= start:
            o = self.starts[start]
            return o, o
        return self.starts[start], self.ends[end - 1]


def _drop(text: str, starts: list[int], ends: list[int], pattern: re.Pattern[str],
          inner: re.Pattern[str] | None = None) -> tuple[str, list[int], list[int]]:
    """Remove what ``pattern`` matches (or, with ``inner``, the ``inner`` hits inside each match).

    Works on whole slices between the removed ranges, so the cost is per removal, not per character.
    """
    cuts: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        if inner is None:
            cuts.append(m.span())
        else:
            base = m.start()
            cuts.extend((base + im.start(), base + im.end()) for im in inner.finditer(m.group()))
    if not cuts:
        return text, starts, ends
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for a, b in cuts:
        parts.append(text[pos:a])
        new_starts += starts[pos:a]
        new_ends += ends[pos:a]
        pos = b
    parts.append(text[pos:])
    new_starts += starts[pos:]
    new_ends += ends[pos:]
    return "".join(parts), new_starts, new_ends


def normalize(text: str, folding: Folding = DEFAULT_FOLDING) -> Normalized:
    table, resizing = _char_table(text, folding)
    present = set(text)
    identity = resizing.isdisjoint(present)
    if identity:
        folded = _fold_homoglyphs(text.translate({ord(c): table[c] for c in present if table[c] != c}))
        split = _may_split(folded)
        if not (_CJK_FILLER.search(folded) or _SPACED_LETTERS.search(folded) or _TONE_NUMBERS.search(folded)
                or ("[" in folded and _EDIT_BRACKET.search(folded))
                or (split and (_split_chars().search(folded) or _enum_comma().search(folded)))):
            return Normalized(_unleet(folded), None, None, len(text))
        starts: list[int] = list(range(len(text)))
        ends: list[int] = list(range(1, len(text) + 1))
    else:
        # Few characters change length (zero-width ones vanish, ㈱ becomes three): build the map from
        # slices between them instead of character by character.
        special = "".join(sorted(c for c in present if len(table[c]) != 1))
        same = {ord(c): table[c] for c in present if len(table[c]) == 1 and table[c] != c}
        parts: list[str] = []
        starts, ends = [], []
        pos = 0
        for m in re.finditer("[" + re.escape(special) + "]", text):
            i = m.start()
            parts.append(text[pos:i].translate(same))
            starts += range(pos, i)
            ends += range(pos + 1, i + 1)
            rep = table[text[i]]
            parts.append(rep)
            starts += [i] * len(rep)
            ends += [i + 1] * len(rep)
            pos = i + 1
        parts.append(text[pos:].translate(same))
        starts += range(pos, len(text))
        ends += range(pos + 1, len(text) + 1)
        folded = _fold_homoglyphs("".join(parts))
    if _may_split(folded):
        folded, starts, ends = _drop(folded, starts, ends, _split_chars(), _SPLIT_FILLER)
        folded, starts, ends = _drop(folded, starts, ends, _enum_comma())
    folded, starts, ends = _drop(folded, starts, ends, _CJK_FILLER)
    folded, starts, ends = _drop(folded, starts, ends, _TONE_NUMBERS, _TONE_DIGIT)
    folded, starts, ends = _drop(folded, starts, ends, _SPACED_LETTERS, _LETTER_FILLER)
    if "[" in folded:
        folded, starts, ends = _drop(folded, starts, ends, _EDIT_BRACKET, _BRACKETS)
    return Normalized(_unleet(folded), tuple(starts), tuple(ends), len(text))


# Leetspeak inside a word (d3adb3at, j41l): a digit between two letters reads as a letter.
# Runs last (pinyin tone numbers are gone by then) and keeps the length, so offsets are untouched.
_LEET = lazy_compile(r"(?<=[a-z])[013457]{1,3}(?=[a-z])")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}


def _unleet(text: str) -> str:
    if not _LEET.search(text):
        return text
    return _LEET.sub(lambda m: "".join(_LEET_MAP[c] for c in m.group()), text)


def _fold_homoglyphs(text: str) -> str:
    """Cyrillic and Greek look-alikes next to Latin letters become Latin (one character for one)."""
    if text.isascii():
        return text
    return _HOMOGLYPH.sub(lambda m: HOMOGLYPHS[m.group()], text)


def normalize_phrase(phrase: str) -> str:
    """The form a rule phrase takes so it meets documents on equal terms."""
    return normalize(phrase).text.strip()


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def latin_alnum(ch: str) -> bool:
    """A Latin letter or digit (what a Latin-script phrase or word-class word may not touch)."""
    return ch.isascii() and ch.isalnum()


# The ranges of ``is_han`` (a test holds the two equal on every code point).
_ANY_HAN = lazy_compile("[\u3400-\u9fff\uf900-\ufaff]")
# A character whose lower case is an ASCII letter: the letters themselves, dotted capital I, Kelvin sign.
_ANY_LATIN = lazy_compile("[A-Za-z\u0130\u212a]")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character (``is_han``), in one regex pass."""
    return _ANY_HAN.search(text) is not None


def has_latin(text: str) -> bool:
    """Whether a character of ``text`` lower-cases to a letter a-z."""
    return _ANY_LATIN.search(text) is not None
