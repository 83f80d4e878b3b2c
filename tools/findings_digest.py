"""Write (or check) ``tests/data/findings.jsonl``: every finding on every message of the synthetic
corpus and the real splits, one line per message.

Speed work must leave findings exactly as they were; ``tests/test_findings_unchanged.py`` compares a
fresh run with this file.  After a deliberate change to rules, model or corpus, rewrite it and read the
diff in review:

    python tools/findings_digest.py            # rewrite tests/data/findings.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "findings.jsonl"


def corpus_files() -> list[Path]:
    real = ROOT / "corpus" / "real"
    return [ROOT / "corpus" / "zh.jsonl", *sorted([*real.glob("*/dev.jsonl"), *real.glob("*/test.jsonl")])]


def lines() -> Iterator[str]:
    """One JSON line per message: its key (file and id) and its findings, sorted; each finding as rule,
    category, start, end, severity, source, confidence and its further categories."""
    from collectlint.api import Linter

    linter = Linter()
    for path in corpus_files():
        rel = path.relative_to(ROOT).as_posix()
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not raw.strip():
                continue
            item = json.loads(raw)
            found = sorted([f.rule_id, f.category.value, f.span.start, f.span.end, f.severity.value, f.source, f.confidence,
                            [c.value for c in f.also_categories]]
                           for f in linter.lint_text(str(item["text"])))
            yield json.dumps([f"{rel}:{item.get('id', n)}", found], ensure_ascii=False)


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    OUT.write_text("".join(line + "\n" for line in lines()), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
