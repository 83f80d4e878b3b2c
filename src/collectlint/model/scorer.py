"""Load a shipped model (gzip JSON inside the wheel) and score texts with it, in plain Python.

The model is a set of per-category logistic regressions over binary features (``features.py``),
trained offline with scikit-learn by ``tools/train_model.py`` and exported as weights.  Scoring is a
sum of weights and a sigmoid: deterministic, no download, no numerical library at run time.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

from collectlint.model.features import cleaned_normalised, features
from collectlint.normalize import DEFAULT_FOLDING, normalize

FORMAT = 1


@dataclass(frozen=True)
class CategoryModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    @functools.cached_property
    def _automaton(self) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for gram in self.weights:
            automaton.add_word(gram, gram)
        if self.weights:
            automaton.make_automaton()
        return automaton

    def present(self, cleaned: str) -> set[str]:
        """The model's n-grams that occur in ``cleaned`` (one automaton pass)."""
        if not self.weights:
            return set()
        return {gram for _, gram in self._automaton.iter(cleaned)}


@dataclass(frozen=True)
class Model:
    language: str
    profile: str
    categories: dict[str, CategoryModel]
    trained_on: str

    def score(self, text: str) -> dict[str, tuple[float, list[str]]]:
        """Per category: the probability, and (at or above the category's threshold) the features that
        pushed it up most, strongest first."""
        return {name: self.score_one(text, name) for name in self.categories}

    def score_one(self, text: str, category: str) -> tuple[float, list[str]]:
        """One category's probability and drivers (what a model rule needs: one category, not all)."""
        if self.language == "zh":
            return self.score_normalised(normalize(text, DEFAULT_FOLDING).text, category)
        cat = self.categories[category]
        return self._result(cat, [(cat.weights[f], f) for f in features(text, self.language) if f in cat.weights])

    def score_normalised(self, norm: str, category: str) -> tuple[float, list[str]]:
        """``score_one`` of a Chinese text given its normalised form (what the pipeline already holds)."""
        cat = self.categories[category]
        return self._result(cat, [(cat.weights[f], f) for f in cat.present(cleaned_normalised(norm))])

    @staticmethod
    def _result(cat: CategoryModel, present: list[tuple[float, str]]) -> tuple[float, list[str]]:
        z = cat.bias + sum(w for w, _ in present)
        prob = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        if prob < cat.threshold:
            return prob, []  # drivers explain a finding; below the threshold there is none
        return prob, [f for w, f in sorted(present, key=lambda wf: (-wf[0], wf[1])) if w > 0][:4]

    def flagged(self, text: str) -> dict[str, tuple[float, list[str]]]:
        """Categories whose probability reaches the category's calibrated threshold."""
        return {k: v for k, v in self.score(text).items() if v[0] >= self.categories[k].threshold}


def _parse(data: dict[str, object]) -> Model:
    if data.get("format") != FORMAT:
        raise ValueError(f"unsupported model format {data.get('format')!r}")
    cats = data["categories"]
    assert isinstance(cats, dict)
    return Model(
        language=str(data["language"]), profile=str(data["profile"]), trained_on=str(data.get("trained_on", "")),
        categories={str(k): CategoryModel(float(v["bias"]), float(v["threshold"]),
                                          {str(f): float(w) for f, w in v["weights"].items()})
                    for k, v in cats.items()},
    )


@functools.cache
def load_model(profile: str) -> Model | None:
    """The shipped model for ``profile`` (None when none ships), loaded on first need."""
    try:
        blob = resources.files("collectlint.model").joinpath("data").joinpath(f"{profile}.json.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return None
    return _parse(json.loads(gzip.decompress(blob).decode("utf-8")))
