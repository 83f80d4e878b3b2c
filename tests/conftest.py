from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests write compiled-rule caches for many throw-away rule folders: keep them out of the user's cache.
os.environ["XDG_CACHE_HOME"] = os.environ.get("COLLECTLINT_TEST_CACHE") or tempfile.mkdtemp(prefix="collectlint-cache-")

from collectlint.api import Linter, Options

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run tests marked slow (always on in CI)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests (pre-commit try-repo, Chromium) run in CI (CI=true) or with --runslow; skipped locally."""
    if config.getoption("--runslow") or os.environ.get("CI") == "true":
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow (CI runs it)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="session")
def rule_linter() -> Linter:
    """Every rule's own findings: two rules over the same words both report (``overlap`` merges them)."""
    return Linter(options=Options(merge_overlapping=False))


def ids(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {f.rule_id for f in findings}
