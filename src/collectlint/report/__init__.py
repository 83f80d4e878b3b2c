"""Output formats.  One module per format; ``RENDERERS`` maps the ``--format`` name to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from collectlint.models import FileResult
from collectlint.report import json_format, text_format

Renderer = Callable[[Sequence[FileResult], str], str]

RENDERERS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
}
