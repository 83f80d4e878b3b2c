"""JUnit XML: one test case per checked file; each finding at or above info is a failure in it."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from collectlint.models import FileResult
from collectlint.report.locate import locate


def render(results: Sequence[FileResult], lang: str) -> str:
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
        for loc in locate(result):
            f = loc.finding
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
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suites.set("tests", str(tests))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
