"""Files, standard input, directories and ``--jobs``: the runner around a ``Session``.

Each input gives one ``FileResult``; a bad input is an error for that input only, never the run.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from collectlint.chunks import LARGE
from collectlint.config import is_directory
from collectlint.decode import decode_bytes, read_bytes
from collectlint.errors import CollectlintError, SkippedInput
from collectlint.formats import BINARY, READERS, Message, reader_for
from collectlint.lazyre import lazy_compile
from collectlint.models import FileResult
from collectlint.normalize import has_han, is_han
from collectlint.session import Session

# Files that are never templates even when a hook or a glob hands them over.
NOT_TEMPLATES = {"package.json", "package-lock.json", "composer.json", "composer.lock", "tsconfig.json",
                 "pnpm-lock.yaml", "yarn.lock", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml",
                 ".collectlint.yaml", ".collectlint.yml", "mkdocs.yml", "docker-compose.yml",
                 # a template repository's own documentation
                 "README.md", "README.txt", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.md", "LICENSE.txt",
                 "CODE_OF_CONDUCT.md", "SECURITY.md"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


class Runner:
    """Checks inputs with one session (and, with ``jobs`` > 1, with equal sessions in worker processes)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.options = session.options
        self.config = session.config
        # Files this run writes (its report, its baseline): never read back as templates.
        self.skip_files: set[str] = set()

    def lint_file(self, path: Path) -> FileResult:
        display = str(path)
        fmt = reader_for(display)
        if path.name in NOT_TEMPLATES:
            return FileResult(display, notice="not a message template, skipped", skipped=True)
        if fmt is None:
            return FileResult(display, notice=f"unknown file type '{path.suffix or path.name}', skipped", skipped=True)
        suppressed: list[tuple[str, int, str]] = []
        try:
            raw = read_bytes(path)
            if own_output(raw, fmt):
                return FileResult(display, notice="collectlint's own report or baseline, not a template; skipped",
                                  skipped=True)
            text, messages = read_messages(raw, display, fmt)
            findings = self.session.lint_messages(display, text, messages, suppressed)
        except SkippedInput as exc:
            return FileResult(display, notice=exc.detail, skipped=True)
        except CollectlintError as exc:
            return FileResult(display, error=exc.render())
        except Exception as exc:  # a defect met on this input (a library raising what it
            # documents nowhere, an OS error on an odd name): an error for this file, never the end of the run.
            return _defect(display, exc)
        notice = None
        if not text.strip():
            return FileResult(display, text=text, notice="empty file: nothing to check", skipped=True)
        elif any(len(m.text) > LARGE for m in messages):
            notice = "very large: checked in chunks; required elements and SMS length not checked"
        unruled = self._no_rules_notice(messages)
        return FileResult(display, text=text, findings=findings, lang=_lang(text, messages), notice=notice or unruled,
                          messages=len(messages), digest=hashlib.sha256(raw).hexdigest(), unruled=bool(unruled),
                          suppressed=suppressed)

    def lint_stdin(self, name: str = "-") -> FileResult:
        display = self.options.stdin_filename or name
        fmt = reader_for(display) if self.options.stdin_filename else ".txt"
        suppressed: list[tuple[str, int, str]] = []
        try:
            text, messages = read_messages(sys.stdin.buffer.read(), display, fmt or ".txt")
            if not text.strip():  # a broken pipe upstream looks like this: never "checked, clean"
                return FileResult(display, text=text, notice="empty input: nothing to check", skipped=True)
            findings = self.session.lint_messages(display, text, messages, suppressed)
        except SkippedInput as exc:
            return FileResult(display, notice=exc.detail, skipped=True)
        except CollectlintError as exc:
            return FileResult(display, error=exc.render())
        except Exception as exc:  # a defect met on this input (a library raising what it
            # documents nowhere, an OS error on an odd name): an error for this file, never the end of the run.
            return _defect(display, exc)
        unruled = self._no_rules_notice(messages)
        return FileResult(display, text=text, findings=findings, lang=_lang(text, messages),
                          notice=unruled, messages=len(messages), unruled=bool(unruled), suppressed=suppressed)

    def inputs(self, paths: Iterable[str | FileResult]) -> Iterator[Path | str | FileResult]:
        """What ``paths`` name, in order: files to check, ``-`` for standard input, or an error
        (a ``FileResult`` already decided by the caller passes through)."""
        for item in self._inputs(paths):
            if isinstance(item, Path) and self.skip_files and os.path.abspath(item) in self.skip_files:
                yield FileResult(str(item), notice="written by this run (report or baseline), not a template; skipped",
                                 skipped=True)
            else:
                yield item

    def _inputs(self, paths: Iterable[str | FileResult]) -> Iterator[Path | str | FileResult]:
        for item in paths:
            if isinstance(item, FileResult):
                yield item
                continue
            if item == "-":
                yield "-"
                continue
            path = Path(item)
            try:
                if is_directory(path):
                    yield from self.expand(path)
                    continue
                missing = not path.exists() and not path.is_symlink()
            except OSError as exc:  # a name longer than the file system allows, a folder without access
                yield FileResult(item, error=f"{item}: cannot read: {exc.strerror or type(exc).__name__}")
                continue
            if missing:
                yield FileResult(item, error=f"{item}: no such file or directory")
            elif self.config.excluded(path):
                # Named on the command line (as pre-commit names every staged file): still skipped, and said.
                yield FileResult(item, notice="excluded by the configuration's exclude, skipped", skipped=True)
            elif _link_to_folder_inside(path, Path.cwd()):
                yield from self.expand(path)  # a link to a folder of the checked tree is walked
            else:
                refused = unsafe_input(path, Path.cwd())
                yield FileResult(item, notice=refused, skipped=True) if refused else path

    def lint_paths(self, paths: Iterable[str | FileResult], jobs: int = 1) -> Iterator[FileResult]:
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
        import functools
        import multiprocessing

        from collectlint.parallel import check_files

        if multiprocessing.get_start_method() == "fork":
            self.session.warm()  # workers inherit the loaded dictionary and models instead of loading them
        done = check_files(files, jobs, functools.partial(_worker_check, self.session))
        for item in items:
            yield next(done) if isinstance(item, Path) else self._lint_item(item)

    def _lint_item(self, item: Path | str | FileResult) -> FileResult:
        if isinstance(item, FileResult):
            return item
        if isinstance(item, str):
            return self.lint_stdin()
        return self.lint_file(item)

    def expand(self, directory: Path) -> list[Path | FileResult]:
        found: list[Path | FileResult] = []
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(directory, followlinks=False, onerror=unreadable.append):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                p = Path(root) / name
                if reader_for(name) and name not in NOT_TEMPLATES and not self.config.excluded(p):
                    refused = unsafe_input(p, directory)
                    found.append(FileResult(str(p), notice=refused, skipped=True) if refused else p)
        # A folder the walk could not enter is an input error, never a silent pass.
        found += [FileResult(str(e.filename or directory),
                             error=f"{e.filename or directory}: cannot read folder: {e.strerror or type(e).__name__}")
                  for e in unreadable]
        return found

    def _no_rules_notice(self, messages: list[Message]) -> str | None:
        """Never a silent pass: say when a message's profile has no conduct rules in force."""
        missing: set[str] = set()
        foreign: set[str] = set()
        unread: set[str] = set()
        for m in messages:
            if not m.text.strip():
                continue
            language = m.unread_language
            if language is not None:
                unread.add(language)
                continue
            p = self.session.profile_for(m.text, m.profile)
            if not self.session.conduct_rules(p):
                missing.add(p.name)
            elif (m.profile or self.session.forced_profile) and _written_in_other_language(m.text, p.language):
                # Only a declared profile can mismatch: one detected from the text reads its language.
                foreign.add(p.name)
        if unread:
            return (f"written in {', '.join(sorted(unread))}, which no profile reads (collectlint reads Chinese "
                    "and English): not checked")
        if missing:
            return (f"no conduct rules in force for profile {', '.join(sorted(missing))}: "
                    "its messages were not checked for conduct")
        if foreign:
            return (f"profile {', '.join(sorted(foreign))} does not read the language these messages are written in: "
                    "they were not checked for conduct (remove the profile setting or set the right one)")
        return None


def _defect(display: str, exc: BaseException) -> FileResult:
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return FileResult(display, error=f"{display}: cannot read: {reason}")
    return FileResult(display, error=f"{display}: internal error on this file: {type(exc).__name__} "
                                     "(please report this); the other files were checked")


_OWN_JSON = lazy_compile(rb'\A\s*\{\s*"version"\s*:\s*[^,]{1,20},\s*"tool"\s*:\s*'
                       rb'(?:"collectlint |\{\s*"name"\s*:\s*"collectlint")')
_OWN_HTML = lazy_compile(rb'<meta name="generator" content="collectlint">')


def own_output(raw: bytes, fmt: str) -> bool:
    """Whether a file is collectlint's own JSON report, baseline or HTML report (written into the
    checked tree, it would otherwise be read as a catalogue or an email full of quoted violations)."""
    if fmt == ".json":
        return _OWN_JSON.match(raw[:400]) is not None
    if fmt in (".html", ".htm"):
        return _OWN_HTML.search(raw[:600]) is not None
    return False


def _written_in_other_language(text: str, language: str) -> bool:
    """Chinese text under an English profile (mostly Han characters), or English text under a Chinese one
    (no Han character at all and some words): the profile's rules cannot read it."""
    han = sum(1 for c in text if is_han(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if language == "en":
        return han > latin
    return han == 0 and latin >= 20


def _link_to_folder_inside(path: Path, tree: Path) -> bool:
    try:
        if not path.is_symlink():
            return False
        target = path.resolve(strict=True)
        target.relative_to(tree.resolve())
        return target.is_dir()
    except (OSError, RuntimeError, ValueError):
        return False


def unsafe_input(path: Path, tree: Path) -> str | None:
    """Why ``path`` is not read (None when it may be): a symbolic link that leads out of the checked
    tree, or anything that is not a regular file (FIFO, device, socket), which could block or never end."""
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            return None  # a regular file that is not a link (one system call; resolving costs one per folder)
    except OSError:
        return None  # reading it reports the missing or unreadable path as an input error
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None  # reading it reports the broken or looping link as an input error
    if path.is_symlink():
        try:
            target.relative_to(tree.resolve())
        except ValueError:
            kind = "folder" if target.is_dir() else "file"
            return f"symbolic link to a {kind} outside the checked tree, skipped"
    try:
        mode = target.stat().st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode):
        return "not a regular file (FIFO, device or socket), skipped"
    return None


def _worker_check(session: Session) -> Callable[[Path], FileResult]:
    """In a worker process: the function that checks one file with an equal session, built once."""
    return Runner(session).lint_file


def read_messages(data: bytes, display: str, fmt: str) -> tuple[str, list[Message]]:
    """The text of a file and its messages, by format (``.docx`` from its package, others decoded)."""
    if fmt in BINARY:
        from collectlint.formats import docx

        text = docx.docx_text(data, display)
        return text, docx.read(text, display)
    text = decode_bytes(data, display).text
    if "\r" in text:  # a lone CR ends a line (classic Mac files): read as LF, the same length, so offsets hold
        text = _LONE_CR.sub("\n", text)
    return text, READERS[fmt](text, display)


_LONE_CR = lazy_compile(r"\r(?!\n)")


def _lang(text: str, messages: list[Message]) -> str:
    """Language of a file's messages in the report: front matter ``lang``, else Chinese if it has any."""
    declared = next((m.lang for m in messages if m.lang), None)
    return declared or ("zh" if has_han(text) else "en")
