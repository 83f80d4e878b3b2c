from __future__ import annotations

from pathlib import Path

import pytest

from collectlint.api import Linter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


def ids(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {f.rule_id for f in findings}
