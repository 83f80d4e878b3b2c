"""Output formats.  One module per format; ``render`` picks the module by the ``--format`` name."""

from __future__ import annotations

from collections.abc import Sequence

from collectlint.models import FileResult, Severity
from collectlint.packs.rule import Rule
from collectlint.report import github_format, html_format, json_format, junit_format, sarif_format, text_format

FORMATS = ("text", "json", "sarif", "github", "junit", "html")


def render(fmt: str, results: Sequence[FileResult], lang: str, rules: Sequence[Rule] = (),
           threshold: Severity = Severity.WARNING) -> str:
    if fmt == "sarif":
        return sarif_format.render(results, lang, rules)
    if fmt == "junit":
        return junit_format.render(results, lang, threshold)
    if fmt == "html":
        return html_format.render(results, lang, rules, threshold)
    renderer = {
        "text": text_format.render, "json": json_format.render, "github": github_format.render,
        "junit": junit_format.render, "html": html_format.render,
    }[fmt]
    return renderer(results, lang)
