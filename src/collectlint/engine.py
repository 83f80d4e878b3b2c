"""The compiled rule set: one Aho-Corasick automaton over every rule phrase, and rule selection.

One pass of the automaton finds every rule phrase in a document and picks the candidate rules; only
candidates run their checks (see ``pipeline``), and only checks that need tokens load the segmenter.
A clean SMS therefore never imports spaCy or jieba.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from collectlint.automaton import automaton_of
from collectlint.models import Severity
from collectlint.packs.rule import Rule
from collectlint.pinyin import LATIN
from collectlint.record import field, record

_VOWELS = "aeiouv"  # pinyin writes ü as v


def _gate_letters(spelled: Iterable[str]) -> str:
    """Letters of which every spelling holds one: the vowels (every pinyin syllable has one) and, for a
    syllable without (唔 ng), its first letter.  A text with Latin letters but none of these (XX, SMS, CCB)
    cannot hold a spelling, so it never loads that automaton.  Empty (no gate) if a spelling has no letter."""
    letters = set(_VOWELS)
    for spelling in spelled:
        if not any(c in letters for c in spelling):
            first = next((c for c in spelling if "a" <= c <= "z"), None)
            if first is None:
                return ""
            letters.add(first)
    return "".join(sorted(letters))


class PhraseIndex:
    """The automata over every phrase and literal of a tuple of rules, built once when the packs are
    compiled and kept with them in the compiled cache (building them costs more than a hook run may).

    A key ``k >= 0`` in an automaton names ``sets[k]``, a phrase set of rule ``owner[k]``; a key
    ``k < 0`` is a literal that only makes rule ``-1 - k`` a candidate.  ``always`` lists the rules
    without literals (they run on every document).  The pinyin spellings' automaton is only needed
    for texts with Latin letters that may spell a phrase, so it is kept in a cache entry of its own and
    read the first time one comes (``spelled``).
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.always: list[int] = []
        self.sets: list[Any] = []
        self.owner: list[int] = []
        entries: dict[str, list[int]] = {}
        self.spelled_keys: list[int] = []  # the sets of pinyin spellings (``spelled``)
        for i, rule in enumerate(rules):
            lits = rule.check.literals()
            if lits == []:
                continue  # never matches text (reported by another pass)
            sets = rule.check.phrase_sets()
            for ps in sets:
                self._add(ps, i, entries)
                variant = ps.variant_set()
                if variant is not None:
                    self.spelled_keys.append(self._add(variant, i, {}))
            if not sets:
                if lits is None or any(not lit for lit in lits):
                    self.always.append(i)
                    continue
                for lit in lits:
                    entries.setdefault(lit, []).append(-1 - i)
        self.automaton = _automaton(entries)
        spelled = self._spelled_entries()
        self._spelled: Any = _automaton(spelled)
        self.spelled_letters = _gate_letters(spelled)
        # Every rule's Han phrases, which the segmenter keeps whole (see ``nlp.zh.Segmenter``).
        self.han_phrases = tuple(p for rule in rules for p in rule.check.han_phrases())
        self.spelled_entry: str | None = None  # the compiled-cache entry that holds ``_spelled``

    def _add(self, ps: Any, rule: int, entries: dict[str, list[int]]) -> int:
        key = len(self.sets)
        self.sets.append(ps)
        self.owner.append(rule)
        for phrase in ps.phrases:
            entries.setdefault(phrase, []).append(key)
        return key

    def _spelled_entries(self) -> dict[str, list[int]]:
        """Each pinyin spelling with the keys of the sets that hold it (the ``spelled`` automaton's words)."""
        entries: dict[str, list[int]] = {}
        for key in self.spelled_keys:
            for phrase in self.sets[key].phrases:
                entries.setdefault(phrase, []).append(key)
        return entries

    def may_spell(self, text: str) -> bool:
        """Whether ``text`` may hold a pinyin spelling of a phrase (false only when that is certain): it
        has one of ``spelled_letters`` or, without that gate, any Latin letter."""
        letters = self.spelled_letters
        return any(c in text for c in letters) if letters else LATIN.search(text) is not None

    def spelled(self) -> Any:
        """The automaton over the pinyin spellings.  Read back from the compiled cache, an index comes
        without it (it is three fifths of the entry's bytes, and verifying and reading those cost a
        clean hook run several milliseconds); its own entry is read the first time a text needs it, and
        rebuilt from ``sets`` when that entry is gone."""
        if self._spelled is None:
            from collectlint import compiled_cache

            found = compiled_cache.read(self.spelled_entry) if self.spelled_entry else None
            self._spelled = found if hasattr(found, "iter") else _automaton(self._spelled_entries())
        return self._spelled

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_spelled"] = None  # kept in its own entry (``spelled``)
        return state


@record
class RuleSet:
    """The rules in force, found in text through one Aho-Corasick pass (``PhraseIndex``).

    Per document, one pass of the automaton finds every occurrence of every phrase (overlapping ones
    included); only rules with an occurrence, and rules without literals, run their checks.  ``index``
    may be built over more rules than ``rules`` (all loaded rules, of which these are the selected
    ones): occurrences of the others are ignored.
    """

    rules: tuple[Rule, ...]
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict)
    index: PhraseIndex | None = None
    _position: dict[int, int] = field(init=False)  # index's rule position -> position in ``rules``
    _set_ids: list[int] = field(init=False)  # index key -> id of the phrase set (what checks look up)
    _always: list[int] = field(init=False)
    _all_of: dict[int, frozenset[int]] = field(init=False)  # position -> ids of sets that must all occur
    _in_force: dict[tuple[str, str | None, str | None], tuple[frozenset[int], tuple[int, ...]]] = field(
        init=False, default_factory=dict)

    def __post_init__(self) -> None:
        mine = {id(rule): i for i, rule in enumerate(self.rules)}
        if self.index is None or not set(mine) <= {id(r) for r in self.index.rules}:
            self.index = PhraseIndex(self.rules)
        index = self.index
        self._position = {j: mine[id(rule)] for j, rule in enumerate(index.rules) if id(rule) in mine}
        self._set_ids = [id(ps) for ps in index.sets]
        self._always = [self._position[j] for j in index.always if j in self._position]
        needed = ((i, frozenset(id(ps) for ps in rule.check.all_of())) for i, rule in enumerate(self.rules))
        self._all_of = {i: ids for i, ids in needed if ids}

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
        index = self.index
        assert index is not None
        position, owner, set_ids = self._position, index.owner, self._set_ids
        chosen = set(always)
        automata = [index.automaton]
        if spelled and index.may_spell(text):
            automata.append(index.spelled())
        found: set[int] = set()
        for automaton in automata:
            for end, (length, keys) in automaton.iter(text):
                span = (end - length + 1, end + 1)
                for key in keys:
                    if key < 0:
                        found.add(-1 - key)
                    else:
                        hits.setdefault(set_ids[key], []).append(span)
                        found.add(owner[key])
        chosen.update(position[j] for j in found if j in position)
        chosen &= ok
        all_of, rules, occurred = self._all_of, self.rules, hits.keys()
        # A rule one of whose required phrase sets did not occur cannot find anything: not run.
        return [rules[i] for i in sorted(chosen) if i not in all_of or all_of[i] <= occurred], hits

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity_overrides.get(rule.id, self.severity_overrides.get(rule.name, rule.severity))


def _automaton(entries: dict[str, list[int]]) -> Any:
    return automaton_of((phrase, (len(phrase), tuple(keys))) for phrase, keys in entries.items())


def select_rules(rules: Iterable[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """Keep rules matching any ``select`` selector (all when empty) and none of ``ignore``.

    A selector is a rule id, an id prefix (``CN1``), a rule name or a category.
    """
    sel = [s for s in select if s]
    ign = [s for s in ignore if s]

    def hit(rule: Rule, selector: str, also: bool = False) -> bool:
        return (rule.id.startswith(selector.upper()) or selector == rule.name or selector == rule.category.value
                or (also and any(selector == c.value for c in rule.also_categories)))

    # Selecting a category takes the rules that also report it; ignoring one drops only the rules whose
    # own category it is (ignoring misrepresentation must not silence a false legal threat).
    return tuple(r for r in rules
                 if (not sel or any(hit(r, s, also=True) for s in sel)) and not any(hit(r, s) for s in ign))
