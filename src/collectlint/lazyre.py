"""A regular expression compiled on first use, for patterns read back from the compiled cache.

Unpickling an ``re.Pattern`` compiles it again (the pickle holds only its source and flags), so
reading the cached packs, profiles and model compiled every one of their patterns on every start-up,
about half of a clean hook run's time in ``re``, although a clean message meets only a few of them.
The cache stores each pattern as a :class:`LazyPattern` instead.  Its first use compiles it and
binds the compiled pattern's methods on the instance, so every later ``search`` or ``finditer`` costs
what it costs on the compiled pattern itself; anything else (``groups``, ``groupindex``, ...) is
passed through.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

from collectlint import recode

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` until it is first used.

    Two differences from ``re.Pattern`` remain, and no caller may rely on them: ``isinstance(p, re.Pattern)``
    is false, and ``re.sub(p, ...)`` (a module function given the pattern object) raises ``TypeError``;
    call the pattern's own methods.  ``flags`` is what ``re.compile`` reports (inline flags included), so
    reading it compiles the pattern."""

    __slots__ = ("pattern", "_flags", "_compiled", *_METHODS)
    _compiled: re.Pattern[Any]

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[Any]:
        try:
            return self._compiled
        except AttributeError:
            pass
        compiled = recode.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        self._compiled = compiled
        return compiled

    @property
    def flags(self) -> int:
        return self.compiled().flags

    def __getattr__(self, name: str) -> Any:
        # Reached only for a name not set on the instance: a method before the first compile, or an
        # attribute of ``re.Pattern`` this class does not keep.
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str | bytes, int]]:
        return (LazyPattern, (self.pattern, self._flags))

    def __eq__(self, other: object) -> bool:
        # Equal only to another LazyPattern: an ``re.Pattern`` hashes differently, and equal objects must
        # hash alike (frozen dataclasses holding patterns are used as keys).
        if isinstance(other, LazyPattern):
            return (self.pattern, self._flags) == (other.pattern, other._flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((LazyPattern, self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags})"


def reduce_lazily(obj: object) -> Any:
    """A ``reducer_override`` for pickling: every ``re.Pattern`` is stored as a :class:`LazyPattern`."""
    if isinstance(obj, re.Pattern):
        return (LazyPattern, (obj.pattern, obj.flags))
    return NotImplemented


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile`` for module-level patterns: compiled on first use, so importing a module costs no
    compile for the patterns a run never reaches (about half of them on a clean hook run)."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, flags))
