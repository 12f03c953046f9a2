"""Refresh the GUI's translation files: extract the strings (pyside6-lupdate), fill in the English
ones known below, compile the .qm (pyside6-lrelease). Texts lupdate misreads (a ``_tr`` helper, a
``tr = QCoreApplication.translate`` alias, ``self.tr`` in an f-string) are put right from the syntax tree.

Usage: .venv/bin/python tools/update_translations.py
New strings without an English text stay unfinished in goalform_en.ts (shown in Chinese); translate
them here or in Qt Linguist (pyside6-linguist) and run this again.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "goalform_en.ts"

ENGLISH = {
    "添加审核意见": "Add review comment",
    "删除审核意见": "Delete review comment",
    "位置": "Location",
    "审核人": "Reviewer",
    "审核意见": "Review comments",
    "写下需要修改或说明的地方": "Write what needs to be changed or explained",
    "goalform 表格 (*.goal)": "goalform forms (*.goal)",
    "未打开表格": "No form open",
    "添加审核意见…": "Add review comment…",
    "删除所选审核意见": "Delete selected comment",
    "提交…": "Submit…",
    "退回…": "Return…",
    "通过…": "Approve…",
    "复制指纹": "Copy fingerprint",
    "以可编辑方式重新打开": "Reopen for editing",
    "审核面板": "Review panel",
    "审核(&R)": "&Review",
    "审核：草稿": "Review: draft",
    "尚未提交": "Not submitted yet",
    "审核：%1 · %2": "Review: %1 · %2",
    "指纹 %1": "Fingerprint %1",
    "%1 %2\n指纹：%3": "%1 %2\nFingerprint: %3",
    "⚠ 提交后已修改": "⚠ Changed after submission",
    "审核意见不能为空": "A review comment cannot be empty",
    "请填写审核人": "Please enter the reviewer",
    "已删除审核意见（可撤销）": "Review comment deleted (can be undone)",
    "请先在审核面板中选中一条意见": "Select a comment in the review panel first",
    "该意见所指的指标已被删除": "The indicator this comment refers to has been deleted",
    "对此问题添加审核意见…": "Add review comment on this finding…",
    "提交": "Submit",
    "退回": "Return",
    "通过": "Approve",
    "检查发现 %1 个错误。仍要提交吗？": "The check found %1 errors. Submit anyway?",
    "提交时记录表格内容的指纹（SHA-256）。提交后如再修改，审核人会看到提示。": "Submitting records a fingerprint (SHA-256) of the form. If the form is changed afterwards, reviewers are told.",
    "把表格退回填报单位修改。请在说明中写明原因。": "Return the form to the department for changes. Please give the reason in the note.",
    "确认此表审核通过，并记录此时的指纹。": "Approve this form and record its fingerprint now.",
    "状态已改为「%1」，指纹 %2。保存文件后生效。": "Status changed to “%1”, fingerprint %2. Save the file to keep it.",
    "已复制指纹 %1": "Fingerprint %1 copied",
    "此表格以只读方式打开，不能添加审核意见或更改状态。\n要以可编辑方式重新打开吗？修改在保存后才写入文件。": "This form is open read-only: comments and status changes are not possible.\nReopen it for editing? Changes reach the file when it is saved.",
    "审核": "Review",
    "审核状态": "Review status",
    "提交时指纹": "Fingerprint at submission",
    "当前指纹": "Current fingerprint",
    "添加…": "Add…",
    "状态记录": "Status history",
    "复制": "Copy",
    "复制完整指纹（64 位十六进制）": "Copy the full fingerprint (64 hex digits)",
    "只读文件：添加前需以可编辑方式重新打开": "Read-only file: reopen for editing before adding comments",
    "没有打开的表格": "No form is open",
    "%1时指纹": "Fingerprint at %1",
    "⚠ 文件在%1后被修改：当前内容与 %2 于 %3 %1时的指纹不一致。": "⚠ The file was changed after %1: its content no longer matches the fingerprint recorded when %2 did %1 on %3.",
    "说明：%1": "Note: %1",
    "指纹：%1": "Fingerprint: %1",
    "草稿，尚未提交": "Draft, not submitted yet",
    "单击转到该处；Delete 删除": "Click to go there; Delete removes it",
    "还没有审核意见。在字段、金额或指标上单击右键，选择「添加审核意见…」。": "No review comments yet. Right-click a field, amount or indicator and choose “Add review comment…”.",
    "审核（%1 条意见）": "Review (%1 comments)",
    "审核意见（%1）：%2": "Review comments (%1): %2",
    "姓名": "Name",
    "可不填": "optional",
    "说明": "Note",
    "汇总文件夹…": "Summarize folder…",
    "选择要汇总的文件夹": "Choose the folder to summarize",
    "汇总表保存为": "Save the summary as",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "正在读取表格…": "Reading forms…",
    "取消": "Cancel",
    "汇总文件夹": "Summarize folder",
    "正在读取 %1/%2：%3": "Reading %1/%2: %3",
    "已取消，未写入汇总表（已读取 %1 个文件）。": "Cancelled; no summary written (%1 files read).",
    "没有一张表能够读取，未写入汇总表。": "No form could be read; no summary written.",
    "所选文件夹中没有 goalform 表格（.goal），未写入汇总表。": "The folder holds no goalform forms (.goal); no summary written.",
    "已汇总 %1 张表到「%2」。": "Summarized %1 forms into “%2”.",
    "%1 个文件未能汇总（也列在汇总表的「未汇总的文件」页）：": "%1 files could not be summarized (also listed on the summary's “not summarized” sheet):",
    "打开汇总表": "Open summary",
    "（常见指标值：{0}）": "(typical value: {0})",
    "以下 {0} 处内容在表格中没有对应位置，已原样记入「备注」（基本信息页）：": "These {0} items found no place in the form and were kept as they are in the notes (basic information tab):",
    "修改%1": "Edit %1", "修改金额": "Edit amount", "重命名指标": "Rename indicator", "修改指标值": "Edit indicator value",
    "添加二级指标": "Add level-2 indicator", "添加三级指标": "Add level-3 indicator", "删除指标": "Delete indicator",
    "移动指标": "Move indicator", "新建…": "New…", "打开…": "Open…", "以只读方式打开…": "Open read-only…",
    "保存": "Save", "另存为…": "Save As…", "导入 Word/Excel…": "Import Word/Excel…", "导出…": "Export…",
    "打印预览…": "Print preview…", "打印…": "Print…", "结转到下一年…": "Roll over to next year…",
    "与另一文件比较…": "Compare with another file…", "关闭": "Close", "退出": "Quit", "最近打开": "Recent files",
    "未命名表格": "untitled form", "保存修改": "Save changes",
    "「%1」有未保存的修改。关闭前要保存吗？": "“%1” has unsaved changes. Save them before closing?",
    "新建失败": "Could not create the form", "以只读方式打开": "Open read-only", "打开": "Open",
    "无法打开文件": "Cannot open the file", "（无）": "(none)", "清除列表": "Clear list", "另存为": "Save As",
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
    "指标分类": "Category", "%1年值": "%1 value", "前年值": "Value two years before", "上年值": "Last year's value", "长期目标": "Long-term goal", "年度目标": "Annual goal",
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
        "Read-only: this form was opened for reading and cannot be changed. To edit, save a copy with File → Save As and open it.",
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
    "文件已在编辑中": "File already being edited",
    "「%1」已在另一个 goalform 窗口中打开。\n两边同时编辑，后保存的一方会覆盖先保存的一方。建议以只读方式打开。":
        "“%1” is already open in another goalform window.\nIf both are edited, whichever saves last overwrites "
        "the other. Opening it read-only is recommended.",
    "仍要编辑": "Edit anyway",
    "文件已被修改": "File changed on disk",
    "「%1」在你打开之后被其他程序或另一个 goalform 窗口修改过。\n覆盖保存会丢掉那些修改；另存为可以两份都保留。":
        "“%1” was changed by another program or goalform window after you opened it.\nOverwriting it loses those "
        "changes; Save As keeps both.",
    "覆盖保存": "Overwrite",
    "磁盘空间不足或无法写入，刚才的修改没有记下。\n请腾出磁盘空间后重试；也可以用「另存为」把表格保存到其他磁盘。":
        "The disk is full or cannot be written: the last change was not recorded.\nFree some disk space and "
        "try again, or use Save As to save the form on another disk.",
    "goalform 遇到了一个意外错误，刚才的操作可能没有完成。\n之前输入的内容都保存在工作副本中：如果程序随后关闭，下次启动时会提示恢复。":
        "goalform ran into an unexpected error; the last action may not have been completed.\nEverything typed "
        "before is kept in the working copy: if the program closes, it is offered back at the next start.",
    "程序出错": "Program error", "详细信息已记录在：%1": "The details were written to: %1",
    "复制详细信息": "Copy details", "继续": "Continue",
    # Start page, about box, main window: check, read-only review, progress
    "部门整体绩效目标表 填报与审核": "Department performance targets: filling in and review",
    "填写、检查、导出部门整体绩效目标表；审核收到的表格": "Fill in, check and export department performance targets; review the forms you receive",
    "也可以把 .goal 文件或 Word、Excel 表格拖到这里打开": "You can also drop a .goal file or a Word or Excel form here",
    "（文件已不在）": "(file no longer there)", "（还没有打开过表格）": "(no forms opened yet)",
    "检查": "Check", "检查整张表格：未填的必填项也作为错误列出 (F5)": "Check the whole form; required fields still empty count as errors (F5)",
    "检查完成：错误 %1 处，警告 %2 处": "Check finished: %1 errors, %2 warnings",
    "检查完成：没有发现问题": "Check finished: no problems found",
    "待填 %1 项": "%1 to fill in", "待填 %1": "%1 to fill in",
    "只读：此表格以只读方式打开，表格内容不能修改。可以添加审核意见、提交、退回或通过，保存时只写入这些审核记录。":
        "Read-only: the form's content cannot be changed. You can add review comments, submit, return or "
        "approve; saving writes only this review record.",
    "只读 · 审核记录未保存": "Read-only · review record not saved",
    # Files: closing, saving the review record, export, file-dialog filters
    "「%1」有未保存的审核意见或审核状态。关闭前要保存吗？": "“%1” has unsaved review comments or review status. Save them before closing?",
    "已把审核记录保存到 %1（表格内容未改动）": "Review record saved to %1 (form content unchanged)",
    "此表还有 %1 个错误，仍要导出吗？": "This form still has %1 errors. Export anyway?",
    "Word 文档": "Word document", "Excel 工作簿": "Excel workbook", "PDF 文件": "PDF file",
    "Word 或 Excel 表格 (%1)": "Word or Excel forms (%1)", "所有文件 (*)": "All files (*)",
    "可导入的 Word 或 Excel 表格 (%1)": "Importable Word or Excel forms (%1)",
    # Review: submit, return, approve
    "此表还有 %1 个错误，仍要提交吗？": "This form still has %1 errors. Submit anyway?",
    "此表还有 %1 个错误，仍要通过吗？": "This form still has %1 errors. Approve anyway?",
    "把表格退回填报单位修改。请写明退回原因（必填）。": "Return the form to the department for changes. Please give the reason (required).",
    "必填：写明原因": "Required: give the reason", "退回原因": "Reason for return",
    # Header, funds and indicator tabs; pasting into them
    "从日历中选择日期": "Pick a date from the calendar", "如 2025-12-31，或点右边的日历选择": "e.g. 2025-12-31, or pick from the calendar on the right",
    "未采用：": "Not accepted: ",
    "F2/回车 编辑 · Tab 下一格 · Esc 取消新行 · 拖动可调整顺序": "F2 edit · Esc cancel · drag to move",
    "空白": "blank", "%1：%2。表中仍为「%3」，改正后回车，或按 Esc 恢复。": "%1: %2. The form still holds “%3”; correct it and press Enter, or press Esc to restore.",
    "「%1」在表格之外": "“%1” is outside the table",
    "%1：「%2」不填，此格由程序计算（现为「%3」）": "%1: “%2” not entered, this cell is computed (now “%3”)",
    "粘贴": "Paste", "粘贴金额": "Paste amounts", "清除金额": "Clear amounts", "粘贴指标": "Paste indicators",
    "……另有 %1 项": "… and %1 more", "已粘贴 %1 个金额；以下 %2 项没有填入：": "Pasted %1 amounts; these %2 items were not entered:",
    "已粘贴 %1 格；以下 %2 项没有填入：": "Pasted %1 cells; these %2 items were not entered:", "没有粘贴：": "Nothing pasted:",
    "此格不能填写（一级指标，或二级指标的指标值）": "This cell cannot be filled in (a level-1 indicator, or a level-2 indicator's value)",
    "请先选中一个二级或三级指标，再粘贴多行": "Select a level-2 or level-3 indicator first, then paste several rows",
    "第%1行「%2」在最后一列之外": "Row %1: “%2” is beyond the last column",
    "第%1行「%2」有换行：一格只能填一行": "Row %1: “%2” has a line break; a cell holds one line only",
    # Comparing two files
    "当前表格": "current form", "之前（%1年）": "Before (%1)", "之后（%1年）": "After (%1)",
    "之前：%1（%2年）\u3000之后：%3（%4年）": "Before: %1 (%2)\u3000After: %3 (%4)",
    "共 %1 处不同。": "%1 differences.", "年份": "Year",
    "筛选：位置、年份或数值中的文字": "Filter: text in location, year or values", "导出 Excel…": "Export Excel…",
    "显示 %1 / %2 处": "Showing %1 / %2",
    "双击一行（或按回车）转到当前表格中的该项。": "Double-click a row (or press Enter) to go to that item in the current form.",
    "比较时打开的表格已关闭，不能转到。": "The form open during the comparison has been closed; cannot go there.",
    "此项只在另一个文件中，当前表格没有。": "This item is only in the other file, not in the current form.",
    "已转到：%1": "Went to: %1", "导出比较结果": "Export comparison", "比较结果.xlsx": "comparison.xlsx",
    "筛选：%1": "Filter: %1", "如已在 Excel 中打开，请先关闭。": " If it is open in Excel, close it first.",
    "无法写入「%1」：%2。": "Cannot write “%1”: %2.",
    # Summarizing a folder (background worker)
    "无法写入汇总表「%1」：%2。": "Cannot write the summary “%1”: %2.", "汇总失败：%1": "Summary failed: %1",
    # Indicator library: menu, pane, model, import/export, removal
    "指标库": "Indicator library", "指标库…": "Indicator library…", "导入指标库…": "Import indicator library…",
    "导出指标库…": "Export indicator library…", "导入指标库": "Import indicator library", "导出指标库": "Export indicator library",
    "指标库.xlsx": "indicator library.xlsx", "从指标库选择指标插入（Ctrl+L）": "Choose indicators to insert from the library (Ctrl+L)",
    "无法打开指标库：%1\n\n本次只使用内置指标。": "Cannot open the indicator library: %1\n\nOnly the built-in indicators are used this time.",
    "指标库已损坏": "Indicator library damaged",
    "%1\n\n是否用内置指标重建指标库？损坏的文件会改名保留，导入的指标库需重新导入。\n选择「否」则本次只使用内置指标。":
        "%1\n\nRebuild the indicator library from the built-in indicators? The damaged file is kept under another "
        "name; imported libraries must be imported again.\nChoose No to use only the built-in indicators this time.",
    "无法重建指标库：%1": "Cannot rebuild the indicator library: %1",
    "导入的表格": "imported form", "已将本表的 %1 个新指标加入指标库（我的表）": "Added %1 new indicators from this form to the library (My forms)",
    "请先新建或打开一张表格。": "Create or open a form first.",
    "表格以只读方式打开，不能插入指标。": "The form is open read-only; indicators cannot be inserted.",
    "从指标库插入 %1 个指标": "Insert %1 indicators from library", "没有插入指标：\n%1": "No indicators inserted:\n%1",
    "另有 %1 个": "and %1 more", "另有 %1 行": "and %1 more rows", "……另有 %1 个文件": "… and %1 more files", "已插入 %1 个指标": "Inserted %1 indicators",
    "，%1 个已在表中或无法放置": "; %1 already in the form or could not be placed",
    "指标库不可用，无法导入。": "The indicator library is not available; cannot import.",
    "Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)": "Excel workbook (*.xlsx *.xls);;All files (*)",
    "「%1」中没有可导入的指标，指标库未改动。": "“%1” has no indicators to import; the library is unchanged.",
    "表头下没有任何指标行。": "There are no indicator rows under the header.",
    "我的信息…": "My details…", "我的信息": "My details",
    "填报人和联系电话：新建表格时自动填入": "Your name and phone number, filled in on every new form",
    "新建表格时自动填入。导入或打开别人的表格不会改动这里。":
        "Filled in on every new form. Importing or opening someone else's form never changes them.",
    "联系电话「%1」格式不正确，应为 027-12345678 或 13812345678":
        "The phone number “%1” is not valid; write it as 027-12345678 or 13812345678",
"已从「%1」导入 %2 个指标。": "Imported %2 indicators from “%1”.",
    "以下 %1 行未能导入：": "These %1 rows could not be imported:", "已导出 %1 个指标到 %2": "Exported %1 indicators to %2",
    "内置指标不能删除。": "Built-in indicators cannot be deleted.",
    "从指标库删除所选的 %1 个指标？": "Delete the %1 selected indicators from the library?",
    "（所选的内置指标不会删除）": "(selected built-in indicators are not deleted)",
    "导入的「%1」中的全部指标": "all indicators imported from “%1”", "从我的表学到的全部指标": "all indicators learned from my forms",
    "从指标库删除%1？": "Delete %1 from the library?", "已删除 %1 个指标": "Deleted %1 indicators",
    "搜索：文字、拼音或首字母（如 ysz、yusuan）": "Search: text, pinyin or initials (e.g. ysz, yusuan)",
    "插入到长期目标": "Insert into long-term goal", "插入到年度目标": "Insert into annual goal", "插入": "Insert",
    "把所选指标插入表中（回车或双击；也可拖到指标表中）": "Insert the selected indicators into the form (Enter or double-click; or drag them onto the indicator table)",
    "导入…": "Import…", "从指标库删除所选指标（内置指标不能删除）": "Delete the selected indicators from the library (built-in ones cannot be deleted)",
    "找到 %1 个指标（共 %2 个）": "Found %1 of %2 indicators", "共 %1 个指标": "%1 indicators",
    "从指标库删除所选指标": "Delete selected indicators from library", "删除导入的「%1」": "Delete imported “%1”",
    "删除从我的表学到的全部指标": "Delete all indicators learned from my forms",
    "选中一个指标查看其解释和参考值。双击、回车或拖到指标表中即可插入。":
        "Select an indicator to see its explanation and reference value. Double-click, press Enter or drag it onto the indicator table to insert it.",
    "参考值：%1": "Reference value: %1", "来源：%1": "Source: %1", "参考值": "Reference", "来源": "Source",
    "我的表": "My forms", "财政部门": "Finance bureau", "内置": "Built-in", "（本表已使用）": "(used in this form)",
    # Before the window opens (display_check: runs before the translator is installed, kept for completeness)
    "不需要窗口的命令照常可用，例如：goalform validate 文件.goal": "Commands that need no window still work, e.g. goalform validate form.goal",
    "无法打开窗口：没有图形显示（未设置 DISPLAY）。请在桌面中启动 goalform，远程登录时使用 ssh -X。":
        "Cannot open a window: no graphical display (DISPLAY is not set). Start goalform from a desktop; over a remote login use ssh -X.",
    "无法打开窗口：缺少图形界面所需的系统库 {libs}。": "Cannot open a window: the system libraries the interface needs are missing: {libs}.",
    "在 Debian、Ubuntu、统信 UOS、银河麒麟上安装：sudo apt install {packages}": "To install them on Debian, Ubuntu, UOS or Kylin: sudo apt install {packages}",
    "无法打开窗口：连接不上图形显示 {display}（DISPLAY={display}）。请在桌面中启动 goalform，远程登录时使用 ssh -X。":
        "Cannot open a window: cannot connect to the graphical display {display} (DISPLAY={display}). Start goalform from a desktop; over a remote login use ssh -X.",
    "无法打开窗口：没有图形显示（未设置 WAYLAND_DISPLAY）。请在桌面中启动 goalform。":
        "Cannot open a window: no graphical display (WAYLAND_DISPLAY is not set). Start goalform from a desktop.",
    # The one table of names (goalform/domain/names.py, context "names")
    "部门（单位）名称": "Department (unit) name",
    "长期绩效指标": "Long-term performance indicators",
    "年度绩效指标": "Annual performance indicators",
    "长期指标": "Long-term indicators",
    "年度指标": "Annual indicators",
    "设置文件无法使用，本次的设置不会保存：%1": "The settings file cannot be used; settings will not be saved this time: %1",
    # Issue 21: merging saves, evidence that survives approval.
    "已把审核记录保存到 %1；文件中的表格内容已被他人修改，现在显示的是文件中的最新内容":
        "Review records saved to %1; someone else changed the form in the file, which is now shown as it is there",
    "已保存到 %1；文件中的表格内容已被他人修改，现在显示的是文件中的最新内容":
        "Saved to %1; someone else changed the form in the file, which is now shown as it is there",
    "%1 条审核意见": "%1 review comments",
    "%1 条状态记录": "%1 status records",
    "；同时保留了文件中他人新加的 %1": "; kept what others added to the file meanwhile: %1",
    "、": ", ",
    "删除审核意见": "Delete review comment",
    "这条审核意见已保存到文件中，不能删除。可以再添加一条意见更正它。":
        "This comment is saved in the file and cannot be deleted. Add another comment to correct it.",
    "此表在提交后被修改过：%1 于 %2 提交时的指纹为 %3，现在为 %4。\n"
    "通过的将是修改后的内容，审核记录会注明「通过的内容与提交的不同」。仍要通过吗？":
        "This form was changed after it was submitted: when %1 submitted it on %2 its fingerprint was %3, now it "
        "is %4.\nThe changed content would be approved, and the record will say that the approved content "
        "differs from the submitted. Approve anyway?",
    "仍要通过（注明接受修改）": "Approve anyway (record that the changes are accepted)",
    "⚠ 通过的内容与提交的不同": "⚠ Approved content differs from the submitted",
    "⚠ 通过的内容与提交的不同：%1 于 %2 提交（指纹 %3）后表格被修改，%4 于 %5 通过的是修改后的内容（指纹 %6）。":
        "⚠ Approved content differs from the submitted: the form was changed after %1 submitted it on %2 "
        "(fingerprint %3); %4 approved the changed content on %5 (fingerprint %6).",
    "通过时已确认接受修改。": "The approval accepted the changes.",
    "通过时未注明接受修改。": "The approval did not say it accepted the changes.",
    "指纹 %1": "fingerprint %1",
    "%1 张表有无法读取的金额，未计入合计：汇总表中的合计不完整（见「无法读取的金额」列）。":
        "%1 forms have amounts that cannot be read and were left out: the summary's totals are incomplete "
        "(see the column 「无法读取的金额」).",
    # Issue 22: pastes keep their columns, refused amounts, default 分类.
    "；指标分类为默认值（斜体），请确认": "; the categories are defaults (in italics): please check them",
    "%1：%2。没有填入，表中仍为「%3」。": "%1: %2. Not entered; the form still holds “%3”.",
    "「%1」在表格最后一行之下": "“%1” is below the last row of the table",
    "已粘贴 %1 个金额": "Pasted %1 amounts",
    "（%1）": " (%1)",
    "，": ", ",
    "、": ", ",
    "第 %1 列 → %2": "column %1 → %2",
    "表格之外": "outside the table",
    "没有粘贴：复制的 %1 列从此格起放不下，会是 %2。\n\n请复制 %3 列（%4），或连同%5共 %6 列，或选中能放下它的格再粘贴。":
        "Nothing pasted: the %1 copied columns do not fit from this cell on; they would go %2.\n\n"
        "Copy %3 columns (%4), or all %6 columns including %5, or select a cell where the block fits and paste again.",
    "以下 %1 项没有填入：": "These %1 items were not entered:",
    "已填入 %1 格：": "%1 cells were filled in:",
    "没有填入任何金额。": "No amount was entered.",
    "各列的去处：%1": "Where each column went: %1",
    "默认分类：模板中此指标为「%1」，请确认": "Default category: the template gives this indicator “%1”; please check",
    "默认分类：本表最常用的「%1」，请确认": "Default category: “%1”, the most common in this table; please check",
    # issue 26: small things
    "一级指标是表格规定的，不能移动": "First-level indicators are fixed by the form and cannot be moved",
    "这一组只有这一个指标，无需移动": "This is the only indicator in its group: nothing to move",
    "已经在最上面": "Already at the top",
    "已经在最下面": "Already at the bottom",
    # The domain's messages (context "messages"; goalform/domain/messages.py): findings and refusals
    "金额最多保留{n}位小数：「{amount}」": "An amount has at most {n} decimals: \u201c{amount}\u201d",
    "「{amount}」万元即一万亿元以上，没有部门的预算这么大：请检查位数":
        "\u201c{amount}\u201d (10,000 yuan) is a trillion yuan or more; no department's budget is that large: check the digits",
    "金额不能为负数：「{amount}」": "An amount cannot be negative: \u201c{amount}\u201d",
    "金额以万元为单位：「{amount}」是 {wan} 万元，请填 {wan}":
        "Amounts are in 10,000 yuan: \u201c{amount}\u201d is {wan} (10,000 yuan); enter {wan}",
    "金额以万元为单位：「{amount}」请换算成万元再填": "Amounts are in 10,000 yuan: convert \u201c{amount}\u201d first",
    "「{amount}」含有空格、制表符或换行：一格只能填一个金额":
        "\u201c{amount}\u201d contains spaces, tabs or line breaks: one amount per cell",
    "「{amount}」有两个小数点": "\u201c{amount}\u201d has two decimal points",
    "「{amount}」的逗号不在千位上：千位分隔符每三位一个（如 1,000），小数点请用「.」":
        "\u201c{amount}\u201d has a comma outside the thousands positions: a separator every three digits (1,000); "
        "use \u201c.\u201d for decimals",
    "「{amount}」不是金额": "\u201c{amount}\u201d is not an amount",
    "{year}年当年金额": "{year} amount (current year)",
    "{year}年金额": "{year} amount",
    "{line}（{column}）：{error}": "{line} ({column}): {error}",
    "{group}合计（{column}）：{error}": "{group} total ({column}): {error}",
    "{group}合计（{column}）填的是 {stated}，各行之和为 {computed}":
        "{group} total ({column}) is given as {stated}, but its lines add up to {computed}",
    "{column}：{blank}还没有填写（收入合计与支出合计应相等）":
        "{column}: {blank} not filled in yet (total income must equal total expenditure)",
    "{column}：收入合计 {income} 与支出合计 {expenditure} 不相等":
        "{column}: total income {income} does not equal total expenditure {expenditure}",
    "错误": "Error",
    "警告": "Warning",
    "提示": "Note",
    "待填": "To fill in",
    "请填写{label}": "Please fill in {label}",
    "请填写填报日期": "Please fill in the date",
    "联系电话「{phone}」格式不正确，应为 027-12345678 或 13812345678":
        "Phone \u201c{phone}\u201d is not valid: write it as 027-12345678 or 13812345678",
    "填报日期「{date}」不是有效日期，应写作 2025-12-31 或 2025年12月31日":
        "Date \u201c{date}\u201d is not a valid date: write it as 2025-12-31",
    "{tree}的一级指标「{level1}」下还没有三级指标": "{tree}: no level-3 indicator under \u201c{level1}\u201d yet",
    "{row}下没有三级指标：请添加三级指标或删除此二级指标":
        "{row} has no level-3 indicator: add one or delete this level-2 indicator",
    "{tree}「{where}」下仍有「……」占位行：请填写或删除":
        "{tree} \u201c{where}\u201d still has a \u201c……\u201d placeholder row: fill it in or delete it",
    "{row}没有名称": "{row} has no name",
    "{row}没有填写三级指标名称": "{row}: the level-3 indicator has no name",
    "{row}没有填写{label}": "{row}: {label} is not filled in",
    "{row}的{label}填了「无」：本版本的表不允许，请填写具体目标或删除此指标":
        "{row}: {label} is \u201c无\u201d (none), which this version of the form does not allow: give a target or "
        "delete the indicator",
    "{row}没有选择{label}": "{row}: no {label} chosen",
    "{row}的{label}「{value}」不是可选值（可选：{values}）":
        "{row}: {label} \u201c{value}\u201d is not one of the choices ({values})",
    "{tree}「{name}」与同一二级指标「{level2}」下第{n}行重名":
        "{tree} \u201c{name}\u201d has the same name as row {n} under the same level-2 indicator \u201c{level2}\u201d",
    "{year}年": "{year}",
    "{row}没有填写{years}的指标值": "{row}: no value for {years}",
    "{row}的指标值确定依据是「{other}」的说明，可能与上下行错位，请核对":
        "{row}: the basis explains \u201c{other}\u201d; the rows may have slipped: please check",
    "{row}在指标库中属于「{where}」，这里在「{here}」下":
        "{row} belongs under \u201c{where}\u201d in the indicator library; here it is under \u201c{here}\u201d",
    "{row}的指标值「{value}」不够具体：请给出可衡量的数值（如 ≥90%、不少于 10 次）":
        "{row}: the value \u201c{value}\u201d is not specific: give a measurable figure (e.g. \u226590%, at least 10 times)",
    "{row}是可计量的指标，指标值「{value}」应给出数值（如 ≥90%）":
        "{row} is measurable: its value \u201c{value}\u201d should be a figure (e.g. \u226590%)",
    "{row}的「{value}」中比率 {rate}% 超出 0–100% 的范围": "{row}: the rate {rate}% in \u201c{value}\u201d is outside 0\u2013100%",
    "{row}在{tree}中没有对应的指标": "{row} has no matching indicator in the {tree}",
    "{row}的预期当年实现值「{value}」低于{year}年的「{last}」：目标比上年差，请核实":
        "{row}: the expected value \u201c{value}\u201d is below {year}'s \u201c{last}\u201d: a worse target than last year, "
        "please check",
    "{row}的预期当年实现值「{value}」高于{year}年的「{last}」：目标比上年差，请核实":
        "{row}: the expected value \u201c{value}\u201d is above {year}'s \u201c{last}\u201d: a worse target than last year, "
        "please check",
    "{line}：{year}年 {now} 万元比{last_year}年 {last} 万元增加 {percent}%，变动超过 50%，请核实或说明原因":
        "{line}: {now} in {year} is {percent}% more than {last} in {last_year} (10,000 yuan); a change over 50%: "
        "check it or explain why",
    "{line}：{year}年 {now} 万元比{last_year}年 {last} 万元减少 {percent}%，变动超过 50%，请核实或说明原因":
        "{line}: {now} in {year} is {percent}% less than {last} in {last_year} (10,000 yuan); a change over 50%: "
        "check it or explain why",
    "量化指标占比 {overall}；长期指标 {long_term}，年度指标 {annual}":
        "Quantified indicators {overall}; long-term {long_term}, annual {annual}",
    "{line}的{year}年金额「{value}」是结转前的预算数，请改为实际收支数":
        "{line}: the {year} amount \u201c{value}\u201d is the budget carried over: enter the actual figure",
    "「{name}」的上年值「{value}」是结转前的预期当年实现值，请改为{year}年实际完成值":
        "\u201c{name}\u201d: last year's value \u201c{value}\u201d is the target carried over: enter what was achieved in {year}",
    "{tree}「{name}」": "{tree} \u201c{name}\u201d",
    "{tree}（{level1}下第{n}个二级指标）": "{tree} (level-2 indicator {n} under {level1})",
    "{tree}（{where}下第{n}行）": "{tree} (row {n} under {where})",
    "请填写{name}": "Please fill in {name}",
    "请填写长期目标的截止时间（如 {year}年12月）": "Please fill in the deadline of the long-term goal (e.g. {year}年12月)",
    "长期目标的截止时间「{deadline}」早于本表年度 {year} 年":
        "The long-term deadline \u201c{deadline}\u201d is before the form's year {year}",
    "长期目标的截止时间「{deadline}」没有写完整年份，应写作「{year}年12月」这样的形式":
        "The long-term deadline \u201c{deadline}\u201d has no full year: write it like \u201c{year}年12月\u201d",
    "长期目标的截止时间「{deadline}」无法识别，请写作「{year}年12月」这样的形式":
        "The long-term deadline \u201c{deadline}\u201d cannot be read: write it like \u201c{year}年12月\u201d",
    "不可见的控制字符 U+{code}": "an invisible control character U+{code}",
    "「{found}」": "\u201c{found}\u201d",
    "{what}含有{found}，请删除": "{what} contains {found}: please delete it",
    "金额「{amount}」含有{found}，请删除": "Amount \u201c{amount}\u201d contains {found}: please delete it",
    "{severity}：{message}": "{severity}: {message}",

    # Issue 21: the review's messages (goalform/domain/validation/review.py)
    "文件在{status}后被修改：{who} 于 {when} {status}时的指纹为 {recorded}，现在为 {now}":
        "The file was changed after it was {status}: when {who} set it to {status} on {when} its fingerprint was "
        "{recorded}, now it is {now}",
    "通过的内容与提交的不同（提交后被修改）：{submitter} 于 {submitted} 提交的指纹为 {before}，"
    "{approver} 于 {approved} 通过的指纹为 {after}（通过时已确认接受提交后的修改）":
        "The approved content differs from the submitted (changed after submission): {submitter} submitted "
        "fingerprint {before} on {submitted}, {approver} approved fingerprint {after} on {approved} (the "
        "approval accepted the changes)",
    "通过的内容与提交的不同（提交后被修改）：{submitter} 于 {submitted} 提交的指纹为 {before}，"
    "{approver} 于 {approved} 通过的指纹为 {after}（通过时未注明接受修改）":
        "The approved content differs from the submitted (changed after submission): {submitter} submitted "
        "fingerprint {before} on {submitted}, {approver} approved fingerprint {after} on {approved} (the "
        "approval did not say it accepted the changes)",
    # The official template's labels as the GUI shows them (context "template"; the printed form stays Chinese)
    "%1（%2）": "%1 (%2)",
    "部门总体资金情况": "Department funds overall",
    "总体资金情况": "Funds overall",
    "当年金额": "Amount this year",
    "占比": "Share",
    "近两年收支金额": "Amounts of the last two years",
    "合  计": "Total",
    "一级指标": "Level 1 indicator",
    "二级指标": "Level 2 indicator",
    "三级指标": "Level 3 indicator",
    "近两年指标值": "Values of the last two years",
    "收入构成": "Income",
    "财政拨款": "Fiscal appropriation",
    "财政专户管理资金": "Funds in the fiscal special account",
    "单位资金": "Unit's own funds",
    "支出构成": "Expenditure",
    "人员类项目支出": "Personnel project expenditure",
    "运转类项目支出": "Operating project expenditure",
    "特定目标类项目支出": "Specific-purpose project expenditure",
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


# The domain's messages (goalform/domain/messages.py): msg("template", ...) and the validation's
# Missing("template", ...), translated by the GUI in this context.
MESSAGE_CALLS = ("msg", "Missing")
MESSAGE_CONTEXT = "messages"


def translated_calls(path: Path) -> list[tuple[str, str, int]]:
    """(context, source text, line) of every literal text ``path`` translates, in the context Qt looks it up in.

    pyside6-lupdate misreads three ways of calling tr this code uses: a module-level helper
    ``def _tr(text): return QCoreApplication.translate("Ctx", text)`` (its calls are skipped, or filed
    under no context when the helper is called ``tr``), a local alias ``tr = QCoreApplication.translate``
    (``tr("Ctx", "text")`` becomes source "Ctx" with the text as a comment), and ``self.tr(...)`` inside an
    f-string (skipped). Read here from the syntax tree, so the .ts holds what the program asks for.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def literal(node: ast.expr) -> bool:
        return isinstance(node, ast.Constant) and isinstance(node.value, str)

    def translate(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "translate"

    helpers: dict[str, str] = {}  # helper name -> its context
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and len(node.args.args) == 1:
            param = node.args.args[0].arg
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and translate(sub.func) and len(sub.args) == 2 and literal(sub.args[0]) \
                        and isinstance(sub.args[1], ast.Name) and sub.args[1].id == param:
                    helpers[node.name] = sub.args[0].value
    aliases = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and translate(node.value)
               for t in node.targets if isinstance(t, ast.Name)}
    found: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                if isinstance(func, ast.Name) and func.id in helpers and args and literal(args[0]):
                    found.append((helpers[func.id], args[0].value, child.lineno))
                elif (translate(func) or isinstance(func, ast.Name) and func.id in aliases) and len(args) >= 2 \
                        and literal(args[0]) and literal(args[1]):
                    found.append((args[0].value, args[1].value, child.lineno))
                elif isinstance(func, ast.Attribute) and func.attr == "tr" and cls and args and literal(args[0]):
                    found.append((cls, args[0].value, child.lineno))
                elif isinstance(func, ast.Name) and func.id in MESSAGE_CALLS and args and literal(args[0]):
                    found.append((MESSAGE_CONTEXT, args[0].value, child.lineno))  # goalform.domain.messages
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)

    visit(tree, "")
    return found


def template_labels() -> list[str]:
    """Every label of the official templates that the GUI shows (context "template", see
    goalform/ui/wording.template_text): the labels, funds groups and lines, the history column label."""
    found: dict[str, None] = {}
    for path in sorted((ROOT / "resources" / "templates").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = [*data.get("labels", {}).values(), data.get("funds_history_label", "")]
        for group in data.get("funds", []):
            texts += [group["label"], *(line["label"] for line in group["lines"])]
        found.update(dict.fromkeys(t.replace("\n", "") for t in texts if t))
    return list(found)


def repair(root: ET.Element, sources: list[str]) -> int:
    """Make the .ts hold exactly the (context, text) pairs the code asks for (see translated_calls).

    Adds what lupdate skipped and drops what it filed under the wrong context or source; returns how
    many messages were added."""
    wanted: dict[tuple[str, str], list[tuple[str, int]]] = {}
    lines: set[tuple[str, int]] = set()
    for source in sources:
        where = os.path.relpath(ROOT / source, TS.parent).replace(os.sep, "/")
        for context, text, line in translated_calls(ROOT / source):
            wanted.setdefault((context, text), []).append((where, line))
            lines.add((where, line))
    for label in template_labels():  # data, not code: no line to point at
        wanted.setdefault(("template", label), [])
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    have = set()
    for name, context in contexts.items():
        for message in list(context.iter("message")):
            key = (name, message.findtext("source") or "")
            at = {(loc.get("filename"), int(loc.get("line") or 0)) for loc in message.iter("location")}
            if key not in wanted and at and at <= lines:  # misread by lupdate: the right entry is added below
                context.remove(message)
            else:
                have.add(key)
    added = 0
    for (name, text), places in wanted.items():
        if (name, text) in have:
            continue
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = ET.SubElement(root, "context")
            context.text = "\n    "
            ET.SubElement(context, "name").text = name
        message = ET.SubElement(context, "message")
        message.text = "\n        "
        for where, line in dict.fromkeys(places):
            ET.SubElement(message, "location", filename=where, line=str(line))
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
        for child in message:
            child.tail = "\n        "
        message[-1].tail = "\n    "
        added += 1
    for context in list(root.iter("context")):
        if context.find("message") is None:
            root.remove(context)
    for element in [*root, *(c for context in root for c in context)]:  # lupdate's layout, new entries too
        element.tail = "\n    " if element.tag in ("name", "message") else "\n"
    for context in root:
        context[-1].tail = "\n"
    return added


def main() -> int:
    # The GUI, and the modules below it that mark their user-visible names with QT_TRANSLATE_NOOP
    # (domain/names.py, the exporter's and importer's format names), translated where they are shown.
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "goalform").rglob("*.py")
                     if "ui" in p.relative_to(ROOT).parts or "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")
                     or "goalform.domain.messages import" in p.read_text(encoding="utf-8"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    added = repair(tree.getroot(), sources)
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
    print(f"{TS.name}: {added} strings lupdate missed added; {missing} strings without English")
    return 0

if __name__ == "__main__":
    sys.exit(main())
