"""`collectlint eval`: precision, recall and F1 per category over a labelled JSONL corpus."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from collectlint.api import Linter
from collectlint.errors import InputError
from collectlint.langid import reads_as_english
from collectlint.mask import mask_text
from collectlint.models import CHANNELS, CONDUCT, STAGES, Category, Finding, Severity
from collectlint.normalize import is_traditional
from collectlint.record import field, record
from collectlint.report.sanitize import clean_label

ITEM_KEYS = {"id", "text", "channel", "stage", "expected", "spans", "provenance",
             # real corpus items (corpus/real/): where the text was copied from, and how it was labelled
             "lang", "source", "found_by", "note", "synthetic", "relabelled"}
CONDUCT_NAMES = frozenset(c.value for c in CONDUCT)
# Scored categories: conduct and required elements.  Channel limits (SMS length) and suppression
# hygiene are not compliance labels, so corpora do not carry them.
CATEGORIES = [c.value for c in Category if c in CONDUCT or c is Category.MISSING_ELEMENT]


@record(frozen=True)
class Item:
    id: str
    text: str
    channel: str | None
    stage: str | None
    expected: frozenset[str]
    provenance: str
    path: str
    line: int
    lang: str = "zh-Hans"  # zh-Hans, zh-Hant or en
    # Real items are labelled for conduct only: completeness (missing elements) is not scored on them.
    conduct_only: bool = False
    labelled: bool = True  # False: the line has no ``expected`` key and is counted as compliant

    @property
    def violating(self) -> bool:
        return bool(self.expected & CONDUCT_NAMES)


@record
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@record(frozen=True)
class Outcome:
    item: Item
    category: str
    rules: tuple[str, ...] = ()


@record
class Group:
    """Message-level figures: a violating message is caught when it gets any conduct finding (warning
    or above); a compliant message is a false alarm when it gets one."""

    violating: int = 0
    caught: int = 0
    compliant: int = 0
    alarmed: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.violating if self.violating else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.alarmed / self.compliant if self.compliant else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"violating": self.violating, "caught": self.caught, "recall": round(self.recall, 4),
                "compliant": self.compliant, "false_alarms": self.alarmed,
                "false_alarm_rate": round(self.false_alarm_rate, 4)}


@record
class Report:
    messages: int = 0
    compliant: int = 0
    groups: dict[str, Group] = field(default_factory=dict)  # "all" and per language/script
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    misses: list[Outcome] = field(default_factory=list)
    false_alarms: list[Outcome] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def outcome(o: Outcome) -> dict[str, Any]:
            return {"id": o.item.id, "category": o.category, "rules": list(o.rules),
                    "text": mask_text(o.item.text), "where": f"{o.item.path}:{o.item.line}"}

        return {
            "messages": self.messages,
            "compliant": self.compliant,
            "message_level": {k: g.to_json() for k, g in self.groups.items()},
            "categories": {
                c: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                    "tp": s.tp, "fp": s.fp, "fn": s.fn}
                for c, s in self.scores.items()
            },
            "misses": [outcome(o) for o in self.misses],
            "false_alarms": [outcome(o) for o in self.false_alarms],
        }


def _fail(path: Path, line: int, message: str) -> InputError:
    return InputError(message, path=str(path), line=line)


def _corpus_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.rglob("*.jsonl"))
    if path.is_file():
        return [path]
    raise InputError("no such corpus file or directory", path=str(path))


def lang_of(text: str) -> str:
    """The group of an item with no ``lang`` key, by script (as the linter picks its profile)."""
    if reads_as_english(text):
        return "en"
    return "zh-Hant" if is_traditional(text) else "zh-Hans"


@record
class Corpus:
    """The items read, one error per line that could not be (that line is left out, the rest is
    scored), and the keys no item field reads: key -> (lines, first line's place)."""

    items: list[Item] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    unread_keys: dict[str, tuple[int, str]] = field(default_factory=dict)


def _item(file: Path, n: int, data: object, seen: set[str], corpus: Corpus) -> Item:
    """One corpus line's item; InputError naming the file and line when it is not one."""
    if not isinstance(data, dict):
        raise _fail(file, n, "each line must be a JSON object")
    for key in sorted(set(data) - ITEM_KEYS):  # extra metadata (a URL, a date, a labeller): read past, said once
        count, first = corpus.unread_keys.get(key, (0, f"{file}:{n}"))
        corpus.unread_keys[key] = (count + 1, first)
    for key in ("id", "text"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise _fail(file, n, f"'{key}' must be a non-empty string")
    expected = data.get("expected", [])
    if not isinstance(expected, list) or any(e not in CATEGORIES for e in expected):
        raise _fail(file, n, f"'expected' must be a list of categories ({', '.join(CATEGORIES)})")
    channel, stage = data.get("channel"), data.get("stage")
    if channel is not None and channel not in CHANNELS:
        raise _fail(file, n, f"unknown channel '{clean_label(str(channel))}'")
    if stage is not None and stage not in STAGES:
        raise _fail(file, n, f"unknown stage '{clean_label(str(stage))}'")
    lang = data["lang"] if data.get("lang") is not None else lang_of(data["text"])
    if lang not in ("zh-Hans", "zh-Hant", "en"):
        raise _fail(file, n, f"unknown lang '{clean_label(str(lang))}' (zh-Hans, zh-Hant, en)")
    if data["id"] in seen:
        raise _fail(file, n, f"duplicate id '{clean_label(data['id'])}'")
    seen.add(data["id"])
    # Ids are printed in reports: masked and with control characters escaped, like every label.
    return Item(clean_label(data["id"]), data["text"], channel, stage, frozenset(expected),
                str(data.get("provenance", "")), str(file), n, lang, "source" in data, "expected" in data)


def read_corpus(path: Path) -> Corpus:
    """Every item of a JSONL file or of the ``*.jsonl`` files under a folder.  A line or file that
    cannot be read is an error of its own; it never stops the others from being scored."""
    corpus = Corpus()
    seen: set[str] = set()
    for file in _corpus_files(path):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            corpus.errors.append(InputError(f"cannot read corpus: {exc}", path=str(file)))
            continue
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                corpus.errors.append(_fail(file, n, f"invalid JSON: {exc.msg}"))
                continue
            except (RecursionError, ValueError):  # nested past the parser's depth, or a number too long
                corpus.errors.append(_fail(file, n, "invalid JSON: nests too deeply or holds a value too large"))
                continue
            try:
                corpus.items.append(_item(file, n, data, seen, corpus))
            except InputError as exc:
                corpus.errors.append(exc)
    return corpus


def notices(corpus: Corpus) -> list[str]:
    """What a run on ``corpus`` says on stderr before its figures: each line left out, each key not read,
    and the lines counted as compliant for want of labels."""
    out = [f"{clean_label(error.render())} (left out)" for error in corpus.errors]
    out += [f"key '{clean_label(key)}' is not read ({count} line(s), first: {clean_label(place)}; "
            f"read: {', '.join(sorted(ITEM_KEYS))})" for key, (count, place) in sorted(corpus.unread_keys.items())]
    unlabelled = [item for item in corpus.items if not item.labelled]
    if unlabelled:  # counted as compliant, which flatters or blames the rules: say so, and where
        first = unlabelled[0]
        out.append(f"{len(unlabelled)} of {len(corpus.items)} message(s) have no 'expected' key and are counted as "
                   f"compliant (first: {clean_label(first.path)}:{first.line}); write \"expected\": [] to say so")
    return out


def load_corpus(path: Path) -> list[Item]:
    """The items of ``path``, strictly: the first bad line or unread key is an InputError (tests and tools;
    ``collectlint eval`` reads with ``read_corpus`` and scores what it can)."""
    corpus = read_corpus(path)
    if corpus.errors:
        raise corpus.errors[0]
    if corpus.unread_keys:
        key, (_, first) = next(iter(corpus.unread_keys.items()))  # the first one met
        raise InputError(f"unknown key '{key}' (allowed: {', '.join(sorted(ITEM_KEYS))})", path=first)
    if not corpus.items:
        raise InputError("corpus has no messages", path=str(path))
    return corpus.items


def evaluate(linter: Linter, items: Iterable[Item]) -> Report:
    """Scores at warning or above (info findings never fail a run, so they do not count as flags)."""
    report = Report()
    for item in items:
        findings: Sequence[Finding] = linter.lint_text(item.text, item.id, channel=item.channel, stage=item.stage)
        predicted: dict[str, list[str]] = {}
        for f in findings:
            if f.severity >= Severity.WARNING:
                for category in f.categories:
                    predicted.setdefault(category.value, []).append(f.rule_id)
        _score(report, item, predicted)
    return report


def evaluate_model_only(items: Iterable[Item], sensitivity: str | None = None) -> Report:
    """The learned second opinion on its own, as the pipeline uses it: when the violation model reaches
    its threshold (that of ``sensitivity``), the categories it names (``Model.verdict``); no rules."""
    from collectlint.model.scorer import load_model
    from collectlint.profiles import DEFAULT_PROFILE, ENGLISH_PROFILE

    report = Report()
    for item in items:
        model = load_model(ENGLISH_PROFILE if item.lang == "en" else DEFAULT_PROFILE)
        found = model.verdict(item.text, None, sensitivity) if model is not None else None
        _score(report, item, {c: ["ML100"] for c in found[0]} if found is not None else {}, conduct_only=True)
    return report


def _score(report: Report, item: Item, predicted: dict[str, list[str]], conduct_only: bool = False) -> None:
    """Add one item's outcome: message level per group, then per category (misses and false alarms listed)."""
    report.messages += 1
    report.compliant += not item.expected
    flagged = bool(CONDUCT_NAMES & predicted.keys())
    for key in ("all", item.lang):
        group = report.groups.setdefault(key, Group())
        if item.violating:
            group.violating += 1
            group.caught += flagged
        elif not item.expected:
            group.compliant += 1
            group.alarmed += flagged
    for category in CATEGORIES:
        if (item.conduct_only or conduct_only) and category not in CONDUCT_NAMES:
            continue
        score = report.scores[category]
        want, got = category in item.expected, category in predicted
        if want and got:
            score.tp += 1
        elif got:
            score.fp += 1
            report.false_alarms.append(Outcome(item, category, tuple(sorted(set(predicted[category])))))
        elif want:
            score.fn += 1
            report.misses.append(Outcome(item, category))


def render_text(report: Report, title: str = "", brief: bool = False) -> str:
    out = [f"{title}{report.messages} messages ({report.compliant} compliant)", "",
           "message level (conduct findings at warning or above):",
           f"{'set':<8} {'violating':>9} {'caught':>6} {'recall':>6} {'compliant':>9} {'alarms':>6} {'FA rate':>7}"]
    for key, g in report.groups.items():
        out.append(f"{key:<8} {g.violating:>9} {g.caught:>6} {g.recall:>6.3f} {g.compliant:>9} {g.alarmed:>6} "
                   f"{g.false_alarm_rate:>7.3f}")
    out += ["",
           f"{'category':<18} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>4} {'fn':>4}"]
    for category, s in report.scores.items():
        if s.tp + s.fp + s.fn:
            out.append(f"{category:<18} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>4} {s.fn:>4}")
    if brief:
        return "\n".join(out) + "\n"
    out += ["", f"Misses ({len(report.misses)}):"]
    out += [f"  {o.item.id} [{o.category}] {mask_text(o.item.text)}" for o in report.misses]
    out += ["", f"False alarms ({len(report.false_alarms)}):"]
    out += [f"  {o.item.id} [{o.category}: {', '.join(o.rules)}] {mask_text(o.item.text)}" for o in report.false_alarms]
    return "\n".join(out) + "\n"
