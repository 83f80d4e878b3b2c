"""Strict readers for YAML specs: every error names the file, the line and the key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from collectlint.errors import CollectlintError, PackError
from collectlint.yamlspec.yamlloc import LDict, LList


class SpecReader:
    def __init__(self, path: str, error_type: type[CollectlintError] = PackError,
                 lexicon: dict[str, list[str]] | None = None) -> None:
        self.path = path
        self.error_type = error_type
        # Shared word classes a rule may name as "@class" in a phrase list (rules/*/lexicon*.yaml).
        self.lexicon: dict[str, list[str]] = lexicon or {}
        # Whether phrases also match their English inflections (the pack's profile asks for it).
        self.inflections = False

    def fail(self, line: int | None, message: str) -> CollectlintError:
        return self.error_type(message, path=self.path, line=line)

    def mapping(self, value: Any, line: int, where: str) -> LDict:
        if not isinstance(value, LDict):
            raise self.fail(line, f"{where}: expected a mapping, got {type(value).__name__}")
        return value

    def keys(self, m: LDict, where: str, *, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
        allowed_set = set(allowed)
        for key in m:
            if key not in allowed_set:
                from collectlint.suggest import did_you_mean

                hint = did_you_mean(str(key), allowed_set) or f" (allowed: {', '.join(sorted(allowed_set))})"
                raise self.fail(m.line_of(key), f"{where}: unknown key '{key}'{hint}")
        for key in required:
            if key not in m:
                raise self.fail(m.line, f"{where}: missing required key '{key}'")

    def string(self, m: LDict, key: str, where: str, *, default: str | None = None) -> str:
        if key not in m:
            if default is None:
                raise self.fail(m.line, f"{where}: missing required key '{key}'")
            return default
        value = m[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(m.line_of(key), f"{where}: key '{key}' must be a non-empty string")
        return value

    def choice(self, m: LDict, key: str, where: str, choices: Iterable[str], *,
               default: str | None = None) -> str:
        value = self.string(m, key, where, default=default)
        options = list(choices)
        if value not in options:
            raise self.fail(m.line_of(key), f"{where}: key '{key}' is '{value}', expected one of: "
                            + ", ".join(options))
        return value

    def choices(self, m: LDict, key: str, where: str, options: Iterable[str]) -> frozenset[str]:
        """A non-empty list whose items all come from ``options``."""
        allowed = list(options)
        items = self.strings(m, key, where, required=True)
        for value, line in items:
            if value not in allowed:
                raise self.fail(line, f"{where}: '{value}' in '{key}' is not one of: {', '.join(allowed)}")
        return frozenset(v for v, _ in items)

    def integer(self, m: LDict, key: str, where: str, *, default: int, low: int, high: int) -> int:
        if key not in m:
            return default
        value = m[key]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail(m.line_of(key), f"{where}: key '{key}' must be an integer from {low} to {high}")
        return value

    def boolean(self, m: LDict, key: str, where: str, *, default: bool) -> bool:
        if key not in m:
            return default
        value = m[key]
        if not isinstance(value, bool):
            raise self.fail(m.line_of(key), f"{where}: key '{key}' must be true or false")
        return value

    def strings(self, m: LDict, key: str, where: str, *, required: bool = False) -> list[tuple[str, int]]:
        """A list of non-empty strings, each with its line."""
        if key not in m:
            if required:
                raise self.fail(m.line, f"{where}: missing required key '{key}'")
            return []
        value = m[key]
        if isinstance(value, str):
            return [(value, m.line_of(key))]
        if not isinstance(value, LList) or (required and not value):
            raise self.fail(m.line_of(key), f"{where}: key '{key}' must be a non-empty list of strings")
        out: list[tuple[str, int]] = []
        for i, item in enumerate(value):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                raise self.fail(value.line_of(i), f"{where}: item {i + 1} of '{key}' must be a non-empty string")
            out.append((item, value.line_of(i)))
        return out
