"""Hostile inputs for the readers: malformed and hidden-text ``.docx`` packages, UTF-32 and stray NULs,
and ``--fix`` keeping the exact byte order and BOM of a UTF-16/UTF-32 file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from collectlint.cli import cli
from collectlint.decode import decode_bytes
from collectlint.fix import encode
from collectlint.formats.docx import docx_text

THREAT = "再不还钱就让你坐牢。"
ID = "110105194912310021"
CARD = "6222021234567890128"

_CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{}</w:body></w:document>')


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def r(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def p(*inner: str) -> str:
    return "<w:p>" + "".join(inner) + "</w:p>"


def make_docx(path: Path, document: str, compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return path


def docx_bytes(tmp_path: Path, body: str) -> bytes:
    return make_docx(tmp_path / "t.docx", _DOC.format(body)).read_bytes()


# A1: a malformed but zip-valid package is one error for that file; the other files are still checked.

def _corrupt_deflate(path: Path, member: str) -> None:
    """Flip the bits of the compressed bytes of ``member``, so inflating it fails."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    name_len = int.from_bytes(data[info.header_offset + 26: info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28: info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start, start + info.compress_size):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("case", ["foreign-root", "corrupt-deflate", "no-body"])
def test_malformed_docx_is_one_error_and_other_files_are_checked(tmp_path: Path, case: str, jobs: str) -> None:
    bad = tmp_path / "bad.docx"
    if case == "foreign-root":
        make_docx(bad, "<root/>")
    elif case == "no-body":
        make_docx(bad, _DOC.replace("<w:body>{}</w:body>", ""))
    else:
        make_docx(bad, _DOC.format(p(r(THREAT)) * 50), zipfile.ZIP_DEFLATED)
        _corrupt_deflate(bad, "word/document.xml")
    ok = tmp_path / "ok.md"
    ok.write_text(THREAT + "\n", encoding="utf-8")
    code, out, err = run("check", "--jobs", jobs, "--select", "CN201", str(bad), str(ok))
    assert code == 2
    assert "internal error" not in out + err
    lines = [line for line in err.splitlines() if "bad.docx" in line]
    assert len(lines) == 1 and f"{bad}: not a readable Word document: " in lines[0], err
    assert f"{ok}:1:" in out and "[CN201]" in out


def test_encrypted_or_legacy_word_file_named_as_such(tmp_path: Path) -> None:
    f = tmp_path / "locked.docx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    code, _, err = run("check", str(f))
    assert code == 2 and f"{f}: not a readable Word document: an OLE compound file" in err


# S5: text in content controls, tracked insertions, smart tags, hyperlinks, text boxes and tables is read.

_HIDING_PLACES = {
    "sdt-block": f"<w:sdt><w:sdtPr/><w:sdtContent>{p(r(THREAT))}</w:sdtContent></w:sdt>",
    "sdt-inline": p(f"<w:sdt><w:sdtContent>{r(THREAT)}</w:sdtContent></w:sdt>"),
    "ins": p(f"<w:ins w:id='1' w:author='a'>{r(THREAT)}</w:ins>"),
    "smarttag": p(f"<w:smartTag w:uri='u' w:element='e'>{r(THREAT)}</w:smartTag>"),
    "hyperlink": p(f"<w:hyperlink w:anchor='x'>{r(THREAT)}</w:hyperlink>"),
    "customxml": p(f"<w:customXml w:element='e'>{r(THREAT)}</w:customXml>"),
    "fldsimple": p(f"<w:fldSimple w:instr='MERGEFIELD x'>{r(THREAT)}</w:fldSimple>"),
    "textbox-vml": p(f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{p(r(THREAT))}</w:txbxContent></v:textbox>"
                     "</v:shape></w:pict></w:r>"),
    "table": f"<w:tbl><w:tr><w:tc>{p(r(THREAT))}</w:tc></w:tr></w:tbl>",
}


@pytest.mark.parametrize("place", sorted(_HIDING_PLACES))
def test_docx_text_in_every_container_is_checked(tmp_path: Path, place: str) -> None:
    f = make_docx(tmp_path / f"{place}.docx", _DOC.format(_HIDING_PLACES[place]))
    code, out, err = run("check", "--select", "CN201", str(f))
    assert code == 1 and "[CN201]" in out, out + err
    assert "empty file" not in err


def test_docx_paragraphs_in_document_order_one_per_line(tmp_path: Path) -> None:
    alternate = ("<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx><w:txbxContent>"
                 + p(r("框内")) + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
                 "<w:txbxContent>" + p(r("框内")) + "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
                 "</mc:AlternateContent></w:r>")
    body = "".join([
        p(r("第一段")),
        f"<w:sdt><w:sdtContent>{p(r('控件'), '<w:hyperlink>' + r('链接') + '</w:hyperlink>')}</w:sdtContent></w:sdt>",
        f"<w:tbl><w:tr><w:tc>{p(r('甲'))}</w:tc><w:tc>{p(r('乙'))}</w:tc></w:tr></w:tbl>",
        p(r("前"), "<w:ins>" + r("插入") + "</w:ins>", "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>",
          "<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>", "<w:r><w:tab/><w:t>后</w:t><w:br/><w:t>行</w:t></w:r>"),
        p("<w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>", r("定位"), alternate, r("尾")),
        p(r("末段")),
    ])
    text = docx_text(docx_bytes(tmp_path, body), "t.docx")
    assert text.split("\n") == ["第一段", "控件链接", "甲", "乙", "前插入\t后", "行", "定位尾", "框内", "末段"]


def test_docx_headers_stay_out_and_shipped_letter_reads_as_before() -> None:
    letter = Path(__file__).parent / "templates" / "letters" / "letter.docx"
    lines = docx_text(letter.read_bytes(), str(letter)).split("\n")
    assert lines[0] == "催收函" and lines[3] == "再不还款，我们将把你列入失信被执行人名单。" and len(lines) == 6


# L6 / S3: UTF-32 with and without a BOM is decoded; stray NULs do not make a text file "binary".

@pytest.mark.parametrize(("codec", "bom"), [("utf-32", True), ("utf-32-le", True), ("utf-32-be", True),
                                            ("utf-32-le", False), ("utf-32-be", False)])
def test_utf32_is_decoded_and_checked(tmp_path: Path, codec: str, bom: bool) -> None:
    text = f"{THREAT}您的身份证号{ID}已登记。\n"
    data = ("\ufeff" if bom and codec != "utf-32" else "") + text
    f = tmp_path / "a.txt"
    f.write_bytes(data.encode(codec))
    code, out, err = run("check", "--select", "CN201,CN601", str(f))
    assert code == 1 and "[CN201]" in out and "[CN601]" in out, out + err
    visible = (out + err).replace("\ufffd", "").replace("\x00", "")
    assert ID not in visible and "binary" not in err


def test_big_endian_utf32_bom_is_not_taken_for_utf16() -> None:
    for codec, name in (("utf-32-le", "utf-32-le-sig"), ("utf-32-be", "utf-32-be-sig"),
                        ("utf-16-le", "utf-16-le-sig"), ("utf-16-be", "utf-16-be-sig")):
        decoded = decode_bytes(("\ufeff" + THREAT).encode(codec), "x.txt")
        assert (decoded.text, decoded.encoding) == (THREAT, name)


def test_truncated_utf32_is_an_input_error_not_binary(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes((THREAT * 3).encode("utf-32-le")[:-1])
    code, _, err = run("check", str(f))
    assert code == 2 and f"{f}: invalid UTF-32" in err


@pytest.mark.parametrize("text", ["再不还钱就让你坐牢。\0\0",
                                  "尊敬的客户您好请尽快还款否则再不还钱就让你坐牢\0谢谢\0\n"])
def test_a_text_file_with_stray_nuls_is_checked(tmp_path: Path, text: str) -> None:
    f = tmp_path / "sms.txt"
    f.write_bytes(text.encode("utf-8"))
    code, out, err = run("check", "--select", "CN201", str(f))
    assert code == 1 and "[CN201]" in out and "binary" not in err, out + err


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                                  b"\x00" * 64 + b"ab" + b"\x00" * 64])
def test_binary_data_is_still_skipped(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes(data)
    code, _, err = run("check", str(f))
    assert code == 0 and "binary" in err


# D4: --fix writes back the byte order and BOM it read.

@pytest.mark.parametrize(("codec", "bom"), [("utf-16-be", True), ("utf-16-le", True), ("utf-16-le", False),
                                            ("utf-16-be", False), ("utf-32-be", True), ("utf-32-le", True),
                                            ("utf-32-le", False)])
def test_fix_keeps_byte_order_and_bom(tmp_path: Path, codec: str, bom: bool) -> None:
    f = tmp_path / "n.txt"
    prefix = "\ufeff".encode(codec) if bom else b""
    f.write_bytes(prefix + f"您好，卡号{CARD}请按时还款。\r\n".encode(codec))
    run("check", "--fix", str(f))
    assert f.read_bytes() == prefix + "您好，卡号***************0128请按时还款。\r\n".encode(codec)


def test_encode_round_trips_every_decoded_encoding() -> None:
    for data in [("\ufeff" + THREAT).encode("utf-16-be"), ("\ufeff" + THREAT).encode("utf-32-le"),
                 THREAT.encode("utf-32-be"), (THREAT + "\r\n").encode("utf-16-le"), b"\xef\xbb\xbf" + THREAT.encode(),
                 THREAT.encode(), THREAT.encode("gb18030")]:
        decoded = decode_bytes(data, "x.txt")
        assert encode(decoded.text, decoded.encoding) == data, decoded.encoding
