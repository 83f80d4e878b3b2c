from __future__ import annotations

import pytest

from collectlint.api import Linter, Options
from collectlint.nlp import zh

SAMPLES = [
    "我们会上门，还要发到你朋友圈曝光",
    "马上把你列入失信被执行人。",
    "滚动还款 杀毒软件 利滚利",
    "【XX银行】您尾号1234的信用卡本期应还1,200.00元 please call 95555",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_spacy_doc_carries_exactly_the_segmenters_tokens(text: str) -> None:
    seg = zh.Segmenter(["上门", "曝光"])
    doc = seg.spacy_doc(text)
    spacy_spans = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    assert seg.segment(text) == spacy_spans
    assert doc.text == text


def test_registered_phrase_stays_whole() -> None:
    text = "我们会上门"
    assert (3, 5) in zh.Segmenter(["上门"]).segment(text)
    assert "们会上" in [text[a:b] for a, b in zh.Segmenter(["们会上"]).segment(text)]


def test_segmenters_share_no_state() -> None:
    text = "本产品支持滚动还款"
    plain = zh.Segmenter()
    before = plain.segment(text)
    other = zh.Segmenter(["动还款"])
    assert "动还款" in [text[a:b] for a, b in other.segment(text)]
    assert plain.segment(text) == before
    assert zh.Segmenter().segment(text) == before


def test_a_second_rule_set_in_the_process_changes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Wrong answer 1 of the foundations issue: jieba's dictionary used to be process-global."""
    text = "本产品支持滚动还款"
    alone = Linter().lint_text(text)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "p.yaml").write_text("""\
pack: other
rules:
  - id: TS001
    name: test-rule
    category: threat
    severity: error
    message: {zh: 测试, en: test}
    docs: {what: a, why: b, basis: c, source_status: R, example: d, instead: e}
    examples: {fire: [动还款], silent: [y]}
    match: {type: phrase, phrases: [动还款]}
""", encoding="utf-8")
    other = Linter(options=Options(extra_rule_dirs=(str(rules),)))
    assert "TS001" in {f.rule_id for f in other.lint_text(text)}  # the other set did cut 滚/动还款
    again = Linter().lint_text(text)
    assert [f.rule_id for f in again] == [f.rule_id for f in alone]
    assert "CN501" not in {f.rule_id for f in again}


@pytest.mark.parametrize(("phrase", "expected", "absent"), [
    ("arrest", {"arrests", "arrested", "arresting"}, set()),
    ("sue", {"sues", "sued", "suing"}, set()),
    ("find you", {"found you", "finds you", "finding you"}, set()),
    ("stop", {"stopped", "stopping"}, set()),
    ("harass", {"harassed", "harasses", "harassing"}, set()),
    ("tell your boss", {"told your boss", "tell your bosses"}, set()),
    ("criminal charge", {"criminal charges"}, {"criminaled charge"}),
    ("lose your job", {"losing your job"}, {"lost your job"}),
    ("arrested", set(), {"arresteded"}),
])
def test_english_phrases_get_their_inflections(phrase: str, expected: set[str], absent: set[str]) -> None:
    from collectlint.nlp.inflect import phrase_inflections

    forms = phrase_inflections(phrase)
    assert expected <= forms and not (absent & forms) and phrase not in forms


def test_an_english_pack_phrase_matches_its_inflections(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from collectlint.config import Config

    (tmp_path / "house.yaml").write_text(
        "pack: house\nlanguage: en\nrules:\n  - id: HX001\n    name: house-seize\n    category: false-legal\n"
        "    severity: error\n    message: {zh: 扣押, en: Seizure}\n"
        "    docs: {what: w, why: w, basis: b, source_status: R, example: We will impound your car., instead: i}\n"
        "    match: {type: phrase, phrases: [impound]}\n"
        "    examples: {fire: [We will impound your car.], silent: [Your payment is due.]}\n", encoding="utf-8")
    linter = Linter(Config(rule_dirs=(str(tmp_path),)), Options(model=False))
    for text in ("Your car will be impounded tomorrow.", "They are impounding cars of people who owe us."):
        assert any(f.rule_id == "HX001" for f in linter.lint_text(text, "x.txt")), text
    assert not any(f.rule_id == "HX001" for f in linter.lint_text("Your payment is due on March 5.", "x.txt"))


def test_prefix_dictionary_file_is_used_and_a_damaged_one_is_rebuilt(tmp_path: object,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The prefix dictionary comes from our own marshal file; a damaged or stale one is rebuilt and
    segmentation is the same as jieba's own loading gives."""
    import sys
    from pathlib import Path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    jieba = zh._import_jieba()
    trimmed = zh._trimmed_dictionary(jieba)
    assert trimmed is not None and Path(trimmed).parent == Path(str(tmp_path)) / "collectlint"
    reference = jieba.Tokenizer(trimmed)
    reference.tmp_dir = str(tmp_path)
    reference.initialize()
    text = "我们会上门，还要发到你朋友圈曝光，本产品支持滚动还款"
    expected = [(s, e) for _, s, e in reference.tokenize(text)]
    prefix = Path(trimmed + ".prefix")
    for damage in (None, b"garbage", b""):
        if damage is not None:
            prefix.write_bytes(damage)
        tok = jieba.Tokenizer(trimmed)
        zh._load_prefix_dictionary(tok, trimmed)
        assert tok.initialized and tok.FREQ == reference.FREQ and tok.total == reference.total
        assert [(s, e) for _, s, e in tok.tokenize(text)] == expected
        assert prefix.stat().st_size > 1000  # written back whole
    assert sys.modules.get("pkg_resources", "absent") is not None  # the import block did not outlive jieba's import


@pytest.mark.parametrize(("phrase", "expected"), [
    ("take your house", {"take ur house"}),
    ("find you", {"find u"}),
    ("you're a thief", {"ur a thief"}),
    ("we have your gallery", {"we hv ur gallery"}),
    ("garnish", set()),
])
def test_text_message_spellings_of_the_second_person(phrase: str, expected: set[str]) -> None:
    from collectlint.nlp.inflect import txt_spellings

    assert txt_spellings(phrase) == expected


def test_an_english_rule_matches_text_message_spellings() -> None:
    from collectlint.config import Config

    linter = Linter(Config(), Options(model=False))
    assert any(f.rule_id == "US202" for f in linter.lint_text("Pay 2day or we will sue u and take ur house.", "x.txt"))
    assert any(f.rule_id == "US301" for f in linter.lint_text("we will call ur boss tomorrow about this loan", "x.txt"))
    assert not any(f.rule_id == "US202" for f in linter.lint_text("Your payment of $120 is due on March 5.", "x.txt"))
