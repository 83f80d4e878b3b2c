"""Find and load rule packs: the shipped ones plus any extra directories from configuration."""

from __future__ import annotations

import functools
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
    rules: list[Rule] = []
    for directory in (shipped_rules_dir(), *map(Path, extra_dirs)):
        for path in pack_files(directory):
            rules.extend(load_pack(path))
    _check_unique(rules)
    return tuple(rules)


__all__ = ["LDict", "load_pack", "load_rules", "shipped_rules_dir"]
