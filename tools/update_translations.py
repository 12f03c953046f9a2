"""Refresh the GUI's translation files: extract the strings (pyside6-lupdate), fill in the English
ones known below, compile the .qm (pyside6-lrelease).

Usage: .venv/bin/python tools/update_translations.py
New strings without an English text stay unfinished in goalform_en.ts (shown in Chinese); translate
them here or in Qt Linguist (pyside6-linguist) and run this again.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "goalform_en.ts"

ENGLISH = {
    "修改%1": "Edit %1", "修改金额": "Edit amount", "重命名指标": "Rename indicator", "修改指标值": "Edit indicator value",
    "添加二级指标": "Add level-2 indicator", "添加三级指标": "Add level-3 indicator", "删除指标": "Delete indicator",
    "移动指标": "Move indicator", "新建…": "New…", "打开…": "Open…", "以只读方式打开…": "Open read-only…",
    "保存": "Save", "另存为…": "Save as…", "导入 Word/Excel…": "Import Word/Excel…", "导出…": "Export…",
    "打印预览…": "Print preview…", "打印…": "Print…", "结转到下一年…": "Roll over to next year…",
    "与另一文件比较…": "Compare with another file…", "关闭": "Close", "退出": "Quit", "最近打开": "Recent files",
    "未命名表格": "untitled form", "保存修改": "Save changes",
    "「%1」有未保存的修改。关闭前要保存吗？": "“%1” has unsaved changes. Save them before closing?",
    "新建失败": "Could not create the form", "以只读方式打开": "Open read-only", "打开": "Open",
    "无法打开文件": "Cannot open the file", "（无）": "(none)", "清除列表": "Clear list", "另存为": "Save as",
    "保存失败": "Save failed", "已保存到 %1": "Saved to %1", "恢复未保存的工作": "Recover unsaved work",
    "goalform 上次没有正常关闭。发现「%1」在 %2 的未保存修改。\n要恢复吗？":
        "goalform did not close normally last time. Unsaved changes to “%1” from %2 were found.\nRecover them?",
    "恢复": "Recover", "丢弃": "Discard", "以后再说": "Later", "无法恢复": "Cannot recover",
    "功能不可用": "Not available", "此版本的 goalform 尚未包含这个功能。": "This version of goalform does not include this feature yet.",
    "导入": "Import", "Word 或 Excel 表格 (*.docx *.xlsx)": "Word or Excel forms (*.docx *.xlsx)",
    "导入失败": "Import failed", "导入报告": "Import report", "导出": "Export",
    "Word 文档 (*.docx);;Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)": "Word document (*.docx);;Excel workbook (*.xlsx);;PDF file (*.pdf)",
    "导出失败": "Export failed", "已导出到 %1": "Exported to %1", "打印失败": "Printing failed",
    "结转失败": "Rollover failed", "已结转为 %1 年的新表格，请另存。": "Rolled over to a new form for %1; please save it.",
    "与另一文件比较": "Compare with another file", "比较失败": "Comparison failed", "比较结果": "Comparison",
    "两个文件内容相同。": "The two files have the same content.", "检查结果": "Findings", "没有发现问题": "No problems found",
    "部门名称": "Department", "填报人": "Filled in by", "联系电话": "Phone", "填报日期": "Date",
    "长期目标截止时间": "Long-term deadline", "备注": "Notes", "%1年当年金额": "%1 amount",
    "单位：万元。合计和占比由程序计算，不能直接修改。": "Unit: 10,000 yuan. Totals and shares are computed and cannot be edited.",
    "由程序计算": "Computed", "填报单位": "Department", "填写填报本表的部门全称": "Full name of the department",
    "如 027-12345678 或 13812345678": "e.g. 027-12345678 or 13812345678", "如 2025-12-31": "e.g. 2025-12-31",
    "表格": "Form", "版本": "Version", "年度": "Year", "单位": "Unit", "万元": "10,000 yuan", "指标": "Indicator",
    "预期当年实现值": "Expected this year", "指标值": "Target value", "指标值确定依据": "Basis of the value",
    "指标分类": "Category", "%1年值": "%1 value", "长期目标": "Long-term goal", "年度目标": "Annual goal",
    "如 %1年12月": "e.g. December %1", "截止时间": "Deadline", "目标": "Goal", "插入同级": "Insert sibling",
    "删除": "Delete", "上移": "Move up", "下移": "Move down",
    "F2/回车 编辑 · Tab 换列 · 拖动可调整顺序": "F2/Enter edit · Tab next column · drag to reorder",
    "请先选中一个二级指标，再添加三级指标。": "Select a level-2 indicator first, then add a level-3 indicator.",
    "一级指标由模板固定，不能删除。": "Level-1 indicators are fixed by the template and cannot be deleted.",
    "文件(&F)": "&File", "编辑(&E)": "&Edit", "撤销": "Undo", "重做": "Redo", "重新检查": "Check again",
    "视图(&V)": "&View", "下一个问题": "Next problem", "转到": "Go to", "帮助(&H)": "&Help",
    "关于 goalform": "About goalform", "工具栏": "Toolbar", "部门整体绩效目标表": "Department performance targets",
    "新建表格…": "New form…", "打开表格…": "Open form…", "也可以把 .goal 文件拖到这里打开": "You can also drop a .goal file here",
    "只读：此表格以只读方式打开，不能修改。需要修改时请用「文件 → 另存为」保存副本后再打开。":
        "Read-only: this form was opened for reading and cannot be changed. To edit, save a copy with File → Save as and open it.",
    "基本信息": "Header", "资金情况": "Funds", "职能与任务": "Functions and tasks", "填报说明": "Instructions",
    "错误 %1 · 警告 %2": "Errors %1 · Warnings %2", "检查用时 %1 毫秒": "Checked in %1 ms", "未命名": "Untitled",
    "（只读）": " (read-only)", "只读": "Read-only", "有未保存的修改": "Unsaved changes", "已保存": "Saved",
    "goalform %1\n部门整体绩效目标表的填报、检查与导出。": "goalform %1\nFill in, check and export department performance-target forms.",
    "已导入「%1」。": "Imported “%1”.", "结转到下一年": "Roll over to next year",
    "已结转为 %1 年的新表格（尚未保存）。有 %2 处需要核对，详见检查结果。":
        "Rolled over to a new form for %1 (not saved yet). %2 items need checking; see Findings.",
    "与「%1」相比有 %2 处不同。": "%2 differences from “%1”.",
    "版本 %1": "Version %1", "复制信息": "Copy details",
    "备注（不打印）": "Notes (not printed)",
    "导入和结转时的说明会记在这里，也可以写给自己的备忘。": "Notes from import and rollover are kept here; you can add your own.",
    "新建表格": "New form", "表格版本": "Form version", "预算年度": "Budget year",
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "goalform" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in ENGLISH:
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    print(f"{TS.name}: {missing} strings without English")
    return 0


if __name__ == "__main__":
    sys.exit(main())
