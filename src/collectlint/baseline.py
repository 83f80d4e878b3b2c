"""Baselines: record today's findings so later runs report only new ones.

The file holds fingerprints, rule ids and paths; never the matched text (it may be personal data).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from collectlint import __version__
from collectlint.errors import ConfigError
from collectlint.models import FileResult
from collectlint.report.fingerprint import fingerprints

VERSION = 1


def load(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror or exc}", path=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"baseline is not valid JSON: {exc}", path=str(path)) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"not a collectlint baseline (version {VERSION})", path=str(path))
    return {str(item.get("fingerprint")) for item in data["findings"] if isinstance(item, dict)}


def write(path: Path, results: Sequence[FileResult]) -> int:
    items = [{"fingerprint": fp, "rule": f.rule_id, "path": r.path.replace("\\", "/")}
             for r in results for f, fp in fingerprints(r)]
    body = json.dumps({"version": VERSION, "tool": f"collectlint {__version__}", "findings": items},
                      ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(body)
    os.replace(tmp, path)
    return len(items)


def filter_new(results: Sequence[FileResult], known: set[str]) -> int:
    """Drop baselined findings in place; return how many were dropped."""
    dropped = 0
    for r in results:
        keep = [f for f, fp in fingerprints(r) if fp not in known]
        dropped += len(r.findings) - len(keep)
        r.findings = keep
    return dropped
