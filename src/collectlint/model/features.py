"""Features of the learned second opinion, shared by training and run time so the two never drift.

Chinese: character n-grams (1 to 3) of the normalised text (Traditional folded to Simplified, 您 to
你, lower case, full-width to half-width), with digit runs reduced to one ``0`` and template
placeholders removed.  English: word unigrams and bigrams of the lower-cased text, with ``'`` kept
inside words.  Features are binary (present or not).
"""

from __future__ import annotations

import itertools
import re

from collectlint.normalize import DEFAULT_FOLDING, Folding, normalize
from collectlint.placeholders import find_placeholders

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
_EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\$0")
EN_FOLDING = Folding(False, ())


def _clean(text: str, folding: Folding) -> str:
    for p in reversed(find_placeholders(text)):
        text = text[: p.start] + " " + text[p.end:]
    norm = normalize(text, folding).text
    return _DIGITS.sub("0", norm)


def zh_features(text: str, folding: Folding = DEFAULT_FOLDING) -> set[str]:
    cleaned = _SPACE.sub(" ", _clean(text, folding))
    out: set[str] = set()
    n = len(cleaned)
    for i in range(n):
        for k in (1, 2, 3):
            if i + k <= n:
                gram = cleaned[i : i + k]
                if gram.strip() == gram and gram.strip():
                    out.add(gram)
    return out


def en_features(text: str, folding: Folding = EN_FOLDING) -> set[str]:
    words = _EN_WORD.findall(_clean(text, folding))
    out = set(words)
    out.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return out


def features(text: str, language: str) -> set[str]:
    return zh_features(text) if language == "zh" else en_features(text)
