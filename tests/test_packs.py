"""Rule packs are decoded strictly: every error names file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectlint.errors import PackError
from collectlint.packs.loader import load_pack

GOOD_RULE = """\
pack: test
rules:
  - id: TS001
    name: test-phrase
    category: threat
    severity: error
    message: {zh: 测试, en: test}
    docs: {what: a, why: b, basis: c, source_status: R, example: d, instead: e}
    match:
      type: phrase
      phrases: [坐牢]
    examples: {fire: [坐牢], silent: [你好]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "pack.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_good_pack_loads(tmp_path: Path) -> None:
    rules = load_pack(_write(tmp_path, GOOD_RULE))
    assert [r.id for r in rules] == ["TS001"]


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ("    severity: error\n", "    severity: error\n    colour: red\n", 7, "unknown key 'colour'"),
        ("      phrases: [坐牢]\n", "      phrases: [坐牢]\n      bogus: 1\n", 12, "unknown key 'bogus'"),
        ("      type: phrase\n      phrases: [坐牢]\n", "      type: regex\n      pattern: '(a'\n", 11, "invalid regular"),
        ("      type: phrase\n      phrases: [坐牢]\n", "      type: regex\n      pattern: '坐(?=牢)'\n", 11,
         "invalid regular"),
        ("      type: phrase\n      phrases: [坐牢]\n", "      type: regex\n      pattern: '傳票'\n", 11,
         "can never match"),
        ("      type: phrase\n      phrases: [坐牢]\n", "      type: regex\n      pattern: 'JAIL'\n", 11,
         "can never match"),
        ("      phrases: [坐牢]\n", "      phrases: [\"\\u200b\"]\n", 11, "can never match"),
        ("    category: threat\n", "    category: scary\n", 5, "expected one of"),
        ("    name: test-phrase\n", "    name: TestPhrase\n", 4, "kebab-case"),
        ("  - id: TS001\n", "  - id: bad\n", 3, "capital letters"),
        ("    examples: {fire: [坐牢], silent: [你好]}\n", "", 3, "missing required key 'examples'"),
        ("      type: phrase\n", "      type: magic\n", 10, "expected one of"),
        ("    category: threat\n", "    category: threat\n    also-categories: [threat]\n", 6, "repeats the rule's own"),
        ("    category: threat\n", "    category: threat\n    also-categories: [scary]\n", 6, "is not one of"),
        ("    category: threat\n", "    category: missing-element\n    also-categories: [threat]\n", 6,
         "for conduct rules only"),
    ],
)
def test_bad_pack_errors_name_file_line_and_key(tmp_path: Path, old: str, new: str, line: int,
                                                fragment: str) -> None:
    assert old in GOOD_RULE
    path = _write(tmp_path, GOOD_RULE.replace(old, new))
    with pytest.raises(PackError) as info:
        load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message
    assert "\n" not in message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_RULE.replace("    severity: error\n", "    severity: [error\n"))
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(info.value).startswith(f"{path}:")
    assert "invalid YAML" in str(info.value)


def test_catastrophic_regex_is_run_by_the_linear_time_engine(tmp_path: Path) -> None:
    """(a+)+$ takes exponential time on a backtracking engine; rule regexes run on RE2 instead.

    No timing assertion here (figures belong in the benchmark): the test would hang if the pattern
    backtracked, and it checks the engine that compiled it.
    """
    from collectlint.api import Linter, Options
    from collectlint.checks.regex import RegexCheck

    rule_dir = tmp_path / "rules"
    rule_dir.mkdir()
    text = GOOD_RULE.replace("      type: phrase\n      phrases: [坐牢]\n", "      type: regex\n      pattern: '(a+)+$'\n")
    text = text.replace("{fire: [坐牢], silent: [你好]}", "{fire: [aaaa], silent: [你好]}")
    (rule_dir / "p.yaml").write_text(text, encoding="utf-8")
    linter = Linter(options=Options(extra_rule_dirs=(str(rule_dir),), select=("TS001",)))
    (rule,) = linter.rules
    assert isinstance(rule.check, RegexCheck)
    assert type(rule.check.compiled).__module__.startswith("re2")
    assert linter.lint_text("a" * 30000 + "!") == []
    assert [f.rule_id for f in linter.lint_text("aaaa")] == ["TS001"]


def test_pack_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("pack: x\nrules: []\n" + "#" * (3 * 1024 * 1024), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(big)
    assert "larger than" in str(info.value)
    many = GOOD_RULE.replace("phrases: [坐牢]", "phrases: [" + ", ".join(f"词{i}" for i in range(6000)) + "]")
    with pytest.raises(PackError) as info2:
        load_pack(_write(tmp_path, many))
    assert "phrases" in str(info2.value)


def test_unsafe_yaml_tags_are_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "pack: !!python/object/apply:os.system ['echo hi']\nrules: []\n")
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert "invalid YAML" in str(info.value)


def test_also_categories_load_sorted(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("    category: threat\n", "    category: threat\n    also-categories: [pressure, insult]\n")
    (rule,) = load_pack(_write(tmp_path, text))
    assert [c.value for c in rule.also_categories] == ["insult", "pressure"]


def _repeated_entries(node: object, where: str) -> list[str]:
    """Every list of strings under ``node`` whose entries repeat (case folded), named by its path."""
    if isinstance(node, dict):
        return [r for k, v in node.items() for r in _repeated_entries(v, f"{where}.{k}")]
    if isinstance(node, list):
        if node and all(isinstance(x, str) for x in node):
            seen: set[str] = set()
            repeated = [x for x in node if x.lower() in seen or seen.add(x.lower())]
            return [f"{where}: {repeated}"] if repeated else []
        return [r for i, v in enumerate(node)
                for r in _repeated_entries(v, f"{where}[{v.get('id', i) if isinstance(v, dict) else i}]")]
    return []


def test_shipped_phrase_lists_hold_each_phrase_once() -> None:
    import yaml

    root = Path(__file__).resolve().parent.parent / "rules"
    files = sorted(root.glob("*/*.yaml"))
    assert files
    repeated = [r for f in files for r in _repeated_entries(yaml.safe_load(f.read_text(encoding="utf-8")), f.name)]
    assert repeated == []
