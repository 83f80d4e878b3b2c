"""Plain text: the whole file is one message, read as it is."""

from __future__ import annotations

from collectlint.formats.base import Message
from collectlint.formats.script import script_masks


def read(text: str, path: str) -> list[Message]:
    return [Message(text, masked=script_masks(text))]
