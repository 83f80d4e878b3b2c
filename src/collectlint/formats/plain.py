"""Plain text: the whole file is one message, read as it is."""

from __future__ import annotations

from collectlint.formats.base import Message


def read(text: str, path: str) -> list[Message]:
    return [Message(text)]
