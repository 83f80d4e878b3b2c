"""One self-contained HTML page a compliance officer can file as evidence of a review.

It opens with what was checked and under what (date and time, collectlint version, rule packs and
their rule counts, the ``--fail-on`` threshold, files and messages checked), then a summary by
severity, category and template, then every file with its verdict (clean files too): the message
text as the reader sees it (front matter, markup and code blanked) with every flagged span
highlighted, and under it each finding with its severity, reason, legal basis in plain words and
suggestions in the script of the message (Traditional for a Traditional message).  Labels follow the
report's language (Chinese unless ``--message-lang en`` or an English-only run).  Severity and
category filters work without scripts (CSS only); a finding that names several categories (a rule's
further categories, a model verdict's) is counted under each in the summary and stays shown while any
of them is ticked.  There are no external resources; numbers are masked as in every output.
"""

from __future__ import annotations

import datetime
import functools
import html
import re
from collections.abc import Sequence
from pathlib import Path

from collectlint import __version__
from collectlint.formats import READERS, reader_for
from collectlint.lazyre import lazy_compile
from collectlint.mask import mask_text
from collectlint.models import FileResult, Finding, Severity
from collectlint.normalize import is_traditional
from collectlint.packs.rule import Rule
from collectlint.report.locate import Located, locate
from collectlint.report.sanitize import clean_page

LABELS = {
    "zh": {"title": "collectlint 合规检查报告", "scope": "检查范围", "generated": "生成时间", "version": "工具版本",
           "threshold": "判定阈值", "files": "文件", "messages": "消息", "packs": "规则包", "rules": "条规则",
           "summary": "汇总", "severity": "严重程度", "category": "类别", "template": "模板", "findings": "发现",
           "verdict": "结论", "clean": "通过", "failed": "未通过", "below": "仅有低于阈值的提示", "error": "无法读取",
           "skipped": "未检查", "unruled": "未检查合规内容", "line": "行", "column": "列", "basis": "法律依据",
           "suggestion": "建议",
           "also": "同句另见", "filter": "筛选", "match": "原文", "file": "文件", "none": "无",
           "suppressed": "已抑制（附理由）", "baseline": "基线中已有、未显示的发现", "reason": "理由", "rule": "规则"},
    "en": {"title": "collectlint compliance report", "scope": "Scope", "generated": "Generated", "version": "Version",
           "threshold": "Fails at", "files": "files", "messages": "messages", "packs": "Rule packs", "rules": "rules",
           "summary": "Summary", "severity": "Severity", "category": "Category", "template": "Template",
           "findings": "findings", "verdict": "Verdict", "clean": "pass", "failed": "fail",
           "below": "notes below the threshold only", "error": "could not be read", "skipped": "not checked",
           "unruled": "not checked for conduct",
           "line": "line", "column": "column", "basis": "Legal basis", "suggestion": "Suggestion",
           "also": "also in this sentence", "filter": "Filter", "match": "text", "file": "File", "none": "none",
           "suppressed": "Suppressed (with reasons)", "baseline": "Findings in the baseline, not shown",
           "reason": "Reason", "rule": "Rule"},
}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

STYLE = """
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1d2330}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccd}
table{border-collapse:collapse;margin:.5rem 0} td,th{border:1px solid #dde;padding:.2rem .6rem;text-align:left}
pre.text{white-space:pre-wrap;background:#f7f7fa;border:1px solid #dde;padding:1rem;line-height:1.7}
mark{padding:0 .1rem;border-radius:.2rem;outline:1px solid #0003} mark.error{background:#ffc9c9}
mark.warning{background:#ffe8a3} mark.info{background:#d6e9ff}
.finding{border-left:4px solid #999;padding:.4rem .8rem;margin:.6rem 0;background:#fcfcfd}
.finding.error{border-color:#d33} .finding.warning{border-color:#e6a700} .finding.info{border-color:#3a7bd5}
.sev{font-weight:600;font-size:.8rem} .rule{font-family:monospace}
.basis,.suggestion{font-size:.9rem;margin:.2rem 0} .problem{color:#a00}
.verdict{font-weight:600;padding:.1rem .5rem;border-radius:.3rem} .verdict.pass{background:#d3f5d3}
.verdict.fail{background:#ffc9c9} .verdict.note{background:#e8eefc} .verdict.error{background:#ffd8a8}
.filters label{margin-right:1rem}
"""
_MARKER = lazy_compile(r"\s*\[(?:S|R|M|S/R|R/S)\]")


def _plain_basis(basis: str) -> str:
    """The legal basis without the internal source-status markers ([S], [R], [M])."""
    return _MARKER.sub("", basis).strip()


@functools.cache
def _s2t() -> object:
    import opencc

    return opencc.OpenCC("s2t")


def _in_script(text: str, traditional: bool) -> str:
    return _s2t().convert(text) if traditional else text  # type: ignore[attr-defined]


def _view(result: FileResult) -> str:
    """The file as the reader sees it, same length as the file: front matter, markup and code blanked
    (catalogues and Word text are shown as they are)."""
    fmt = reader_for(result.path) or ".txt"
    if fmt in (".md", ".markdown", ".html", ".htm"):
        try:
            messages = READERS[fmt](result.text, result.path)
        except Exception:  # the view is a courtesy; the raw text is still the evidence
            return result.text
        if len(messages) == 1 and messages[0].offsets is None and len(messages[0].text) == len(result.text):
            return messages[0].text
    return result.text


def _highlighted(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` with each span in a ``<mark>`` of its severity whose id is the finding's anchor.  Spans
    that overlap nest: a mark closed while one opened inside it is still open is reopened after it (that
    piece carries no id), so every finding keeps its highlight, however the spans cross."""
    out: list[str] = []
    stack: list[tuple[int, int, str, str]] = []
    starts: dict[int, list[tuple[int, int, str, str]]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    pos = 0
    for point in sorted({p for s in spans for p in s[:2]}):
        chunk = html.escape(text[pos:point])
        out.append(chunk if stack else _squeeze(chunk))
        pos = point
        if any(s[1] == point for s in stack):  # close what ends here; reopen what was open inside it
            reopen: list[tuple[int, int, str, str]] = []
            while any(s[1] == point for s in stack):
                top = stack.pop()
                out.append("</mark>")
                if top[1] != point:
                    reopen.append(top)
            for top in reversed(reopen):
                out.append(f'<mark class="{top[2]}">')
                stack.append(top)
        for start, end, severity, anchor in sorted(starts.get(point, ()), key=lambda s: (-s[1], s[3])):
            if end == start:  # an empty span (a missing element at a position): a visible point
                out.append(f'<mark class="{severity}" id="{anchor}-m">&#8203;</mark>')
                continue
            out.append(f'<mark class="{severity}" id="{anchor}-m">')
            stack.append((start, end, severity, anchor))
    out.append(_squeeze(html.escape(text[pos:])))
    return "".join(out).strip("\n")


def _squeeze(text: str) -> str:
    """Blanked markup leaves runs of spaces and empty lines: show them as one."""
    text = re.sub(r"[ \t]{3,}", "  ", text)
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text)


def _verdict(result: FileResult, threshold: Severity, t: dict[str, str]) -> tuple[str, str]:
    if result.error:
        return "error", t["error"]
    if result.skipped:
        return "note", t["skipped"]
    if any(f.severity >= threshold for f in result.findings):
        return "fail", t["failed"]
    if result.findings:
        return "note", t["below"]
    if result.unruled:  # a message no rule could read: never "pass" (the notice under the heading says why)
        return "note", t["unruled"]
    return "pass", t["clean"]


def _severity(label: str, lang: str) -> str:
    return SEVERITY_ZH[label] if lang == "zh" else label


def _finding(f: Finding, loc: Located, anchor: str, lang: str, traditional: bool, t: dict[str, str]) -> str:
    key = f" · {html.escape(f.key)}" if f.key else ""
    also = ""
    if loc.also:
        also = (f'<p class="suggestion">{t["also"]}: '
                + ", ".join(f"{a[0]}:{a[1]} <q>{html.escape(a[4])}</q>" for a in loc.also) + "</p>")
    source = "" if f.source == "rule" else (f" · {html.escape(f.source)}: {html.escape(f.category_names)}, "
                                            f"{f.confidence or ''}, {html.escape(f.explanation)}")
    if f.also_categories and f.source == "rule":
        source += " · " + html.escape(f.category_names)
    return (
        f'<div class="finding {f.severity.label} {_category_class(f)}" id="{anchor}">'
        f'<span class="sev">{_severity(f.severity.label, lang)}</span> '
        f'<span class="rule">{f.rule_id} {html.escape(f.name)}</span>'
        f" · {t['line']} {loc.line}, {t['column']} {loc.column}{key}{source}"
        f"<p>{html.escape(f.message(lang))}"
        + (f" <q>{html.escape(loc.match)}</q>" if loc.match else "") + "</p>" + also
        + (f'<p class="basis">{t["basis"]}: {html.escape(_plain_basis(f.basis))}</p>' if f.basis else "")
        + "".join(f'<p class="basis">{t["basis"]} ({html.escape(m.rule_id)}): {html.escape(_plain_basis(m.basis))}</p>'
                  for m in f.merged if m.basis and m.basis != f.basis)
        + "".join(f'<p class="suggestion">{t["suggestion"]}: {html.escape(_in_script(sg.text(lang), traditional))}</p>'
                  for sg in f.suggestions)
        + "</div>"
    )


def _named(f: Finding) -> list[str]:
    """Every category a finding names (its own and its further ones), in the order of the filter boxes."""
    return sorted(c.value for c in f.categories)


def _category_class(f: Finding) -> str:
    """The class the category filter reads: one per set of categories (``cat-shaming--threat``), so a
    finding is hidden only when every category it names is unticked."""
    return "cat-" + "--".join(_named(f))


def _category_filter(findings: Sequence[Finding]) -> str:
    """One CSS rule per set of categories the findings name: the set's boxes, all unticked, hide its
    findings.  The boxes come in sorted order before ``main``, so the rule chains them in that order."""
    sets = sorted({tuple(_named(f)) for f in findings})
    return "".join("".join(f"#show-cat-{c}:not(:checked)~" for c in named)
                   + f"main .finding.cat-{'--'.join(named)}{{display:none}}" for named in sets)


def _table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    return ("<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
            + "</table>")


def render(results: Sequence[FileResult], lang: str, rules: Sequence[Rule] = (),
           threshold: Severity = Severity.WARNING, baseline_hidden: int = 0) -> str:
    report_lang = lang or ("zh" if any(r.lang == "zh" for r in results) or not results else "en")
    t = LABELS["en" if report_lang == "en" else "zh"]
    findings = [f for r in results for f in r.findings]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    checked = [r for r in results if not r.error and not r.skipped]
    packs: dict[str, int] = {}
    for rule in rules:
        name = Path(rule.path).name if rule.path else "?"
        packs[name] = packs.get(name, 0) + 1
    named = [_named(f) for f in findings]
    categories = sorted({c for cs in named for c in cs})
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if report_lang == "en" else "zh"}"><head><meta charset="utf-8">'
        '<meta name="generator" content="collectlint">',
        f"<title>{t['title']}</title><style>{STYLE}"
        + "".join(f"#show-{s}:not(:checked)~main .finding.{s}{{display:none}}" for s in ("error", "warning", "info"))
        + _category_filter(findings)
        + "</style></head><body>",
        f"<h1>{t['title']}</h1>",
        _table([t["scope"], ""], [
            (t["generated"], now), (t["version"], f"collectlint {__version__}"),
            (t["threshold"], _severity(threshold.label, report_lang)),
            (t["files"], f"{len(checked)} / {len(results)}"), (t["messages"], sum(r.messages for r in results)),
            (t["packs"], "; ".join(f"{name} ({n} {t['rules']})" for name, n in sorted(packs.items())) or t["none"]),
            (t["suppressed"], sum(len(r.suppressed) for r in results)),
            (t["baseline"], baseline_hidden),
        ]),
        f"<h2>{t['summary']}</h2>",
        _table([t["severity"], t["findings"]],
               [(_severity(s.label, report_lang), sum(1 for f in findings if f.severity is s))
                for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]),
        _table([t["category"], t["findings"]],
               [(c, sum(1 for cs in named if c in cs)) for c in categories]),
        _table([t["file"], t["template"], t["findings"]],
               sorted({(r.path, f.key or "", sum(1 for g in r.findings if g.key == f.key))
                       for r in results for f in r.findings})),
        f"<p class='filters'>{t['filter']}:</p>",
    ]
    for s in ("error", "warning", "info"):
        parts.append(f'<input type="checkbox" id="show-{s}" checked><label for="show-{s}">'
                     f"{_severity(s, report_lang)}</label>")
    for c in categories:
        parts.append(f'<input type="checkbox" id="show-cat-{c}" checked><label for="show-cat-{c}">{c}</label>')
    parts.append("<main>")
    for n, result in enumerate(results):
        kind, verdict = _verdict(result, threshold, t)
        parts.append(f"<h2>{html.escape(result.path)} <span class='verdict {kind}'>{verdict}</span></h2>")
        if result.error:
            parts.append(f"<p class='problem'>{html.escape(result.error)}</p>")
            continue
        if result.notice:
            parts.append(f"<p>{html.escape(result.notice)}</p>")
        if result.suppressed:
            parts.append(_table([t["rule"], t["line"], t["reason"]],
                                [(rid, line, mask_text(reason)) for rid, line, reason in result.suppressed]))
        if not result.findings:
            continue
        msg_lang = lang or result.lang
        located = locate(result)
        view = mask_text(_view(result))
        traditional = is_traditional(result.text)
        spans = [(s.start, s.end, loc.finding.severity.label, f"f{n}-{i}" + (f"-{k}" if k else ""))
                 for i, loc in enumerate(located) for k, s in enumerate((loc.finding.span, *loc.finding.also))]
        parts.append(f'<pre class="text">{_highlighted(view, spans)}</pre>')
        parts += [_finding(loc.finding, loc, f"f{n}-{i}", msg_lang, traditional, t) for i, loc in enumerate(located)]
    parts.append("</main></body></html>")
    # Message text may carry controls (ESC, BEL, U+202E reversing what the reviewer reads): never raw.
    return clean_page("\n".join(parts)) + "\n"
