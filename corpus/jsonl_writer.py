"""Write hand-written message lists as corpus JSONL (shared by the hold-out and blind-set builders)."""

from __future__ import annotations

import json
from pathlib import Path

Entry = tuple[str, "str | None", "str | None", list[str]]


def write(out: Path, prefix: str, provenance: str, messages: list[Entry]) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for n, (text, channel, stage, expected) in enumerate(messages, 1):
            fh.write(json.dumps({"id": f"{prefix}-{n:03d}", "text": text, "channel": channel, "stage": stage,
                                 "expected": sorted(set(expected)), "provenance": provenance},
                                ensure_ascii=False) + "\n")
    print(f"wrote {len(messages)} messages to {out}")
