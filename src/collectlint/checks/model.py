"""``type: model``: the learned second opinion, reported under the categories it names.

It reads the whole message and the findings of the other rules.  When the violation model (any
conduct category) scores the message at or above its calibrated threshold, it names the category the
per-category models find most likely and any other they find likely (``scorer.ALSO_NAMED``): where no
conduct rule fired, all of them; where rules fired, only categories no rule reported, so the model
never decides alone whether a message a rule flagged is flagged.  The verdict is one finding at the
sentence the violation model scores highest: the most likely category as its category, the others as its
further categories (one warning for one verdict, not a copy per category with the same words), with the
probability as ``confidence`` and the words that drove the score as the explanation.  It runs only
when the model is switched on (``--no-model`` / ``model: false`` turn it off; ``--model-sensitivity`` /
``model-sensitivity`` choose its threshold) and the message's
profile ships a model.  The model is loaded on first need: the first message checked with the model on,
from its built copy in the protected compiled cache (``scorer._read_warm``), so a run with ``--no-model``
or with no message never reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from collectlint.checks.base import FINDINGS, MESSAGE, MODEL, Check, Hit, MatchContext
from collectlint.guards import distanced, unquoted
from collectlint.model import ANY
from collectlint.models import CONDUCT
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

if TYPE_CHECKING:
    from collectlint.model.scorer import Model

CONDUCT_NAMES = frozenset(c.value for c in CONDUCT)


class ModelCheck(Check):
    kind = "model"
    document_level = True
    needs = frozenset({MESSAGE, FINDINGS, MODEL})

    def __init__(self, category: str) -> None:
        self.category = category

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> ModelCheck:
        reader.keys(spec, where, allowed={"type", "category"}, required={"category"})
        return cls(reader.choice(spec, "category", where, [ANY, *sorted(c.value for c in CONDUCT)]))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        if ctx.model_sensitivity is None or not ctx.text.strip() or not ctx.doc.check_required:
            return  # chunks of a very large file: the model reads whole messages
        verdict = _verdict(ctx)
        if verdict is None:
            return
        categories, prob, drivers, model = verdict
        if ctx.found_categories & CONDUCT_NAMES:
            # A rule already reported conduct here: the model adds only categories no rule named.
            categories = [c for c in categories if c not in ctx.found_categories]
        if self.category != ANY:
            categories = [c for c in categories if c == self.category]
        if not categories:
            return
        s0, s1 = _pointed(ctx, model)
        explanation = "、".join(drivers) if model.language == "zh" else ", ".join(drivers)
        yield Hit(s0, s1, round(prob, 3), explanation, category=categories[0], also_categories=tuple(categories[1:]))

    def literals(self) -> None:
        return None


def _own_words(ctx: MatchContext) -> tuple[str, str]:
    """The message's original and normalised text as the model reads them: in a message that warns about
    impostors or answers a complaint (the profile's distancing cues), the words inside quotation marks are
    someone else's (the scam it warns against, the threat the reader reported) and are blanked out, as the
    rules' ``guards.reported_quote`` drops hits inside them.  Once per document."""
    if "model-text" in ctx.memo:
        return ctx.memo["model-text"]  # type: ignore[return-value]
    original, norm = ctx.doc.text, ctx.text
    blanked = unquoted(norm)  # the text itself when it quotes nothing: most messages skip the cue search
    if blanked is not norm and distanced(norm, ctx.doc.profile):
        original, norm = unquoted(original), blanked
    ctx.memo["model-text"] = (original, norm)
    return original, norm


def _pointed(ctx: MatchContext, model: Model) -> tuple[int, int]:
    """The sentence the violation model likes least (highest score), in normalised offsets, without its
    surrounding white space; once per document.  A message of one sentence is not scored again."""
    if "model-sentence" in ctx.memo:
        return ctx.memo["model-sentence"]  # type: ignore[return-value]
    original, text = _own_words(ctx)
    starts = [0] + [m.end() for m in ctx.doc.profile.sentence_end.finditer(text)]
    spans = [(s0, s1) for s0, s1 in zip(starts, [*starts[1:], len(text)], strict=True) if text[s0:s1].strip()]
    best, best_prob = spans[0], -1.0
    for s0, s1 in spans if len(spans) > 1 else ():
        o0, o1 = ctx.doc.norm.to_original(s0, s1)
        p = model.probability(original[o0:o1], ANY, text[s0:s1])
        if p > best_prob:
            best, best_prob = (s0, s1), p
    s0, s1 = best
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    ctx.memo["model-sentence"] = (s0, s1)
    return s0, s1


def _verdict(ctx: MatchContext) -> tuple[list[str], float, list[str], Model] | None:
    """(categories, probability, drivers, model) of ``Model.verdict``, once per document (every model
    rule asks)."""
    if "model-verdict" in ctx.memo:
        return ctx.memo["model-verdict"]  # type: ignore[return-value]
    from collectlint.model.scorer import load_model

    model = load_model(ctx.doc.profile.name)
    original, norm = _own_words(ctx)
    found = model.verdict(original, norm, ctx.model_sensitivity) if model is not None else None
    result = (*found, model) if found is not None and model is not None else None
    ctx.memo["model-verdict"] = result
    return result
