"""The user's private cache folder for collectlint (segmenter dictionary, compiled rule packs)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/collectlint`` (or ``~/.cache/collectlint``), created owner-only."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "collectlint"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
