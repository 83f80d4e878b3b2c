"""Does the model's calibration hold on sources it never saw?  (Dev split only; never the test split.)

    python tools/calibration_check.py zh [salts] [train-percent]     # or en

Holds out 30% of the real dev *sources* (by a salted hash of the source group), calibrates and fits
the violation model on the rest exactly as ``train_model`` does (grouped out-of-fold scores pooled over
the fold shuffles), and prints, per salt and on average, the false-alarm rate and recall on the held-out
messages at the nominal 1%, 2%, 3% and 5% levels (``medium`` is 2% for English, 3% for Chinese).

With ``train-percent`` below 100 the model trains and calibrates on only that share of the remaining
sources (by another salted hash); a salt holds out the same messages whatever the share, so the runs
at 50, 75 and 100 are a learning curve: what more data of the same kind would give, before anyone
collects it.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
import train_model as tm

LEVELS = (0.01, 0.02, 0.03, 0.05)


def main(lang: str, salts: int, train_percent: int = 100) -> None:
    texts, labels, weights, real_compliant = tm.training_set(lang)
    n_real = len(tm.model_dev(lang))
    groups = np.array(tm.groups_of(lang, len(texts)))
    x, _ = tm.matrix(texts, lang, tm.word_classes(lang))
    y = np.array([bool(lab) for lab in labels], dtype=int)
    w, compliant = np.array(weights), np.array(real_compliant)
    real = np.arange(len(texts)) < n_real
    with_nb = lang in tm.WITH_NAIVE_BAYES
    rows = []
    for salt in range(salts):
        # A held-out source's messages are scored; they and the variants of them are kept out of training.
        held = np.array([not str(groups[i]).startswith("written-")
                         and int(hashlib.sha256(f"{salt}:{groups[i]}".encode()).hexdigest()[:8], 16) % 100 < 30
                         for i in range(len(texts))])
        # A source left out of this round's training (``train_percent``), with the variants of its messages.
        unused = np.array([not str(groups[i]).startswith("written-")
                           and int(hashlib.sha256(f"d{salt}:{groups[i]}".encode()).hexdigest()[:8], 16) % 100
                           >= train_percent
                           for i in range(len(texts))])
        a, b = np.where(~held & ~unused)[0], np.where(held & real)[0]
        oof, scale = tm.pooled_out_of_fold(x[a], y[a], w[a], lang, groups[a], with_nb)
        negatives = np.sort(oof[np.tile(compliant[a], len(tm.FOLD_SEEDS))])[::-1]
        keep = tm.common(x[a], lang)
        model = tm.fit_linear(tm.columns(x[a], keep), y[a], w[a], lang, scale)
        prob = 1.0 / (1.0 + np.exp(-np.clip(model.decision(tm.columns(x[b], keep)), -50, 50)))
        row = []
        for share in LEVELS:
            threshold = tm.threshold_at(negatives, share, tm.MIN_THRESHOLD_ANY)
            row += [float((prob[compliant[b]] >= threshold).mean()), float((prob[y[b] == 1] >= threshold).mean())]
        rows.append(row)
        print(f"salt {salt}: held out {int(compliant[b].sum())} compliant, {int((y[b] == 1).sum())} violating; "
              + "  ".join(f"nominal {s:.0%}: FA {row[2 * k]:.3f} recall {row[2 * k + 1]:.3f}" for k, s in enumerate(LEVELS)))
    mean = np.mean(rows, axis=0)
    print(f"{lang} mean over {salts} salts: "
          + "  ".join(f"nominal {s:.0%}: FA {mean[2 * k]:.3f} recall {mean[2 * k + 1]:.3f}" for k, s in enumerate(LEVELS)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh", int(sys.argv[2]) if len(sys.argv) > 2 else 4,
         int(sys.argv[3]) if len(sys.argv) > 3 else 100)
