"""JUnit XML: one failing test case per finding at or above ``--fail-on``, one passing test case per
checked file without such findings, one error case per input error; dashboards then count passes and
failures as the gate does.

Findings below the threshold never fail the run, so they are not failures here either: they are listed
in the ``system-out`` of the file's first test case.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from collectlint.models import FileResult, Severity
from collectlint.report.locate import locate
from collectlint.report.stream import NOTHING_CHECKED


def render(results: Sequence[FileResult], lang: str, threshold: Severity = Severity.WARNING) -> str:
    suites = ET.Element("testsuites", name="collectlint")
    suite = ET.SubElement(suites, "testsuite", name="collectlint")
    tests = failures = errors = 0
    for result in results:
        msg_lang = lang or result.lang
        if result.error:
            tests += 1
            errors += 1
            case = ET.SubElement(suite, "testcase", classname="collectlint", name=result.path)
            ET.SubElement(case, "error", message=result.error, type="input-error")
            continue
        if result.skipped:
            continue
        below: list[str] = []
        cases: list[ET.Element] = []
        for loc in locate(result):
            f = loc.finding
            if f.severity < threshold:
                below.append(f"{loc.line}:{loc.column} {f.severity.label} [{f.rule_id}] {f.message(msg_lang)}")
                continue
            failures += 1
            tests += 1
            where = f" {f.key}" if f.key else ""
            case = ET.SubElement(suite, "testcase", classname=result.path,
                                 name=f"{result.path}:{loc.line}:{loc.column} [{f.rule_id}]{where}")
            cases.append(case)
            node = ET.SubElement(case, "failure", type=f"{f.rule_id} {f.name}",
                                 message=f"{loc.line}:{loc.column} {f.severity.label}: {f.message(msg_lang)}")
            detail = [f"{result.path}:{loc.line}:{loc.column}: [{f.rule_id}] {f.message(msg_lang)}"]
            if f.key:
                detail.append(f"key: {f.key}")
            detail.append(f"match: {loc.match}")
            if f.basis:
                detail.append(f"basis: {f.basis}")
            detail += [f"suggestion: {s.text(msg_lang)}" for s in f.suggestions[:1]]
            node.text = "\n".join(detail)
        if not cases:  # a file that passes the gate is one passing test case
            tests += 1
            cases.append(ET.SubElement(suite, "testcase", classname=result.path, name=result.path))
            if result.unruled:  # unless no rule could read a message of it: skipped, with the reason
                ET.SubElement(cases[0], "skipped", message=result.notice or "not checked for conduct")
        if below:
            ET.SubElement(cases[0], "system-out").text = "\n".join(below)
    if not any(not r.error and not r.skipped for r in results):  # never a silent pass in CI either
        tests += 1
        case = ET.SubElement(suite, "testcase", classname="collectlint", name="nothing checked")
        ET.SubElement(case, "skipped", message=NOTHING_CHECKED)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suites.set("tests", str(tests))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
