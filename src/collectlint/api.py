"""Library entry points: ``Linter.lint_text`` and ``Linter.lint_paths`` return plain findings."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from collectlint.checks.suppression import SuppressionCheck
from collectlint.chunks import LARGE, chunks
from collectlint.config import Config
from collectlint.decode import decode_bytes, read_bytes
from collectlint.elements import CHANNEL_ELEMENTS
from collectlint.engine import RuleSet, select_rules
from collectlint.errors import CollectlintError, ConfigError, SkippedInput
from collectlint.formats import BINARY, READERS, Message, Suppression, reader_for
from collectlint.formats.script import customer_lines, is_script
from collectlint.models import FileResult, Finding, Span
from collectlint.normalize import has_han
from collectlint.packs.loader import load_rules
from collectlint.packs.rule import Rule
from collectlint.source import Document
from collectlint.suppress import apply as apply_suppressions

# Files that are never templates even when a hook or a glob hands them over.
NOT_TEMPLATES = {"package.json", "package-lock.json", "composer.json", "composer.lock", "tsconfig.json",
                 "pnpm-lock.yaml", "yarn.lock", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml",
                 ".collectlint.yaml", ".collectlint.yml", "mkdocs.yml", "docker-compose.yml",
                 # a template repository's own documentation
                 "README.md", "README.txt", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.md", "LICENSE.txt",
                 "CODE_OF_CONDUCT.md", "SECURITY.md"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


@dataclass(frozen=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    channel: str | None = None
    stage: str | None = None
    extra_rule_dirs: tuple[str, ...] = ()
    stdin_filename: str | None = None


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
        self.meta_rules = {r.check.problem: r for r in self.rules if isinstance(r.check, SuppressionCheck)}

    def document(self, text: str, path: str = "<text>", channel: str | None = None,
                 stage: str | None = None, detected_channel: str | None = None) -> Document:
        """Channel and stage precedence: command line, then the file itself (front matter, catalogue
        keys), then the configuration's ``files`` globs, then what the text looks like (a call script)."""
        cfg_channel, cfg_stage = self.config.setting_for(path) if path not in ("<text>", "-") else (None, None)
        chosen = self.options.channel or channel or cfg_channel or detected_channel
        doc = Document(text=text, path=path, channel=chosen, stage=self.options.stage or stage or cfg_stage)
        doc.masked = [(p.start, p.end) for p in doc.placeholders]
        doc.aliases = self.config.placeholder_aliases
        overrides = self.config.required_elements
        key = chosen or "default"
        if key in overrides:
            doc.required_elements = overrides[key]
        elif "default" in overrides:
            doc.required_elements = overrides["default"]
        else:
            doc.required_elements = CHANNEL_ELEMENTS.get(chosen, CHANNEL_ELEMENTS[None])
        return doc

    def lint_messages(self, path: str, text: str, messages: list[Message]) -> list[Finding]:
        """Lint each message and map its findings back to offsets in ``text``; then apply suppressions."""
        findings: list[Finding] = []
        suppressions: list[Suppression] = []
        seen: set[tuple[str, int, int]] = set()
        for message in messages:
            large = len(message.text) > LARGE
            # Speaker-labelled lines make a call script: customer lines are context only.
            script = is_script(message.text)
            masked = message.masked + (customer_lines(message.text) if script else [])
            for c0, c1 in chunks(message.text) if large else [(0, len(message.text))]:
                part = message.text[c0:c1]
                doc = self.document(part, path, message.channel, message.stage, "call" if script else None)
                doc.masked += [(s - c0, e - c0) for s, e in masked if s < c1 and e > c0]
                doc.leaf = message.key is not None
                doc.check_required = not large
                for f in self.ruleset.lint(doc):
                    start, end = message.to_file(f.span.start + c0, f.span.end + c0)
                    if (f.rule_id, start, end) in seen:
                        continue  # seen twice where chunks overlap
                    seen.add((f.rule_id, start, end))
                    exact = message.offsets is None or (end - start == f.span.end - f.span.start)
                    findings.append(replace(f, span=Span(start, end), key=message.key, exact_span=exact))
            suppressions += message.suppressions
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule_id))
        return apply_suppressions(text, findings, suppressions, self.meta_rules)

    def lint_text(self, text: str, path: str = "<text>", channel: str | None = None,
                  stage: str | None = None, fmt: str = "txt") -> list[Finding]:
        """Lint ``text`` as a file of format ``fmt`` (txt, md, html, yaml, json)."""
        messages = READERS["." + fmt](text, path)
        for m in messages:
            m.channel = channel or m.channel
            m.stage = stage or m.stage
        return self.lint_messages(path, text, messages)

    def lint_text_as(self, text: str, path: str) -> list[Finding]:
        """Lint ``text`` as the contents of ``path`` (format by its ending), as lint_file would."""
        fmt = reader_for(path)
        if fmt is None or fmt in BINARY:
            fmt = ".txt"
        return self.lint_messages(path, text, READERS[fmt](text, path))

    def lint_file(self, path: Path) -> FileResult:
        display = str(path)
        fmt = reader_for(display)
        if path.name in NOT_TEMPLATES:
            return FileResult(display, notice="not a message template, skipped")
        if fmt is None:
            return FileResult(display, notice=f"unknown file type '{path.suffix or path.name}', skipped")
        try:
            text, messages = read_messages(read_bytes(path), display, fmt)
            findings = self.lint_messages(display, text, messages)
        except SkippedInput as exc:
            return FileResult(display, notice=exc.detail)
        except CollectlintError as exc:
            return FileResult(display, error=exc.render())
        notice = None
        if not text.strip():
            notice = "empty file"
        elif any(len(m.text) > LARGE for m in messages):
            notice = "very large: checked in chunks; required elements and SMS length not checked"
        return FileResult(display, text=text, findings=findings, lang=_lang(text, messages), notice=notice)

    def lint_stdin(self, name: str = "-") -> FileResult:
        display = self.options.stdin_filename or name
        fmt = reader_for(display) if self.options.stdin_filename else ".txt"
        try:
            text, messages = read_messages(sys.stdin.buffer.read(), display, fmt or ".txt")
            findings = self.lint_messages(display, text, messages)
        except SkippedInput as exc:
            return FileResult(display, notice=exc.detail)
        except CollectlintError as exc:
            return FileResult(display, error=exc.render())
        return FileResult(display, text=text, findings=findings, lang=_lang(text, messages))

    def inputs(self, paths: Iterable[str]) -> Iterator[Path | str | FileResult]:
        """What ``paths`` name, in order: files to check, ``-`` for standard input, or an error."""
        for item in paths:
            if item == "-":
                yield "-"
                continue
            path = Path(item)
            if path.is_dir():
                yield from self.expand(path)
            elif not path.exists() and not path.is_symlink():
                yield FileResult(item, error=f"{item}: no such file or directory")
            else:
                yield path

    def lint_paths(self, paths: Iterable[str], jobs: int = 1) -> Iterator[FileResult]:
        """Results in input order; with ``jobs`` > 1 files are checked in that many processes."""
        items = list(self.inputs(paths)) if jobs > 1 else self.inputs(paths)
        if jobs <= 1:
            for item in items:
                yield self._lint_item(item)
            return
        files = [i for i in items if isinstance(i, Path)]
        if len(files) < 2:
            for item in items:
                yield self._lint_item(item)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                                 initargs=(self.config, self.options)) as pool:
            done = pool.map(_lint_in_worker, files, chunksize=max(1, min(64, len(files) // (jobs * 8))))
            for item in items:
                yield next(done) if isinstance(item, Path) else self._lint_item(item)

    def _lint_item(self, item: Path | str | FileResult) -> FileResult:
        if isinstance(item, FileResult):
            return item
        if isinstance(item, str):
            return self.lint_stdin()
        return self.lint_file(item)

    def expand(self, directory: Path) -> list[Path]:
        found: list[Path] = []
        for root, dirs, files in os.walk(directory, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                p = Path(root) / name
                if reader_for(name) and name not in NOT_TEMPLATES and not self.config.excluded(p):
                    found.append(p)
        return found


_WORKER: Linter | None = None


def _start_worker(config: Config, options: Options) -> None:
    global _WORKER
    _WORKER = Linter(config, options)


def _lint_in_worker(path: Path) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_file(path)


def read_messages(data: bytes, display: str, fmt: str) -> tuple[str, list[Message]]:
    """The text of a file and its messages, by format (``.docx`` from its package, others decoded)."""
    if fmt in BINARY:
        from collectlint.formats import docx

        text = docx.docx_text(data, display)
        return text, docx.read(text, display)
    text = decode_bytes(data, display).text
    return text, READERS[fmt](text, display)


def _lang(text: str, messages: list[Message]) -> str:
    """Language of a file's messages in the report: front matter ``lang``, else Chinese if it has any."""
    declared = next((m.lang for m in messages if m.lang), None)
    return declared or ("zh" if has_han(text) else "en")
