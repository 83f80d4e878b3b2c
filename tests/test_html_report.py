"""The HTML report as audit evidence: scope, summary, every file with its verdict, rendered text with
highlights, plain legal basis, suggestions in the message's script, CSS-only filters, escaping."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from collectlint.cli import cli


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _report(tmp_path: Path) -> tuple[str, Page]:
    (tmp_path / "letter.md").write_text(
        "---\nchannel: letter\n---\n# 催收函\n\n张先生：你再不还钱，我们就让你坐牢。<b>身份证11010519491231002X</b>\n",
        encoding="utf-8")
    (tmp_path / "clean.txt").write_text(
        "【XX银行】尊敬的客户，您尾号1234的信用卡本期应还1,200.00元，请于2024年3月5日前还款。客服95555。\n",
        encoding="utf-8")
    (tmp_path / "hk.txt").write_text("你個仆街，再唔還錢就等住坐監。\n", encoding="utf-8")
    (tmp_path / "<img src=x onerror=alert(1)>.txt").write_text("你这个老赖。\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", "--no-model", "--format", "html", "-o", str(out), str(tmp_path)])
    assert result.exit_code == 1, result.output
    page = Page()
    body = out.read_text(encoding="utf-8")
    page.feed(body)
    return body, page


def test_report_lists_every_file_with_a_verdict_and_the_scope_first(tmp_path: Path) -> None:
    _, page = _report(tmp_path)
    text = "".join(page.text)
    verdicts = [a.get("class") for tag, a in page.tags if tag == "span" and "verdict" in (a.get("class") or "")]
    # Four templates (one clean) and the report itself, listed as not checked.
    assert len(verdicts) == 5 and verdicts.count("verdict pass") == 1 and verdicts.count("verdict fail") == 3
    for label in ("检查范围", "生成时间", "工具版本", "规则包", "汇总", "严重程度", "类别", "模板"):
        assert label in text
    assert text.index("汇总") < text.index("clean.txt")  # the summary comes before the files


def test_report_shows_rendered_text_highlights_plain_basis_and_traditional_suggestions(tmp_path: Path) -> None:
    body, page = _report(tmp_path)
    text = "".join(page.text)
    assert "channel: letter" not in text and "<b>" not in text  # front matter and markup are not shown
    marks = [a for tag, a in page.tags if tag == "mark"]
    assert marks and all(a.get("class") in ("error", "warning", "info") for a in marks)
    assert "11010519491231002X" not in body and "002X" in body  # masked
    assert "[S]" not in text and "[R]" not in text  # no internal source-status markers
    assert "若仍未還款" in text or "依法通過" in text  # the Hong Kong message's suggestion in Traditional script


def test_report_filters_need_no_script_and_names_are_escaped(tmp_path: Path) -> None:
    body, page = _report(tmp_path)
    assert page.scripts == 0 and "<img src=x" not in body and not any(t == "img" for t, _ in page.tags)
    boxes = [a.get("id") for tag, a in page.tags if tag == "input"]
    assert {"show-error", "show-warning", "show-info"} <= set(boxes)
    assert "#show-error:not(:checked)~main .finding.error{display:none}" in body


def test_report_lists_suppressions_with_reasons_and_counts_baseline_findings(tmp_path: Path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text("<!-- collectlint-disable-next-line CN201 引用客户投诉原文 -->\n客户称：催收员说让他坐牢。\n"
                      "你这个老赖。\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    runner.invoke(cli, ["check", "--no-model", "--baseline", str(baseline), str(letter)])  # records today's findings
    out = tmp_path / "report.html"
    runner.invoke(cli, ["check", "--no-model", "--format", "html", "-o", str(out), "--baseline", str(baseline),
                        str(letter)])
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert "已抑制（附理由）" in text and "引用客户投诉原文" in text and "CN201" in text
    assert "基线中已有、未显示的发现" in text
    counts = text.split("基线中已有、未显示的发现")[1]
    assert counts.lstrip()[0] != "0"  # the letter's other findings are in the baseline, counted, not shown


def test_every_finding_keeps_its_highlight_when_spans_overlap(tmp_path: Path) -> None:
    """Two findings whose spans cross: each has its own mark (with its anchor), the marks nest properly,
    and the text between the tags is the text of the file."""
    from collectlint.report.html_format import _highlighted

    text = "你再不还钱我们就让你坐牢并通知你的家人"
    spans = [(3, 12, "error", "f0-0"), (8, 16, "warning", "f0-1"), (9, 10, "info", "f0-2"), (19, 19, "warning", "f0-3")]
    rendered = _highlighted(text, spans)
    page = Page()
    page.feed(rendered)
    ids = [a.get("id") for tag, a in page.tags if tag == "mark" and a.get("id")]
    assert sorted(ids) == ["f0-0-m", "f0-1-m", "f0-2-m", "f0-3-m"]
    assert "".join(page.text).replace("\u200b", "") == text
    depth = 0
    for piece in rendered.replace("<mark", "\0<mark").replace("</mark>", "\0</mark>").split("\0"):
        depth += piece.startswith("<mark") - piece.startswith("</mark>")
        assert depth >= 0
    assert depth == 0

    # Through the command: a sentence two rules flag over crossing spans shows every finding's mark.
    (tmp_path / "a.txt").write_text("你再不还钱，我们就把你欠钱不还的事发到你家族群和你公司群里曝光，让你坐牢。\n",
                                    encoding="utf-8")
    out = tmp_path / "r.html"
    CliRunner().invoke(cli, ["check", "--no-model", "--format", "html", "-o", str(out), str(tmp_path / "a.txt")])
    body = out.read_text(encoding="utf-8")
    findings = body.count('class="finding ')
    assert findings >= 2
    assert all(f'id="f0-{i}-m"' in body for i in range(findings))
