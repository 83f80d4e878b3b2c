"""Stable fingerprints of findings: they survive edits elsewhere in the file (line shifts).

A fingerprint hashes the path, the rule (with the category, for the model's findings), the catalogue
key, the normalised matched text *after masking* and how many times the same rule already matched
the same text earlier in the file. Masking first matters: an unsalted hash of a full ID number could
be reversed by trying every region code, birth date and check digit; the masked form keeps only the
last four digits, so the hash reveals no more than the masked output already shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from collectlint.mask import mask_text
from collectlint.models import FileResult, Finding
from collectlint.normalize import normalize


def fingerprints(result: FileResult) -> Iterator[tuple[Finding, str]]:
    seen: dict[tuple[str, str, str], int] = {}
    for f in result.findings:
        matched = mask_text(normalize(result.text[f.span.start : f.span.end]).text)
        # A model finding is told apart by its (most likely) category: a model rule of one category and the
        # ``any`` rule may both report at the sentence.
        rule = f"{f.rule_id}/{f.category.value}" if f.source == "model" else f.rule_id
        key = (rule, f.key or "", matched)
        n = seen.get(key, 0)
        seen[key] = n + 1
        raw = "\x1f".join([result.path.replace("\\", "/"), rule, f.key or "", matched, str(n)])
        yield f, hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
