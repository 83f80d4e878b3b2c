"""The learned second opinion: run-time scoring equals the training features, and word classes behave."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from collectlint.model import ANY
from collectlint.model.classes import FIRST, WordClasses, has_symbol
from collectlint.model.features import features
from collectlint.model.scorer import Model, load_model

ZH = [
    "你再不还钱，我们就联系你的同事和你的父母，让大家都知道你欠钱不还。",
    "您的借款已逾期{{days}}天，请于3月5日前还款1,200.00元，客服95555。",
    "你欠債不還，我們會通知你公司同事，讓你在單位抬不起頭。",
    "\ue003你的家人\ue001都会知道",  # private-use characters in the text itself
    "",
]
EN = [
    "If you don't pay today we will call your employer and your wife every day.",
    "This communication is from a debt collector. Your balance of $120.00 is past due.",
    "We will recall the item; call us at 555-0100.",
]


def _z_from_training_path(model: Model, text: str, category: str) -> float:
    cat = model.category(category)
    return cat.bias + sum(cat.weights[f] for f in features(text, model.language, model.classes) if f in cat.weights)


@pytest.mark.parametrize(("profile", "texts"), [("zh-CN", ZH), ("en-US", EN)])
def test_run_time_score_equals_the_score_of_the_training_features(profile: str, texts: list[str]) -> None:
    model = load_model(profile)
    assert model is not None and model.classes is not None, "the shipped model carries its word classes"
    for text in texts:
        for category in model.names:
            prob, _ = model.score_one(text, category)
            z = _z_from_training_path(model, text, category)
            assert prob == pytest.approx(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))), (text, category)


@pytest.mark.parametrize(("profile", "texts"), [("zh-CN", ZH), ("en-US", EN)])
def test_probability_alone_is_the_scored_probability_to_the_last_bit(profile: str, texts: list[str]) -> None:
    # The unflagged fast path (``_total``) sums the same weights in the same order as the path that names
    # drivers (``_found``): every category on the texts above, the violation model (which every message
    # meets) on the real dev split.
    import json

    model = load_model(profile)
    assert model is not None
    for text in texts:
        for category in model.names:
            assert model.probability(text, category) == model.score_one(text, category)[0], (text, category)
    dev = Path(__file__).resolve().parent.parent / "corpus" / "real" / model.language / "dev.jsonl"
    real = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(real) > 300
    for text in real:
        assert model.probability(text, ANY) == model.score_one(text, ANY)[0], text


def _windows_as_before(substituted: str) -> set[str]:
    """The word-class windows as the first version computed them (a loop over every window)."""
    out: set[str] = set()
    n = len(substituted)
    for i, ch in enumerate(substituted):
        if not has_symbol(ch):
            continue
        for start in range(max(0, i - 2), i + 1):
            for end in range(max(i + 1, start + 2), min(n, start + 3) + 1):
                gram = substituted[start:end]
                if gram.strip() == gram:
                    out.add("#" + gram)
    return out


@pytest.mark.parametrize("text", ["告诉你的家人", "家人", "你家人", "欠 家人 告诉", "a家人b", "家人家人家人", "告诉 家人"])
def test_padded_windows_are_the_windows_of_every_symbol(text: str) -> None:
    classes = WordClasses("zh", {"family": ("家人",), "tell": ("告诉",)})
    substituted = classes.substitute(text)
    windows = {f for f in classes.features(text) if f.startswith("#")}
    assert windows == _windows_as_before(substituted), text


def test_class_words_are_replaced_leftmost_longest() -> None:
    classes = WordClasses("zh", {"debt": ("欠款", "欠"), "family": ("家人", "你的家人")})
    assert classes.substitute("告诉你的家人你欠款") == f"告诉{chr(FIRST + 1)}你{chr(FIRST)}"


def test_english_class_words_must_stand_alone() -> None:
    classes = WordClasses("en", {"contact": ("call",), "family": ("your wife",), "harm": ("kill", "kill yours")})
    assert "call" in classes.substitute("we will recall it")
    # A longer class word that fails the boundary leaves its place to a shorter one that fits.
    assert chr(FIRST + 2) in classes.substitute("kill yourself")
    # Latin class words in Chinese text must stand alone too: "ig" is not in "sign".
    zh = WordClasses("zh", {"public": ("ig",)})
    assert zh.substitute("请sign合同") == "请sign合同" and zh.substitute("发到ig上") == f"发到{chr(FIRST)}上"
    assert chr(FIRST) in classes.substitute("we will call your wife")
    feats = classes.features("we will call your wife")
    assert f"@{chr(FIRST)}{chr(FIRST + 1)}" in feats  # the pair of classes present


def test_private_use_characters_in_a_text_cannot_forge_class_features() -> None:
    classes = WordClasses("zh", {"debt": ("欠款",), "family": ("家人",)})
    forged = features(f"{chr(FIRST)}{chr(FIRST + 1)}你好", "zh", classes)
    assert not any(has_symbol(f) for f in forged)
    model = load_model("zh-CN")
    assert model is not None
    assert model.score_one("\ue000\ue001\ue002你好", ANY)[0] == pytest.approx(model.score_one("你好", ANY)[0])


def test_a_class_feature_is_explained_by_its_class_name() -> None:
    classes = WordClasses("zh", {"debt": ("欠款",), "family": ("家人",)})
    model = Model("zh", "zh-CN", "", {}, lambda name: b"", classes)
    assert model.describe(f"#{chr(FIRST)}的") == "<debt>的"
    assert model.describe(f"@{chr(FIRST)}{chr(FIRST + 1)}") == "<debt> + <family>"
    assert model.describe("坐牢") == "坐牢"


def test_model_names_only_categories_no_rule_reported() -> None:
    """When rules reported conduct, the model adds only other categories (never a second finding of a
    category a rule already named); the verdict lists the most likely category first, each once."""
    from collectlint.api import Linter
    from collectlint.models import CONDUCT

    linter = Linter()
    texts = ["你欠我们的钱已经逾期三个月了。再不还钱就让你坐牢，我们会上门，还要发到你朋友圈曝光。",
             "坐席：如果今天不还，我们就找人收拾你。",
             "We will call your employer and your family every day until you pay. You will be arrested."]
    model_extra = 0
    for text in texts:
        findings = linter.lint_text(text)
        rules = {f.category for f in findings if f.source == "rule" and f.category in CONDUCT}
        extra = [c for f in findings if f.source == "model" for c in f.categories]
        assert rules, text
        assert not rules & set(extra) and len(extra) == len(set(extra))
        model_extra += len(extra)
        model = load_model("en-US" if text.startswith("We") else "zh-CN")
        assert model is not None
        verdict = model.verdict(text)
        if verdict is not None:
            names, _, _ = verdict
            scores = {c: model.score_one(text, c)[0] for c in model.names if c != ANY}
            assert names[0] == max(scores, key=lambda c: (scores[c], c)) and len(names) == len(set(names))
    assert model_extra >= 1  # the bad letter's posting to 朋友圈 also reads as third-party disclosure


def test_one_verdict_is_one_finding_that_names_every_category() -> None:
    """A verdict naming several categories at one sentence is one warning, not a copy per category with
    the same words: the most likely category is its category, the rest its further categories, in the
    verdict's order; every report names them all."""
    from collectlint.api import Linter, Options
    from collectlint.models import FileResult
    from collectlint.report.text_format import render

    text = ("Hi Dana, this is Mike from Apex Recovery. If you keep ignoring us, your neighbours will find out "
            "what kind of person you are. Pay today.")
    model = load_model("en-US")
    assert model is not None
    verdict = model.verdict(text)
    assert verdict is not None and len(verdict[0]) >= 2  # the case under test: several categories named
    findings = [f for f in Linter(options=Options(select=("ML100",))).lint_text(text) if f.source == "model"]
    assert len(findings) == 1
    (f,) = findings
    assert [c.value for c in f.categories] == verdict[0]
    report = render([FileResult("letter.txt", text=text, findings=[f])], "en")
    assert "model: categories " + ", ".join(verdict[0]) + "," in report
    assert "= also:" not in report  # the model line already names them


def test_an_info_prompt_does_not_silence_the_model() -> None:
    """A rule at info (a prompt to review, not a finding that counts) leaves the model its say on the same
    category: the message the model flags still ends with a finding at warning."""
    from collectlint.api import Linter, Options
    from collectlint.models import Severity

    text = "You must pay this entire amount today."
    # The info rule and the model alone: a warning rule on the same words (US715) would rightly leave the
    # model nothing to add.
    findings = Linter(options=Options(select=("US712", "ML100"))).lint_text(text)
    prompt = [f for f in findings if f.rule_id == "US712"]
    assert prompt and all(f.severity == Severity.INFO for f in prompt)
    model = load_model("en-US")
    assert model is not None and model.verdict(text) is not None  # the model flags this message
    assert any(f.source == "model" and f.category == prompt[0].category and f.severity >= Severity.WARNING
               for f in findings)


def test_model_findings_follow_the_rule_findings_they_span() -> None:
    """A reader sees the rules' evidence first: the model's further category for a sentence comes after
    the rule findings inside that sentence, not before them."""
    from collectlint.api import Linter

    text = "你欠我们的钱已经逾期三个月了。再不还钱就让你坐牢，我们会把你的照片和身份证发给你所有的同事。"
    findings = Linter().lint_text(text)
    sources = [f.source for f in findings if f.category.value != "missing-element"]
    assert "model" in sources and sources[0] == "rule"
    model_at = sources.index("model")
    assert all(s == "rule" for s in sources[:model_at])
    spanned = [f for f in findings if f.source == "rule" and f.span.start >= findings[model_at].span.start]
    assert spanned and findings.index(spanned[-1]) < model_at


def test_model_explanations_name_words_not_single_characters() -> None:
    """The words that drove the score are shown to a reader: single characters and punctuation pairs
    (上, 不, 了。) come only when nothing longer pushed the score."""
    from collectlint.api import Linter

    text = "你欠我们的钱已经逾期三个月了。再不还钱就让你坐牢，我们会把你的照片和身份证发给你所有的同事。"
    model = [f for f in Linter().lint_text(text) if f.source == "model"]
    assert model
    for finding in model:
        drivers = finding.explanation.split("、")
        assert drivers and all(d.startswith("<") or sum(c.isalnum() for c in d) >= 2 for d in drivers), drivers


def test_the_warm_copy_of_the_model_scores_exactly_like_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                      ) -> None:
    from collectlint.model import scorer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["你再不还钱，我们就把你的事发到你朋友圈和单位群里。", "【XX银行】您本期应还1200元，请于3月5日前还款。",
             "We will tell your employer and your family that you are a thief."]
    verdicts = []
    for _ in range(2):  # first: built and written to the cache; second: read from it
        scorer.load_model.cache_clear()
        zh, en = scorer.load_model("zh-CN"), scorer.load_model("en-US")
        assert zh is not None and en is not None
        verdicts.append([(zh if i < 2 else en).verdict(t) for i, t in enumerate(texts)])
    scorer.load_model.cache_clear()
    assert list(tmp_path.rglob("rules-model-*.bin")), "the warm copy was not written"
    # The first text is flagged: naming its categories wrote the merged per-category models, which the
    # second round read back (its categories are in the verdict compared here).
    assert list(tmp_path.rglob("rules-merged-*.bin")), "the merged category models were not written"
    assert verdicts[0] == verdicts[1]
    assert verdicts[0][0] is not None and verdicts[0][1] is None


@pytest.mark.parametrize(("profile", "lang"), [("zh-CN", "zh"), ("en-US", "en")])
def test_one_pass_over_every_category_scores_as_each_category_alone(profile: str, lang: str) -> None:
    """A flagged text's categories come from one merged automaton pass; each probability must equal,
    to the last bit, what that category's own model gives (the real dev split, and the texts above)."""
    import json

    model = load_model(profile)
    assert model is not None
    dev = Path(__file__).resolve().parent.parent / "corpus" / "real" / lang / "dev.jsonl"
    texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ZH if lang == "zh" else EN
    assert len(texts) > 300
    for text in texts:
        prepared = model.prepare(text)
        alone = {name: model.probability(text, name) for name in model.names if name != ANY}
        assert model._category_probabilities(prepared) == alone, text


@pytest.mark.parametrize(
    ("text", "cited", "foreign"),
    [("You better pay up today, this is your last chance before things get really ugly for you and your family.",
      "FDCPA", "《"),
     ("你家孩子在哪上学我们都清楚，路上小心点，出了事别怪我们。", "《", "FDCPA")],
)
def test_model_findings_cite_the_law_of_the_messages_profile(text: str, cited: str, foreign: str) -> None:
    """The model names categories, not a rule: its basis is each named category's law in the message's own
    jurisdiction, the most likely category's first (an English letter never cites a Chinese statute, nor a
    Chinese one the FDCPA)."""
    from collectlint.api import Linter, Options
    from collectlint.pipeline import model_basis
    from collectlint.profiles import get_profile

    # The model alone, so a rule that reads the same words cannot leave it nothing to report.
    model_findings = [f for f in Linter(options=Options(select=("ML100",))).lint_text(text) if f.source == "model"]
    assert model_findings
    profile = get_profile("en-US" if cited == "FDCPA" else "zh-CN")
    for f in model_findings:
        assert f.basis is not None and f.basis.startswith(profile.category_basis[f.category.value].strip())
        assert f.basis == model_basis(profile.category_basis, (c.value for c in f.categories))
        assert all(profile.category_basis[c.value].strip() in f.basis for c in f.categories)
        assert cited in f.basis and foreign not in f.basis


def test_model_basis_joins_each_categorys_law_once_in_order() -> None:
    from collectlint.pipeline import model_basis

    bases = {"threat": "FDCPA 1692d(1).", "insult": "FDCPA 1692d(2).", "shaming": "FDCPA 1692d(1).",
             "pressure": "《某法》第一条。"}
    assert model_basis(bases, ["threat", "insult"]) == "FDCPA 1692d(1). FDCPA 1692d(2)."
    assert model_basis(bases, ["threat", "shaming"]) == "FDCPA 1692d(1)."  # the same law once
    assert model_basis(bases, ["pressure", "threat"]) == "《某法》第一条。FDCPA 1692d(1)."
    assert model_basis(bases, ["privacy", None]) is None


@pytest.mark.parametrize(("warning", "own_threat"), [
    ("【某银行】防诈提醒：近期有不法分子冒充“公检法”，以“你的信用卡涉嫌洗钱已被冻结，马上逮捕你，全家都要坐牢”为由"
     "要求转账，本行不会要求转账至安全账户。",
     "你反映我们说“再不还就上门”，没错，我们就是要去你家门口堵你，让你全家不得安宁。"),
    ('Scam alert: callers are using our name and saying "a warrant has been issued for your arrest unless you '
     'wire the money today." These calls are not from us. We never threaten arrest.',
     'Your complaint says our agent told you "pay or else". Pay today or we will have you arrested at work and '
     'tell your boss and your whole family.'),
])
def test_the_model_reads_a_warning_without_the_words_it_quotes(warning: str, own_threat: str) -> None:
    """In a message that warns about impostors or answers a complaint, the words in quotation marks are the
    ones it warns against: the model scores the sender's own words only, so the quoted threat flags nothing,
    while a threat the sender makes outside the quotation is still flagged."""
    from collectlint.api import Linter
    from collectlint.guards import unquoted

    linter = Linter()
    assert not [f for f in linter.lint_text(warning) if f.source == "model"]
    model = load_model("en-US" if warning.isascii() else "zh-CN")
    assert model is not None and model.verdict(warning) is not None  # read whole, the quotation is flagged
    assert model.verdict(unquoted(warning)) is None
    assert [f for f in linter.lint_text(own_threat) if f.source == "rule" or f.source == "model"]
    assert model.verdict(unquoted(own_threat)) is not None


def test_unquoted_blanks_quotations_in_place() -> None:
    from collectlint.guards import quotation as guards_quotation
    from collectlint.guards import unquoted

    text = '他说“不还就抓你”，又说「等着」。He said "pay now" and left "unclosed'
    out = unquoted(text)
    assert len(out) == len(text)
    assert out == '他说“' + ' ' * 5 + '”，又说「  」。He said "' + ' ' * 7 + '" and left "unclosed'
    assert unquoted("no quotation here") == "no quotation here"
    # Straight quotes pair by parity, as ``quotation`` reads them: the second and third marks enclose
    # nothing quoted.
    assert unquoted('"a" b "c"') == '" " b " "'
    assert all(guards_quotation('"a" b "c"', i, i + 1) is not None for i in (1, 7))
    assert guards_quotation('"a" b "c"', 4, 5) is None
