"""The US profile's template metadata: what kind of communication a template is decides which FDCPA and
Regulation F disclosures it needs.  It comes from front matter, a catalogue key or the configuration's
``files`` globs (the only way for a .docx or .txt); the CFPB's own Model Form B-1 passes clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli
from collectlint.formats.docx import docx_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "us"
MODEL_FORM = EXAMPLES / "validation_notice.docx"  # CFPB, github.com/cfpb/debt-collection-files (public domain)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def rules_of(out: str) -> list[str]:
    return sorted(f["rule"] for f in json.loads(out)["findings"])


def model_form_text() -> str:
    return docx_text(MODEL_FORM.read_bytes(), str(MODEL_FORM))


def test_the_cfpb_model_validation_notice_passes_clean_as_a_validation_notice() -> None:
    """examples/us/.collectlint.yaml declares the .docx a validation letter; every Model Form B-1 field is
    found (itemization date, amounts, creditor, account number, dispute deadline and method, CFPB reference)."""
    code, out, err = run("check", "--format", "json", str(MODEL_FORM))
    assert code == 0, err
    assert rules_of(out) == []
    assert json.loads(out)["summary"]["files_checked"] == 1


def test_the_model_form_without_its_dispute_section_is_missing_those_fields(tmp_path: Path) -> None:
    """The clean result above is not an absence of checks: cut the dispute section and its fields are missing."""
    text = model_form_text()
    cut = text[: text.index("Notice: See reverse side")]  # the tear-off form and the dispute section
    letter = tmp_path / "notice.md"
    letter.write_text(f"---\nchannel: letter\ncommunication: validation\n---\n{cut}", encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(letter))
    assert code == 1
    assert {"US910", "US911", "US912"} <= set(rules_of(out))


def test_without_the_declaration_the_communication_type_is_asked_for_not_guessed(tmp_path: Path) -> None:
    letter = tmp_path / "notice.docx"
    letter.write_bytes(MODEL_FORM.read_bytes())
    code, out, _ = run("check", "--no-model", "--format", "json", str(letter))
    assert code == 0
    assert rules_of(out) == ["US920"]  # info: the mini-Miranda is not checked until the type is known


@pytest.mark.parametrize("communication", ["initial", "subsequent"])
def test_configuration_globs_declare_the_communication_of_plain_files(tmp_path: Path, communication: str) -> None:
    (tmp_path / ".collectlint.yaml").write_text(
        f'files:\n  - {{glob: "letters/*", channel: letter, communication: {communication}}}\n', encoding="utf-8")
    (tmp_path / "letters").mkdir()
    letter = tmp_path / "letters" / "reminder.txt"
    letter.write_text("Acme Bank: your balance of $120 on account 4455 is due March 5. Call 800-555-0100.\n",
                      encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(letter))
    assert code == 1
    expected = ["US906", "US907"] if communication == "initial" else ["US906"]
    assert rules_of(out) == expected


def test_a_misspelt_communication_in_the_configuration_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / ".collectlint.yaml").write_text('files:\n  - {glob: "*.txt", communication: initiall}\n',
                                                encoding="utf-8")
    (tmp_path / "a.txt").write_text("Your balance is due.\n", encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "a.txt"))
    assert code == 2
    assert "communication" in err and "initiall" in err and "Traceback" not in err


def test_a_catalogue_key_declares_the_communication_of_its_messages(tmp_path: Path) -> None:
    catalogue = tmp_path / "emails.yaml"
    catalogue.write_text(
        "first:\n  communication: initial\n  channel: letter\n"
        "  body: Acme Bank says your balance of $120 on account 4455 is due March 5. Call 800-555-0100.\n"
        "later:\n  communication: subsequent\n  channel: letter\n"
        "  body: This communication is from a debt collector. Acme Bank says your balance of $120 on account "
        "4455 is due March 5. Call 800-555-0100.\n", encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(catalogue))
    assert code == 1
    found = sorted((f["key"], f["rule"]) for f in json.loads(out)["findings"])
    assert found == [("first.body", "US906"), ("first.body", "US907")]


def test_a_misspelt_catalogue_communication_is_an_error_naming_its_line_and_prose_is_not(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("first:\n  channel: letter\n  communication: intial\n  body: Your balance is due.\n",
                   encoding="utf-8")
    good = tmp_path / "good.yaml"  # another file is still checked
    good.write_text("texts:\n  communication: Please keep your phone on so we can reach you.\n", encoding="utf-8")
    code, _, err = run("check", "--no-model", str(bad), str(good))
    assert code == 2
    assert f"{bad}:3: communication 'intial' is not one of initial, subsequent, validation" in err
    assert "good.yaml" not in err and "Traceback" not in err


def test_a_misspelt_front_matter_communication_is_named_as_in_a_catalogue(tmp_path: Path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text("---\ncommunication: intial\n---\nYour balance is due.\n", encoding="utf-8")
    code, _, err = run("check", "--no-model", str(letter))
    assert code == 2
    assert f"{letter}:2: front matter: communication 'intial' is not one of initial, subsequent, validation " \
           "(did you mean 'initial'?)" in err


@pytest.mark.parametrize(("state", "ok"), [("CA", True), ("ny", True), ("DC", True), ("PR", True),
                                           ("Californa", False), ("XX", False)])
def test_front_matter_state_is_a_postal_code(tmp_path: Path, state: str, ok: bool) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text(f"---\nstate: {state}\ncommunication: subsequent\n---\nThis communication is from a debt "
                      "collector. Acme Bank: your balance is due. Call 800-555-0100.\n", encoding="utf-8")
    code, _, err = run("check", "--no-model", str(letter))
    if ok:
        assert code == 0, err
    else:
        assert code == 2 and f"state '{state}'" in err and "letter.md:2:" in err  # the line of the key at fault


@pytest.mark.parametrize(("front", "line", "problem"),
                         [("channel: letter\ncommunication: intial\n", 3, "communication 'intial'"),
                          ("channel: letter\n\n'colour': red\n", 4, "unknown key 'colour'"),
                          ("stage: M1\nchannel: fax\n", 3, "channel 'fax'"),
                          ("profile: xx\n", 2, "front matter:")])
def test_front_matter_errors_name_the_line_of_the_key(tmp_path: Path, front: str, line: int, problem: str) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text(f"---\n{front}---\nYour balance is due.\n", encoding="utf-8")
    code, _, err = run("check", "--no-model", str(letter))
    assert code == 2 and f"letter.md:{line}: front matter: " in err and problem in err


def test_the_shipped_us_example_letter_is_caught_at_its_lines() -> None:
    code, out, _ = run("check", "--no-model", "--format", "json", str(EXAMPLES / "final_notice.md"))
    assert code == 1
    found = {(f["rule"], f["line"]) for f in json.loads(out)["findings"]}
    assert {("US201", 9), ("US301", 10), ("US501", 10), ("US906", 5)} <= found


def test_the_readme_shows_what_checking_the_us_examples_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    shown = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if line.startswith("examples/us/")]
    assert len(shown) >= 4
    code, out, _ = run("check", "examples/us")
    assert code == 1
    printed = set(out.splitlines())
    assert [line for line in shown if line not in printed] == []


def test_a_text_key_holds_the_message_and_does_not_make_it_an_sms(tmp_path: Path) -> None:
    """``text`` is the commonest key for a message's words; as a key it names no channel, so a letter's
    ``text`` is not held to the SMS opt-out.  A group of messages under ``texts:`` is still SMS."""
    body = ("This communication is from a debt collector. You owe {{ amount }} on account {{ account_number }} "
            "to Acme Services LLC. Call (800) 555-0199.")
    catalogue = tmp_path / "letters.yaml"
    catalogue.write_text(f'r:\n  channel: letter\n  communication: subsequent\n  text: "{body}"\n', encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(catalogue))
    assert (code, rules_of(out)) == (0, [])
    grouped = tmp_path / "sms.yaml"
    grouped.write_text(f'texts:\n  communication: subsequent\n  reminder: "{body}"\n', encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(grouped))
    assert "US908" in rules_of(out)  # an SMS needs its opt-out


def test_a_limited_content_voicemail_can_pass_whatever_communication_it_declares(tmp_path: Path) -> None:
    """Regulation F 1006.2(j): a limited-content voicemail is not a communication, so it needs no mini-Miranda
    (which would reveal the debt, US930); the caller naming their business is the sender."""
    script = tmp_path / "vm.md"
    for communication in ("initial", "subsequent"):
        script.write_text(f"---\nchannel: voicemail\ncommunication: {communication}\n---\nHi, this is Jane Smith from "
                          "ARS. Please call me back at 800-555-0199. Thank you.\n", encoding="utf-8")
        code, out, _ = run("check", "--no-model", "--format", "json", str(script))
        assert (code, rules_of(out)) == (0, []), communication


@pytest.mark.parametrize("text", [
    "Acme Services LLC is a debt collector. We will use any information you give us to help collect the debt.",
    "Acme Services LLC, a debt collector, is attempting to collect a debt and any information obtained will be "
    "used for that purpose.",
])
def test_the_model_forms_own_wording_is_the_initial_disclosure(tmp_path: Path, text: str) -> None:
    letter = tmp_path / "initial.md"
    letter.write_text(f"---\nchannel: letter\ncommunication: initial\n---\n{text} Your balance of $120 on account "
                      "4455 is due. Call 800-555-0100.\n", encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(letter))
    assert (code, rules_of(out)) == (0, [])


@pytest.mark.parametrize("sender", ["Sincerely,\nMidwest Recovery", "Smith & Jones LLP", "This is Dana from ARS."])
def test_a_sender_without_llc_or_inc_is_still_a_sender(tmp_path: Path, sender: str) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text("---\nchannel: letter\ncommunication: subsequent\n---\nThis communication is from a debt collector. "
                      f"Your balance of $120 on account 4455 is due. Call 8005550199.\n{sender}\n", encoding="utf-8")
    code, out, _ = run("check", "--no-model", "--format", "json", str(letter))
    assert (code, rules_of(out)) == (0, [])


def test_catalogue_text_or_null_under_a_communication_key_leaves_the_inherited_type(tmp_path: Path) -> None:
    """Only a near miss of a type is an error; an application's own words ("Communications", "Email")
    or a JSON null under a key of that name declare nothing, and an outer declaration still holds."""
    nested = tmp_path / "letters.yaml"
    nested.write_text(
        "first:\n  communication: initial\n  channel: letter\n  sub:\n    communication: Please keep your phone on.\n"
        "    body: Acme Bank says your balance of $120 on account 4455 is due March 5. Call 800-555-0100.\n",
        encoding="utf-8")
    menu = tmp_path / "menu.json"
    menu.write_text('{"menu": {"communication": "Email"}, "m": {"communication": null, "t": "Hello"}}',
                    encoding="utf-8")
    code, out, err = run("check", "--no-model", "--format", "json", str(nested), str(menu))
    assert code == 1 and "Traceback" not in err and "is not one of" not in err
    found = sorted((f["key"], f["rule"]) for f in json.loads(out)["findings"] if f["path"].endswith("letters.yaml"))
    assert found == [("first.sub.body", "US906"), ("first.sub.body", "US907")]
