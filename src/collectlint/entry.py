"""The ``collectlint`` program's entry point: a plain ``collectlint check FILE...`` skips click.

A pre-commit hook calls ``collectlint check`` with file names and nothing else, thousands of times a
day; importing click and the other commands costs about a fifth of such a run.  When every argument
after ``check`` is a path (``-`` for standard input included, nothing else starting with ``-``), the
run goes straight to ``checkrun.run_check`` with the command's defaults; anything else (an option,
another command, ``--help``) goes through the full command line in ``cli``, which behaves the same.
"""

from __future__ import annotations

import sys


def plain_check(args: list[str]) -> tuple[str, ...] | None:
    """The paths of ``check PATH...`` when that is all ``args`` holds (None otherwise)."""
    if not args or args[0] != "check":
        return None
    paths = args[1:]
    if any(p.startswith("-") and p != "-" for p in paths):
        return None
    return tuple(paths)


def main() -> None:
    from collectlint import gcpause

    gcpause.pause()  # resumed once the first message is checked (see gcpause)
    try:
        paths = plain_check(sys.argv[1:])
        if paths is not None:
            from collectlint.checkrun import guarded, run_check

            guarded(run_check)(paths)
            return
        from collectlint.cli import main as full

        full()
    finally:
        from collectlint import recode

        recode.flush()  # the patterns this run compiled, for the next start-up
