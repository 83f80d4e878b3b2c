"""Build the real corpus splits from the gathered records in corpus/real/raw/.

    python corpus/real/build.py

Every record in raw/*.jsonl is a message copied verbatim from a public source (see LABELLING.md and
corpus/README.md). This script validates the records, drops duplicates (the same text after folding
Traditional to Simplified, case, width, white space and punctuation: one line posted in both scripts is one
message, and must never sit in both splits), and assigns each message to ``dev`` or ``test`` by a hash of its
text: the split of a message never changes when more records are added, and nobody chooses it. Records marked
``"synthetic": true`` (variations the team wrote to teach a pattern, or fixtures and seeds other teams wrote,
not sent to anyone) always go to ``dev``. Records with an ``"excluded"`` reason (a label audit found them not
to be collection messages: phishing texts whose words read as an ordinary bill) stay in raw with that reason and
go to neither split; ``"relabelled"`` ({"session": n, "from": [...]}) records that an audit changed a label.

Outputs: corpus/real/{zh,en}/{dev,test}.jsonl in the schema `collectlint eval` reads."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))

from collectlint.normalize import DEFAULT_FOLDING, normalize  # noqa: E402

_NOT_WORD = re.compile(r"[\W_]+")
CATEGORIES = {"threat", "false-legal", "third-party", "shaming", "insult", "privacy", "pressure", "misrepresentation"}
CHANNELS = {"sms", "letter", "email", "call", "chat"}
TEST_SHARE = 40  # percent of real messages in the test split


def split_of(text: str) -> str:
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % 100 < TEST_SHARE else "dev"


def same_text_key(text: str) -> str:
    """What two records must share to be one message: the folded text without white space or punctuation."""
    return _NOT_WORD.sub("", normalize(text, DEFAULT_FOLDING).text.lower())


def convert(record: dict[str, object], origin: str) -> dict[str, object]:
    text = str(record["text"]).strip()
    lang = str(record.get("lang") or "")
    if lang not in ("zh-Hans", "zh-Hant", "en"):
        raise ValueError(f"{origin}: lang must be zh-Hans, zh-Hant or en, not {lang!r}")
    expected = record.get("expected") or []
    if not isinstance(expected, list) or not set(expected) <= CATEGORIES:
        raise ValueError(f"{origin}: bad expected {expected!r}")
    channel = record.get("channel")
    channel = {"voicemail": "call", "text": "sms", "wechat": "chat", "letters": "letter"}.get(str(channel), channel)
    if channel not in CHANNELS:
        channel = None
    source = str(record.get("source") or "").strip()
    if not source and not record.get("synthetic"):
        raise ValueError(f"{origin}: a real record needs its source")
    out: dict[str, object] = {
        "id": str(record["id"]), "text": text, "channel": channel, "stage": None,
        "expected": sorted(set(expected)), "lang": lang, "source": source,
        "provenance": str(record.get("provenance") or ""), "found_by": str(record.get("found_by") or ""),
        "note": str(record.get("note") or ""),
    }
    if record.get("synthetic"):
        out["synthetic"] = True
    if record.get("relabelled"):
        out["relabelled"] = record["relabelled"]  # a label audit changed it: {"session": n, "from": [...]}
    return out


def main() -> int:
    seen: set[str] = set()
    buckets: dict[tuple[str, str], list[dict[str, object]]] = {}
    ids: set[str] = set()
    dropped = excluded = 0
    for path in sorted((HERE / "raw").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("excluded"):
                excluded += 1  # kept in raw with its reason (provenance is never lost), never in a split
                continue
            item = convert(record, f"{path.name}:{n}")
            key = same_text_key(str(item["text"]))
            if key in seen or len(" ".join(str(item["text"]).split())) < 4:
                dropped += 1
                continue
            seen.add(key)
            if item["id"] in ids:
                item["id"] = f"{item['id']}-{n}"
            ids.add(str(item["id"]))
            lang = "en" if item["lang"] == "en" else "zh"
            split = "dev" if item.get("synthetic") else split_of(str(item["text"]))
            buckets.setdefault((lang, split), []).append(item)
    for (lang, split), items in sorted(buckets.items()):
        folder = HERE / lang
        folder.mkdir(exist_ok=True)
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        violating = sum(1 for i in items if i["expected"])
        hant = sum(1 for i in items if i["lang"] == "zh-Hant")
        print(f"{lang}/{split}: {len(items)} messages, {violating} violating, {len(items) - violating} compliant"
              + (f", {hant} Traditional" if lang == "zh" else ""))
    print(f"dropped {dropped} duplicate or empty records; {excluded} excluded by a label audit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
