"""The engine end to end through the library API: the acceptance cases of the core issue."""

from __future__ import annotations

import functools

from collectlint.api import Linter
from collectlint.models import Category
from collectlint.session import Options
from collectlint.source import Document

BAD = "再不还钱就让你坐牢，我们会上门，还要发到你朋友圈曝光"
POLITE = ("【XX银行】尊敬的张先生，您尾号1234的信用卡本期应还金额1,200.00元，最后还款日为2024年3月5日。"
          "如有疑问请致电客服热线95555。")


def _conduct(linter: Linter, text: str, **kw: str) -> list:  # type: ignore[type-arg]
    return [f for f in linter.lint_text(text, **kw) if f.category is not Category.MISSING_ELEMENT]


def test_bad_letter_reports_false_legal_and_shaming_at_right_places(linter: Linter) -> None:
    findings = _conduct(linter, BAD)
    cats = {f.category for f in findings}
    assert Category.FALSE_LEGAL in cats and Category.SHAMING in cats
    doc = Document(BAD)
    jail = next(f for f in findings if f.rule_id == "CN201")
    assert BAD[jail.span.start : jail.span.end] == "坐牢"
    assert doc.position(jail.span.start).column == BAD.index("坐牢") + 1
    exposure = next(f for f in findings if f.rule_id == "CN401")
    assert BAD[exposure.span.start : exposure.span.end] == "曝光"


def test_polite_reminder_is_clean(linter: Linter) -> None:
    assert linter.lint_text(POLITE) == []


def test_home_visit_phrase_survives_segmentation(linter: Linter) -> None:
    # jieba alone splits 我们会上门 as 我们/会上/门; registered rule phrases keep 上门 whole.
    assert "CN104" in {f.rule_id for f in linter.lint_text("我们会上门")}


def test_traditional_and_evasive_variants_are_caught(rule_linter: Linter) -> None:
    cases = {
        "再不還錢就讓你坐 牢": "CN201",
        "把你曝＊光": "CN401",
        "還要發到你朋友圈曝光": "CN402",
        "你這個廢物": "CN501",
        "ＴＭＤ你還不還錢": "CN503",
        "再不还就爆你通訊錄": "CN301",
        "让你坐-牢": "CN201",
    }
    for text, rule in cases.items():
        found = {f.rule_id for f in _conduct(rule_linter, text)}
        assert rule in found, f"{rule} missed in {text!r}: {found}"


def test_spans_map_back_to_the_original_evasion(linter: Linter) -> None:
    text = "让你坐 牢"
    f = next(f for f in linter.lint_text(text) if f.rule_id == "CN201")
    assert text[f.span.start : f.span.end] == "坐 牢"


def test_known_false_alarms_stay_silent(linter: Linter) -> None:
    for text in ("滚动还款", "杀毒软件", "我们不会联系您的家人"):
        assert _conduct(linter, text) == [], text


def test_negation_does_not_cross_a_consequence_marker(linter: Linter) -> None:
    assert "CN201" in {f.rule_id for f in linter.lint_text("如果你不会还钱就让你坐牢")}


def test_placeholders_are_never_matched_by_conduct_rules(linter: Linter) -> None:
    text = "【XX银行】{{ 坐牢 }}您本期应还{{ 金额 }}元，还款日{{ 还款日 }}，尾号{{ 卡号尾号 }}，客服{{ 客服电话 }}。"
    assert linter.lint_text(text) == []


def test_stage_gating(linter: Linter) -> None:
    text = "如仍未还款，我们将通过诉讼主张权利。"
    assert "CN705" in {f.rule_id for f in linter.lint_text(text, stage="M1")}
    assert "CN705" not in {f.rule_id for f in linter.lint_text(text, stage="M3")}
    assert "CN705" not in {f.rule_id for f in linter.lint_text(text)}


def test_select_and_ignore_by_category_name_and_id() -> None:
    only_shaming = Linter(options=__import__("collectlint.api", fromlist=["Options"]).Options(select=("shaming",)))
    # A rule is selected by any category it reports: US603 (privacy) also names shaming.
    assert all(Category.SHAMING in (r.category, *r.also_categories) for r in only_shaming.rules)
    assert Category.SHAMING in {r.category for r in only_shaming.rules}
    assert "US603" in {r.id for r in only_shaming.rules}
    from collectlint.api import Options

    no_jail = Linter(options=Options(ignore=("threat-of-arrest-or-jail", "CN9")))
    ids = {r.id for r in no_jail.rules}
    assert "CN201" not in ids and not any(i.startswith("CN9") for i in ids)


def test_unmasked_numbers_are_flagged_and_masked_ones_pass(linter: Linter) -> None:
    assert "CN601" in {f.rule_id for f in linter.lint_text("身份证11010519491231002X")}
    assert "CN601" not in {f.rule_id for f in linter.lint_text("身份证110***********002X")}


def test_a_number_introduced_as_an_id_is_reported_even_with_a_wrong_check_digit(linter: Linter) -> None:
    """One ID label serves every ID validator: Taiwan's 身分證字號 introduces a mainland number too."""
    wrong = "110105194912310021"  # 11010519491231002X with its check character mistyped
    for label in ("身份证号", "身分證字號", "ID card no. "):
        assert "CN601" in {f.rule_id for f in linter.lint_text(f"{label}{wrong}，请转告他还款")}, label
    assert "CN601" not in {f.rule_id for f in linter.lint_text(f"订单{wrong}，请还款")}


@functools.cache
def _english() -> Linter:
    return Linter(options=Options(model=False, profile="en-US"))


def _english_conduct(text: str) -> set[str]:
    return {f.rule_id for f in _english().lint_text(text) if f.category is not Category.MISSING_ELEMENT}


def test_a_negator_inside_a_condition_denies_nothing() -> None:
    # "not" states when the threat applies; the opener may lie before the negation window.
    assert "US704" in _english_conduct(
        "Your debt is overdue. If payment is not received within 48 hours, we will proceed with legal action.")
    assert "US706" in _english_conduct(
        "Your loan is overdue. If not paid by 6pm today your photos will be sent to every number in your contacts.")
    assert "US704" not in _english_conduct("Your debt is overdue. Legal action will not follow if you pay today.")
    # A main clause after the condition takes the negator out of it.
    assert _english_conduct("Your debt is overdue. If you pay today we will not have you arrested.") == set()


def test_a_negator_used_for_emphasis_denies_nothing() -> None:
    assert "US201" in _english_conduct("Your debt is overdue. We won't hesitate to have you arrested.")
    assert "US101" in _english_conduct("Your debt is overdue. If it is not paid today, I cannot guarantee your safety.")
    assert "US201" not in _english_conduct("Your debt is overdue. We will not have you arrested.")


def test_a_negator_before_any_part_of_a_frame_denies_it() -> None:
    # The frame's first part (the deadline) is not negated; its legal step is.
    assert _english_conduct("Your debt is overdue. If you pay in full today, we will not take legal action.") == set()
    assert _english_conduct("Your debt is overdue. Pay today and we will not file a lawsuit.") == set()
    assert "US704" in _english_conduct("Your debt is overdue. Pay today or we will file a lawsuit.")


def test_spelling_gate_holds_a_letter_of_every_spelling() -> None:
    from collectlint.engine import _gate_letters

    assert _gate_letters(["zuo牢", "坐lao"]) == "aeiouv"
    assert _gate_letters(["ng还钱", "zuolao"]) == "aeinouv"  # 唔 is spelled ng: no vowel, so n gates it
    assert _gate_letters(["牢"]) == ""  # a spelling without a letter: no gate at all


def test_latin_letters_without_a_spelling_letter_skip_the_spelled_automaton(linter: Linter) -> None:
    index = linter.ruleset.index
    assert index is not None and index.spelled_letters
    assert not index.may_spell("【xx银行】sms ccb")
    assert index.may_spell("zuolao") and index.may_spell("ng还钱")
    # The gate never hides a spelling: every spelled phrase holds one of its letters.
    assert all(index.may_spell(s) for s, _ in index.spelled().items())
    assert "CN201" in {f.rule_id for f in linter.lint_text("欠钱不还就让你zuolao")}


def test_a_numeros_full_stop_ends_no_sentence_even_right_before_the_hit() -> None:
    from collectlint.guards import bounds
    from collectlint.profiles.profile import get_profile

    end = get_profile("en-US").sentence_end
    text = "your card is overdue. account no. 0001013730000211727 is yours. call us."
    hit = text.index("0001")
    assert text[slice(*bounds(text, hit, hit + 19, end))] == " account no. 0001013730000211727 is yours"
    text = "is john there? no. he owes us money."
    hit = text.index("he owes")
    assert text[slice(*bounds(text, hit, hit + 7, end))] == " he owes us money"
