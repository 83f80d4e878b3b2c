"""Snapshots of whole rendered outputs for the shipped examples and the sample template repository.

A change in what users see shows up as a diff of ``tests/snapshots/`` in review.  To accept a change
deliberately: ``COLLECTLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py`` and read the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
INPUTS = ["examples/bad_letter.md", "examples/good_reminder.md",
          *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "templates").rglob("*") if p.is_file())]
FORMATS = ["text", "json", "sarif", "github", "junit"]


def _render(path: str, fmt: str) -> str:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, ["check", "--format", fmt, path])
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1), result.output
    # Tool version strings and the machine's checkout folder are not behaviour.
    out = re.sub(r'("version": ")\d+\.\d+\.\d+(")', r"\g<1>X\2", result.stdout)
    out = re.sub(r'("fullName": "collectlint )\d+\.\d+\.\d+(")', r"\g<1>X\2", out)
    return out.replace(ROOT.as_uri(), "file:///ROOT")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", INPUTS)
def test_output_matches_snapshot(path: str, fmt: str) -> None:
    name = path.replace("/", "__") + "." + fmt
    snapshot = SNAPSHOTS / name
    got = _render(path, fmt)
    if os.environ.get("COLLECTLINT_UPDATE_SNAPSHOTS") == "1" or not snapshot.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(got, encoding="utf-8")
        if os.environ.get("CI") == "true":
            pytest.fail(f"snapshot {name} was missing in CI")
    assert got == snapshot.read_text(encoding="utf-8"), f"{name} changed; review and update deliberately"
