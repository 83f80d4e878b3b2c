"""Consistency between code, generated docs and the README."""

from __future__ import annotations

from pathlib import Path

from collectlint.cli import cli
from collectlint.packs.loader import load_rules
from collectlint.ruledocs import rules_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_rule_reference_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(load_rules()), (
        "docs/rules.md is stale: run `collectlint rules --format md > docs/rules.md`"
    )


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"collectlint {name}" in readme, f"command {name} missing from README"


def test_the_training_recipe_installs_what_the_trainer_imports() -> None:
    """The README's retraining recipe (``pip install -e ".[train]"``, then tools/train_model.py) works only
    when the ``train`` extra exists and covers every third-party package the trainer imports."""
    import ast
    import re
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert '".[train]"' in readme and "tools/train_model.py" in readme
    # Python 3.10 has no tomllib: the extra is a plain list of quoted requirements.
    block = re.search(r"^train = \[(.*?)\]", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M | re.S)
    assert block is not None, "pyproject.toml declares no train extra"
    declared = {re.split(r"[<>=!~ ;\[]", req, maxsplit=1)[0].lower() for req in re.findall(r'"([^"]+)"', block.group(1))}
    import_names = {"scikit-learn": "sklearn"}
    provided = {import_names.get(name, name) for name in declared}
    tree = ast.parse((ROOT / "tools" / "train_model.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    third_party = imported - set(sys.stdlib_module_names) - {"collectlint", "__future__"}
    assert third_party, "the trainer imports no third-party package: this test checks nothing"
    assert third_party <= provided, f"tools/train_model.py imports {sorted(third_party - provided)} outside the train extra"
