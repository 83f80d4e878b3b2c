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
