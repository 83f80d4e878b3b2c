"""The command line: parse options, call the library, render, pick the exit code.  Nothing more."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from collectlint import __version__
from collectlint.api import Linter, Options
from collectlint.config import Config, discover
from collectlint.config import load as load_config
from collectlint.errors import CollectlintError
from collectlint.mask import mask_text
from collectlint.model import SENSITIVITIES
from collectlint.models import CHANNELS, STAGES, ExitStatus, FileResult, Severity
from collectlint.packs.rule import Rule
from collectlint.report import FORMATS, render
from collectlint.report.sanitize import clean_label, for_display
from collectlint.report.stream import STREAMED, Tally, Writer
from collectlint.report.text_format import use_color
from collectlint.ruledocs import explain_text, rule_summary, rules_markdown

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str) -> None:
    click.echo(f"collectlint: {message}", err=True)
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
        click.echo(f"collectlint: warning: could not write the job summary to {clean_label(target)}: "
                   f"{exc.strerror or exc}", err=True)


def guarded(fn: F) -> F:
    """No traceback ever reaches the user: known errors are one line, anything else is reported."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CollectlintError as exc:
            _fail(exc.render())
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(ExitStatus.ERROR)
        except Exception as exc:  # pragma: no cover - a bug; still one line and exit 2
            _fail(clean_label(f"internal error: {type(exc).__name__}: {exc} (please report this)"))

    return wrapper  # type: ignore[return-value]


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


def _config(config_path: str | None, paths: Sequence[str]) -> Config:
    if config_path:
        return load_config(Path(config_path))
    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    found = discover(start)
    return load_config(found) if found else Config()


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
                click.echo(f"{clean_label(item.path)}  skipped: {clean_label(item.notice or item.error or '')}")
            elif isinstance(item, Path) and (reader_for(item.name) is None or item.name in NOT_TEMPLATES):
                click.echo(f"{clean_label(str(item))}  skipped: not a template type")
            else:
                click.echo(f"{clean_label(str(item))}  {clean_label(config)}")


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
_model_sensitivity = click.option(
    "--model-sensitivity", type=click.Choice(list(SENSITIVITIES)), default=None,
    help="How readily the learned model flags a message: low (fewer false alarms), medium (default), "
         "high (more violations caught, more false alarms).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="collectlint")
def cli() -> None:
    """collectlint: compliance linter for debt-collection messages."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rules (id, id prefix, name or category; comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (id, id prefix, name or category).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1.  [default: warning]")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: nearest .collectlint.yaml or pyproject.toml).")
@click.option("--channel", type=click.Choice(CHANNELS), default=None, help="Channel of every checked message.")
@click.option("--stage", type=click.Choice(STAGES), default=None, help="Delinquency stage of every message.")
@click.option("--report-lang", "--message-lang", "message_lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the report's messages and labels (default: each document's language). "
                   "--message-lang is the old name.")
@click.option("--stdin-filename", default=None, help="Name (and so format) of input read from '-'.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes marked unsafe.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not in this baseline file; the file is created when missing.")
@click.option("--update-baseline", is_flag=True, help="With --baseline, rewrite it with the current findings.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=1, show_default=True,
              help="Check files in this many processes, 0 for one per CPU (output order stays the input order).")
@click.option("--profile", default=None, help="Profile for every message (zh-CN, en-US); default: detected per message.")
@click.option("--no-model", is_flag=True, help="Turn off the learned second opinion (rules only).")
@_model_sensitivity
@click.option("--show-files", is_flag=True,
              help="List the files that would be checked (and their configuration), then exit.")
@click.option("--quiet", "-q", is_flag=True, help="Only findings and errors: no summary, hint or progress lines.")
@click.option("--fail-on-empty", is_flag=True, help="Exit 1 when nothing was checked (no template files or messages).")
@click.option("--require-rules", is_flag=True,
              help="Exit 1 when a message's profile has no conduct rules in force (instead of a notice).")
@guarded
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, config_path: str | None, channel: str | None, stage: str | None,
          message_lang: str | None, stdin_filename: str | None, output: str | None, fix: bool,
          unsafe_fixes: bool, diff: bool, baseline: str | None, update_baseline: bool, statistics: bool,
          exit_zero: bool, jobs: int, profile: str | None, no_model: bool, model_sensitivity: str | None,
          fail_on_empty: bool, require_rules: bool, quiet: bool, show_files: bool) -> None:
    """Check collection messages in PATHS (files, directories, or - for standard input; default: .)."""
    paths = paths or (".",)
    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes needs --fix or --diff")
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    config = _config(config_path, paths)
    options = Options(select=_split(select), ignore=_split(ignore), channel=channel, stage=stage,
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
            _fail(f"{flag} {clean_label(str(target))}: {problem}; nothing was written")
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
                click.echo(f"collectlint: {result.error}", err=True)
            elif result.notice and (not quiet or result.unruled):
                click.echo(f"collectlint: {result.path}: {result.notice}", err=True)
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
            out.write(tally.statistics())
        elif not diff:
            out.write(render(fmt, kept, lang, _rules_of(groups), threshold, dropped))
            if fmt == "github":
                _append_job_summary(kept)
    if writing_baseline and base is not None:
        count = write_baseline(base, prints)
        click.echo(f"collectlint: wrote {count} finding(s) to baseline {base}", err=True)
    if dropped:
        click.echo(f"collectlint: {dropped} finding(s) already in the baseline not shown", err=True)
    if not errors and not quiet:  # an input error is its own one-line report
        click.echo(f"collectlint: checked {tally.files_checked} file(s), {tally.messages} message(s)", err=True)
    if not errors and (not tally.files_checked or not tally.messages):
        click.echo("collectlint: warning: nothing was checked (no template files or messages in "
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
        _fail(f"{output}: cannot write report: {exc.strerror or exc}")
        raise  # unreachable: _fail exits
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
        click.echo(unified_diff(result.path, result.text, current), nl=False)
    else:
        click.echo(mask_text(current), nl=False)
    return replace(result, text=current, findings=fixed_findings), True


def _fix(linter: Linter, result: FileResult, unsafe: bool, diff_only: bool) -> tuple[FileResult, bool]:
    """Fix one file until it converges; print a diff or write it.  Returns the re-linted result."""
    from collectlint.fix import encode, fix_until_stable, fixable_text, unified_diff, write_atomically

    path = Path(result.path)
    try:
        text, encoding, raw = fixable_text(path, result.digest)
    except CollectlintError as exc:
        click.echo(f"collectlint: {exc.render()}", err=True)
        return result, False
    current, fixed_findings = fix_until_stable(text, result.findings,
                                               lambda t: linter.lint_text_as(t, str(path)), unsafe)
    fixed_result = replace(result, text=current, findings=fixed_findings)
    if current == text:
        return result, False
    if diff_only:
        click.echo(unified_diff(result.path, text, current), nl=False)
        return result, True
    try:
        write_atomically(path, encode(current, encoding), raw)
    except CollectlintError as exc:
        return replace(result, error=exc.render()), False
    except OSError as exc:
        return replace(result, error=f"{path}: cannot write fix: {exc.strerror or exc}"), False
    fixed = len(result.findings) - len(fixed_findings)
    click.echo(f"collectlint: {path}: {max(0, fixed)} fixed, {len(fixed_findings)} remaining", err=True)
    return fixed_result, True


def _all_rules(config_path: str | None) -> tuple[Rule, ...]:
    return Linter(_config(config_path, [])).rules


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@guarded
def rules(fmt: str, config_path: str | None) -> None:
    """List the rules in force (md: the rule reference kept in docs/rules.md)."""
    all_rules = _all_rules(config_path)
    if fmt == "md":
        click.echo(rules_markdown(all_rules), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps([rule_summary(r) for r in all_rules], ensure_ascii=False, indent=2))
        return
    click.echo(f"{'ID':<7} {'SEVERITY':<8} {'CATEGORY':<18} NAME")
    for r in all_rules:
        click.echo(f"{r.id:<7} {r.severity.label:<8} {r.category.value:<18} {r.name}")


@cli.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@guarded
def explain(rule: str, config_path: str | None) -> None:
    """Show a rule's documentation: what it flags, why, legal basis, example, what to write instead."""
    for r in _all_rules(config_path):
        if rule in (r.id, r.name):
            click.echo(explain_text(r))
            return
    _fail(f"unknown rule '{rule}' (see 'collectlint rules')")


@cli.command("eval")
@click.argument("corpus", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@click.option("--fail-under", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 when any category's precision or recall is below this.")
@click.option("--no-model", is_flag=True, help="Rules only (default: rules + model, then rules only for comparison).")
@_model_sensitivity
@guarded
def eval_command(corpus: str, fmt: str, config_path: str | None, fail_under: float | None, no_model: bool,
                 model_sensitivity: str | None) -> None:
    """Precision, recall and F1 per category over a labelled JSONL corpus (file or directory).

    The first report is the product as shipped (rules + the learned model); then rules only and the
    model only, so each layer is measured on its own.
    """
    from collectlint.evaluate import evaluate, evaluate_model_only, load_corpus, render_text

    items = load_corpus(Path(corpus))
    config = _config(config_path, [])
    rules_only = evaluate(Linter(config, Options(model=False)), items)
    shipped = None if no_model else Linter(config, Options(model=True, model_sensitivity=model_sensitivity))
    combined = rules_only if shipped is None else evaluate(shipped, items)
    # The model alone at the sensitivity the session resolved (command line, then configuration).
    model_only = None if shipped is None else evaluate_model_only(items, shipped.model_sensitivity)
    if fmt == "json":
        data = combined.to_json()
        data["layers"] = {"rules_only": rules_only.to_json()["message_level"]}
        if model_only is not None:
            data["layers"]["model_only"] = model_only.to_json()["message_level"]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(combined, "rules only: " if no_model else "rules + model: "), nl=False)
        if not no_model:
            click.echo("\n" + render_text(rules_only, "rules only: ", brief=True), nl=False)
            if model_only is not None:
                click.echo("\n" + render_text(model_only, "model only: ", brief=True), nl=False)
    if fail_under is not None and any(
        s.precision < fail_under or s.recall < fail_under for s in combined.scores.values()
    ):
        sys.exit(ExitStatus.FINDINGS)


@cli.command("test-packs")
@click.argument("directories", nargs=-1, type=click.Path(file_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@guarded
def test_packs(directories: tuple[str, ...], config_path: str | None) -> None:
    """Run the examples of the rule packs in DIRECTORIES (default: the configured rule-dirs and the shipped packs).

    Every fire example must fire (on its pinned [[span]] when it has one), every silent one must stay
    silent; todo examples are run and reported without failing.
    """
    from collectlint.packtests import run_pack_examples

    config = _config(config_path, [])
    outcome = run_pack_examples(config, tuple(directories))
    for line in outcome.lines:
        click.echo(line)
    click.echo(f"{outcome.passed} passed, {outcome.failed} failed" + (f", {outcome.todo} todo" if outcome.todo else ""))
    sys.exit(ExitStatus.FINDINGS if outcome.failed else ExitStatus.OK)


def main() -> None:
    cli(prog_name="collectlint")
