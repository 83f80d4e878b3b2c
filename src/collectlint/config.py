"""Discover and strictly validate ``.collectlint.yaml`` or ``[tool.collectlint]`` in pyproject.toml."""

from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path
from typing import Any

from collectlint.errors import ConfigError
from collectlint.model import DEFAULT_SENSITIVITY, SENSITIVITIES
from collectlint.models import CHANNELS, COMMUNICATIONS, STAGES, Severity
from collectlint.record import field, record
from collectlint.yamlspec import yamlloc
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict, LList

CONFIG_NAMES = (".collectlint.yaml", ".collectlint.yml")
TOP_KEYS = {"select", "ignore", "fail-on", "severity", "rule-dirs", "message-lang", "files", "exclude",
            "required-elements", "placeholder-aliases", "profile", "model", "model-sensitivity", "per-file-ignores"}
FILE_KEYS = {"glob", "channel", "stage", "communication"}


@record(frozen=True)
class FileSetting:
    glob: str
    channel: str | None
    stage: str | None
    communication: str | None = None  # initial, subsequent or validation (US profile)


@record(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_dirs: tuple[str, ...] = ()
    message_lang: str | None = None
    profile: str | None = None  # force one profile for every file (default: detected per message)
    model: bool = True  # the learned second opinion
    model_sensitivity: str = DEFAULT_SENSITIVITY  # how readily it flags (``model.SENSITIVITIES``)
    files: tuple[FileSetting, ...] = ()
    exclude: tuple[str, ...] = ()
    # channel (or "default") -> elements every message of that channel must contain
    required_elements: dict[str, frozenset[str]] = field(default_factory=dict)
    # element -> extra placeholder names that satisfy it
    placeholder_aliases: dict[str, frozenset[str]] = field(default_factory=dict)
    # glob -> rule selectors (id, id prefix, name or category) not reported for files matching it
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def _matches(self, path: str, glob: str) -> bool:
        """Whether ``glob`` (relative to the config's folder, or a bare file name) matches ``path``."""
        rel = path
        if self.path is not None:
            try:
                rel = _absolute(Path(path)).relative_to(_absolute(self.path.parent)).as_posix()
            except ValueError:
                rel = Path(path).as_posix()
        return fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(Path(rel).name, glob)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Selectors ``per-file-ignores`` switches off for ``path`` (globs relative to the config)."""
        return tuple(s for glob, selectors in self.per_file_ignores if self._matches(path, glob) for s in selectors)

    def setting_for(self, path: str) -> tuple[str | None, str | None, str | None]:
        """(channel, stage, communication) from the matching ``files`` globs, relative to the config's folder;
        for each, the last glob that sets it wins."""
        channel = stage = communication = None
        for fs in self.files:
            if self._matches(path, fs.glob):
                channel = fs.channel or channel
                stage = fs.stage or stage
                communication = fs.communication or communication
        return channel, stage, communication

    def excluded(self, path: Path) -> bool:
        """Whether ``exclude`` skips ``path``: a glob matching it as given, relative to the config's folder,
        or its file name."""
        rel = path.as_posix()
        return any(fnmatch.fnmatch(rel, g) or self._matches(rel, g) for g in self.exclude)


MAX_CONFIG_BYTES = 1024 * 1024  # a configuration is a few lines; a bigger one is a mistake or an attack


def _toml(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"pyproject.toml is larger than {MAX_CONFIG_BYTES // 1024} KiB", path=str(path))
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    # Most projects' pyproject.toml says nothing to collectlint: it is not parsed then (a hook run on a
    # clean file saves the TOML parser's import and the parse).
    if b"collectlint" not in raw:
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", path=str(path)) from None
    return dict(data.get("tool", {}).get("collectlint", {})) if "collectlint" in data.get("tool", {}) else {}


def _as_located(value: Any) -> Any:
    """Wrap TOML data in the located types (line 0: TOML errors name the key, not the line)."""
    if isinstance(value, dict):
        d = LDict({k: _as_located(v) for k, v in value.items()})
        d.key_lines = {}
        return d
    if isinstance(value, list):
        lst = LList(_as_located(v) for v in value)
        lst.item_lines = []
        return lst
    return value


def _profile_name(reader: SpecReader, m: LDict, where: str) -> str | None:
    if "profile" not in m:
        return None
    from collectlint.profiles import get_profile, profile_names

    return get_profile(reader.choice(m, "profile", where, [*profile_names(), *(n.lower() for n in profile_names()),
                                                               "cn", "zh", "en", "us"])).name


def _absolute(path: Path) -> Path:
    """An absolute path without resolving links (a symlink loop must not break discovery)."""
    return Path(os.path.abspath(path))


def is_directory(path: Path) -> bool:
    """A real directory (not a link to one); False for anything the OS cannot even look at (a name
    longer than the file system allows, a folder without permission)."""
    try:
        return path.is_dir() and not path.is_symlink()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def discover(start: Path) -> Path | None:
    here = _absolute(start)
    if not is_directory(here):
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if _is_file(folder / name):
                return folder / name
        pyproject = folder / "pyproject.toml"
        if _is_file(pyproject):
            try:
                if _toml(pyproject):
                    return pyproject
            except ConfigError:
                return pyproject
    return None


def load(path: Path) -> Config:
    import yaml

    reader = SpecReader(str(path), ConfigError)
    if path.name == "pyproject.toml":
        data: Any = _as_located(_toml(path))
    else:
        try:
            if path.stat().st_size > MAX_CONFIG_BYTES:
                raise ConfigError(f"config is larger than {MAX_CONFIG_BYTES // 1024} KiB", path=str(path))
            data = yamlloc.load(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise ConfigError(f"cannot read config: {exc.strerror or exc}", path=str(path)) from None
        except UnicodeDecodeError:
            raise ConfigError("config is not valid UTF-8", path=str(path)) from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"invalid YAML: {yamlloc.error_text(exc)}", path=str(path),
                              line=yamlloc.error_line(exc)) from None
        if data is None:
            data = _as_located({})
    m = reader.mapping(data, 1, "config")
    w = "config"
    reader.keys(m, w, allowed=TOP_KEYS)
    severity: dict[str, Severity] = {}
    if "severity" in m:
        sev = reader.mapping(m["severity"], m.line_of("severity"), "config: severity")
        for key in sev:
            severity[key] = Severity.parse(reader.choice(sev, key, "config: severity", ["error", "warning", "info"]))
    files: list[FileSetting] = []
    if "files" in m:
        raw = m["files"]
        if not isinstance(raw, LList):
            raise reader.fail(m.line_of("files"), "config: 'files' must be a list of {glob, channel, stage, communication}")
        for i, item in enumerate(raw):
            fw = f"config: files item {i + 1}"
            f = reader.mapping(item, raw.line_of(i), fw)
            reader.keys(f, fw, allowed=FILE_KEYS, required={"glob"})
            files.append(FileSetting(
                reader.string(f, "glob", fw),
                reader.choice(f, "channel", fw, CHANNELS) if "channel" in f else None,
                reader.choice(f, "stage", fw, STAGES) if "stage" in f else None,
                reader.choice(f, "communication", fw, COMMUNICATIONS) if "communication" in f else None,
            ))
    required: dict[str, frozenset[str]] = {}
    if "required-elements" in m:
        from collectlint.checks.required import known_elements

        rw = "config: required-elements"
        req = reader.mapping(m["required-elements"], m.line_of("required-elements"), rw)
        for channel in req:
            if channel not in (*CHANNELS, "default"):
                raise reader.fail(req.line_of(channel), f"{rw}: unknown channel '{channel}'")
            items = reader.strings(req, channel, rw)
            for element, line in items:
                if element not in known_elements():
                    raise reader.fail(line, f"{rw}: unknown element '{element}' (expected one of: "
                                      + ", ".join(known_elements()) + ")")
            required[channel] = frozenset(e for e, _ in items)
    aliases: dict[str, frozenset[str]] = {}
    if "placeholder-aliases" in m:
        from collectlint.checks.required import known_elements
        from collectlint.elements import alias_keys

        aw = "config: placeholder-aliases"
        amap = reader.mapping(m["placeholder-aliases"], m.line_of("placeholder-aliases"), aw)
        for element in amap:
            if element not in known_elements():
                raise reader.fail(amap.line_of(element), f"{aw}: unknown element '{element}'")
            aliases[element] = alias_keys([s for s, _ in reader.strings(amap, element, aw)])
    base = path.parent
    return Config(
        required_elements=required,
        placeholder_aliases=aliases,
        path=path,
        select=tuple(s for s, _ in reader.strings(m, "select", w)),
        ignore=tuple(s for s, _ in reader.strings(m, "ignore", w)),
        fail_on=Severity.parse(reader.choice(m, "fail-on", w, ["error", "warning", "info"]))
        if "fail-on" in m else None,
        severity=severity,
        rule_dirs=tuple(str(_absolute(base / s)) for s, _ in reader.strings(m, "rule-dirs", w)),
        message_lang=reader.choice(m, "message-lang", w, ["zh", "en"]) if "message-lang" in m else None,
        profile=_profile_name(reader, m, w),
        model=reader.boolean(m, "model", w, default=True),
        model_sensitivity=reader.choice(m, "model-sensitivity", w, list(SENSITIVITIES))
        if "model-sensitivity" in m else DEFAULT_SENSITIVITY,
        files=tuple(files),
        exclude=tuple(s for s, _ in reader.strings(m, "exclude", w)),
        per_file_ignores=_per_file_ignores(reader, m),
    )


def _per_file_ignores(reader: SpecReader, m: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if "per-file-ignores" not in m:
        return ()
    pw = "config: per-file-ignores"
    mapping = reader.mapping(m["per-file-ignores"], m.line_of("per-file-ignores"), pw)
    return tuple((str(glob), tuple(s for s, _ in reader.strings(mapping, glob, pw))) for glob in mapping)
