"""A ``Profile`` holds everything specific to a language and jurisdiction.

Stages, channel aliases, speaker labels, negators and their window, cue words, settled markers,
required elements per channel and their recognisers, placeholder aliases and normalisation hooks are
data in ``profiles/<name>.yaml``.  Guards, elements, pinyin and normalisation code read a profile and
hard-code none of it, so a new profile is one YAML file.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from collectlint.elements import Element, build_element
from collectlint.errors import ConfigError
from collectlint.lazyre import lazy_compile
from collectlint.models import CHANNELS, CONDUCT
from collectlint.normalize import Folding
from collectlint.record import fields, record
from collectlint.yamlspec import yamlloc
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

DEFAULT_PROFILE = "zh-CN"
ENGLISH_PROFILE = "en-US"  # the profile an English message nobody named one for is read under
HERE = Path(__file__).resolve().parent
KEYS = {"profile", "description", "language", "aliases", "normalise", "short-forms-need-cue", "collection-cues",
        "negation", "clause-ends", "sentence-ends", "stages", "channel-aliases", "speakers", "settled",
        "required-elements", "elements", "reply-frames", "rights-frames", "refuted-frames", "question-markers",
        "distancing", "denied-after", "category-basis", "limited-content-channels", "fragments"}
ELEMENT_KEYS = {"label", "placeholder", "expanded-length", "aliases", "name-parts", "patterns"}


@record(frozen=True)
class Negation:
    unit: str  # "char" or "word"
    window: int
    negators: re.Pattern[str]
    consequence: re.Pattern[str]
    # A list after a comma stays in a negator's scope ("must not threaten, abuse or contact your family")
    # when it holds a coordinator and no subject; None: no list scope (a character-window language).
    list_coordinator: re.Pattern[str] | None = None
    list_subject: re.Pattern[str] | None = None
    # A negator after one of these in its clause states a condition, not a denial: "if payment is not
    # received within 48 hours, we will sue" threatens; None: every negator denies.
    condition: re.Pattern[str] | None = None
    # Words that turn the negator before them into emphasis: "we will not hesitate to sue", "we won't
    # think twice"; matched right after the negator.  None: none.
    emphasis: re.Pattern[str] | None = None


@record(frozen=True, eq=False)
class Profile:
    name: str
    language: str  # "zh" or "en": the segmenter and the report language
    aliases: frozenset[str]
    folding: Folding
    pinyin_variants: bool
    inflections: bool  # English phrases also match their inflected forms and text spellings (nlp.inflect)
    short_forms_need_cue: bool
    collection_cue: re.Pattern[str]
    negation: Negation
    clause_end: re.Pattern[str]
    sentence_end: re.Pattern[str]
    stages: tuple[str, ...]
    channel_aliases: dict[str, str]
    agent_label: re.Pattern[str]
    customer_label: re.Pattern[str]
    settled: re.Pattern[str]
    # How a reply opens when it restates the reader's report, complaint or question (guards.in_others_words).
    reply_frame: re.Pattern[str]
    # A statement, earlier in the sentence, of what collectors may not do or what the law forbids
    # (guards.in_others_words): "collectors may not harass you by using threats of violence or arrest".
    rights_frame: re.Pattern[str]
    # A sentence that calls the conduct just described unlawful or false ("such conduct violates 15 U.S.C.
    # 1692d", "that statement was false"): the hit reports someone else's conduct (guards.refuted).
    refuted_frame: re.Pattern[str]
    # What makes a quoted stretch a question (guards.quoted_question).
    question_marker: re.Pattern[str]
    # Cues that a message reports or warns about someone else's words (an anti-fraud warning, a reply to a
    # complaint): a quotation in such a message quotes them (guards.reported_quote).
    distancing: re.Pattern[str]
    # A denial that follows the hit in its clause (与子女入学没有直接关系): matched right after the hit.
    denied_after: re.Pattern[str]
    required_elements: dict[str, frozenset[str]]
    elements: dict[str, Element]
    # The law a conduct category breaks under this profile's jurisdiction: the basis of a finding that no
    # rule of its own cites (the learned model names a category, not a rule).
    category_basis: dict[str, str]
    # Channels whose messages are limited-content messages, never communications: no communication type's
    # elements apply to them (profile key ``limited-content-channels``).
    limited_content: frozenset[str] = frozenset()

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return get_profile, (self.name,)  # profiles are shipped data: pickled by name

    def elements_for(self, channel: str | None, communication: str | None = None) -> frozenset[str]:
        """Elements a message must carry: its channel's, plus its communication type's (``communication:initial``)."""
        base = self.required_elements.get(channel or "default", self.required_elements["default"])
        # A limited-content message (a US voicemail, Regulation F 1006.2(j)) is not a communication: it
        # carries no debt wording, so no mini-Miranda either, whatever the template declares.
        if communication is not None and channel not in self.limited_content:
            base = base | self.required_elements.get(f"communication:{communication}", frozenset())
        return base


def _alternation(items: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in items)


_FRAGMENT = re.compile(r"\{\{([\w-]+)\}\}")


def _compile(reader: SpecReader, m: LDict, key: str, where: str, flags: int = 0,
             fragments: dict[str, str] | None = None) -> re.Pattern[str]:
    """The patterns under ``key`` as one alternation; ``{{name}}`` in a pattern stands for the profile's
    fragment ``name`` (one list of words shared by several frames)."""
    items = [v for v, _ in reader.strings(m, key, where, required=True)]
    shared = fragments or {}

    def expand(found: re.Match[str]) -> str:
        if found.group(1) not in shared:
            raise reader.fail(m.line_of(key), f"{where}: '{key}' names an unknown fragment '{found.group(1)}'")
        return shared[found.group(1)]

    try:
        return re.compile(_alternation([_FRAGMENT.sub(expand, v) for v in items]), flags)
    except re.error as exc:
        raise reader.fail(m.line_of(key), f"{where}: bad pattern in '{key}': {exc}") from None


_NOTHING = lazy_compile(r"(?!)")


def _optional(reader: SpecReader, m: LDict, key: str, where: str, flags: int = 0,
              fragments: dict[str, str] | None = None) -> re.Pattern[str] | None:
    return _compile(reader, m, key, where, flags, fragments) if key in m else None


def _fragments(reader: SpecReader, m: LDict, where: str) -> dict[str, str]:
    """The profile's ``fragments``: each name's words as one non-capturing alternation."""
    if "fragments" not in m:
        return {}
    at = f"{where}: fragments"
    raw = reader.mapping(m["fragments"], m.line_of("fragments"), at)
    return {str(name): f"(?:{_alternation([v for v, _ in reader.strings(raw, str(name), at, required=True)])})"
            for name in raw}


def _labels(words: list[str], flags: int) -> re.Pattern[str]:
    # Indentation before a label, never line breaks: "^\s*" re-read every following blank line at each
    # blank line (quadratic on a file of blank lines, as blanked markup leaves).
    return re.compile(r"^[^\S\n]*(?:" + "|".join(re.escape(w) for w in words) + r")\s*[:：]", flags | re.M)


def load_profile(path: Path) -> Profile:
    import yaml

    reader = SpecReader(str(path), ConfigError)
    try:
        data = yamlloc.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise reader.fail(None, f"cannot read profile: {exc}") from None
    except yaml.YAMLError as exc:
        raise reader.fail(yamlloc.error_line(exc), f"invalid YAML: {yamlloc.error_text(exc)}") from None
    m = reader.mapping(data, 1, "profile")
    optional = {"description", "aliases", "reply-frames", "rights-frames", "refuted-frames", "question-markers",
                "distancing", "denied-after", "limited-content-channels", "fragments"}
    reader.keys(m, "profile", allowed=KEYS, required=KEYS - optional)
    name = reader.string(m, "profile", "profile")
    where = f"profile {name}"
    norm = reader.mapping(m["normalise"], m.line_of("normalise"), f"{where}: normalise")
    reader.keys(norm, f"{where}: normalise", allowed={"traditional-to-simplified", "fold", "pinyin-variants",
                                                      "inflections"},
                required={"traditional-to-simplified", "fold", "pinyin-variants"})
    neg = reader.mapping(m["negation"], m.line_of("negation"), f"{where}: negation")
    reader.keys(neg, f"{where}: negation", allowed={"unit", "window", "negators", "consequence", "list-coordinators",
                                                    "list-subjects", "conditions", "emphasis"},
                required={"unit", "window", "negators", "consequence"})
    speakers = reader.mapping(m["speakers"], m.line_of("speakers"), f"{where}: speakers")
    reader.keys(speakers, f"{where}: speakers", allowed={"agent", "customer"}, required={"agent", "customer"})
    raw_elements = reader.mapping(m["elements"], m.line_of("elements"), f"{where}: elements")
    elements: dict[str, Element] = {}
    for ename, spec in raw_elements.items():
        ew = f"{where}: element {ename}"
        spec = reader.mapping(spec, raw_elements.line_of(ename), ew)
        reader.keys(spec, ew, allowed=ELEMENT_KEYS, required=ELEMENT_KEYS)
        label = reader.mapping(spec["label"], spec.line_of("label"), ew)
        try:
            elements[ename] = build_element(
                ename, reader.string(label, "zh", ew), reader.string(label, "en", ew),
                reader.string(spec, "placeholder", ew),
                [v for v, _ in reader.strings(spec, "aliases", ew, required=True)],
                [v for v, _ in reader.strings(spec, "name-parts", ew, required=True)],
                [v for v, _ in reader.strings(spec, "patterns", ew, required=True)],
                reader.integer(spec, "expanded-length", ew, default=4, low=1, high=100),
            )
        except re.error as exc:
            raise reader.fail(spec.line_of("patterns"), f"{ew}: bad pattern: {exc}") from None
    required_raw = reader.mapping(m["required-elements"], m.line_of("required-elements"), where)
    required = {str(ch): reader.choices(required_raw, ch, f"{where}: required-elements", sorted(elements))
                for ch in required_raw}
    if "default" not in required:
        raise reader.fail(m.line_of("required-elements"), f"{where}: required-elements needs a 'default' entry")
    fold_map = reader.mapping(norm["fold"], norm.line_of("fold"), where)
    basis_map = reader.mapping(m["category-basis"], m.line_of("category-basis"), f"{where}: category-basis")
    conduct = {c.value for c in CONDUCT}
    reader.keys(basis_map, f"{where}: category-basis", allowed=conduct, required=conduct)
    aliases_map = reader.mapping(m["channel-aliases"], m.line_of("channel-aliases"), where)
    shared = _fragments(reader, m, where)
    return Profile(
        name=name,
        language=reader.choice(m, "language", where, ["zh", "en"]),
        aliases=frozenset(v.lower() for v, _ in reader.strings(m, "aliases", where)) if "aliases" in m
        else frozenset(),
        folding=Folding(reader.boolean(norm, "traditional-to-simplified", where, default=False),
                        tuple((str(k), str(v)) for k, v in fold_map.items())),
        pinyin_variants=reader.boolean(norm, "pinyin-variants", where, default=False),
        inflections=reader.boolean(norm, "inflections", where, default=False),
        short_forms_need_cue=reader.boolean(m, "short-forms-need-cue", where, default=False),
        collection_cue=_compile(reader, m, "collection-cues", where),
        negation=Negation(reader.choice(neg, "unit", where, ["char", "word"]),
                          reader.integer(neg, "window", where, default=16, low=1, high=200),
                          _compile(reader, neg, "negators", where), _compile(reader, neg, "consequence", where),
                          _optional(reader, neg, "list-coordinators", where, re.I),
                          _optional(reader, neg, "list-subjects", where, re.I),
                          _optional(reader, neg, "conditions", where, re.I),
                          _optional(reader, neg, "emphasis", where, re.I)),
        clause_end=_compile(reader, m, "clause-ends", where),
        sentence_end=_compile(reader, m, "sentence-ends", where),
        stages=tuple(v for v, _ in reader.strings(m, "stages", where, required=True)),
        channel_aliases={str(k): str(v) for k, v in aliases_map.items()},
        agent_label=_labels([v for v, _ in reader.strings(speakers, "agent", where, required=True)], re.I),
        customer_label=_labels([v for v, _ in reader.strings(speakers, "customer", where, required=True)], re.I),
        settled=re.compile(_alternation([re.escape(v) for v, _ in reader.strings(m, "settled", where, required=True)])),
        reply_frame=_optional(reader, m, "reply-frames", where, re.I, shared) or _NOTHING,
        rights_frame=_optional(reader, m, "rights-frames", where, re.I, shared) or _NOTHING,
        refuted_frame=_optional(reader, m, "refuted-frames", where, re.I, shared) or _NOTHING,
        question_marker=_optional(reader, m, "question-markers", where) or _NOTHING,
        distancing=_optional(reader, m, "distancing", where, re.I, shared) or _NOTHING,
        denied_after=_optional(reader, m, "denied-after", where, 0, shared) or _NOTHING,
        required_elements=required,
        elements=elements,
        category_basis={str(k): reader.string(basis_map, str(k), f"{where}: category-basis") for k in basis_map},
        limited_content=frozenset(reader.choices(m, "limited-content-channels", where, sorted(CHANNELS)))
        if "limited-content-channels" in m else frozenset(),
    )


@functools.cache
def profile_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in HERE.glob("*.yaml")))


@functools.cache
def channel_aliases() -> dict[str, str]:
    """Words that name a channel in catalogue keys (``短信``, ``texts``), from every shipped profile."""
    from collectlint.models import CHANNELS

    out = {c: c for c in CHANNELS}
    for name in profile_names():
        out.update(get_profile(name).channel_aliases)
    return out


_FIELDS = frozenset(f.name for f in fields(Profile))


@functools.cache
def _shipped(candidate: str) -> Profile:
    """A shipped profile, from the compiled cache when it holds one for this code (the cache key hashes
    the shipped profiles with collectlint's sources): reading the YAML and capping the recognisers'
    repeats costs more than a hook run should spend on it."""
    from collectlint import compiled_cache

    key = "profile-" + hashlib.sha256(f"{compiled_cache.code_fingerprint()}|{candidate}".encode()).hexdigest()[:24]
    cached = compiled_cache.read(key)
    if isinstance(cached, dict) and set(cached) == _FIELDS:  # a Profile pickles by name, so its fields are kept
        return Profile(**cached)
    prof = load_profile(HERE / f"{candidate}.yaml")
    compiled_cache.write(key, {name: getattr(prof, name) for name in _FIELDS})
    return prof


@functools.cache
def get_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by name or alias (``cn``, ``zh``, ``en``), loaded once per process."""
    wanted = name.lower()
    for candidate in profile_names():
        if candidate.lower() == wanted:
            return _shipped(candidate)
    for candidate in profile_names():
        prof = _shipped(candidate)
        if wanted in prof.aliases:
            return prof
    raise ConfigError(f"unknown profile '{name}' (known: {', '.join(profile_names())})")
