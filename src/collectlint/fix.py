"""Apply fixes: only suggestions marked safe, unless unsafe ones are asked for.

A fix replaces a finding's span with the suggestion's ``replacement``; ``{mask}`` in a replacement
stands for the matched text with its digits masked.  Fixing repeats until the file converges (no
fixable finding left, at most ``MAX_PASSES`` passes).  Writes are atomic (a temporary file in the
same folder, then a rename), keep the encoding, BOM, line endings and permissions, and are refused
when the file changed on disk after it was read.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from collectlint.decode import decode_bytes, read_bytes
from collectlint.errors import InputError
from collectlint.mask import mask_text
from collectlint.models import Applicability, Finding
from collectlint.record import record

MAX_PASSES = 5


@record(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def edits_for(text: str, findings: list[Finding], unsafe: bool) -> list[Edit]:
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    edits: list[Edit] = []
    for f in findings:
        if not f.exact_span or f.span.end <= f.span.start:
            continue
        suggestion = next((s for s in f.suggestions if s.applicability in allowed and s.replacement is not None), None)
        if suggestion is None or suggestion.replacement is None:
            continue
        matched = text[f.span.start : f.span.end]
        edits.append(Edit(f.span.start, f.span.end, suggestion.replacement.replace("{mask}", mask_text(matched))))
    chosen: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if e.start >= last_end and e.text != text[e.start : e.end]:
            chosen.append(e)
            last_end = e.end
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.text + text[e.end :]
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    """The diff of a fix, masked like every other output.  The removed text is masked with ``#`` and
    the added text (already masked by the fix) keeps its ``*``, so a masking fix shows as a visible
    change without printing the number."""
    lines = difflib.unified_diff(mask_text(before, "#").splitlines(keepends=True),
                                 mask_text(after).splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(lines)


def encode(text: str, encoding: str) -> bytes:
    """``text`` in the encoding ``decode.decode_bytes`` recorded: the same codec and byte order, and a BOM
    again when the name ends in "-sig" ("utf-8-sig", "utf-16-be-sig", "utf-32-le-sig", ...)."""
    if encoding.endswith("-sig"):
        codec = encoding.removesuffix("-sig")
        return "\ufeff".encode(codec) + text.encode(codec)
    return text.encode(encoding)


def write_atomically(path: Path, data: bytes, original: bytes) -> None:
    """Replace ``path`` with ``data`` unless it no longer holds ``original``."""
    if read_bytes(path) != original:
        raise InputError("changed on disk since it was read; not fixed", path=str(path))
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".collectlint-tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def fix_until_stable(text: str, findings: list[Finding], relint: Callable[[str], list[Finding]],
                     unsafe: bool) -> tuple[str, list[Finding]]:
    """Apply fixes and re-lint until nothing changes (at most ``MAX_PASSES`` rounds).

    Returns the fixed text and its findings.  The library owns this loop so an editor or a server
    converges exactly as ``collectlint check --fix`` does.
    """
    current, current_findings = text, findings
    for _ in range(MAX_PASSES):
        edits = edits_for(current, current_findings, unsafe)
        if not edits:
            break
        current = apply_edits(current, edits)
        current_findings = relint(current)
    return current, current_findings


def fixable_text(path: Path, checked_digest: str = "") -> tuple[str, str, bytes]:
    """(text, encoding, raw bytes) of a file that fixes may rewrite.

    Refused: ``.docx`` files, symbolic links (the link is never replaced by a regular file; fix the
    target itself), files with several hard links (a new file would split them), read-only files, and a
    file whose bytes differ from those that were checked (``checked_digest``):
    the findings' offsets belong to the old text.
    """
    if path.suffix.lower() == ".docx":
        raise InputError("fixes are not applied to .docx files", path=str(path))
    if path.is_symlink():
        raise InputError("is a symbolic link; not fixed (run --fix on the file it points to)", path=str(path))
    info = path.stat()
    if info.st_nlink > 1:
        # Replacing the file would split the link: the other names would keep the unfixed text.
        raise InputError(f"has {info.st_nlink} hard links; not fixed (the other names would keep the old text)",
                         path=str(path))
    if not info.st_mode & 0o222:  # write-protected by its owner (checked by mode: root is no exception)
        raise InputError("is read-only; not fixed", path=str(path))
    raw = read_bytes(path)
    if checked_digest and hashlib.sha256(raw).hexdigest() != checked_digest:
        raise InputError("changed on disk since it was checked; not fixed", path=str(path))
    decoded = decode_bytes(raw, str(path))
    return decoded.text, decoded.encoding, raw
