"""The probe sets (corpus/probes): written blind to the rules, kept apart from the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collectlint.evaluate import load_corpus

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "corpus" / "probes"
PARTS = sorted(PROBES.glob("*-[AB].jsonl"))


def _texts(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {" ".join(json.loads(line)["text"].split()) for line in lines if line.strip()}


def test_every_language_has_both_parts() -> None:
    assert {p.name for p in PARTS} == {"en-A.jsonl", "en-B.jsonl", "zh-A.jsonl", "zh-B.jsonl"}


@pytest.mark.parametrize("path", PARTS, ids=lambda p: p.name)
def test_a_probe_part_loads_and_is_marked_as_not_real(path: Path) -> None:
    items = load_corpus(path)
    assert len(items) >= 100
    assert sum(1 for i in items if i.expected) >= 40 and sum(1 for i in items if not i.expected) >= 40
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["synthetic"] is True and record["source"].startswith("probe:")


def test_no_probe_is_in_the_real_corpus() -> None:
    probes = set().union(*(_texts(p) for p in PARTS))
    for split in (ROOT / "corpus" / "real").glob("*/*.jsonl"):
        assert not probes & _texts(split), split


def test_the_parts_do_not_overlap() -> None:
    for lang in ("en", "zh"):
        assert not _texts(PROBES / f"{lang}-A.jsonl") & _texts(PROBES / f"{lang}-B.jsonl")


def _grams(text: str, n: int = 5) -> set[str]:
    folded = " ".join(text.lower().split())
    return {folded[i:i + n] for i in range(len(folded) - n + 1)}


def test_no_probe_nearly_repeats_a_real_test_message() -> None:
    """The model trains on the probes: a probe that reproduces a test message (statutory wording a writer
    knew by heart, say) would leak it.  No probe may hold 90% of the character 5-grams of a test message
    of 40 characters or more, nor the test message 90% of the probe's."""
    index: dict[str, list[int]] = {}
    sizes: list[int] = []
    for split in (ROOT / "corpus" / "real").glob("*/test.jsonl"):
        for text in _texts(split):
            if len(text) < 40:
                continue
            grams = _grams(text)
            for gram in grams:
                index.setdefault(gram, []).append(len(sizes))
            sizes.append(len(grams))
    assert sizes
    close = []
    for text in set().union(*(_texts(p) for p in PARTS)):
        grams = _grams(text)
        shared: dict[int, int] = {}
        for gram in grams:
            for i in index.get(gram, ()):
                shared[i] = shared.get(i, 0) + 1
        close += [text[:80] for i, n in shared.items() if n >= 0.9 * min(sizes[i], len(grams)) and len(grams) >= 36]
    assert not close, close[:3]
