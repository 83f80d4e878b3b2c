"""Detection survives evasion: a violating sentence perturbed by any combination of the families that
real senders use to dodge filters is still flagged (rules only, so the model cannot paper over a gap)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from collectlint.api import Linter, Options

LINTER = Linter(options=Options(model=False))

# (prefix, the word a filter looks for, suffix, the rule that must fire)
CASES = [
    ("再不还钱就让你", "坐牢", "。", "CN201"),
    ("欠钱不还，我们就", "曝光", "你。", "CN401"),
    ("你这个", "老赖", "，赶紧还钱。", "CN502"),
]
INVISIBLE = ["\u2062", "\u3164", "\u200e", "\u200f", "\u202e", "\u200b", "\u00ad", "\u034f"]
COMBINING = ["\u0301", "\u0300", "\u0308"]
# 、 between a split word's characters is covered separately: next to whole words it reads as a list
# (家人、朋友), which is a documented limit (docs/security.md).
FILLERS = [" ", "*", "-", ".", "😀", "🌹", "·"]


def perturb(word: str, families: list[str], picks: list[int]) -> str:
    out = []
    for i, ch in enumerate(word):
        out.append(ch)
        if i == len(word) - 1:
            break
        pick = picks[i % len(picks)]
        for family in families:
            if family == "invisible":
                out.append(INVISIBLE[pick % len(INVISIBLE)])
            elif family == "combining":
                out.append(COMBINING[pick % len(COMBINING)])
            elif family == "filler":
                out.append(FILLERS[pick % len(FILLERS)])
            elif family == "newline":
                out.append("\n")
    return "".join(out)


@settings(max_examples=150, deadline=None)
@given(case=st.sampled_from(CASES),
       families=st.lists(st.sampled_from(["invisible", "combining", "filler", "newline"]), unique=True),
       picks=st.lists(st.integers(0, 20), min_size=1, max_size=4),
       traditional=st.booleans())
def test_perturbed_violation_is_still_flagged(case: tuple[str, str, str, str], families: list[str],
                                             picks: list[int], traditional: bool) -> None:
    prefix, word, suffix, rule = case
    if "newline" in families:
        # one character per line: the word stands alone on its lines
        text = prefix + "\n" + perturb(word, families, picks) + "\n" + suffix
    else:
        text = prefix + perturb(word, families, picks) + suffix
    if traditional:
        text = text.replace("还", "還").replace("钱", "錢").replace("让", "讓").replace("赖", "賴")
    assert rule in {f.rule_id for f in LINTER.lint_text(text)}, repr(text)


def test_tone_numbers_and_homoglyphs() -> None:
    assert "CN201" in {f.rule_id for f in LINTER.lint_text("欠款不还就让你zuo4lao2")}
    assert "CN201" in {f.rule_id for f in LINTER.lint_text("欠款不还就让你zu\u043elao")}  # Cyrillic о


def test_enumeration_comma_splitting_a_word() -> None:
    assert "CN201" in {f.rule_id for f in LINTER.lint_text("欠款不还就让你坐、牢")}
    assert "CN401" in {f.rule_id for f in LINTER.lint_text("欠款不还：曝、光")}
    assert "CN201" in {f.rule_id for f in LINTER.lint_text("欠款不还就让你\n坐\n牢\n")}
