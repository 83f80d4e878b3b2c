"""Consistency between code, generated docs and the README."""

from __future__ import annotations

from pathlib import Path

from collectlint.cli import cli
from collectlint.packs.loader import load_rules
from collectlint.ruledocs import rules_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_rule_reference_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(load_rules()), (
        "docs/rules.md is stale: run `collectlint rules --format md > docs/rules.md`"
    )


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"collectlint {name}" in readme, f"command {name} missing from README"
