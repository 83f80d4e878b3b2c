"""Runs a rule set over one document.

One Aho-Corasick pass finds every rule phrase in the document and picks the candidate rules; only
candidates run their checks, and only checks that need tokens load the segmenter.  A clean SMS
therefore never imports spaCy or jieba.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from collectlint.checks import MatchContext
from collectlint.models import Finding, Severity, Span
from collectlint.packs.rule import Rule
from collectlint.pinyin import LATIN
from collectlint.source import Document


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
    _registered: bool = field(init=False, default=False)

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

    def register_phrases(self) -> None:
        if self._registered:
            return
        from collectlint.nlp import zh

        phrases: list[str] = []
        for rule in self.rules:
            phrases.extend(rule.check.han_phrases())
        zh.register_phrases(phrases)
        self._registered = True

    def scan(self, text: str) -> tuple[list[Rule], dict[int, list[tuple[int, int]]]]:
        """Candidate rules and, per phrase set, every occurrence of its phrases in ``text``."""
        hits: dict[int, list[tuple[int, int]]] = {}
        chosen = set(self._always)
        automata = [self._automaton]
        if LATIN.search(text):
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
        return [self.rules[i] for i in sorted(chosen)], hits

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity_overrides.get(rule.id, self.severity_overrides.get(rule.name, rule.severity))

    def lint(self, doc: Document) -> list[Finding]:
        text = doc.norm.text
        candidates, hits = self.scan(text)
        ctx = MatchContext(doc, register=self.register_phrases, phrase_hits=hits)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule in candidates:
            if rule.deprecated or not rule.applies(doc.stage, doc.channel):
                continue
            kept_end = -1
            # Longest first at each start; a hit overlapping one already kept for this rule is the same finding.
            for hit in sorted(rule.check.find(ctx), key=lambda h: (h.start, -h.end)):
                if hit.start < kept_end:
                    continue
                if not rule.check.document_level and not rule.context.keeps(text, hit.start, hit.end):
                    continue
                start, end = doc.norm.to_original(hit.start, hit.end)
                if not rule.check.document_level and doc.is_masked(start, end):
                    continue
                kept_end = hit.end
                key = (rule.id, start, end)
                if key not in findings:
                    findings[key] = _finding(rule, self.severity_of(rule), start, end)
        return sorted(findings.values(), key=lambda f: (f.span.start, f.span.end, f.rule_id))


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


def _finding(rule: Rule, severity: Severity, start: int, end: int) -> Finding:
    return Finding(
        rule_id=rule.id, name=rule.name, category=rule.category, severity=severity,
        message_zh=rule.message_zh, message_en=rule.message_en, span=Span(start, end),
        suggestions=rule.suggestions, basis=rule.docs.basis,
    )


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
