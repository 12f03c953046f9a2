"""Hostile Word and Excel files (issue 13, defects 6, 8 and 11): each is refused with one Chinese line,
quickly and within a bounded memory, or read whole; nothing else escapes the readers."""
from __future__ import annotations

import zipfile
from pathlib import Path

from helpers import hostile_files as h
import pytest

from goalform import cli
from goalform.domain import limits
from goalform.formats import docx_reader, importer, xlsx_reader
from goalform.formats.content import ReadError
from goalform.formats.docx_reader import read_docx
from goalform.formats.importer import import_file
from goalform.formats.xlsx_reader import read_xlsx

BOMB = limits.MAX_ZIP_MEMBER_BYTES + (1 << 20)  # just past the per-part limit: a few kB compressed


def test_fifty_thousand_rows_are_refused_at_the_limit(tmp_path: Path) -> None:
    path = h.xlsx_many_rows(tmp_path / "rows.xlsx", 50_000)
    with pytest.raises(ReadError, match=f"第 {limits.MAX_IMPORT_ROWS + 1} 行有内容，超过导入上限"):
        read_xlsx(path)


def test_rows_up_to_the_limit_are_read_whole(tmp_path: Path) -> None:
    path = h.xlsx_many_rows(tmp_path / "rows.xlsx", 3_000)
    content = read_xlsx(path)
    assert len(content.rows) == 3_003 and content.rows[-1][:3] == ["产出指标", "数量指标", "指标2999"]


def test_a_cell_at_the_last_address_is_refused_not_walked(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="第 1048576 行有内容"):
        read_xlsx(h.xlsx_far_cell(tmp_path / "far.xlsx"))
    with pytest.raises(ReadError, match="XFD1 格有内容，超过导入上限 64 列"):
        read_xlsx(h.xlsx_far_cell(tmp_path / "wide.xlsx", "XFD1"))


def test_formatting_and_merges_over_the_whole_sheet_are_clipped(tmp_path: Path) -> None:
    # An empty, formatted cell far away and a merge from below the form to the sheet's end: the form
    # is read as it is, no row or column of theirs is walked.
    sheet = h.sheet_rows(h.FORM_ROWS) + '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    path = h.xlsx(tmp_path / "m.xlsx", sheet, after='<mergeCells><mergeCell ref="A5:XFD1048576"/></mergeCells>',
                  dimension="A1:XFD1048576")
    content = read_xlsx(path)
    assert content.rows[0][:2] == ["部门（单位）名称", "测试局"]
    assert len(content.rows) == len(h.FORM_ROWS) and all(len(row) <= 9 for row in content.rows)


def test_a_merge_over_the_whole_sheet_shows_its_first_cell_once(tmp_path: Path) -> None:
    content = read_xlsx(h.xlsx_merged_sheet(tmp_path / "all.xlsx"))
    assert content.rows[0] == ["部门（单位）名称"] and all(row == [""] for row in content.rows[1:])


def test_overlapping_merges_mean_a_damaged_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="相互重叠的合并单元格"):
        read_xlsx(h.xlsx_merged_sheet(tmp_path / "o.xlsx", count=1000))


def test_too_many_merged_ranges_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_MERGED_RANGES", 10)
    with pytest.raises(ReadError, match="合并单元格超过 10 处"):
        read_xlsx(h.xlsx_merged_sheet(tmp_path / "o.xlsx", "Z1:Z2", count=11))


@pytest.mark.parametrize("lie", [False, True], ids=["declared", "lying-header"])
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_zip_bombs_stop_at_the_part_limit(tmp_path: Path, kind: str, lie: bool) -> None:
    build = h.docx_bomb if kind == "docx" else h.xlsx_bomb
    path = build(tmp_path / f"bomb.{kind}", BOMB, lie=lie)
    assert path.stat().st_size < 100_000
    # A declared size over the limit is refused before inflating; a lying header inflates only up to
    # what it declared (zipfile stops there), and the truncated XML is reported as damage.
    with pytest.raises(ReadError, match="已损坏" if lie else "解压后超过 32 MB"):
        (read_docx if kind == "docx" else read_xlsx)(path)


def test_a_declared_size_past_the_limit_is_refused_before_inflating(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = h.docx_bomb(tmp_path / "bomb.docx", BOMB)
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("inflated"))
    with pytest.raises(ReadError, match="解压后超过"):
        read_docx(path)


def test_what_one_package_inflates_in_all_is_counted_chunk_by_chunk(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from goalform.formats import package

    monkeypatch.setattr(package, "MAX_ZIP_TOTAL_BYTES", 1 << 20)
    path = h.package(tmp_path / "p.zip", {"a": b" " * 600_000, "b": b" " * 600_000})
    with package.Package(path, "Word (.docx)") as pkg:
        assert len(pkg.read("a")) == 600_000
        with pytest.raises(ReadError, match="解压后超过 1 MB"):
            pkg.read("b")


@pytest.mark.parametrize("build, message", [
    (lambda p: h.docx_deep(p, 1500), "嵌套超过 256 层"),  # libxml2's own limit
    (lambda p: h.docx_deep(p, 200), f"嵌套超过 {limits.MAX_XML_DEPTH} 层"),  # ours, before recursing
    (lambda p: h.docx_deep_tables(p, 50), f"嵌套超过 {limits.MAX_XML_DEPTH} 层"),
    (h.docx_laughs, "含有 DTD 声明"),
    (lambda p: h.docx(p, h.word_table(h.FORM_ROWS + [["长" * (limits.MAX_CELL_CHARS + 1)]])), "超过导入上限 100000 字"),
    (lambda p: h.zip_many_members(p, limits.MAX_ZIP_MEMBERS + 1), "部件过多"),
], ids=["1500-deep", "200-deep", "nested-tables", "billion-laughs", "long-cell", "many-members"])
def test_hostile_word_files(tmp_path: Path, build, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        read_docx(build(tmp_path / "x.docx"))


def test_a_word_table_past_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_IMPORT_ROWS", 20)
    path = h.docx(tmp_path / "x.docx", h.word_table([["a", "b"]] * 21))
    with pytest.raises(ReadError, match="表格超过 20 行"):
        read_docx(path)
    path = h.docx(tmp_path / "y.docx", "<w:p/>" * 21)
    with pytest.raises(ReadError, match="正文超过 20 段"):
        read_docx(path)


@pytest.mark.parametrize("build, message", [
    (h.xlsx_laughs, "sheet1.xml 含有 DTD 声明"),
    (h.xlsx_xxe, "sharedStrings.xml 含有 DTD 声明"),
    (h.xlsx_malformed, "已损坏"),
    (lambda p: h.xlsx(p, h.sheet_rows(h.FORM_ROWS + [["长" * (limits.MAX_CELL_CHARS + 1)]])), "A4 格有 100001 个字"),
    (lambda p: h.xlsx(p, '<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), "已损坏"),  # no such shared string
    (lambda p: h.xlsx(p, '<row r="1"><c r="1A"><v>7</v></c></row>'), "已损坏"),  # no such cell address
], ids=["billion-laughs", "xxe", "malformed", "long-cell", "bad-string-index", "bad-reference"])
def test_hostile_excel_files(tmp_path: Path, build, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        read_xlsx(build(tmp_path / "x.xlsx"))


def test_the_xxe_target_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容")
    with pytest.raises(ReadError) as info:
        import_file(h.xlsx_xxe(tmp_path / "x.xlsx", secret.as_uri()))
    assert "机密内容" not in str(info.value)


@pytest.mark.parametrize("suffix, app", [(".xlsx", "Excel"), (".docx", "Word")])
def test_a_password_protected_file_is_called_encrypted(tmp_path: Path, suffix: str, app: str) -> None:
    path = h.encrypted_office(tmp_path / f"加密{suffix}")
    with pytest.raises(ReadError, match=f"设有打开密码.*请在 {app} 中打开它，取消密码"):
        import_file(path)


def test_a_renamed_old_office_file_is_still_called_old(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ReadError, match="旧版 Office 文件"):
        import_file(path)


@pytest.mark.parametrize("error, message", [(MemoryError, "内存不足"), (RecursionError, "嵌套过深")])
def test_memory_and_recursion_errors_become_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture, error: type, message: str) -> None:
    def explode(path: Path) -> None:
        raise error()

    monkeypatch.setattr(importer, "read_xlsx", explode)
    path = h.xlsx(tmp_path / "x.xlsx", h.sheet_rows(h.FORM_ROWS))
    assert cli.main(["import", str(path), "-o", str(tmp_path / "x.goal")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


HOSTILE = {
    "rows.xlsx": lambda p: h.xlsx_many_rows(p, 12_000),
    "far.xlsx": h.xlsx_far_cell,
    "overlap.xlsx": lambda p: h.xlsx_merged_sheet(p, count=3),
    "bomb.xlsx": lambda p: h.xlsx_bomb(p, BOMB),
    "bomb.docx": lambda p: h.docx_bomb(p, BOMB),
    "deep.docx": h.docx_deep,
    "laughs.xlsx": h.xlsx_laughs,
    "xxe.xlsx": h.xlsx_xxe,
    "malformed.xlsx": h.xlsx_malformed,
    "locked.xlsx": h.encrypted_office,
    "fifo.xlsx": None,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_cli_refuses_each_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture, name: str) -> None:
    import os

    path = tmp_path / name
    if HOSTILE[name] is None:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)  # would block a reader forever
    else:
        HOSTILE[name](path)
    out = tmp_path / "out.goal"
    assert cli.main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("goalform: ") and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_100_mb_cell_is_refused_with_a_message(tmp_path: Path, suffix: str) -> None:
    """Issue 13, 11: the cell's text is never held; reading stops at the part limit."""
    if suffix == ".docx":
        table = h.word_table(h.FORM_ROWS + [["@"]])
        prefix, suffix_bytes = (f'<w:document xmlns:w="{h.W_NS}"><w:body>' + table).encode().split(b"@")
        path = h.deflate_bomb(tmp_path / "cell.docx", "word/document.xml", 100 << 20, prefix,
                              suffix_bytes + b"</w:body></w:document>",
                              others={"[Content_Types].xml": h._DOCX_TYPES, "_rels/.rels": h._DOCX_RELS})
    else:
        base = h.xlsx_xxe(tmp_path / "base.xlsx")  # a workbook with a shared-strings part, replaced below
        with zipfile.ZipFile(base) as zf:
            others = {n: zf.read(n) for n in zf.namelist() if n != "xl/sharedStrings.xml"}
        path = h.deflate_bomb(tmp_path / "cell.xlsx", "xl/sharedStrings.xml", 100 << 20,
                              f'<sst xmlns="{h.S_NS}"><si><t>'.encode(), b"</t></si></sst>", others=others)
    assert path.stat().st_size < 200_000
    with pytest.raises(ReadError, match="解压后超过 32 MB"):
        import_file(path)


def test_too_many_cells_with_text_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_IMPORT_CELLS", 100)
    path = h.xlsx(tmp_path / "x.xlsx", h.sheet_rows([[f"{r}-{c}" for c in range(20)] for r in range(6)]))
    with pytest.raises(ReadError, match="有文字的单元格超过 100 个"):
        read_xlsx(path)


@pytest.mark.parametrize("encoding, prolog", [
    ("utf-8", '<?xml version="1.0"?>\n<!-- a comment -->\n<?pi x?>  '),
    ("utf-8-sig", ""),
    ("utf-16", '<?xml version="1.0" encoding="UTF-16"?>'),
], ids=["after-comments", "utf8-bom", "utf16"])
def test_a_doctype_is_found_behind_any_prolog(tmp_path: Path, encoding: str, prolog: str) -> None:
    document = (f'{prolog}<!DOCTYPE w:document [<!ENTITY a "b">]><w:document xmlns:w="{h.W_NS}"><w:body>'
                f'{h.word_table(h.FORM_ROWS)}</w:body></w:document>')
    path = h.docx(tmp_path / "x.docx", "", extra={"word/document.xml": document.encode(encoding)})
    with pytest.raises(ReadError, match="含有 DTD 声明"):
        read_docx(path)
    clean = document.replace('<!DOCTYPE w:document [<!ENTITY a "b">]>', "")
    assert read_docx(h.docx(tmp_path / "y.docx", "", extra={"word/document.xml": clean.encode(encoding)})).rows
