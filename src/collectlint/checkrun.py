"""``collectlint check``: everything the command does once its options are parsed, without click.

The command line (``cli``) parses options with click; a plain ``collectlint check FILE...`` (the
pre-commit hook's call) comes here straight from ``entry`` without importing click or the other
commands, which is a fifth of a hook run's start-up.  ``run_check``'s defaults are the option
defaults of ``cli.check`` (a test compares them).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TextIO, TypeVar

from collectlint.api import Linter, Options
from collectlint.config import Config, discover
from collectlint.config import load as load_config
from collectlint.errors import CollectlintError
from collectlint.mask import mask_text
from collectlint.models import ExitStatus, FileResult, Severity
from collectlint.packs.rule import Rule
from collectlint.record import replace
from collectlint.report import render
from collectlint.report.sanitize import clean_label, for_display
from collectlint.report.stream import STREAMED, Tally, Writer
from collectlint.report.text_format import use_color

F = TypeVar("F", bound=Callable[..., Any])


def echo(message: str, err: bool = False, nl: bool = True) -> None:
    """One line (or text) to standard output or error, flushed (what ``click.echo`` did here)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + ("\n" if nl else ""))
    stream.flush()


def fail(message: str) -> None:
    echo(f"collectlint: {message}", err=True)
    sys.exit(ExitStatus.ERROR)


def _clobbers_input(target: str, paths: Sequence[str]) -> str | None:
    """Why writing a report or baseline to ``target`` would destroy a template being checked (None when
    it would not): it is one of the inputs, or an existing template inside a checked folder.  Our own
    earlier report or baseline may be overwritten."""
    from collectlint.formats import reader_for
    from collectlint.runner import NOT_TEMPLATES, own_output

    real = os.path.realpath(target)
    if not os.path.isfile(real):
        return None
    try:
        with open(real, "rb") as fh:
            if own_output(fh.read(600), reader_for(real) or ""):
                return None
    except OSError:
        return None
    for item in paths:
        if item == "-":
            continue
        checked = os.path.realpath(item)
        if real == checked:
            return "is also an input of this run"
        if (os.path.isdir(checked) and real.startswith(checked.rstrip(os.sep) + os.sep)
                and reader_for(real) and os.path.basename(real) not in NOT_TEMPLATES):
            return "is a template in a checked folder"
    return None


def _append_job_summary(results: Sequence[FileResult]) -> None:
    """In GitHub Actions, the Markdown job summary goes to ``$GITHUB_STEP_SUMMARY`` next to the annotations."""
    from collectlint.report.github_format import job_summary

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(job_summary(results))
    except OSError as exc:
        echo(f"collectlint: warning: could not write the job summary to {clean_label(target)}: "
                   f"{exc.strerror or exc}", err=True)


def guarded(fn: F) -> F:
    """No traceback ever reaches the user: known errors are one line, anything else is reported."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CollectlintError as exc:
            fail(exc.render())
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(ExitStatus.ERROR)
        except OSError as exc:  # writing a report or baseline failed (a full disk, a missing folder)
            where = str(exc.filename) if exc.filename else "the report"
            fail(clean_label(f"cannot write {where}: {exc.strerror or type(exc).__name__}"))
        except Exception as exc:
            # A usage error from the full command line: click prints it with the usage line and exits 2.
            # (The plain ``check FILE...`` path never imports click, and a hook run should not pay for it.)
            click = sys.modules.get("click")
            if click is not None and isinstance(exc, click.ClickException):
                raise
            fail(clean_label(f"internal error: {type(exc).__name__}: {exc} (please report this)"))  # pragma: no cover

    return wrapper  # type: ignore[return-value]


def split_values(values: Sequence[str]) -> tuple[str, ...]:
    """Comma-separated option values (``--select CN2,US3``), each stripped, empty ones dropped."""
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


def config_for(config_path: str | None, paths: Sequence[str]) -> Config:
    if config_path:
        return load_config(Path(config_path))
    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    found = discover(start)
    return load_config(found) if found else Config()


def _run_config(config_path: str | None, paths: Sequence[str]) -> Config:
    """The configuration whose report settings the run uses: ``--config``'s, else the one nearest the first
    input.  A broken nearest one falls back to the defaults here; ``_governed`` then reports it once per input
    it governs, so the other inputs are still checked (``check B A`` with B's configuration broken)."""
    if config_path:
        return config_for(config_path, paths)
    try:
        return config_for(None, paths)
    except CollectlintError:
        return Config()


def _governed(first: Linter, options: Options, paths: Sequence[str], config_path: str | None
              ) -> list[tuple[Linter, list[str | FileResult]]]:
    """Each input with the linter of the configuration nearest to it (one linter per configuration).
    ``--config`` governs every input.  Report settings (fail-on, message language) come from the first."""
    if config_path:
        return [(first, list(paths))]
    from collectlint.governing import plan
    from collectlint.runner import SKIP_DIRS

    linters: dict[Path | None, Linter] = {first.config.path: first}

    def linter_for(found: Path | None) -> Linter:
        if found not in linters:
            linters[found] = Linter(load_config(found) if found else Config(), options)
        return linters[found]

    def expand(directory: Path, found: Path | None) -> list[str | FileResult]:
        return [str(e) if isinstance(e, Path) else e for e in linter_for(found).expand(directory)]

    steps = plan(paths, expand, lambda d: d in SKIP_DIRS or d.startswith("."))
    out: list[tuple[Linter, list[str | FileResult]]] = []
    for found, items in steps:
        try:
            out.append((linter_for(found), items))
        except CollectlintError as exc:
            # A broken nested configuration: an error for each input it governs; the others are checked.
            reason = exc.render()
            out.append((first, [FileResult(i, error=f"{i}: not checked: {reason}") if isinstance(i, str) else i
                                for i in items]))
    return out


def _show_files(groups: list[tuple[Linter, list[str | FileResult]]]) -> None:
    """One line per input: the file, then the configuration that governs it (or why it is skipped)."""
    from collectlint.formats import reader_for
    from collectlint.report.sanitize import clean_label
    from collectlint.runner import NOT_TEMPLATES

    for linter, items in groups:
        config = str(linter.config.path) if linter.config.path else "(defaults)"
        for item in linter.runner.inputs(items):
            if isinstance(item, FileResult):
                echo(f"{clean_label(item.path)}  skipped: {clean_label(item.notice or item.error or '')}")
            elif isinstance(item, Path) and (reader_for(item.name) is None or item.name in NOT_TEMPLATES):
                echo(f"{clean_label(str(item))}  skipped: not a template type")
            else:
                echo(f"{clean_label(str(item))}  {clean_label(config)}")


def _results(groups: list[tuple[Linter, list[str | FileResult]]], jobs: int) -> Iterator[tuple[Linter, FileResult]]:
    for linter, items in groups:
        for result in linter.lint_paths(items, jobs=jobs):
            yield linter, result


def _rules_of(groups: list[tuple[Linter, list[str | FileResult]]]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for linter, _ in groups:
        for rule in linter.rules:
            rules.setdefault(rule.id, rule)
    return list(rules.values())


class Progress:
    """A progress line on a terminal's standard error for runs longer than a few seconds (rewritten in
    place, erased at the end); nothing when standard error is not a terminal or with --quiet."""

    AFTER, EVERY = 3.0, 0.5

    def __init__(self, enabled: bool) -> None:
        import time

        self.enabled, self.files = enabled, 0
        self.clock = time.monotonic
        self.started = self.last = self.clock()
        self.shown = False

    def tick(self) -> None:
        self.files += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started >= self.AFTER and now - self.last >= self.EVERY:
            self.last = now
            self.shown = True
            sys.stderr.write(f"\rcollectlint: {self.files} file(s) checked, {now - self.started:.0f} s")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


# How readily the learned model flags a message (``check`` and ``eval``).


def run_check(paths: tuple[str, ...] = (), fmt: str = "text", select: tuple[str, ...] = (),
              ignore: tuple[str, ...] = (), fail_on: str | None = None, config_path: str | None = None,
              channel: str | None = None, stage: str | None = None, message_lang: str | None = None,
              stdin_filename: str | None = None, output: str | None = None, fix: bool = False,
              unsafe_fixes: bool = False, diff: bool = False, baseline: str | None = None,
              update_baseline: bool = False, statistics: bool = False, exit_zero: bool = False, jobs: int = 1,
              profile: str | None = None, no_model: bool = False, model_sensitivity: str | None = None,
              fail_on_empty: bool = False, require_rules: bool = False, quiet: bool = False,
              show_files: bool = False) -> None:
    """Check collection messages in ``paths`` (files, directories, or - for standard input; default: .)
    and exit with the command's exit code."""
    paths = paths or (".",)
    config = _run_config(config_path, paths)
    options = Options(select=split_values(select), ignore=split_values(ignore), channel=channel, stage=stage,
                      stdin_filename=stdin_filename, profile=profile, model=False if no_model else None,
                      model_sensitivity=model_sensitivity)
    linter = Linter(config, options)
    groups = _governed(linter, options, paths, config_path)
    if show_files:
        _show_files(groups)
        return
    baseline_written = baseline is not None and (update_baseline or not Path(baseline).exists())
    for target, flag in ((output, "--output"), (baseline if baseline_written else None, "--baseline")):
        problem = _clobbers_input(target, paths) if target and target != "-" else None
        if problem:
            fail(f"{flag} {clean_label(str(target))}: {problem}; nothing was written")
        folder = Path(target).parent if target and target != "-" else None
        if folder is not None and str(folder) and not folder.is_dir():
            fail(f"{flag} {clean_label(str(target))}: folder {clean_label(str(folder))} does not exist; nothing was checked")
    written = {os.path.abspath(p) for p in (output, baseline) if p and p != "-"}
    for member, _ in groups:
        member.runner.skip_files = written
    lang = message_lang or config.message_lang or ""
    base = Path(baseline) if baseline else None
    writing_baseline = base is not None and (update_baseline or not base.exists())
    if base is not None:  # imported only when a baseline is used
        from collectlint.baseline import filter_new
        from collectlint.baseline import load as load_baseline
        from collectlint.baseline import write as write_baseline
    known = load_baseline(base) if base is not None and not writing_baseline else None
    threshold = Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.WARNING)
    stream = fmt in STREAMED and not statistics and not diff
    stdin_fix = (fix or diff) and "-" in paths and not output
    with _report_stream(output, to_stderr=stdin_fix) as out:
        writer = Writer(fmt, out, lang, color=fmt == "text" and use_color(out), quiet=quiet) if stream else None
        kept: list[FileResult] = []  # formats rendered as one document at the end
        tally = Tally()
        prints: list[FileResult] = []
        would_change = failing = errors = unruled = False
        dropped = 0
        progress = Progress(enabled=not quiet and sys.stderr.isatty())
        for linter, result in _results(groups, jobs or os.cpu_count() or 1):
            progress.tick()
            if (fix or diff) and not result.error and result.findings and "-" in paths and not result.digest:
                result, changed = _fix_stdin(linter, result, unsafe_fixes, diff)  # never touches --stdin-filename
                would_change = would_change or changed
            elif (fix or diff) and not result.error and result.findings:
                result, changed = _fix(linter, result, unsafe_fixes, diff)
                would_change = would_change or changed
            result = for_display(result)
            if result.error:
                echo(f"collectlint: {result.error}", err=True)
            elif result.notice and (not quiet or result.unruled):
                echo(f"collectlint: {result.path}: {result.notice}", err=True)
            if writing_baseline:
                prints.append(FileResult(result.path, text=result.text, findings=result.findings))
                result = replace(result, findings=[])
            elif known is not None:
                dropped += filter_new([result], known)
            tally.add(result)
            unruled = unruled or result.unruled
            errors = errors or bool(result.error)
            failing = failing or any(f.severity >= threshold for f in result.findings)
            if writer is not None:
                writer.write(result)
            elif not statistics and not diff:
                kept.append(result)
        progress.done()
        if writer is not None:
            writer.close(tally)
        elif statistics:
            out.write(tally.statistics_json() if fmt == "json" else tally.statistics())
        elif not diff:
            out.write(render(fmt, kept, lang, _rules_of(groups), threshold, dropped))
            if fmt == "github":
                _append_job_summary(kept)
    if writing_baseline and base is not None:
        count = write_baseline(base, prints)
        echo(f"collectlint: wrote {count} finding(s) to baseline {base}", err=True)
    if dropped:
        echo(f"collectlint: {dropped} finding(s) already in the baseline not shown", err=True)
    if not errors and not quiet:  # an input error is its own one-line report
        echo(f"collectlint: checked {tally.files_checked} file(s), {tally.messages} message(s)", err=True)
    if not errors and (not tally.files_checked or not tally.messages):
        echo("collectlint: warning: nothing was checked (no template files or messages in "
                   + ", ".join(clean_label(p) for p in paths) + ")", err=True)
    if errors:
        sys.exit(ExitStatus.ERROR)
    if exit_zero:
        sys.exit(ExitStatus.OK)
    if (diff and would_change) or failing:
        sys.exit(ExitStatus.FINDINGS)
    if fail_on_empty and (not tally.files_checked or not tally.messages):
        sys.exit(ExitStatus.FINDINGS)
    if require_rules and unruled:
        sys.exit(ExitStatus.FINDINGS)
    sys.exit(ExitStatus.OK)


@contextlib.contextmanager
def _report_stream(output: str | None, to_stderr: bool = False) -> Iterator[TextIO]:
    """The report's destination: a file (written as the run goes), standard output, or standard error
    when standard output carries fixed text."""
    if not output:
        yield sys.stderr if to_stderr else sys.stdout
        return
    try:
        handle = open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        fail(f"{output}: cannot write report: {exc.strerror or exc}")
        raise  # unreachable: fail exits
    with handle:
        yield handle


def _fix_stdin(linter: Linter, result: FileResult, unsafe: bool, diff_only: bool) -> tuple[FileResult, bool]:
    """Fixes for standard input: the fixed text (or a diff) goes to standard output, masked like all
    output, and the report to standard error; no file is written, whatever --stdin-filename says."""
    from collectlint.fix import fix_until_stable, unified_diff
    current, fixed_findings = fix_until_stable(result.text, result.findings,
                                               lambda t: linter.lint_text_as(t, result.path), unsafe)
    if current == result.text:
        return result, False
    if diff_only:
        echo(unified_diff(result.path, result.text, current), nl=False)
    else:
        echo(mask_text(current), nl=False)
    return replace(result, text=current, findings=fixed_findings), True


def _fix(linter: Linter, result: FileResult, unsafe: bool, diff_only: bool) -> tuple[FileResult, bool]:
    """Fix one file until it converges; print a diff or write it.  Returns the re-linted result."""
    from collectlint.fix import encode, fix_until_stable, fixable_text, unified_diff, write_atomically

    path = Path(result.path)
    try:
        text, encoding, raw = fixable_text(path, result.digest)
    except CollectlintError as exc:
        echo(f"collectlint: {exc.render()}", err=True)
        return result, False
    current, fixed_findings = fix_until_stable(text, result.findings,
                                               lambda t: linter.lint_text_as(t, str(path)), unsafe)
    fixed_result = replace(result, text=current, findings=fixed_findings)
    if current == text:
        return result, False
    if diff_only:
        echo(unified_diff(result.path, text, current), nl=False)
        return result, True
    try:
        write_atomically(path, encode(current, encoding), raw)
    except CollectlintError as exc:
        return replace(result, error=exc.render()), False
    except OSError as exc:
        return replace(result, error=f"{path}: cannot write fix: {exc.strerror or exc}"), False
    fixed = len(result.findings) - len(fixed_findings)
    echo(f"collectlint: {path}: {max(0, fixed)} fixed, {len(fixed_findings)} remaining", err=True)
    return fixed_result, True
