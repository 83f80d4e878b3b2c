"""Errors that end up as one line on stderr and exit code 2."""

from __future__ import annotations


class CollectlintError(Exception):
    """A user-facing error: configuration, rule pack or input problem."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.detail}"


class PackError(CollectlintError):
    """A rule pack failed strict validation."""


class ConfigError(CollectlintError):
    """A configuration file failed strict validation."""


class InputError(CollectlintError):
    """An input file could not be read or decoded."""


class SkippedInput(CollectlintError):
    """An input that is not checked on purpose (binary data): a notice, not an error."""
