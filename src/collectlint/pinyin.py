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
import re

from collectlint.normalize import is_han

LATIN = re.compile(r"[a-z]")
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


def needs_cue(phrase: str) -> bool:
    """Short Latin or digit forms (sb, txl, 250) are ambiguous without a collection cue."""
    return not any(is_han(c) for c in phrase) and len(phrase) <= 4 and phrase.isalnum()
