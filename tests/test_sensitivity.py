"""The learned model's sensitivity: thresholds per level, and the levels reach the findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.api import Linter
from collectlint.cli import cli
from collectlint.config import Config
from collectlint.errors import ConfigError
from collectlint.model import ANY, DEFAULT_SENSITIVITY, SENSITIVITIES
from collectlint.model.scorer import load_model
from collectlint.models import CONDUCT
from collectlint.session import Options

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("profile", ["zh-CN", "en-US"])
def test_levels_are_ordered_and_medium_is_the_shipped_default(profile: str) -> None:
    model = load_model(profile)
    assert model is not None
    low, medium, high = (model.threshold(ANY, name) for name in ("low", "medium", "high"))
    assert low > medium > high, (low, medium, high)
    assert model.threshold(ANY) == medium and DEFAULT_SENSITIVITY == "medium"
    assert set(SENSITIVITIES) == {"low", "medium", "high"}


def _between_levels() -> str:
    """A real dev message no rule flags whose violation score lies between the high and medium levels."""
    model = load_model("zh-CN")
    assert model is not None
    rules = Linter(Config(), Options(model=False))
    for line in (ROOT / "corpus" / "real" / "zh" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        prob = model.score_one(text, ANY)[0]
        if model.threshold(ANY, "high") <= prob < model.threshold(ANY, "medium") and not any(
                f.category in CONDUCT for f in rules.lint_text(text)):
            return text
    raise AssertionError("no dev message between the two levels")


def test_high_flags_a_message_medium_leaves_alone() -> None:
    text = _between_levels()
    found = {level: [f for f in Linter(Config(), Options(model_sensitivity=level)).lint_text(text) if f.rule_id == "ML100"]
             for level in ("low", "medium", "high")}
    assert found["high"] and not found["medium"] and not found["low"]
    # Flagged at ``high``, the finding is explained like any other: the words that drove the score.
    assert all(f.explanation.strip() for f in found["high"]), [f.explanation for f in found["high"]]


def test_an_unknown_level_from_the_library_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown model sensitivity 'hgih'"):
        Linter(Config(), Options(model_sensitivity="hgih"))


def test_config_and_command_line_choose_the_level(tmp_path: Path) -> None:
    letter = tmp_path / "a.txt"
    letter.write_text(_between_levels() + "\n", encoding="utf-8")
    runner = CliRunner()
    medium = runner.invoke(cli, ["check", "--select", "ML100", str(letter)])
    high = runner.invoke(cli, ["check", "--select", "ML100", "--model-sensitivity", "high", str(letter)])
    assert (medium.exit_code, high.exit_code) == (0, 1), (medium.output, high.output)
    (tmp_path / ".collectlint.yaml").write_text("model-sensitivity: high\n", encoding="utf-8")
    configured = runner.invoke(cli, ["check", "--select", "ML100", str(letter)])
    overridden = runner.invoke(cli, ["check", "--select", "ML100", "--model-sensitivity", "medium", str(letter)])
    assert (configured.exit_code, overridden.exit_code) == (1, 0)


def test_unknown_level_in_config_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / ".collectlint.yaml").write_text("model-sensitivity: extreme\n", encoding="utf-8")
    letter = tmp_path / "a.txt"
    letter.write_text("你好\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(letter)])
    assert result.exit_code == 2
    assert str(tmp_path / ".collectlint.yaml") in result.stderr and "model-sensitivity" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_reports_the_chosen_level() -> None:
    corpus = str(ROOT / "corpus" / "real" / "zh" / "dev.jsonl")
    caught = {}
    for level in ("low", "high"):
        result = CliRunner().invoke(cli, ["eval", "--format", "json", "--model-sensitivity", level, corpus])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        caught[level] = (data["message_level"]["all"], data["layers"]["model_only"]["all"])
    for layer in (0, 1):  # rules + model, and the model alone
        assert caught["high"][layer]["caught"] > caught["low"][layer]["caught"]
        assert caught["high"][layer]["false_alarms"] >= caught["low"][layer]["false_alarms"]
