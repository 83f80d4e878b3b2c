"""Lint one message, with no I/O: prepare → normalise → scan → check → guard → map back.

Pure functions of a session's compiled rules, its segmenter and the message; a server, an editor
integration or a batch job calls them as the command line does.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from collectlint.checks import MatchContext
from collectlint.checks.base import FINDINGS, MODEL, Hit
from collectlint.chunks import LARGE, chunks
from collectlint.engine import RuleSet
from collectlint.formats import Message
from collectlint.formats.script import customer_lines, is_script
from collectlint.langid import english_runs
from collectlint.models import CONDUCT, Category, Finding, Severity, Span
from collectlint.names import written_as_name
from collectlint.nlp.zh import Segmenter
from collectlint.packs.rule import Rule
from collectlint.profiles import Profile
from collectlint.record import replace
from collectlint.source import Document

# Builds the Document for (part of) a message: text, the message, a channel detected from the text.
Prepare = Callable[[str, Message, "str | None"], Document]


def lint_document(ruleset: RuleSet, segmenter: Segmenter, doc: Document, model: str | None = None) -> list[Finding]:
    """Findings of every rule in force for the document's profile, in the document's own offsets.

    Checks that need the other rules' findings (the model) run last, on what the others found.
    ``model`` is the learned model's sensitivity, or None when it is off.
    """
    profile = doc.profile
    text = doc.norm.text  # normalise
    in_force, hits = ruleset.scan(text, profile.name, doc.stage, doc.channel, profile.pinyin_variants)  # scan
    ctx = MatchContext(doc, segmenter=segmenter, phrase_hits=hits, model_sensitivity=model)
    findings: dict[tuple[str, int, int], Finding] = {}
    first = [r for r in in_force if FINDINGS not in r.check.needs]
    last = [r for r in in_force if FINDINGS in r.check.needs]
    for group in (first, last):
        if group is last:
            # Only findings that count (warning or above): an info prompt does not stand in for the model's
            # verdict, or a message the model flags would end with nothing but a hint.
            ctx.found_categories = frozenset(c.value for f in findings.values() if f.severity >= Severity.WARNING
                                             for c in f.categories)
        for rule in group:
            _run_rule(rule, ctx, ruleset, findings)
    return sorted(findings.values(), key=lambda f: (f.span.start, f.span.end, f.rule_id))


def _run_rule(rule: Rule, ctx: MatchContext, ruleset: RuleSet, findings: dict[tuple[str, int, int], Finding]) -> None:
    doc, text, profile = ctx.doc, ctx.text, ctx.doc.profile
    kept_end = -1
    found = list(rule.check.find(ctx))  # check
    if not found:
        return
    # One finding per rule per sentence: further matches in the sentence join it as ``also`` spans
    # (not for rules with fixes, whose every span is rewritten).
    merge = not rule.check.document_level and not any(sg.replacement for sg in rule.suggestions)
    by_sentence: dict[int, tuple[str, int, int]] = {}
    model = MODEL in rule.check.needs  # one verdict per message: one hit, whatever the categories it names
    # Longest first at each start; a hit overlapping one already kept for this rule is the same finding.
    for hit in sorted(found, key=lambda h: (h.start, -h.end)):
        if hit.start < kept_end:
            continue
        if not rule.check.document_level and not rule.context.keeps(text, hit.start, hit.end, profile, hit.parts):  # guard
            continue
        start, end = doc.norm.to_original(hit.start, hit.end)  # map back
        if rule.context.unless_name is not None and _named(doc, start, hit.parts, rule.context.unless_name):
            continue
        # A hit that starts or ends in a placeholder (or a customer line) is not prose; a frame whose
        # parts lie around a placeholder (其在【九州宝】的欠款) is.
        if (not rule.check.document_level and not rule.context.placeholders
                and (doc.is_masked(start, start + 1) or doc.is_masked(max(start, end - 1), end))):
            continue
        kept_end = hit.end
        if merge:
            sentence = ctx.sentence_bounds(hit.start)[0]
            first = by_sentence.get(sentence)
            if first is not None:
                findings[first] = replace(findings[first], also=(*findings[first].also, Span(start, end)))
                continue
        key = (rule.id, start, end)
        if key not in findings:
            # A model finding cites its categories' law in the message's jurisdiction, not the rule's list.
            basis = None
            if model and hit.category:
                basis = model_basis(profile.category_basis, (hit.category, *hit.also_categories))
            findings[key] = rule_finding(rule, ruleset.severity_of(rule), start, end, hit, basis)
            if merge:
                by_sentence[ctx.sentence_bounds(hit.start)[0]] = key


def _named(doc: Document, start: int, parts: tuple[int, ...], listed: frozenset[str]) -> bool:
    """Whether the word at the hit's start (``start``, already in original offsets), or at any later part's
    start (a frame's ``parts``, normalised offsets), is written as part of a name or an address in the
    original text (``names.written_as_name``)."""
    starts = (start, *(doc.norm.to_original(at, at + 1)[0] for at in parts))
    return any(written_as_name(doc.text, at, listed) for at in starts)


def model_basis(bases: dict[str, str], categories: Iterable[str | None]) -> str | None:
    """The legal basis of each category a model finding names, in its order, each once, one after the
    other as the sentences they are (an English one ends in a full stop, so a space goes between); None
    when the profile names none."""
    found = [bases[c].strip() for c in categories if c and c in bases]
    return "".join(b + (" " if b[-1:].isascii() else "") for b in dict.fromkeys(found)).strip() or None


def rule_finding(rule: Rule, severity: Severity, start: int, end: int, hit: Hit | None = None,
                 basis: str | None = None) -> Finding:
    model = MODEL in rule.check.needs
    also = rule.also_categories
    if model:  # a model finding's further categories are those its verdict names, not the rule's
        also = tuple(Category(c) for c in hit.also_categories) if hit is not None else ()
    return Finding(
        rule_id=rule.id, name=rule.name, severity=severity,
        category=Category(hit.category) if hit is not None and hit.category else rule.category,
        message_zh=rule.message_zh, message_en=rule.message_en, span=Span(start, end),
        suggestions=rule.suggestions, basis=basis or rule.docs.basis, source="model" if model else "rule",
        confidence=hit.confidence if hit is not None else None,
        explanation=hit.explanation if hit is not None else "",
        also_categories=also,
    )


def lint_message(ruleset: RuleSet, segmenter: Segmenter, message: Message, profile: Profile,
                 prepare: Prepare, seen: set[tuple[str, int, int]], model: str | None = None,
                 english: Prepare | None = None) -> list[Finding]:
    """Findings of one message of a file, in file offsets.

    ``prepare`` builds the ``Document`` for a part of the message (channel, stage, required elements);
    a very large message is linted in overlapping chunks, each finding once.  ``english``, when given,
    builds the Document of an English stretch of a Chinese message (``langid.english_runs``): each is
    also checked for conduct under the English profile, so a bilingual notice is read in both languages.
    """
    out: list[Finding] = []
    large = len(message.text) > LARGE
    # Speaker-labelled lines make a call script (the weakest channel evidence): customer lines are
    # context only.
    script = is_script(message.text, profile.agent_label)
    masked = message.masked + (customer_lines(message.text, profile.customer_label) if script else [])
    parts: list[tuple[int, int, Prepare, bool]] = [
        (c0, c1, prepare, False) for c0, c1 in (chunks(message.text) if large else [(0, len(message.text))])]
    if english is not None:
        parts += [(r0 + c0, r0 + c1, english, True) for r0, r1 in english_runs(message.text)
                  for c0, c1 in chunks(message.text[r0:r1])]
    # What the message's own profile found, by category: the English pass does not report the same
    # thing again (a Hong Kong ID inside an English sentence is CN604's, not US607's as well).
    found: dict[Category, list[tuple[int, int]]] = {}
    for c0, c1, build, conduct_only in parts:
        part = message.text[c0:c1]
        doc = build(part, message, "call" if script else None)
        doc.masked += [(s - c0, e - c0) for s, e in masked if s < c1 and e > c0]
        doc.leaf = message.key is not None
        doc.check_required = not large and not conduct_only
        for f in lint_document(ruleset, segmenter, doc, model):
            if conduct_only and f.category not in CONDUCT:
                continue  # the message's completeness and channel limits are its own profile's
            start, end = message.to_file(f.span.start + c0, f.span.end + c0)
            key = (f"{f.rule_id}/{f.category.value}", start, end)
            if key in seen:
                continue  # seen twice where chunks overlap
            if conduct_only and any(s < end and start < e for s, e in found.get(f.category, ())):
                continue
            seen.add(key)
            if not conduct_only:
                found.setdefault(f.category, []).append((start, end))
            exact = message.offsets is None or (end - start == f.span.end - f.span.start)
            also = tuple(Span(*message.to_file(a.start + c0, a.end + c0)) for a in f.also)
            out.append(replace(f, span=Span(start, end), key=message.key, exact_span=exact, also=also))
    return out


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Conduct findings first, in file order; then completeness and channel findings (five missing
    elements at 1:1 must not push a jail threat off the screen).  A model finding that spans rule
    findings (a sentence where rules caught one kind of violation and the model names another) comes
    right after the last of them: a reader sees the rules' evidence first."""
    found = list(findings)
    starts = sorted(f.span.start for f in found if f.source != "model" and f.category in CONDUCT)

    def position(f: Finding) -> int:
        if f.source != "model" or not starts:
            return f.span.start
        inside = bisect.bisect_left(starts, f.span.end) - 1  # the last rule finding starting before its end
        return starts[inside] if inside >= 0 and starts[inside] >= f.span.start else f.span.start

    return sorted(found, key=lambda f: (f.category not in CONDUCT, position(f), f.source == "model", f.span.start,
                                        f.span.end, f.rule_id))
