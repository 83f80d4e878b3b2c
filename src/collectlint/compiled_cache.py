"""The on-disk cache of compiled rule packs, which never runs code it did not write.

Compiling the shipped packs (pinyin spellings of every phrase included) costs far more than a hook
run may spend, so the compiled rules are kept in the user's cache folder.  The payload is a pickle,
but it is loaded only after its HMAC-SHA256 verifies under a secret key that lives in the same
owner-only folder (created ``0700``, key file ``0600``), and only when the folder, the key and the
entry are owned by this user and writable by no one else; a file planted or altered by anyone without
the key, or in a folder someone else can write, is ignored and rebuilt.  (A process running as the
same user can already run code as that user; the cache adds no new way.)
The entry's name is a hash of the packs' bytes, collectlint's own
sources and Python's version, so editing the normaliser or the pinyin code invalidates it.  Any
error reading, verifying or writing it means "no cache", never a failed run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from collectlint.cachedir import cache_dir, private, write_private
from collectlint.lazyre import reduce_lazily

# Entries kept (the most recently used; a read marks its entry used).  One version of collectlint uses
# about nine (rules, four profiles, two warm models, two merged category models), and users often run
# two or three versions (a pre-commit environment, a development checkout, CI).
KEEP = 32
_MAC = 32


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of collectlint's own sources and shipped data (profiles), plus the Python version.

    Each file counts by its path, size and modification time (``stat``), as build tools key their
    caches: reading every source on every start-up would cost a hook run several milliseconds, and
    an edit or an upgrade changes the time or the size of what it touches."""
    from collectlint import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for relative, stamp in sorted(_stamps(str(root))):
        digest.update(relative.encode() + stamp)
    return digest.hexdigest()


def _stamps(root: str) -> list[tuple[str, bytes]]:
    """(path relative to ``root``, ``|size|mtime|``) of every ``.py`` and ``.yaml`` file below it, outside
    the top-level ``rules`` folder (packs count by their bytes, in their own key) and the bytecode caches
    (an ``os.walk`` that prunes them costs a hook run about a millisecond less than ``rglob``)."""
    out: list[tuple[str, bytes]] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if d != "__pycache__" and not (folder == root and d == "rules")]
        for name in names:
            if name.endswith((".py", ".yaml")):
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                    stamp = f"|{info.st_size}|{info.st_mtime_ns}|".encode()
                except OSError:
                    stamp = b"<unreadable>"
                out.append((os.path.relpath(path, root), stamp))
    return out


def _secret(folder: Path) -> bytes:
    path = folder / "cache.key"
    try:
        private(path, directory=False)
        data = path.read_bytes()
        if len(data) == 32 and (path.stat().st_mode & 0o077) == 0:
            return data
    except OSError:
        pass
    import secrets  # only when the key is first made: every other start-up skips the import

    key = secrets.token_bytes(32)
    write_private(path, key)
    return key


def read(key: str) -> object | None:
    try:
        folder = cache_dir()
        entry = folder / f"rules-{key}.bin"
        private(entry, directory=False)
        blob = entry.read_bytes()
        secret = _secret(folder)
    except OSError:
        return None
    mac, payload = blob[:_MAC], blob[_MAC:]
    if len(mac) != _MAC or not hmac.compare_digest(mac, hmac.new(secret, payload, hashlib.sha256).digest()):
        return None  # not written by us (or damaged): never unpickled
    try:
        value: object = pickle.loads(payload)
    except Exception:
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # used now: eviction keeps the entries in use, not the ones written last
    return value


def _dumps(value: object) -> bytes:
    """``pickle.dumps`` with every regular expression stored as a :class:`~collectlint.lazyre.LazyPattern`
    (unpickling an ``re.Pattern`` compiles it; most are never used in a short run)."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        return reduce_lazily(obj)


def write(key: str, value: object) -> None:
    try:
        folder = cache_dir()
        payload = _dumps(value)
        mac = hmac.new(_secret(folder), payload, hashlib.sha256).digest()
        write_private(folder / f"rules-{key}.bin", mac + payload)
        old = sorted(folder.glob("rules-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no cache this time; correctness does not depend on it
