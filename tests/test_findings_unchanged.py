"""Findings on the synthetic corpus and the real splits are exactly those recorded in
``tests/data/findings.jsonl``: speed work (caches, lazy imports, fast paths) must not change a single
finding.  After a deliberate change of rules, model or corpus, rewrite the file with
``python tools/findings_digest.py`` and review its diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import findings_digest  # noqa: E402


def test_findings_on_every_corpus_message_are_unchanged() -> None:
    recorded = [json.loads(line) for line in findings_digest.OUT.read_text(encoding="utf-8").splitlines()]
    fresh = [json.loads(line) for line in findings_digest.lines()]
    assert len(fresh) > 2000
    assert [key for key, _ in fresh] == [key for key, _ in recorded], \
        "the corpus changed: rewrite tests/data/findings.jsonl with tools/findings_digest.py"
    changed = [(key, old, new) for (key, old), (_, new) in zip(recorded, fresh, strict=True) if old != new]
    assert not changed, f"{len(changed)} message(s) changed, first: {changed[:3]}"
