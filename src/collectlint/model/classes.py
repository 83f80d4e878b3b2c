"""Word classes as model features: the second opinion generalises from words to their meaning.

Character n-grams only know the exact words the model was trained on.  A message that threatens "your
colleagues" where the training data said "your family" shares few n-grams with it, but both mention a
member of the class *reader-relation*.  So before scoring, every word of a class (from the lexicon the
model was trained with, shipped inside the model's data so rule edits never shift its features) is
replaced by the class's symbol, and the model also sees:

- ``#`` + n-grams (1 to 3 characters in Chinese, word unigrams and bigrams in English) of the
  substituted text that contain a class symbol ("#<debt>的", "#<your-family>"),
- ``@`` + one class symbol, for each class present, and ``@`` + two symbols for each pair of classes
  present anywhere in the message (a debt word and a relative, far apart).

Symbols are private-use characters (U+E000 upward, one per class in sorted name order); private-use
characters in the message itself are dropped first, so a text cannot forge them.  Explanations print a
symbol as ``<class-name>``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

FIRST = 0xE000
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\$0|[\ue000-\uf8ff]")


def _is_symbol(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


@dataclass(frozen=True)
class WordClasses:
    """Class name -> its words, in the cleaned form the model's n-grams are taken from."""

    language: str
    members: dict[str, tuple[str, ...]]

    @functools.cached_property
    def names(self) -> list[str]:
        return sorted(self.members)

    @functools.cached_property
    def _automaton(self) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for i, name in enumerate(self.names):
            symbol = chr(FIRST + i)
            for word in self.members[name]:
                if word and word not in automaton:  # a word in two classes keeps the first (sorted) class
                    automaton.add_word(word, (len(word), symbol))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def substitute(self, cleaned: str) -> str:
        """``cleaned`` with each class word (leftmost, longest, not overlapping) replaced by its symbol;
        in English a word must stand alone (``call`` is not found in ``recall``)."""
        text = _PRIVATE.sub("", cleaned)
        automaton = self._automaton
        if not len(automaton):
            return text
        latin = self.language != "zh"
        out: list[str] = []
        pos = 0
        for end, (length, symbol) in automaton.iter_long(text):
            start = end - length + 1
            if latin and ((start > 0 and text[start - 1].isalnum()) or (end + 1 < len(text) and text[end + 1].isalnum())):
                continue
            out.append(text[pos:start])
            out.append(f" {symbol} " if latin else symbol)
            pos = end + 1
        out.append(text[pos:])
        return "".join(out)

    def features(self, cleaned: str) -> set[str]:
        """The class features of a cleaned text (see the module's description)."""
        substituted = self.substitute(cleaned)
        out: set[str] = set()
        present: set[str] = set()
        if self.language == "zh":
            n = len(substituted)
            for m in _PRIVATE.finditer(substituted):
                i = m.start()
                present.add(m.group())
                # Every 1- to 3-character window that holds position i.
                for start in range(max(0, i - 2), i + 1):
                    for end in range(i + 1, min(n, start + 3) + 1):
                        gram = substituted[start:end]
                        if gram.strip() == gram:
                            out.add("#" + gram)
        else:
            tokens = _EN_TOKEN.findall(substituted)
            for token in tokens:
                if _is_symbol(token):
                    present.add(token)
                    out.add("#" + token)
            out.update(f"#{a} {b}" for a, b in itertools.pairwise(tokens) if _is_symbol(a) or _is_symbol(b))
        ordered = sorted(present)
        out.update("@" + s for s in ordered)
        out.update("@" + a + b for a, b in itertools.combinations(ordered, 2))
        return out

    def describe(self, feature: str) -> str:
        """A feature with its class symbols spelled as ``<class-name>``."""
        return "".join(f"<{self.names[ord(ch) - FIRST]}>" if _is_symbol(ch) and ord(ch) - FIRST < len(self.names)
                       else ch for ch in feature)


def expand(classes: dict[str, list[str]], name: str, seen: frozenset[str] = frozenset()) -> Iterable[str]:
    """A lexicon class's words, with ``@other`` references expanded (cycles are cut)."""
    for word in classes.get(name, []):
        if word.startswith("@"):
            ref = word[1:]
            if ref not in seen:
                yield from expand(classes, ref, seen | {name})
        else:
            yield word
