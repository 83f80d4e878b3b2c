"""Output formats.  One module per format; ``render`` picks the module by the ``--format`` name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from collectlint.models import FileResult, Severity
from collectlint.packs.rule import Rule

FORMATS = ("text", "json", "sarif", "github", "junit", "html")


def render(fmt: str, results: Sequence[FileResult], lang: str, rules: Sequence[Rule] = (),
           threshold: Severity = Severity.WARNING, baseline_hidden: int = 0) -> str:
    import importlib

    # Each format module is imported only when its format is asked for (a hook run needs one).
    module: Any = importlib.import_module(f"collectlint.report.{fmt}_format")
    if fmt == "sarif":
        out = module.render(results, lang, rules)
    elif fmt == "junit":
        out = module.render(results, lang, threshold)
    elif fmt == "html":
        out = module.render(results, lang, rules, threshold, baseline_hidden)
    else:
        out = module.render(results, lang)
    return str(out)
