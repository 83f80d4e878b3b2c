"""Rule regexes are untrusted input: they run on RE2, which matches in linear time.

Patterns that RE2 cannot run (look-around, back-references) are load errors, as are literal
characters that normalisation removes from every document (upper case, Traditional, full-width),
because such a pattern would silently never match.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from collectlint.normalize import normalize

MAX_PATTERN_LENGTH = 2000


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """RE2 logs parse errors on file descriptor 2; the one-line error we raise is enough."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def unmatchable_literal(pattern: str) -> str | None:
    """A literal character of ``pattern`` that no normalised text contains, if any."""
    ignore_case = pattern.startswith("(?i)")
    i, depth_class = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt in ("p", "P") and pattern[i + 2 : i + 3] == "{":
                close = pattern.find("}", i)
                i = close + 1 if close > 0 else len(pattern)
            else:
                i += 2
            continue
        if c == "(" and pattern.startswith("(?P<", i):
            close = pattern.find(">", i)
            i = close + 1 if close > 0 else len(pattern)
            continue
        if c == "[":
            depth_class += 1
        elif c == "]" and depth_class:
            depth_class -= 1
        elif not depth_class and not c.isspace():
            folded = normalize(c).text
            if folded != c and not (ignore_case and folded == c.lower()):
                return c
        i += 1
    return None


def compile_rule_regex(pattern: str, checked: bool = False) -> Any:
    """Compile with RE2; raises ValueError with a one-line reason.  ``checked``: the pattern passed
    these checks when its pack was compiled (it comes back from the verified compiled cache), so only
    the RE2 compilation is repeated."""
    if checked:
        import re2

        return re2.compile(pattern)
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    import re2

    with _quiet_stderr():
        try:
            compiled = re2.compile(pattern)
        except Exception as exc:  # re2 raises its own error type
            detail = exc.args[0] if exc.args else exc
            if isinstance(detail, bytes):
                detail = detail.decode("utf-8", "replace")
            raise ValueError(f"invalid regular expression for RE2 (linear-time engine): {detail}") from None
    bad = unmatchable_literal(pattern)
    if bad is not None:
        raise ValueError(
            f"literal {bad!r} can never match: documents are normalised (lower case, Simplified, "
            f"half-width) before matching; write {normalize(bad).text!r} instead"
        )
    return compiled
