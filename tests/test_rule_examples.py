"""Every rule's examples are tests: each `fire` example must produce that rule, each `silent` must not."""

from __future__ import annotations

import pytest

from collectlint.packs.loader import load_rules
from collectlint.packs.rule import Rule
from collectlint.packtests import ExampleRunner

RULES = load_rules()
RUNNER = ExampleRunner()


def _cases(kind: str) -> list[tuple[Rule, str]]:
    return [(r, ex) for r in RULES for ex in getattr(r.examples, kind)]


@pytest.mark.parametrize(("rule", "text"), _cases("fire"), ids=lambda v: v.id if isinstance(v, Rule) else v)
def test_fire_examples_fire(rule: Rule, text: str) -> None:
    problem = RUNNER.failure(rule, text, "fire")
    assert problem is None, problem


@pytest.mark.parametrize(("rule", "text"), _cases("silent"), ids=lambda v: v.id if isinstance(v, Rule) else v)
def test_silent_examples_stay_silent(rule: Rule, text: str) -> None:
    problem = RUNNER.failure(rule, text, "silent")
    assert problem is None, problem


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_complete(rule: Rule) -> None:
    """The meta-test: docs under every heading, legal basis, examples both ways, a suggestion."""
    for heading in ("what", "why", "basis", "example", "instead"):
        assert getattr(rule.docs, heading).strip(), f"{rule.id}: docs.{heading} is empty"
    assert len(rule.examples.fire) >= 3, f"{rule.id}: fewer than 3 must-fire examples"
    assert len(rule.examples.silent) >= 3, f"{rule.id}: fewer than 3 must-stay-silent examples"
    assert rule.suggestions, f"{rule.id}: no suggestion"
    assert rule.message_zh and rule.message_en


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_basis_cites_the_old_harassment_article_nowhere_and_tags_each_source_once(rule: Rule) -> None:
    """The revised 治安管理处罚法 (in force 2026-01-01) moved the harassment article from 42 to 50; a citation
    of the old number under the old law's name would send a compliance officer to the wrong article.  A
    source tag ([S], [M], [R]) belongs to one source: two in a row is an editing slip."""
    import re

    basis = rule.docs.basis
    assert not re.search(r"治安管理处罚法》?(?:\([^)]*\))?\s*第42条", basis), f"{rule.id}: cites the old Art. 42"
    assert not re.search(r"\[[SMR]\]\s*\[[SMR]\]", basis), f"{rule.id}: a source tag is repeated"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rules_on_unverified_sources_are_not_errors(rule: Rule) -> None:
    """Rules whose strongest source was only read second-hand (S) or is from memory (M) ship as warnings."""
    from collectlint.models import Severity

    if rule.docs.source_status != "R":
        assert rule.severity < Severity.ERROR, f"{rule.id} rests on [{rule.docs.source_status}] sources"


def test_every_conduct_category_has_three_rules() -> None:
    from collectlint.models import CONDUCT, Category

    for category in (*CONDUCT, Category.MISSING_ELEMENT):
        count = sum(1 for r in RULES if r.category is category)
        assert count >= 3, f"category {category.value} has only {count} rules"
