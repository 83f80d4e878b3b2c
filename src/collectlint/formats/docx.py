"""Word letters: paragraphs (body, then tables) joined by line breaks; locations are paragraph:column."""

from __future__ import annotations

import io
import zipfile

from collectlint.errors import InputError
from collectlint.formats.base import Message

MAX_EXPANDED = 64 * 1024 * 1024  # bytes a .docx package may unpack to
MAX_MEMBERS = 5000
MAX_RATIO = 200  # compression ratio above which a large member is a bomb, not a document
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def check_package(data: bytes, path: str) -> None:
    """Refuse a package that would take unbounded memory or time to open: a zip bomb (too many
    members, too large once unpacked, an absurd compression ratio) or XML with a document type
    declaration (entity expansion; Word never writes one).  Reads at most ``MAX_EXPANDED`` bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError(f"not a readable .docx file (a package of {len(members)} members; "
                                 f"the limit is {MAX_MEMBERS})", path=path)
            total = sum(m.file_size for m in members)
            if total > MAX_EXPANDED:
                raise InputError(f"not a readable .docx file (it unpacks to {total // 2**20} MiB; the limit is "
                                 f"{MAX_EXPANDED // 2**20} MiB: a possible zip bomb)", path=path)
            for member in members:
                ratio = member.file_size // max(1, member.compress_size)
                if member.file_size > 2**20 and ratio > MAX_RATIO:
                    raise InputError(f"not a readable .docx file (a part compressed {ratio}:1: a possible zip bomb)",
                                     path=path)
                if member.filename.endswith((".xml", ".rels")):
                    with package.open(member) as fh:  # never more than the declared size
                        body = fh.read(MAX_EXPANDED + 1)
                    if any(d in body for d in _DECLARATIONS):
                        raise InputError("not a readable .docx file (XML with a document type declaration: "
                                         "entity expansion is refused)", path=path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", path=path) from None


def docx_text(data: bytes, path: str) -> str:
    check_package(data, path)
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError("python-docx is not installed; cannot read .docx", path=path) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", path=path) from None
    except Exception as exc:  # python-docx raises various errors on malformed packages
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", path=path) from None
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(p.text for p in cell.paragraphs)
    return "\n".join(paragraphs)


def read(text: str, path: str) -> list[Message]:
    return [Message(text)]
