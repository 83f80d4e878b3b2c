"""The real corpus splits (corpus/real): test holds only real text, and no message sits in both splits."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"


def _build():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("real_build", REAL / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_test_split_holds_only_real_sourced_messages_the_hash_put_there(lang: str) -> None:
    build = _build()
    items = _read(REAL / lang / "test.jsonl")
    assert len(items) >= 300
    for item in items:
        assert not item.get("synthetic") and item["source"], item["id"]
        assert build.split_of(str(item["text"])) == "test", item["id"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_message_is_in_both_splits_even_in_the_other_script(lang: str) -> None:
    build = _build()
    dev = {build.same_text_key(str(i["text"])) for i in _read(REAL / lang / "dev.jsonl")}
    shared = [i["id"] for i in _read(REAL / lang / "test.jsonl") if build.same_text_key(str(i["text"])) in dev]
    assert shared == []


def test_one_line_in_two_scripts_is_one_message() -> None:
    build = _build()
    traditional, simplified = "您的朋友周XX有筆待還款，煩請轉達。", "您的朋友周XX有笔待还款,烦请转达"
    assert build.same_text_key(traditional) == build.same_text_key(simplified)
    assert build.same_text_key("Pay now.") != build.same_text_key("Pay later.")
