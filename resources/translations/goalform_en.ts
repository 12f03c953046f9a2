<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../goalform/ui/app/about.py" line="33" />
        <source>关于 goalform</source>
        <translation>About goalform</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/about.py" line="42" />
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/about.py" line="58" />
        <source>复制信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/about.py" line="41" />
        <source>部门整体绩效目标表 填报与审核</source>
        <translation>Department performance targets: filling in and review</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="41" />
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="65" />
        <source>修改金额</source>
        <translation>Edit amount</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="122" />
        <source>重命名指标</source>
        <translation>Rename indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="122" />
        <source>修改指标值</source>
        <translation>Edit indicator value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="141" />
        <source>添加二级指标</source>
        <translation>Add level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="141" />
        <source>添加三级指标</source>
        <translation>Add level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="163" />
        <source>删除指标</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/undo_commands.py" line="179" />
        <source>移动指标</source>
        <translation>Move indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/undo.py" line="22" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/undo.py" line="42" />
        <source>删除审核意见</source>
        <translation>Delete review comment</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="35" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="41" />
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="43" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="45" />
        <source>审核意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="48" />
        <source>写下需要修改或说明的地方</source>
        <translation>Write what needs to be changed or explained</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../goalform/ui/fields/date_field.py" line="71" />
        <source>从日历中选择日期</source>
        <translation>Pick a date from the calendar</translation>
    </message>
</context>
<context>
    <name>DiffDock</name>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="119" />
        <source>比较结果</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="138" />
        <source>筛选：位置、年份或数值中的文字</source>
        <translation>Filter: text in location, year or values</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="144" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="146" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="178" />
        <source>双击一行（或按回车）转到当前表格中的该项。</source>
        <translation>Double-click a row (or press Enter) to go to that item in the current form.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="204" />
        <source>显示 %1 / %2 处</source>
        <translation>Showing %1 / %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="214" />
        <location filename="../../goalform/ui/files/diff_window.py" line="226" />
        <source>比较时打开的表格已关闭，不能转到。</source>
        <translation>The form open during the comparison has been closed; cannot go there.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="217" />
        <source>此项只在另一个文件中，当前表格没有。</source>
        <translation>This item is only in the other file, not in the current form.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="220" />
        <source>已转到：%1</source>
        <translation>Went to: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="231" />
        <source>导出比较结果</source>
        <translation>Export comparison</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="231" />
        <source>比较结果.xlsx</source>
        <translation>comparison.xlsx</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="232" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="241" />
        <source>筛选：%1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="245" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="247" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="261" />
        <source>当前表格</source>
        <translation>current form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="270" />
        <source>之前（%1年）</source>
        <translation>Before (%1)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="271" />
        <source>之后（%1年）</source>
        <translation>After (%1)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="272" />
        <source>之前：%1（%2年）　之后：%3（%4年）</source>
        <translation>Before: %1 (%2)　After: %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="274" />
        <source>共 %1 处不同。</source>
        <translation>%1 differences.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="275" />
        <source>两个文件内容相同。</source>
        <translation>The two files have the same content.</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="74" />
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/diff_window.py" line="74" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="96" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="97" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="98" />
        <source>以只读方式打开…</source>
        <translation>Open read-only…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="100" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="101" />
        <location filename="../../goalform/ui/files/actions.py" line="307" />
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="102" />
        <source>导入 Word/Excel…</source>
        <translation>Import Word/Excel…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="103" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="104" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="105" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="106" />
        <source>结转到下一年…</source>
        <translation>Roll over to next year…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="107" />
        <source>与另一文件比较…</source>
        <translation>Compare with another file…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="108" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="109" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="110" />
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="138" />
        <location filename="../../goalform/ui/files/actions.py" line="320" />
        <source>未命名表格</source>
        <translation>untitled form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="141" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="140" />
        <source>「%1」有未保存的修改。关闭前要保存吗？</source>
        <translation>“%1” has unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="139" />
        <source>「%1」有未保存的审核意见或审核状态。关闭前要保存吗？</source>
        <translation>“%1” has unsaved review comments or review status. Save them before closing?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="159" />
        <source>新建失败</source>
        <translation>Could not create the form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="166" />
        <location filename="../../goalform/ui/files/actions.py" line="200" />
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="166" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="183" />
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="197" />
        <source>文件已在编辑中</source>
        <translation>File already being edited</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="198" />
        <source>「%1」已在另一个 goalform 窗口中打开。
两边同时编辑，后保存的一方会覆盖先保存的一方。建议以只读方式打开。</source>
        <translation>“%1” is already open in another goalform window.
If both are edited, whichever saves last overwrites the other. Opening it read-only is recommended.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="200" />
        <source>仍要编辑</source>
        <translation>Edit anyway</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="216" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="220" />
        <source>清除列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="239" />
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="249" />
        <source>部门整体绩效目标表</source>
        <translation>Department performance targets</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="256" />
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="279" />
        <source>已把审核记录保存到 %1；文件中的表格内容已被他人修改，现在显示的是文件中的最新内容</source>
        <translation>Review records saved to %1; someone else changed the form in the file, which is now shown as it is there</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="281" />
        <source>已把审核记录保存到 %1（表格内容未改动）</source>
        <translation>Review record saved to %1 (form content unchanged)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="287" />
        <source>已保存到 %1；文件中的表格内容已被他人修改，现在显示的是文件中的最新内容</source>
        <translation>Saved to %1; someone else changed the form in the file, which is now shown as it is there</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="289" />
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="297" />
        <source>%1 条审核意见</source>
        <translation>%1 review comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="299" />
        <source>%1 条状态记录</source>
        <translation>%1 status records</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="302" />
        <source>；同时保留了文件中他人新加的 %1</source>
        <translation>; kept what others added to the file meanwhile: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="302" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="307" />
        <source>文件已被修改</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="307" />
        <source>覆盖保存</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="321" />
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="322" />
        <source>goalform 上次没有正常关闭。发现「%1」在 %2 的未保存修改。
要恢复吗？</source>
        <translation>goalform did not close normally last time. Unsaved changes to “%1” from %2 were found.
Recover them?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="324" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="324" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="325" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="327" />
        <source>无法恢复</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="361" />
        <source>以下 {0} 处内容在表格中没有对应位置，已原样记入「备注」（基本信息页）：</source>
        <translation>These {0} items found no place in the form and were kept as they are in the notes (basic information tab):</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="373" />
        <source>此表还有 %1 个错误，仍要导出吗？</source>
        <translation>This form still has %1 errors. Export anyway?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="420" />
        <source>结转到下一年</source>
        <translation>Roll over to next year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="421" />
        <source>已结转为 %1 年的新表格（尚未保存）。有 %2 处需要核对，详见检查结果。</source>
        <translation>Rolled over to a new form for %1 (not saved yet). %2 items need checking; see Findings.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="343" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="45" />
        <source>goalform 表格 (*.goal)</source>
        <translation>goalform forms (*.goal)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="352" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="365" />
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="365" />
        <source>已导入「%1」。</source>
        <translation>Imported “%1”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="373" />
        <location filename="../../goalform/ui/files/actions.py" line="379" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="386" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="393" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="406" />
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="414" />
        <source>结转失败</source>
        <translation>Rollover failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="430" />
        <source>与另一文件比较</source>
        <translation>Compare with another file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="434" />
        <source>比较失败</source>
        <translation>Comparison failed</translation>
    </message>
    <message>
        <location filename="../../goalform/formats/export.py" line="23" />
        <location filename="../../goalform/formats/importer.py" line="38" />
        <source>Word 文档</source>
        <translation>Word document</translation>
    </message>
    <message>
        <location filename="../../goalform/formats/export.py" line="24" />
        <location filename="../../goalform/formats/importer.py" line="38" />
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../goalform/formats/export.py" line="25" />
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="57" />
        <source>Word 或 Excel 表格 (%1)</source>
        <translation>Word or Excel forms (%1)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="59" />
        <location filename="../../goalform/ui/files/actions.py" line="68" />
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/actions.py" line="67" />
        <source>可导入的 Word 或 Excel 表格 (%1)</source>
        <translation>Importable Word or Excel forms (%1)</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../goalform/ui/findings/dock.py" line="86" />
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/findings/dock.py" line="129" />
        <source>未打开表格</source>
        <translation>No form open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/findings/dock.py" line="142" />
        <source>没有发现问题</source>
        <translation>No problems found</translation>
    </message>
</context>
<context>
    <name>FundsTab</name>
    <message>
        <location filename="../../goalform/ui/funds/tab.py" line="60" />
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/tab.py" line="61" />
        <location filename="../../goalform/ui/funds/tab.py" line="65" />
        <source>%1年当年金额</source>
        <translation>%1 amount</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/tab.py" line="112" />
        <source>单位：万元。合计和占比由程序计算，不能直接修改。</source>
        <translation>Unit: 10,000 yuan. Totals and shares are computed and cannot be edited.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/tab.py" line="138" />
        <source>由程序计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/tab.py" line="207" />
        <source>未采用：</source>
        <translation>Not accepted: </translation>
    </message>
</context>
<context>
    <name>HeaderTab</name>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="26" />
        <source>填报单位</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="32" />
        <source>填写填报本表的部门全称</source>
        <translation>Full name of the department</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="33" />
        <source>如 027-12345678 或 13812345678</source>
        <translation>e.g. 027-12345678 or 13812345678</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="34" />
        <source>如 2025-12-31，或点右边的日历选择</source>
        <translation>e.g. 2025-12-31, or pick from the calendar on the right</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="47" />
        <source>表格</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="49" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="50" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="51" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="51" />
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="55" />
        <source>备注（不打印）</source>
        <translation>Notes (not printed)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/fields/header_tab.py" line="59" />
        <source>导入和结转时的说明会记在这里，也可以写给自己的备忘。</source>
        <translation>Notes from import and rollover are kept here; you can add your own.</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="49" />
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="49" />
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="55" />
        <source>如 %1年12月</source>
        <translation>e.g. December %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="57" />
        <source>截止时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="62" />
        <source>目标</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="68" />
        <source>添加二级指标</source>
        <translation>Add level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="69" />
        <source>添加三级指标</source>
        <translation>Add level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="70" />
        <source>插入同级</source>
        <translation>Insert sibling</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="71" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="72" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="73" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="106" />
        <source>F2/回车 编辑 · Tab 下一格 · Esc 取消新行 · 拖动可调整顺序</source>
        <translation>F2 edit · Esc cancel · drag to move</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="159" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="179" />
        <source>请先选中一个二级指标，再添加三级指标。</source>
        <translation>Select a level-2 indicator first, then add a level-3 indicator.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="229" />
        <source>一级指标由模板固定，不能删除。</source>
        <translation>Level-1 indicators are fixed by the template and cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="249" />
        <source>一级指标是表格规定的，不能移动</source>
        <translation>First-level indicators are fixed by the form and cannot be moved</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="258" />
        <source>这一组只有这一个指标，无需移动</source>
        <translation>This is the only indicator in its group: nothing to move</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="260" />
        <source>已经在最上面</source>
        <translation>Already at the top</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/tab.py" line="260" />
        <source>已经在最下面</source>
        <translation>Already at the bottom</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="56" />
        <location filename="../../goalform/ui/library/actions.py" line="172" />
        <source>指标库…</source>
        <translation>Indicator library…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="60" />
        <source>导入指标库…</source>
        <translation>Import indicator library…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="63" />
        <source>导出指标库…</source>
        <translation>Export indicator library…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="90" />
        <location filename="../../goalform/ui/library/actions.py" line="108" />
        <location filename="../../goalform/ui/library/actions.py" line="118" />
        <location filename="../../goalform/ui/library/actions.py" line="197" />
        <location filename="../../goalform/ui/library/actions.py" line="230" />
        <location filename="../../goalform/ui/library/actions.py" line="233" />
        <location filename="../../goalform/ui/library/actions.py" line="247" />
        <location filename="../../goalform/ui/library/actions.py" line="262" />
        <location filename="../../goalform/ui/library/actions.py" line="334" />
        <location filename="../../goalform/ui/library/actions.py" line="342" />
        <location filename="../../goalform/ui/library/actions.py" line="354" />
        <source>指标库</source>
        <translation>Indicator library</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="91" />
        <source>无法打开指标库：%1

本次只使用内置指标。</source>
        <translation>Cannot open the indicator library: %1

Only the built-in indicators are used this time.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="98" />
        <source>指标库已损坏</source>
        <translation>Indicator library damaged</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="99" />
        <source>%1

是否用内置指标重建指标库？损坏的文件会改名保留，导入的指标库需重新导入。
选择「否」则本次只使用内置指标。</source>
        <translation>%1

Rebuild the indicator library from the built-in indicators? The damaged file is kept under another name; imported libraries must be imported again.
Choose No to use only the built-in indicators this time.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="108" />
        <source>无法重建指标库：%1</source>
        <translation>Cannot rebuild the indicator library: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="174" />
        <source>从指标库选择指标插入（Ctrl+L）</source>
        <translation>Choose indicators to insert from the library (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="196" />
        <source>导入的表格</source>
        <translation>imported form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="214" />
        <source>已将本表的 %1 个新指标加入指标库（我的表）</source>
        <translation>Added %1 new indicators from this form to the library (My forms)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="230" />
        <source>请先新建或打开一张表格。</source>
        <translation>Create or open a form first.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="233" />
        <source>表格以只读方式打开，不能插入指标。</source>
        <translation>The form is open read-only; indicators cannot be inserted.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="246" />
        <source>从指标库插入 %1 个指标</source>
        <translation>Insert %1 indicators from library</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="262" />
        <source>没有插入指标：
%1</source>
        <translation>No indicators inserted:
%1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="263" />
        <source>另有 %1 个</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="265" />
        <source>已插入 %1 个指标</source>
        <translation>Inserted %1 indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="267" />
        <source>，%1 个已在表中或无法放置</source>
        <translation>; %1 already in the form or could not be placed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="269" />
        <source>；指标分类为默认值（斜体），请确认</source>
        <translation>; the categories are defaults (in italics): please check them</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="279" />
        <location filename="../../goalform/ui/library/actions.py" line="281" />
        <location filename="../../goalform/ui/library/actions.py" line="285" />
        <location filename="../../goalform/ui/library/actions.py" line="296" />
        <location filename="../../goalform/ui/library/actions.py" line="298" />
        <location filename="../../goalform/ui/library/actions.py" line="308" />
        <source>导入指标库</source>
        <translation>Import indicator library</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="279" />
        <source>指标库不可用，无法导入。</source>
        <translation>The indicator library is not available; cannot import.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="282" />
        <source>Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx *.xls);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="304" />
        <source>已从「%1」导入 %2 个指标。</source>
        <translation>Imported %2 indicators from “%1”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="292" />
        <location filename="../../goalform/ui/library/actions.py" line="306" />
        <source>以下 %1 行未能导入：</source>
        <translation>These %1 rows could not be imported:</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="290" />
        <source>「%1」中没有可导入的指标，指标库未改动。</source>
        <translation>“%1” has no indicators to import; the library is unchanged.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="293" />
        <location filename="../../goalform/ui/library/actions.py" line="307" />
        <source>另有 %1 行</source>
        <translation>and %1 more rows</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="295" />
        <source>表头下没有任何指标行。</source>
        <translation>There are no indicator rows under the header.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="315" />
        <location filename="../../goalform/ui/library/actions.py" line="322" />
        <source>导出指标库</source>
        <translation>Export indicator library</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="315" />
        <source>指标库.xlsx</source>
        <translation>indicator library.xlsx</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="316" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="327" />
        <source>已导出 %1 个指标到 %2</source>
        <translation>Exported %1 indicators to %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="334" />
        <source>内置指标不能删除。</source>
        <translation>Built-in indicators cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="337" />
        <location filename="../../goalform/ui/library/actions.py" line="352" />
        <source>删除指标</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="338" />
        <source>从指标库删除所选的 %1 个指标？</source>
        <translation>Delete the %1 selected indicators from the library?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="339" />
        <source>（所选的内置指标不会删除）</source>
        <translation>(selected built-in indicators are not deleted)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="351" />
        <source>导入的「%1」中的全部指标</source>
        <translation>all indicators imported from “%1”</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="351" />
        <source>从我的表学到的全部指标</source>
        <translation>all indicators learned from my forms</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="352" />
        <source>从指标库删除%1？</source>
        <translation>Delete %1 from the library?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/actions.py" line="359" />
        <source>已删除 %1 个指标</source>
        <translation>Deleted %1 indicators</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="44" />
        <source>指标库</source>
        <translation>Indicator library</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="67" />
        <source>搜索：文字、拼音或首字母（如 ysz、yusuan）</source>
        <translation>Search: text, pinyin or initials (e.g. ysz, yusuan)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="115" />
        <location filename="../../goalform/ui/library/pane.py" line="219" />
        <source>插入到长期目标</source>
        <translation>Insert into long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="116" />
        <location filename="../../goalform/ui/library/pane.py" line="219" />
        <source>插入到年度目标</source>
        <translation>Insert into annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="118" />
        <source>插入</source>
        <translation>Insert</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="120" />
        <source>把所选指标插入表中（回车或双击；也可拖到指标表中）</source>
        <translation>Insert the selected indicators into the form (Enter or double-click; or drag them onto the indicator table)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="127" />
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="128" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="133" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="135" />
        <source>从指标库删除所选指标（内置指标不能删除）</source>
        <translation>Delete the selected indicators from the library (built-in ones cannot be deleted)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="178" />
        <source>找到 %1 个指标（共 %2 个）</source>
        <translation>Found %1 of %2 indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="180" />
        <source>共 %1 个指标</source>
        <translation>%1 indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="222" />
        <source>从指标库删除所选指标</source>
        <translation>Delete selected indicators from library</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="226" />
        <source>删除导入的「%1」</source>
        <translation>Delete imported “%1”</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="228" />
        <source>删除从我的表学到的全部指标</source>
        <translation>Delete all indicators learned from my forms</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="251" />
        <source>选中一个指标查看其解释和参考值。双击、回车或拖到指标表中即可插入。</source>
        <translation>Select an indicator to see its explanation and reference value. Double-click, press Enter or drag it onto the indicator table to insert it.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="257" />
        <source>参考值：%1</source>
        <translation>Reference value: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/pane.py" line="258" />
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="79" />
        <source>我的表</source>
        <translation>My forms</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="81" />
        <source>财政部门</source>
        <translation>Finance bureau</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="82" />
        <source>内置</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="169" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="169" />
        <source>参考值</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="170" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="201" />
        <source>参考值：%1</source>
        <translation>Reference value: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/library/model.py" line="203" />
        <source>（本表已使用）</source>
        <translation>(used in this form)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="108" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="131" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="149" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="151" />
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="154" />
        <source>下一个问题</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="158" />
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="161" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="162" />
        <source>关于 goalform</source>
        <translation>About goalform</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="166" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="387" />
        <source>部门整体绩效目标表</source>
        <translation>Department performance targets</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="137" />
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="140" />
        <source>检查整张表格：未填的必填项也作为错误列出 (F5)</source>
        <translation>Check the whole form; required fields still empty count as errors (F5)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="235" />
        <source>只读：此表格以只读方式打开，表格内容不能修改。可以添加审核意见、提交、退回或通过，保存时只写入这些审核记录。</source>
        <translation>Read-only: the form's content cannot be changed. You can add review comments, submit, return or approve; saving writes only this review record.</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="40" />
        <source>基本信息</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="41" />
        <source>资金情况</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="42" />
        <source>职能与任务</source>
        <translation>Functions and tasks</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="43" />
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="44" />
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/form_tabs.py" line="93" />
        <source>填报说明</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="341" />
        <source>检查完成：错误 %1 处，警告 %2 处</source>
        <translation>Check finished: %1 errors, %2 warnings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="342" />
        <source>检查完成：没有发现问题</source>
        <translation>Check finished: no problems found</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="352" />
        <source>错误 %1 · 警告 %2</source>
        <translation>Errors %1 · Warnings %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="354" />
        <source>待填 %1 项</source>
        <translation>%1 to fill in</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="359" />
        <source>检查用时 %1 毫秒</source>
        <translation>Checked in %1 ms</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/form_tabs.py" line="144" />
        <source>待填 %1</source>
        <translation>%1 to fill in</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="393" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="394" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="398" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="398" />
        <source>只读 · 审核记录未保存</source>
        <translation>Read-only · review record not saved</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="400" />
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/main_window.py" line="402" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/undo_actions.py" line="16" />
        <location filename="../../goalform/ui/app/undo_actions.py" line="34" />
        <location filename="../../goalform/ui/app/undo_actions.py" line="46" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/undo_actions.py" line="18" />
        <location filename="../../goalform/ui/app/undo_actions.py" line="35" />
        <location filename="../../goalform/ui/app/undo_actions.py" line="50" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>MyInfo</name>
    <message>
        <location filename="../../goalform/ui/app/my_info.py" line="70" />
        <source>我的信息…</source>
        <translation>My details…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/my_info.py" line="72" />
        <source>填报人和联系电话：新建表格时自动填入</source>
        <translation>Your name and phone number, filled in on every new form</translation>
    </message>
</context>
<context>
    <name>MyInfoDialog</name>
    <message>
        <location filename="../../goalform/ui/app/my_info.py" line="26" />
        <source>我的信息</source>
        <translation>My details</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/my_info.py" line="29" />
        <source>新建表格时自动填入。导入或打开别人的表格不会改动这里。</source>
        <translation>Filled in on every new form. Importing or opening someone else's form never changes them.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/my_info.py" line="38" />
        <source>如 027-12345678 或 13812345678</source>
        <translation>e.g. 027-12345678 or 13812345678</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/my_info.py" line="55" />
        <source>联系电话「%1」格式不正确，应为 027-12345678 或 13812345678</source>
        <translation>The phone number “%1” is not valid; write it as 027-12345678 or 13812345678</translation>
    </message>
</context>
<context>
    <name>NewFormDialog</name>
    <message>
        <location filename="../../goalform/ui/files/new_dialog.py" line="15" />
        <source>新建表格</source>
        <translation>New form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/new_dialog.py" line="28" />
        <source>表格版本</source>
        <translation>Form version</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/new_dialog.py" line="29" />
        <source>预算年度</source>
        <translation>Budget year</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="90" />
        <location filename="../../goalform/ui/review/actions.py" line="234" />
        <source>添加审核意见…</source>
        <translation>Add review comment…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="92" />
        <source>删除所选审核意见</source>
        <translation>Delete selected comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="93" />
        <source>提交…</source>
        <translation>Submit…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="94" />
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="95" />
        <source>通过…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="96" />
        <source>复制指纹</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="97" />
        <location filename="../../goalform/ui/review/actions.py" line="422" />
        <source>以可编辑方式重新打开</source>
        <translation>Reopen for editing</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="99" />
        <source>审核面板</source>
        <translation>Review panel</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="102" />
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="202" />
        <source>审核：草稿</source>
        <translation>Review: draft</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="202" />
        <source>尚未提交</source>
        <translation>Not submitted yet</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="204" />
        <source>审核：%1 · %2</source>
        <translation>Review: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="206" />
        <source>指纹 %1</source>
        <translation>fingerprint %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="207" />
        <source>%1 %2
指纹：%3</source>
        <translation>%1 %2
Fingerprint: %3</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="210" />
        <source>⚠ 通过的内容与提交的不同</source>
        <translation>⚠ Approved content differs from the submitted</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="212" />
        <source>⚠ 提交后已修改</source>
        <translation>⚠ Changed after submission</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="256" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="256" />
        <source>审核意见不能为空</source>
        <translation>A review comment cannot be empty</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="256" />
        <source>请填写审核人</source>
        <translation>Please enter the reviewer</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="271" />
        <source>删除审核意见</source>
        <translation>Delete review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="271" />
        <source>这条审核意见已保存到文件中，不能删除。可以再添加一条意见更正它。</source>
        <translation>This comment is saved in the file and cannot be deleted. Add another comment to correct it.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="275" />
        <source>已删除审核意见（可撤销）</source>
        <translation>Review comment deleted (can be undone)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="280" />
        <source>请先在审核面板中选中一条意见</source>
        <translation>Select a comment in the review panel first</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="292" />
        <source>该意见所指的指标已被删除</source>
        <translation>The indicator this comment refers to has been deleted</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="313" />
        <source>对此问题添加审核意见…</source>
        <translation>Add review comment on this finding…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="315" />
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="342" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="342" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="342" />
        <location filename="../../goalform/ui/review/actions.py" line="393" />
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="350" />
        <source>此表还有 %1 个错误，仍要提交吗？</source>
        <translation>This form still has %1 errors. Submit anyway?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="351" />
        <source>此表还有 %1 个错误，仍要通过吗？</source>
        <translation>This form still has %1 errors. Approve anyway?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="358" />
        <source>把表格退回填报单位修改。请写明退回原因（必填）。</source>
        <translation>Return the form to the department for changes. Please give the reason (required).</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="357" />
        <source>提交时记录表格内容的指纹（SHA-256）。提交后如再修改，审核人会看到提示。</source>
        <translation>Submitting records a fingerprint (SHA-256) of the form. If the form is changed afterwards, reviewers are told.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="359" />
        <source>确认此表审核通过，并记录此时的指纹。</source>
        <translation>Approve this form and record its fingerprint now.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="382" />
        <source>状态已改为「%1」，指纹 %2。保存文件后生效。</source>
        <translation>Status changed to “%1”, fingerprint %2. Save the file to keep it.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="393" />
        <source>此表在提交后被修改过：%1 于 %2 提交时的指纹为 %3，现在为 %4。
通过的将是修改后的内容，审核记录会注明「通过的内容与提交的不同」。仍要通过吗？</source>
        <translation>This form was changed after it was submitted: when %1 submitted it on %2 its fingerprint was %3, now it is %4.
The changed content would be approved, and the record will say that the approved content differs from the submitted. Approve anyway?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="398" />
        <source>仍要通过（注明接受修改）</source>
        <translation>Approve anyway (record that the changes are accepted)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="408" />
        <source>已复制指纹 %1</source>
        <translation>Fingerprint %1 copied</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="419" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/actions.py" line="420" />
        <source>此表格以只读方式打开，不能添加审核意见或更改状态。
要以可编辑方式重新打开吗？修改在保存后才写入文件。</source>
        <translation>This form is open read-only: comments and status changes are not possible.
Reopen it for editing? Changes reach the file when it is saved.</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="69" />
        <location filename="../../goalform/ui/review/dock.py" line="231" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="75" />
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="93" />
        <location filename="../../goalform/ui/review/dock.py" line="178" />
        <source>提交时指纹</source>
        <translation>Fingerprint at submission</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="95" />
        <source>当前指纹</source>
        <translation>Current fingerprint</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="101" />
        <source>审核意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="113" />
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="116" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="127" />
        <source>状态记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="146" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="148" />
        <source>复制完整指纹（64 位十六进制）</source>
        <translation>Copy the full fingerprint (64 hex digits)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="160" />
        <source>只读文件：添加前需以可编辑方式重新打开</source>
        <translation>Read-only file: reopen for editing before adding comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="164" />
        <source>没有打开的表格</source>
        <translation>No form is open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="178" />
        <source>%1时指纹</source>
        <translation>Fingerprint at %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="180" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="188" />
        <source>⚠ 文件在%1后被修改：当前内容与 %2 于 %3 %1时的指纹不一致。</source>
        <translation>⚠ The file was changed after %1: its content no longer matches the fingerprint recorded when %2 did %1 on %3.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="195" />
        <source>⚠ 通过的内容与提交的不同：%1 于 %2 提交（指纹 %3）后表格被修改，%4 于 %5 通过的是修改后的内容（指纹 %6）。</source>
        <translation>⚠ Approved content differs from the submitted: the form was changed after %1 submitted it on %2 (fingerprint %3); %4 approved the changed content on %5 (fingerprint %6).</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="199" />
        <source>通过时已确认接受修改。</source>
        <translation>The approval accepted the changes.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="199" />
        <source>通过时未注明接受修改。</source>
        <translation>The approval did not say it accepted the changes.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="208" />
        <source>指纹 %1</source>
        <translation>fingerprint %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="210" />
        <source>说明：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="212" />
        <source>指纹：%1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="214" />
        <source>草稿，尚未提交</source>
        <translation>Draft, not submitted yet</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="225" />
        <source>单击转到该处；Delete 删除</source>
        <translation>Click to go there; Delete removes it</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="229" />
        <source>还没有审核意见。在字段、金额或指标上单击右键，选择「添加审核意见…」。</source>
        <translation>No review comments yet. Right-click a field, amount or indicator and choose “Add review comment…”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/dock.py" line="231" />
        <source>审核（%1 条意见）</source>
        <translation>Review (%1 comments)</translation>
    </message>
</context>
<context>
    <name>ReviewMarks</name>
    <message>
        <location filename="../../goalform/ui/review/markers.py" line="67" />
        <source>审核意见（%1）：%2</source>
        <translation>Review comments (%1): %2</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../goalform/ui/settings.py" line="23" />
        <source>设置文件无法使用，本次的设置不会保存：%1</source>
        <translation>The settings file cannot be used; settings will not be saved this time: %1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="33" />
        <source>部门整体绩效目标表</source>
        <translation>Department performance targets</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="37" />
        <source>填写、检查、导出部门整体绩效目标表；审核收到的表格</source>
        <translation>Fill in, check and export department performance targets; review the forms you receive</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="46" />
        <source>新建表格…</source>
        <translation>New form…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="47" />
        <source>打开表格…</source>
        <translation>Open form…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="48" />
        <source>导入 Word/Excel…</source>
        <translation>Import Word/Excel…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="64" />
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="70" />
        <source>也可以把 .goal 文件或 Word、Excel 表格拖到这里打开</source>
        <translation>You can also drop a .goal file or a Word or Excel form here</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="83" />
        <source>（文件已不在）</source>
        <translation>(file no longer there)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/start_page.py" line="86" />
        <source>（还没有打开过表格）</source>
        <translation>(no forms opened yet)</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="81" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="84" />
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="84" />
        <source>必填：写明原因</source>
        <translation>Required: give the reason</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="87" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review/comment_dialog.py" line="87" />
        <source>退回原因</source>
        <translation>Reason for return</translation>
    </message>
</context>
<context>
    <name>SummarizeAction</name>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="81" />
        <source>汇总文件夹…</source>
        <translation>Summarize folder…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="98" />
        <source>选择要汇总的文件夹</source>
        <translation>Choose the folder to summarize</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="102" />
        <source>汇总表保存为</source>
        <translation>Save the summary as</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="103" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="114" />
        <source>正在读取表格…</source>
        <translation>Reading forms…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="114" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="116" />
        <location filename="../../goalform/ui/files/summarize.py" line="152" />
        <location filename="../../goalform/ui/files/summarize.py" line="161" />
        <source>汇总文件夹</source>
        <translation>Summarize folder</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="137" />
        <source>正在读取 %1/%2：%3</source>
        <translation>Reading %1/%2: %3</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="164" />
        <source>已取消，未写入汇总表（已读取 %1 个文件）。</source>
        <translation>Cancelled; no summary written (%1 files read).</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="168" />
        <source>没有一张表能够读取，未写入汇总表。</source>
        <translation>No form could be read; no summary written.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="169" />
        <source>所选文件夹中没有 goalform 表格（.goal），未写入汇总表。</source>
        <translation>The folder holds no goalform forms (.goal); no summary written.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="172" />
        <source>已汇总 %1 张表到「%2」。</source>
        <translation>Summarized %1 forms into “%2”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="174" />
        <source>%1 个文件未能汇总（也列在汇总表的「未汇总的文件」页）：</source>
        <translation>%1 files could not be summarized (also listed on the summary's “not summarized” sheet):</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="176" />
        <source>……另有 %1 个文件</source>
        <translation>… and %1 more files</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="179" />
        <source>%1 张表有无法读取的金额，未计入合计：汇总表中的合计不完整（见「无法读取的金额」列）。</source>
        <translation>%1 forms have amounts that cannot be read and were left out: the summary's totals are incomplete (see the column 「无法读取的金额」).</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="184" />
        <source>打开汇总表</source>
        <translation>Open summary</translation>
    </message>
</context>
<context>
    <name>delegates</name>
    <message>
        <location filename="../../goalform/ui/indicators/delegates.py" line="42" />
        <source>（常见指标值：{0}）</source>
        <translation>(typical value: {0})</translation>
    </message>
</context>
<context>
    <name>names</name>
    <message>
        <location filename="../../goalform/domain/names.py" line="27" />
        <source>部门（单位）名称</source>
        <translation>Department (unit) name</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="28" />
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="29" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="30" />
        <source>填报日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="31" />
        <source>长期目标截止时间</source>
        <translation>Long-term deadline</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="32" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="35" />
        <source>长期绩效指标</source>
        <translation>Long-term performance indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="36" />
        <source>年度绩效指标</source>
        <translation>Annual performance indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="39" />
        <source>长期指标</source>
        <translation>Long-term indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/names.py" line="40" />
        <source>年度指标</source>
        <translation>Annual indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="93" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="94" />
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="95" />
        <source>预期当年实现值</source>
        <translation>Expected this year</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="96" />
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="97" />
        <source>指标分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="98" />
        <source>前年值</source>
        <translation>Value two years before</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="99" />
        <source>上年值</source>
        <translation>Last year's value</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/sections.py" line="103" />
        <source>%1年值</source>
        <translation>%1 value</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="79" />
        <source>金额最多保留{n}位小数：「{amount}」</source>
        <translation>An amount has at most {n} decimals: “{amount}”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="81" />
        <source>「{amount}」万元即一万亿元以上，没有部门的预算这么大：请检查位数</source>
        <translation>“{amount}” (10,000 yuan) is a trillion yuan or more; no department's budget is that large: check the digits</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="94" />
        <source>金额不能为负数：「{amount}」</source>
        <translation>An amount cannot be negative: “{amount}”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="102" />
        <source>金额以万元为单位：「{amount}」是 {wan} 万元，请填 {wan}</source>
        <translation>Amounts are in 10,000 yuan: “{amount}” is {wan} (10,000 yuan); enter {wan}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="103" />
        <source>金额以万元为单位：「{amount}」请换算成万元再填</source>
        <translation>Amounts are in 10,000 yuan: convert “{amount}” first</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="105" />
        <source>「{amount}」含有空格、制表符或换行：一格只能填一个金额</source>
        <translation>“{amount}” contains spaces, tabs or line breaks: one amount per cell</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="107" />
        <source>「{amount}」有两个小数点</source>
        <translation>“{amount}” has two decimal points</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="109" />
        <source>「{amount}」的逗号不在千位上：千位分隔符每三位一个（如 1,000），小数点请用「.」</source>
        <translation>“{amount}” has a comma outside the thousands positions: a separator every three digits (1,000); use “.” for decimals</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/amounts.py" line="110" />
        <source>「{amount}」不是金额</source>
        <translation>“{amount}” is not an amount</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="17" />
        <source>{year}年当年金额</source>
        <translation>{year} amount (current year)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="19" />
        <source>{year}年金额</source>
        <translation>{year} amount</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="30" />
        <source>{line}（{column}）：{error}</source>
        <translation>{line} ({column}): {error}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="37" />
        <source>{group}合计（{column}）：{error}</source>
        <translation>{group} total ({column}): {error}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="55" />
        <source>{group}合计（{column}）填的是 {stated}，各行之和为 {computed}</source>
        <translation>{group} total ({column}) is given as {stated}, but its lines add up to {computed}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="77" />
        <source>{column}：{blank}还没有填写（收入合计与支出合计应相等）</source>
        <translation>{column}: {blank} not filled in yet (total income must equal total expenditure)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/budget.py" line="83" />
        <source>{column}：收入合计 {income} 与支出合计 {expenditure} 不相等</source>
        <translation>{column}: total income {income} does not equal total expenditure {expenditure}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/core.py" line="24" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/core.py" line="24" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/core.py" line="24" />
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/core.py" line="24" />
        <source>待填</source>
        <translation>To fill in</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/header.py" line="32" />
        <source>请填写{label}</source>
        <translation>Please fill in {label}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/header.py" line="34" />
        <source>请填写填报日期</source>
        <translation>Please fill in the date</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/header.py" line="49" />
        <source>联系电话「{phone}」格式不正确，应为 027-12345678 或 13812345678</source>
        <translation>Phone “{phone}” is not valid: write it as 027-12345678 or 13812345678</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/header.py" line="57" />
        <source>填报日期「{date}」不是有效日期，应写作 2025-12-31 或 2025年12月31日</source>
        <translation>Date “{date}” is not a valid date: write it as 2025-12-31</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="43" />
        <source>{tree}的一级指标「{level1}」下还没有三级指标</source>
        <translation>{tree}: no level-3 indicator under “{level1}” yet</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="52" />
        <source>{row}下没有三级指标：请添加三级指标或删除此二级指标</source>
        <translation>{row} has no level-3 indicator: add one or delete this level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="62" />
        <location filename="../../goalform/domain/validation/indicators.py" line="67" />
        <source>{tree}「{where}」下仍有「……」占位行：请填写或删除</source>
        <translation>{tree} “{where}” still has a “……” placeholder row: fill it in or delete it</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="75" />
        <source>{row}没有名称</source>
        <translation>{row} has no name</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="78" />
        <source>{row}没有填写三级指标名称</source>
        <translation>{row}: the level-3 indicator has no name</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="90" />
        <location filename="../../goalform/domain/validation/indicators.py" line="104" />
        <source>{row}没有填写{label}</source>
        <translation>{row}: {label} is not filled in</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="92" />
        <source>{row}的{label}填了「无」：本版本的表不允许，请填写具体目标或删除此指标</source>
        <translation>{row}: {label} is “无” (none), which this version of the form does not allow: give a target or delete the indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="103" />
        <source>{row}没有选择{label}</source>
        <translation>{row}: no {label} chosen</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="106" />
        <source>{row}的{label}「{value}」不是可选值（可选：{values}）</source>
        <translation>{row}: {label} “{value}” is not one of the choices ({values})</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="158" />
        <source>{tree}「{name}」与同一二级指标「{level2}」下第{n}行重名</source>
        <translation>{tree} “{name}” has the same name as row {n} under the same level-2 indicator “{level2}”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="180" />
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="181" />
        <source>{row}没有填写{years}的指标值</source>
        <translation>{row}: no value for {years}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/indicators.py" line="252" />
        <source>{row}的指标值确定依据是「{other}」的说明，可能与上下行错位，请核对</source>
        <translation>{row}: the basis explains “{other}”; the rows may have slipped: please check</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/library.py" line="57" />
        <source>{row}在指标库中属于「{where}」，这里在「{here}」下</source>
        <translation>{row} belongs under “{where}” in the indicator library; here it is under “{here}”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="50" />
        <source>{row}的指标值「{value}」不够具体：请给出可衡量的数值（如 ≥90%、不少于 10 次）</source>
        <translation>{row}: the value “{value}” is not specific: give a measurable figure (e.g. ≥90%, at least 10 times)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="55" />
        <source>{row}是可计量的指标，指标值「{value}」应给出数值（如 ≥90%）</source>
        <translation>{row} is measurable: its value “{value}” should be a figure (e.g. ≥90%)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="73" />
        <source>{row}的「{value}」中比率 {rate}% 超出 0–100% 的范围</source>
        <translation>{row}: the rate {rate}% in “{value}” is outside 0–100%</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="84" />
        <source>{row}在{tree}中没有对应的指标</source>
        <translation>{row} has no matching indicator in the {tree}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="107" />
        <source>{row}的预期当年实现值「{value}」低于{year}年的「{last}」：目标比上年差，请核实</source>
        <translation>{row}: the expected value “{value}” is below {year}'s “{last}”: a worse target than last year, please check</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="109" />
        <source>{row}的预期当年实现值「{value}」高于{year}年的「{last}」：目标比上年差，请核实</source>
        <translation>{row}: the expected value “{value}” is above {year}'s “{last}”: a worse target than last year, please check</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="133" />
        <source>{line}：{year}年 {now} 万元比{last_year}年 {last} 万元增加 {percent}%，变动超过 50%，请核实或说明原因</source>
        <translation>{line}: {now} in {year} is {percent}% more than {last} in {last_year} (10,000 yuan); a change over 50%: check it or explain why</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="135" />
        <source>{line}：{year}年 {now} 万元比{last_year}年 {last} 万元减少 {percent}%，变动超过 50%，请核实或说明原因</source>
        <translation>{line}: {now} in {year} is {percent}% less than {last} in {last_year} (10,000 yuan); a change over 50%: check it or explain why</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/quality.py" line="153" />
        <source>量化指标占比 {overall}；长期指标 {long_term}，年度指标 {annual}</source>
        <translation>Quantified indicators {overall}; long-term {long_term}, annual {annual}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/review.py" line="21" />
        <source>文件在{status}后被修改：{who} 于 {when} {status}时的指纹为 {recorded}，现在为 {now}</source>
        <translation>The file was changed after it was {status}: when {who} set it to {status} on {when} its fingerprint was {recorded}, now it is {now}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/review.py" line="28" />
        <source>通过的内容与提交的不同（提交后被修改）：{submitter} 于 {submitted} 提交的指纹为 {before}，{approver} 于 {approved} 通过的指纹为 {after}（通过时已确认接受提交后的修改）</source>
        <translation>The approved content differs from the submitted (changed after submission): {submitter} submitted fingerprint {before} on {submitted}, {approver} approved fingerprint {after} on {approved} (the approval accepted the changes)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/review.py" line="32" />
        <source>通过的内容与提交的不同（提交后被修改）：{submitter} 于 {submitted} 提交的指纹为 {before}，{approver} 于 {approved} 通过的指纹为 {after}（通过时未注明接受修改）</source>
        <translation>The approved content differs from the submitted (changed after submission): {submitter} submitted fingerprint {before} on {submitted}, {approver} approved fingerprint {after} on {approved} (the approval did not say it accepted the changes)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/rollover.py" line="27" />
        <source>{line}的{year}年金额「{value}」是结转前的预算数，请改为实际收支数</source>
        <translation>{line}: the {year} amount “{value}” is the budget carried over: enter the actual figure</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/rollover.py" line="37" />
        <source>「{name}」的上年值「{value}」是结转前的预期当年实现值，请改为{year}年实际完成值</source>
        <translation>“{name}”: last year's value “{value}” is the target carried over: enter what was achieved in {year}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/rows.py" line="53" />
        <source>{tree}「{name}」</source>
        <translation>{tree} “{name}”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/rows.py" line="55" />
        <source>{tree}（{level1}下第{n}个二级指标）</source>
        <translation>{tree} (level-2 indicator {n} under {level1})</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/rows.py" line="57" />
        <source>{tree}（{where}下第{n}行）</source>
        <translation>{tree} (row {n} under {where})</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="26" />
        <source>请填写{name}</source>
        <translation>Please fill in {name}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="39" />
        <source>请填写长期目标的截止时间（如 {year}年12月）</source>
        <translation>Please fill in the deadline of the long-term goal (e.g. {year}年12月)</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="45" />
        <source>长期目标的截止时间「{deadline}」早于本表年度 {year} 年</source>
        <translation>The long-term deadline “{deadline}” is before the form's year {year}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="50" />
        <source>长期目标的截止时间「{deadline}」没有写完整年份，应写作「{year}年12月」这样的形式</source>
        <translation>The long-term deadline “{deadline}” has no full year: write it like “{year}年12月”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="52" />
        <source>长期目标的截止时间「{deadline}」无法识别，请写作「{year}年12月」这样的形式</source>
        <translation>The long-term deadline “{deadline}” cannot be read: write it like “{year}年12月”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="71" />
        <source>不可见的控制字符 U+{code}</source>
        <translation>an invisible control character U+{code}</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="72" />
        <source>「{found}」</source>
        <translation>“{found}”</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="83" />
        <location filename="../../goalform/domain/validation/texts.py" line="86" />
        <location filename="../../goalform/domain/validation/texts.py" line="100" />
        <source>{what}含有{found}，请删除</source>
        <translation>{what} contains {found}: please delete it</translation>
    </message>
    <message>
        <location filename="../../goalform/domain/validation/texts.py" line="90" />
        <source>金额「{amount}」含有{found}，请删除</source>
        <translation>Amount “{amount}” contains {found}: please delete it</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/wording.py" line="22" />
        <source>{severity}：{message}</source>
        <translation>{severity}: {message}</translation>
    </message>
</context>
<context>
    <name>DisplayCheck</name>
    <message>
        <location filename="../../goalform/ui/app/display_check.py" line="28" />
        <source>不需要窗口的命令照常可用，例如：goalform validate 文件.goal</source>
        <translation>Commands that need no window still work, e.g. goalform validate form.goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/display_check.py" line="109" />
        <source>无法打开窗口：没有图形显示（未设置 DISPLAY）。请在桌面中启动 goalform，远程登录时使用 ssh -X。</source>
        <translation>Cannot open a window: no graphical display (DISPLAY is not set). Start goalform from a desktop; over a remote login use ssh -X.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/display_check.py" line="114" />
        <source>无法打开窗口：缺少图形界面所需的系统库 {libs}。</source>
        <translation>Cannot open a window: the system libraries the interface needs are missing: {libs}.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/display_check.py" line="116" />
        <source>在 Debian、Ubuntu、统信 UOS、银河麒麟上安装：sudo apt install {packages}</source>
        <translation>To install them on Debian, Ubuntu, UOS or Kylin: sudo apt install {packages}</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/display_check.py" line="121" />
        <source>无法打开窗口：连接不上图形显示 {display}（DISPLAY={display}）。请在桌面中启动 goalform，远程登录时使用 ssh -X。</source>
        <translation>Cannot open a window: cannot connect to the graphical display {display} (DISPLAY={display}). Start goalform from a desktop; over a remote login use ssh -X.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/display_check.py" line="124" />
        <source>无法打开窗口：没有图形显示（未设置 WAYLAND_DISPLAY）。请在桌面中启动 goalform。</source>
        <translation>Cannot open a window: no graphical display (WAYLAND_DISPLAY is not set). Start goalform from a desktop.</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <location filename="../../goalform/ui/app/unexpected_error.py" line="58" />
        <source>磁盘空间不足或无法写入，刚才的修改没有记下。
请腾出磁盘空间后重试；也可以用「另存为」把表格保存到其他磁盘。</source>
        <translation>The disk is full or cannot be written: the last change was not recorded.
Free some disk space and try again, or use Save As to save the form on another disk.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/unexpected_error.py" line="60" />
        <source>goalform 遇到了一个意外错误，刚才的操作可能没有完成。
之前输入的内容都保存在工作副本中：如果程序随后关闭，下次启动时会提示恢复。</source>
        <translation>goalform ran into an unexpected error; the last action may not have been completed.
Everything typed before is kept in the working copy: if the program closes, it is offered back at the next start.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/unexpected_error.py" line="80" />
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/unexpected_error.py" line="81" />
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/unexpected_error.py" line="81" />
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/app/unexpected_error.py" line="83" />
        <source>详细信息已记录在：%1</source>
        <translation>The details were written to: %1</translation>
    </message>
</context>
<context>
    <name>SummarizeWorker</name>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="68" />
        <source>无法写入汇总表「%1」：%2。</source>
        <translation>Cannot write the summary “%1”: %2.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/files/summarize.py" line="72" />
        <source>汇总失败：%1</source>
        <translation>Summary failed: %1</translation>
    </message>
</context>
<context>
    <name>FundsGrid</name>
    <message>
        <location filename="../../goalform/ui/funds/grid.py" line="303" />
        <location filename="../../goalform/ui/funds/grid.py" line="322" />
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/grid.py" line="304" />
        <source>%1：%2。表中仍为「%3」，改正后回车，或按 Esc 恢复。</source>
        <translation>%1: %2. The form still holds “%3”; correct it and press Enter, or press Esc to restore.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/grid.py" line="321" />
        <source>%1：%2。没有填入，表中仍为「%3」。</source>
        <translation>%1: %2. Not entered; the form still holds “%3”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/grid.py" line="422" />
        <source>清除金额</source>
        <translation>Clear amounts</translation>
    </message>
</context>
<context>
    <name>FundsPaste</name>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="84" />
        <source>「%1」在表格最后一行之下</source>
        <translation>“%1” is below the last row of the table</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="98" />
        <location filename="../../goalform/ui/funds/paste.py" line="106" />
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="102" />
        <source>粘贴金额</source>
        <translation>Paste amounts</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="105" />
        <source>%1：「%2」不填，此格由程序计算（现为「%3」）</source>
        <translation>%1: “%2” not entered, this cell is computed (now “%3”)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="114" />
        <source>已粘贴 %1 个金额</source>
        <translation>Pasted %1 amounts</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="116" />
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="122" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="122" />
        <source>第 %1 列 → %2</source>
        <translation>column %1 → %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="123" />
        <source>表格之外</source>
        <translation>outside the table</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="128" />
        <source>没有粘贴：复制的 %1 列从此格起放不下，会是 %2。

请复制 %3 列（%4），或连同%5共 %6 列，或选中能放下它的格再粘贴。</source>
        <translation>Nothing pasted: the %1 copied columns do not fit from this cell on; they would go %2.

Copy %3 columns (%4), or all %6 columns including %5, or select a cell where the block fits and paste again.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="130" />
        <location filename="../../goalform/ui/funds/paste.py" line="131" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="132" />
        <location filename="../../goalform/ui/funds/paste.py" line="144" />
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="137" />
        <source>以下 %1 项没有填入：</source>
        <translation>These %1 items were not entered:</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="139" />
        <source>已填入 %1 格：</source>
        <translation>%1 cells were filled in:</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="141" />
        <source>没有填入任何金额。</source>
        <translation>No amount was entered.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="143" />
        <source>各列的去处：%1</source>
        <translation>Where each column went: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/funds/paste.py" line="148" />
        <source>……另有 %1 项</source>
        <translation>… and %1 more</translation>
    </message>
</context>
<context>
    <name>IndicatorPaste</name>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="108" />
        <source>默认分类：模板中此指标为「%1」，请确认</source>
        <translation>Default category: the template gives this indicator “%1”; please check</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="109" />
        <source>默认分类：本表最常用的「%1」，请确认</source>
        <translation>Default category: “%1”, the most common in this table; please check</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="153" />
        <source>此格不能填写（一级指标，或二级指标的指标值）</source>
        <translation>This cell cannot be filled in (a level-1 indicator, or a level-2 indicator's value)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="162" />
        <source>请先选中一个二级或三级指标，再粘贴多行</source>
        <translation>Select a level-2 or level-3 indicator first, then paste several rows</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="182" />
        <source>第%1行「%2」在最后一列之外</source>
        <translation>Row %1: “%2” is beyond the last column</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="185" />
        <source>第%1行「%2」有换行：一格只能填一行</source>
        <translation>Row %1: “%2” has a line break; a cell holds one line only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="209" />
        <source>粘贴指标</source>
        <translation>Paste indicators</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="235" />
        <source>……另有 %1 项</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="236" />
        <source>已粘贴 %1 格；以下 %2 项没有填入：</source>
        <translation>Pasted %1 cells; these %2 items were not entered:</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="237" />
        <source>没有粘贴：</source>
        <translation>Nothing pasted:</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicators/paste.py" line="238" />
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
</context>
<context>
    <name>template</name>
    <message>
        <source>部门（单位）名称</source>
        <translation>Department (unit) name</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>部门总体资金情况</source>
        <translation>Department funds overall</translation>
    </message>
    <message>
        <source>总体资金情况</source>
        <translation>Funds overall</translation>
    </message>
    <message>
        <source>当年金额</source>
        <translation>Amount this year</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>近两年收支金额</source>
        <translation>Amounts of the last two years</translation>
    </message>
    <message>
        <source>合  计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>长期绩效指标</source>
        <translation>Long-term performance indicators</translation>
    </message>
    <message>
        <source>年度绩效指标</source>
        <translation>Annual performance indicators</translation>
    </message>
    <message>
        <source>一级指标</source>
        <translation>Level 1 indicator</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Level 2 indicator</translation>
    </message>
    <message>
        <source>三级指标</source>
        <translation>Level 3 indicator</translation>
    </message>
    <message>
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <source>指标分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>近两年指标值</source>
        <translation>Values of the last two years</translation>
    </message>
    <message>
        <source>预期当年实现值</source>
        <translation>Expected this year</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>收入构成</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <source>财政专户管理资金</source>
        <translation>Funds in the fiscal special account</translation>
    </message>
    <message>
        <source>单位资金</source>
        <translation>Unit's own funds</translation>
    </message>
    <message>
        <source>支出构成</source>
        <translation>Expenditure</translation>
    </message>
    <message>
        <source>人员类项目支出</source>
        <translation>Personnel project expenditure</translation>
    </message>
    <message>
        <source>运转类项目支出</source>
        <translation>Operating project expenditure</translation>
    </message>
    <message>
        <source>特定目标类项目支出</source>
        <translation>Specific-purpose project expenditure</translation>
    </message>
</context>
</TS>