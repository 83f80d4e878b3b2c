"""Runs a rule set over one document.

A cheap prefilter (which rule literals can occur, by their first two characters) picks candidate
rules; only candidates run their checks, and only checks that need tokens load the segmenter.  A
clean SMS therefore never imports spaCy or jieba.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from collectlint.checks import MatchContext
from collectlint.models import Finding, Severity, Span
from collectlint.packs.rule import Rule
from collectlint.pinyin import LATIN
from collectlint.source import Document

# Above this size (larger than a chunk, see chunks.py) every rule runs without the bigram prefilter.
PREFILTER_LIMIT = 80_000


def _key(literal: str) -> str:
    return literal[:2]


@dataclass
class RuleSet:
    rules: tuple[Rule, ...]
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict)
    _always: list[int] = field(init=False)
    _spellable: list[int] = field(init=False)
    _index: dict[str, list[int]] = field(init=False)
    _registered: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self._always = []
        self._index = {}
        self._spellable = [i for i, r in enumerate(self.rules) if r.check.han_phrases()]
        for i, rule in enumerate(self.rules):
            lits = rule.check.literals()
            if lits == []:
                continue  # never matches text (reported by another pass)
            if lits is None or any(not lit for lit in lits):
                self._always.append(i)
                continue
            for key in {_key(lit) for lit in lits}:
                self._index.setdefault(key, []).append(i)

    def register_phrases(self) -> None:
        if self._registered:
            return
        from collectlint.nlp import zh

        phrases: list[str] = []
        for rule in self.rules:
            phrases.extend(rule.check.han_phrases())
        zh.register_phrases(phrases)
        self._registered = True

    def candidates(self, text: str) -> list[Rule]:
        if len(text) > PREFILTER_LIMIT:
            return list(self.rules)
        grams = {text[i : i + 2] for i in range(len(text))}
        grams.update(text)
        chosen = set(self._always)
        if LATIN.search(text):
            chosen.update(self._spellable)  # pinyin spellings of Han phrases may occur
        for key, idx in self._index.items():
            if key in grams:
                chosen.update(idx)
        return [self.rules[i] for i in sorted(chosen)]

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity_overrides.get(rule.id, self.severity_overrides.get(rule.name, rule.severity))

    def lint(self, doc: Document) -> list[Finding]:
        text = doc.norm.text
        ctx = MatchContext(doc, register=self.register_phrases)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule in self.candidates(text):
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
