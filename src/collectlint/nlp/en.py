"""spaCy's English rule-based tokenizer (no statistical model)."""

from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=1)
def pipeline() -> Any:
    import spacy

    return spacy.blank("en")


def segment(text: str) -> list[tuple[int, int]]:
    doc = pipeline()(text)
    return [(t.idx, t.idx + len(t.text)) for t in doc]
