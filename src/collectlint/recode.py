"""Compiled regular expressions kept between runs, as Python keeps a module's bytecode in ``.pyc`` files.

``re.compile`` parses a pattern and turns it into the engine's code every time a process starts, and a
character class over a wide range (every Han character, every Hangul syllable) is expanded one code
point at a time in Python: compiling ``[\\u3400-\\u9fff\\uf900-\\ufaff]`` costs about 4 ms, and a clean
hook run compiled about fifty patterns (a sixth of its time) before this store.

The store maps (source, flags) to what ``re.compile`` hands the engine (flags, code, groups and group
names); building a pattern from it with ``_sre.compile`` costs about 10 µs, and the engine validates the
code it is given.  The store is one entry of the compiled cache (``compiled_cache``: owner-only, HMAC
verified), keyed by Python's version and the engine's ``MAGIC``, so another Python never reads it.
``flush`` adds what this process compiled and had not found (the command line calls it once, at the end
of a run).  Anything unexpected (a Python whose internals differ, a damaged entry) falls back to
``re.compile``: the store only ever saves time.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine: no stubs, its ``compile`` is what ``re`` calls
import array
import hashlib
import re
import sys
from typing import Any

try:
    from re import _compiler as compiler  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as compiler
    import sre_parse as parser

# Patterns kept (the oldest added are dropped first): the shipped packs, profiles and modules use a few
# hundred, about 1 KB each; the rest leaves room for users' own packs while the entry stays near 1 MB
# (it is read and verified on every start-up).
KEEP = 1024
_TYPECODE = "I" if array.array("I").itemsize == 4 else "L"  # the engine's code words are 32 bits

Key = tuple[Any, int]  # (source, flags as given)
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_found: dict[Key, Entry] | None = None
_added: dict[Key, Entry] = {}


def store_key() -> str:
    return "re-" + hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_TYPECODE}".encode()).hexdigest()[:40]


def _store() -> dict[Key, Entry]:
    global _found
    if _found is None:
        from collectlint import compiled_cache

        value = compiled_cache.read(store_key())
        _found = value if isinstance(value, dict) else {}
    return _found


def _entry(source: Any, flags: int) -> tuple[Entry, re.Pattern[Any]]:
    """What ``re.compile`` gives the engine for ``source``, and the pattern built from it."""
    parsed = parser.parse(source, flags)
    code = compiler._code(parsed, flags)
    names: dict[str, int] = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, i in names.items():
        index[i] = name
    entry = (flags | parsed.state.flags, array.array(_TYPECODE, code).tobytes(), parsed.state.groups - 1,
             names, tuple(index))
    return entry, _build(source, entry)


def _build(source: Any, entry: Entry) -> re.Pattern[Any]:
    flags, code, groups, names, index = entry
    pattern: re.Pattern[Any] = _sre.compile(source, flags, array.array(_TYPECODE, code).tolist(), groups,
                                            names, index)
    return pattern


def compile(source: Any, flags: int = 0) -> re.Pattern[Any]:
    """``re.compile(source, flags)``, from the store when it holds the pattern."""
    key = (source, flags)
    try:
        entry = _store().get(key) or _added.get(key)
        if entry is not None:
            return _build(source, entry)
        if flags & re.DEBUG:
            return re.compile(source, flags)
        entry, pattern = _entry(source, flags)
    except re.error:
        raise
    except Exception:
        return re.compile(source, flags)  # internals not as expected: compile the usual way
    _added[key] = entry
    return pattern


def flush() -> None:
    """Write the store with the patterns this process compiled (nothing when it compiled none)."""
    global _added, _found
    if not _added:
        return
    from collectlint import compiled_cache

    merged = {**_store(), **_added}
    for stale in list(merged)[: max(0, len(merged) - KEEP)]:
        del merged[stale]
    compiled_cache.write(store_key(), merged)
    _found, _added = merged, {}
