"""The variant sets (corpus/variants): written from real dev messages, never from test ones, kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_files import load_script, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ROOT / "corpus" / "variants"
LANGS = ("en", "zh")


@pytest.mark.parametrize("lang", LANGS)
def test_every_variant_varies_a_dev_message_and_is_marked_as_not_real(lang: str) -> None:
    dev = {str(r["id"]): r for r in read_jsonl(ROOT / "corpus" / "real" / lang / "dev.jsonl")}
    test_ids = {str(r["id"]) for r in read_jsonl(ROOT / "corpus" / "real" / lang / "test.jsonl")}
    for item in read_jsonl(VARIANTS / f"{lang}.jsonl"):
        assert item["synthetic"] is True
        assert item["of"] in dev and item["of"] not in test_ids
        if str(item["id"]).rsplit("-", 1)[1].startswith("c"):
            assert item["expected"] == []
        else:
            assert set(item["expected"]) <= set(dev[str(item["of"])]["expected"])  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_no_variant_is_or_resembles_a_real_test_message(lang: str) -> None:
    build = load_script("corpus/variants/build.py")
    test = [build.shingles(str(r["text"])) for r in read_jsonl(ROOT / "corpus" / "real" / lang / "test.jsonl")]
    real = {" ".join(str(r["text"]).split()) for split in ("dev", "test")
            for r in read_jsonl(ROOT / "corpus" / "real" / lang / f"{split}.jsonl")}
    for item in read_jsonl(VARIANTS / f"{lang}.jsonl"):
        text = " ".join(str(item["text"]).split())
        assert text not in real, item["id"]
        grams = build.shingles(text)
        assert all(build.overlap(grams, t) < build.TEST_OVERLAP for t in test), item["id"]


def test_the_build_refuses_a_paraphrase_that_adds_a_category() -> None:
    build = load_script("corpus/variants/build.py")
    seeds = {"x-1": {"id": "x-1", "expected": ["threat"]}}
    good = {"id": "x-1-p1", "of": "x-1", "text": "t", "expected": ["threat"]}
    assert build.check(good, seeds, "here")["synthetic"] is True
    with pytest.raises(ValueError, match="may not add"):
        build.check({**good, "expected": ["threat", "insult"]}, seeds, "here")
    with pytest.raises(ValueError, match="must be compliant"):
        build.check({**good, "id": "x-1-c"}, seeds, "here")
    with pytest.raises(LookupError, match="not a message of the real dev split"):
        build.check({**good, "id": "y-1-p1", "of": "y-1"}, seeds, "here")


def test_overlap_counts_a_short_text_inside_a_long_one() -> None:
    build = load_script("corpus/variants/build.py")
    short, long = build.shingles("pay now or else"), build.shingles("dear sir, pay now or else we act")
    assert build.overlap(short, long) == 1.0
    assert build.overlap(build.shingles("abcdefgh"), build.shingles("zyxwvuts")) == 0.0
