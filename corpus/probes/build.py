"""Build the probe sets: messages written blind to the rules, to teach the model and to check the rules.

A probe is a collection message written by a helper who had read only the labelling rules
(corpus/real/LABELLING.md) and the legal reference, never the rule packs, the model or the real corpus;
so a rule tuned on one half of the probes can be checked on the other half, which nobody tuned on.
Probes are not real text: they never enter the real ``test`` split and are reported apart from it.

    python corpus/probes/build.py

reads raw/*.jsonl (id, text, lang, channel, expected, note), validates the records, drops exact
duplicates, and writes {zh,en}-A.jsonl (rules may be tuned on it) and {zh,en}-B.jsonl (never tuned on),
split by a SHA-256 of the text, every record marked ``"synthetic": true``.  The model trains on both
(tools/train_model.py, at ``PROBE_WEIGHT``); its threshold is still set on real compliant messages only.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = {"threat", "false-legal", "third-party", "shaming", "insult", "privacy", "pressure", "misrepresentation"}
CHANNELS = {"sms", "letter", "email", "call", "chat"}
ALIASES = {"voicemail": "call", "text": "sms", "wechat": "chat", "line": "chat", "whatsapp": "chat"}


def part_of(text: str) -> str:
    """A or B, by the first byte of the text's SHA-256: nobody chooses it and it never changes."""
    return "A" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def convert(record: dict[str, object], origin: str) -> dict[str, object]:
    text = str(record.get("text") or "").strip()
    lang = str(record.get("lang") or "")
    if not text or lang not in ("zh-Hans", "zh-Hant", "en"):
        raise ValueError(f"{origin}: needs a text and lang zh-Hans, zh-Hant or en")
    expected = record.get("expected") or []
    if not isinstance(expected, list) or not set(expected) <= CATEGORIES:
        raise ValueError(f"{origin}: bad expected {expected!r}")
    channel = record.get("channel")
    channel = ALIASES.get(str(channel), channel)
    return {"id": str(record["id"]), "text": text, "lang": lang,
            "channel": channel if channel in CHANNELS else None, "expected": sorted(expected),
            "source": f"probe:{origin.split(':')[0]}",
            "provenance": "probe: written blind to the rules, not real text",
            "note": str(record.get("note") or ""), "synthetic": True}


def main() -> int:
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    seen: set[str] = set()
    dropped = 0
    for path in sorted((HERE / "raw").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = convert(json.loads(line), f"{path.name}:{n}")
            except (ValueError, KeyError, json.JSONDecodeError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            key = " ".join(str(item["text"]).split())
            if key in seen:
                dropped += 1
                continue
            seen.add(key)
            lang = "en" if item["lang"] == "en" else "zh"
            out.setdefault((lang, part_of(str(item["text"]))), []).append(item)
    for (lang, part), items in sorted(out.items()):
        target = HERE / f"{lang}-{part}.jsonl"
        target.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        violating = sum(1 for i in items if i["expected"])
        print(f"{lang}-{part}: {len(items)} probes, {violating} violating, {len(items) - violating} compliant")
    print(f"dropped {dropped} duplicates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
