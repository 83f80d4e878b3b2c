"""Masking follows detection: every ID, card or mobile number the privacy rules can read, under any
separator the normaliser folds away, never appears in full in any output format, in any place
(source line, matched text, catalogue key, file name)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from collectlint.cli import cli
from collectlint.mask import mask_text

SEPARATORS = ["", " ", "-", "\u00a0", "\u3000", "\u2009", "\u202f", "\uff0d", "\u200b", "\u00ad", "\u2060", "\ufeff"]
# Valid numbers (check digits correct), so the privacy rules really detect them.
NUMBERS = ["11010519491231002X", "440524188001010014", "6222021234567890128", "4111111111111111", "13812345678",
           "+8613912345678"]
FORMATS = ["text", "json", "sarif", "junit", "github", "html"]


def spread(number: str, seps: list[str]) -> str:
    out = []
    for i, ch in enumerate(number):
        out.append(ch)
        if i < len(number) - 1 and ch != "+":
            out.append(seps[i % len(seps)])
    return "".join(out)


def full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def leaked(number: str, output: str) -> bool:
    """Whether the whole number can be read in ``output`` once separators and widths are undone."""
    folded = unicodedata.normalize("NFKC", output)
    folded = re.sub(r"[\s\-\u2010-\u2015\u2212\u200b\u00ad\u2060\ufeff\\]|u00a0|u3000|u2009|u202f|u200b|u00ad|u2060"
                    r"|ufeff|uff0d", "", folded)
    return number.lstrip("+").upper() in folded.upper()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.sampled_from(NUMBERS), seps=st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3),
       wide=st.booleans(), fmt=st.sampled_from(FORMATS), where=st.sampled_from(["text", "key", "name"]))
def test_no_detected_number_is_ever_printed_in_full(tmp_path: Path, number: str, seps: list[str], wide: bool,
                                                    fmt: str, where: str) -> None:
    shown = spread(number, seps)
    if wide:
        shown = full_width(shown)
    folder = tmp_path / f"{fmt}-{where}-{abs(hash((number, tuple(seps), wide)))}"
    folder.mkdir()
    sentence = f"你好，你的身份证号{shown}已经登记，电话{shown}，再不还钱就让你坐牢。"
    if where == "key":
        path = folder / "sms.yaml"
        path.write_text(f'sms:\n  "{shown}": "{sentence}"\n', encoding="utf-8")
    elif where == "name":
        path = folder / f"letter-{shown.replace('/', '')}.txt"
        path.write_text(sentence + "\n", encoding="utf-8")
    else:
        path = folder / "letter.txt"
        path.write_text(sentence + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", fmt, "--no-model", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert not leaked(number, result.stdout + (result.stderr or "")), (fmt, where, repr(shown))


@given(number=st.sampled_from(NUMBERS), seps=st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3),
       wide=st.booleans(), before=st.text(alphabet="还款日 元abc", max_size=5))
def test_masking_keeps_the_length_and_hides_the_number(number: str, seps: list[str], wide: bool, before: str) -> None:
    shown = spread(number, seps)
    if wide:
        shown = full_width(shown)
    text = before + shown + "。"
    masked = mask_text(text)
    assert len(masked) == len(text)
    assert not leaked(number, masked)



def test_mobile_numbers_outside_china_are_masked() -> None:
    """A loan-app broadcast names the debtor with a Nigerian or Kenyan mobile number (US605): printed masked."""
    assert mask_text("John Doe with phone no 08012345678 owes us") == "John Doe with phone no 080****5678 owes us"
    assert mask_text("(07015217763)") == "(070****7763)"
    assert "712 345" not in mask_text("call +254 712 345 678 now")
    assert mask_text("amount 1,234.56 due 2024-05-01") == "amount 1,234.56 due 2024-05-01"


@pytest.mark.parametrize(("text", "masked"), [
    ("陳先生，電話+852 9123 4567", "陳先生，電話+852 **** 4567"),
    ("+85291234567", "+852****4567"),
    ("澳門 +853 6612 3456", "澳門 +853 **** 3456"),
    ("+886 912 345 678", "+886 *** **5 678"),
    ("請致電 9123 4567", "請致電 **** 4567"),
    ("(02) 2345-6789", "(**) ****-6789"),
    ("电话：010-12345678", "电话：***-****5678"),
    ("Call us at (415) 555-0132 or 212-555-0187.", "Call us at (***) ***-0132 or ***-***-0187."),
    ("1-800-916-9006", "*-***-***-9006"),
    ("415.555.0132", "***.***.0132"),
    ("call 4155550132", "call ******0132"),
    ("we told your mother at 3125550132", "we told your mother at ******0132"),
    ("at 312 5550132", "at *** ***0132"),
    ("01 23 45 67 89", "** ** ** 67 89"),
    ("+33 6 12 34 56 78", "+33 * ** ** 56 78"),
    ("0044 20 7946 0958", "**** ** **** 0958"),  # fourteen digits: also the card pattern
    ("SSN: 123456789 is on file", "SSN: *****6789 is on file"),
    ("your social security number is 123 45 6789", "your social security number is *** ** 6789"),
    ("客户SSN:123456789 的账户", "客户SSN:*****6789 的账户"),  # a label glued to Chinese text
    ("customer_ssn: 123456789", "customer_ssn: *****6789"),
    ("查询 2345 6789", "查询 **** 6789"), ("客服 2345-6789", "客服 ****-6789"), ("熱線 2345 6789", "熱線 **** 6789"),
])
def test_phone_numbers_of_every_region_are_masked(text: str, masked: str) -> None:
    """Hong Kong, Macau and Taiwan mobiles with their country code, landlines with an area code, North
    American numbers: none is printed whole."""
    assert mask_text(text) == masked


@pytest.mark.parametrize("text", [
    "amount 1,234.56 due 2024-05-01 12:30", "订单号 20240305 1234", "zip 94105-1234", "Account 12345678 due 2024",
    "第0-1234-5678号", "HK$1,234.56", "版本 0.12 1234 5678", "balance $2345678901.00", "Account 123456789 due",
])
def test_amounts_dates_and_codes_are_not_phone_numbers(text: str) -> None:
    assert mask_text(text) == text


def test_us605_excerpt_never_shows_the_number(tmp_path: Path) -> None:
    letter = tmp_path / "broadcast.txt"
    letter.write_text("This is to inform the general public that John Doe with phone no 08012345678 has refused "
                      "to repay his loan.\n", encoding="utf-8")
    for fmt in FORMATS:
        result = CliRunner().invoke(cli, ["check", "--format", fmt, "--no-model", str(letter)])
        assert result.exit_code == 1, result.output
        assert "US605" in result.stdout and "08012345678" not in result.stdout + (result.stderr or ""), fmt


def test_hong_kong_and_taiwan_id_numbers_are_masked() -> None:
    """CN604/CN605 report them, so no output may show them whole; other letter-and-digit codes stay."""
    assert mask_text("香港身份證號碼：A123456(3)") == "香港身份證號碼：A*****6(3)"
    assert mask_text("ＡＢ９８７６５４（３）") == "ＡＢ*****４（３）"
    assert mask_text("身分證字號A123456789") == "身分證字號A*****6789"
    assert mask_text("訂單 X1234567，編號 AB12345678901") == "訂單 X1234567，編號 AB12345678901"


@pytest.mark.parametrize(("text", "rule", "number"), [
    ("致：何先生（香港身份證號碼：K731452(3)），閣下尚欠本公司款項。", "CN604", "K731452(3)"),
    ("債務人王○○（身分證字號H220618437）積欠卡債未還，知情者請告知。", "CN605", "H220618437"),
])
def test_hong_kong_and_taiwan_ids_are_reported_and_never_printed(tmp_path: Path, text: str, rule: str,
                                                                  number: str) -> None:
    letter = tmp_path / "notice.txt"
    letter.write_text(text + "\n", encoding="utf-8")
    for fmt in FORMATS:
        result = CliRunner().invoke(cli, ["check", "--format", fmt, "--no-model", str(letter)])
        assert result.exit_code == 1, result.output
        assert rule in result.stdout, fmt
        assert number not in result.stdout + (result.stderr or ""), fmt


SPLIT_BY_MARKUP = [
    ("notice.html", "<p>【XX银行】您的身份证号<b>110105</b>19491231002X已登记，"
                    "卡号<span>6222021000</span>112345672。</p>\n"),
    ("notice.md", "【XX银行】您的身份证号**110105**19491231002X已登记，卡号_6222021000_112345672。\n"),
    ("wrapped.md", "【XX银行】您的身份证号1101051949\n1231002X已登记，卡号622202100011\n2345672。\n"),
]


@pytest.mark.parametrize(("name", "text"), SPLIT_BY_MARKUP)
def test_numbers_split_by_markup_or_a_line_break_are_found_and_never_printed(tmp_path: Path, name: str,
                                                                              text: str) -> None:
    """An inline tag, emphasis or a soft line break inside a number hides nothing from the reader of the
    page: the number is reported (CN601, CN602) and no output shows its digits, whole or in halves."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for fmt in FORMATS:
        result = CliRunner().invoke(cli, ["check", "--format", fmt, "--no-model", str(path)])
        shown = result.stdout + (result.stderr or "")
        assert "CN601" in shown and "CN602" in shown, (fmt, shown)
        for part in ("110105", "1949123100", "6222021000", "112345672", "1101051949", "622202100011"):
            assert part not in shown, (fmt, part)


@given(st.lists(st.tuples(st.sampled_from(["", " ", "-", "\u2212", "  ", ".", "(", ")", "+", "号", "ID", "a"]),
                          st.text(alphabet="0123456789", min_size=1, max_size=7)), min_size=1, max_size=6))
@example([("A", "123456"), ("(", "3"), (")", "")])  # a Hong Kong ID: six digits in a row, the fewest
@example([("(", "02"), (") ", "2345"), ("-", "6789")])
@settings(max_examples=300, deadline=None)
def test_the_run_prefilter_never_skips_a_number(parts: list[tuple[str, str]]) -> None:
    """``mask_text`` skips its patterns when no six digits stand together; the result is the same as
    running every pattern (every masked pattern needs such a run)."""
    import collectlint.mask as mask

    text = "".join(sep + digits for sep, digits in parts)
    fast = mask_text(text)
    saved = mask._RUN
    try:
        mask._RUN = re.compile("")  # matches every text: the patterns always run
        assert mask_text(text) == fast
    finally:
        mask._RUN = saved


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_english_letter_s_numbers_never_appear_in_full_even_where_a_rule_s_own_text_quotes_them(
        tmp_path: Path, fmt: str) -> None:
    # 123-45-6789 is also the sample in US601's own description, which SARIF carries in the rule's
    # fullDescription: a reader grepping the report for the number must not find it there either.
    path = tmp_path / "letter.txt"
    path.write_text("We have your SSN 123-45-6789 and card 4111 1111 1111 1111 on file. Call (415) 555-2671.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", fmt, "--no-model", str(path)])
    assert result.exit_code == 1, result.output
    for number in ("123456789", "4111111111111111"):
        assert not leaked(number, result.stdout), (fmt, number)
