"""Library entry points: a ``Linter`` is a ``Session`` with its ``Runner`` (files, stdin, ``--jobs``).

``Linter(config, options).lint_text(text)`` and ``.lint_paths(paths)`` return plain findings and
results; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from collectlint.config import Config
from collectlint.models import FileResult, Finding
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

    def lint_many(self, texts: Iterable[str], channel: str | None = None,
                  stage: str | None = None) -> Iterator[list[Finding]]:
        """Findings of each text, in order: the batch entry point for audits of sent messages and for
        servers (one session, built once; nothing is read from disk and nothing is kept between texts,
        so memory stays flat however many texts pass through)."""
        for text in texts:
            yield self.lint_text(text, "<text>", channel, stage)
