"""Stable fingerprints of findings: they survive edits elsewhere in the file (line shifts).

A fingerprint hashes the path, the rule, the catalogue key, the normalised matched text and how many
times the same rule already matched the same text earlier in the file.  No personal data is stored:
only the hash leaves the process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from collectlint.models import FileResult, Finding
from collectlint.normalize import normalize


def fingerprints(result: FileResult) -> Iterator[tuple[Finding, str]]:
    seen: dict[tuple[str, str, str], int] = {}
    for f in result.findings:
        matched = normalize(result.text[f.span.start : f.span.end]).text
        key = (f.rule_id, f.key or "", matched)
        n = seen.get(key, 0)
        seen[key] = n + 1
        raw = "\x1f".join([result.path.replace("\\", "/"), f.rule_id, f.key or "", matched, str(n)])
        yield f, hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
