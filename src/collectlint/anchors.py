"""Literal anchors of a regular expression: strings one of which every match must contain.

A regex rule with anchors runs only on documents where the rule set's automaton saw one of them, so
a message without any anchor never pays for the regex.  The anchors are derived from the pattern's
parse tree, never written by hand: for each top-level alternative, the longest run of literal
characters that every match of that alternative contains.  When an alternative has no such run (it
starts with a character class and has nothing fixed), or the pattern uses flags or syntax this
derivation does not model, there are no anchors and the rule runs on every document: skipping is
exact or it does not happen.
"""

from __future__ import annotations

import importlib
from typing import Any

# The standard library's own regex parser (re._parser since 3.11, sre_parse before).
try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - Python 3.10
    _parser = importlib.import_module("sre_parse")
    _c = importlib.import_module("sre_constants")

# Zero-width items: they consume nothing, so literal runs continue across them.
_NEUTRAL = {_c.AT}


def _runs(items: Any) -> list[str]:
    """Literal runs that every match of the sequence ``items`` contains (in order, possibly several)."""
    runs: list[str] = []
    current: list[str] = []

    def cut() -> None:
        if current:
            runs.append("".join(current))
            current.clear()

    for op, arg in items:
        if op is _c.LITERAL:
            current.append(chr(arg))
        elif op in _NEUTRAL:
            continue
        elif op is _c.SUBPATTERN:
            # (group, add_flags, del_flags, pattern): an ordinary group continues the run when it holds
            # no alternation; flags inside a group are not modelled.
            _, add_flags, del_flags, sub = arg
            if add_flags or del_flags or any(o is _c.BRANCH for o, _ in sub):
                cut()
                continue
            inner = _runs(sub)
            fixed = _fixed(sub)
            if fixed is not None:
                current.append(fixed)
            else:
                cut()
                runs.extend(inner)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _, sub = arg
            cut()
            if low >= 1:
                runs.extend(_runs(sub))
        else:  # classes, any, branches, back-references, lookarounds: nothing fixed here
            cut()
    cut()
    return runs


def _fixed(items: Any) -> str | None:
    """The sequence's text when it is only literals (and zero-width items), else None."""
    out = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(chr(arg))
        elif op not in _NEUTRAL:
            return None
    return "".join(out)


def anchors(pattern: str) -> list[str] | None:
    """Strings one of which every match of ``pattern`` contains; None when none can be derived."""
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # syntax Python's parser does not take (RE2-only): no anchors
        return None
    if parsed.state.flags & ~(_c.SRE_FLAG_UNICODE):
        return None  # a global flag (case-insensitive, verbose ...) changes what a literal matches
    items = list(parsed)
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is _c.BRANCH else [items]
    out: list[str] = []
    for branch in branches:
        runs = _runs(branch)
        if not runs:
            return None
        best = max(runs, key=len)
        if best not in out:
            out.append(best)
    return out
