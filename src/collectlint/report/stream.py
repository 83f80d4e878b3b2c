"""Formats written file by file as results arrive, so memory does not grow with the number of files.

text and json are streamed; sarif, junit, github (errors first, then a summary) and html need the
whole run and are rendered at the end.  ``Tally`` keeps what the end of a run needs: counts per severity, category and rule.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from collectlint import __version__
from collectlint.models import CONDUCT, FileResult
from collectlint.record import field, record
from collectlint.report import json_format, text_format

STREAMED = ("text", "json")
NOTHING_CHECKED = "nothing was checked: no template files or messages"


@record
class Tally:
    files: int = 0
    files_with_errors: int = 0
    files_checked: int = 0
    messages: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    by_category: dict[str, int] = field(default_factory=dict)
    by_rule: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.files_with_errors += bool(result.error)
        self.messages += result.messages
        self.files_checked += not result.error and not result.skipped
        for f in result.findings:
            self.findings += 1
            self.by_severity[f.severity.label] += 1
            self.by_category[f.category.value] = self.by_category.get(f.category.value, 0) + 1
            self.by_rule[(f.rule_id, f.name)] = self.by_rule.get((f.rule_id, f.name), 0) + 1

    def summary(self) -> dict[str, object]:
        return {"files": self.files, "files_checked": self.files_checked, "files_with_errors": self.files_with_errors,
                "messages": self.messages,
                "findings": self.findings,
                "by_severity": dict(self.by_severity), "by_category": dict(sorted(self.by_category.items()))}

    def statistics(self) -> str:
        return "".join(f"{n:>6}  {rid:<6} {name}\n" for (rid, name), n in self._by_count())

    def statistics_json(self) -> str:
        """The same counts as one JSON object: ``rules`` (most frequent first) and the run's summary."""
        rules = [{"rule": rid, "name": name, "count": n} for (rid, name), n in self._by_count()]
        return json.dumps({"rules": rules, "summary": self.summary()}, ensure_ascii=False) + "\n"

    def _by_count(self) -> list[tuple[tuple[str, str], int]]:
        return sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))


class Writer:
    def __init__(self, fmt: str, out: TextIO, lang: str, color: bool = False, quiet: bool = False) -> None:
        self.fmt, self.out, self.lang = fmt, out, lang
        self.color, self.quiet = color, quiet
        self.langs: set[str] = set()
        self.example: str | None = None  # the rule the closing hint uses (the first conduct finding)
        self.first = True
        self.errors: list[dict[str, Any]] = []
        self.notices: list[dict[str, Any]] = []
        if fmt == "json":
            head = {"version": json_format.SCHEMA_VERSION, "tool": {"name": "collectlint", "version": __version__}}
            out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "findings": [')

    def write(self, result: FileResult) -> None:
        if self.fmt == "text":
            self.out.write(text_format.render_one(result, self.lang, self.color))
            if result.findings:
                self.langs.add(self.lang or result.lang)
                # A rule's own finding first: the model's second opinion has no phrase to explain.
                conduct = sorted((f for f in result.findings if f.category in CONDUCT),
                                 key=lambda f: f.source == "model")
                self.example = self.example or (conduct[0].rule_id if conduct else None)
        else:
            for item in json_format.items(result, self.lang):
                self.out.write(("\n    " if self.first else ",\n    ") + json.dumps(item, ensure_ascii=False))
                self.first = False
            if result.error:
                self.errors.append({"path": result.path, "message": result.error})
            elif result.notice:
                self.notices.append({"path": result.path, "message": result.notice})

    def close(self, tally: Tally) -> None:
        if self.fmt == "text" and not self.quiet:
            self.out.write(text_format.footer(tally.summary()))
            if tally.by_rule:
                top = self.example or max(tally.by_rule.items(), key=lambda kv: (kv[1], kv[0]))[0][0]
                self.out.write(text_format.hint(top, "zh" if "zh" in self.langs else "en"))
        elif self.fmt == "json":
            if not tally.files_checked or not tally.messages:  # never a silent pass, in the report too
                self.notices.append({"path": "", "message": NOTHING_CHECKED})
            self.out.write("\n  ],\n  \"errors\": " + json.dumps(self.errors, ensure_ascii=False)
                           + ",\n  \"notices\": " + json.dumps(self.notices, ensure_ascii=False)
                           + ",\n  \"summary\": " + json.dumps(tally.summary(), ensure_ascii=False) + "\n}\n")
