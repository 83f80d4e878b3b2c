"""Load a shipped model (gzip JSON inside the wheel) and score texts with it, in plain Python.

The model is a set of per-category logistic regressions over binary features (``features.py``),
trained offline with scikit-learn by ``tools/train_model.py`` and exported as weights: a manifest
(``data/<profile>/manifest.json``: thresholds, biases) and one gzip JSON of weights per category.  Scoring is a
sum of weights and a sigmoid: deterministic, no download, no numerical library at run time.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import itertools
import json
import math
import operator
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from collectlint.automaton import automaton_of
from collectlint.model import ANY
from collectlint.model.classes import WordClasses, has_symbol
from collectlint.model.features import cleaned_normalised, features
from collectlint.normalize import DEFAULT_FOLDING, normalize
from collectlint.record import record

FORMAT = 2
# Once the violation model flags a message, every category whose own model gives it at least this
# probability is named besides the most likely one.  Out of fold on the real dev splits (folds grouped by
# source), naming these besides the most likely category raised threat recall from 0.39 to 0.55 (zh) and
# 0.60 to 0.80 (en) at 0.5; lowering it to 0.4 (session 11) raised recall in most categories again (en:
# third-party 0.48 -> 0.55, shaming 0.41 -> 0.49, insult 0.46 -> 0.56; zh: false-legal 0.57 -> 0.60,
# shaming 0.43 -> 0.46, pressure 0.36 -> 0.38) for a few points of precision; flagged messages stay the
# same, so message-level false alarms do not move.
ALSO_NAMED = 0.4


@record(frozen=True)
class CategoryModel:
    bias: float
    threshold: float
    weights: dict[str, float]


class GramIndex:
    """One model's n-grams in an automaton whose values are positions in ``grams`` and ``weights``.

    An automaton holding a (n-gram, weight) pair per n-gram unpickles one Python tuple per n-gram: the
    Chinese violation model's, read on every hook run, took about 10 ms to read back from the compiled
    cache, this one about 5 ms (ints are stored unboxed, the weights as one array of doubles)."""

    __slots__ = ("automaton", "grams", "weights")

    def __init__(self, weights: dict[str, float]) -> None:
        import array

        pairs = [(g, w) for g, w in weights.items() if not has_symbol(g)]
        self.grams = tuple(g for g, _ in pairs)
        self.weights = array.array("d", [w for _, w in pairs])
        self.automaton = automaton_of(((g, i) for i, g in enumerate(self.grams)), ints=True)

    def __len__(self) -> int:
        return len(self.grams)

    def positions(self, text: str) -> dict[int, None]:
        """The position of each n-gram of ``text`` once, as keys in order of first occurrence (all in C)."""
        return dict.fromkeys(map(_VALUE, self.automaton.iter(text)))

    def named(self, keys: dict[int, None]) -> dict[str, float]:
        """The n-grams at ``keys`` (from ``positions``), in that order, with their weights."""
        return dict(zip(map(self.grams.__getitem__, keys), map(self.weights.__getitem__, keys), strict=True))

    def __getstate__(self) -> tuple[Any, tuple[str, ...], Any]:
        return self.automaton, self.grams, self.weights

    def __setstate__(self, state: tuple[Any, tuple[str, ...], Any]) -> None:
        self.automaton, self.grams, self.weights = state


@record(frozen=True)
class Prepared:
    """A message made ready for scoring once, whatever the number of categories scored: the cleaned
    text the n-gram automaton runs over (Chinese), and the features found by other means (the word-class
    features; in English every feature)."""

    cleaned: str | None
    found: tuple[str, ...]  # sorted once, so every category sums its weights in the same order


class Model:
    """A profile's model: a small manifest (thresholds, where each category's weights live); each
    category's weights are read the first time that category is scored, so a rule set that uses one
    category never loads the others."""

    def __init__(self, language: str, profile: str, trained_on: str, manifest: dict[str, dict[str, Any]],
                 read: Callable[[str], bytes], classes: WordClasses | None = None) -> None:
        self.language, self.profile, self.trained_on = language, profile, trained_on
        self._manifest = manifest
        self._read = read
        self._loaded: dict[str, CategoryModel] = {}
        # From the warm cache, a Chinese category whose n-grams live in its automaton: bias, threshold
        # and only its word-class weights (``_write_warm``); ``category`` still reads the whole table.
        self._scoring: dict[str, CategoryModel] = {}
        self.classes = classes
        self._automata: dict[str, GramIndex] = {}
        self._merged_state: _Merged | None = None

    @property
    def names(self) -> list[str]:
        return sorted(self._manifest)

    def threshold(self, category: str, sensitivity: str | None = None) -> float:
        """The category's calibrated threshold; for the violation model, the one of ``sensitivity``
        (``model.SENSITIVITIES``) when the model ships it."""
        entry = self._manifest[category]
        by_sensitivity = entry.get("thresholds", {})
        if sensitivity is not None and sensitivity in by_sensitivity:
            return float(by_sensitivity[sensitivity])
        return float(entry["threshold"])

    def category(self, name: str) -> CategoryModel:
        if name not in self._loaded:
            entry = self._manifest[name]
            weights = json.loads(gzip.decompress(self._read(str(entry["file"]))).decode("utf-8"))
            self._loaded[name] = CategoryModel(float(entry["bias"]), float(entry["threshold"]),
                                               {str(f): float(w) for f, w in weights.items()})
        return self._loaded[name]

    def warm(self) -> None:
        """Load what scoring the first message needs (the violation model's table and, in Chinese, its
        automaton), no more: a warm Chinese model does not read its whole table again."""
        if ANY in self._manifest:
            self._scored(ANY)
            if self.language == "zh":
                self._automaton(ANY)

    def prepare(self, original: str, norm: str | None = None) -> Prepared:
        """``original`` made ready for scoring; Chinese uses ``norm`` (its normalised text) when the
        caller already holds it."""
        if self.language == "zh":
            cleaned = cleaned_normalised(norm if norm is not None else normalize(original, DEFAULT_FOLDING).text)
            found = self.classes.features(cleaned) if self.classes is not None else set()
            return Prepared(cleaned, tuple(sorted(found)))
        return Prepared(None, tuple(sorted(features(original, self.language, self.classes))))

    def score_one(self, text: str, category: str) -> tuple[float, list[str]]:
        """One category's probability and drivers (what a model rule needs: one category, not all)."""
        return self.score_prepared(self.prepare(text), category)

    def probability(self, original: str, category: str, norm: str | None = None) -> float:
        """Category ``category``'s probability for ``original`` (no drivers named), from its normalised
        text ``norm`` when the caller already holds it (Chinese)."""
        return self._probability(self.prepare(original, norm), category)

    def score_prepared(self, prepared: Prepared, category: str) -> tuple[float, list[str]]:
        found = self._found(prepared, category)
        return self._result(self._scored(category), [(weight, f) for f, weight in found.items()])

    def verdict(self, original: str, norm: str | None = None, sensitivity: str | None = None
                ) -> tuple[list[str], float, list[str]] | None:
        """(categories, probability, drivers) when the violation model (``any``) reaches its threshold:
        the category the per-category models find most likely first, then every other category whose
        model gives it ``ALSO_NAMED`` or more.  The per-category models run only for a flagged text.
        None when the text is not flagged or the model has no violation model.  ``sensitivity`` picks the
        violation model's threshold (default: the shipped default)."""
        if ANY not in self._manifest:
            return None
        prepared = self.prepare(original, norm)
        level = self.threshold(ANY, sensitivity)
        cat = self._scored(ANY)
        # Most messages are not flagged: their probability alone, without naming the features (the same
        # sum, in the same order, as ``_found``'s values, so the same bits).  A flagged one names them from
        # the same automaton pass.
        present = self._present(prepared, ANY)
        if _probability(cat.bias + self._total(prepared, ANY, present)) < level:
            return None
        found = self._found(prepared, ANY, present)
        # Drivers at the chosen level: a message flagged at ``high`` is explained like any other.
        prob, drivers = self._result(cat, [(weight, f) for f, weight in found.items()], level)
        scores = self._category_probabilities(prepared)
        if not scores:
            return None
        ranked = sorted(scores, key=lambda c: (-scores[c], c))
        return [ranked[0], *(c for c in ranked[1:] if scores[c] >= ALSO_NAMED)], prob, drivers

    def _present(self, prepared: Prepared, name: str) -> _Present:
        """Category ``name``'s features in the prepared text, found once: the automaton (None when the
        category has no n-grams or the text none to search) with its n-grams' positions in order of first
        occurrence (deduplicated by a dict, all in C), and its word-class features in their sorted order."""
        hits = self._class_hits(prepared, self._scored(name).weights)
        if prepared.cleaned is None:
            return None, {}, hits
        index = self._automaton(name)
        return (index, index.positions(prepared.cleaned), hits) if len(index) else (None, {}, hits)

    def _found(self, prepared: Prepared, name: str, present: _Present | None = None) -> dict[str, float]:
        """Category ``name``'s features in the prepared text, each once (features are binary), with their
        weights: its n-grams in text order, then its word-class features in their sorted order.  Summing
        the values in this order is what every probability of the model does, so the same text always gets
        the same score."""
        index, keys, hits = present or self._present(prepared, name)
        found = index.named(keys) if index is not None else {}
        own = self._scored(name).weights
        # Class features hold a symbol, so none is also an n-gram.
        found.update(zip(hits, map(own.__getitem__, hits), strict=True))
        return found

    @staticmethod
    def _class_hits(prepared: Prepared, own: dict[str, float]) -> list[str]:
        """The prepared text's features found by other means (word classes; in English every feature) that
        the model weighs, in their sorted order.  A list costs about half of a generator over the forty-odd
        class features of a typical message."""
        return [f for f in prepared.found if f in own]

    def _total(self, prepared: Prepared, name: str, present: _Present | None = None) -> float:
        """``sum(self._found(prepared, name).values())``, added in the same order, without building the
        table of features: the n-grams' weights in order of first occurrence, then the word-class ones."""
        index, keys, hits = present or self._present(prepared, name)
        own = self._scored(name).weights
        grams = map(index.weights.__getitem__, keys) if index is not None else ()
        return sum(itertools.chain(grams, map(own.__getitem__, hits)))

    def _category_probabilities(self, prepared: Prepared) -> dict[str, float]:
        """Every per-category model's probability for a flagged text, from one automaton pass over it
        (``_merged``) instead of one per category.  Each category sums its features in the order
        ``_found`` gives (n-grams by first occurrence, then word-class features sorted), so every
        probability equals ``_probability(prepared, name)`` to the last bit."""
        names, automaton, by_class = self._merged()
        totals = [0.0] * len(names)
        if prepared.cleaned is not None and len(automaton):
            for pairs in dict(map(_VALUE, automaton.iter(prepared.cleaned))).values():
                for i, weight in pairs:
                    totals[i] += weight
        for feature in prepared.found:
            for i, weight in by_class.get(feature, ()):
                totals[i] += weight
        return {name: _probability(self._bias(name) + total) for name, total in zip(names, totals, strict=True)}

    def _bias(self, name: str) -> float:
        """A category's bias from the manifest (the same value ``category`` reads, without its table)."""
        return float(self._manifest[name]["bias"])

    def _merged(self) -> _Merged:
        """The per-category models (all but ``any``) as one automaton over their n-grams, each n-gram
        carrying (n-gram, ((category index, weight), ...)), and a table of the features found by other
        means (word classes; in English every feature) with the same pairs.  Made on the first flagged
        text: read from the protected compiled cache, keyed by the tables' bytes (about 10 ms), or built
        from the eight tables (about 40 ms) and written there."""
        if self._merged_state is None:
            key = self._merged_key()
            cached = _read_merged(key)
            if cached is None:
                cached = self._build_merged()
                if key is not None:
                    from collectlint import compiled_cache

                    compiled_cache.write(key, cached)
            self._merged_state = cached
        return self._merged_state

    @property
    def _category_names(self) -> list[str]:
        """The per-category models (every model but the violation model), in name order."""
        return [name for name in self.names if name != ANY]

    def _build_merged(self) -> _Merged:
        names = self._category_names
        grams: dict[str, list[tuple[int, float]]] = {}
        for i, name in enumerate(names):
            for feature, weight in self.category(name).weights.items():
                grams.setdefault(feature, []).append((i, weight))
        searched = self.language == "zh"  # English has no automaton: every feature is looked up
        by_class = {f: tuple(pairs) for f, pairs in grams.items() if has_symbol(f) or not searched}
        automaton = automaton_of((f, (f, tuple(pairs))) for f, pairs in grams.items() if f not in by_class)
        return names, automaton, by_class

    def _merged_key(self) -> str | None:
        return _content_key("merged", self._manifest,
                            lambda: (self._read(str(self._manifest[name]["file"])) for name in self._category_names))

    def _probability(self, prepared: Prepared, name: str) -> float:
        return _probability(self._scored(name).bias + self._total(prepared, name))

    def _scored(self, name: str) -> CategoryModel:
        """What scoring reads besides the automaton: bias, threshold and the looked-up weights (the
        word-class features; in English every feature)."""
        if name in self._scoring and name in self._automata:
            return self._scoring[name]
        return self.category(name)

    def _automaton(self, name: str) -> GramIndex:
        """Category ``name``'s n-grams in one Aho-Corasick automaton (``GramIndex``); word-class features
        are looked up, not searched for."""
        if name not in self._automata:
            self._automata[name] = GramIndex(self.category(name).weights)
        return self._automata[name]

    def _result(self, cat: CategoryModel, present: list[tuple[float, str]], threshold: float | None = None
                ) -> tuple[float, list[str]]:
        """Probability, and the drivers when it reaches ``threshold`` (default: the category's own)."""
        prob = _probability(cat.bias + sum(w for w, _ in present))
        if prob < (cat.threshold if threshold is None else threshold):
            return prob, []  # drivers explain a finding; below the threshold there is none
        # The strongest features pushing the score up, strongest first (ties by name).  A single
        # character (上, 不) or one with a punctuation mark (了。) explains nothing to a reader: words and
        # word classes first.  Only the first ``DRIVERS`` are named: they are popped from a heap, not sorted.
        pushing = [(-w, f) for w, f in present if w > 0]
        heapq.heapify(pushing)
        telling: list[str] = []
        other: list[str] = []  # the ones passed over, strongest first: they fill in when words run out
        while pushing and len(telling) < DRIVERS:
            _, feature = heapq.heappop(pushing)
            (telling if _telling(feature) else other).append(feature)
        return prob, [self.describe(f) for f in (telling + other)[:DRIVERS]]

    def describe(self, feature: str) -> str:
        """A feature as a reader can take it: word-class symbols spelled as ``<class-name>``."""
        if self.classes is None or not has_symbol(feature):
            return feature
        return self.classes.describe(feature)


_VALUE = operator.itemgetter(1)
# A category's features found in a prepared text (``Model._present``): its automaton, the positions of its
# n-grams, its word-class features.
_Present = tuple["GramIndex | None", dict[int, None], list[str]]
# The per-category models merged for naming a flagged text's categories (``Model._merged``).
_Merged = tuple[list[str], Any, dict[str, tuple[tuple[int, float], ...]]]


def _read_merged(key: str | None) -> _Merged | None:
    from collectlint import compiled_cache

    cached = compiled_cache.read(key) if key is not None else None
    if not (isinstance(cached, tuple) and len(cached) == 3 and isinstance(cached[0], list)
            and all(isinstance(n, str) for n in cached[0]) and isinstance(cached[2], dict)
            and hasattr(cached[1], "iter")):
        return None
    return cached[0], cached[1], cached[2]


DRIVERS = 4  # features named as the drivers of a model finding


def _telling(feature: str) -> bool:
    """Whether a feature says something to a reader: a word class, or two letters or characters."""
    return has_symbol(feature) or sum(c.isalnum() for c in feature) >= 2


def _probability(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@functools.cache
def load_model(profile: str) -> Model | None:
    """The shipped model for ``profile`` (None when none ships): its manifest only, on first need."""
    # Shipped next to this module (a wheel installs unpacked); ``importlib.resources`` would add its own
    # imports (zipfile among them, about 3 ms) to every hook run for nothing.
    folder = Path(__file__).resolve().parent / "data" / profile
    try:
        data = json.loads(folder.joinpath("manifest.json").read_bytes().decode("utf-8"))
    except (FileNotFoundError, OSError, NotADirectoryError):
        return None
    if data.get("format") != FORMAT:
        raise ValueError(f"unsupported model format {data.get('format')!r}")
    def read(name: str) -> bytes:
        return folder.joinpath(name).read_bytes()

    key = _warm_key(folder, data)
    warm = _read_warm(key)
    if warm is not None:
        classes, loaded, scoring, automata = warm
    else:
        classes, loaded, scoring, automata = None, {}, {}, {}
        if data.get("classes"):
            members = json.loads(gzip.decompress(read(str(data["classes"]))).decode("utf-8"))
            classes = WordClasses(str(data["language"]), {str(k): tuple(map(str, v)) for k, v in members.items()})
    model = Model(str(data["language"]), str(data["profile"]), str(data.get("trained_on", "")),
                  dict(data["categories"]), read, classes)
    model._loaded.update(loaded)
    model._scoring.update(scoring)
    model._automata.update(automata)
    if warm is None and key is not None:
        _write_warm(key, model)
    return model


# Every message is scored by the violation model (``any``) and split into word classes, so a hook run
# that checks one message pays for reading that model's weights (and, in Chinese, building its automaton)
# and the classes' automaton (about 10 ms).  They are kept, built, in the same protected on-disk cache as the
# compiled rule packs (``compiled_cache``), keyed by the model's bytes and collectlint's own sources.
_WarmState = tuple[WordClasses | None, dict[str, CategoryModel], dict[str, CategoryModel], dict[str, GramIndex]]


def _warm_key(folder: Path, data: dict[str, Any]) -> str | None:
    def contents() -> Iterable[bytes]:
        for name in (data.get("classes"), data.get("categories", {}).get(ANY, {}).get("file")):
            if name:
                yield folder.joinpath(str(name)).read_bytes()

    return _content_key("model", data, contents)


def _content_key(kind: str, data: object, contents: Callable[[], Iterable[bytes]]) -> str | None:
    """The compiled-cache key of something built from a model: ``kind``, the format, collectlint's own
    sources, ``data`` (the manifest) and the bytes of the files it is built from (None when one cannot
    be read)."""
    import hashlib

    from collectlint.compiled_cache import code_fingerprint

    digest = hashlib.sha256(f"{kind}|{FORMAT}|{code_fingerprint()}".encode())
    try:
        digest.update(json.dumps(data, sort_keys=True).encode("utf-8"))
        for blob in contents():
            digest.update(blob)
    except (OSError, TypeError, AttributeError, KeyError):
        return None
    return f"{kind}-" + digest.hexdigest()[:32]


def _read_warm(key: str | None) -> _WarmState | None:
    from collectlint import compiled_cache

    cached = compiled_cache.read(key) if key is not None else None
    if not (isinstance(cached, tuple) and len(cached) == 4 and all(isinstance(part, dict) for part in cached[1:])
            and (cached[0] is None or isinstance(cached[0], WordClasses))
            and all(isinstance(v, CategoryModel) for part in cached[1:3] for v in part.values())
            and all(isinstance(v, GramIndex) for v in cached[3].values())):
        return None
    return cached[0], cached[1], cached[2], cached[3]


def _write_warm(key: str, model: Model) -> None:
    from collectlint import compiled_cache

    if ANY not in model.names:
        return
    try:
        full = model.category(ANY)
        loaded, scoring, automata = {}, {}, {}
        if model.language == "zh":
            # Chinese n-grams are found by the automaton, which carries their weights: scoring needs only
            # the word-class weights besides it (a sixth of the entries, and of the time to read them back).
            automata[ANY] = model._automaton(ANY)
            scoring[ANY] = CategoryModel(full.bias, full.threshold,
                                         {f: w for f, w in full.weights.items() if has_symbol(f)})
        else:
            loaded[ANY] = full  # English looks every feature up: the whole table, no automaton
        if model.classes is not None:
            model.classes.warm()
    except (OSError, ValueError, KeyError):
        return
    compiled_cache.write(key, (model.classes, loaded, scoring, automata))
