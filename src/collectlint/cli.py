"""The command line: parse options, call the library, render, pick the exit code.  Nothing more."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from collectlint import __version__
from collectlint.api import Linter, Options
from collectlint.checkrun import Progress, config_for, fail, guarded, run_check, split_values
from collectlint.model import SENSITIVITIES
from collectlint.models import CHANNELS, STAGES, ExitStatus
from collectlint.packs.rule import Rule
from collectlint.report import FORMATS
from collectlint.ruledocs import explain_text, rule_summary, rules_markdown

__all__ = ["Progress", "cli", "main"]


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
    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes needs --fix or --diff")
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    for flag, values in (("--select", select), ("--ignore", ignore)):
        if values and not split_values(values):
            raise click.UsageError(f"{flag} names no rule (give ids, id prefixes, names or categories)")
    if profile is not None and not profile.strip():
        raise click.UsageError("--profile is empty")
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError(f"--statistics prints text or json, not {fmt}")
    if stdin_filename is not None and "-" not in paths:
        if paths:  # never read the tree when the user meant standard input
            raise click.UsageError("--stdin-filename names standard input: add - to the paths")
        paths = ("-",)  # as ruff does: a name for standard input and nothing else means read it
    run_check(paths=paths, fmt=fmt, select=select, ignore=ignore, fail_on=fail_on, config_path=config_path,
              channel=channel, stage=stage, message_lang=message_lang, stdin_filename=stdin_filename,
              output=output, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, baseline=baseline,
              update_baseline=update_baseline, statistics=statistics, exit_zero=exit_zero, jobs=jobs,
              profile=profile, no_model=no_model, model_sensitivity=model_sensitivity,
              fail_on_empty=fail_on_empty, require_rules=require_rules, quiet=quiet, show_files=show_files)


def _all_rules(config_path: str | None) -> tuple[Rule, ...]:
    return Linter(config_for(config_path, [])).rules


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
    fail(f"unknown rule '{rule}' (see 'collectlint rules')")


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
    from collectlint.evaluate import evaluate, evaluate_model_only, notices, read_corpus, render_text
    from collectlint.report.sanitize import clean_label

    read = read_corpus(Path(corpus))
    for line in notices(read):  # each bad line on its own line (the rest is still scored), unread keys, labels
        click.echo(f"collectlint: {line}", err=True)
    items = read.items
    if not items:
        fail(clean_label(f"{corpus}: corpus has no messages" + (" that could be read" if read.errors else "")))
    config = config_for(config_path, [])
    rules_only = evaluate(Linter(config, Options(model=False)), items)
    shipped = None if no_model else Linter(config, Options(model=True, model_sensitivity=model_sensitivity))
    combined = rules_only if shipped is None else evaluate(shipped, items)
    # The model alone at the sensitivity the session resolved (command line, then configuration).
    model_only = None if shipped is None else evaluate_model_only(items, shipped.model_sensitivity)
    if fmt == "json":
        data = combined.to_json()
        # Lines left out are part of the result: the JSON alone must not look complete.
        data["errors"] = [clean_label(error.render()) for error in read.errors]
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
    if read.errors:  # the figures above leave lines out: never a clean exit
        click.echo(f"collectlint: {len(read.errors)} corpus line(s) or file(s) could not be read and are not scored",
                   err=True)
        sys.exit(ExitStatus.ERROR)
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

    config = config_for(config_path, [])
    outcome = run_pack_examples(config, tuple(directories))
    for line in outcome.lines:
        click.echo(line)
    if not outcome.passed + outcome.failed + outcome.todo:  # never a false green: nothing was tested
        where = ", ".join(directories) if directories else "the configured rule-dirs"
        click.echo(f"collectlint: no rule examples found in {where}: nothing was tested", err=True)
        sys.exit(ExitStatus.ERROR)
    click.echo(f"{outcome.passed} passed, {outcome.failed} failed" + (f", {outcome.todo} todo" if outcome.todo else ""))
    sys.exit(ExitStatus.FINDINGS if outcome.failed else ExitStatus.OK)


def main() -> None:
    cli(prog_name="collectlint")
