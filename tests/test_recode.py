"""Patterns built from the store of compiled code are the patterns ``re.compile`` gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from collectlint import compiled_cache, recode

PATTERNS: list[tuple[str | bytes, int]] = [
    ("[\u3400-\u9fff\uf900-\ufaff]", 0),
    (r"(?P<amount>\d[\d,]{0,64})(?:\.\d{1,2})?\s*元", 0),
    (r"(?<![a-z])warrant(?:s)?\b", re.IGNORECASE),
    (r"(?i)final\s+notice", 0),
    (r"(?=[\d@])(?:\d{3}-\d{4}|[\w.]+@\w+)", 0),
    (rb"[a-z]+", 0),
    (r"(a)|(?P<b>b)", re.ASCII),
]
TEXTS = ["应还1,200.50 元，逾期将产生罚息", "FINAL  Notice: a Warrants list, 555-0100, a.b@example", "ab 中文 b"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has read no store and compiled nothing yet."""
    monkeypatch.setattr(recode, "_found", None)
    monkeypatch.setattr(recode, "_added", {})


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # the engine's equality: same source, flags and code
    assert (a.flags, a.groups, a.groupindex) == (b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        subject = text.encode() if isinstance(a.pattern, bytes) else text
        assert [m.span() for m in a.finditer(subject)] == [m.span() for m in b.finditer(subject)]  # type: ignore[arg-type]


@pytest.mark.usefixtures("fresh")
def test_compiled_and_stored_patterns_equal_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    for source, flags in PATTERNS:
        _same(recode.compile(source, flags), re.compile(source, flags))
    recode.flush()
    assert recode._added == {}
    # A new process reads the store and builds every pattern from it, compiling none.
    monkeypatch.setattr(recode, "_found", None)

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled although the store holds it")

    monkeypatch.setattr(recode, "_entry", no_compiling)
    for source, flags in PATTERNS:
        _same(recode.compile(source, flags), re.compile(source, flags))
    assert len(recode._store()) >= len(PATTERNS)


@pytest.mark.usefixtures("fresh")
def test_a_bad_pattern_raises_as_re_compile_does() -> None:
    with pytest.raises(re.error):
        recode.compile("(unclosed")
    assert recode._added == {}


@pytest.mark.usefixtures("fresh")
def test_a_damaged_entry_falls_back_to_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "[\u3400-\u9fff]+"
    flags, _code, groups, names, index = recode._entry(source, 0)[0]
    monkeypatch.setattr(recode, "_found", {(source, 0): (flags, b"\x07\x00\x00\x00" * 3, groups, names, index)})
    _same(recode.compile(source), re.compile(source))


@pytest.mark.usefixtures("fresh")
def test_the_store_keeps_the_newest_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recode, "KEEP", 3)
    for n in range(5):
        recode.compile(f"x{n}+")
    recode.flush()
    monkeypatch.setattr(recode, "_found", None)
    assert [source for source, _ in recode._store()] == ["x2+", "x3+", "x4+"]


@pytest.mark.usefixtures("fresh")
def test_no_store_is_written_when_nothing_was_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    monkeypatch.setattr(compiled_cache, "write", lambda key, value: written.append(key))
    recode.flush()
    assert written == []


def test_a_check_run_leaves_the_store_for_the_next_start_up(tmp_path: Path) -> None:
    """``collectlint check`` writes what it compiled; the next run finds there the Han class that
    language detection and the normaliser use on every Chinese message."""
    target = tmp_path / "sms.txt"
    target.write_text("【XX银行】您本期应还1,200.00元，请于3月5日前还款。客服95555。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-m", "collectlint", "check", str(target)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    probe = ("import os, re; from collectlint import recode; s = recode._store(); "
             "print(len(s), ('[\\u3400-\\u9fff\\uf900-\\ufaff]', 0) in s)")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    count, has_han = out.stdout.split()
    assert int(count) > 10 and has_han == "True", out.stderr
