"""The shortcut that answers "is this one character a token?" without loading spaCy agrees with spaCy
wherever it answers, on every English message of the corpora."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from collectlint.nlp import en
from collectlint.nlp.tokens import Tokens, surely_alone
from collectlint.normalize import has_han, normalize
from collectlint.profiles.profile import get_profile

ROOT = Path(__file__).resolve().parents[1]


def _english_texts() -> list[str]:
    texts = []
    for path in [*ROOT.glob("corpus/real/en/*.jsonl"), *ROOT.glob("corpus/probes/en-*.jsonl")]:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_the_shortcut_never_contradicts_spacy() -> None:
    profile = get_profile("en-US")
    texts = _english_texts()
    assert len(texts) > 2000
    answered = 0
    for raw in texts:
        text = normalize(raw, profile.folding).text
        bounds = [0, *(m.end() for m in profile.sentence_end.finditer(text)), len(text)]
        for s0, s1 in itertools.pairwise(bounds):
            sentence = text[s0:s1]
            positions = [i for i, ch in enumerate(sentence) if not ch.isspace() and not has_han(ch)
                         and surely_alone(sentence, i)]
            if not positions:
                continue
            tokens = Tokens(en.segment(sentence))
            for i in positions:
                answered += 1
                assert tokens.aligned(i, i + 1), (sentence, i)
    assert answered > 3000  # the shortcut is used, not only defined
