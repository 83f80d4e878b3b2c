"""Library entry points: a ``Linter`` is a ``Session`` with its ``Runner`` (files, stdin, ``--jobs``).

``Linter(config, options).lint_text(text)`` and ``.lint_paths(paths)`` return plain findings and
results; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from collectlint.config import Config
from collectlint.models import FileResult
from collectlint.runner import NOT_TEMPLATES, SKIP_DIRS, Runner, read_messages
from collectlint.session import Options, Session

__all__ = ["NOT_TEMPLATES", "SKIP_DIRS", "Linter", "Options", "Session", "read_messages"]


class Linter(Session):
    def __init__(self, config: Config | None = None, options: Options | None = None) -> None:
        super().__init__(config, options)
        self.runner = Runner(self)

    def lint_file(self, path: Path) -> FileResult:
        return self.runner.lint_file(path)

    def lint_stdin(self, name: str = "-") -> FileResult:
        return self.runner.lint_stdin(name)

    def lint_paths(self, paths: Iterable[str | FileResult], jobs: int = 1) -> Iterator[FileResult]:
        return self.runner.lint_paths(paths, jobs)

    def expand(self, directory: Path) -> list[Path | FileResult]:
        return self.runner.expand(directory)
