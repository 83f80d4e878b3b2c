"""``type: tokens``: spaCy Matcher token patterns, run on the sentence of a candidate.

Patterns are validated structurally at load time (spaCy is imported only when a document has a
candidate), using a closed set of token attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.normalize import has_han, normalize_phrase
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict, LList

STRING_ATTRS = {"LOWER", "TEXT", "ORTH"}
FLAG_ATTRS = {"IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "LIKE_NUM", "IS_SPACE"}
OPS = {"?", "*", "+", "!"}


class TokenPatternCheck(Check):
    kind = "tokens"

    def __init__(self, patterns: list[list[dict[str, Any]]], literals: list[str] | None) -> None:
        self.patterns = patterns
        self._literals = literals
        self._matchers: dict[str, Any] = {}

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> TokenPatternCheck:
        reader.keys(spec, where, allowed={"type", "patterns"}, required={"patterns"})
        raw = spec["patterns"]
        if not isinstance(raw, LList) or not raw:
            raise reader.fail(spec.line_of("patterns"), f"{where}: 'patterns' must be a non-empty list of lists")
        patterns: list[list[dict[str, Any]]] = []
        literals: set[str] | None = set()
        for i, pat in enumerate(raw):
            line = raw.line_of(i)
            if not isinstance(pat, LList) or not pat:
                raise reader.fail(line, f"{where}: pattern {i + 1} must be a non-empty list of token specs")
            tokens = [cls._token(tok, reader, f"{where}: pattern {i + 1}", line) for tok in pat]
            patterns.append(tokens)
            anchor = next((t for t in tokens if t.get("OP") in (None, "+") and
                           any(k in STRING_ATTRS for k in t)), None)
            if anchor is None or literals is None:
                literals = None
            else:
                for key in STRING_ATTRS & anchor.keys():
                    value = anchor[key]
                    literals.update(value["IN"] if isinstance(value, dict) else [value])
        return cls(patterns, None if literals is None else sorted(literals))

    @staticmethod
    def _token(tok: Any, reader: SpecReader, where: str, line: int) -> dict[str, Any]:
        if not isinstance(tok, LDict) or not tok:
            raise reader.fail(line, f"{where}: each token spec must be a non-empty mapping")
        reader.keys(tok, where, allowed=STRING_ATTRS | FLAG_ATTRS | {"OP"})
        out: dict[str, Any] = {}
        for key, value in tok.items():
            if key == "OP":
                if value not in OPS:
                    raise reader.fail(tok.line_of(key), f"{where}: OP must be one of {' '.join(sorted(OPS))}")
                out[key] = value
            elif key in FLAG_ATTRS:
                if not isinstance(value, bool):
                    raise reader.fail(tok.line_of(key), f"{where}: {key} must be true or false")
                out[key] = value
            elif isinstance(value, str) and normalize_phrase(value):
                out[key] = normalize_phrase(value)
            elif isinstance(value, LDict) and set(value) == {"IN"} and isinstance(value["IN"], LList) \
                    and value["IN"] and all(isinstance(v, str) and normalize_phrase(v) for v in value["IN"]):
                out[key] = {"IN": [normalize_phrase(v) for v in value["IN"]]}
            else:
                raise reader.fail(tok.line_of(key), f"{where}: {key} must be a non-empty string or "
                                  "{IN: [strings]}")
        # Normalised documents are lower case, so TEXT/ORTH compare against lower-cased text too.
        return out

    def __getstate__(self) -> dict[str, Any]:
        return {"patterns": self.patterns, "_literals": self._literals, "_matchers": {}}

    def _matcher(self, lang: str) -> Any:
        if lang not in self._matchers:
            from spacy.matcher import Matcher

            from collectlint.nlp import en, zh

            nlp = zh.pipeline() if lang == "zh" else en.pipeline()  # the vocabulary; tokens come below
            matcher = Matcher(nlp.vocab)
            matcher.add("p", self.patterns)
            self._matchers[lang] = (nlp, matcher)
        return self._matchers[lang]

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        text = ctx.text
        seen: set[int] = set()
        literals = self._literals or [""]
        for lit in literals:
            start = text.find(lit)
            while start != -1:
                s0, s1 = ctx.sentence_bounds(start)
                if s0 not in seen:
                    seen.add(s0)
                    sentence = text[s0:s1]
                    han = has_han(sentence)
                    nlp, matcher = self._matcher("zh" if han else "en")
                    doc = ctx.segmenter.spacy_doc(sentence) if han else nlp(sentence)
                    for _, a, b in matcher(doc):
                        span = doc[a:b]
                        yield Hit(s0 + span.start_char, s0 + span.end_char)
                if not lit:
                    nxt = text.find("\n", s1)
                    start = -1 if nxt == -1 else nxt + 1
                else:
                    start = text.find(lit, start + 1)

    def literals(self) -> list[str] | None:
        return self._literals
