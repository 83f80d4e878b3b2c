"""Input formats.  Each reader turns a file's text into messages: the text the rules see, with an
exact map back to the file.  One module per format; ``READERS`` maps a file ending to its reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from collectlint.formats import catalogue, html, markdown, plain
from collectlint.formats.base import Message, Suppression

Reader = Callable[[str, str], list[Message]]

READERS: dict[str, Reader] = {
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".txt": plain.read,
    ".text": plain.read,
    ".html": html.read,
    ".htm": html.read,
    ".yaml": catalogue.read_yaml,
    ".yml": catalogue.read_yaml,
    ".json": catalogue.read_json,
}
# Read from bytes rather than decoded text.
BINARY = {".docx"}


def reader_for(path: str) -> str | None:
    """The format key of ``path`` (its ending), or None when collectlint does not read it."""
    suffix = Path(path).suffix.lower()
    if suffix in READERS or suffix in BINARY:
        return suffix
    return None


__all__ = ["BINARY", "READERS", "Message", "Suppression", "reader_for"]
