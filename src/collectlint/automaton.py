"""One way to build an Aho-Corasick automaton (pyahocorasick), for every part that searches many
strings at once: the rule phrases, guard phrase sets, the model's n-grams and word classes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def automaton_of(entries: Iterable[tuple[str, Any]]) -> Any:
    """An automaton over (word, value) entries, built and searchable; with no entries it stays empty
    (``len`` 0), which callers test before searching.  A word given twice keeps its last value."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, value in entries:
        automaton.add_word(word, value)
    if len(automaton):
        automaton.make_automaton()
    return automaton
