"""A ``Session``: resolved settings, profiles, the rule set and its own segmenter, built once.

Nothing in a session is shared with another: two sessions in one process give exactly the findings
each gives alone.  A session pickles as its recipe (configuration and options), so worker processes
and executors rebuild an equal one.
"""

from __future__ import annotations

import functools

from collectlint import gcpause
from collectlint.checks.suppression import SuppressionCheck
from collectlint.config import Config
from collectlint.engine import RuleSet, select_rules
from collectlint.errors import ConfigError
from collectlint.formats import READERS, Message, Suppression, reader_for
from collectlint.langid import reads_as_english
from collectlint.model import SENSITIVITIES
from collectlint.models import CONDUCT, Finding
from collectlint.nlp.zh import Segmenter
from collectlint.overlap import merge_overlapping
from collectlint.packs.loader import load_compiled
from collectlint.packs.rule import Rule
from collectlint.pipeline import lint_message, sort_findings
from collectlint.profiles import DEFAULT_PROFILE, ENGLISH_PROFILE, Profile, get_profile
from collectlint.record import record
from collectlint.source import Document
from collectlint.suggest import did_you_mean
from collectlint.suppress import apply as apply_suppressions


@record(frozen=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    channel: str | None = None
    stage: str | None = None
    extra_rule_dirs: tuple[str, ...] = ()
    stdin_filename: str | None = None
    profile: str | None = None
    model: bool | None = None  # None: the configuration decides
    model_sensitivity: str | None = None  # None: the configuration decides
    # Two rules' same-category findings over the same words become one (``overlap``); the pack tests
    # turn it off, since each example asks whether its own rule fires.
    merge_overlapping: bool = True


# What a file's type says about its channel when nothing else does (weakest evidence after a script).
FILE_TYPE_CHANNELS = {".docx": "letter", ".html": "email", ".htm": "email", ".eml": "email"}


def channel_of_file_type(path: str) -> str | None:
    dot = path.rfind(".")
    return FILE_TYPE_CHANNELS.get(path[dot:].lower()) if dot >= 0 else None


class Session:
    def __init__(self, config: Config | None = None, options: Options | None = None) -> None:
        self.config = config or Config()
        self.options = options or Options()
        all_rules, index = load_compiled(tuple(self.config.rule_dirs) + self.options.extra_rule_dirs)
        select = self.options.select or self.config.select
        ignore = self.config.ignore + self.options.ignore
        per_file = tuple(s for _, sels in self.config.per_file_ignores for s in sels)
        for selector in (*select, *ignore, *per_file):
            if not select_rules(all_rules, [selector]):
                hint = did_you_mean(selector, [r.id for r in all_rules] + [r.name for r in all_rules]
                                    + [r.category.value for r in all_rules])
                raise ConfigError(f"selector '{selector}' matches no rule{hint} "
                                  "(use an id, id prefix, name or category)")
        for key in self.config.severity:
            if not any(key in (r.id, r.name) for r in all_rules):
                raise ConfigError(f"severity override for unknown rule '{key}'",
                                  path=str(self.config.path) if self.config.path else None)
        forced = self.options.profile or self.config.profile
        self.forced_profile: Profile | None = get_profile(forced) if forced else None
        self.rules: tuple[Rule, ...] = select_rules(all_rules, select, ignore)
        self.ruleset = RuleSet(self.rules, self.config.severity, index)
        # Every loaded rule's phrases, selected or not, so selection never changes how text is cut.
        self.segmenter = Segmenter(index.han_phrases)
        self.meta_rules = {r.check.problem: r for r in self.rules if isinstance(r.check, SuppressionCheck)}
        use_model = self.options.model if self.options.model is not None else self.config.model
        # The model's sensitivity, or None when the model is off.
        sensitivity = self.options.model_sensitivity or self.config.model_sensitivity
        if sensitivity not in SENSITIVITIES:
            raise ConfigError(f"unknown model sensitivity '{sensitivity}' (use {', '.join(SENSITIVITIES)})")
        self.model_sensitivity: str | None = sensitivity if use_model else None
        self._conduct_counts: dict[str, int] = {}

    def warm(self) -> None:
        """Load what the first messages would load lazily (the segmenter's dictionary, the models),
        so worker processes forked after this inherit it instead of each loading it again."""
        self.segmenter.segment("预热")
        if self.model_sensitivity is not None:
            from collectlint.model.scorer import load_model
            from collectlint.profiles.profile import profile_names

            for name in profile_names():
                model = load_model(name)
                if model is not None:
                    model.warm()

    def __reduce__(self) -> tuple[type[Session], tuple[Config, Options]]:
        return Session, (self.config, self.options)

    # --- profiles -------------------------------------------------------------------------------

    def profile_for(self, text: str, declared: str | None = None) -> Profile:
        """Command line or configuration, then front matter, then the text's own language."""
        if self.forced_profile is not None:
            return self.forced_profile
        if declared:
            return get_profile(declared)
        return get_profile(ENGLISH_PROFILE if reads_as_english(text) else DEFAULT_PROFILE)

    def conduct_rules(self, profile: Profile) -> int:
        """How many conduct rules are in force for ``profile``."""
        count = self._conduct_counts.get(profile.name)
        if count is None:
            count = sum(1 for r in self.rules if r.category in CONDUCT and r.applies_to_profile(profile.name))
            self._conduct_counts[profile.name] = count
        return count

    # --- documents ------------------------------------------------------------------------------

    def document(self, text: str, path: str = "<text>", channel: str | None = None,
                 stage: str | None = None, detected_channel: str | None = None,
                 profile: Profile | None = None, communication: str | None = None) -> Document:
        """Channel and stage precedence: command line, then the file itself (front matter, catalogue
        keys), then the configuration's ``files`` globs, then what the text looks like (a call script).
        The communication type comes from the file, then the ``files`` globs."""
        cfg_channel, cfg_stage, cfg_communication = (self.config.setting_for(path) if path not in ("<text>", "-")
                                                     else (None, None, None))
        communication = communication or cfg_communication
        chosen = self.options.channel or channel or cfg_channel or detected_channel
        prof = profile or self.profile_for(text)
        doc = Document(text=text, path=path, channel=chosen, stage=self.options.stage or stage or cfg_stage,
                       profile=prof, communication=communication)
        doc.masked = [(p.start, p.end) for p in doc.placeholders]
        doc.aliases = self.config.placeholder_aliases
        overrides = self.config.required_elements
        key = chosen or "default"
        if key in overrides:
            doc.required_elements = overrides[key]
        elif "default" in overrides:
            doc.required_elements = overrides["default"]
        else:
            doc.required_elements = prof.elements_for(chosen, communication)
        return doc

    def lint_messages(self, path: str, text: str, messages: list[Message],
                      suppressed: list[tuple[str, int, str]] | None = None) -> list[Finding]:
        """Lint each message and map its findings back to offsets in ``text``; then apply suppressions."""
        findings: list[Finding] = []
        suppressions: list[Suppression] = []
        seen: set[tuple[str, int, int]] = set()
        by_type = channel_of_file_type(path)
        for message in messages:
            if message.unread_language is not None:
                continue  # no profile reads it: not checked at all (the runner's notice says so), never half-read
            profile = self.profile_for(message.text, message.profile)

            def prepare(part: str, msg: Message, detected: str | None, profile: Profile = profile) -> Document:
                return self.document(part, path, msg.channel, msg.stage, detected or by_type, profile,
                                     msg.communication)

            # A message read as Chinese because nobody named its profile may carry English sentences (a
            # bilingual Hong Kong notice): they are also checked for conduct under the English profile.
            english = None
            if self.forced_profile is None and not message.profile and profile.language != "en":
                english = functools.partial(prepare, profile=get_profile(ENGLISH_PROFILE))
            findings += lint_message(self.ruleset, self.segmenter, message, profile, prepare, seen,
                                     self.model_sensitivity, english)
            gcpause.resume()  # what a run keeps is loaded by now (a no-op unless the command line paused)
            suppressions += message.suppressions
        kept = apply_suppressions(text, sort_findings(findings), suppressions, self.meta_rules, suppressed=suppressed)
        ignored = self.config.ignored_for(path) if path not in ("<text>", "-") else ()
        if ignored:
            off = {r.id for r in select_rules(self.rules, ignored)}
            kept = [f for f in kept if f.rule_id not in off]
        return merge_overlapping(kept) if self.options.merge_overlapping else kept

    def lint_text(self, text: str, path: str = "<text>", channel: str | None = None,
                  stage: str | None = None, fmt: str = "txt") -> list[Finding]:
        """Lint ``text`` as a file of format ``fmt`` (txt, md, html, yaml, json)."""
        messages = READERS["." + fmt](text, path)
        for m in messages:
            m.channel = channel or m.channel
            m.stage = stage or m.stage
        return self.lint_messages(path, text, messages)

    def lint_text_as(self, text: str, path: str) -> list[Finding]:
        """Lint ``text`` as the contents of ``path`` (format by its ending), as a file would be."""
        from collectlint.formats import BINARY

        fmt = reader_for(path)
        if fmt is None or fmt in BINARY:
            fmt = ".txt"
        return self.lint_messages(path, text, READERS[fmt](text, path))
