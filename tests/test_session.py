"""The foundations: no hidden state between sessions, caches keyed by content, selection-independent
findings, language-aware guards, profiles as data."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from collectlint import compiled_cache
from collectlint.api import Linter, Options
from collectlint.guards import negated
from collectlint.packs.loader import load_rules
from collectlint.profiles import get_profile, load_profile
from collectlint.session import Session
from collectlint.source import Document

ROOT = Path(__file__).resolve().parent.parent

PACK = """\
pack: {name}
profile: {profile}
rules:
  - id: {rid}
    name: test-rule-{low}
    category: false-legal
    severity: error
    message: {{zh: 测试, en: test}}
    docs: {{what: a, why: b, basis: c, source_status: R, example: d, instead: e}}
    examples: {{fire: [x], silent: [y]}}
    match: {{type: phrase, phrases: [{phrases}]}}
"""


def _pack(folder: Path, rid: str, phrases: str, profile: str = "en-US") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{rid.lower()}.yaml"
    path.write_text(PACK.format(name=rid.lower(), profile=profile, rid=rid, low=rid.lower(), phrases=phrases),
                    encoding="utf-8")
    return path


def test_an_edited_pack_is_reloaded(tmp_path: Path) -> None:
    path = _pack(tmp_path / "rules", "TS001", "arrest")
    first = load_rules((str(tmp_path / "rules"),))
    # An en-US pack: each phrase also matches its inflections (arrests, arrested, ...).
    assert sorted(next(r for r in first if r.id == "TS001").check.literals()) == [
        "arrest", "arrested", "arresting", "arrests"]
    path.write_text(path.read_text(encoding="utf-8").replace("[arrest]", "[warrant]"), encoding="utf-8")
    os.utime(path, ns=(1, 10**18))  # a different mtime even on coarse clocks
    second = load_rules((str(tmp_path / "rules"),))
    assert sorted(next(r for r in second if r.id == "TS001").check.literals()) == ["warrant", "warranted",
                                                                                  "warranting", "warrants"]


def test_compiled_cache_is_keyed_by_collectlints_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from collectlint.packs import loader

    files = loader.pack_files(loader.shipped_rules_dir())
    before = loader._cache_key(files)
    monkeypatch.setattr(compiled_cache, "code_fingerprint", lambda: "edited normaliser")
    assert loader._cache_key(files) != before


def test_fingerprint_covers_the_normaliser_and_profiles() -> None:
    compiled_cache.code_fingerprint.cache_clear()
    real = compiled_cache.code_fingerprint()
    assert len(real) == 64


def test_a_planted_or_corrupt_cache_is_never_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.mkdir, (str(marker),))

    folder = tmp_path / "collectlint"
    folder.mkdir(mode=0o700)
    (folder / "rules-k1.bin").write_bytes(b"\0" * 32 + pickle.dumps(Evil()))
    assert compiled_cache.read("k1") is None
    assert not marker.exists()
    (folder / "rules-k2.bin").write_bytes(b"garbage")
    assert compiled_cache.read("k2") is None
    compiled_cache.write("k3", ("ok",))
    assert compiled_cache.read("k3") == ("ok",)
    assert (folder / "cache.key").stat().st_mode & 0o077 == 0
    blob = bytearray((folder / "rules-k3.bin").read_bytes())
    blob[-2] ^= 1
    (folder / "rules-k3.bin").write_bytes(bytes(blob))
    assert compiled_cache.read("k3") is None


def _corpus_texts() -> list[str]:
    items = [json.loads(line) for line in (ROOT / "corpus" / "zh.jsonl").read_text(encoding="utf-8").splitlines()]
    items += [json.loads(line) for line in (ROOT / "tests" / "data" / "selection_probe.jsonl").read_text(
        encoding="utf-8").splitlines()]
    return [i["text"] for i in items]


def test_selection_never_changes_another_rules_findings() -> None:
    """Every rule alone gives exactly its own findings from the run with every rule (before two rules'
    findings over the same words merge: with every rule, the stronger one stands)."""
    texts = _corpus_texts()
    everything = Session(options=Options(model=False, merge_overlapping=False))
    together: dict[str, set[tuple[int, str, int, int]]] = {}
    for i, text in enumerate(texts):
        for f in everything.lint_text(text):
            together.setdefault(f.rule_id, set()).add((i, f.rule_id, f.span.start, f.span.end))
    for rule in everything.rules:
        if rule.category.value == "suppression":
            continue
        alone = Session(options=Options(select=(rule.id,), model=False, merge_overlapping=False))
        got = {(i, f.rule_id, f.span.start, f.span.end) for i, text in enumerate(texts)
               for f in alone.lint_text(text) if f.rule_id == rule.id}
        assert got == together.get(rule.id, set()), rule.id


def test_employer_disclosure_does_not_need_the_family_rule() -> None:
    text = "我们会联系你的家人和单位领导"
    for options in (Options(model=False), Options(select=("CN303",), model=False),
                    Options(ignore=("CN302",), model=False)):
        assert "CN303" in {f.rule_id for f in Session(options=options).lint_text(text)}, options


def test_english_negation_is_counted_in_words(tmp_path: Path) -> None:
    _pack(tmp_path / "rules", "TS002", "arrest, jail")
    session = Linter(options=Options(extra_rule_dirs=(str(tmp_path / "rules"),), select=("TS002",), model=False))
    assert session.lint_text("We would never threaten to have anyone arrest you.") == []
    assert [f.rule_id for f in session.lint_text("You will go to jail.")] == ["TS002"]  # no pinyin cue gate
    assert [f.rule_id for f in session.lint_text("Pay or we will have you arrest")] == ["TS002"]


def test_chinese_negation_stays_in_characters() -> None:
    zh = get_profile("zh-CN")
    text = "我们不会联系您的家人"
    assert negated(text, text.index("联系"), zh)
    far = "我们不" + "啊" * 20 + "联系"
    assert not negated(far, far.index("联系"), zh)


def test_a_purpose_clause_does_not_deny_the_request_after_it() -> None:
    """避免/以免 deny their own object; the request that follows (请…) is the sender's demand."""
    zh = get_profile("zh-CN")
    demand = "避免事态恶化请2小时内处理款项"
    assert not negated(demand, demand.index("2小时"), zh)
    assert negated("请避免上门催收", "请避免上门催收".index("上门"), zh)
    kept = "为避免上门核实，请联系我们"
    assert negated(kept, kept.index("上门"), zh)


def test_a_new_profile_is_one_yaml_file(tmp_path: Path) -> None:
    """Adding a profile edits no guard, element, pinyin or normalisation code."""
    source = (ROOT / "src" / "collectlint" / "profiles" / "en-US.yaml").read_text(encoding="utf-8")
    text = source.replace("profile: en-US", "profile: en-GB").replace("window: 6", "window: 2")
    text = text.replace("'\\$\\s?\\d[\\d,]*(?:\\.\\d+)?'", "'£\\s?\\d[\\d,]*(?:\\.\\d+)?'")
    path = tmp_path / "en-GB.yaml"
    path.write_text(text, encoding="utf-8")
    gb = load_profile(path)
    assert gb.name == "en-GB" and gb.negation.window == 2
    sentence = "We would never threaten to have anyone arrest you"
    assert negated(sentence, sentence.index("arrest"), get_profile("en-US"))
    assert not negated(sentence, sentence.index("arrest"), gb)
    assert gb.elements["amount"].present("you owe £120", [])
    assert not get_profile("en-US").elements["amount"].present("you owe £120", [])
    doc = Document("您欠款", profile=gb)
    assert doc.norm.text == "您欠款"  # no 您→你 fold in this profile


def test_profile_fragments_are_shared_words_and_an_unknown_one_is_a_clear_error(tmp_path: Path) -> None:
    """``{{name}}`` in a frame stands for the profile's fragment ``name``: the shipped Chinese profile's
    rights frames and distancing cues read one list of whom impostors claim to be."""
    from collectlint.errors import ConfigError

    zh = get_profile("zh-CN")
    for text in ("近期有人冒充法院工作人员来电", "谨慎：有人假冒公检法"):
        assert zh.distancing.search(text) is not None
    assert zh.rights_frame.search("不法分子冒充公检法") is not None
    assert zh.rights_frame.search("你冒充他人身份借款") is None  # a bare 冒充 is not a frame
    source = (ROOT / "src" / "collectlint" / "profiles" / "zh-CN.yaml").read_text(encoding="utf-8")
    path = tmp_path / "zh-XX.yaml"
    path.write_text(source.replace("profile: zh-CN", "profile: zh-XX").replace("{{impersonated}}", "{{nobody}}", 1),
                    encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown fragment 'nobody'"):
        load_profile(path)


def test_profile_is_chosen_by_front_matter_config_and_language() -> None:
    session = Session(options=Options(model=False))
    assert session.profile_for("您好，请还款").name == "zh-CN"
    assert session.profile_for("Please pay your balance").name == "en-US"
    assert session.profile_for("Please pay", "zh-CN").name == "zh-CN"
    forced = Session(options=Options(profile="en-US", model=False))
    assert forced.profile_for("您好").name == "en-US"


def test_a_session_pickles_as_its_recipe() -> None:
    session = Session(options=Options(select=("CN2",), model=False))
    clone = pickle.loads(pickle.dumps(session))
    assert [r.id for r in clone.rules] == [r.id for r in session.rules]
    text = "再不还钱就让你坐牢"
    assert clone.lint_text(text) == session.lint_text(text)


def test_findings_carry_their_origin() -> None:
    finding = Session(options=Options(model=False)).lint_text("再不还钱就让你坐牢")[0]
    assert finding.source == "rule" and finding.confidence is None


def test_rule_phrases_are_folded_like_zh_cn_documents() -> None:
    from collectlint.normalize import DEFAULT_FOLDING

    assert get_profile("zh-CN").folding == DEFAULT_FOLDING


def test_lint_many_gives_what_lint_text_gives_for_each_text() -> None:
    from collectlint.api import Linter, Options

    linter = Linter(options=Options(model=False))
    texts = ["你再不还钱就让你坐牢。", "【XX银行】您本期应还1200元，请于3月5日前还款。客服95555。", "你这个老赖。"]
    batch = list(linter.lint_many(iter(texts)))
    assert batch == [linter.lint_text(t) for t in texts]
    assert {f.rule_id for f in batch[0]} >= {"CN201"} and not any(f.category.value == "threat" for f in batch[1])


def test_cached_phrase_index_and_profiles_give_the_same_findings(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The automata and the shipped profiles come back from the compiled cache: a run served from the
    cache (and one with a selection, which reuses the index built over every rule) finds exactly what
    a run that compiled everything itself finds."""
    from collectlint.engine import PhraseIndex, RuleSet
    from collectlint.packs import loader
    from collectlint.profiles import profile as profile_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = [*_corpus_texts()[:300], "Your account is past due. We will have you arrested today.",
             "ni bu huan qian jiu zuo lao, 让你全家知道"]

    def findings(linter: Linter) -> list[tuple[str, int, int]]:
        return [(f.rule_id, f.span.start, f.span.end) for t in texts for f in linter.lint_text(t)]

    loader._load.cache_clear()
    profile_module._shipped.cache_clear()
    profile_module.get_profile.cache_clear()
    built = findings(Linter())
    assert list((tmp_path / "collectlint").glob("rules-profile-*.bin"))
    loader._load.cache_clear()
    profile_module._shipped.cache_clear()
    profile_module.get_profile.cache_clear()
    rules, index = loader.load_compiled()
    assert isinstance(index, PhraseIndex) and index.rules is rules and index._spelled is None  # from the cache
    assert findings(Linter()) == built
    selected = tuple(r for r in rules if r.id.startswith("CN2"))
    shared, own = RuleSet(selected, {}, index), RuleSet(selected)
    assert shared.index is index and own.index is not index
    mine = {id(ps) for r in selected for ps in r.check.phrase_sets()}
    for text in texts:
        a, b = shared.scan(text, "zh-CN"), own.scan(text, "zh-CN")
        # The shared index also finds the other rules' phrases; those occurrences are never read.
        assert [r.id for r in a[0]] == [r.id for r in b[0]]
        assert {k: v for k, v in a[1].items() if k in mine} == b[1]


def test_the_spelled_automaton_is_read_from_its_own_entry_or_rebuilt(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An index read back from the cache leaves the pinyin spellings' automaton in its own entry; the
    first text that needs it reads that entry, and rebuilds the same automaton when the entry is gone."""
    from collectlint.packs import loader

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    loader._load.cache_clear()
    _, built = loader.load_compiled()
    expected = sorted(built.spelled().items())
    assert expected and built.spelled_entry and list((tmp_path / "collectlint").glob("rules-*-spelled.bin"))
    for entry in (built.spelled_entry, "rules-gone-spelled"):
        loader._load.cache_clear()
        _, index = loader.load_compiled()
        assert index is not built and index._spelled is None
        index.spelled_entry = entry
        assert sorted(index.spelled().items()) == expected
    loader._load.cache_clear()


def test_fingerprint_changes_when_a_source_or_profile_changes() -> None:
    """The fingerprint reads each file's size and time: touching the normaliser or a profile (as any
    edit or upgrade does) gives a new key, so no stale compiled rules are served."""
    import collectlint.normalize
    from collectlint.profiles import profile as profile_module

    for path in (Path(collectlint.normalize.__file__), Path(profile_module.__file__).parent / "zh-CN.yaml"):
        info = path.stat()
        compiled_cache.code_fingerprint.cache_clear()
        before = compiled_cache.code_fingerprint()
        try:
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
            compiled_cache.code_fingerprint.cache_clear()
            assert compiled_cache.code_fingerprint() != before
        finally:
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
            compiled_cache.code_fingerprint.cache_clear()
        assert compiled_cache.code_fingerprint() == before


def test_cache_files_are_written_whole_and_private(tmp_path: Path) -> None:
    """Every cache file goes through one writer: owner-only, replaced whole, no temporary left behind."""
    from collectlint.cachedir import write_private

    target = tmp_path / "entry.bin"
    write_private(target, b"first")
    write_private(target, b"second")
    assert target.read_bytes() == b"second"
    assert target.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.bin"]


def test_the_cache_evicts_the_entries_used_least_recently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry written long ago but read on every run must survive however many newer entries other
    versions of collectlint write; an entry nobody reads goes first."""
    import os
    import time

    from collectlint import compiled_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    base = time.time() - 100_000
    compiled_cache.write("in-use", ("rules",))
    folder = next(tmp_path.rglob("rules-in-use.bin")).parent
    os.utime(folder / "rules-in-use.bin", (base - 1, base - 1))  # the oldest file in the folder
    for i in range(compiled_cache.KEEP + 5):
        assert compiled_cache.read("in-use") == ("rules",), f"evicted after {i} newer entries"
        compiled_cache.write(f"other-{i}", i)
        os.utime(folder / f"rules-other-{i}.bin", (base + 2 * i, base + 2 * i))
    assert len(list(folder.glob("rules-*.bin"))) == compiled_cache.KEEP
    assert compiled_cache.read("in-use") == ("rules",)
    assert compiled_cache.read("other-0") is None, "the least recently used entry should have gone"
