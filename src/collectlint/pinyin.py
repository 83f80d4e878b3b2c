"""Pinyin spellings of rule phrases, for evasions such as "zuolao", "zuo牢" and "上men".

Built lazily (pypinyin costs a few hundred milliseconds to import) and only for documents that
contain Latin letters, in a profile with ``pinyin-variants``.  Hits on a pinyin spelling need a
collection cue in the same document (the profile's ``collection-cues``), as do short Latin forms in a
profile that asks for it: initials and pinyin collide with ordinary words far more often than Han
phrases do.
"""

from __future__ import annotations

import functools
import itertools

from collectlint.lazyre import lazy_compile
from collectlint.nlp.inflect import FUNCTION_WORDS
from collectlint.normalize import has_han, is_han

LATIN = lazy_compile(r"[a-z]")
MAX_MIXED = 4  # phrases up to this many characters also get every Han/pinyin mix


@functools.cache
def _syllables(ch: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    out: list[str] = []
    for r in readings:
        r = r.replace("ü", "v")
        out.append(r)
        if "v" in r:
            out.append(r.replace("v", "u"))
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=4096)
def variants(phrase: str) -> tuple[str, ...]:
    """Full-pinyin and mixed spellings of a Han phrase (never the phrase itself)."""
    if len(phrase) < 2 or not all(is_han(c) for c in phrase):
        return ()
    options = [(c, *_syllables(c)[:2]) for c in phrase]
    out: set[str] = set()
    if len(phrase) <= MAX_MIXED:
        for combo in itertools.product(*options):
            out.add("".join(combo))
    else:
        for combo in itertools.product(*(o[1:] for o in options)):
            out.add("".join(combo))
    out.discard(phrase)
    return tuple(sorted(out))


_SYLLABLE = ("(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn"
             "|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)")
_PINYIN_WORD = lazy_compile(f"(?:{_SYLLABLE})+")
_WORDS_BEFORE = lazy_compile(r"((?:[a-z][a-z']*[ \t]+){1,3})$")  # up to three words before, on the line
_WORDS_AFTER = lazy_compile(r"((?:[ \t]+[a-z][a-z']*){1,3})")  # up to three words after
_LATIN_WORD = lazy_compile(r"[a-z][a-z']*")
# An identifier in code: sb.append(, made_by, obj.sb
_CODE_BEFORE = lazy_compile(r"[._$]$")
_CODE_AFTER = lazy_compile(r"[_(\[]|\.[A-Za-z_]")
CURRENCY_CODES = frozenset({"nt", "ntd", "hk", "hkd", "us", "usd", "rmb"})
_AMOUNT_AFTER = lazy_compile(r"\$| ?\d")


def _english_word(word: str) -> bool:
    return _PINYIN_WORD.fullmatch(word.replace("'", "")) is None


def in_english_prose(text: str, start: int, end: int) -> bool:
    """Whether the Latin word at ``text[start:end]`` sits in an English sentence on its line, or is an
    identifier in code: an English function word next to it ("been made payable", "ask sb to"), a word
    that cannot be read as pinyin among the three words on each side ("Crossed cheque made payable"),
    or code punctuation against it (``sb.append(``).  Pinyin and
    initials used as evasions stand among Han characters, other pinyin, or at most one English word
    ("cnm pay now", "你个sb", "sb idiot")."""
    if _CODE_BEFORE.search(text, max(0, start - 1), start) or _CODE_AFTER.match(text, end):
        return True
    before = _WORDS_BEFORE.search(text, max(0, start - 60), start)
    after = _WORDS_AFTER.match(text, end)
    left = _LATIN_WORD.findall(before.group(1)) if before else []
    right = _LATIN_WORD.findall(after.group(1)) if after else []
    if any(w in FUNCTION_WORDS for w in left[-1:] + right[:1]):
        return True
    return any(map(_english_word, left)) and any(map(_english_word, right))


def amount_code(form: str, text: str, end: int) -> bool:
    """Whether Latin letters ending at ``end`` are a currency code before an amount (NT$ 1,000, NT 500)."""
    return form in CURRENCY_CODES and _AMOUNT_AFTER.match(text, end) is not None


def needs_cue(phrase: str) -> bool:
    """Short Latin or digit forms (sb, txl, 250) are ambiguous without a collection cue."""
    return not has_han(phrase) and len(phrase) <= 4 and phrase.isalnum()
