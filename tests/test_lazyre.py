"""Patterns read back from the compiled cache compile on first use and behave as compiled ones."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from collectlint import compiled_cache
from collectlint.lazyre import LazyPattern


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"(?P<n>\d+)元", re.IGNORECASE
    lazy, real = LazyPattern(source, flags), re.compile(source, flags)
    text = "应还1200元，另有30元"
    assert not hasattr(lazy, "_compiled")  # nothing compiled until first use
    back = pickle.loads(pickle.dumps(lazy))
    assert isinstance(back, LazyPattern) and not hasattr(back, "_compiled")  # a copy stays uncompiled
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.search(text).group("n") == "1200"  # type: ignore[union-attr]
    assert lazy.sub("X", text) == real.sub("X", text)
    assert lazy.groupindex == real.groupindex and lazy.groups == real.groups
    assert hasattr(lazy, "_compiled") and lazy.compiled() is lazy.compiled()
    assert lazy.flags == real.flags
    assert lazy == back and hash(lazy) == hash(back) and lazy != real


def test_inline_flags_are_the_patterns_own() -> None:
    assert LazyPattern("(?a)\\w+").fullmatch("abc") is not None  # ASCII inline: no Unicode flag forced on it
    assert LazyPattern("(?i)x").flags == re.compile("(?i)x").flags
    assert LazyPattern(b"[a-z]+").findall(b"ab 12 cd") == [b"ab", b"cd"]


def test_every_module_level_pattern_compiles() -> None:
    """A module-level pattern is no longer compiled at import, so a malformed one would surface only when
    first used: compile every one here."""
    import importlib
    import pkgutil

    import collectlint

    seen = 0
    for info in pkgutil.walk_packages(collectlint.__path__, "collectlint."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                value.compiled()
                seen += 1
    assert seen > 50


def test_a_bad_lazy_pattern_fails_when_used_not_when_loaded() -> None:
    lazy = LazyPattern("(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_the_cache_stores_patterns_uncompiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    value = {"rules": [re.compile("坐牢|拘留"), re.compile(r"\bjail\b", re.I)]}
    compiled_cache.write("lazy", value)
    back = compiled_cache.read("lazy")
    assert isinstance(back, dict)
    patterns = back["rules"]
    assert all(isinstance(p, LazyPattern) for p in patterns)
    assert patterns[0].search("让你坐牢") is not None and patterns[1].search("JAIL time") is not None


def test_the_shipped_rules_profiles_and_model_are_all_cached(tmp_path: Path) -> None:
    """A write that fails (silently, by design) leaves every start-up recompiling everything, several times
    slower: one real check in a fresh process must leave an entry for the rules, a profile and the model."""
    message = tmp_path / "m.txt"
    message.write_text("【XX银行】您尾号1234的信用卡本期应还1,200.00元，到期日11月30日，详询95555。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "collectlint", "check", str(message)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    names = sorted(p.stem.split("-")[1] for p in (tmp_path / "collectlint").glob("rules-*.bin"))
    assert "model" in names and "profile" in names, names
    assert any(len(n) == 32 for n in names), names  # the rule packs' own entry (keyed by a bare hash)
