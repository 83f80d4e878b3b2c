"""Guards search a rule's phrases with an Aho-Corasick automaton (``PhraseSet.search`` and ``spans``)
instead of compiling the phrase alternation (``PhraseSet.pattern``), which costs milliseconds per set.
Both must give the regex's answers: on every corpus and probe message, in windows that start and end
anywhere (including next to Latin letters, which the phrase boundaries look at), for every phrase set
of the shipped rules."""

from __future__ import annotations

import json
import random
from pathlib import Path

from collectlint.api import Linter
from collectlint.checks.phrases import PhraseSet
from collectlint.guards import Context
from collectlint.normalize import normalize
from collectlint.profiles.profile import get_profile

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    out = []
    for pattern in ("corpus/real/*/*.jsonl", "corpus/probes/*.jsonl"):
        for path in sorted(ROOT.glob(pattern)):
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _guard_sets() -> list[PhraseSet]:
    sets: dict[int, PhraseSet] = {}
    for rule in Linter().rules:
        context: Context = rule.context
        for value in vars(context).values():
            if isinstance(value, PhraseSet):
                sets[id(value)] = value
    return list(sets.values())


def _windows(text: str, rng: random.Random) -> list[tuple[int, int]]:
    n = len(text)
    out = [(0, n), (0, n + 5)]
    for _ in range(3):
        a = rng.randrange(n + 1)
        out.append((a, rng.randrange(a, n + 1)))
    # Windows whose edges sit on a Latin letter or digit, where a boundary assertion decides.
    edges = [i for i, ch in enumerate(text) if ch.isascii() and ch.isalnum()]
    for i in rng.sample(edges, min(3, len(edges))):
        out += [(i, n), (0, i), (max(0, i - 7), i + 1)]
    return out


def test_automaton_search_and_spans_equal_the_regex_on_every_corpus_message() -> None:
    sets = _guard_sets()
    assert len(sets) > 50
    texts = _texts()
    assert len(texts) > 5000
    rng = random.Random(13)
    profiles = {"zh": get_profile("zh-CN"), "en": get_profile("en-US")}
    checked = found = 0
    for raw in texts:
        profile = profiles["en" if raw.isascii() else "zh"]
        text = normalize(raw, profile.folding).text
        # Each text against two sets (all of them would take minutes), with every set used many times.
        for phrases in rng.sample(sets, 2):
            pattern = phrases.pattern
            for pos, endpos in _windows(text, rng):
                expected = pattern.search(text, pos, endpos) is not None
                assert phrases.search(text, pos, endpos) == expected, (phrases.phrases[:5], text, pos, endpos)
                spans = [m.span() for m in pattern.finditer(text, pos, endpos)]
                assert phrases.spans(text, pos, endpos) == spans, (phrases.phrases[:5], text, pos, endpos)
                checked += 1
                found += bool(spans)
            assert phrases.search(text) == (pattern.search(text) is not None)
    assert found > 500, "too few windows held a phrase for the comparison to mean much"
    assert checked > 30_000


def test_a_phrase_touching_a_latin_letter_is_not_found_and_the_window_end_counts_as_the_text_end() -> None:
    phrases = PhraseSet(["sue", "court", "法院"])
    assert not phrases.search("pursue it")
    assert phrases.search("we may sue.")
    assert not phrases.search("xsue", 1)  # the letter before the window still counts, as in a regex
    assert phrases.search("suex", 0, 3)  # the window's end is the text's end
    assert phrases.spans("court法院court", 0, 12) == [(0, 5), (5, 7), (7, 12)]
    assert phrases.spans("courts", 0, 6) == []
