"""Find and load rule packs: the shipped ones plus any extra directories from configuration."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from collectlint.errors import CollectlintError, PackError
from collectlint.packs.rule import Rule, build_rule
from collectlint.yamlspec import yamlloc
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict, LList

if TYPE_CHECKING:
    from collectlint.engine import PhraseIndex

PACK_KEYS = {"pack", "description", "profile", "language", "rules"}
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


def _read_yaml(path: Path, reader: SpecReader) -> object:
    import yaml

    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            raise reader.fail(None, f"rule pack is larger than {MAX_PACK_BYTES // 1024} KiB")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise reader.fail(None, f"cannot read rule pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise reader.fail(None, "rule pack is not valid UTF-8") from None
    try:
        return yamlloc.load(text)
    except yaml.YAMLError as exc:
        raise reader.fail(yamlloc.error_line(exc), f"invalid YAML: {yamlloc.error_text(exc)}") from None


def is_lexicon(data: object) -> bool:
    return isinstance(data, LDict) and "lexicon" in data


def load_lexicon(path: Path, data: object, into: dict[str, list[str]]) -> None:
    """Add a lexicon file's word classes to ``into``.  A class may name earlier classes as ``@name``."""
    reader = SpecReader(str(path), lexicon=into)
    lex = reader.mapping(data, 1, "lexicon")
    reader.keys(lex, "lexicon", allowed={"lexicon", "description", "classes"}, required={"lexicon", "classes"})
    classes = reader.mapping(lex["classes"], lex.line_of("classes"), "lexicon: classes")
    for name in classes:
        where = f"lexicon class {name}"
        if name in into:
            raise reader.fail(classes.line_of(name), f"{where}: defined twice")
        words: list[str] = []
        for raw, line in reader.strings(classes, name, where, required=True):
            if raw.startswith("@"):
                if raw[1:] not in into:
                    raise reader.fail(line, f"{where}: names unknown class '{raw[1:]}' (define it above)")
                words.extend(into[raw[1:]])
            else:
                words.append(raw)
        into[name] = words


def load_pack(path: Path, lexicon: dict[str, list[str]] | None = None, data: object = None) -> list[Rule]:
    reader = SpecReader(str(path), lexicon=lexicon)
    if data is None:
        data = _read_yaml(path, reader)
    pack = reader.mapping(data, 1, "pack")
    reader.keys(pack, "pack", allowed=PACK_KEYS, required={"pack", "rules"})
    reader.string(pack, "pack", "pack")
    profile = _pack_profile(reader, pack)
    if profile is not None:
        from collectlint.profiles import get_profile

        reader.inflections = get_profile(profile).inflections
    raw_rules = pack["rules"]
    if not isinstance(raw_rules, LList) or not raw_rules:
        raise reader.fail(pack.line_of("rules"), "pack: 'rules' must be a non-empty list")
    if len(raw_rules) > MAX_RULES_PER_PACK:
        raise reader.fail(pack.line_of("rules"), f"pack: more than {MAX_RULES_PER_PACK} rules")
    return [build_rule(reader, item, raw_rules.line_of(i), profile) for i, item in enumerate(raw_rules)]


def _pack_profile(reader: SpecReader, pack: LDict) -> str | None:
    """The profile a pack belongs to: ``profile:``, else its ``language:`` (``any``: every profile)."""
    from collectlint.profiles import get_profile

    key = "profile" if "profile" in pack else "language" if "language" in pack else None
    if key is None:
        return None
    value = reader.string(pack, key, "pack")
    if value == "any":
        return None
    try:
        return get_profile(value).name
    except CollectlintError as exc:
        raise reader.fail(pack.line_of(key), f"pack: {exc.detail}") from None


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


def load_rules(extra_dirs: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Every rule of the shipped packs and ``extra_dirs``.

    Cached in the process by the packs' content identity (path, size and modification time of every
    file), so an edited pack is reloaded by a long-lived process; and on disk by a key made of the
    packs' bytes, collectlint's own sources and Python's version, so a change to the code that compiles
    them is never served stale results.  See ``compiled_cache`` for how the disk copy is protected.
    """
    return load_compiled(extra_dirs)[0]


def load_compiled(extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[Rule, ...], PhraseIndex]:
    """``load_rules``, with the phrase automata over all of them (``engine.PhraseIndex``), which are
    compiled and cached together with the rules."""
    files = [path for directory in (shipped_rules_dir(), *map(Path, extra_dirs)) for path in pack_files(directory)]
    return _load(tuple((str(p), *_stat(p)) for p in files))


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


@functools.lru_cache(maxsize=8)
def _load(identity: tuple[tuple[str, int, int], ...]) -> tuple[tuple[Rule, ...], PhraseIndex]:
    from collectlint import compiled_cache
    from collectlint.engine import PhraseIndex

    files = [Path(p) for p, _, _ in identity]
    key = _cache_key(files)
    cached = compiled_cache.read(key)
    if (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], tuple)
            and all(isinstance(r, Rule) for r in cached[0]) and isinstance(cached[1], PhraseIndex)
            and cached[1].rules is cached[0]):
        return cached
    rules: list[Rule] = []
    lexicon: dict[str, list[str]] = {}
    documents = [(path, _read_yaml(path, SpecReader(str(path)))) for path in files]
    for path, data in documents:  # word classes first: any pack may name any class
        if is_lexicon(data):
            load_lexicon(path, data, lexicon)
    for path, data in documents:
        if not is_lexicon(data):
            rules.extend(load_pack(path, lexicon, data))
    _check_unique(rules)
    result = tuple(rules)
    index = PhraseIndex(result)  # computes each phrase set's pinyin spellings once
    index.spelled_entry = f"{key}-spelled"
    compiled_cache.write(index.spelled_entry, index.spelled())
    compiled_cache.write(key, (result, index))
    return result, index


def _cache_key(files: list[Path]) -> str:
    from collectlint.compiled_cache import code_fingerprint

    digest = hashlib.sha256(code_fingerprint().encode())
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:32]


__all__ = ["LDict", "load_compiled", "load_pack", "load_rules", "shipped_rules_dir"]
