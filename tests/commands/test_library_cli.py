"""goalform library: list, import, export, remove, reset; and validate's library hint."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from goalform import assets
from goalform.cli import main
from goalform.store.library import default_path


def listed(capsys, *args: str) -> list[dict]:
    assert main(["library", "list", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_export_import_round_trip_and_removal(tmp_path: Path, capsys) -> None:
    before = listed(capsys)
    assert len(before) == len(assets.indicator_library())
    out = tmp_path / "全部.xlsx"
    assert main(["library", "export", "-o", str(out)]) == 0
    assert f"已导出 {len(before)} 个指标" in capsys.readouterr().out
    # Edited by a bureau: one indicator added; imported, the library holds it from that file.
    wb = openpyxl.load_workbook(out)
    wb.active.append(["管理效率", "预算执行", "预算调剂率", "调剂数/预算数", "≤5%"])
    wb.save(out)
    assert main(["library", "import", str(out)]) == 0
    assert "导入 49 个指标" in capsys.readouterr().out
    after = listed(capsys)
    added = [e for e in after if e["name"] == "预算调剂率"]
    assert added and added[0]["source"] == "bureau" and added[0]["source_label"] == "全部.xlsx"
    # The same content, each indicator now from the bureau's file.
    assert sorted((e["level1"], e["level2"], e["name"], e["explanation"], e["reference"]) for e in after) == sorted(
        [(e["level1"], e["level2"], e["name"], e["explanation"], e["reference"]) for e in before]
        + [("管理效率", "预算执行", "预算调剂率", "调剂数/预算数", "≤5%")])
    assert [e["name"] for e in listed(capsys, "ystj")] == ["预算调剂率"]
    assert main(["library", "list", "--sources"]) == 0
    assert "财政部门：全部.xlsx  49 个指标" in capsys.readouterr().out
    assert main(["library", "remove", "--source", "全部.xlsx"]) == 0
    assert "已删除 49 个指标" in capsys.readouterr().out
    assert main(["library", "remove", "--source", "全部.xlsx"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_import_reports_rows_it_cannot_place(tmp_path: Path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["三级指标", "一级指标", "二级指标"])
    ws.append(["孤儿", None, None])
    ws.append(["预算执行率", "管理效率", "预算执行"])
    path = tmp_path / "局.xlsx"
    wb.save(path)
    assert main(["library", "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert "导入 1 个指标，1 行未能导入" in captured.out
    assert "第 2 行「孤儿」：不知道属于哪个一级指标" in captured.err


def test_unusable_input_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    for args in (["library", "import", str(tmp_path / "none.xlsx")], ["library", "export", "-o", str(tmp_path / "x.txt")],
                 ["library", "export", "-o", str(tmp_path / "no" / "such" / "x.xlsx")]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.startswith("goalform: ") and len(err.strip().splitlines()) == 1


def test_a_damaged_library_is_reported_and_reset_rebuilds_it(capsys) -> None:
    assert main(["library", "list"]) == 0
    path = default_path()
    path.write_bytes(b"garbage" * 100)
    assert main(["library", "list"]) == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and len(err.strip().splitlines()) == 1
    assert main(["library", "reset"]) == 0
    assert "原文件改名为" in capsys.readouterr().out
    assert main(["library", "list", "ysz"]) == 0
    assert "预算执行率" in capsys.readouterr().out
    assert [p for p in path.parent.iterdir() if ".damaged-" in p.name]


def test_validate_hints_at_an_indicator_outside_its_library_place(tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.goal"
    main(["new", "--template", "2026", "-o", str(out)])
    from goalform.store.document import Document

    with Document.open(out) as doc:
        cost = doc.roots("long_term")[0]
        level2 = doc.children(cost)[0]
        doc.insert_indicator(level2, 0, name="预算执行率", value="100%")
        doc.save()
    capsys.readouterr()
    main(["validate", str(out)])
    output = capsys.readouterr().out
    assert "[提示] 长期指标「预算执行率」在指标库中属于「管理效率／预算执行」" in output


def test_a_sheet_no_row_of_which_can_be_taken_names_every_row_and_why(tmp_path: Path, capsys) -> None:
    """Issue 22, item 8: all rows under 一级 the form does not have used to give a bare 「没有可导入的指标」."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标解释", "参考值"])
    ws.append(["社会效益", "民生改善", "受益人数", "", "≥1000人"])
    ws.append(["生态效益", "环境改善", "绿化面积", "", "≥10亩"])
    ws.append([None, None, None, "只有说明", None])
    path = tmp_path / "外地.xlsx"
    wb.save(path)
    before = listed(capsys)
    assert main(["library", "import", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("goalform: 未导入 第 2 行「社会效益 民生改善 受益人数 ≥1000人」：「社会效益」不是表中的一级指标（")
    assert err[1].startswith("goalform: 未导入 第 3 行「生态效益 环境改善 绿化面积 ≥10亩」：「生态效益」不是表中的一级指标")
    assert err[2] == "goalform: 未导入 第 4 行「只有说明」：没有三级指标"
    assert err[3] == "goalform: 「外地.xlsx」中没有可导入的指标：3 行都未能导入（见上），指标库未改动"
    assert len(err) == 4
    assert listed(capsys) == before  # nothing changed


def test_a_sheet_with_a_header_and_no_rows_is_unusable(tmp_path: Path, capsys) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["一级指标", "二级指标", "三级指标"])
    path = tmp_path / "空.xlsx"
    wb.save(path)
    assert main(["library", "import", str(path)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == ["goalform: 「空.xlsx」的表头下没有任何指标行"]
