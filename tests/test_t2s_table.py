"""The shipped Traditional->Simplified character table is OpenCC's own answer, character by character."""

from __future__ import annotations

import sys
from pathlib import Path

from collectlint import normalize
from collectlint.t2s_table import RANGES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import build_t2s  # (tools/build_t2s.py: what OpenCC changes, character by character)


def test_table_equals_opencc_for_every_han_character() -> None:
    assert RANGES == build_t2s.RANGES  # the shipped table covers what the tool would cover today
    expected = build_t2s.changed()  # OpenCC itself, run now
    assert normalize._t2s_chars() == expected
    assert len(expected) > 4000  # the table is not empty: 這->这, 債->债 ...
    assert normalize._t2s_chars()["債"] == "债"


def test_normalize_folds_traditional_without_building_opencc() -> None:
    normalize._t2s.cache_clear()
    normalize._TABLES.clear()
    try:
        # The full-width comma folds too.
        assert normalize.normalize("您的債務已逾期，請儘快還款").text == "你的债务已逾期,请尽快还款"
        assert normalize._t2s.cache_info().currsize == 0  # single characters never need the converter
    finally:
        normalize._TABLES.clear()


def test_several_character_folds_still_go_through_opencc() -> None:
    normalize._TABLES.clear()
    try:
        # ㍿ folds (NFKC) to four characters; they are converted together, as before.
        assert normalize.normalize("㍿").text == normalize.to_simplified("株式会社")
    finally:
        normalize._TABLES.clear()
