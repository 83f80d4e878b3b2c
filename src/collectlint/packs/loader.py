"""Find and load rule packs: the shipped ones plus any extra directories from configuration."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path

import yaml

from collectlint.errors import PackError
from collectlint.packs import yamlloc
from collectlint.packs.rule import Rule, build_rule
from collectlint.packs.spec import SpecReader
from collectlint.packs.yamlloc import LDict, LList

PACK_KEYS = {"pack", "description", "language", "rules"}
MAX_PACK_BYTES = 2 * 1024 * 1024
MAX_RULES_PER_PACK = 2000
KEEP_CACHES = 8


def shipped_rules_dir() -> Path:
    """``collectlint/rules`` inside an installed wheel; the checkout's ``rules/`` otherwise."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "rules"
    if installed.is_dir():
        return installed
    return here.parent.parent / "rules"


def pack_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise PackError("rule directory does not exist", path=str(directory))
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_pack(path: Path) -> list[Rule]:
    reader = SpecReader(str(path))
    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            raise reader.fail(None, f"rule pack is larger than {MAX_PACK_BYTES // 1024} KiB")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise reader.fail(None, f"cannot read rule pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise reader.fail(None, "rule pack is not valid UTF-8") from None
    try:
        data = yamlloc.load(text)
    except yaml.YAMLError as exc:
        raise reader.fail(yamlloc.error_line(exc), f"invalid YAML: {yamlloc.error_text(exc)}") from None
    pack = reader.mapping(data, 1, "pack")
    reader.keys(pack, "pack", allowed=PACK_KEYS, required={"pack", "rules"})
    reader.string(pack, "pack", "pack")
    raw_rules = pack["rules"]
    if not isinstance(raw_rules, LList) or not raw_rules:
        raise reader.fail(pack.line_of("rules"), "pack: 'rules' must be a non-empty list")
    if len(raw_rules) > MAX_RULES_PER_PACK:
        raise reader.fail(pack.line_of("rules"), f"pack: more than {MAX_RULES_PER_PACK} rules")
    return [build_rule(reader, item, raw_rules.line_of(i)) for i, item in enumerate(raw_rules)]


def _check_unique(rules: Iterable[Rule]) -> None:
    seen_id: dict[str, Rule] = {}
    seen_name: dict[str, Rule] = {}
    for rule in rules:
        for key, seen in ((rule.id, seen_id), (rule.name, seen_name)):
            if key in seen:
                other = seen[key]
                raise PackError(f"duplicate rule '{key}' (first defined at {other.path}:{other.line})",
                                path=rule.path, line=rule.line)
            seen[key] = rule


@functools.lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Every rule of the shipped packs and ``extra_dirs``, compiled once and cached.

    The compiled rules (with the pinyin spellings of every phrase) are pickled into the user's cache
    folder under a key made of the packs' paths and bytes, collectlint's version and Python's; any
    change to a pack makes a new key.  A cache that cannot be read or written is simply rebuilt.
    """
    files = [path for directory in (shipped_rules_dir(), *map(Path, extra_dirs)) for path in pack_files(directory)]
    key = _cache_key(files)
    cache = _cache_dir() / f"rules-{key}.pickle"
    try:
        cached = pickle.loads(cache.read_bytes())
        if isinstance(cached, tuple) and all(isinstance(r, Rule) for r in cached):
            return cached
    except Exception:
        pass
    rules: list[Rule] = []
    for path in files:
        rules.extend(load_pack(path))
    _check_unique(rules)
    for rule in rules:
        for phrase_set in rule.check.phrase_sets():
            phrase_set.variant_set()  # pinyin spellings, computed once here rather than per run
    result = tuple(rules)
    _write_cache(cache, result)
    return result


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "collectlint"


def _cache_key(files: list[Path]) -> str:
    import sys

    from collectlint import __version__

    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:32]


def _write_cache(cache: Path, rules: tuple[Rule, ...]) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            pickle.dump(rules, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
        # Keep the few most recent compiled rule sets (projects with their own rule folders add more).
        old = sorted(cache.parent.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP_CACHES:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no cache this time; correctness does not depend on it


__all__ = ["LDict", "load_pack", "load_rules", "shipped_rules_dir"]
