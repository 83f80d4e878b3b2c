"""Load a shipped model (gzip JSON inside the wheel) and score texts with it, in plain Python.

The model is a set of per-category logistic regressions over binary features (``features.py``),
trained offline with scikit-learn by ``tools/train_model.py`` and exported as weights: a manifest
(``data/<profile>/manifest.json``: thresholds, biases) and one gzip JSON of weights per category.  Scoring is a
sum of weights and a sigmoid: deterministic, no download, no numerical library at run time.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from collectlint.model.features import cleaned_normalised, features
from collectlint.normalize import DEFAULT_FOLDING, normalize

FORMAT = 2
ANY = "any"  # the violation model: any conduct category


@dataclass(frozen=True)
class CategoryModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    @functools.cached_property
    def _automaton(self) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for gram, weight in self.weights.items():
            automaton.add_word(gram, (weight, gram))
        if self.weights:
            automaton.make_automaton()
        return automaton

    def present(self, cleaned: str) -> list[tuple[float, str]]:
        """(weight, n-gram) of each of the model's n-grams that occurs in ``cleaned``, once each (features
        are binary), from one automaton pass."""
        if not self.weights:
            return []
        return list({gram: (weight, gram) for _, (weight, gram) in self._automaton.iter(cleaned)}.values())


class Model:
    """A profile's model: a small manifest (thresholds, where each category's weights live); each
    category's weights are read the first time that category is scored, so a rule set that uses one
    category never loads the others."""

    def __init__(self, language: str, profile: str, trained_on: str, manifest: dict[str, dict[str, Any]],
                 read: Callable[[str], bytes]) -> None:
        self.language, self.profile, self.trained_on = language, profile, trained_on
        self._manifest = manifest
        self._read = read
        self._loaded: dict[str, CategoryModel] = {}

    @property
    def names(self) -> list[str]:
        return sorted(self._manifest)

    def threshold(self, category: str) -> float:
        return float(self._manifest[category]["threshold"])

    def category(self, name: str) -> CategoryModel:
        if name not in self._loaded:
            entry = self._manifest[name]
            weights = json.loads(gzip.decompress(self._read(str(entry["file"]))).decode("utf-8"))
            self._loaded[name] = CategoryModel(float(entry["bias"]), float(entry["threshold"]),
                                               {str(f): float(w) for f, w in weights.items()})
        return self._loaded[name]

    def score(self, text: str) -> dict[str, tuple[float, list[str]]]:
        """Per category: the probability, and (at or above the category's threshold) the features that
        pushed it up most, strongest first."""
        return {name: self.score_one(text, name) for name in self.names}

    def score_one(self, text: str, category: str) -> tuple[float, list[str]]:
        """One category's probability and drivers (what a model rule needs: one category, not all)."""
        if self.language == "zh":
            return self.score_normalised(normalize(text, DEFAULT_FOLDING).text, category)
        cat = self.category(category)
        return self._result(cat, [(cat.weights[f], f) for f in features(text, self.language) if f in cat.weights])

    def score_normalised(self, norm: str, category: str) -> tuple[float, list[str]]:
        """``score_one`` of a Chinese text given its normalised form (what the pipeline already holds)."""
        cat = self.category(category)
        return self._result(cat, cat.present(cleaned_normalised(norm)))

    def score_text(self, original: str, category: str, norm: str | None = None) -> tuple[float, list[str]]:
        """``score_one``, from the normalised text when the caller already holds it (Chinese)."""
        if norm is not None and self.language == "zh":
            return self.score_normalised(norm, category)
        return self.score_one(original, category)

    def verdict(self, original: str, norm: str | None = None) -> tuple[str, float, list[str]] | None:
        """(category, probability, drivers) when the violation model (``any``) reaches its threshold:
        the category the per-category models find most likely.  The per-category models run only for a
        flagged text.  None when the text is not flagged or the model has no violation model."""
        if ANY not in self._manifest:
            return None
        prob, drivers = self.score_text(original, ANY, norm)
        if prob < self.threshold(ANY):
            return None
        scores = {c: self.score_text(original, c, norm)[0] for c in self.names if c != ANY}
        if not scores:
            return None
        return max(scores, key=lambda c: (scores[c], c)), prob, drivers

    @staticmethod
    def _result(cat: CategoryModel, present: list[tuple[float, str]]) -> tuple[float, list[str]]:
        z = cat.bias + sum(w for w, _ in present)
        prob = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        if prob < cat.threshold:
            return prob, []  # drivers explain a finding; below the threshold there is none
        return prob, [f for w, f in sorted(present, key=lambda wf: (-wf[0], wf[1])) if w > 0][:4]

    def flagged(self, text: str) -> dict[str, tuple[float, list[str]]]:
        """Categories whose probability reaches the category's calibrated threshold."""
        return {k: v for k, v in self.score(text).items() if v[0] >= self.threshold(k)}


@functools.cache
def load_model(profile: str) -> Model | None:
    """The shipped model for ``profile`` (None when none ships): its manifest only, on first need."""
    folder = resources.files("collectlint.model").joinpath("data").joinpath(profile)
    try:
        data = json.loads(folder.joinpath("manifest.json").read_bytes().decode("utf-8"))
    except (FileNotFoundError, OSError, NotADirectoryError):
        return None
    if data.get("format") != FORMAT:
        raise ValueError(f"unsupported model format {data.get('format')!r}")
    return Model(str(data["language"]), str(data["profile"]), str(data.get("trained_on", "")),
                 dict(data["categories"]), lambda name: folder.joinpath(name).read_bytes())
