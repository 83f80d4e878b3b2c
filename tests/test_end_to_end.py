"""End to end, as users meet it: the pre-commit hook through `pre-commit try-repo`, and the HTML report
rendered in headless Chromium.  Both need outside programs; CI installs them, so there they must run."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"


def _need(found: str | None, what: str) -> str:
    if found is None:
        if IN_CI:
            pytest.fail(f"{what} is required in CI")
        pytest.skip(f"{what} not installed")
    return found


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    _need(shutil.which("git"), "git")
    repo = tmp_path / "templates"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / "good.md").write_text(
        "【XX银行】您尾号{{ card_last4 }}的信用卡本期应还{{ amount }}元，还款日{{ due_date }}，客服{{ hotline }}。\n",
        encoding="utf-8")
    (repo / "bad.md").write_text("【XX银行】尾号1234欠款100元，3月5日前还款，客服95555。再不还钱就让你坐牢。\n",
                                 encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    base = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "collectlint", "--files"]
    good = subprocess.run([*base, "good.md"], cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run([*base, "bad.md"], cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:1:" in bad.stdout and "[CN201]" in bad.stdout


HARNESS = """
<script>
document.body.setAttribute("data-inner", document.body.innerText);
const seen = [];
for (const el of document.querySelectorAll(".finding, mark")) {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  if (r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none") seen.push(el.id);
}
document.body.setAttribute("data-visible", seen.join(" "));
</script>
"""


@pytest.mark.slow
def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
    browser = _need(shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome"),
                    "Chromium")
    report = tmp_path / "report.html"
    src = tmp_path / "letter.md"
    src.write_text("张先生：您的身份证号11010519491231002X。\n再不还钱就让你坐牢，还要发到你朋友圈曝光。\n",
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "html", "-o", str(report), str(src)])
    assert result.exit_code == 1
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page  # self-contained and static
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", HARNESS + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120,
    ).stdout
    inner = html.unescape(re.search(r'data-inner="(.*?)"', dom, re.S).group(1))  # type: ignore[union-attr]
    visible = set(html.unescape(re.search(r'data-visible="(.*?)"', dom, re.S).group(1)).split())  # type: ignore[union-attr]
    n_findings = page.count('class="finding ')
    assert n_findings >= 4
    for i in range(n_findings):
        assert f"f0-{i}" in visible, f"finding {i} not visible"
    for text in ("CN201", "CN401", "CN402", "CN601", "以拘留、坐牢", "法律依据", "建议", "坐牢", "曝光", "未通过",
                 "检查范围"):
        assert text in inner, text
    marks = [m for m in visible if m.endswith("-m")]
    assert len(marks) >= 3  # highlighted spans are on screen
    assert "11010519491231002X" not in inner and "002X" in inner
