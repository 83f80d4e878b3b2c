"""jieba, alone and through spaCy.  jieba's dictionary is process-wide, so it is only touched here.

Start-up cost decides how fast a pre-commit hook feels, so two choices keep it low:

* jieba loads a trimmed copy of its own dictionary (words with frequency >= ``MIN_FREQ``: about 105k of
  349k entries), written once to the user's cache folder from the installed jieba.  Loading it takes
  about a quarter of the full dictionary's time; rule phrases are registered on top, so they always
  stay whole.  Rare words may segment differently, which only matters next to a rule phrase.
* Phrase-boundary checks call jieba's segmenter directly: spaCy's Chinese tokenizer with
  ``segmenter = "jieba"`` yields exactly jieba's tokens (a test keeps the two equal), and importing
  spaCy costs most of a second.  The spaCy pipeline is built only for token-pattern checks.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_LOCK = threading.Lock()
_REGISTERED: set[str] = set()
# Frequency given to rule phrases so jieba keeps them whole ("我们会上门" -> 我们/会/上门).
_PHRASE_FREQ = 200_000
MIN_FREQ = 10


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "collectlint"


def _trimmed_dictionary(jieba: Any) -> str | None:
    source = Path(jieba.__file__).resolve().parent / "dict.txt"
    try:
        # Keyed by the dictionary's size and a hash of its ends, not its path or time, so every
        # virtualenv with the same jieba shares one copy.
        with source.open("rb") as fh:
            head = fh.read(4096)
            size = fh.seek(0, 2)
            fh.seek(max(0, size - 4096))
            tail = fh.read()
        tag = hashlib.sha256(head + tail).hexdigest()[:12]
        target = _cache_dir() / f"jieba-dict-min{MIN_FREQ}-{size}-{tag}.txt"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            kept = []
            with source.open(encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split(" ")
                    if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQ:
                        kept.append(line if line.endswith("\n") else line + "\n")
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.writelines(kept)
            os.replace(tmp, target)
        return str(target)
    except OSError:
        return None  # read-only home or missing dictionary: fall back to jieba's full dictionary


@functools.lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if os.environ.get("COLLECTLINT_FULL_JIEBA_DICT") != "1":
        trimmed = _trimmed_dictionary(jieba)
        if trimmed is not None:
            jieba.set_dictionary(trimmed)
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
        segment.cache_clear()  # segmentations made before these words were known are stale


def registered() -> set[str]:
    """Rule phrases registered with jieba so far."""
    return _REGISTERED


@functools.lru_cache(maxsize=1)
def pipeline() -> Any:
    """spaCy's Chinese pipeline with the jieba segmenter chosen explicitly (the default is per character)."""
    import spacy

    _jieba()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@functools.lru_cache(maxsize=32768)
def segment(text: str) -> list[tuple[int, int]]:
    """Token character ranges of ``text``, as spaCy's jieba-backed tokenizer would give them.

    Cached: template exports repeat the same sentences many times.
    """
    jieba = _jieba()
    return [(start, end) for _, start, end in jieba.tokenize(text) if not text[start:end].isspace()]
