from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests write compiled-rule caches for many throw-away rule folders: keep them out of the user's cache.
os.environ["XDG_CACHE_HOME"] = os.environ.get("COLLECTLINT_TEST_CACHE") or tempfile.mkdtemp(prefix="collectlint-cache-")

from collectlint.api import Linter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


def ids(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {f.rule_id for f in findings}
