"""Read an input file as text: UTF-8 (with or without BOM), else GB18030 (a superset of GBK)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from collectlint.errors import InputError, SkippedInput

MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig" or "gb18030"


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def decode_bytes(data: bytes, path: str) -> Decoded:
    if looks_binary(data):
        raise SkippedInput("binary file (contains NUL bytes), skipped", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-8 after the BOM at byte {exc.start + 3}", path=path) from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            raise InputError(
                f"cannot decode: not UTF-8 (bad byte at {utf8_error.start}) and not GB18030/GBK", path=path
            ) from None


def read_bytes(path: Path) -> bytes:
    display = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB, not checked", path=display)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=display) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=display) from None
    except PermissionError:
        raise InputError("permission denied", path=display) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=display) from None
