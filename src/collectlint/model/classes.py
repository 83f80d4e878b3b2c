"""Word classes as model features: the second opinion generalises from words to their meaning.

Character n-grams only know the exact words the model was trained on.  A message that threatens "your
colleagues" where the training data said "your family" shares few n-grams with it, but both mention a
member of the class *reader-relation*.  So before scoring, every word of a class (from the lexicon the
model was trained with, shipped inside the model's data so rule edits never shift its features) is
replaced by the class's symbol, and the model also sees:

- ``#`` + n-grams (2 and 3 characters in Chinese, word bigrams in English) of the substituted text
  that contain a class symbol ("#<debt>的", "#告诉<your-family>"),
- ``@`` + one class symbol, for each class present, and ``@`` + two symbols for each pair of classes
  present anywhere in the message (a debt word and a relative, far apart; explained as
  ``<debt> + <family-member>``).

Symbols are private-use characters (U+E000 upward, one per class in sorted name order); private-use
characters in the message itself are dropped when the text is cleaned, so a text cannot forge them.
Explanations print a
symbol as ``<class-name>``.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from collectlint.automaton import automaton_of
from collectlint.lazyre import lazy_compile
from collectlint.normalize import latin_alnum
from collectlint.record import record

FIRST = 0xE000
PRIVATE = lazy_compile("[\ue000-\uf8ff]")  # the symbols' range; ``features.cleaned_normalised`` drops it
_EN_TOKEN = lazy_compile(r"[a-z]+(?:'[a-z]+)?|\$0|[\ue000-\uf8ff]")


# (start, end) of each 2- and 3-character window that holds a position, relative to it.
_WINDOWS = tuple((start, end) for start in (-2, -1, 0) for end in range(max(1, start + 2), start + 4))


def _alone(text: str, start: int, end: int) -> bool:
    """A match whose first or last character is a Latin letter or digit is not part of a longer word."""
    if latin_alnum(text[start]) and start > 0 and latin_alnum(text[start - 1]):
        return False
    return not (latin_alnum(text[end - 1]) and end < len(text) and latin_alnum(text[end]))


def _is_symbol(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


def has_symbol(feature: str) -> bool:
    """Whether a feature is a word-class feature (plain n-grams never hold a symbol)."""
    return PRIVATE.search(feature) is not None


@record(frozen=True)
class WordClasses:
    """Class name -> its words, in the cleaned form the model's n-grams are taken from."""

    language: str
    members: dict[str, tuple[str, ...]]

    @functools.cached_property
    def names(self) -> list[str]:
        return sorted(self.members)

    @functools.cached_property
    def _automaton(self) -> Any:
        entries: dict[str, tuple[int, str, bool]] = {}
        for i, name in enumerate(self.names):
            symbol = chr(FIRST + i)
            for word in self.members[name]:
                if word and word not in entries:  # a word in two classes keeps the first (sorted) class
                    # Whether the word's ends need the stand-alone test (a Latin letter or digit there).
                    edged = latin_alnum(word[0]) or latin_alnum(word[-1])
                    entries[word] = (len(word), symbol, edged)
        return automaton_of(entries.items())

    def warm(self) -> None:
        """Build the class automaton now (it is kept with the instance, also in a pickled copy)."""
        _ = self._automaton

    def substitute(self, cleaned: str) -> str:
        """``cleaned`` with each class word (leftmost, longest, not overlapping) replaced by its symbol.
        A word that begins or ends with a Latin letter or digit must stand alone (``call`` is not found
        in ``recall``, ``ig`` not in ``sign``); one that does not, in that place, leaves the place to a
        shorter word that does.  ``cleaned`` comes from ``features.cleaned_normalised``, which has already
        dropped private-use characters, so a text cannot forge a symbol."""
        text = cleaned
        automaton = self._automaton
        if not len(automaton):
            return text
        found: list[tuple[int, int, str]] = []
        for last, (length, symbol, edged) in automaton.iter(text):
            start, end = last - length + 1, last + 1
            if not edged or _alone(text, start, end):
                found.append((start, -end, symbol))
        found.sort()
        spaced = self.language != "zh"
        out: list[str] = []
        pos = 0
        for start, neg_end, symbol in found:
            if start < pos:
                continue
            out.append(text[pos:start])
            out.append(f" {symbol} " if spaced else symbol)
            pos = -neg_end
        out.append(text[pos:])
        return "".join(out)

    def features(self, cleaned: str) -> set[str]:
        """The class features of a cleaned text (see the module's description)."""
        substituted = self.substitute(cleaned)
        out: set[str] = set()
        present: set[str] = set()
        if self.language == "zh":
            # Every 2- and 3-character window that holds a symbol.  Two spaces of padding each side make
            # a window that runs off the text begin or end with a space, which the strip test drops.
            padded = f"  {substituted}  "
            at = [m.start() for m in PRIVATE.finditer(padded)]
            present.update(padded[i] for i in at)
            grams = [padded[i + start : i + end] for i in at for start, end in _WINDOWS]
            out.update(["#" + gram for gram in grams if gram.strip() == gram])
        else:
            tokens = _EN_TOKEN.findall(substituted)
            present.update(token for token in tokens if _is_symbol(token))
            out.update(f"#{a} {b}" for a, b in itertools.pairwise(tokens) if _is_symbol(a) or _is_symbol(b))
        ordered = sorted(present)
        out.update("@" + s for s in ordered)
        out.update("@" + a + b for a, b in itertools.combinations(ordered, 2))
        return out

    def describe(self, feature: str) -> str:
        """A feature as a reader can take it: class symbols spelled ``<class-name>``; a pair of classes
        found anywhere in the message (``@`` features) joined with `` + ``."""
        def name(ch: str) -> str:
            index = ord(ch) - FIRST
            return f"<{self.names[index]}>" if _is_symbol(ch) and index < len(self.names) else ch

        if feature.startswith("@"):
            return " + ".join(name(ch) for ch in feature[1:])
        return "".join(name(ch) for ch in feature.lstrip("#"))

