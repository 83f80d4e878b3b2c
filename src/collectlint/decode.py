"""Read an input file as text: a BOM (UTF-8, UTF-16, UTF-32) decides; else BOM-less UTF-32 or UTF-16 if the
bytes read plausibly that way; else UTF-8, GB18030 (a superset of GBK) or Big5."""

from __future__ import annotations

import codecs
from pathlib import Path

from collectlint.errors import InputError, SkippedInput
from collectlint.lazyre import lazy_compile
from collectlint.record import record

MAX_BYTES = 64 * 1024 * 1024


# Characters frequent in Chinese text of either script: a decoding that yields few of them is the
# wrong one (Big5 read as GBK, or GBK read as Big5, produces rare characters).
_COMMON = frozenset(
    "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好"
    "都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此"
    "實這個們為來說時國會對後裡麼們開還發經動與過點應該請您款額期日號銀行卡帳戶繳費逾欠債務電話客服聯絡謝元月年"
    "请您款额期号银行卡账户缴费逾欠债务电话客服联络谢元月"
)


# Byte-order marks, longest first: the UTF-32LE BOM begins with the UTF-16LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_WHITESPACE = "\t\n\r\f\v"


@record(frozen=True)
class Decoded:
    text: str
    # The exact encoding read, so ``fix.encode`` writes the same bytes back: "utf-8", "gb18030", "big5",
    # "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"; with a "-sig" suffix when the file starts
    # with a BOM ("utf-8-sig", "utf-16-be-sig", ...).
    encoding: str


def looks_binary(data: bytes) -> bool:
    """Binary data: NUL bytes in something that is not text.  UTF-16/UTF-32 text is not binary, and
    neither is UTF-8 text with a few stray NULs: it takes mostly NULs or other control characters."""
    head = data[:8192]
    if b"\x00" not in head or _utf32(head) is not None or _utf16(head) is not None:
        return False
    text = _prefix(head, "utf-8") or _prefix(head, "gb18030")
    if text is None:  # not text in any encoding read here: only a NUL or so is taken for a stray one
        return head.count(b"\x00") > max(1, len(head) // 100)
    nuls = text.count("\x00")
    controls = sum(1 for c in text if c < " " and c not in _WHITESPACE) - nuls
    return nuls > 0.3 * len(text) or controls > 0.05 * len(text)


def _prefix(data: bytes, encoding: str) -> str | None:
    """``data`` decoded, allowing a character cut off at the end (``data`` may be the head of a file)."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return None


def _utf16(data: bytes) -> str | None:
    """The encoding of BOM-less UTF-16 text, if the bytes read as plain text that way."""
    return _plausible(data, ("utf-16-le", "utf-16-be"))


def _utf32(data: bytes) -> str | None:
    """The encoding of BOM-less UTF-32 text, if the bytes read as plain text that way."""
    return _plausible(data, ("utf-32-le", "utf-32-be"))


def _plausible(data: bytes, encodings: tuple[str, ...]) -> str | None:
    """The first of ``encodings`` in which ``data`` reads as text: printable, and Chinese (if any)
    made of common characters."""
    for encoding in encodings:
        text = _prefix(data, encoding)
        if not text or len(text) < 2:
            continue
        printable = sum(1 for c in text if c.isprintable() or c in _WHITESPACE)
        if printable >= 0.97 * len(text) and _common_share(text) >= 0.2:
            return encoding
    return None


def _common_share(text: str) -> float:
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not han:
        return 1.0
    return sum(1 for c in han if c in _COMMON) / len(han)


def _decode_unicode(data: bytes, encoding: str, path: str, offset: int = 0) -> str:
    """``data`` decoded strictly; an error names the byte (``offset`` bytes of BOM precede ``data``)."""
    try:
        return _no_nul(data.decode(encoding))
    except UnicodeDecodeError as exc:
        name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        raise InputError(f"invalid {name} at byte {exc.start + offset}", path=path) from None


def decode_bytes(data: bytes, path: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode_unicode(data[len(bom):], encoding, path, len(bom)), f"{encoding}-sig")
    if looks_binary(data):
        raise SkippedInput("binary file (contains NUL bytes), skipped", path=path)
    if b"\x00" in data[:8192]:
        bom_less = _utf32(data[:8192]) or _utf16(data[:8192])
        if bom_less is not None:
            return Decoded(_decode_unicode(data, bom_less, path), bom_less)
    try:
        text = data.decode("utf-8")
        if text.isascii():
            seven_bit = _seven_bit_chinese(data)
            if seven_bit is not None:
                return Decoded(_no_nul(seven_bit[1]), seven_bit[0])
        return Decoded(_no_nul(text), "utf-8")
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


_HZ = lazy_compile(rb"~\{[\x21-\x7e]{4,}~\}")
_UTF7 = lazy_compile(rb"\+[A-Za-z0-9+/]{4,}-?")


def _seven_bit_chinese(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) when ASCII bytes are really Chinese in a 7-bit encoding (HZ's ~{...~}, UTF-7's
    +...-), read as such only when the result is common Chinese; None otherwise."""
    for encoding, marker in (("hz", _HZ), ("utf-7", _UTF7)):
        if not marker.search(data):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        han = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
        if han >= 4 and _common_share(text) >= 0.3:
            return encoding, text
    return None


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
