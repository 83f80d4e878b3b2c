"""Very large messages are checked in chunks, so time and memory stay linear.

A chunk ends at a line break where one is near, else at sentence punctuation, else anywhere; chunks
then overlap by ``OVERLAP`` characters so a phrase cut by a hard boundary is still seen whole.
Sentences never span a line break for the conduct rules, so cutting at line breaks changes nothing;
a text this large is an export, not one message, so required elements are not checked on it.
"""

from __future__ import annotations

from collections.abc import Iterator

CHUNK = 64 * 1024
LARGE = 256 * 1024
OVERLAP = 200
_SENTENCE = "。！？!?；;"


def chunks(text: str) -> Iterator[tuple[int, int]]:
    """[start, end) ranges covering ``text``."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + CHUNK)
        if end < n:
            window = text[start + CHUNK // 2 : end]
            cut = window.rfind("\n")
            if cut != -1:
                end = start + CHUNK // 2 + cut + 1
                yield start, end
                start = end
                continue
            cut = max(window.rfind(c) for c in _SENTENCE)
            if cut != -1:
                end = start + CHUNK // 2 + cut + 1
                yield start, end
                start = end
                continue
            yield start, end
            start = end - OVERLAP
            continue
        yield start, end
        start = end
