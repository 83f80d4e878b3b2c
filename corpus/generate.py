"""Build corpus/zh.jsonl: labelled Chinese collection messages for `collectlint eval`.

Deterministic (fixed seed).  Compliant messages come from frames modelled on the seed documents
(bank-card SMS, loan and utility reminders, B2B invoice emails, collection letters, polite call
scripts, app chat), filled with varied names, amounts, dates and references, and often extended with
sentences that look risky but are lawful (negations, quoted rules, lawful conditional notices,
anti-fraud warnings, hardship offers).  Violating messages insert one or two sentences from
hand-written pools per category, written as collectors phrase them (not copied from the rule
lists), sometimes in Traditional script or with filler characters.  Messages missing an element drop
the frame segment that carried it.

    python corpus/generate.py        # rewrites corpus/zh.jsonl
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261122
OUT = Path(__file__).with_name("zh.jsonl")

BANKS = ["招商银行", "工商银行", "建设银行", "平安银行", "中信银行", "浦发银行", "广发银行", "交通银行"]
LENDERS = ["安心消费金融", "众信小额贷款", "华融消费金融", "马上借科技有限公司"]
UTILITIES = ["国网电力", "城市燃气", "自来水公司", "联通宽带"]
AGENCIES = ["信达资产管理有限公司", "诚和信息咨询有限公司", "恒远商务服务有限公司"]
COMPANIES = ["华东建材有限公司", "鑫源贸易有限公司", "远航物流有限公司", "明德科技有限公司"]
SUPPLIERS = ["宏达机电有限公司", "新锐办公用品有限公司", "蓝海包装有限公司"]
NAMES = ["张先生", "李女士", "王先生", "刘女士", "陈先生", "杨女士", "赵先生", "周女士", "吴先生", "郑女士"]
HOTLINES = ["95555", "95588", "95533", "95511", "400-820-1234", "400-666-8800", "95566"]
EMAILS = ["ar@huadong-jc.com", "finance@xinyuan.cn", "billing@lanhai-pack.com", "service@anxin.cn"]
SCHOOLS = ["阳光小学", "实验小学", "育才中学"]

# Frames: (name, channel, stage, segments).  A segment is (text, element it carries or None).
FRAMES: list[tuple[str, str, str | None, list[tuple[str, str | None]]]] = [
    ("sms-card-m0", "sms", "M0", [
        ("【{bank}】", "creditor"), ("尊敬的{name}，", None), ("您尾号{last4}的信用卡", "reference"),
        ("本期账单{amount}元，", "amount"), ("最后还款日{date}，", "due-date"), ("请按时还款，如已还款请忽略。", None),
        ("详询{hotline}。", "contact")]),
    ("sms-card-m1", "sms", "M1", [
        ("【{bank}】", "creditor"), ("{name}您好，", None), ("您尾号{last4}的信用卡", "reference"),
        ("已逾期{days}天，", "due-date"), ("欠款{amount}元，", "amount"),
        ("请尽快还款，以免影响您的信用记录。如有困难可", None), ("致电{hotline}协商分期。", "contact")]),
    ("sms-loan", "sms", "M0", [
        ("【{lender}】", "creditor"), ("尊敬的用户，您的借款", None), ("（合同号{contract}）", "reference"),
        ("本期应还{amount}元，", "amount"), ("还款日为{date}。", "due-date"), ("如需帮助", None),
        ("请致电{hotline}。", "contact")]),
    ("sms-utility", "sms", None, [
        ("【{utility}】", "creditor"), ("尊敬的客户，您", None), ("户号尾号{last4}的账户", "reference"),
        ("欠费{amount}元，", "amount"), ("请于{date}前缴纳。", "due-date"),
        ("可通过官方APP缴费或", None), ("致电{hotline}。", "contact")]),
    ("sms-loan-due", "sms", "M0", [
        ("【{bank}】", "creditor"), ("温馨提示：您", None), ("尾号{last4}的贷款", "reference"),
        ("将于{date}到期，", "due-date"), ("应还金额{amount}元，", "amount"), ("请确保账户余额充足。", None),
        ("客服热线{hotline}。", "contact")]),
    ("sms-m3-lawful", "sms", "M3", [
        ("【{bank}】", "creditor"), ("{name}您好，", None), ("您尾号{last4}的账户", "reference"),
        ("已逾期{days_late}天，", "due-date"), ("欠款{amount}元。", "amount"),
        ("请尽快还款或联系我们协商还款计划。如仍未还款，我们可能依法通过诉讼主张权利。逾期信息将依法报送金融信用信息基础数据库。",
         None), ("客服{hotline}。", "contact")]),
    ("email-b2b", "email", None, [
        ("尊敬的{company}财务部：\n您好！我们想跟进一下", None), ("发票号{invoice}", "reference"),
        ("的付款情况。根据我们的协议，该笔款项", None), ("{amount}元", "amount"), ("应于{date}前支付。", "due-date"),
        ("如您已付款，请忽略此邮件；如遇到任何困难，请随时告知我们，我们愿意协商分期付款。\n", None),
        ("联系邮箱{email}\n", "contact"), ("{supplier}", "creditor")]),
    ("email-b2b-2", "email", None, [
        ("尊敬的{name}：\n希望这封邮件一切安好。我想确认您是否已收到我们发送的发票", None),
        ("（发票号码{invoice}）", "reference"), ("，金额{amount}元，", "amount"),
        ("付款条款为收到发票后30天内，即{date}前。", "due-date"), ("如有疑问请联系", None), ("{email}。", "contact"),
        ("\n此致\n", None), ("{supplier}", "creditor")]),
    ("letter", "letter", "M2", [
        ("催收函\n{name}：\n截至{date0}，您的借款", None),
        ("（借款合同编号{contract}）", "reference"), ("尚欠本金{principal}元、利息{interest}元，合计{amount}元。", "amount"),
        ("请您于{date}前通过官方还款渠道还款。", "due-date"), ("如对欠款有异议，可在收到本函后15日内", None),
        ("致电{hotline}提出。", "contact"), ("本函由{agency}", None), ("受{bank}委托", "creditor"),
        ("发出，工号{staff}。", None)]),
    ("call-script", "call", "M1", [
        ("坐席：您好，我是", None), ("{bank}委托的", "creditor"),
        ("{agency}催收专员，工号{staff}。请问是{name}本人吗？\n坐席：您", None),
        ("尾号{last4}的信用卡", "reference"), ("目前欠款{amount}元，", "amount"), ("最后还款日是{date}。", "due-date"),
        ("请问您是否遇到了什么困难？\n坐席：如果资金周转有问题，我们可以为您申请分期还款。有任何疑问可", None),
        ("拨打{hotline}。", "contact")]),
    ("chat", "chat", None, [
        ("您好，这里是", None), ("{lender}", "creditor"), ("官方客服。您的借款", None), ("（合同号{contract}）", "reference"),
        ("应还{amount}元，", "amount"), ("已于{date}到期。", "due-date"), ("请问是否需要为您办理延期或分期？如需人工服务", None),
        ("请拨打{hotline}。", "contact")]),
]

# Sentences that look risky to a naive keyword filter but are lawful.
LAWFUL_EXTRAS = [
    "我们不会联系您的家人或单位。",
    "本笔欠款由您本人负责，我们不会向您的家人追讨。",
    "根据规定，我们不得联系与债务无关的第三人。",
    "您的信息将严格保密，仅用于本笔欠款的沟通。",
    "请认准官方客服，谨防骗子冒充我行工作人员。",
    "如您因住院等特殊原因暂时无法还款，可申请延期还款。",
    "我们不收取任何催收费或上门费。",
    "如经法院判决且未履行，法院可依法采取执行措施。",
    "按时还款有助于维护您的信用记录。",
    "如需当面沟通，我们可以预约您方便的时间和地点。",
    "我行严禁员工使用威胁、辱骂等方式催收。",
    "本产品支持滚动还款和提前还款。",
    "请勿相信任何要求您转账到个人账户的信息。",
    "如对账单有异议，可致电客服提出。",
    "我们绝不会以坐牢等不实后果相威胁。",
    "逾期信息将依法报送金融信用信息基础数据库，可能影响您的信用记录。",
    "根据《刑法》第196条，恶意透支可能承担刑事责任。",
    "我们理解您可能遇到了困难。",
    "如您已还款，请忽略本提醒。",
    "请通过官方APP或网点办理还款，谨防诈骗。",
]

VIOLATIONS: dict[str, list[str]] = {
    "threat": [
        "再不还钱，小心我们找人收拾你。", "你再拖着不还，我们的人会打断你的腿。", "知道你住哪，你走夜路最好小心点。",
        "我们已经派人去你家门口蹲守了。", "明天去你公司门口拉横幅。", "再不还，给你家送个花圈。",
        "一帮兄弟已经在路上了。", "小心你孩子放学的路上。", "你家人的安全我们可不敢保证。",
        "欠债还钱天经地义，不还就弄死你。", "信不信我让你见血。", "我们会天天去你家，直到你还钱为止。",
        "再不还钱，我们就上门找你算账。", "欠款再不还🔪🔪", "给你家门口泼点油漆看看。",
        "带几个兄弟去你老家坐坐。", "我们知道你家在哪，也知道你孩子在哪上学。", "再不还，后果你自己想。⚰️",
    ],
    "false-legal": [
        "再不还钱就让你坐牢。", "警察马上就来抓你。", "你已经涉嫌信用卡诈骗罪，恶意透支已立案。",
        "我们已经将你的案件移交公安机关处理。", "法院传票已经寄出，请注意查收。", "这里是司法催收中心，你的案件已进入执行阶段。",
        "明天冻结你名下所有银行卡。", "下个月开始直接划扣你的工资。", "你马上会被列入失信被执行人名单。",
        "准备去吃牢饭吧。", "等着进局子吧。", "你已经被网上通缉了。", "再不还钱🚓就到了。",
        "我是区人民法院的工作人员。", "你的行为已构成诈骗，我们将追究你的刑事责任。", "拘留通知已经下发。",
        "你名下的房产马上会被查封。", "以后坐不了高铁和飞机了。",
    ],
    "third-party": [
        "再不还我们就把你欠钱的事告诉你父母。", "我们会给你通讯录里所有人发短信。", "你的紧急联系人都会知道你欠钱不还。",
        "明天就打电话到你单位，让你领导评评理。", "我们已经联系了你的同事，他们都知道你欠钱的事了。",
        "麻烦你转告你老公，他欠我们的钱已经逾期90天了。", "把你亲友都拉进群，让大家评评理。",
        "爆你通讯录是分分钟的事。", "已经给你公司HR发了催收函。", "你手机里的人我们都会一个个打过去。",
        "我们会通知你家人你欠款的事。", "你儿子欠我们五千块钱，你当妈的管不管？", "下午去你单位找你。",
    ],
    "shaming": [
        "还要发到你朋友圈曝光。", "再不还就把你的照片发到微博上。", "我们会把你挂到网上，让你社死。",
        "你的个人信息会被全网曝光。", "把你做成海报贴在小区门口。", "下周在你们村里广播你欠钱不还的事。",
        "在抖音上公开你的欠款信息。", "人肉你很简单。", "你的信息已经被开盒了。", "再不还就把你的欠款发到业主群。",
    ],
    "insult": [
        "你这个废物，连这点钱都还不上。", "欠钱不还，真不要脸。", "你就是个老赖。", "欠钱不还的骗子。",
        "你个sb，赶紧还钱。", "tmd你到底还不还？", "穷鬼一个，还装什么。", "你这种人渣也配借钱？",
        "你全家死光了吗，电话也不接。", "赖账专业户说的就是你。", "狗东西，赶紧把钱还了。",
    ],
    "privacy": [
        "您的身份证号{id}已登记在案。", "您的信用卡{card}已逾期。", "借款人身份证{id_spaced}。",
        "你的住院记录我们都查到了。", "你孩子在{school}三年级二班，对吧。", "我们掌握你的行踪，每天几点下班都清楚。",
        "还款卡号：{card_spaced}。",
    ],
    "pressure": [
        "这是最后通牒，否则后果自负。", "限你2小时内还清全部欠款。", "30分钟内不到账，别怪我们不客气。",
        "去借网贷也要先把我们的钱还上。", "信用卡套现也得今天还。", "把房子卖了也得还。", "再不还，我们就电话轰炸你。",
        "我们会每天打你100个电话。", "今天必须还清，没有商量余地。", "你自己看着办吧。", "立刻马上还钱！",
        "找亲戚朋友借也要今天还上。",
    ],
    "misrepresentation": [
        "再不还会影响你子女上学。", "你孩子以后考公、政审都过不了。", "父债子还，天经地义。", "你父母要替你还这笔钱。",
        "你的征信会进永久黑名单。", "你会成为全国联网的黑户。", "一辈子都贷不了款。", "需额外支付催收费500元。",
        "上门费800元由你承担。", "从明天起每天加收5%的违约金。", "你老婆也要承担这笔债。",
    ],
}
# Some pool sentences honestly violate two categories.
EXTRA_LABELS = {
    "把你列入老赖名单公示。": ["shaming", "insult"],
    # A banner at the workplace also tells colleagues; knowing a child's school is also a sensitive detail.
    "明天去你公司门口拉横幅。": ["threat", "third-party"],
    "我们知道你家在哪，也知道你孩子在哪上学。": ["threat", "privacy"],
    "你孩子在{school}三年级二班，对吧。": ["privacy", "threat"],
}
VIOLATIONS["shaming"].append("把你列入老赖名单公示。")

EARLY_LEGAL = ["如仍未还款，我们将通过诉讼主张权利。", "我们将采取法律手段维护权益。", "如不处理，我们将委托律师提起诉讼。"]


def _luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    from stdnum import luhn

    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def _resident_id(rng: random.Random) -> str:
    from stdnum.iso7064 import mod_11_2

    body = rng.choice(["110105", "310104", "440305", "510107"]) + f"{rng.randint(1960, 2000)}" \
        f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return body + mod_11_2.calc_check_digit(body)


def _fill(rng: random.Random) -> dict[str, str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    amount = rng.choice([f"{rng.randint(100, 99999):,}.{rng.randint(0, 99):02d}", str(rng.randint(200, 50000))])
    ident = _resident_id(rng)
    card = _luhn_number(rng, rng.choice(["6222", "6225", "4367", "5187"]), rng.choice([16, 19]))
    return {
        "bank": rng.choice(BANKS), "lender": rng.choice(LENDERS), "utility": rng.choice(UTILITIES),
        "agency": rng.choice(AGENCIES), "company": rng.choice(COMPANIES), "supplier": rng.choice(SUPPLIERS),
        "name": rng.choice(NAMES), "last4": f"{rng.randint(0, 9999):04d}", "amount": amount,
        "principal": str(rng.randint(1000, 9000)), "interest": str(rng.randint(10, 900)),
        "date": rng.choice([f"2025年{month}月{day}日", f"{month}月{day}日", f"2025-{month:02d}-{day:02d}"]),
        "date0": f"2025年{month}月{max(1, day - 5)}日", "days": str(rng.randint(3, 30)),
        "days_late": str(rng.randint(61, 90)), "hotline": rng.choice(HOTLINES),
        "contract": f"HT{rng.randint(2020, 2025)}{rng.randint(10000, 99999)}",
        "invoice": f"INV-2025-{rng.randint(1, 999):03d}", "email": rng.choice(EMAILS),
        "staff": f"{rng.randint(1000, 9999)}", "school": rng.choice(SCHOOLS),
        "id": ident, "id_spaced": f"{ident[:6]} {ident[6:14]} {ident[14:]}",
        "card": card, "card_spaced": " ".join(card[i : i + 4] for i in range(0, len(card), 4)),
    }


def _render(segments: list[tuple[str, str | None]], values: dict[str, str], drop: str | None = None) -> str:
    return "".join(text.format(**values) for text, element in segments if drop is None or element != drop)


def _insert(rng: random.Random, message: str, sentence: str) -> str:
    """Put the violating sentence after the first sentence end, or at the end."""
    cut = [i + 1 for i, c in enumerate(message) if c in "。！？\n"]
    pos = rng.choice(cut[:-1]) if len(cut) > 1 else len(message)
    return message[:pos] + sentence + message[pos:]


def _evade(rng: random.Random, sentence: str) -> tuple[str, str | None]:
    roll = rng.random()
    han = [i for i in range(len(sentence) - 1) if "\u4e00" <= sentence[i] <= "\u9fff" and "\u4e00" <= sentence[i + 1] <= "\u9fff"]
    if roll < 0.12 and han:
        i = rng.choice(han)
        return sentence[: i + 1] + rng.choice([" ", "*", "-", "\u200b"]) + sentence[i + 1 :], "filler"
    return sentence, None


def build() -> list[dict[str, object]]:
    import opencc

    t2s = opencc.OpenCC("s2t")
    rng = random.Random(SEED)
    items: list[dict[str, object]] = []

    def add(text: str, channel: str, stage: str | None, expected: list[str], provenance: str) -> None:
        items.append({"id": f"zh-{len(items) + 1:04d}", "text": text, "channel": channel, "stage": stage,
                      "expected": sorted(set(expected)), "provenance": provenance})

    # Compliant messages: every frame, many fills, often with a lawful look-alike sentence.
    for round_ in range(30):
        for name, channel, stage, segments in FRAMES:
            values = _fill(rng)
            message = _render(segments, values)
            note = f"synthetic compliant; frame={name}"
            if rng.random() < 0.55:
                extra = rng.choice(LAWFUL_EXTRAS)
                message = _insert(rng, message, extra)
                note += f"; lawful-extra={LAWFUL_EXTRAS.index(extra)}"
            if round_ % 7 == 3:
                message = t2s.convert(message)
                note += "; traditional"
            add(message, channel, stage, [], note)

    # Violations: every pool sentence, in two or three different frames.
    for category, pool in VIOLATIONS.items():
        for k, sentence in enumerate(pool):
            for _ in range(3 if k % 2 == 0 else 2):
                name, channel, stage, segments = rng.choice(FRAMES)
                values = _fill(rng)
                filled = sentence.format(**values)
                filled, how = _evade(rng, filled)
                message = _insert(rng, _render(segments, values), filled)
                note = f"synthetic violation; frame={name}; pool={category}#{k}"
                if how:
                    note += f"; evasion={how}"
                if rng.random() < 0.15:
                    message = t2s.convert(message)
                    note += "; traditional"
                add(message, channel, stage if stage != "M3" else "M2",
                    EXTRA_LABELS.get(sentence, [category]), note)

    # Stage: a lawful legal-steps notice is over-pressure at M0/M1 and fine at M3.
    for k, sentence in enumerate(EARLY_LEGAL):
        for stage in ("M0", "M1", "M3", "M3"):
            name, channel, _, segments = FRAMES[1]
            message = _insert(rng, _render(segments, _fill(rng)), sentence)
            add(message, channel, stage, ["pressure"] if stage in ("M0", "M1") else [],
                f"synthetic stage; frame={name}; early-legal#{k}")

    # Missing elements: drop one element-carrying segment.
    for round_ in range(6):
        for name, channel, stage, segments in FRAMES:
            # A call script need not carry a reference or due date (SHOULD, not MUST, for calls).
            elements = [e for _, e in segments if e and (channel != "call" or e in ("amount", "contact", "creditor"))]
            drop = elements[round_ % len(elements)]
            message = _render(segments, _fill(rng), drop=drop)
            add(message, channel, stage, ["missing-element"], f"synthetic missing={drop}; frame={name}")
    return items


def main() -> None:
    items = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    compliant = sum(1 for i in items if not i["expected"])
    print(f"wrote {len(items)} messages to {OUT} ({compliant} compliant, {compliant / len(items):.0%})")


if __name__ == "__main__":
    main()
