"""The user's private cache folder for collectlint (segmenter dictionary, compiled rule packs)."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnsafeCache(OSError):
    """The cache folder (or a file in it) could be written by someone else: it is not used."""


def private(path: Path, *, directory: bool) -> None:
    """Raise ``UnsafeCache`` unless ``path`` is a real file or folder (not a link) owned by this user
    and writable by no one else.  A folder of ours that others may write is closed (``0700``) first."""
    info = path.lstat()
    kind_ok = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    if not kind_ok:
        raise UnsafeCache(f"{path}: not a regular {'folder' if directory else 'file'}")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise UnsafeCache(f"{path}: owned by another user")
    if info.st_mode & 0o022:
        if not directory:
            raise UnsafeCache(f"{path}: writable by others")
        os.chmod(path, 0o700)


def write_private(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all: a temporary file in the same folder (created ``0600``)
    replaces ``path``, so a reader never sees half a file and no one else can write it."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/collectlint`` (or ``~/.cache/collectlint``), created owner-only.  Raises
    ``OSError`` (``UnsafeCache``) when the folder exists but belongs to someone else or is a link:
    callers then work without a cache."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "collectlint"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    private(path, directory=True)
    return path
