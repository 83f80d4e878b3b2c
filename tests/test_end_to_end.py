"""End to end, as users meet it: the pre-commit hook through `pre-commit try-repo`, and the HTML report
rendered in headless Chromium.  Both need outside programs; CI installs them, so there they must run."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from collectlint.cli import cli
from collectlint.links import REPOSITORY, TAG

if sys.version_info >= (3, 11):
    from tomllib import loads as toml_loads
else:  # pragma: no cover
    from tomli import loads as toml_loads

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


def _readme_block(marker: str) -> str:
    """The README's fenced YAML block that contains ``marker``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    found = [b for b in blocks if marker in b]
    assert len(found) == 1, f"one README yaml block with {marker!r}"
    return found[0]


def _release_clone(tmp_path: Path) -> Path:
    """A local clone of this repository with the README's release tag on the commit under test, so the
    recipes install the code being tested, by the tag they name."""
    _need(shutil.which("git"), "git")
    _need(str(ROOT) if (ROOT / ".git").exists() else None, "a git checkout of collectlint (the recipes install from one)")
    # The code under test is the last commit: uncommitted changes are not in the clone.
    clone = tmp_path / "collectlint-clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    _git(clone, "tag", "-f", TAG)
    return clone


def _template_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "templates-repo"
    (repo / "templates").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / "templates" / "good.md").write_text(
        "【XX银行】您尾号{{ card_last4 }}的信用卡本期应还{{ amount }}元，还款日{{ due_date }}，客服{{ hotline }}。\n",
        encoding="utf-8")
    return repo


def test_readme_recipes_name_the_declared_repository_and_release_tag() -> None:
    """The recipes install what ``pyproject.toml`` declares, at this version's tag; SARIF links there."""
    project = toml_loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Repository"] == REPOSITORY
    assert f"v{project['version']}" == TAG
    assert project["urls"]["Documentation"] == f"{REPOSITORY}/blob/{TAG}/docs/rules.md"
    hooks = yaml.safe_load(_readme_block("repos:"))["repos"][0]
    assert (hooks["repo"], hooks["rev"]) == (REPOSITORY, TAG)
    steps = yaml.safe_load(_readme_block("upload-sarif"))["jobs"]["lint-templates"]["steps"]
    assert any(step.get("run") == f'pip install "collectlint @ git+{REPOSITORY}@{TAG}"' for step in steps)
    assert "example.invalid" not in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_readme_pre_commit_recipe_runs_as_pasted(tmp_path: Path) -> None:
    """The README's ``.pre-commit-config.yaml``, word for word but for the repository address, run with
    ``pre-commit run`` in a template repository: a clean commit passes, a bad Markdown or Word template
    fails it with the finding printed."""
    from docx import Document

    clone = _release_clone(tmp_path)
    repo = _template_repo(tmp_path)
    config = _readme_block("repos:").replace(REPOSITORY, str(clone))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_COLOR": "never", "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    good = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=1200)
    assert good.returncode == 0, good.stdout + good.stderr
    (repo / "templates" / "bad.md").write_text(
        "【XX银行】尾号1234欠款100元，3月5日前还款，客服95555。再不还钱就让你坐牢。\n", encoding="utf-8")
    letter = Document()
    letter.add_paragraph("张先生：你再不还钱，我们就去你单位找你领导，让你丢工作。")
    letter.save(str(repo / "templates" / "letter.docx"))
    _git(repo, "add", ".")
    bad = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=1200)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "templates/bad.md:1:" in bad.stdout and "[CN201]" in bad.stdout
    assert "templates/letter.docx:" in bad.stdout


@pytest.mark.slow
def test_readme_github_actions_recipe_runs_as_pasted(tmp_path: Path) -> None:
    """The workflow's ``run:`` steps, in order, in a fresh virtualenv (``pip`` and ``collectlint`` from
    it), the install step pointed at a local clone: annotations fail the job on a bad template, the SARIF
    step still writes a valid report for the upload step."""
    clone = _release_clone(tmp_path)
    repo = _template_repo(tmp_path)
    (repo / "templates" / "bad.md").write_text("再不还钱就让你坐牢。\n", encoding="utf-8")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
           "VIRTUAL_ENV": str(venv), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    env.pop("PYTHONPATH", None)
    steps = yaml.safe_load(_readme_block("upload-sarif"))["jobs"]["lint-templates"]["steps"]
    runs = [step["run"].replace(REPOSITORY, f"file://localhost{clone}") for step in steps if "run" in step]
    assert len(runs) == 3
    codes = []
    for command in runs:
        done = subprocess.run(["bash", "-e", "-c", command], cwd=repo, capture_output=True, text=True, env=env,
                              timeout=1200)
        codes.append(done.returncode)
        if command.startswith("collectlint check --format github"):
            assert "::error file=templates/bad.md,line=1" in done.stdout, done.stdout + done.stderr
    assert codes == [0, 1, 0]
    sarif = json.loads((repo / "collectlint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert any(r["ruleId"] == "CN201" for r in results)
    assert "CN201" in (tmp_path / "summary.md").read_text(encoding="utf-8")


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


def _dump_dom(browser: str, page: Path, tmp_path: Path) -> str:
    """The DOM of ``page`` after its scripts ran, as headless Chromium serialises it."""
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    ).stdout


# Unticks the category boxes named in the page's data-untick steps, one step at a time, and records which
# findings are on screen after each step.
FILTER_HARNESS = """
<script>
const steps = [];
for (const step of JSON.parse(document.body.dataset.untick)) {
  for (const c of step) {
    const box = document.getElementById("show-cat-" + c);
    if (box) box.checked = false; else steps.push("no box for " + c);
  }
  steps.push([...document.querySelectorAll(".finding")]
    .filter(el => getComputedStyle(el).display !== "none")
    .map(el => el.querySelector(".rule").textContent.split(" ")[0]).join(" "));
}
document.body.setAttribute("data-shown", steps.join("|"));
</script>
"""


@pytest.mark.slow
def test_html_category_filter_hides_a_finding_only_when_every_category_it_names_is_unticked(
        tmp_path: Path) -> None:
    """CN203 names false-legal and, further, misrepresentation: unticking its own category leaves it shown while
    the further one is ticked, unticking both hides it; the insult finding answers to its own box alone."""
    browser = _need(shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome"),
                    "Chromium")
    src = tmp_path / "sms.txt"
    src.write_text("法院传票已寄出，请注意查收。你这个老赖。\n", encoding="utf-8")
    report = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", "--no-model", "--format", "html", "-o", str(report), str(src)])
    assert result.exit_code == 1, result.output
    steps = [["false-legal"], ["misrepresentation"], ["missing-element"], ["insult"]]
    probe = tmp_path / "probe.html"
    probe.write_text(report.read_text(encoding="utf-8").replace(
        "<body>", f"<body data-untick='{json.dumps(steps)}'>").replace("</body>", FILTER_HARNESS + "</body>"),
        encoding="utf-8")
    shown = html.unescape(re.search(r'data-shown="(.*?)"', _dump_dom(browser, probe, tmp_path), re.S).group(1))  # type: ignore[union-attr]
    assert "no box" not in shown, shown  # a further category has its own box
    after = [set(step.split()) for step in shown.split("|")]
    assert len(after) == 4
    insult = "CN502"
    assert {"CN203", insult} <= after[0]  # its further category's box is still ticked
    assert "CN203" not in after[1] and insult in after[1]
    assert after[2] == {insult}  # with the missing-element findings gone, the insult alone
    assert after[3] == set()


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
    dom = _dump_dom(browser, probe, tmp_path)
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
