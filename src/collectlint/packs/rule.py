"""The rule model and its strict construction from a YAML mapping."""

from __future__ import annotations

from collectlint.checks import CHECKS, Check
from collectlint.checks.phrases import PhraseSet
from collectlint.guards import Context
from collectlint.lazyre import lazy_compile
from collectlint.models import CHANNELS, CONDUCT, STAGES, Applicability, Category, Severity, Suggestion
from collectlint.record import record
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict, LList

RULE_KEYS = {"id", "name", "category", "severity", "message", "docs", "match", "context", "when",
             "suggestions", "examples", "deprecated", "also-categories"}
DOC_KEYS = {"what", "why", "basis", "source_status", "example", "instead", "references"}
# Status of the strongest source behind the basis (see shared reference): R read, S secondary, M memory.
SOURCE_STATUS = ("R", "S", "M")
DOC_REQUIRED = ("what", "why", "basis", "example", "instead")
CONTEXT_KEYS = {"negation", "unless_overlap", "unless_clause", "unless_sentence", "requires_sentence",
                "requires_document", "unless_document", "unless_name", "placeholders"}
ID_RE = lazy_compile(r"^[A-Z]{2,5}\d{3}$")
NAME_RE = lazy_compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


@record(frozen=True)
class Docs:
    what: str
    why: str
    basis: str
    example: str
    instead: str
    source_status: str = "R"
    references: tuple[str, ...] = ()


@record(frozen=True)
class Examples:
    fire: tuple[str, ...]  # a fire example may pin its span: 再不还钱就让你[[坐牢]]
    silent: tuple[str, ...]
    todo: tuple[str, ...] = ()  # known misses: recorded, run, and reported without failing
    # Optional stage/channel under which the examples run (for stage-gated rules).
    stage: str | None = None
    channel: str | None = None
    format: str = "txt"  # the file format the examples are read as


@record(frozen=True)
class Rule:
    id: str
    name: str
    category: Category
    severity: Severity
    message_zh: str
    message_en: str
    docs: Docs
    check: Check
    context: Context
    suggestions: tuple[Suggestion, ...]
    examples: Examples
    stages: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    not_channels: frozenset[str] = frozenset()
    deprecated: bool = False
    path: str = ""
    line: int = 0
    profile: str | None = None  # the pack's profile; None for packs that apply to every profile
    # Further conduct categories the flagged wording belongs to by definition (posing as the IRS is a
    # false legal claim and a false identity): reported with each finding, counted in every category.
    also_categories: tuple[Category, ...] = ()

    def applies_to_profile(self, profile: str) -> bool:
        return self.profile is None or self.profile == profile

    def applies(self, stage: str | None, channel: str | None) -> bool:
        if self.stages is not None and stage not in self.stages:
            return False
        if channel in self.not_channels:
            return False
        return not (self.channels is not None and channel not in self.channels)


def _bilingual(reader: SpecReader, m: LDict, key: str, where: str) -> tuple[str, str]:
    if key not in m:
        raise reader.fail(m.line, f"{where}: missing required key '{key}'")
    value = reader.mapping(m[key], m.line_of(key), f"{where}: {key}")
    reader.keys(value, f"{where}: {key}", allowed={"zh", "en"}, required={"zh", "en"})
    return reader.string(value, "zh", f"{where}: {key}"), reader.string(value, "en", f"{where}: {key}")


def _phrases(reader: SpecReader, m: LDict, key: str, where: str) -> PhraseSet | None:
    items = reader.strings(m, key, where)
    return PhraseSet.read(items, reader, where, key) if items else None


def _names(reader: SpecReader, m: LDict, where: str) -> frozenset[str] | None:
    """``unless_name``: single words, read in lower case (``names.written_as_name``)."""
    items = reader.strings(m, "unless_name", where)
    if not items:
        return None
    for word, line in items:
        if not word.isalpha():
            raise reader.fail(line, f"{where}: unless_name: '{word}' must be one word of letters")
    return frozenset(word.lower() for word, _ in items)


def _context(reader: SpecReader, rule: LDict, where: str) -> Context:
    if "context" not in rule:
        return Context()
    m = reader.mapping(rule["context"], rule.line_of("context"), f"{where}: context")
    w = f"{where}: context"
    reader.keys(m, w, allowed=CONTEXT_KEYS)
    return Context(
        negation=reader.boolean(m, "negation", w, default=True),
        unless_overlap=_phrases(reader, m, "unless_overlap", w),
        unless_clause=_phrases(reader, m, "unless_clause", w),
        unless_sentence=_phrases(reader, m, "unless_sentence", w),
        requires_sentence=_phrases(reader, m, "requires_sentence", w),
        requires_document=_phrases(reader, m, "requires_document", w),
        unless_document=_phrases(reader, m, "unless_document", w),
        unless_name=_names(reader, m, w),
        placeholders=reader.boolean(m, "placeholders", w, default=False),
    )


def _suggestions(reader: SpecReader, rule: LDict, where: str) -> tuple[Suggestion, ...]:
    if "suggestions" not in rule:
        return ()
    raw = rule["suggestions"]
    if not isinstance(raw, LList):
        raise reader.fail(rule.line_of("suggestions"), f"{where}: 'suggestions' must be a list")
    out = []
    for i, item in enumerate(raw):
        w = f"{where}: suggestion {i + 1}"
        s = reader.mapping(item, raw.line_of(i), w)
        reader.keys(s, w, allowed={"zh", "en", "applicability", "replacement"}, required={"zh", "en"})
        applicability = Applicability(
            reader.choice(s, "applicability", w, [a.value for a in Applicability], default="display-only")
        )
        replacement = s.get("replacement")
        if replacement is not None and not isinstance(replacement, str):
            raise reader.fail(s.line_of("replacement"), f"{w}: 'replacement' must be a string")
        if applicability is not Applicability.DISPLAY_ONLY and replacement is None:
            raise reader.fail(s.line, f"{w}: a {applicability.value} suggestion needs a 'replacement'")
        out.append(Suggestion(reader.string(s, "zh", w), reader.string(s, "en", w), applicability, replacement))
    return tuple(out)


def _examples(reader: SpecReader, rule: LDict, where: str) -> Examples:
    if "examples" not in rule:
        raise reader.fail(rule.line, f"{where}: missing required key 'examples'")
    m = reader.mapping(rule["examples"], rule.line_of("examples"), f"{where}: examples")
    w = f"{where}: examples"
    reader.keys(m, w, allowed={"fire", "silent", "todo", "stage", "channel", "format"}, required={"fire", "silent"})
    fire = tuple(s for s, _ in reader.strings(m, "fire", w, required=True))
    for text, ex_line in reader.strings(m, "fire", w, required=True):
        if text.count("[[") != text.count("]]") or text.count("[[") > 1:
            raise reader.fail(ex_line, f"{w}: a fire example pins at most one span, as [[matched words]]")
    silent = tuple(s for s, _ in reader.strings(m, "silent", w, required=True))
    todo = tuple(s for s, _ in reader.strings(m, "todo", w))
    stage = reader.choice(m, "stage", w, STAGES) if "stage" in m else None
    channel = reader.choice(m, "channel", w, CHANNELS) if "channel" in m else None
    fmt = reader.choice(m, "format", w, ["txt", "md", "html", "yaml", "json"], default="txt")
    return Examples(fire, silent, todo, stage, channel, fmt)


def _when(reader: SpecReader, rule: LDict,
          where: str) -> tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str]]:
    """(stages, channels, excluded channels) a rule is limited to."""
    if "when" not in rule:
        return None, None, frozenset()
    w = f"{where}: when"
    m = reader.mapping(rule["when"], rule.line_of("when"), w)
    reader.keys(m, w, allowed={"stages", "channels", "not_channels"})
    stages = reader.choices(m, "stages", w, STAGES) if "stages" in m else None
    channels = reader.choices(m, "channels", w, CHANNELS) if "channels" in m else None
    excluded = reader.choices(m, "not_channels", w, CHANNELS) if "not_channels" in m else frozenset()
    return stages, channels, excluded


def build_rule(reader: SpecReader, raw: object, line: int, profile: str | None = None) -> Rule:
    rule = reader.mapping(raw, line, "rule")
    reader.keys(rule, "rule", allowed=RULE_KEYS,
                required={"id", "name", "category", "severity", "message", "docs", "match", "examples"})
    rid = reader.string(rule, "id", "rule")
    if not ID_RE.match(rid):
        raise reader.fail(rule.line_of("id"), f"rule: id '{rid}' must be 2-5 capital letters and 3 digits, e.g. CN101")
    where = f"rule {rid}"
    name = reader.string(rule, "name", where)
    if not NAME_RE.match(name):
        raise reader.fail(rule.line_of("name"), f"{where}: name '{name}' must be kebab-case naming what it flags")
    category = Category(reader.choice(rule, "category", where, [c.value for c in Category]))
    severity = Severity.parse(reader.choice(rule, "severity", where, ["error", "warning", "info"]))
    message_zh, message_en = _bilingual(reader, rule, "message", where)
    docs_map = reader.mapping(rule["docs"], rule.line_of("docs"), f"{where}: docs")
    reader.keys(docs_map, f"{where}: docs", allowed=DOC_KEYS, required=(*DOC_REQUIRED, "source_status"))
    dw = f"{where}: docs"
    docs = Docs(
        what=reader.string(docs_map, "what", dw), why=reader.string(docs_map, "why", dw),
        basis=reader.string(docs_map, "basis", dw), example=reader.string(docs_map, "example", dw),
        instead=reader.string(docs_map, "instead", dw),
        source_status=reader.choice(docs_map, "source_status", dw, SOURCE_STATUS),
        references=tuple(s for s, _ in reader.strings(docs_map, "references", dw)),
    )
    match = reader.mapping(rule["match"], rule.line_of("match"), f"{where}: match")
    kind = reader.choice(match, "type", f"{where}: match", sorted(CHECKS))
    check = CHECKS[kind].from_spec(match, reader, f"{where}: match")
    stages, channels, not_channels = _when(reader, rule, where)
    also = _also_categories(reader, rule, where, category)
    return Rule(
        id=rid, name=name, category=category, severity=severity, message_zh=message_zh,
        message_en=message_en, docs=docs, check=check, context=_context(reader, rule, where),
        suggestions=_suggestions(reader, rule, where), examples=_examples(reader, rule, where),
        stages=stages, channels=channels, not_channels=not_channels,
        deprecated=reader.boolean(rule, "deprecated", where, default=False),
        path=reader.path, line=rule.line, profile=profile, also_categories=also,
    )


def _also_categories(reader: SpecReader, rule: LDict, where: str, category: Category) -> tuple[Category, ...]:
    """``also-categories``: other conduct categories, never the rule's own, only for a conduct rule."""
    if "also-categories" not in rule:
        return ()
    conduct = sorted(c.value for c in CONDUCT)
    if category not in CONDUCT:
        raise reader.fail(rule.line_of("also-categories"), f"{where}: 'also-categories' is for conduct rules only")
    chosen = reader.choices(rule, "also-categories", where, conduct)
    if category.value in chosen:
        raise reader.fail(rule.line_of("also-categories"),
                          f"{where}: 'also-categories' repeats the rule's own category '{category.value}'")
    return tuple(Category(c) for c in sorted(chosen))
