"""Input formats.  Each reader turns a file's text into messages: the text the rules see, with an
exact map back to the file.  One module per format; ``READERS`` maps a file ending to its reader."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from collectlint.formats.base import Message, Suppression

Reader = Callable[[str, str], list[Message]]

# File ending -> (module of this package, reader function).  A module is imported the first time a
# file of its kind is read, so a hook run on one SMS file never loads the YAML or HTML readers.
_READERS: dict[str, tuple[str, str]] = {
    ".md": ("markdown", "read"),
    ".markdown": ("markdown", "read"),
    ".txt": ("plain", "read"),
    ".text": ("plain", "read"),
    ".html": ("html", "read"),
    ".htm": ("html", "read"),
    ".yaml": ("catalogue", "read_yaml"),
    ".yml": ("catalogue", "read_yaml"),
    ".json": ("catalogue", "read_json"),
}


class _Readers(Mapping[str, Reader]):
    """``READERS[ending]``: the reader function for a file ending, imported on first use."""

    def __getitem__(self, suffix: str) -> Reader:
        module, name = _READERS[suffix]
        reader: Reader = getattr(importlib.import_module(f"collectlint.formats.{module}"), name)
        return reader

    def __iter__(self) -> Iterator[str]:
        return iter(_READERS)

    def __len__(self) -> int:
        return len(_READERS)

    def __contains__(self, suffix: object) -> bool:
        return suffix in _READERS


READERS: Mapping[str, Reader] = _Readers()
# Read from bytes rather than decoded text.
BINARY = {".docx"}


def reader_for(path: str) -> str | None:
    """The format key of ``path`` (its ending), or None when collectlint does not read it."""
    suffix = Path(path).suffix.lower()
    if suffix in READERS or suffix in BINARY:
        return suffix
    return None


__all__ = ["BINARY", "READERS", "Message", "Suppression", "reader_for"]
