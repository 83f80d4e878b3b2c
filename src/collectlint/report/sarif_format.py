"""SARIF 2.1.0 for code-scanning UIs; rule metadata carries the help text and the legal basis."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from collectlint import __version__
from collectlint.links import REPOSITORY, rule_help_uri
from collectlint.mask import mask_text
from collectlint.models import FileResult, Severity
from collectlint.packs.rule import Rule
from collectlint.report.fingerprint import fingerprints
from collectlint.report.locate import locate
from collectlint.report.stream import NOTHING_CHECKED
from collectlint.ruledocs import explain_text

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT = "%SRCROOT%"
PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def _location(path: str) -> dict[str, str]:
    """An artifact location: relative to the checked root (``%SRCROOT%``, the working directory) and
    percent-encoded, so Chinese and spaced file names are valid URI references; absolute paths
    outside the root become ``file:`` URIs."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": ROOT}


def _shipped(rule: Rule) -> bool:
    """A rule of collectlint's own packs (only those have an entry in the published rule reference)."""
    from collectlint.packs.loader import shipped_rules_dir

    if not rule.path:
        return False
    try:
        Path(rule.path).resolve().relative_to(shipped_rules_dir())
    except ValueError:
        return False
    return True


def _rule(rule: Rule) -> dict[str, Any]:
    d = rule.docs
    explained = explain_text(rule)  # masked already
    out: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        # A rule's own words are masked as its help is: US601's description quotes a sample SSN in full.
        "shortDescription": {"text": mask_text(rule.message_en)},
        "fullDescription": {"text": mask_text(f"{d.what} {d.why}")},
        "help": {"text": explained, "markdown": explained},
        "helpUri": rule_help_uri(rule.id),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "category": rule.category.value,
            "legalBasis": d.basis,
            "sourceStatus": d.source_status,
            "messageZh": rule.message_zh,
            "tags": ["compliance", rule.category.value],
            "problem.severity": PROBLEM[rule.severity],
        },
    }
    if not _shipped(rule):
        del out["helpUri"]  # a house rule has no entry in the published reference
    return out


def document(results: Sequence[FileResult], lang: str, rules: Sequence[Rule]) -> dict[str, Any]:
    used = sorted({f.rule_id for r in results for f in r.findings})
    by_id = {r.id: r for r in rules}
    rule_list = [by_id[i] for i in used if i in by_id]
    index = {r.id: n for n, r in enumerate(rule_list)}
    sarif_results: list[dict[str, Any]] = []
    for result in results:
        prints = dict((id(f), fp) for f, fp in fingerprints(result))
        for loc in locate(result):
            f = loc.finding
            entry: dict[str, Any] = {
                "ruleId": f.rule_id,
                "level": LEVEL[f.severity],
                "message": {"text": f.message(lang or result.lang) + (f" ({f.key})" if f.key else "")},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": _location(result.path),
                        "region": {
                            "startLine": loc.line, "startColumn": loc.column,
                            "endLine": loc.end_line, "endColumn": max(loc.end_column, loc.column),
                            "snippet": {"text": loc.match},
                        },
                    }
                }],
                "partialFingerprints": {"collectlint/v1": prints[id(f)]},
                "properties": {"category": f.category.value,
                               **({"alsoCategories": [c.value for c in f.also_categories]} if f.also_categories else {}),
                               "legalBasis": f.basis,
                               **({"mergedRules": [{"rule": m.rule_id, "legalBasis": m.basis} for m in f.merged]}
                                  if f.merged else {}),
                               "suggestions": [s.text(lang or result.lang) for s in f.suggestions]},
            }
            if loc.also:  # further matches of the rule in the same sentence
                entry["relatedLocations"] = [{
                    "id": k, "message": {"text": "also in this sentence"},
                    "physicalLocation": {"artifactLocation": _location(result.path), "region": {
                        "startLine": a[0], "startColumn": a[1], "endLine": a[2], "endColumn": max(a[3], a[1]),
                        "snippet": {"text": a[4]}}},
                } for k, a in enumerate(loc.also, 1)]
            if f.rule_id in index:
                entry["ruleIndex"] = index[f.rule_id]
            sarif_results.append(entry)
    notifications = [
        {"level": "error", "message": {"text": r.error},
         "locations": [{"physicalLocation": {"artifactLocation": _location(r.path)}}]}
        for r in results if r.error
    ] + [
        {"level": "warning" if r.unruled else "note", "message": {"text": r.notice},
         "locations": [{"physicalLocation": {"artifactLocation": _location(r.path)}}]}
        for r in results if r.notice and not r.error
    ]
    checked = sum(1 for r in results if not r.error and not r.skipped)
    if not checked:
        notifications.append({"level": "warning", "message": {"text": NOTHING_CHECKED}})
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "collectlint", "fullName": f"collectlint {__version__}",
                                "version": __version__, "semanticVersion": __version__,
                                "informationUri": REPOSITORY,
                                "rules": [_rule(r) for r in rule_list]}},
            "automationDetails": {"id": "collectlint/check/"},
            "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri() + "/"}},
            "invocations": [{"executionSuccessful": not any(r.error for r in results),
                             "toolExecutionNotifications": notifications,
                             "properties": {"filesChecked": checked,
                                            "messagesChecked": sum(r.messages for r in results)}}],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render(results: Sequence[FileResult], lang: str, rules: Sequence[Rule] = ()) -> str:
    return json.dumps(document(results, lang, rules), ensure_ascii=False, indent=2) + "\n"
