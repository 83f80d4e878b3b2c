"""Recognisers for the elements a collection message must contain.

Each element is satisfied by a literal value (a recognised amount, date, reference, contact or
creditor name) or by a placeholder whose name is in the element's alias table.  Patterns run over
the normalised text (lower case, half-width, Simplified).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from collectlint.placeholders import Placeholder

_NUM = r"\d[\d,]*(?:\.\d+)?"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


# Name fragments that tie a placeholder to an element when its full name is not in the alias table:
# {{ card_last4 }} and {{ contract_no }} are references, {{ contact_email }} a contact.  ASCII fragments
# match whole name parts (split at _ - . and case changes); Chinese fragments match anywhere.
FRAGMENTS: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "amt", "balance", "total", "sum", "金额", "欠款", "应还", "本金", "欠费"),
    "due-date": ("due", "deadline", "duedate", "paydate", "还款日", "到期", "截止", "期限", "逾期天数"),
    "reference": ("no", "num", "number", "ref", "reference", "invoice", "contract", "last4", "lastfour", "account",
                  "编号", "号码", "尾号", "合同号", "发票号", "订单号", "单号"),
    "contact": ("hotline", "phone", "tel", "mobile", "email", "mail", "url", "website", "contact", "电话", "热线",
                "邮箱", "网址", "客服", "联系方式"),
    "creditor": ("bank", "company", "creditor", "lender", "supplier", "org", "organisation", "organization",
                 "机构", "公司", "银行", "签名", "债权人"),
    "caller-id": ("staff", "agent", "employee", "工号", "坐席"),
}


def _parts(name: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [p.lower() for p in re.split(r"[\s_\-.]+", spaced) if p]


@dataclass(frozen=True)
class Element:
    name: str
    label_zh: str
    label_en: str
    placeholder: str  # what the suggestion tells the author to add
    aliases: frozenset[str]
    pattern: re.Pattern[str]

    def names_placeholder(self, name: str, extra_aliases: frozenset[str] = frozenset()) -> bool:
        if extra_aliases and _alias_key(name) in extra_aliases:
            return True
        return _names(self.name, name)

    def present(self, normalised: str, placeholders: list[Placeholder],
                extra_aliases: frozenset[str] = frozenset()) -> bool:
        if any(self.names_placeholder(p.name, extra_aliases) for p in placeholders):
            return True
        return self.pattern.search(normalised) is not None


@functools.lru_cache(maxsize=4096)
def _names(element: str, name: str) -> bool:
    """Whether placeholder ``name`` stands for ``element`` (alias table, then name parts)."""
    if _alias_key(name) in ELEMENTS[element].aliases:
        return True
    parts = _parts(name)
    for fragment in FRAGMENTS.get(element, ()):
        if fragment.isascii():
            if fragment in parts or (len(fragment) > 3 and any(p.startswith(fragment) for p in parts)):
                return True
        elif fragment in name:
            return True
    return False


def _alias_key(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name).lower()


def alias_keys(names: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(_alias_key(n) for n in names)


# Rough lengths of what a placeholder expands to, for the SMS segment count.
EXPANDED_LENGTH = {"amount": 9, "due-date": 10, "reference": 8, "contact": 11, "creditor": 6, "caller-id": 4}
DEFAULT_EXPANDED_LENGTH = 4


def expanded_length(name: str) -> int:
    for element_name, length in EXPANDED_LENGTH.items():
        if ELEMENTS[element_name].names_placeholder(name):
            return length
    return DEFAULT_EXPANDED_LENGTH


def _element(name: str, zh: str, en: str, placeholder: str, aliases: list[str], patterns: list[str]) -> Element:
    return Element(name, zh, en, placeholder, frozenset(_alias_key(a) for a in aliases),
                   re.compile("|".join(f"(?:{p})" for p in patterns)))


ELEMENTS: dict[str, Element] = {
    e.name: e
    for e in [
        _element(
            "amount", "金额", "amount", "{{ 金额 }}",
            ["amount", "total", "balance", "amountdue", "金额", "欠款金额", "应还金额", "还款金额",
             "逾期金额", "欠款", "本金", "账单金额", "最低还款额"],
            [rf"[¥$]\s?{_NUM}", rf"(?:人民币|rmb|cny|usd)\s?{_NUM}", rf"{_NUM}\s?(?:万元|元|块钱|块|美元|dollars?\b)",
             r"人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆]"],
        ),
        _element(
            "due-date", "还款日期", "due date", "{{ 还款日 }}",
            ["duedate", "date", "deadline", "paybydate", "还款日", "到期日", "最后还款日", "截止日期",
             "还款日期", "到期日期", "逾期天数"],
            [r"(?<!截至)(?<!截至\s)(?<![\d年])(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]", r"(?<!截至)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",
             r"[本下]月\d{1,2}[日号]", r"逾期\d+天", rf"\b(?:by|before|on|due)\s+{_MONTHS}\s+\d{{1,2}}\b",
             r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"],
        ),
        _element(
            "reference", "参考编号", "reference number", "{{ 合同号 }}",
            ["reference", "ref", "invoice", "invoiceno", "invoicenumber", "accountno", "发票号", "合同号",
             "合同编号", "订单号", "账号尾号", "卡号尾号", "尾号", "借款编号", "案件编号"],
            [r"\binv[-_]?\d",
             r"(?:合同|借款合同|贷款|订单|发票|账单|案件|借据|借款|账户|保单)(?:编号|号码|号)[:\s]*[a-z0-9][a-z0-9-]*",
             r"(?:编号|单号|借据号|合同号)[:\s]*[a-z]{0,4}\d[a-z0-9-]{2,}",
             r"(?:尾号|末四位|后四位)[为是:\s]*\d{4}", r"\b(?:reference|ref|invoice|account)\s*(?:no\.?|number|#)?"
             r"[:\s#]*[a-z0-9-]*\d", r"ending in \d{4}"],
        ),
        _element(
            "contact", "联系方式", "contact", "{{ 客服电话 }}",
            ["contact", "hotline", "phone", "tel", "email", "url", "website", "客服电话", "联系电话",
             "热线", "客服热线", "联系方式", "邮箱", "网址"],
            [r"(?<!\d)95\d{3,4}(?!\d)", r"(?<!\d)[48]00[- ]?\d{3}[- ]?\d{4}(?!\d)",
             r"(?<!\d)[48]00\d[- ]\d{3}[- ]\d{3}(?!\d)", r"(?<!\d)1[3-9]\d{9}(?!\d)",
             r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)", r"[\w.+-]+@[\w-]+\.[\w.-]+", r"https?://\S+", r"\bwww\.\S+",
             r"\(\d{3}\)\s?\d{3}-\d{4}", r"\b\d{3}-\d{3}-\d{4}\b",
             # Short service numbers (10086, 96833, 10107888) after a contact word.
             r"(?:详询|咨询|致电|拨打|电话|热线|客服|联系|打)[^\d\n]{0,6}\d{5,12}"],
        ),
        _element(
            "caller-id", "坐席身份", "caller identity", "工号{{ 工号 }}",
            ["agentid", "staffid", "工号", "坐席工号", "员工编号", "agentname", "姓名"],
            [r"工号(?:是|为)?\s*[:：]?\s*[a-z]*\d+", r"我是[^，。,\n]{1,20}(?:专员|客服|经理|催收员|工作人员|顾问)",
             r"\b(?:this is|my name is)\s+[a-z]+"],
        ),
        _element(
            "creditor", "债权机构", "creditor", "【机构名称】",
            ["creditor", "company", "companyname", "bank", "机构名", "机构名称", "公司名称", "债权人", "银行名称",
             "签名"],
            [r"^\s*【[^【】\n]{2,30}】", r"【[^【】\n]{2,30}】\s*$",
             # A bank or consumer-finance firm named anywhere; an outsourced collector names its principal.
             r"[\u4e00-\u9fff]{2,12}(?:银行|消费金融|小额贷款|信用卡中心)", r"受[^，。,\n]{2,30}委托",
             r"(?:这里是|我们是|本通知由)[^，。,\n]{2,30}(?:公司|集团|中心)",
             r"(?:这里是|我们是)(?!官方)[^，。,\n]{2,20}?(?:官方)?客服",
             # A signature: the last line is an organisation's name.
             r"(?m:^)[^\n，。,]{2,40}(?:公司|集团|中心|银行)\s*\Z",
             r"\b(?:bank|inc\.?|llc|ltd\.?|corp\.?|company)\b"],
        ),
    ]
}


# Elements each channel must carry by default (mainland-China profile; see the reference table of
# required elements per channel).  SHOULD-level items stay out of the defaults; configure
# ``required-elements`` to change them.
CHANNEL_ELEMENTS: dict[str | None, frozenset[str]] = {
    None: frozenset({"amount", "due-date", "reference", "contact", "creditor"}),
    "sms": frozenset({"amount", "due-date", "reference", "contact", "creditor"}),
    "letter": frozenset({"amount", "due-date", "reference", "contact", "creditor"}),
    "email": frozenset({"amount", "due-date", "reference", "contact", "creditor"}),
    "chat": frozenset({"amount", "due-date", "reference", "contact", "creditor"}),
    "call": frozenset({"amount", "contact", "creditor", "caller-id"}),
}

_PLACEHOLDER_FREE = re.compile(r"\{\{.*?\}\}|\$\{.*?\}|%\(.*?\)[sdf]|\{[^{}]*\}|【[^】]*】|\[[^\]]*\]")


_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=8192)
def looks_like_message(text: str) -> bool:
    """A catalogue string long enough to be a message rather than a label, name or URL."""
    bare = _PLACEHOLDER_FREE.sub("", text).strip()
    if re.fullmatch(r"\S+://\S+|[\w.+-]+@[\w.-]+", bare):
        return False
    return len(_HAN.findall(bare, 0, 400)) >= 8 or len(bare.split(None, 6)) >= 6
