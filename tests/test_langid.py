"""A message in a language no profile reads is never a silent pass (``langid``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli
from collectlint.langid import unread_language

ROOT = Path(__file__).resolve().parents[1]

FOREIGN = {
    "Japanese": "【ABC銀行】ご利用代金1200元を2025年3月5日までにお支払いください。"
                "払わなければ、あなたの家族と会社に言いふらします。",
    "Korean": "[ABC은행] 고객님의 대출금 120만원이 연체되었습니다. 오늘까지 입금하지 않으면 가족과 직장에 알리겠습니다.",
    "Russian or another Cyrillic-script language": "Уважаемый клиент, ваш долг 12000 рублей просрочен. "
                                                   "Мы сообщим вашему работодателю.",
    "French": "Madame, si vous ne payez pas votre dette avant vendredi, nous vous ferons arrêter et nous informerons "
              "votre employeur.",
    "Spanish": "Señor, si usted no paga su deuda hoy, vamos a llamar a su familia y a su trabajo para que todos sepan.",
    "German": "Sehr geehrter Herr Müller, wenn Sie die Zahlung nicht bis Freitag leisten, werden wir Ihren Arbeitgeber "
              "informieren.",
    "Indonesian or Malay": "Tuan, hutang anda sudah lewat. Sila bayar segera atau kami akan datang ke rumah dan beritahu "
                           "jiran anda.",
    "Tagalog": "Sir, hindi pa po kayo nagbabayad ng utang ninyo. Magbayad na po kayo ngayon o tatawagan namin ang "
               "pamilya ninyo.",
    "Vietnamese": "Kính gửi quý khách, khoản vay của bạn đã quá hạn. Vui lòng thanh toán ngay hôm nay.",
}


@pytest.mark.parametrize(("language", "text"), sorted(FOREIGN.items()))
def test_languages_no_profile_reads_are_named(language: str, text: str) -> None:
    assert unread_language(text) == language


@pytest.mark.parametrize("text", [
    "Dear John, your balance of $1,200 is due on March 5. Please call us at the number below.",
    "Oga, you don collect loan and you no wan pay. Pay now o, abeg, or we go tell your people.",
    "Hi Ma'am, reminder po na due na ang payment ninyo today. Please settle your balance to avoid penalties.",
    "Your café bill of €45 is overdue; merci for settling it this week.",
    "【XX银行】您的借款已逾期，请尽快还款。",
    "好吃の店：您的帳款已逾期，請盡快繳納。",
    "閣下欠款HK$3,000已逾期，請盡快還款。",
    "",
    "OK",
])
def test_chinese_english_and_mixed_messages_are_read(text: str) -> None:
    assert unread_language(text) is None


def test_no_real_or_probe_message_is_taken_for_another_language() -> None:
    """Every message of the real splits and the probe sets is Chinese or English."""
    paths = sorted((ROOT / "corpus" / "real").glob("*/*.jsonl")) + sorted((ROOT / "corpus" / "probes").glob("*.jsonl"))
    assert paths
    named = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            language = unread_language(item["text"])
            if language is not None:
                named.append((item["id"], language))
    assert named == []


def test_check_says_so_in_every_report_and_require_rules_fails(tmp_path: Path) -> None:
    letter = tmp_path / "lettre.txt"
    letter.write_text(FOREIGN["French"] + "\n", encoding="utf-8")
    plain = CliRunner().invoke(cli, ["check", "--no-model", "--fail-on", "error", str(letter)])
    assert plain.exit_code == 0, plain.output
    assert "written in French, which no profile reads" in plain.stderr
    required = CliRunner().invoke(cli, ["check", "--no-model", "--fail-on", "error", "--require-rules", str(letter)])
    assert required.exit_code == 1, required.output
    report = CliRunner().invoke(cli, ["check", "--no-model", "--format", "json", str(letter)])
    notices = json.loads(report.stdout)["notices"]
    assert [n["message"] for n in notices if n["path"] == str(letter)] == [
        "written in French, which no profile reads (collectlint reads Chinese and English): not checked"]
    # Not half-read either: no English rule runs on it (US501 read "retard", French for "late", as an insult).
    assert json.loads(report.stdout)["findings"] == []
    late = tmp_path / "retard.txt"
    late.write_text("Madame, votre paiement est en retard de trente jours. Merci de nous contacter pour régler la "
                    "somme due avant la fin du mois.\n", encoding="utf-8")
    quiet = CliRunner().invoke(cli, ["check", "--no-model", "--format", "json", str(late)])
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["findings"] == [], quiet.stdout
    sarif = CliRunner().invoke(cli, ["check", "--no-model", "--format", "sarif", str(letter)])
    assert "written in French" in sarif.stdout


def test_a_file_no_rule_could_read_never_shows_as_passed(tmp_path: Path) -> None:
    """The HTML verdict, the JUnit case and the GitHub annotations all say the French file was not checked."""
    letter = tmp_path / "lettre.txt"
    letter.write_text(FOREIGN["French"] + "\n", encoding="utf-8")
    page = tmp_path / "report.html"
    CliRunner().invoke(cli, ["check", "--no-model", "--format", "html", "-o", str(page), str(letter)])
    html = page.read_text(encoding="utf-8")
    assert "verdict pass" not in html and "not checked for conduct" in html
    junit = CliRunner().invoke(cli, ["check", "--no-model", "--format", "junit", str(letter)]).stdout
    assert "<skipped" in junit and "written in French" in junit
    github = CliRunner().invoke(cli, ["check", "--no-model", "--format", "github", str(letter)]).stdout
    assert github.startswith("::warning file=") and "written in French" in github


def test_the_any_script_class_is_exactly_the_union_of_the_scripts() -> None:
    """``_ANY_SCRIPT`` lets a message skip counting each script: it must match a character exactly when
    one of the scripts does, or a Korean or Vietnamese letter could go uncounted."""
    from collectlint.langid import _ANY_SCRIPT, _SCRIPTS

    chars = "".join(map(chr, range(0x20, 0x10000)))
    union = {m.start() for _, script in _SCRIPTS for m in script.finditer(chars)}
    assert union  # the scripts cover several thousand code points
    assert {m.start() for m in _ANY_SCRIPT.finditer(chars)} == union
