"""A Chinese message with English sentences (a bilingual Hong Kong notice): both languages are checked."""

from __future__ import annotations

import pytest

from collectlint.api import Linter, Options
from collectlint.langid import english_runs
from collectlint.models import CONDUCT, Category

NOTICE = ("【XX銀行】閣下的信用卡賬戶已逾期，請即還款。Your account is overdue. Pay now or we will tell your "
          "employer and have you arrested. 查詢請致電客服。")


@pytest.mark.parametrize(
    ("text", "runs"),
    [(NOTICE, ["Your account is overdue. Pay now or we will tell your employer and have you arrested."]),
     ("您好，本月账单请按时还款。We accept cheque payment and bank transfer.",
      ["We accept cheque payment and bank transfer."]),
     ("請即還款 Please pay now.", []),  # three words: a tag line, not a sentence
     ("欠款 ${row.total_due || row.amount || 0} 元，App ID 与 OK 键", []),  # code and names, no function words
     ("只有中文", [])],
)
def test_english_runs_are_sentences_between_chinese_text(text: str, runs: list[str]) -> None:
    assert [text[a:b] for a, b in english_runs(text)] == runs


def test_english_sentences_of_a_chinese_message_are_checked_for_conduct_at_their_place() -> None:
    findings = Linter(options=Options(model=False)).lint_text(NOTICE)
    us = {f.rule_id: f for f in findings if f.rule_id.startswith("US")}
    assert "US201" in us and "US301" in us
    assert NOTICE[us["US201"].span.start:us["US201"].span.end] == "arrested"
    assert NOTICE[us["US301"].span.start:us["US301"].span.end].startswith("tell your")
    assert all(f.category in CONDUCT for f in us.values())  # completeness is the Chinese profile's
    assert {f.rule_id for f in findings if f.category is Category.MISSING_ELEMENT} <= {"CN901", "CN902", "CN903",
                                                                                         "CN904", "CN905"}


def test_a_named_profile_is_applied_alone() -> None:
    forced = Linter(options=Options(model=False, profile="zh-CN")).lint_text(NOTICE)
    assert not [f for f in forced if f.rule_id.startswith("US")]
    declared = Linter(options=Options(model=False)).lint_text("---\nprofile: cn\n---\n" + NOTICE, fmt="md")
    assert not [f for f in declared if f.rule_id.startswith("US")]
    assert [f for f in Linter(options=Options(model=False)).lint_text(NOTICE, fmt="md") if f.rule_id == "US201"]


def test_a_compliant_bilingual_notice_stays_clean() -> None:
    text = ("【XX銀行】閣下尾號1234的信用卡賬戶本期欠款HK$1,200，請於3月5日前還款。Your card account ending 1234 has "
            "HK$1,200 due. Please pay by 5 March. 查詢請致電 2345 6789 / For enquiries call 2345 6789.")
    assert not [f for f in Linter(options=Options(model=False)).lint_text(text) if f.category in CONDUCT]


def test_what_the_chinese_profile_found_is_not_reported_again_by_the_english_pass() -> None:
    text = ("【XX銀行】閣下的帳戶已逾期。Please note that your card number and your HKID A123456(7) are on file "
            "with us. 详询 95555。")
    privacy = [f.rule_id for f in Linter(options=Options(model=False)).lint_text(text)
               if f.category is Category.PRIVACY]
    assert privacy == ["CN604"]
