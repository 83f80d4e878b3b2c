"""Read an input file as text: UTF-8 (with or without BOM), else GB18030 (a superset of GBK)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from collectlint.errors import InputError, SkippedInput

MAX_BYTES = 64 * 1024 * 1024


# Characters frequent in Chinese text of either script: a decoding that yields few of them is the
# wrong one (Big5 read as GBK, or GBK read as Big5, produces rare characters).
_COMMON = frozenset(
    "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好"
    "都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此"
    "實這個們為來說時國會對後裡麼們開還發經動與過點應該請您款額期日號銀行卡帳戶繳費逾欠債務電話客服聯絡謝元月年"
    "请您款额期号银行卡账户缴费逾欠债务电话客服联络谢元月"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030" or "big5"


def looks_binary(data: bytes) -> bool:
    """Binary data: NUL bytes that are not UTF-16 text (a stray NUL in a text file is not binary)."""
    head = data[:8192]
    if b"\x00" not in head or _utf16(head) is not None:
        return False
    return head.count(b"\x00") > max(1, len(head) // 100)


def _utf16(data: bytes) -> str | None:
    """The encoding of BOM-less UTF-16 text, if the bytes read as plain text that way."""
    sample = data[: len(data) // 2 * 2]
    if len(sample) < 4:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
        if printable >= 0.97 * len(text) and _common_share(text) >= 0.2:
            return encoding
    return None


def _common_share(text: str) -> float:
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not han:
        return 1.0
    return sum(1 for c in han if c in _COMMON) / len(han)


def decode_bytes(data: bytes, path: str) -> Decoded:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}", path=path) from None
    if looks_binary(data):
        raise SkippedInput("binary file (contains NUL bytes), skipped", path=path)
    bom_less = _utf16(data[:8192]) if b"\x00" in data[:8192] else None
    if bom_less is not None:
        try:
            return Decoded(data.decode(bom_less), bom_less)
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}", path=path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(_no_nul(data[3:].decode("utf-8")), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-8 after the BOM at byte {exc.start + 3}", path=path) from None
    try:
        return Decoded(_no_nul(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as utf8_error:
        before = data[: utf8_error.start]
        if any(b >= 0x80 for b in before):
            # Valid multi-byte UTF-8 came first: this is UTF-8 with a damaged byte, not another encoding.
            raise InputError(f"invalid UTF-8 at byte {utf8_error.start} (the rest of the file is UTF-8)",
                             path=path) from None
        candidates = []
        for encoding in ("gb18030", "big5"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            candidates.append((_common_share(text), encoding == "gb18030", encoding, text))
        if not candidates:
            raise InputError(f"cannot decode: not UTF-8 (bad byte at {utf8_error.start}), GB18030 or Big5",
                             path=path) from None
        share, _, encoding, text = max(candidates)
        if share < 0.2:
            raise InputError(f"cannot tell the encoding: not UTF-8 (bad byte at {utf8_error.start}), and neither "
                             "GB18030 nor Big5 gives readable Chinese", path=path) from None
        return Decoded(_no_nul(text), encoding)


def _no_nul(text: str) -> str:
    """A stray NUL in a text file becomes a space, so offsets stay and the text is still checked."""
    return text.replace("\x00", " ") if "\x00" in text else text


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
