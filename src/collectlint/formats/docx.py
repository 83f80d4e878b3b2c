"""Word letters: every paragraph of the body in document order (tables, content controls and text boxes
included), joined by line breaks; locations are paragraph:column."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from collectlint.errors import InputError
from collectlint.formats.base import Message

MAX_EXPANDED = 64 * 1024 * 1024  # bytes a .docx package may unpack to
MAX_MEMBERS = 5000
MAX_RATIO = 200  # compression ratio above which a large member is a bomb, not a document
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word encrypts a .docx into one of these


def check_package(data: bytes, path: str) -> None:
    """Refuse a package that would take unbounded memory or time to open: a zip bomb (too many
    members, too large once unpacked, an absurd compression ratio) or XML with a document type
    declaration (entity expansion; Word never writes one).  Reads at most ``MAX_EXPANDED`` bytes."""
    if data.startswith(_OLE_MAGIC):
        raise InputError("not a readable Word document: an OLE compound file (a password-protected document "
                         "or an old .doc), not a .docx package", path=path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError(f"not a readable Word document: a package of {len(members)} members "
                                 f"(the limit is {MAX_MEMBERS})", path=path)
            total = sum(m.file_size for m in members)
            if total > MAX_EXPANDED:
                raise InputError(f"not a readable Word document: it unpacks to {total // 2**20} MiB (the limit is "
                                 f"{MAX_EXPANDED // 2**20} MiB: a possible zip bomb)", path=path)
            for member in members:
                ratio = member.file_size // max(1, member.compress_size)
                if member.file_size > 2**20 and ratio > MAX_RATIO:
                    raise InputError(f"not a readable Word document: a part compressed {ratio}:1 (a possible zip bomb)",
                                     path=path)
                if member.filename.endswith((".xml", ".rels")):
                    with package.open(member) as fh:  # never more than the declared size
                        body = fh.read(MAX_EXPANDED + 1)
                    if any(d in body for d in _DECLARATIONS):
                        raise InputError("not a readable Word document: XML with a document type declaration "
                                         "(entity expansion is refused)", path=path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, OSError,
            RuntimeError, ValueError) as exc:  # RuntimeError: an encrypted member
        raise InputError(f"not a readable Word document: {_reason(exc)}", path=path) from None


def docx_text(data: bytes, path: str) -> str:
    check_package(data, path)
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError("python-docx is not installed; cannot read .docx", path=path) from None
    try:
        root = docx.Document(io.BytesIO(data)).element
        if root.tag != _W + "document":
            raise _NotWord("its main part is not a w:document")
        body = root.find(_W + "body")
        if body is None:
            raise _NotWord("its main part has no w:body")
        return "\n".join(_paragraph_texts(body))
    except _NotWord as exc:
        raise InputError(f"not a readable Word document: {exc}", path=path) from None
    except Exception as exc:  # python-docx, zipfile, zlib and lxml raise many kinds on a malformed package
        raise InputError(f"not a readable Word document: {_reason(exc)}", path=path) from None


class _NotWord(Exception):
    """The package opened, but its main part is not a Word document body."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Run content and its text; w:br is a line break only when it is not a page or column break.
_RUN_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "br": "\n",
             _W + "noBreakHyphen": "-"}
# Text that is not shown as part of the document: deleted or moved-away revisions, ruby (phonetic
# guide) text over the base text.  (A w:delText is not in _RUN_TEXT at all.)
_NOT_SHOWN = {_W + "del", _W + "moveFrom", _W + "rt"}


def _paragraph_texts(body: Any) -> list[str]:
    """The text of every paragraph under ``body``, in document order: those in tables, content controls
    and text boxes too.  A paragraph holds the text of its own runs, wherever they are nested (tracked
    insertions, smart tags, hyperlinks, fields, content controls), but not that of a text box anchored
    in it: that box's paragraphs follow it, each on its own line."""
    paragraphs = [p for p in body.iter(_W + "p") if not any(_hidden(a) for a in p.iterancestors())]
    texts: dict[Any, list[str]] = {p: [] for p in paragraphs}
    for element in body.iter(*_RUN_TEXT):
        run = element.getparent()
        if run is None or run.tag != _W + "r":  # e.g. a w:tab tab stop in paragraph properties
            continue
        owner = _owning_paragraph(run)
        if owner is not None and owner in texts:
            texts[owner].append(_text_of(element))
    return ["".join(texts[p]) for p in paragraphs]


def _owning_paragraph(run: Any) -> Any:
    """The nearest paragraph around ``run``, or None if the run is not shown (deleted, ruby text)."""
    for ancestor in run.iterancestors():
        if _hidden(ancestor):
            return None
        if ancestor.tag == _W + "p":
            return ancestor
    return None


def _hidden(element: Any) -> bool:
    """Content not shown: a deleted revision, ruby text, or the fallback of a markup-compatibility
    choice (the same text box is written twice, once per choice; Word shows the first choice)."""
    if element.tag in _NOT_SHOWN:
        return True
    if element.tag == _MC + "Fallback":
        parent = element.getparent()
        return parent is not None and parent.find(_MC + "Choice") is not None
    return False


def _text_of(element: Any) -> str:
    text = _RUN_TEXT[element.tag]
    if text is None:
        return str(element.text or "")
    if element.tag == _W + "br" and element.get(_W + "type", "textWrapping") != "textWrapping":
        return ""
    return text


def _reason(exc: Exception) -> str:
    """Why a package could not be read, in words that quote nothing from the file."""
    if isinstance(exc, zlib.error):
        return "a part's compressed data is corrupt"
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip package, or a damaged one"
    if isinstance(exc, KeyError):
        return "a part it refers to is missing"
    name = type(exc).__name__
    if name == "XMLSyntaxError":
        return "a part is not well-formed XML"
    if name == "PackageNotFoundError":
        return "not an Office package"
    return f"malformed package ({name})"


def read(text: str, path: str) -> list[Message]:
    return [Message(text)]
