"""``type: regex``: an RE2 pattern over the normalised text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from collectlint.checks.base import Check, Hit, MatchContext
from collectlint.safe_regex import compile_rule_regex
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict


class RegexCheck(Check):
    kind = "regex"

    def __init__(self, compiled: Any, source: str) -> None:
        self._compiled = compiled
        self.source = source

    @property
    def compiled(self) -> Any:
        """The RE2 pattern, compiled again on first use after the rules come back from the compiled
        cache: most anchored patterns never run in a hook run, whose messages hold none of their anchors."""
        if self._compiled is None:
            self._compiled = compile_rule_regex(self.source, checked=True)
        return self._compiled

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> RegexCheck:
        reader.keys(spec, where, allowed={"type", "pattern"}, required={"pattern"})
        pattern = reader.string(spec, "pattern", where)
        try:
            compiled = compile_rule_regex(pattern)
        except ValueError as exc:
            raise reader.fail(spec.line_of("pattern"), f"{where}: key 'pattern': {exc}") from None
        return cls(compiled, pattern)

    def __getstate__(self) -> dict[str, str]:
        return {"source": self.source}  # RE2 objects do not pickle; recompile from the pattern

    def __setstate__(self, state: dict[str, str]) -> None:
        self.source = state["source"]
        self._compiled = None

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        for m in self.compiled.finditer(ctx.text):
            if m.end() > m.start():
                yield Hit(m.start(), m.end())

    def literals(self) -> list[str] | None:
        """Literal anchors derived from the pattern (``anchors``): the rule runs only where one occurs."""
        from collectlint.anchors import anchors

        return anchors(self.source)
