"""Library entry points: ``Linter.lint_text`` and ``Linter.lint_paths`` return plain findings."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from collectlint.config import Config
from collectlint.decode import decode_bytes, read_text
from collectlint.engine import RuleSet, select_rules
from collectlint.errors import CollectlintError, ConfigError
from collectlint.models import FileResult, Finding, Severity
from collectlint.packs.loader import load_rules
from collectlint.packs.rule import Rule
from collectlint.placeholders import find_placeholders
from collectlint.source import Document

# Files picked up when a directory is given.  An explicitly named file is always read.
DEFAULT_INCLUDE = (".md", ".markdown", ".txt", ".text")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


@dataclass(frozen=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    channel: str | None = None
    stage: str | None = None
    extra_rule_dirs: tuple[str, ...] = ()


class Linter:
    def __init__(self, config: Config | None = None, options: Options | None = None) -> None:
        self.config = config or Config()
        self.options = options or Options()
        all_rules = load_rules(tuple(self.config.rule_dirs) + self.options.extra_rule_dirs)
        select = self.options.select or self.config.select
        ignore = self.config.ignore + self.options.ignore
        for selector in (*select, *ignore):
            if not select_rules(all_rules, [selector]):
                raise ConfigError(f"selector '{selector}' matches no rule (use an id, id prefix, name or category)")
        for key in self.config.severity:
            if not any(key in (r.id, r.name) for r in all_rules):
                raise ConfigError(f"severity override for unknown rule '{key}'",
                                  path=str(self.config.path) if self.config.path else None)
        self.rules: tuple[Rule, ...] = select_rules(all_rules, select, ignore)
        self.ruleset = RuleSet(self.rules, self.config.severity)

    def document(self, text: str, path: str = "<text>", channel: str | None = None,
                 stage: str | None = None) -> Document:
        cfg_channel, cfg_stage = self.config.setting_for(path) if path not in ("<text>", "-") else (None, None)
        doc = Document(
            text=text, path=path,
            channel=self.options.channel or channel or cfg_channel,
            stage=self.options.stage or stage or cfg_stage,
        )
        doc.masked = [(p.start, p.end) for p in find_placeholders(text)]
        return doc

    def lint_document(self, doc: Document) -> list[Finding]:
        return self.ruleset.lint(doc)

    def lint_text(self, text: str, path: str = "<text>", channel: str | None = None,
                  stage: str | None = None) -> list[Finding]:
        return self.lint_document(self.document(text, path, channel, stage))

    def lint_file(self, path: Path) -> FileResult:
        display = str(path)
        try:
            decoded = read_text(path)
        except CollectlintError as exc:
            return FileResult(display, error=exc.render())
        doc = self.document(decoded.text, display)
        return FileResult(display, text=decoded.text, findings=self.lint_document(doc), lang=doc.lang)

    def lint_stdin(self, name: str = "-") -> FileResult:
        try:
            data = sys.stdin.buffer.read()
            decoded = decode_bytes(data, name)
        except CollectlintError as exc:
            return FileResult(name, error=exc.render())
        doc = self.document(decoded.text, name)
        return FileResult(name, text=decoded.text, findings=self.lint_document(doc), lang=doc.lang)

    def lint_paths(self, paths: Iterable[str]) -> Iterator[FileResult]:
        for item in paths:
            if item == "-":
                yield self.lint_stdin()
                continue
            path = Path(item)
            if path.is_dir():
                for file in self.expand(path):
                    yield self.lint_file(file)
            elif not path.exists() and not path.is_symlink():
                yield FileResult(item, error=f"{item}: no such file or directory")
            else:
                yield self.lint_file(path)

    def expand(self, directory: Path) -> list[Path]:
        found: list[Path] = []
        for root, dirs, files in os.walk(directory, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                p = Path(root) / name
                if p.suffix.lower() in DEFAULT_INCLUDE and not self.config.excluded(p):
                    found.append(p)
        return found


def worst(findings: Iterable[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)
