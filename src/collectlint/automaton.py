"""One way to build an Aho-Corasick automaton (pyahocorasick), for every part that searches many
strings at once: the rule phrases, guard phrase sets, the model's n-grams and word classes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


class Empty:
    """What ``automaton_of`` gives for no entries: pyahocorasick cannot build or search an empty
    automaton, so this stands in for one (``len`` 0, ``iter`` finds nothing)."""

    def __len__(self) -> int:
        return 0

    def iter(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Any]:
        return iter(())


def automaton_of(entries: Iterable[tuple[str, Any]], ints: bool = False) -> Any:
    """An automaton over (word, value) entries, built and searchable, even with no entries (``Empty``).
    A word given twice keeps its last value.  With ``ints`` every value is an int, stored unboxed
    (``STORE_INTS``): such an automaton pickles without a Python object per word."""
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS) if ints else ahocorasick.Automaton()
    for word, value in entries:
        automaton.add_word(word, value)
    if not len(automaton):
        return Empty()
    automaton.make_automaton()
    return automaton
