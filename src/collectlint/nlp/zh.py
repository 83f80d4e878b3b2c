"""jieba through spaCy.  jieba's dictionary is process-wide, so it is only touched here."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable
from typing import Any

_LOCK = threading.Lock()
_REGISTERED: set[str] = set()
# Frequency given to rule phrases so jieba keeps them whole ("我们会上门" -> 我们/会/上门).
_PHRASE_FREQ = 200_000


@functools.lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def register_phrases(phrases: Iterable[str]) -> None:
    """Add rule phrases to jieba's dictionary so a phrase is never split across tokens."""
    new = [p for p in phrases if p not in _REGISTERED and len(p) > 1]
    if not new:
        return
    jieba = _jieba()
    with _LOCK:
        for phrase in new:
            jieba.add_word(phrase, _PHRASE_FREQ)
            _REGISTERED.add(phrase)


@functools.lru_cache(maxsize=1)
def pipeline() -> Any:
    import spacy

    _jieba()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def segment(text: str) -> list[tuple[int, int]]:
    """Token character ranges of ``text``."""
    doc = pipeline()(text)
    return [(t.idx, t.idx + len(t.text)) for t in doc]
