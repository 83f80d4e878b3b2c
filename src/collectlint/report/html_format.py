"""One self-contained HTML page for a compliance officer: each file's text with the flagged spans
highlighted, and under it every finding with severity, reason, legal basis and suggestions.
No scripts, no external resources; numbers are masked as in every output."""

from __future__ import annotations

import html
from collections.abc import Sequence

from collectlint import __version__
from collectlint.mask import mask_text
from collectlint.models import FileResult
from collectlint.report.locate import locate, summary

STYLE = """
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1d2330}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccd}
.summary span{display:inline-block;margin-right:1.2rem}
pre.text{white-space:pre-wrap;background:#f7f7fa;border:1px solid #dde;padding:1rem;line-height:1.7}
mark{padding:0 .1rem;border-radius:.2rem} mark.error{background:#ffc9c9} mark.warning{background:#ffe8a3}
mark.info{background:#d6e9ff}
.finding{border-left:4px solid #999;padding:.4rem .8rem;margin:.6rem 0;background:#fcfcfd}
.finding.error{border-color:#d33} .finding.warning{border-color:#e6a700} .finding.info{border-color:#3a7bd5}
.sev{font-weight:600;text-transform:uppercase;font-size:.8rem} .rule{font-family:monospace}
.basis,.suggestion{font-size:.9rem;margin:.2rem 0} .problem{color:#a00}
"""


def _highlighted(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, severity, anchor in sorted(spans):
        if start < pos:  # overlapping findings: highlight the first only
            continue
        out.append(html.escape(text[pos:start]))
        body = html.escape(text[start:end]) or "&#8203;"
        out.append(f'<mark class="{severity}" id="{anchor}-m">{body}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render(results: Sequence[FileResult], lang: str) -> str:
    s = summary(list(results))
    sev = s["by_severity"]
    assert isinstance(sev, dict)
    parts = [
        "<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8"><meta name="generator" content="collectlint">',
        f"<title>collectlint report</title><style>{STYLE}</style></head><body>",
        f"<h1>collectlint report</h1><p class='summary'><span>{s['files']} file(s)</span>"
        f"<span>{s['findings']} finding(s)</span><span>{sev['error']} error</span>"
        f"<span>{sev['warning']} warning</span><span>{sev['info']} info</span>"
        f"<span>collectlint {__version__}</span></p>",
    ]
    for n, result in enumerate(results):
        if result.error:
            parts.append(f"<h2>{html.escape(result.path)}</h2><p class='problem'>{html.escape(result.error)}</p>")
            continue
        if not result.findings:
            continue
        msg_lang = lang or result.lang
        located = locate(result)
        masked = mask_text(result.text)
        spans = [(loc.finding.span.start, loc.finding.span.end, loc.finding.severity.label, f"f{n}-{i}")
                 for i, loc in enumerate(located)]
        parts.append(f"<h2>{html.escape(result.path)}</h2>")
        parts.append(f'<pre class="text">{_highlighted(masked, spans)}</pre>')
        for i, loc in enumerate(located):
            f = loc.finding
            key = f" · {html.escape(f.key)}" if f.key else ""
            parts.append(
                f'<div class="finding {f.severity.label}" id="f{n}-{i}">'
                f'<span class="sev">{f.severity.label}</span> <span class="rule">{f.rule_id} {html.escape(f.name)}</span>'
                f" · line {loc.line}, column {loc.column}{key}"
                f"<p>{html.escape(f.message(msg_lang))}"
                + (f" <q>{html.escape(loc.match)}</q>" if loc.match else "") + "</p>"
                f'<p class="basis">Legal basis: {html.escape(f.basis)}</p>'
                + "".join(f'<p class="suggestion">Suggestion ({html.escape(sg.applicability.value)}): '
                          f"{html.escape(sg.text(msg_lang))}</p>" for sg in f.suggestions)
                + "</div>"
            )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
