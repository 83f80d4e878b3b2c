"""Baselines: record today's findings so later runs report only new ones.

The file holds fingerprints, rule ids and paths; never the matched text (it may be personal data).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
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
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(body)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return len(items)


def _mode_for(path: Path) -> int:
    """The baseline is committed and shared: an existing one keeps its mode, a new one gets what ``open``
    would give it (0666 less the umask), not the private 0600 of a temporary file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def filter_new(results: Sequence[FileResult], known: set[str]) -> int:
    """Drop baselined findings in place; return how many were dropped."""
    dropped = 0
    for r in results:
        keep = [f for f, fp in fingerprints(r) if fp not in known]
        dropped += len(r.findings) - len(keep)
        r.findings = keep
    return dropped
