"""Library sheets: what we export imports back exactly; a bureau's sheet with merged cells, blank
rows, a title, extra columns and columns in another order imports; bad files get a clear message."""
from __future__ import annotations

import openpyxl
import pytest

from goalform.domain.library import SOURCE_BUREAU, SOURCE_MINE, LibraryEntry
from goalform.formats.reading import ReadError
from goalform.formats.library_xlsx import read_library, write_library
from goalform.store.library import builtin_entries

TRICKY = [
    LibraryEntry("管理效率", "预算执行", "=HYPERLINK(\"http://x\")", "+1 解释\n第二行", "-5%"),
    LibraryEntry("管理效率", "预算执行", "@提及", "", "100", SOURCE_MINE, "甲.goal"),
    LibraryEntry("满意度", "服务对象满意度", "服务对象满意度", "对 <b> & “引号”", "≥90%", SOURCE_BUREAU, "局.xlsx"),
]


def test_export_then_import_is_exact(tmp_path):
    entries = builtin_entries() + TRICKY
    path = write_library(tmp_path / "库.xlsx", entries)
    sheet = read_library(path)
    assert sheet.problems == []
    assert [e.content for e in sheet.entries] == [e.content for e in entries]
    assert {e.source for e in sheet.entries} == {SOURCE_BUREAU} and sheet.entries[0].source_label == "库.xlsx"
    ws = openpyxl.load_workbook(path).active
    formula_cell = ws.cell(row=len(builtin_entries()) + 2, column=3)
    assert formula_cell.data_type == "s" and formula_cell.value.startswith("=")  # text, never a formula
    assert ws.cell(row=len(builtin_entries()) + 3, column=6).value == "我的表：甲.goal"


def test_a_bureau_sheet_with_merged_cells_blank_rows_and_extra_columns(tmp_path):
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "说明"
    cover["A1"] = "本表由市财政局发布"
    ws = wb.create_sheet("共性指标")
    ws["A1"] = "某市部门整体绩效共性指标库（2026年）"
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["序号", "一级指标", "二级指标", "三级指标", "指标解释", "备注", "参考值"])
    ws.append([1, "运行\n成本", "公用经费控制", "公用经费控制率", "实际/预算", "x", 1])
    ws.append([2, None, None, "会议费控制率", None, None, None])
    ws.append([None] * 7)
    ws.append([3, None, "“三公”经费控制", "“三公”经费变动率", "变动比率", None, "≤0%"])
    ws.merge_cells("B4:B7")
    ws.merge_cells("C4:C5")
    ws.append([4, "管理效率", "预算执行", "预算执行率", "完成数/调整预算数", None, 0.95])
    ws["G8"].number_format = "0%"
    ws.append([5, None, None, None, "只有解释的行", None, None])
    ws.append([6, "满意度", None, "满意度", None, None, None])
    ws.append([7, "产出指标", "数量指标", "培训人次", None, None, None])  # a project form's 一级, not ours
    path = tmp_path / "财政局.xlsx"
    wb.save(path)
    sheet = read_library(path)
    assert sheet.sheet == "共性指标"
    assert [e.content for e in sheet.entries] == [
        ("运行成本", "公用经费控制", "公用经费控制率", "实际/预算", "1"),
        ("运行成本", "公用经费控制", "会议费控制率", "", ""),
        ("运行成本", "“三公”经费控制", "“三公”经费变动率", "变动比率", "≤0%"),
        ("管理效率", "预算执行", "预算执行率", "完成数/调整预算数", "95%"),
    ]
    assert [(p.row, p.reason) for p in sheet.problems][:2] == [(9, "没有三级指标"), (10, "不知道属于哪个二级指标")]
    assert sheet.problems[2].row == 11 and sheet.problems[2].reason.startswith("「产出指标」不是表中的一级指标（运行成本、")


def test_files_that_are_not_library_sheets(tmp_path):
    with pytest.raises(ReadError, match="找不到文件"):
        read_library(tmp_path / "none.xlsx")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ReadError, match="不是有效的 Excel"):
        read_library(tmp_path / "bad.xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(ReadError, match="找不到指标库的表头"):
        read_library(tmp_path / "other.xlsx")
