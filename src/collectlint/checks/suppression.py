"""``type: suppression``: findings about suppression comments themselves (unused, or without a reason).

These rules never match text; the suppression pass reports them (see ``collectlint.suppress``).
"""

from __future__ import annotations

from collections.abc import Iterator

from collectlint.checks.base import MESSAGE, Check, Hit, MatchContext
from collectlint.yamlspec.reader import SpecReader
from collectlint.yamlspec.yamlloc import LDict

PROBLEMS = ("unused", "missing-reason", "invalid")


class SuppressionCheck(Check):
    kind = "suppression"
    document_level = True
    needs = frozenset({MESSAGE})

    def __init__(self, problem: str) -> None:
        self.problem = problem

    @classmethod
    def from_spec(cls, spec: LDict, reader: SpecReader, where: str) -> SuppressionCheck:
        reader.keys(spec, where, allowed={"type", "problem"}, required={"problem"})
        return cls(reader.choice(spec, "problem", where, PROBLEMS))

    def find(self, ctx: MatchContext) -> Iterator[Hit]:
        return iter(())

    def literals(self) -> list[str]:
        return []
