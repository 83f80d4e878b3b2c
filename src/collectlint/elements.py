"""Recognisers for the elements a collection message must contain.

Each element is satisfied by a literal value (a recognised amount, date, reference, contact or
creditor name) or by a placeholder whose name is in the element's alias table.  Patterns run over
the normalised text (lower case, half-width, Simplified).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from collectlint.placeholders import Placeholder

_NUM = r"\d[\d,]*(?:\.\d+)?"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


@dataclass(frozen=True)
class Element:
    name: str
    label_zh: str
    label_en: str
    placeholder: str  # what the suggestion tells the author to add
    aliases: frozenset[str]
    pattern: re.Pattern[str]

    def present(self, normalised: str, placeholders: list[Placeholder]) -> bool:
        if any(_alias_key(p.name) in self.aliases for p in placeholders):
            return True
        return self.pattern.search(normalised) is not None


def _alias_key(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name).lower()


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
            [r"(?<!\d)95\d{3,4}(?!\d)", r"(?<!\d)[48]00[- ]?\d{3}[- ]?\d{4}(?!\d)", r"(?<!\d)1[3-9]\d{9}(?!\d)",
             r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)", r"[\w.+-]+@[\w-]+\.[\w.-]+", r"https?://\S+", r"\bwww\.\S+",
             r"\(\d{3}\)\s?\d{3}-\d{4}", r"\b\d{3}-\d{3}-\d{4}\b",
             # Short service numbers (10086, 96833, 10107888) after a contact word.
             r"(?:详询|咨询|致电|拨打|电话|热线|客服|联系|打)[^\d\n]{0,6}\d{5,12}"],
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
