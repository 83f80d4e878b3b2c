"""Lint one message, with no I/O: prepare → normalise → scan → check → guard → map back.

Pure functions of a session's compiled rules, its segmenter and the message; a server, an editor
integration or a batch job calls them as the command line does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from collectlint.checks import MatchContext
from collectlint.chunks import LARGE, chunks
from collectlint.engine import RuleSet
from collectlint.formats import Message
from collectlint.formats.script import customer_lines, is_script
from collectlint.models import Finding, Severity, Span
from collectlint.nlp.zh import Segmenter
from collectlint.packs.rule import Rule
from collectlint.profiles import Profile
from collectlint.source import Document

# Builds the Document for (part of) a message: text, the message, a channel detected from the text.
Prepare = Callable[[str, Message, "str | None"], Document]


def lint_document(ruleset: RuleSet, segmenter: Segmenter, doc: Document) -> list[Finding]:
    """Findings of every rule in force for the document's profile, in the document's own offsets."""
    profile = doc.profile
    text = doc.norm.text  # normalise
    candidates, hits = ruleset.scan(text, spelled=profile.pinyin_variants)  # scan
    ctx = MatchContext(doc, segmenter=segmenter, phrase_hits=hits)
    findings: dict[tuple[str, int, int], Finding] = {}
    for rule in candidates:
        if rule.deprecated or not rule.applies_to_profile(profile.name) or not rule.applies(doc.stage, doc.channel):
            continue
        kept_end = -1
        # Longest first at each start; a hit overlapping one already kept for this rule is the same finding.
        for hit in sorted(rule.check.find(ctx), key=lambda h: (h.start, -h.end)):  # check
            if hit.start < kept_end:
                continue
            if not rule.check.document_level and not rule.context.keeps(text, hit.start, hit.end, profile):  # guard
                continue
            start, end = doc.norm.to_original(hit.start, hit.end)  # map back
            if not rule.check.document_level and doc.is_masked(start, end):
                continue
            kept_end = hit.end
            key = (rule.id, start, end)
            if key not in findings:
                findings[key] = rule_finding(rule, ruleset.severity_of(rule), start, end)
    return sorted(findings.values(), key=lambda f: (f.span.start, f.span.end, f.rule_id))


def rule_finding(rule: Rule, severity: Severity, start: int, end: int) -> Finding:
    return Finding(
        rule_id=rule.id, name=rule.name, category=rule.category, severity=severity,
        message_zh=rule.message_zh, message_en=rule.message_en, span=Span(start, end),
        suggestions=rule.suggestions, basis=rule.docs.basis, source="rule",
    )


def lint_message(ruleset: RuleSet, segmenter: Segmenter, message: Message, profile: Profile,
                 prepare: Prepare, seen: set[tuple[str, int, int]]) -> list[Finding]:
    """Findings of one message of a file, in file offsets.

    ``prepare`` builds the ``Document`` for a part of the message (channel, stage, required elements);
    a very large message is linted in overlapping chunks, each finding once.
    """
    out: list[Finding] = []
    large = len(message.text) > LARGE
    # Speaker-labelled lines make a call script (the weakest channel evidence): customer lines are
    # context only.
    script = is_script(message.text, profile.agent_label)
    masked = message.masked + (customer_lines(message.text, profile.customer_label) if script else [])
    for c0, c1 in chunks(message.text) if large else [(0, len(message.text))]:
        part = message.text[c0:c1]
        doc = prepare(part, message, "call" if script else None)
        doc.masked += [(s - c0, e - c0) for s, e in masked if s < c1 and e > c0]
        doc.leaf = message.key is not None
        doc.check_required = not large
        for f in lint_document(ruleset, segmenter, doc):
            start, end = message.to_file(f.span.start + c0, f.span.end + c0)
            if (f.rule_id, start, end) in seen:
                continue  # seen twice where chunks overlap
            seen.add((f.rule_id, start, end))
            exact = message.offsets is None or (end - start == f.span.end - f.span.start)
            out.append(replace(f, span=Span(start, end), key=message.key, exact_span=exact))
    return out


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Conduct findings keep file order; ties broken by rule id."""
    return sorted(findings, key=lambda f: (f.span.start, f.span.end, f.rule_id))
