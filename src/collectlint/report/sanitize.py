"""What reaches a terminal, a CI log or a report is neutralised first.

File names, catalogue keys and message text are untrusted: they may carry newlines (a forged second
finding or a GitHub ``::`` workflow command), ANSI escape sequences (recolouring or clearing a
terminal), bidi controls (U+202E reversing what a reviewer reads), lone surrogates from file names
that are not UTF-8 (which break UTF-8 output, XML and JSON consumers), and numbers that must never be
printed in full.  Labels (paths, keys, errors) get visible escapes; source lines keep their length
(each control character becomes U+FFFD) so carets stay aligned.
"""

from __future__ import annotations

import unicodedata

from collectlint.lazyre import lazy_compile
from collectlint.mask import mask_text
from collectlint.models import FileResult
from collectlint.record import replace

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(ch: str) -> bool:
    if ch in _BIDI or "\ud800" <= ch <= "\udfff":
        return True
    return unicodedata.category(ch) == "Cc" and ch != "\t"


# Everything ``_unsafe`` accepts, as one class: C0 and C1 controls but tab, bidi controls, surrogates.
_UNSAFE = lazy_compile("[\x00-\x08\x0a-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "\ud800-\udfff]")


def clean_label(text: str) -> str:
    """A path, key or message for one line of output: masked, with controls shown as escapes."""
    masked = mask_text(text)
    if not _UNSAFE.search(masked):
        return masked
    return "".join(c.encode("unicode_escape").decode("ascii") if _unsafe(c) else c for c in masked)


# The same, but a page keeps its line breaks.
_UNSAFE_IN_PAGE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "\ud800-\udfff]")


def clean_page(text: str) -> str:
    """A whole rendered page (the HTML report): each control character but tab and line breaks, each
    bidi control and lone surrogate becomes U+FFFD."""
    return _UNSAFE_IN_PAGE.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """A source line for display: each control character becomes U+FFFD, so the length is kept."""
    if not _UNSAFE.search(text):
        return text
    return "".join("\ufffd" if _unsafe(c) else c for c in text)


def for_display(result: FileResult) -> FileResult:
    """The result with its path, keys, error and notice made safe to print (text is left for offsets)."""
    findings = [replace(f, key=clean_label(f.key)) if f.key else f for f in result.findings]
    return replace(result, path=clean_label(result.path), findings=findings,
                   error=clean_label(result.error) if result.error else None,
                   notice=clean_label(result.notice) if result.notice else None)
