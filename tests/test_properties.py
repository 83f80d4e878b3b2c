"""Property-based tests: arbitrary Unicode never breaks linting, spans stay inside the text,
the normalisation map round-trips, and fixing is idempotent."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collectlint.api import Linter
from collectlint.fix import apply_edits, edits_for
from collectlint.normalize import _LEET_MAP as LEET
from collectlint.normalize import HOMOGLYPHS, normalize

LINTER = Linter()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Arbitrary text, biased towards what collection messages and evasions are made of.
pieces = st.sampled_from(["坐牢", "曝光", "朋友圈", "你", "不会", "就", "，", "。", "\n", " ", "*", "\u200b", "ＳＢ",
                          "11010519491231002X", "6222021234567890128", "{{ amount }}", "【XX银行】", "㈱", "İ",
                          "zuolao", "通訊錄", "🔪", "欠款", "\r\n", "坐席：", "客户："])
texts = st.lists(st.one_of(st.text(max_size=20), pieces), max_size=25).map("".join)


@SETTINGS
@given(texts)
def test_linting_arbitrary_text_never_raises_and_spans_are_inside(text: str) -> None:
    for fmt in ("txt", "md", "html"):
        for f in LINTER.lint_text(text, fmt=fmt):
            assert 0 <= f.span.start <= f.span.end <= len(text)


@SETTINGS
@given(texts)
def test_phrase_spans_slice_to_the_matched_characters(text: str) -> None:
    for f in LINTER.lint_text(text):
        if f.category.value in ("missing-element", "channel-limit", "suppression"):
            continue
        matched = text[f.span.start : f.span.end]
        assert matched, f
        assert normalize(matched).text  # the span holds real characters, not only fillers
        assert not matched[0].isspace() and not matched[-1].isspace()


@SETTINGS
@given(texts)
def test_normalisation_map_round_trips(text: str) -> None:
    n = normalize(text)
    if n.starts is None:
        assert len(n.text) == len(text)
        return
    assert n.ends is not None
    assert len(n.starts) == len(n.ends) == len(n.text)
    previous = -1
    for i, ch in enumerate(n.text):
        s, e = n.starts[i], n.ends[i]
        assert 0 <= s < e <= len(text) and s >= previous
        previous = s
        # The normalised character comes from its source characters (a Cyrillic or Greek look-alike,
        # or a leet digit, between Latin letters is read as a letter, which depends on its neighbours).
        source = unicodedata.normalize("NFKC", text[s:e]).lower()
        assert (ch in source or ch in normalize(text[s:e]).text or any(HOMOGLYPHS.get(c) == ch for c in source)
                or any(LEET.get(c) == ch for c in source))


@SETTINGS
@given(texts)
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    def fix(t: str) -> str:
        for _ in range(5):
            edits = edits_for(t, LINTER.lint_text(t), unsafe=True)
            if not edits:
                break
            t = apply_edits(t, edits)
        return t

    once = fix(text)
    assert fix(once) == once


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       | st.text(alphabet="{}[]:,-\"' \n\t&*!|>#abc你好还钱0123", max_size=300),
       st.sampled_from([".txt", ".md", ".html", ".yaml", ".json"]))
def test_every_reader_gives_messages_or_a_one_line_input_error(text: str, fmt: str) -> None:
    from collectlint.errors import CollectlintError
    from collectlint.runner import read_messages

    try:
        decoded, messages = read_messages(text.encode("utf-8"), "fuzz" + fmt, fmt)
    except CollectlintError as exc:
        assert "\n" not in exc.render()
        return
    for m in messages:
        assert isinstance(m.text, str)
        if m.offsets is not None:
            assert all(0 <= o < max(1, len(decoded)) for o in m.offsets)
