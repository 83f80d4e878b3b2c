"""The program's entry point: a plain ``check PATH...`` skips click and behaves exactly like the full
command line."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import click
import pytest

from collectlint.checkrun import run_check
from collectlint.cli import cli
from collectlint.entry import plain_check

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("args", "expected"), [
    (["check", "a.md", "-", "dir"], ("a.md", "-", "dir")),
    (["check"], ()),
    (["check", "--quiet", "a.md"], None),
    (["check", "a.md", "-o", "out.json"], None),
    (["check", "--", "a.md"], None),
    (["rules"], None),
    ([], None),
])
def test_only_a_check_with_nothing_but_paths_takes_the_short_way(args: list[str], expected: tuple[str, ...] | None
                                                                  ) -> None:
    assert plain_check(args) == expected


def test_run_check_defaults_are_the_option_defaults() -> None:
    command = cli.commands["check"]
    assert isinstance(command, click.Command)
    signature = inspect.signature(run_check).parameters
    names = [p.name for p in command.params]
    assert sorted(signature) == sorted(names)
    received = command.make_context("check", []).params  # what the command is called with, no options given
    assert sorted(received) == sorted(names)
    for name, value in received.items():
        assert signature[name].default == value, name


def _run(*args: str, cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "collectlint", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("inputs", [
    ["examples/bad_letter.md"],
    ["examples"],
    ["no-such-file.md"],
    ["examples/bad_letter.md", "no-such-file.md"],
])
def test_the_short_way_prints_and_exits_like_the_full_command_line(inputs: list[str], tmp_path: Path) -> None:
    short = _run("check", *[str(ROOT / p) for p in inputs], cwd=tmp_path)
    full = _run("check", "--format", "text", *[str(ROOT / p) for p in inputs], cwd=tmp_path)
    assert short == full
    assert short[0] in (1, 2)


def test_the_short_way_says_when_nothing_was_checked(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _run("check", "empty", cwd=tmp_path)
    assert code == 0 and "nothing was checked" in err
    assert (code, err) == _run("check", "--format", "text", "empty", cwd=tmp_path)[::2]


def test_the_short_way_never_imports_click(tmp_path: Path) -> None:
    """click costs a hook run a tenth of its start-up; the plain path checks a file without it.  Nor does it
    import ``dataclasses`` (and with it ``inspect``, ``ast`` and ``dis``): collectlint's records are
    ``collectlint.record`` classes."""
    probe = ("import sys\nsys.argv = ['collectlint', 'check', sys.argv[1]]\nfrom collectlint.entry import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print([m for m in ('dataclasses', 'inspect', 'ast') if m in sys.modules])\n"
             "print('CLICK' if 'click' in sys.modules else 'NO-CLICK')\n")
    message = tmp_path / "m.txt"
    message.write_text("【XX银行】您尾号1234的信用卡本期应还1,200.00元，到期日11月30日，详询95555。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", probe, str(message)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=300)
    assert "checked 1 file(s)" in result.stderr
    assert result.stdout.strip().splitlines()[-2:] == ["[]", "NO-CLICK"]


def test_a_clean_markdown_letter_in_a_python_project_needs_no_yaml_or_toml_parser(tmp_path: Path) -> None:
    """A two-line letter without front matter, in a project whose pyproject.toml says nothing to
    collectlint: the hook run reads neither YAML nor TOML, and compiles no split-word pattern (its line
    break stands between two sentences)."""
    probe = ("import sys\nsys.argv = ['collectlint', 'check', sys.argv[1]]\nfrom collectlint.entry import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\nfrom collectlint import normalize\n"
             "print(sorted(m for m in ('yaml', 'tomllib', 'tomli') if m in sys.modules),"
             " normalize._split_chars.cache_info().currsize + normalize._enum_comma.cache_info().currsize)\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "letters"\n', encoding="utf-8")
    letter = tmp_path / "letter.md"
    letter.write_text("【XX银行】尊敬的张先生，您尾号1234的信用卡本期应还金额1,200.00元，最后还款日为2024年3月5日。\n"
                      "如已还款请忽略本提醒；如有疑问请致电客服热线95555。\n", encoding="utf-8")
    # The first run builds the compiled packs from their YAML (once per installation); the second is a hook's.
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", probe, str(letter)], capture_output=True, text=True,
                                cwd=tmp_path, timeout=300)
    assert "checked 1 file(s)" in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[] 0"
