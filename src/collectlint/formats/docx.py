"""Word letters: paragraphs (body, then tables) joined by line breaks; locations are paragraph:column."""

from __future__ import annotations

import io
import zipfile

from collectlint.errors import InputError
from collectlint.formats.base import Message


def docx_text(data: bytes, path: str) -> str:
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
