"""Line:column of findings, computed only when rendering (offsets stay characters into the text)."""

from __future__ import annotations

from collectlint.models import FileResult, Finding
from collectlint.record import record
from collectlint.report.sanitize import clean_label
from collectlint.source import Document


@record(frozen=True)
class Located:
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive, 1-based
    match: str  # masked matched text
    # Further matches of the rule in the same sentence: (line, column, end_line, end_column, masked text).
    also: tuple[tuple[int, int, int, int, str], ...] = ()


def locate(result: FileResult) -> list[Located]:
    doc = Document(result.text, result.path)
    out = []
    for f in result.findings:
        start = doc.position(f.span.start)
        end = doc.position(f.span.end)
        also = []
        for span in f.also:
            a0, a1 = doc.position(span.start), doc.position(span.end)
            also.append((a0.line, a0.column, a1.line, a1.column, clean_label(result.text[span.start:span.end])))
        out.append(Located(f, start.line, start.column, end.line, end.column,
                           clean_label(result.text[f.span.start : f.span.end]), tuple(also)))
    return out


def summary(results: list[FileResult] | tuple[FileResult, ...]) -> dict[str, object]:
    counts = {"error": 0, "warning": 0, "info": 0}
    by_category: dict[str, int] = {}
    for r in results:
        for f in r.findings:
            counts[f.severity.label] += 1
            by_category[f.category.value] = by_category.get(f.category.value, 0) + 1
    return {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error),
        "messages": sum(r.messages for r in results),
        "findings": sum(len(r.findings) for r in results),
        "by_severity": counts,
        "by_category": dict(sorted(by_category.items())),
    }
