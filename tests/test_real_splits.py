"""The real corpus splits (corpus/real): test holds only real text, and no message sits in both splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_files import load_script, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_test_split_holds_only_real_sourced_messages_the_hash_put_there(lang: str) -> None:
    build = load_script("corpus/real/build.py")
    items = read_jsonl(REAL / lang / "test.jsonl")
    assert len(items) >= 300
    for item in items:
        assert not item.get("synthetic") and item["source"], item["id"]
        assert build.split_of(str(item["text"])) == "test", item["id"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_message_is_in_both_splits_even_in_the_other_script(lang: str) -> None:
    build = load_script("corpus/real/build.py")
    dev = {build.same_text_key(str(i["text"])) for i in read_jsonl(REAL / lang / "dev.jsonl")}
    shared = [i["id"] for i in read_jsonl(REAL / lang / "test.jsonl") if build.same_text_key(str(i["text"])) in dev]
    assert shared == []


def test_one_line_in_two_scripts_is_one_message() -> None:
    build = load_script("corpus/real/build.py")
    traditional, simplified = "您的朋友周XX有筆待還款，煩請轉達。", "您的朋友周XX有笔待还款,烦请转达"
    assert build.same_text_key(traditional) == build.same_text_key(simplified)
    assert build.same_text_key("Pay now.") != build.same_text_key("Pay later.")


def test_an_excluded_record_keeps_its_reason_and_is_in_no_split() -> None:
    """A label audit excludes a record (a phishing text whose words read as an ordinary bill) by giving
    it a reason in raw; it stays there with its provenance and never reaches dev or test."""
    raw = [r for path in sorted((REAL / "raw").glob("*.jsonl")) for r in read_jsonl(path)]
    excluded = [r for r in raw if r.get("excluded")]
    assert excluded, "the session-10 audit excluded records"
    in_splits = {str(i["id"]) for lang in ("en", "zh") for split in ("dev", "test")
                 for i in read_jsonl(REAL / lang / f"{split}.jsonl")}
    for record in excluded:
        assert len(str(record["excluded"])) > 40 and record.get("source"), record["id"]
        assert str(record["id"]) not in in_splits, record["id"]


def test_a_relabelled_message_keeps_its_old_label_and_loses_its_paraphrases() -> None:
    """A label the audit changed records what it was, and the variant build drops the paraphrases
    written against the old label (counterparts, compliant by construction, stay)."""
    for lang in ("en", "zh"):
        relabelled = {str(i["id"]): i for i in read_jsonl(REAL / lang / "dev.jsonl") if i.get("relabelled")}
        assert relabelled, lang
        for item in relabelled.values():
            assert item["relabelled"]["from"] != item["expected"], item["id"]
        variants = read_jsonl(ROOT / "corpus" / "variants" / f"{lang}.jsonl")
        assert not [v["id"] for v in variants if v["of"] in relabelled and "-p" in str(v["id"])[len(v["of"]):]]
