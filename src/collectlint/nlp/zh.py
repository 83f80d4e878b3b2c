"""Chinese segmentation with jieba, one dictionary per session.

jieba's module-level tokenizer is process-wide: a word added for one rule set changes how every later
text is cut, so results would depend on what ran before in the same process.  Each ``Segmenter`` uses
a ``jieba.Tokenizer`` of its own phrase set instead, built once and never changed afterwards.

Start-up cost decides how fast a pre-commit hook feels, so jieba loads a trimmed copy of its own
dictionary (words with frequency >= ``MIN_FREQ``: about 105k of 349k entries), written once to the
user's cache folder from the installed jieba.  Rule phrases are registered on top, so they always stay
whole.  spaCy is used as the token container for token-pattern checks only: its ``Doc`` is built from
this segmenter's tokens (a test keeps the two equal), so spaCy never calls the global jieba.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from collectlint.cachedir import cache_dir, write_private

# Frequency given to rule phrases so jieba keeps them whole ("我们会上门" -> 我们/会/上门).
_PHRASE_FREQ = 200_000
MIN_FREQ = 10
_CACHE_SIZE = 32768


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
        target = cache_dir() / f"jieba-dict-min{MIN_FREQ}-{size}-{tag}.txt"
        if not _valid_dictionary(target):
            kept = []
            with source.open(encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split(" ")
                    if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQ:
                        kept.append(line if line.endswith("\n") else line + "\n")
            write_private(target, "".join(kept).encode("utf-8"))
        return str(target)
    except OSError:
        return None  # read-only home or missing dictionary: fall back to jieba's full dictionary


def _valid_dictionary(path: Path) -> bool:
    """A damaged trimmed dictionary (truncated, garbage) is rebuilt rather than trusted."""
    try:
        with path.open("rb") as fh:
            head = fh.read(256)
            fh.seek(-2, 2)
            last = fh.read()
        first = head.split(b"\n", 1)[0].decode("utf-8").split(" ")
        return len(first) >= 2 and first[1].isdigit() and last.endswith(b"\n")
    except (OSError, UnicodeDecodeError, ValueError):
        return False


_BUILD_LOCK = threading.Lock()


def _import_jieba() -> Any:
    """``import jieba`` without ``pkg_resources``: jieba's compatibility module imports it (about 0.1 s,
    most of a hook run) only to open its own default dictionary, and opens the file directly when the
    import fails.  The block lasts for this one import; ``pkg_resources`` stays importable for others."""
    import sys

    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        import jieba
    finally:
        if blocked and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


def _load_prefix_dictionary(tokenizer: Any, dictionary: str) -> None:
    """Give ``tokenizer`` the prefix dictionary of ``dictionary`` (a trimmed copy in our cache folder)
    from a marshal file of our own, read in one piece: jieba reads its cache with ``marshal.load`` on
    an open file, which takes several times longer than decoding the bytes.  Any problem (a damaged or
    foreign file, a read-only cache) leaves the tokenizer to jieba's own loading."""
    import marshal

    from collectlint.cachedir import private

    target = Path(dictionary + ".prefix")
    try:
        info = os.stat(dictionary)
    except OSError:
        return
    stamp = [info.st_size, info.st_mtime_ns]  # a rebuilt dictionary makes the prefix file stale
    try:
        private(target, directory=False)
        kept, freq, total = marshal.loads(target.read_bytes())
        if kept == stamp and isinstance(freq, dict) and isinstance(total, int) and total > 0:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
            return
    except (OSError, ValueError, EOFError, TypeError):  # UnsafeCache is an OSError
        pass
    try:
        with open(dictionary, "rb") as fh:
            freq, total = tokenizer.gen_pfdict(fh)
        write_private(target, marshal.dumps((stamp, freq, total)))
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    except (OSError, ValueError):
        pass


@functools.lru_cache(maxsize=4)
def _tokenizer_for(phrases: frozenset[str]) -> Any:
    """A jieba tokenizer with the base dictionary plus ``phrases``, never changed after it is built.

    Equal phrase sets share one (a pure function of the set, so sharing hides no state); the global
    ``jieba.dt`` is never touched.
    """
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    with _BUILD_LOCK:
        tokenizer = jieba.Tokenizer()
        if os.environ.get("COLLECTLINT_FULL_JIEBA_DICT") != "1":
            trimmed = _trimmed_dictionary(jieba)
            if trimmed is not None:
                tokenizer = jieba.Tokenizer(trimmed)
                tokenizer.tmp_dir = str(cache_dir())
                _load_prefix_dictionary(tokenizer, trimmed)
        try:
            tokenizer.initialize()  # returns at once when the prefix dictionary is already loaded
        except Exception:  # a damaged jieba cache file: rebuild from the dictionary itself
            import tempfile

            tokenizer.tmp_dir = tempfile.mkdtemp(prefix="collectlint-jieba-")
            tokenizer.initialized = False
            tokenizer.initialize()
        for phrase in sorted(phrases):
            tokenizer.add_word(phrase, _PHRASE_FREQ)
        return tokenizer


class Segmenter:
    """One session's jieba: the base dictionary plus that session's rule phrases, and its own cache."""

    def __init__(self, phrases: Iterable[str] = ()) -> None:
        self.phrases = frozenset(p for p in phrases if len(p) > 1)
        self._tokenizer: Any = None
        self._cache: OrderedDict[str, list[tuple[int, int]]] = OrderedDict()
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"phrases": self.phrases}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["phrases"])  # type: ignore[misc]

    def registered(self) -> frozenset[str]:
        return self.phrases

    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            self._tokenizer = _tokenizer_for(self.phrases)
        return self._tokenizer

    def tokens(self, text: str) -> list[tuple[int, int]]:
        """Every token's character range, whitespace tokens included."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        with self._lock:
            out = [(start, end) for _, start, end in self.tokenizer().tokenize(text)]
            self._cache[text] = out
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return out

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Token character ranges of ``text`` without whitespace tokens.

        Cached per segmenter: template exports repeat the same sentences many times.
        """
        return [(s, e) for s, e in self.tokens(text) if not text[s:e].isspace()]

    def spacy_doc(self, text: str) -> Any:
        """A spaCy ``Doc`` of ``text`` cut by this segmenter (for token-pattern matching)."""
        from spacy.tokens import Doc

        words = [text[s:e] for s, e in self.tokens(text)]
        return Doc(pipeline().vocab, words=words, spaces=[False] * len(words))


@functools.lru_cache(maxsize=1)
def pipeline() -> Any:
    """spaCy's blank Chinese pipeline, used only for its vocabulary: tokens come from a ``Segmenter``."""
    import spacy

    return spacy.blank("zh")
