"""Evasions: pinyin, initials, homophones, mixed script, emoji, Traditional forms."""

from __future__ import annotations

import pytest

from collectlint.api import Linter

CAUGHT = [
    ("欠钱不还就让你zuolao", "CN201", "zuolao"),
    ("欠款不还就让你zuo牢", "CN201", "zuo牢"),
    ("还钱！不然上mén找你", "CN104", "上mén找你"),  # 上門找你 (Taiwan wording) is the longer phrase
    ("法yuan传票已寄出，请尽快还款", "CN203", "法yuan传票"),
    ("不还钱就曝guang你", "CN401", "曝guang"),
    ("欠款不还，爆你txl", "CN301", "txl"),
    ("再不还钱就发pyq", "CN402", "就发pyq"),
    ("再不还钱就暴光你", "CN401", "暴光"),
    ("再不还钱就让你做牢", "CN201", "做牢"),
    ("给你通迅录所有人发短信", "CN301", "通迅录"),
    ("律师涵已发出", "CN203", "律师涵"),
    ("法院传飘已寄出", "CN203", "传飘"),
    ("再不還錢就爆你通訊錄", "CN301", "爆你通訊錄"),
    ("法院傳票已寄出", "CN203", "法院傳票"),
    ("欠款再不还🔪", "CN105", "🔪"),
    ("再不还钱🚓", "CN205", "🚓"),
    ("欠钱不还，你个Ｓ＊Ｂ", "CN503", "Ｓ＊Ｂ"),
]


@pytest.mark.parametrize(("text", "rule", "span"), CAUGHT)
def test_evasion_is_caught_at_the_original_span(linter: Linter, text: str, rule: str, span: str) -> None:
    hits = [text[f.span.start : f.span.end] for f in linter.lint_text(text) if f.rule_id == rule]
    assert span in hits, hits


@pytest.mark.parametrize(
    "text",
    [
        "请下载APP查看详情 zuolao",  # pinyin without any collection cue
        "公司txl已更新",  # initials without a collection cue
        "本期应还金额250元",  # digits that are an amount
        "交通安全宣传周🚓",  # emoji without a collection cue
        "Shangmen Road 12号",  # a place name in pinyin, no collection cue
    ],
)
def test_ambiguous_forms_need_a_collection_cue(linter: Linter, text: str) -> None:
    conduct = [f for f in linter.lint_text(text) if f.category.value != "missing-element"]
    assert conduct == [], [(f.rule_id, text[f.span.start : f.span.end]) for f in conduct]


def test_html_character_references_in_markdown_are_read_as_the_characters() -> None:
    from collectlint.api import Linter, Options

    linter = Linter(options=Options(model=False))
    text = "# 通知\n\n你再不还钱，我们就让你&#22352;&#x7262;。\n\n`&#22352;&#29282;` 在代码里不算。\n"
    findings = linter.lint_text(text, "letter.md", fmt="md")
    hits = [f for f in findings if f.rule_id == "CN201"]
    assert len(hits) == 1
    assert text[hits[0].span.start:hits[0].span.end].startswith("&#22352;")


def test_leetspeak_inside_english_words_is_read_as_letters() -> None:
    from collectlint.api import Linter, Options

    linter = Linter(options=Options(model=False, profile="en-US"))
    ids = {f.rule_id for f in linter.lint_text("You are a d3adb3at and you will go to j41l for this debt.")}
    assert {"US501", "US201"} <= ids
    # Reference numbers and amounts are not words: nothing is read into them.
    assert not {f.rule_id for f in linter.lint_text("Invoice INV-2024-0315 for $120 is due.")} & {"US501", "US201"}


# Latin initials and pinyin next to English: an English sentence is not an evasion, but an evasion
# written next to one English word still is.
@pytest.mark.parametrize(("text", "flagged"), [
    ("cnm pay your debt now 你欠款不还", True),
    ("你欠钱 sb idiot", True),
    ("你就是个sb lol 欠款", True),
    ("tmd 3天内还钱", True),
    ("you will zuolao 欠款还钱", True),
    ("欠款不还就zuo牢", True),
    ("欠款不还就坐lao", True),
    ("请于到期日前缴清欠款。Cheques should be made payable to ABC Finance Ltd.", False),
    ("你尚有欠款 NT$ 1,200 逾期未繳，請於3日內還款。", False),
    ("你的欠款请尽快处理，please ask sb in your family to call us", False),
    ("欠款请处理。We made a note of your call.", False),
    ("請繳清欠款。 - Crossed cheque made payable to the company", False),  # "cheque" reads as pinyin
    ('您需要在"+ deadline); sb.append("前还款，到期不还款将产生罚金");', False),  # an identifier in code
    ("欠款不还 sb 一个", True),
    ("欠钱不还，你就是个sb.", True),  # a full stop is not code punctuation
    ("欠钱不还的sb.赶紧还钱", True),
])
def test_latin_forms_in_english_prose(text: str, flagged: bool) -> None:
    from collectlint.api import Options

    found = [f for f in Linter(options=Options(model=False)).lint_text(text, "x.txt")
             if f.category.value in ("insult", "false-legal")]
    assert bool(found) == flagged, (text, [f.rule_id for f in found])


@pytest.mark.parametrize(("text", "flagged"), [
    ("尚有逾期本息新臺幣46,250元未繳，敬請於6月20日前繳納。", False),  # 250 inside a grouped number
    ("應還金額1.250萬元，請按時還款。", False),
    ("欠钱不还，你真是个250。", True),
])
def test_digit_insults_are_not_read_inside_numbers(linter: Linter, text: str, flagged: bool) -> None:
    assert any(f.rule_id == "CN503" for f in linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("本公司及委託嘅收數公司都唔會上你屋企或者公司搵你。", "CN104", False),  # Cantonese 唔會: will not
    ("唔還錢就上你屋企搵你", "CN104", True),
])
def test_cantonese_negators_take_back_what_follows(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert any(f.rule_id == rule for f in linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("您好，关于您询问的“会不会上门”：我司不会在未经您同意的情况下上门。", "CN104", False),
    ("您问到的「逾期会不会坐牢」，这里给您解释一下：个人借款逾期属于民事纠纷。", "CN201", False),
    ("再不还钱就让你“坐牢”。", "CN201", True),  # quoted, but not a question
    ("You asked “will I be arrested?” No: this is a civil debt and you owe $300.", "US201", False),
    ('You asked "will I be arrested?" No: this is a civil debt and you owe $300.', "US201", False),
    ('We said "pay today" and you did not: will you be arrested? Yes, tomorrow.', "US201", True),  # outside
])
def test_a_quoted_question_is_not_the_sender_saying_it(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert any(f.rule_id == rule for f in linter.lint_text(text, "x.txt")) is flagged


# A quotation inside an anti-fraud warning or a reply to a complaint quotes the words warned against; the
# same words quoted for emphasis in a collector's own message stay findings.
@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("反诈提醒：骗徒会以“你已涉嫌诈骗，公安马上上门”为由要求转账，请勿相信。", "CN202", False),
    ("您投诉的那位外包员工说过“不还就去你单位找领导”，经查属实，我们已暂停其工作。", "CN303", False),
    ("你涉嫌“诈骗”，我们已经报案。", "CN208", True),  # a collector's own label, quoted for emphasis
    ("不还就去你单位找领导，“说到做到”。", "CN303", True),
    ("你以为我们是“骗子”？不还就去你单位找领导。", "CN303", True),  # 骗子 is no distancing cue
    ("这不是诈骗电话，“明天就去你单位找领导”。", "CN303", True),  # a reassurance, no warning
    ('Scam alert: callers pretending to be our staff say "you will be arrested today". We never do that.',
     "US201", False),
    ('You told us our agent said "we will call your boss about the debt". We apologize; she no longer works here.',
     "US301", False),
    ('Pay today or "you will be arrested". This is not a scam.', "US201", True),  # the cue must not be denied
    ('We said "pay today" and you did not. "You will be arrested" tomorrow.', "US201", True),  # even quotes
])
def test_a_quotation_in_a_warning_or_a_complaint_reply_is_not_the_sender_saying_it(
        linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert any(f.rule_id == rule for f in linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("您好，您反映催收人员在晚上十一点来电一事，我们已要求委外公司停止。", "CN706", False),
    ("您好，您反映的催收人员称您涉嫌诈骗的情况，我们已经记录并转交质检部门核查。", "CN202", False),
    ("你刚才说没钱是吧，那我们就去你单位找你领导。", "CN303", True),  # a plain "you said": the collector's own threat
    ("你涉嫌诈骗，我们已经报案。", "CN202", True),
    ("您问会不会被抓，我可以明确告诉您：借款逾期是民事问题，不涉及刑事责任。", "CN201", False),  # a restated question
    ("您刚才说不希望我们再联系您的家人，好的，我已经备注在系统里了。", "CN302", False),  # a stop request granted
    ("你话唔想我哋打去你公司，冇问题，我已经记录咗。", "CN303", False),
    ("你说你没钱，那我们就联系你的家人。", "CN302", True),  # "you said" + the collector's own threat
    ("你说你不想还钱，那我们就联系你的家人。", "CN302", True),  # "you don't want to pay" is no stop request
    ("你问问你家人，看他们知不知道你欠钱不还，我们会告诉你家人的。", "CN302", True),  # 问问: not a restated question
    ("Hi John, you reported that a caller threatened to have you arrested. That was not our company.", "US201", False),
    ("You said you would pay today, so we will report you to the police.", "US201", True),
])
def test_a_reply_that_restates_the_readers_complaint_is_not_the_sender_saying_it(
        linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert any(f.rule_id == rule for f in linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Our recovery agents are not permitted to threaten, abuse or contact your family about your loan.", False),
    ("Agents must not use intimidation, abusive language or contact your family about your dues.", False),
    ("Collectors are prohibited from contacting your employer about this debt.", False),
    ("We won't call you again, we will call your boss and tell him about your debt.", True),
    ("Pay now or we contact your employer.", True),
    ("If you don't pay we will call your boss about the debt.", True),
])
def test_a_negation_covers_the_list_of_acts_it_forbids(linter: Linter, text: str, flagged: bool) -> None:
    assert any(f.rule_id == "US301" for f in linter.lint_text(text, "x.txt")) is flagged


# The state notices that real US letters carry (California's Rosenthal notice, the New York and Massachusetts
# ones) list the conduct the law rules out, past the negation window.
@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("They may not harass you by using threats of violence or arrest or by using obscene language.", "US201", False),
    ("A collector may not threaten you with arrest, use obscene language, or tell your employer about your debt.",
     "US301", False),
    ("Federal law prohibits a debt collector from representing that nonpayment will result in the arrest or "
     "imprisonment of any person or the garnishment of any wages.", "US202", False),
    ("Debt collectors cannot use obscene or profane language, threaten violence, publish your name as someone "
     "who does not pay, or call you repeatedly.", "US401", False),
    ("Under the circular, we are not allowed to contact persons in your contact list other than your references.",
     "US301", False),
    ("Collectors may not threaten you with arrest. But we will have you arrested if you do not pay.", "US201", True),
    ("They may not wait: we will have you arrested tomorrow.", "US201", True),  # no rule-giving subject
    ("We may not be able to stop it, and you could be arrested.", "US201", True),
    ("You are prohibited from leaving the country until you pay, and you will be arrested.", "US201", True),
    ("提醒：近期有不法分子冒充我司及公安、法院工作人员，以“影响征信”“已立案”等名义要求转账。", "CN202", False),
    ("監管規定催收人員不得向無關第三人透露借款信息，也不得以坐牢、拘留相威脅。", "CN201", False),
    ("你冒充他人身份借款，已经涉嫌诈骗，我们已立案。", "CN202", True),  # a bare 冒充 is the accusation
    ("提防老千", "CN502", True),  # a poster's warning about the debtor is the shaming itself
    ("目前法院尚未正式立案，立案前我们仍可协商还款方案。", "CN209", False),
    ("您尚未还款我们已安排外访组上门取证。", "CN209", True),  # "not yet" paid states the default
    ("您尚未安排还款我们将安排外访组上门。", "CN209", True),  # nor does "not yet arranged repayment"
])
def test_a_rights_notice_lists_what_the_law_rules_out(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert any(f.rule_id == rule for f in linter.lint_text(text, "x.txt")) is flagged


# A lawyer's letter or an apology that reports a collector's words and, in the same or the next sentence,
# calls them unlawful or untrue is not itself the conduct.  Only the FDCPA or Regulation F counts as the
# law broken: a collector's claim that non-payment breaks a criminal statute stays a finding.
@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("Our client reports that your representative called her a 'deadbeat' and threatened to have her arrested. "
     "Such conduct violates 15 U.S.C. §§ 1692d and 1692e.", "US501", False),
    ("Your agent's voicemail stated that my client would be arrested if she did not pay. That statement is false "
     "and violates 15 U.S.C. § 1692e(4).", "US201", False),
    ("I'm very sorry you were told you would be arrested. That is not true and should never have been said.",
     "US201", False),
    ("Any further statement that she will be arrested will be treated as a violation of the FDCPA.", "US201", False),
    ("Non-payment violates 18 U.S.C. 1344 and you will be arrested for bank fraud.", "US201", True),
    ("It is not true that you can ignore us. You will be arrested if you do not pay.", "US201", True),
    ("You will be arrested if you do not pay. That is final.", "US201", True),
    ("有人说我们会把您的信息发到朋友圈曝光，这种说法不实，我们只与您本人沟通。", "CN402", False),
    # The same words unrefuted: the refutation is what drops it.
    ("有人说我们会把您的信息发到朋友圈曝光，我们只与您本人沟通。", "CN402", True),
    ("再不还钱就把您的信息发到朋友圈曝光，这种事我们说到做到。", "CN402", True),
])
def test_conduct_the_message_itself_calls_unlawful_or_untrue_is_reported(linter: Linter, text: str, rule: str,
                                                                            flagged: bool) -> None:
    assert any(f.rule_id == rule for f in linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("欠款逾期本身不構成犯罪，您不需要擔心。", "CN202", False),  # 不构成 runs into the hit 构成犯罪
    ("你这是构成犯罪，我们已经报案。", "CN202", True),
    ("你欠的钱再不还，我们绝不会放过你。", "CN701", True),  # the hit 不会放过 is itself negative: 绝不 keeps it
])
def test_a_negator_that_runs_into_the_hit_denies_it(rule_linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert any(f.rule_id == rule for f in rule_linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("个人信用报告只记录您本人的信贷情况，与子女入学没有直接关系。", False),  # denied right after the hit
    ("逾期不还，会影响子女入学。", True),
])
def test_a_denial_right_after_the_hit_drops_it(linter: Linter, text: str, flagged: bool) -> None:
    assert any(f.rule_id == "CN801" for f in linter.lint_text(text, "x.txt")) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Dear Property Manager, your tenant, Ms. Gill, has an outstanding balance with our office.", True),
    ("Your neighbor at 120, Mr. J. Kessler, has an unpaid debt with us. Could you let him know?", True),
    ("Your tenant, Ms. Gill, asked us to send her statement.", False),
])
def test_a_title_or_an_initial_does_not_end_the_sentence(linter: Linter, text: str, flagged: bool) -> None:
    """A title (Ms.) or an initial (J.) ends no sentence: the frame reaches across a name in apposition."""
    assert ("US302" in {f.rule_id for f in linter.lint_text(text, "x")}) is flagged
