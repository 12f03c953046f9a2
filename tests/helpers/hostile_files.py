"""Hostile Word and Excel files, written as raw zip packages (fast, and exactly as an attacker shapes them).

Used by the reader-budget tests, the fuzz test and ``bench/bench_import.py``. Every builder takes the
path to write and returns it; sizes are parameters so tests can keep to a few MB while the attack runs
use the real sizes (a 4 GB-inflating member compresses to about 4 MB).
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from openpyxl.utils import get_column_letter as _col

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

_DOCX_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
               'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
               'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
               '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
               'wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
              'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
              'Target="word/document.xml"/></Relationships>')
_XLSX_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
               'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
               'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
               '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
               'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
               'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_XLSX_RELS = _DOCX_RELS.replace("word/document.xml", "xl/workbook.xml")
_WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets>'
             '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_RELS}"><Relationship '
                  'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                  'Target="worksheets/sheet1.xml"/></Relationships>')

# A few labelled rows, so that a sheet or document reads as a form when nothing else is wrong.
FORM_ROWS = [["部门（单位）名称", "测试局"], ["年度目标"], ["一级指标", "二级指标", "三级指标", "指标值"]]


def docx(path: Path, body: str, extra: dict[str, bytes | str] | None = None) -> Path:
    """A .docx whose document.xml holds ``body`` inside w:body."""
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return package(path, {"[Content_Types].xml": _DOCX_TYPES, "_rels/.rels": _DOCX_RELS,
                          "word/document.xml": document, **(extra or {})})


def xlsx(path: Path, sheet_data: str, after: str = "", dimension: str = "", extra: dict | None = None) -> Path:
    """A .xlsx with one sheet: ``sheet_data`` inside sheetData, ``after`` (mergeCells) behind it."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S_NS}" xmlns:r="{R_NS}">{dim}'
             f'<sheetData>{sheet_data}</sheetData>{after}</worksheet>')
    parts = {"[Content_Types].xml": _XLSX_TYPES, "_rels/.rels": _XLSX_RELS, "xl/workbook.xml": _WORKBOOK,
             "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet}
    parts.update(extra or {})
    return package(path, parts)


def package(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data.encode() if isinstance(data, str) else data)
    return path


def word_table(rows: list[list[str]]) -> str:
    def tc(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    return "<w:tbl>" + "".join("<w:tr>" + "".join(tc(t) for t in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def sheet_rows(rows: list[list[str]], first_row: int = 1) -> str:
    """sheetData rows with inline strings."""
    out = []
    for r, row in enumerate(rows, start=first_row):
        cells = "".join(f'<c r="{_col(c)}{r}" t="inlineStr"><is><t>{t}</t></is></c>'
                        for c, t in enumerate(row, start=1) if t)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


# -- the attacks ------------------------------------------------------------------------------------
def xlsx_many_rows(path: Path, rows: int) -> Path:
    """``rows`` filled rows of nine cells under the form's labels (50,000 was quadratic before)."""
    body = [["一级指标", "二级指标", "三级指标", "指标值"]]
    body += [["产出指标", "数量指标", f"指标{i}", "≥95%", "", "", "", "", "x"] for i in range(rows)]
    return xlsx(path, sheet_rows(FORM_ROWS[:2] + body))


def xlsx_shared_string_bomb(path: Path, rows: int, chars: int = 90_000, columns: int = 9,
                            header: list[str] | None = None) -> Path:
    """``rows`` rows of ``columns`` cells that all show one ``chars``-character shared string: a file of
    a few KB that expands to rows x columns x chars characters (issue 23). ``header``: a first row
    (a library sheet's); without one, the rows follow the form's labels (FORM_ROWS)."""
    strings = ("预" * chars,) + tuple(header or ())
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{S_NS}" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>")
    first = 1
    body = []
    if not header:
        body.append(sheet_rows(FORM_ROWS))
        first = len(FORM_ROWS) + 1
    else:
        body.append('<row r="1">' + "".join(f'<c r="{_col(c)}1" t="s"><v>{c}</v></c>'
                                            for c in range(1, len(header) + 1)) + "</row>")
        first = 2
    for r in range(first, first + rows):
        body.append(f'<row r="{r}">' + "".join(f'<c r="{_col(c)}{r}" t="s"><v>0</v></c>'
                                               for c in range(1, columns + 1)) + "</row>")
    rels = _WORKBOOK_RELS.replace("</Relationships>", '<Relationship Id="rId2" Type="http://schemas.openxmlformats.'
                                  'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                  "</Relationships>")
    return xlsx(path, "".join(body), extra={"xl/sharedStrings.xml": sst, "xl/_rels/workbook.xml.rels": rels})


def xlsx_far_cell(path: Path, ref: str = "XFD1048576") -> Path:
    """A small form plus one cell at the sheet's last address."""
    far = f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx(path, sheet_rows(FORM_ROWS) + far, dimension=f"A1:{ref}")


def xlsx_merged_sheet(path: Path, ref: str = "A1:XFD1048576", count: int = 1) -> Path:
    """A small form under merged ranges covering the whole sheet (``count`` copies)."""
    merges = "".join(f'<mergeCell ref="{ref}"/>' for _ in range(count))
    return xlsx(path, sheet_rows(FORM_ROWS), after=f'<mergeCells count="{count}">{merges}</mergeCells>')


def xlsx_empty_styled_cells(path: Path, cells: int) -> Path:
    """``cells`` formatted but empty cells (what a sheet formatted down to row 1,048,576 carries)."""
    body = "".join(f'<row r="{r}"><c r="A{r}" s="0"/></row>' for r in range(4, cells + 4))
    return xlsx(path, sheet_rows(FORM_ROWS) + body)


def deflate_bomb(path: Path, name: str, inflated: int, prefix: bytes, suffix: bytes = b"",
                 lie: bool = False, others: dict[str, bytes | str] | None = None) -> Path:
    """A zip whose ``name`` inflates to ``inflated`` bytes of spaces between prefix and suffix.

    With ``lie`` the local and central headers declare a tiny size, so only reading in chunks stops it.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(prefix)
    chunks = [comp.compress(prefix)]
    block = b" " * (1 << 20)
    left = inflated
    while left > 0:
        piece = block[:min(left, len(block))]
        crc = zlib.crc32(piece, crc)
        chunks.append(comp.compress(piece))
        left -= len(piece)
    crc = zlib.crc32(suffix, crc)
    chunks.append(comp.compress(suffix))
    chunks.append(comp.flush())
    data = b"".join(chunks)
    size = len(prefix) + inflated + len(suffix)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for other, content in (others or {}).items():
            zf.writestr(other, content.encode() if isinstance(content, str) else content)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        declared = 1000 if lie else size
        # Write the member by hand: zipfile would compress it again.
        offset = zf.fp.tell()
        zip64 = declared >= 0xFFFFFFFF or len(data) >= 0xFFFFFFFF
        extra = struct.pack("<HHQQ", 1, 16, declared, len(data)) if zip64 else b""
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 45 if zip64 else 20, 0, 8, 0, 0, crc,
                             0xFFFFFFFF if zip64 else len(data), 0xFFFFFFFF if zip64 else declared,
                             len(name), len(extra))
        zf.fp.write(header + name.encode() + extra + data)
        info.header_offset = offset
        info.CRC = crc
        info.compress_size = len(data)
        info.file_size = declared
        info.flag_bits = 0
        info.create_version = info.extract_version = 45 if zip64 else 20
        zf.filelist.append(info)
        zf.NameToInfo[name] = info
        zf.start_dir = zf.fp.tell()
        zf._didModify = True
    return path


def docx_bomb(path: Path, inflated: int, lie: bool = False) -> Path:
    prefix = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    return deflate_bomb(path, "word/document.xml", inflated, prefix, b"</w:t></w:r></w:p></w:body></w:document>",
                        lie=lie, others={"[Content_Types].xml": _DOCX_TYPES, "_rels/.rels": _DOCX_RELS})


def xlsx_bomb(path: Path, inflated: int, lie: bool = False) -> Path:
    prefix = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S_NS}"><sheetData>'.encode()
    others = {"[Content_Types].xml": _XLSX_TYPES, "_rels/.rels": _XLSX_RELS, "xl/workbook.xml": _WORKBOOK,
              "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS}
    return deflate_bomb(path, "xl/worksheets/sheet1.xml", inflated, prefix, b"</sheetData></worksheet>",
                        lie=lie, others=others)


def docx_deep(path: Path, depth: int = 1500) -> Path:
    """A run nested ``depth`` elements deep (RecursionError in the old reader)."""
    inner = "<w:smartTag>" * depth + "<w:r><w:t>深</w:t></w:r>" + "</w:smartTag>" * depth
    return docx(path, f"<w:p>{inner}</w:p>" + word_table(FORM_ROWS))


def docx_deep_tables(path: Path, depth: int = 300) -> Path:
    """Tables nested in cells ``depth`` deep."""
    inner = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return docx(path, word_table(FORM_ROWS).replace("测试局", "测试局</w:t></w:r></w:p>" + inner + "<w:p><w:r><w:t>"))


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>")


def xlsx_laughs(path: Path) -> Path:
    """Billion laughs in the sheet: the 1 GB expansion must never happen."""
    sheet = (f'<?xml version="1.0"?>{LAUGHS}<worksheet xmlns="{S_NS}"><sheetData><row r="1"><c r="A1" '
             f't="inlineStr"><is><t>&lol9;</t></is></c></row>{sheet_rows(FORM_ROWS, 2)}</sheetData></worksheet>')
    return xlsx(path, "", extra={"xl/worksheets/sheet1.xml": sheet})


def docx_laughs(path: Path) -> Path:
    document = (f'<?xml version="1.0"?>{LAUGHS}<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;'
                f'</w:t></w:r></w:p>{word_table(FORM_ROWS)}</w:body></w:document>')
    return docx(path, "", extra={"word/document.xml": document})


def xlsx_xxe(path: Path, target: str = "file:///etc/passwd") -> Path:
    strings = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "{target}">]><sst xmlns="{S_NS}" count="1" '
               'uniqueCount="1"><si><t>&xxe;</t></si></sst>')
    rels = _WORKBOOK_RELS.replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.openxmlformats.'
                                  'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                  "</Relationships>")
    data = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + sheet_rows(FORM_ROWS, 2)
    return xlsx(path, data, extra={"xl/sharedStrings.xml": strings, "xl/_rels/workbook.xml.rels": rels})


def xlsx_malformed(path: Path) -> Path:
    return xlsx(path, sheet_rows(FORM_ROWS) + "<row r='9'><c r='A9'><v>1</v></row>")


def zip_many_members(path: Path, members: int) -> Path:
    """A docx with ``members`` empty parts (a central directory bomb)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        docx_parts = {"[Content_Types].xml": _DOCX_TYPES, "_rels/.rels": _DOCX_RELS}
        for name, data in docx_parts.items():
            zf.writestr(name, data)
        for i in range(members):
            zf.writestr(f"m/{i}", b"")
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{word_table(FORM_ROWS)}</w:body></w:document>')
    return path


def encrypted_office(path: Path) -> Path:
    """An OLE2 compound file as Office writes a password-protected .xlsx/.docx (EncryptionInfo and
    EncryptedPackage streams), built to the [MS-CFB] layout: header, one FAT sector, one directory sector."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<L", header, 0x2C, 1)  # FAT sectors
    struct.pack_into("<L", header, 0x30, 1)  # first directory sector
    struct.pack_into("<L", header, 0x38, 4096)  # mini stream cutoff
    struct.pack_into("<L", header, 0x3C, 0xFFFFFFFE)
    struct.pack_into("<L", header, 0x44, 0xFFFFFFFE)
    struct.pack_into("<L", header, 0x4C, 0)  # DIFAT[0]: the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<L", header, 0x4C + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<LL", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)  # sector 0: FAT, sector 1: directory (end)

    def entry(name: str, kind: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        e = bytearray(128)
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<LLL", e, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<LL", e, 116, 0xFFFFFFFE, 0)
        return bytes(e)

    directory = (entry("Root Entry", 5, child=1) + entry("EncryptionInfo", 2, right=2)
                 + entry("EncryptedPackage", 2) + bytes(128))
    path.write_bytes(bytes(header) + bytes(fat) + directory)
    return path
