"""Collection paused during a command-line start-up, resumed (with the start-up objects frozen) after
the first message; a library caller's process is never touched."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from collectlint import gcpause
from collectlint.api import Linter


def test_resume_without_pause_changes_nothing() -> None:
    frozen = gc.get_freeze_count()
    gcpause.resume()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_pause_then_resume_freezes_what_is_alive_and_collects_again() -> None:
    try:
        gcpause.pause()
        assert not gc.isenabled()
        gcpause.resume()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        gcpause.resume()  # a second call is a no-op
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_library_caller_keeps_its_collector(linter: Linter) -> None:
    frozen = gc.get_freeze_count()
    linter.lint_text("你好，您本期账单应还100元，请于3月5日前还款。")
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_command_line_collects_again_after_the_first_message(tmp_path: Path) -> None:
    code = ("import gc, sys\n"
            "from collectlint import entry, session\n"
            "seen = []\n"
            "lint = session.lint_message\n"
            "def spy(*a, **k):\n"
            "    seen.append(gc.isenabled())\n"
            "    return lint(*a, **k)\n"
            "session.lint_message = spy\n"
            "sys.argv = ['collectlint', 'check', *sys.argv[1:]]\n"
            "try:\n"
            "    entry.main()\n"
            "except SystemExit:\n"
            "    pass\n"
            "print(seen, gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("您好，本期应还100元。\n", encoding="utf-8")
    second.write_text("请于3月5日前还款。\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", code, str(first), str(second)], capture_output=True, text=True,
                         check=False)
    assert run.stderr.strip().splitlines()[-1] == "[False, True] True True", run.stderr
