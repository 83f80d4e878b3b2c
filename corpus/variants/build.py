"""Build the variant sets: paraphrases and lawful counterparts of real ``dev`` messages, for the model.

A variant is written by a helper from one real dev message (its ``of``): two paraphrases that carry the same
violation in other words (``-p1``, ``-p2``; a second round adds ``-p3``, the idea in another channel or sender
situation, and ``-p4``, the idea said more indirectly), a lawful counterpart of a violating message (``-c``,
``-c2``: the same situation, stern but lawful), and one paraphrase of each compliant message. They teach the
model the idea of a real message rather than its words. They are not real text: they never enter the real
splits, and the model never sets a threshold on them.

    python corpus/variants/build.py

reads raw/<lang>_*.jsonl, validates each record (a paraphrase may drop a category of its seed, never add one;
a counterpart is compliant), drops exact duplicates, variants of a message no longer in the real ``dev``
split, paraphrases of a message a label audit relabelled after they were written, and any variant whose
character 5-grams overlap a real ``test`` message by half or more (so a test
message is never learned through a look-alike), and writes <lang>.jsonl sorted by id, every record marked
``"synthetic": true``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE.parent / "real"
CATEGORIES = {"threat", "false-legal", "third-party", "shaming", "insult", "privacy", "pressure", "misrepresentation"}
KIND = re.compile(r"-(p[1-4]|c2?)$")
TEST_OVERLAP = 0.5


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def shingles(text: str) -> set[str]:
    flat = "".join(text.lower().split())
    return {flat[i:i + 5] for i in range(max(1, len(flat) - 4))}


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the other (a short variant inside a long letter counts)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def check(record: dict[str, object], seeds: dict[str, dict[str, object]], origin: str) -> dict[str, object]:
    vid, of, text = str(record.get("id", "")), str(record.get("of", "")), str(record.get("text") or "").strip()
    kind = KIND.search(vid)
    if not text or kind is None or not vid.startswith(of + "-"):
        raise ValueError(f"{origin}: needs a text and an id '<of>-p1..p4|c|c2', got {vid!r} of {of!r}")
    if of not in seeds:
        raise LookupError(f"{origin}: {of!r} is not a message of the real dev split")
    expected = record.get("expected")
    if not isinstance(expected, list) or not set(expected) <= CATEGORIES:
        raise ValueError(f"{origin}: bad expected {expected!r}")
    seed = set(seeds[of]["expected"])  # type: ignore[arg-type]
    if kind.group(1).startswith("p") and seeds[of].get("relabelled"):
        # Written against the seed's old label: a paraphrase's categories no longer follow from it.
        raise LookupError(f"{origin}: {of!r} was relabelled after its paraphrases were written")
    if kind.group(1).startswith("c") and expected:
        raise ValueError(f"{origin}: a lawful counterpart must be compliant")
    if kind.group(1).startswith("p") and not set(expected) <= seed:
        raise ValueError(f"{origin}: a paraphrase may not add a category to its seed's {sorted(seed)}")
    return {"id": vid, "of": of, "text": text, "channel": record.get("channel"), "expected": sorted(expected),
            "note": str(record.get("note") or ""), "synthetic": True}


def build(lang: str) -> int:
    seeds = {str(r["id"]): r for r in _read(REAL / lang / "dev.jsonl")}
    test = [shingles(str(r["text"])) for r in _read(REAL / lang / "test.jsonl")]
    out: dict[str, dict[str, object]] = {}
    seen: set[str] = set()
    near_test = duplicates = gone = 0
    for path in sorted((HERE / "raw").glob(f"{lang}_*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = check(json.loads(line), seeds, f"{path.name}:{n}")
            except LookupError:
                gone += 1  # its seed left dev or was relabelled: never learn it
                continue
            except (ValueError, json.JSONDecodeError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            key = " ".join(str(item["text"]).split())
            if key in seen or item["id"] in out:
                duplicates += 1
                continue
            grams = shingles(key)
            if any(overlap(grams, t) >= TEST_OVERLAP for t in test):
                near_test += 1
                continue
            seen.add(key)
            out[str(item["id"])] = item
    items = [out[k] for k in sorted(out)]
    (HERE / f"{lang}.jsonl").write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items),
                                        encoding="utf-8")
    violating = sum(1 for i in items if i["expected"])
    print(f"{lang}: {len(items)} variants of {len({i['of'] for i in items})} dev messages, {violating} violating, "
          f"{len(items) - violating} compliant; dropped {duplicates} duplicates, {near_test} close to a test message "
          f"and {gone} whose message left dev or was relabelled")
    return 0


def main() -> int:
    return max(build(lang) for lang in ("en", "zh"))


if __name__ == "__main__":
    sys.exit(main())
