"""Check kinds not exercised by the shipped packs' examples: token patterns and proximity."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectlint.api import Linter, Options
from collectlint.errors import PackError

HEAD = """\
pack: test
rules:
  - id: TS{n:03d}
    name: test-rule-{n}
    category: threat
    severity: error
    message: {{zh: 测试, en: test}}
    docs: {{what: a, why: b, basis: c, source_status: R, example: d, instead: e}}
    examples: {{fire: [x], silent: [y]}}
    match:
"""


def linter_for(tmp_path: Path, match: str, n: int = 1) -> Linter:
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / f"p{n}.yaml").write_text(HEAD.format(n=n) + match, encoding="utf-8")
    return Linter(options=Options(extra_rule_dirs=(str(d),), select=(f"TS{n:03d}",)))


def spans(linter: Linter, text: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in linter.lint_text(text)]


def test_token_patterns_english(tmp_path: Path) -> None:
    linter = linter_for(tmp_path, """\
      type: tokens
      patterns:
        - [{LOWER: "we"}, {LOWER: {IN: ["will", "shall"]}}, {LOWER: "garnish"}]
        - [{LOWER: "arrest"}, {LOWER: "warrant"}]
""")
    assert spans(linter, "Tomorrow We will garnish your wages.") == ["We will garnish"]
    assert spans(linter, "An ARREST WARRANT was issued.") == ["ARREST WARRANT"]
    assert spans(linter, "We will not garnish anything.") == []
    assert spans(linter, "A warrant of arrest.") == []


def test_token_patterns_chinese(tmp_path: Path) -> None:
    linter = linter_for(tmp_path, """\
      type: tokens
      patterns:
        - [{TEXT: "马上"}, {OP: "?", IS_PUNCT: false}, {TEXT: "抓"}]
""")
    assert spans(linter, "警察马上来抓他") == ["马上来抓"]
    assert spans(linter, "我们马上回复") == []


def test_proximity_within_tokens(tmp_path: Path) -> None:
    linter = linter_for(tmp_path, """\
      type: proximity
      a: [家人]
      b: [欠款, 欠钱]
      within: 3
""")
    assert spans(linter, "告诉你家人你欠钱") == ["家人你欠钱"]
    assert spans(linter, "家人都很好，我们今天想和你确认一下这笔欠款") == []  # same sentence, too far apart
    assert spans(linter, "家人。欠款") == []  # adjacent, but in different sentences


def test_bad_token_pattern_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(PackError) as info:
        linter_for(tmp_path, """\
      type: tokens
      patterns:
        - [{POS: "VERB"}]
""", n=2)
    assert "unknown key 'POS'" in str(info.value) and "p2.yaml:" in str(info.value)


def test_a_frame_part_does_not_count_inside_its_unless_inside_words(tmp_path: Path) -> None:
    linter = linter_for(tmp_path, """\
      type: frame
      parts:
        - any: [case, lawsuit]
          unless_inside: [in that case, in most cases]
        - [filed, being]
      within: 8
""")
    assert spans(linter, "In that case, your plan is being set up today.") == []
    assert spans(linter, "In most cases, payments are being processed.") == []
    # The other phrase of the part still counts next to the excluded words, and so does "case" alone.
    assert spans(linter, "In that case, a lawsuit is being filed.") == ["lawsuit is being"]
    assert spans(linter, "Your case is being reviewed.") == ["case is being"]
    # Chinese: the excluded word is found the same way.
    linter = linter_for(tmp_path, """\
      type: frame
      parts:
        - any: [道上]
          unless_inside: [街道上]
        - [兄弟]
      within: 12
""", n=2)
    assert spans(linter, "街道上的兄弟们都在") == []
    assert spans(linter, "道上的兄弟都知道你") == ["道上的兄弟"]


def test_unless_name_drops_a_word_written_as_a_name_or_an_address(tmp_path: Path) -> None:
    linter = linter_for(tmp_path, """\
      type: phrase
      phrases: [levy, court]
    context:
      unless_name: [levy]
""")
    # A surname (after a title, after a given name, before an ampersand) and an address (house number,
    # street type) are names; the listed word's neighbour tests do not apply to "court".
    assert spans(linter, "Dear Mr. Levy, your balance is due.") == []
    assert spans(linter, "Please call Sarah Levy about your balance.") == []
    assert spans(linter, "Your file is with Levy & Associates now.") == []
    assert spans(linter, "Send payment to 100 Maple Court by Friday.") == []
    assert spans(linter, "Our office on Court Street is open today.") == []
    # The same words as the things they name: lower case, a sentence's first word, a heading, a court.
    assert spans(linter, "We will levy your account.") == ["levy"]
    assert spans(linter, "Levy notices go out today.") == ["Levy"]
    assert spans(linter, "Notice Of Bank Levy On Your Account") == ["Levy"]
    assert spans(linter, "Your case goes to the District Court today.") == ["Court"]


def test_unless_name_takes_single_words(tmp_path: Path) -> None:
    with pytest.raises(PackError) as info:
        linter_for(tmp_path, """\
      type: phrase
      phrases: [levy]
    context:
      unless_name: [bank levy]
""", n=2)
    assert "unless_name: 'bank levy' must be one word of letters" in str(info.value) and "p2.yaml:" in str(info.value)


def test_unless_inside_words_are_whole_words(tmp_path: Path) -> None:
    linter = linter_for(tmp_path, """\
      type: frame
      parts:
        - [call]
        - any: [supervisor]
          unless_inside: [our supervisor]
      within: 6
""")
    assert spans(linter, "I will call our supervisor about the fee.") == []
    # "our supervisor" is not a word inside "your supervisor".
    assert spans(linter, "We will call your supervisor at work.") == ["call your supervisor"]
