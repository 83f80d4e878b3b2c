"""The compiled rule set: one Aho-Corasick automaton over every rule phrase, and rule selection.

One pass of the automaton finds every rule phrase in a document and picks the candidate rules; only
candidates run their checks (see ``pipeline``), and only checks that need tokens load the segmenter.
A clean SMS therefore never imports spaCy or jieba.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from collectlint.models import Severity
from collectlint.packs.rule import Rule
from collectlint.pinyin import LATIN


@dataclass
class RuleSet:
    """The rules in force, with one Aho-Corasick automaton over every rule phrase and literal.

    Per document, one pass of the automaton finds every occurrence of every phrase (overlapping ones
    included); only rules with an occurrence, and rules without literals, run their checks.
    """

    rules: tuple[Rule, ...]
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict)
    _always: list[int] = field(init=False)
    _automaton: Any = field(init=False)
    _spelled: Any = field(init=False, default=None)
    _owner: dict[int, int] = field(init=False)  # phrase-set id -> rule index
    _in_force: dict[tuple[str, str | None, str | None], tuple[frozenset[int], tuple[int, ...]]] = field(
        init=False, default_factory=dict)

    def __post_init__(self) -> None:

        self._always = []
        self._owner = {}
        entries: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            lits = rule.check.literals()
            if lits == []:
                continue  # never matches text (reported by another pass)
            sets = rule.check.phrase_sets()
            for ps in sets:
                self._owner[id(ps)] = i
                for phrase in ps.phrases:
                    entries.setdefault(phrase, []).append(id(ps))
            if not sets:
                if lits is None or any(not lit for lit in lits):
                    self._always.append(i)
                    continue
                marker = -1 - i  # a literal that only makes the rule a candidate
                for lit in lits:
                    entries.setdefault(lit, []).append(marker)
        self._automaton = _automaton(entries)

    def _spelled_automaton(self) -> Any:
        """Pinyin spellings of every Han phrase, built the first time a document has Latin letters."""
        if self._spelled is None:
            entries: dict[str, list[int]] = {}
            for rule in self.rules:
                for ps in rule.check.phrase_sets():
                    spelled = ps.variant_set()
                    if spelled is None:
                        continue
                    self._owner[id(spelled)] = self._owner[id(ps)]
                    for phrase in spelled.phrases:
                        entries.setdefault(phrase, []).append(id(spelled))
            self._spelled = _automaton(entries)
        return self._spelled

    def in_force(self, profile: str, stage: str | None, channel: str | None) -> tuple[frozenset[int], tuple[int, ...]]:
        """Indices of the rules in force for a profile, stage and channel, and those of them that run
        on every document (computed once per combination)."""
        key = (profile, stage, channel)
        found = self._in_force.get(key)
        if found is None:
            ok = frozenset(i for i, r in enumerate(self.rules)
                           if not r.deprecated and r.applies_to_profile(profile) and r.applies(stage, channel))
            found = ok, tuple(i for i in self._always if i in ok)
            self._in_force[key] = found
        return found

    def scan(self, text: str, profile: str, stage: str | None = None, channel: str | None = None,
             spelled: bool = True) -> tuple[list[Rule], dict[int, list[tuple[int, int]]]]:
        """Candidate rules in force for ``profile``, ``stage`` and ``channel``, and, per phrase set,
        every occurrence of its phrases in ``text`` (pinyin spellings too when ``spelled`` and the text
        has Latin letters)."""
        hits: dict[int, list[tuple[int, int]]] = {}
        ok, always = self.in_force(profile, stage, channel)
        chosen = set(always)
        automata = [self._automaton]
        if spelled and LATIN.search(text):
            automata.append(self._spelled_automaton())
        for automaton in automata:
            for end, (length, keys) in automaton.iter(text):
                span = (end - length + 1, end + 1)
                for key in keys:
                    if key < 0:
                        chosen.add(-1 - key)
                    else:
                        hits.setdefault(key, []).append(span)
                        chosen.add(self._owner[key])
        chosen &= ok
        return [self.rules[i] for i in sorted(chosen)], hits

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity_overrides.get(rule.id, self.severity_overrides.get(rule.name, rule.severity))


def _automaton(entries: dict[str, list[int]]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for phrase, keys in entries.items():
        automaton.add_word(phrase, (len(phrase), tuple(keys)))
    if entries:
        automaton.make_automaton()
    return _Empty() if not entries else automaton


class _Empty:
    def iter(self, text: str) -> list[Any]:
        return []


def select_rules(rules: Iterable[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """Keep rules matching any ``select`` selector (all when empty) and none of ``ignore``.

    A selector is a rule id, an id prefix (``CN1``), a rule name or a category.
    """
    sel = [s for s in select if s]
    ign = [s for s in ignore if s]

    def hit(rule: Rule, selector: str) -> bool:
        return (rule.id.startswith(selector.upper()) or selector == rule.name
                or selector == rule.category.value)

    return tuple(r for r in rules if (not sel or any(hit(r, s) for s in sel)) and not any(hit(r, s) for s in ign))
