"""JUnit XML: one test case per checked file; each finding at or above ``--fail-on`` is a failure in it.

Findings below the threshold never fail the run, so they are not failures here either: they are listed
in the test case's ``system-out``.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from collectlint.models import FileResult, Severity
from collectlint.report.locate import locate


def render(results: Sequence[FileResult], lang: str, threshold: Severity = Severity.WARNING) -> str:
    suites = ET.Element("testsuites", name="collectlint")
    suite = ET.SubElement(suites, "testsuite", name="collectlint")
    tests = failures = errors = 0
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="collectlint", name=result.path)
        tests += 1
        if result.error:
            errors += 1
            ET.SubElement(case, "error", message=result.error, type="input-error")
            continue
        below: list[str] = []
        for loc in locate(result):
            f = loc.finding
            if f.severity < threshold:
                below.append(f"{loc.line}:{loc.column} {f.severity.label} [{f.rule_id}] {f.message(lang or result.lang)}")
                continue
            failures += 1
            node = ET.SubElement(case, "failure", type=f"{f.rule_id} {f.name}",
                                 message=f"{loc.line}:{loc.column} {f.severity.label}: {f.message(lang or result.lang)}")
            detail = [f"{result.path}:{loc.line}:{loc.column}: [{f.rule_id}] {f.message(lang or result.lang)}"]
            if f.key:
                detail.append(f"key: {f.key}")
            detail.append(f"match: {loc.match}")
            if f.basis:
                detail.append(f"basis: {f.basis}")
            detail += [f"suggestion: {s.text(lang or result.lang)}" for s in f.suggestions[:1]]
            node.text = "\n".join(detail)
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(below)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suites.set("tests", str(tests))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
