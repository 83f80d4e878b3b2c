"""``type: model``: the learned second opinion for one category.

It reads the whole message and the findings of the other rules: it reports a category only when no
rule of that category fired in the message, at the sentence the model scores highest, with the
probability as ``confidence`` and the words that drove the score as the explanation.  It runs only
when the model is switched on (``--no-model`` / ``model: false`` turn it off) and the message's
profile ships a model; the model file is loaded on first need, so a clean hook run never reads it.
"""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import FINDINGS, MESSAGE, MODEL, Check, Hit, MatchContext
from collectlint.models import CONDUCT
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict


class ModelCheck(Check):
    kind = "model"
    document_level = True
    needs = frozenset({MESSAGE, FINDINGS, MODEL})

    def __init__(self, category: str) -> None:
        self.category = category

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> ModelCheck:
        reader.keys(spec, where, allowed={"type", "category"}, required={"category"})
        return cls(reader.choice(spec, "category", where, sorted(c.value for c in CONDUCT)))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        if not ctx.model_enabled or self.category in ctx.found_categories or not ctx.text.strip() \
                or not ctx.doc.check_required:  # chunks of a very large file: the model reads whole messages
            return
        from collectlint.model.scorer import load_model

        model = load_model(ctx.doc.profile.name)
        if model is None or self.category not in model.names:
            return
        threshold = model.threshold(self.category)
        zh = model.language == "zh"

        def score(norm_piece: str, original: str) -> tuple[float, list[str]]:
            if zh:  # the pipeline already holds the normalised text
                return model.score_normalised(norm_piece, self.category)
            return model.score_one(original, self.category)

        prob, drivers = score(ctx.text, ctx.doc.text)
        if prob < threshold:
            return
        # Point at the sentence the model likes least (highest score), in normalised offsets.
        text = ctx.text
        best, best_prob = (0, len(text)), -1.0
        starts = [0] + [m.end() for m in ctx.doc.profile.sentence_end.finditer(text)]
        for i, s0 in enumerate(starts):
            s1 = starts[i + 1] if i + 1 < len(starts) else len(text)
            if not text[s0:s1].strip():
                continue
            o0, o1 = ctx.doc.norm.to_original(s0, s1)
            p = score(text[s0:s1], ctx.doc.text[o0:o1])[0]
            if p > best_prob:
                best, best_prob = (s0, s1), p
        s0, s1 = best
        while s0 < s1 and text[s0].isspace():
            s0 += 1
        while s1 > s0 and text[s1 - 1].isspace():
            s1 -= 1
        yield Hit(s0, s1, round(prob, 3), "、".join(drivers) if model.language == "zh" else ", ".join(drivers))

    def literals(self) -> None:
        return None
