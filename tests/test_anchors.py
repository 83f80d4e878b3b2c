"""Regex anchors: every match contains one of them, so skipping a document without any is exact."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from collectlint.anchors import anchors
from collectlint.packs.loader import load_rules

REGEX_RULES = [r for r in load_rules() if r.check.kind == "regex"]


def test_derivation_takes_the_longest_fixed_run_of_each_alternative() -> None:
    assert anchors("ab|c(d|e)f|g+h") == ["ab", "c", "g"]
    assert anchors("(?:拉|挂)(?:个|条)?横幅|花圈") == ["横幅", "花圈"]
    assert anchors("[ab]c?") is None  # nothing fixed: the rule runs everywhere
    assert anchors("(?i)abc") is None  # flags change what a literal matches: not modelled


def test_every_shipped_regex_match_contains_an_anchor() -> None:
    corpus = Path(__file__).resolve().parent.parent.joinpath("corpus", "zh.jsonl").read_text(encoding="utf-8").splitlines()
    checked = 0
    for rule in REGEX_RULES:
        found = anchors(rule.check.source)
        if found is None:
            continue
        pattern = re.compile(rule.check.source)
        for text in [*corpus, *rule.examples.fire]:
            for m in pattern.finditer(text):
                checked += 1
                assert any(a in m.group() for a in found), (rule.id, m.group(), found)
    assert checked > 20


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([r for r in REGEX_RULES if anchors(r.check.source)]),
       st.text(alphabet="你我他还钱法院冻结查封半夜凌晨点限小时内电话打每天一直今晚最后工资12 ，。", max_size=40))
def test_no_anchor_means_no_match(rule: object, text: str) -> None:
    found = anchors(rule.check.source)  # type: ignore[attr-defined]
    assert found is not None
    if not any(a in text for a in found):
        assert re.search(rule.check.source, text) is None  # type: ignore[attr-defined]
