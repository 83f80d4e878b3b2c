"""Which configuration governs each input: the nearest configuration file above it.

A pre-commit hook or a CI job passes files from several folders at once, and a repository may hold
several template trees with their own ``.collectlint.yaml``.  Each file is checked under the
configuration nearest to it, not under the first path's.  Inputs keep their order: consecutive
inputs under the same configuration form one group (so ``--jobs`` still works within a group).
A directory holding a nested configuration is walked, and its files are dispatched one by one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from collectlint.config import CONFIG_NAMES, discover, is_directory
from collectlint.models import FileResult

Item = str | FileResult  # a path to check, or what was already decided for one (a refused link)
Plan = list[tuple[Path | None, list[Item]]]


class Nearest:
    """``discover`` with a cache per folder (a hook run passes many files of few folders)."""

    def __init__(self) -> None:
        self._cache: dict[str, Path | None] = {}

    def __call__(self, path: Path) -> Path | None:
        folder = os.path.abspath(path if is_directory(path) else path.parent)
        if folder not in self._cache:
            self._cache[folder] = discover(Path(folder))
        return self._cache[folder]


def _has_nested_config(directory: Path, skip: Callable[[str], bool]) -> bool:
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = [d for d in dirs if not skip(d)]
        if root != str(directory) and any(name in files for name in CONFIG_NAMES):
            return True
    return False


def plan(paths: Sequence[str], expand: Callable[[Path, Path | None], list[Item]],
         skip_dir: Callable[[str], bool]) -> Plan:
    """Groups of inputs, each with the configuration file that governs it (None: defaults).

    ``expand(directory, config)`` lists a directory's template files as the checker would under
    ``config`` (its excludes apply); it is called only for a directory that holds a nested config."""
    nearest = Nearest()
    out: Plan = []

    def add(config: Path | None, item: Item) -> None:
        if out and out[-1][0] == config:
            out[-1][1].append(item)
        else:
            out.append((config, [item]))

    for item in paths:
        if item == "-":
            add(nearest(Path.cwd()), item)
            continue
        path = Path(item)
        if is_directory(path) and _has_nested_config(path, skip_dir):
            outer = nearest(path)
            for entry in expand(path, outer):
                add(nearest(Path(entry)) if isinstance(entry, str) else outer, entry)
        else:
            add(nearest(path), item)
    return out
