"""Train the learned second opinion and write it into the package as data.

    pip install ".[train]" && python tools/train_model.py

Run offline by the team, never at run time.  For each language it reads the real ``dev`` split
(corpus/real/<lang>/dev.jsonl, without ``MODEL_EXCLUDED_SOURCES``; the ``test`` split is never read
here) plus, at a lower weight, the conduct rules' examples and, for Chinese, the synthetic regression
corpus; extracts the binary features of ``collectlint.model.features`` with the word classes of
``collectlint.model.classes`` (from the rule packs' lexicon, shipped with the model); fits one L2
logistic regression per conduct category with scikit-learn (liblinear, deterministic) and one more
over "any conduct category" (the violation model that decides whether the model reports); picks each
threshold from 5-fold out-of-fold scores (folds grouped by source) so that at most ``MAX_FA`` (for
the violation model, its language's share at the default sensitivity, ``model.shares``) of the real
compliant dev messages reach it; keeps the strongest weights (every weight for a model with naive Bayes); and writes
src/collectlint/model/data/<profile>/ (gzip with a fixed timestamp, sorted keys: the same inputs give
the same bytes).  It prints the out-of-fold figures per category.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from collectlint.model import DEFAULT_SENSITIVITY, shares  # noqa: E402
from collectlint.model.classes import WordClasses  # noqa: E402
from collectlint.model.features import cleaned, features  # noqa: E402
from collectlint.model.scorer import FORMAT  # noqa: E402

CATEGORIES = ["threat", "false-legal", "third-party", "shaming", "insult", "privacy", "pressure", "misrepresentation"]
MAX_FA = 0.006  # per category, on real compliant dev messages (out of fold)
MIN_THRESHOLD = 0.9
# The violation model (any conduct category): it decides whether the model reports at all; the
# per-category models only name the category.  Its threshold keeps out-of-fold false alarms on real
# compliant dev messages at or below the language's share for the default sensitivity (``model.shares``).
ANY = "any"
# Fold shuffles whose out-of-fold scores are pooled for calibration.  Three left the Chinese ``medium``
# threshold moving by about 0.02 between releases (0.546, 0.522, 0.536) on about 370 compliant messages,
# which moved about ten test catches each time; six pool twice as many fold assignments per message (the
# sampling noise of the compliant set itself remains).
FOLD_SEEDS = (0, 1, 2, 3, 4, 5)
MIN_THRESHOLD_ANY = 0.5
KEEP = 4000  # strongest weights kept per category
SYNTHETIC_WEIGHT = 0.35
# Probes (written blind to the rules, not real) weigh half a real message: with the 3,200 probes of
# session 8, out of fold on the real dev splits at 2% false alarms, 0.5 gave English 0.514 and Chinese
# 0.668 against 0.505 and 0.668 at 1.0 (and 0.424/0.475 against 0.385/0.467 at 1%).
PROBE_WEIGHT = 0.5
VARIANT_WEIGHT = 0.5
# Sentences of real compliant dev messages as compliant items (``crops``), per language.  Out of fold,
# scoring the sentences of held-out compliant messages at the ``medium`` threshold: the Chinese model
# with naive Bayes at 3% flagged 5.5% of them (its score for a text with little evidence sits near its
# threshold: 杀毒软件, XX公司, 财务部 敬上), and crops at 0.1 cut that to 1.5% for message recall 0.732 ->
# 0.658 (the logistic regression alone: 2.6% and 0.673).  English: 2.3% -> 0.8% for 0.601 -> 0.550, too
# dear, so English trains without them.
CROP_WEIGHT = {"zh": 0.1, "en": 0.0}
# Languages whose model trains on the variant sets, and the kinds of variant it trains on: the first round's
# two paraphrases of each real dev message (p1, p2) and the lawful counterpart of each violating one (c).
# The second round (p3, p4: the idea moved to another channel or said more indirectly; c2: a second
# counterpart) is further from any real text and cost recall: out of fold on real dev (six fold shuffles,
# grouped by source, recall averaged over 1-5% false alarms), English 0.582 with every kind against 0.589
# with the first round's, Chinese 0.650 against 0.666 (0.637 without variants).
# Session 9 left Chinese out (no gain then at 2%, and fewer catches on that release's test split); on the
# audited labels of session 10 the first round's variants raise Chinese at 2% from 0.560 to 0.628.
VARIANT_LANGS = ("en", "zh")
VARIANT_KINDS = ("p1", "p2", "c")
# Inverse regularisation per language, chosen by out-of-fold violation recall on the real dev split at
# 2% false alarms with folds grouped by source (a model meets texts from sources it never saw; three
# seeds: zh C=0.5 0.597, 1 0.588, 3 0.568, 10 0.563; en C=0.3 0.394, 1 0.422, 3 0.436 +- 0.04).
C = {"zh": 1.0, "en": 1.0}


# Sources kept out of the model's training and calibration (they stay in the corpus and in every
# evaluation).  One bank's ASR call transcripts made up 94 of the 497 Chinese dev messages; their
# compliant turns share the vocabulary of the violating ones (逾期, 征信, 诉讼流程), so calibrating on
# them pushed the violation threshold to 0.997 and cut out-of-fold recall on every other source from
# 0.58 to 0.35 at 2% false alarms.
MODEL_EXCLUDED_SOURCES = ("github:liangziyuan1017/dialogcue",)


def _read(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@functools.cache
def model_dev(lang: str) -> tuple[dict[str, object], ...]:
    """The real dev split, without the sources in ``MODEL_EXCLUDED_SOURCES`` (read once per run)."""
    return tuple(item for item in _read(ROOT / "corpus" / "real" / lang / "dev.jsonl")
            if not str(item.get("source", "")).startswith(MODEL_EXCLUDED_SOURCES))


def source_group(source: str) -> str:
    """The source a message came from, for grouping folds: a web site, a repository, or the look-up
    that found it (messages of one source share templates and wording)."""
    m = re.match(r"(https?://[^/]+|github:[^:]+)", source)
    return m.group(1).lower() if m else source[:40]


def groups_of(lang: str, count: int) -> list[str]:
    """Fold groups of the ``count`` training items: the real dev items by source, each variant with the
    source of the message it varies (so a fold never trains on a variant of a message it is scored on),
    each other written item alone."""
    dev = model_dev(lang)
    real = [source_group(str(item.get("source", ""))) for item in dev]
    group_of = {str(item["id"]): group for item, group in zip(dev, real, strict=True)}
    written = [group_of[str(item["of"])] for item in [*variants(lang), *crops(lang)]]
    groups = real + [f"written-{i}" for i in range(count - len(real) - len(written))] + written
    assert len(groups) == count, "groups_of: the training set is not in the order it expects"
    return groups


def training_set(lang: str) -> tuple[list[str], list[set[str]], list[float], list[bool]]:
    """Texts, label sets, sample weights, and whether each item is a real compliant message."""
    real = model_dev(lang)
    texts, labels, weights, real_compliant = [], [], [], []
    for item in real:
        texts.append(str(item["text"]))
        labels.append(set(item["expected"]))  # type: ignore[arg-type]
        weights.append(1.0)
        real_compliant.append(not item["expected"] and not item.get("synthetic"))
    for text, expected in rule_examples(lang):
        texts.append(text)
        labels.append(expected)
        weights.append(SYNTHETIC_WEIGHT)
        real_compliant.append(False)
    for item in probes(lang):
        texts.append(str(item["text"]))
        labels.append(set(item["expected"]))  # type: ignore[arg-type]
        weights.append(PROBE_WEIGHT)
        real_compliant.append(False)
    if lang == "zh":
        for path in [ROOT / "corpus" / "zh.jsonl", *sorted((ROOT / "corpus" / "holdout").glob("*.jsonl"))]:
            for item in _read(path):
                conduct = set(item["expected"]) & set(CATEGORIES)  # type: ignore[arg-type]
                texts.append(str(item["text"]))
                labels.append(conduct)
                weights.append(SYNTHETIC_WEIGHT)
                real_compliant.append(False)
    # Last, variants then crops: ``groups_of`` gives them their seed's source.
    for item, weight in [*((v, VARIANT_WEIGHT) for v in variants(lang)), *((c, CROP_WEIGHT[lang]) for c in crops(lang))]:
        texts.append(str(item["text"]))
        labels.append(set(item["expected"]))  # type: ignore[arg-type]
        weights.append(weight)
        real_compliant.append(False)
    return texts, labels, weights, real_compliant


_SENTENCE = re.compile(r"(?<=[。！？!?；;\n])|(?<=[.] )")


@functools.cache
def crops(lang: str) -> tuple[dict[str, object], ...]:
    """The sentences of each real compliant dev message that has more than one, as compliant items: a
    sentence of a lawful message is lawful, and a model that never met a short lawful text scores one
    (财务部 敬上, XX公司) as it scores the short violations it was taught.  Never used to set a threshold."""
    if not CROP_WEIGHT[lang]:
        return ()
    out: list[dict[str, object]] = []
    for item in model_dev(lang):
        if item["expected"] or item.get("synthetic"):
            continue
        parts = sorted({p.strip() for p in _SENTENCE.split(str(item["text"])) if len(p.strip()) >= 2})
        if len(parts) > 1:
            out += [{"of": item["id"], "text": p, "expected": []} for p in parts]
    return tuple(out)


@functools.cache
def variants(lang: str) -> tuple[dict[str, object], ...]:
    """Variants of real dev messages written by the team (corpus/variants/<lang>.jsonl): two paraphrases
    of each violating message, a lawful counterpart of it, and a paraphrase of each compliant one.  They
    teach the idea of a real message rather than its words; never used to set a threshold.  Only variants
    of messages the model trains on (``model_dev``) are read, once per run."""
    if lang not in VARIANT_LANGS:
        return ()
    seeds = {str(item["id"]) for item in model_dev(lang)}
    return tuple(item for item in _read(ROOT / "corpus" / "variants" / f"{lang}.jsonl")
                 if str(item["of"]) in seeds and str(item["id"]).rsplit("-", 1)[-1] in VARIANT_KINDS)


def probes(lang: str) -> list[dict[str, object]]:
    """The probe sets (corpus/probes/<lang>-A and -B): messages written blind to the rules and the corpus,
    violating and compliant, to teach the model more ways of saying a thing than the real dev split
    holds.  Never used to set a threshold: calibration is on real compliant messages only."""
    return [item for part in ("A", "B") for item in _read(ROOT / "corpus" / "probes" / f"{lang}-{part}.jsonl")]


def rule_examples(lang: str) -> list[tuple[str, set[str]]]:
    """The conduct rules' own examples (written by the team, like the synthetic corpus, so weighted like
    it): each ``fire`` example labelled with its rule's category, each ``silent`` one compliant.  They
    teach the model the vocabulary of every rule (out of fold on the real English dev split, recall at
    2% false alarms rose from 0.36 to 0.44; Chinese from 0.43 to 0.47)."""
    from collectlint.packs.loader import load_rules
    from collectlint.packtests import unpin

    prefix = "CN" if lang == "zh" else "US"
    out: list[tuple[str, set[str]]] = []
    for rule in sorted(load_rules(), key=lambda r: r.id):
        if not rule.id.startswith(prefix) or rule.category.value not in CATEGORIES:
            continue
        out += [(unpin(e)[0], {rule.category.value}) for e in rule.examples.fire]
        out += [(unpin(e)[0], set()) for e in rule.examples.silent]
    return out


def word_classes(lang: str) -> WordClasses:
    """The rule packs' lexicon (rules/<lang>/lexicon.yaml, read and expanded by the pack loader) as the
    model's word classes, each word cleaned the way message text is; shipped with the model so later
    lexicon edits never shift its features."""
    from collectlint.packs.loader import load_lexicon
    from collectlint.yamlspec import yamlloc

    path = ROOT / "rules" / lang / "lexicon.yaml"
    classes: dict[str, list[str]] = {}
    load_lexicon(path, yamlloc.load(path.read_text(encoding="utf-8")), classes)
    members = {}
    for name in sorted(classes):
        words = sorted({cleaned(w, lang).strip() for w in classes[name]} - {""})
        if words:
            members[name] = tuple(words)
    return WordClasses(lang, members)


# Languages whose violation model adds a Bernoulli naive Bayes to the logistic regression: both are
# linear in the binary features, so their sum (each scaled by the spread of its out-of-fold scores) is
# one linear model, shipped and scored like any other.  Naive Bayes does well on little data: on the
# English dev split (109 violating), out of fold with folds grouped by source, three seeds, recall at
# 2% false alarms rose from 0.41 to 0.47 (at 5%: 0.51 to 0.55).  On Chinese it fell in session 6 (0.59
# to 0.56); with the features and variants of session 11 it gains: recall averaged over 1-5% false
# alarms (six fold shuffles, ``MIN_DF`` 5) 0.629 -> 0.662, at 1% 0.37 -> 0.44, at 3% 0.67 -> 0.72.
WITH_NAIVE_BAYES = ("en", "zh")
# A feature must occur in at least this many of a model's training messages (chosen on the training rows
# of each fold when out of fold, see ``common``).  An n-gram seen once or twice teaches little that
# carries to a new source, and the naive Bayes keeps every feature, so this also sets the size of the
# shipped violation model.  Out of fold as above: Chinese 0.676 with every feature (255,000), 0.667 at
# 2 (76,000), 0.662 at 5 (23,000, equal at the 3% level: 0.725, 0.715, 0.719), so 5; English 0.583 with
# every feature (91,000) and at 2 (32,000), 0.564 at 5, so 2.
MIN_DF = {"zh": 5, "en": 2}
NB_ALPHA = 0.5
# How much of the violation model's score comes from the naive Bayes (the logistic regression gives the
# rest), each model's score first divided by the spread of its out-of-fold scores; 0.5 weighs them alike.
# Out of fold on the real dev splits (six fold shuffles, folds grouped by source; session 27), recall at the
# language's default false-alarm share (recall averaged over 1, 2, 3 and 5% in brackets), by naive Bayes share:
#   English at 2%: 0.5 0.533 (0.545), 0.6 0.549 (0.555), 0.8 0.565 (0.563), 0.9 0.567 (0.562), 1.0 0.561 (0.558);
#   Chinese at 3%: 0.2 0.637 (0.578), 0.3 0.655 (0.591), 0.4 0.663 (0.595), 0.5 0.642 (0.586), 0.7 0.637 (0.577).
# Measured again after that session's small lexicon and rule-example edits: English 0.519 (0.541) at 0.5 and 0.582
# (0.575) at 0.8, the same gain; Chinese 0.648 (0.585) at 0.5, 0.643 (0.587) at 0.4, 0.639 (0.580) at 0.3, so its
# first gain was noise (a one-example edit moved its recall by 0.02) and Chinese keeps equal weights.
NB_SHARE = {"zh": 0.5, "en": 0.8}


def mixing(lang: str, scale: tuple[float, float]) -> tuple[float, float]:
    """The factors that turn the logistic regression's and the naive Bayes's scores into the violation
    model's: each divided by its spread (``scale``) and weighted by ``NB_SHARE`` (equal shares give 1/spread)."""
    return 2 * (1 - NB_SHARE[lang]) / scale[0], 2 * NB_SHARE[lang] / scale[1]


def naive_bayes(x: object, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float]:
    """A naive Bayes over the present features as a linear model: (weights, bias) of its log-odds.

    Each present feature adds log p1/p0 (its smoothed frequency among violating over compliant
    messages, from a Bernoulli model's estimates); the bias is the class prior.  A full Bernoulli model
    also adds log (1-p1)/(1-p0) for every absent feature, which makes a text with few features look
    like a violation: with it a four-character neutral text (杀毒软件, 谢谢) scored about the Chinese
    threshold.  Out of fold (six fold shuffles, recall averaged over 1-5% false alarms) the
    present-only form gave Chinese 0.666 against 0.662 and English 0.586 against 0.583."""
    from sklearn.naive_bayes import BernoulliNB

    nb = BernoulliNB(alpha=NB_ALPHA).fit(x, y, sample_weight=w)
    log_p = nb.feature_log_prob_  # [class, feature]
    weights = log_p[1] - log_p[0]
    bias = float(nb.class_log_prior_[1] - nb.class_log_prior_[0])
    return weights, bias


class Linear:
    """Weights and bias of a linear model over the feature columns (scored at run time as a sigmoid of
    the decision)."""

    def __init__(self, coef: np.ndarray, bias: float) -> None:
        self.coef, self.bias = coef, bias

    def decision(self, x: object) -> np.ndarray:
        return np.asarray(x @ self.coef).ravel() + self.bias  # type: ignore[operator]


def fit_linear(x: object, y: np.ndarray, w: np.ndarray, lang: str, scale: tuple[float, float] | None = None) -> Linear:
    """The logistic regression as a ``Linear``; with ``scale`` (the spreads of the two models' scores)
    the sum of it and the naive Bayes, each divided by its spread."""
    lr = fit(x, y, w, lang)
    coef, bias = lr.coef_[0].astype(float), float(lr.intercept_[0])
    if scale is None:
        return Linear(coef, bias)
    nb_coef, nb_bias = naive_bayes(x, y, w)
    lr_part, nb_part = mixing(lang, scale)
    return Linear(coef * lr_part + nb_coef * nb_part, bias * lr_part + nb_bias * nb_part)


def out_of_fold(x: object, y: np.ndarray, w: np.ndarray, lang: str, folds: list[tuple[np.ndarray, np.ndarray]],
                with_nb: bool) -> tuple[np.ndarray, tuple[float, float] | None]:
    """Out-of-fold probabilities, and for the sum with naive Bayes the spreads (standard deviations) of
    the two models' out-of-fold scores, which weigh them; each fold's models are fitted once."""
    lr_scores, nb_scores = np.zeros(len(y)), np.zeros(len(y))
    for tr, te in folds:
        keep = common(x[tr], lang)  # type: ignore[index]
        train, test = columns(x[tr], keep), columns(x[te], keep)  # type: ignore[index]
        lr_scores[te] = fit_linear(train, y[tr], w[tr], lang).decision(test)
        if with_nb:
            nb_coef, nb_bias = naive_bayes(train, y[tr], w[tr])
            nb_scores[te] = Linear(nb_coef, nb_bias).decision(test)
    scale = (float(lr_scores.std()) or 1.0, float(nb_scores.std()) or 1.0) if with_nb else None
    z = lr_scores
    if scale is not None:
        lr_part, nb_part = mixing(lang, scale)
        z = lr_scores * lr_part + nb_scores * nb_part
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50))), scale


def pooled_out_of_fold(x: Any, y: np.ndarray, w: np.ndarray, lang: str, groups: Any, with_nb: bool
                       ) -> tuple[np.ndarray, tuple[float, float] | None]:
    """The out-of-fold scores of every fold shuffle of ``FOLD_SEEDS``, one after another, and for the sum
    with naive Bayes the mean spreads of the two models' scores.  Folds are grouped by source, so a
    threshold is set on scores of sources the fold's model never saw, as the messages a user checks are;
    the shuffles are pooled because one shuffle's quantile of about 300 compliant messages moved with
    every small batch."""
    runs = []
    for seed in FOLD_SEEDS:
        splitter = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
        runs.append(out_of_fold(x, y, w, lang, list(splitter.split(np.zeros(len(y)), y, groups)), with_nb))
    spreads = [spread for _, spread in runs if spread is not None]
    scale = (float(np.mean([a for a, _ in spreads])), float(np.mean([b for _, b in spreads]))) if spreads else None
    return np.concatenate([scores for scores, _ in runs]), scale


def threshold_at(negatives: np.ndarray, share: float, floor: float) -> float:
    """The lowest score that at most ``share`` of the real compliant messages reach (``negatives``: their
    out-of-fold scores, highest first), never below ``floor``."""
    allowed = int(share * len(negatives))
    return max(floor, float(negatives[allowed]) + 1e-6 if len(negatives) > allowed else floor)


def fit(x: object, y: np.ndarray, w: np.ndarray, lang: str = "zh") -> LogisticRegression:
    model = LogisticRegression(C=C[lang], solver="liblinear", class_weight="balanced", max_iter=1000, random_state=0)
    model.fit(x, y, sample_weight=w)
    return model


def matrix(texts: list[str], lang: str, classes: WordClasses) -> tuple[Any, np.ndarray]:
    """The binary feature matrix of ``texts`` (every feature) and the feature names of its columns.
    Which columns a model may use (``common``) is decided on the texts it trains on."""
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{f: 1 for f in sorted(features(t, lang, classes))} for t in texts]).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear accepts 32-bit indices only
    x.indptr = x.indptr.astype(np.int32)
    return x, vec.get_feature_names_out()


def common(x: Any, lang: str) -> np.ndarray:
    """The columns of ``x`` (a model's training rows) whose feature occurs in at least ``MIN_DF`` rows.
    Out of fold, they are chosen on the fold's training rows only: a feature that reached ``MIN_DF``
    only with the messages it is scored on would make the out-of-fold scores optimistic."""
    return np.flatnonzero(np.asarray((x > 0).sum(axis=0)).ravel() >= MIN_DF[lang])


def columns(x: Any, keep: np.ndarray) -> Any:
    out = x[:, keep].tocsr()
    out.indices = out.indices.astype(np.int32)
    out.indptr = out.indptr.astype(np.int32)
    return out


def train(lang: str, profile: str) -> None:
    texts, labels, weights, real_compliant = training_set(lang)
    if not texts:
        print(f"{lang}: no training data")
        return
    classes = word_classes(lang)
    x, every_name = matrix(texts, lang, classes)  # out of fold, each fold chooses its own columns
    keep = common(x, lang)
    shipped, names = columns(x, keep), every_name[keep]  # the shipped models' columns
    w = np.array(weights)
    compliant = np.array(real_compliant)
    n_real = len(model_dev(lang))
    groups = groups_of(lang, len(texts))
    is_real = np.arange(len(texts)) < n_real  # the dev split comes first; synthetic items follow
    out: dict[str, object] = {}
    print(f"{lang}: {len(texts)} training messages ({int(compliant.sum())} real compliant), {len(names)} features")
    for cat in [ANY, *CATEGORIES]:
        y = np.array([bool(lab) if cat == ANY else cat in lab for lab in labels], dtype=int)
        if y.sum() < 5:
            print(f"  {cat:<18} skipped: {int(y.sum())} positives")
            continue
        oof, scale = pooled_out_of_fold(x, y, w, lang, groups, cat == ANY and lang in WITH_NAIVE_BAYES)
        pooled_compliant = np.tile(compliant, len(FOLD_SEEDS))
        neg = np.sort(oof[pooled_compliant])[::-1]
        floor = MIN_THRESHOLD_ANY if cat == ANY else MIN_THRESHOLD

        def at(share: float, neg: np.ndarray = neg, floor: float = floor) -> float:
            return threshold_at(neg, share, floor)

        threshold = at(shares(lang)[DEFAULT_SENSITIVITY] if cat == ANY else MAX_FA)
        by_sensitivity = {name: round(at(share), 4) for name, share in shares(lang).items()} if cat == ANY else {}
        real_pos = y.astype(bool) & is_real
        pooled_pos = np.tile(real_pos, len(FOLD_SEEDS))
        recall = float((oof[pooled_pos] >= threshold).mean()) if real_pos.any() else float("nan")
        fa = float((oof[pooled_compliant] >= threshold).mean()) if compliant.any() else float("nan")
        model = fit_linear(shipped, y, w, lang, scale)
        coef = model.coef
        # Naive Bayes weighs every feature a little: its model keeps them all, so the shipped scores are
        # the ones calibrated here.
        kept = len(coef) if scale is not None else KEEP
        order = np.argsort(-np.abs(coef), kind="stable")[:kept]
        weights_out = {str(names[i]): round(float(coef[i]), 4) for i in sorted(order) if abs(coef[i]) >= 1e-4}
        out[cat] = {"bias": round(model.bias, 4), "threshold": round(threshold, 4), "weights": weights_out,
                    "thresholds": by_sensitivity}
        print(f"  {cat:<18} positives {int(y.sum()):>4} (real {int(real_pos.sum()):>3})  threshold {threshold:.3f}  "
              f"out-of-fold real recall {recall:.3f}  FA {fa:.3f}")
        for name, level in by_sensitivity.items():
            print(f"    sensitivity {name:<6} threshold {level:.3f}  out-of-fold real recall "
                  f"{float((oof[pooled_pos] >= level).mean()):.3f}  FA {float((oof[pooled_compliant] >= level).mean()):.3f}")
    folder = ROOT / "src" / "collectlint" / "model" / "data" / profile
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*"):
        stale.unlink()
    manifest: dict[str, object] = {}
    for cat, entry in out.items():
        assert isinstance(entry, dict)
        name = f"{cat}.json.gz"
        blob = json.dumps(entry["weights"], ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        (folder / name).write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
        manifest[cat] = {"bias": entry["bias"], "threshold": entry["threshold"], "file": name}
        if entry["thresholds"]:
            manifest[cat]["thresholds"] = entry["thresholds"]
    blob = json.dumps({k: list(v) for k, v in classes.members.items()}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")
    (folder / "classes.json.gz").write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    trained_on = " + ".join(part for part in (
        f"corpus/real/{lang}/dev.jsonl", f"rule examples (weight {SYNTHETIC_WEIGHT})",
        f"probe sets (weight {PROBE_WEIGHT})",
        "synthetic corpus (weight 0.35)" if lang == "zh" else "",
        f"variants {'/'.join(VARIANT_KINDS)} (weight {VARIANT_WEIGHT})" if lang in VARIANT_LANGS else "",
        f"sentences of real compliant dev messages (weight {CROP_WEIGHT[lang]})" if CROP_WEIGHT[lang] else "",
    ) if part)
    data = {"format": FORMAT, "language": lang, "profile": profile, "categories": manifest, "trained_on": trained_on,
            "classes": "classes.json.gz"}
    (folder / "manifest.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n",
                                          encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.iterdir())
    print(f"  wrote {folder.relative_to(ROOT)}/ ({size // 1024} KiB)")


if __name__ == "__main__":
    train("zh", "zh-CN")
    train("en", "en-US")
