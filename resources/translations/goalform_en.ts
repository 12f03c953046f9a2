<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../goalform/ui/unexpected_error.py" line="58" />
        <source>磁盘空间不足或无法写入，刚才的修改没有记下。
请腾出磁盘空间后重试；也可以用「另存为」把表格保存到其他磁盘。</source>
        <translation>The disk is full or cannot be written: the last change was not recorded.
Free some disk space and try again, or use Save As to save the form on another disk.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/unexpected_error.py" line="60" />
        <source>goalform 遇到了一个意外错误，刚才的操作可能没有完成。
之前输入的内容都保存在工作副本中：如果程序随后关闭，下次启动时会提示恢复。</source>
        <translation>goalform ran into an unexpected error; the last action may not have been completed.
Everything typed before is kept in the working copy: if the program closes, it is offered back at the next start.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/unexpected_error.py" line="80" />
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/unexpected_error.py" line="83" />
        <source>详细信息已记录在：%1</source>
        <translation>The details were written to: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/unexpected_error.py" line="85" />
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/unexpected_error.py" line="86" />
        <source>继续</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../goalform/ui/about.py" line="33" />
        <source>关于 goalform</source>
        <translation>About goalform</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/about.py" line="42" />
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/about.py" line="58" />
        <source>复制信息</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../goalform/ui/commands.py" line="30" />
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="54" />
        <source>修改金额</source>
        <translation>Edit amount</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="82" />
        <source>重命名指标</source>
        <translation>Rename indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="82" />
        <source>修改指标值</source>
        <translation>Edit indicator value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="99" />
        <source>添加二级指标</source>
        <translation>Add level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="99" />
        <source>添加三级指标</source>
        <translation>Add level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="119" />
        <source>删除指标</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="135" />
        <source>移动指标</source>
        <translation>Move indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_commands.py" line="19" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_commands.py" line="36" />
        <source>删除审核意见</source>
        <translation>Delete review comment</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="35" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="41" />
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="43" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="45" />
        <source>审核意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="48" />
        <source>写下需要修改或说明的地方</source>
        <translation>Write what needs to be changed or explained</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="56" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="57" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="58" />
        <source>以只读方式打开…</source>
        <translation>Open read-only…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="60" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="61" />
        <location filename="../../goalform/ui/file_actions.py" line="250" />
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="62" />
        <source>导入 Word/Excel…</source>
        <translation>Import Word/Excel…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="63" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="64" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="65" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="66" />
        <source>结转到下一年…</source>
        <translation>Roll over to next year…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="67" />
        <source>与另一文件比较…</source>
        <translation>Compare with another file…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="68" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="69" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="70" />
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="98" />
        <location filename="../../goalform/ui/file_actions.py" line="263" />
        <source>未命名表格</source>
        <translation>untitled form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="100" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="101" />
        <source>「%1」有未保存的修改。关闭前要保存吗？</source>
        <translation>“%1” has unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="121" />
        <source>新建失败</source>
        <translation>Could not create the form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="132" />
        <location filename="../../goalform/ui/file_actions.py" line="167" />
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="132" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="152" />
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="164" />
        <source>文件已在编辑中</source>
        <translation>File already being edited</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="165" />
        <source>「%1」已在另一个 goalform 窗口中打开。
两边同时编辑，后保存的一方会覆盖先保存的一方。建议以只读方式打开。</source>
        <translation>“%1” is already open in another goalform window.
If both are edited, whichever saves last overwrites the other. Opening it read-only is recommended.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="167" />
        <source>仍要编辑</source>
        <translation>Edit anyway</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="188" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="192" />
        <source>清除列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="209" />
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="219" />
        <source>部门整体绩效目标表</source>
        <translation>Department performance targets</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="231" />
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="241" />
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="247" />
        <source>文件已被修改</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="248" />
        <source>「%1」在你打开之后被其他程序或另一个 goalform 窗口修改过。
覆盖保存会丢掉那些修改；另存为可以两份都保留。</source>
        <translation>“%1” was changed by another program or goalform window after you opened it.
Overwriting it loses those changes; Save As keeps both.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="250" />
        <source>覆盖保存</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="264" />
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="265" />
        <source>goalform 上次没有正常关闭。发现「%1」在 %2 的未保存修改。
要恢复吗？</source>
        <translation>goalform did not close normally last time. Unsaved changes to “%1” from %2 were found.
Recover them?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="267" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="268" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="269" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="277" />
        <source>无法恢复</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="366" />
        <source>结转到下一年</source>
        <translation>Roll over to next year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="367" />
        <source>已结转为 %1 年的新表格（尚未保存）。有 %2 处需要核对，详见检查结果。</source>
        <translation>Rolled over to a new form for %1 (not saved yet). %2 items need checking; see Findings.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="293" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="40" />
        <source>goalform 表格 (*.goal)</source>
        <translation>goalform forms (*.goal)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="294" />
        <source>Word 或 Excel 表格 (*.docx *.xlsx)</source>
        <translation>Word or Excel forms (*.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="307" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="312" />
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="312" />
        <source>已导入「%1」。</source>
        <translation>Imported “%1”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="323" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="324" />
        <source>Word 文档 (*.docx);;Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Word document (*.docx);;Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="334" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="336" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="352" />
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="363" />
        <source>结转失败</source>
        <translation>Rollover failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="375" />
        <source>与另一文件比较</source>
        <translation>Compare with another file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="383" />
        <source>比较失败</source>
        <translation>Comparison failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="385" />
        <source>与「%1」相比有 %2 处不同。</source>
        <translation>%2 differences from “%1”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="387" />
        <source>比较结果</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="386" />
        <source>两个文件内容相同。</source>
        <translation>The two files have the same content.</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../goalform/ui/findings_dock.py" line="75" />
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/findings_dock.py" line="118" />
        <source>未打开表格</source>
        <translation>No form open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/findings_dock.py" line="131" />
        <source>没有发现问题</source>
        <translation>No problems found</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../goalform/ui/editor.py" line="22" />
        <source>部门名称</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/editor.py" line="22" />
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/editor.py" line="22" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/editor.py" line="23" />
        <source>填报日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/editor.py" line="23" />
        <source>长期目标截止时间</source>
        <translation>Long-term deadline</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/editor.py" line="23" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>FundsTab</name>
    <message>
        <location filename="../../goalform/ui/tabs/funds_tab.py" line="54" />
        <source>%1年当年金额</source>
        <translation>%1 amount</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/funds_tab.py" line="91" />
        <source>单位：万元。合计和占比由程序计算，不能直接修改。</source>
        <translation>Unit: 10,000 yuan. Totals and shares are computed and cannot be edited.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/funds_tab.py" line="114" />
        <source>由程序计算</source>
        <translation>Computed</translation>
    </message>
</context>
<context>
    <name>HeaderTab</name>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="19" />
        <source>填报单位</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="26" />
        <source>填报日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="29" />
        <source>填写填报本表的部门全称</source>
        <translation>Full name of the department</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="30" />
        <source>如 027-12345678 或 13812345678</source>
        <translation>e.g. 027-12345678 or 13812345678</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="31" />
        <source>如 2025-12-31</source>
        <translation>e.g. 2025-12-31</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="43" />
        <source>表格</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="45" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="46" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="47" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="47" />
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="51" />
        <source>备注（不打印）</source>
        <translation>Notes (not printed)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/header_tab.py" line="55" />
        <source>导入和结转时的说明会记在这里，也可以写给自己的备忘。</source>
        <translation>Notes from import and rollover are kept here; you can add your own.</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="115" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="116" />
        <source>预期当年实现值</source>
        <translation>Expected this year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="116" />
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="117" />
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="118" />
        <source>指标分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="119" />
        <location filename="../../goalform/ui/indicator_model.py" line="120" />
        <source>%1年值</source>
        <translation>%1 value</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="41" />
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="41" />
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="47" />
        <source>如 %1年12月</source>
        <translation>e.g. December %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="49" />
        <source>截止时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="54" />
        <source>目标</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="60" />
        <source>添加二级指标</source>
        <translation>Add level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="61" />
        <source>添加三级指标</source>
        <translation>Add level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="62" />
        <source>插入同级</source>
        <translation>Insert sibling</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="63" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="64" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="65" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="76" />
        <source>F2/回车 编辑 · Tab 换列 · 拖动可调整顺序</source>
        <translation>F2/Enter edit · Tab next column · drag to reorder</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="124" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="144" />
        <source>请先选中一个二级指标，再添加三级指标。</source>
        <translation>Select a level-2 indicator first, then add a level-3 indicator.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="175" />
        <source>一级指标由模板固定，不能删除。</source>
        <translation>Level-1 indicators are fixed by the template and cannot be deleted.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="83" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="103" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="104" />
        <location filename="../../goalform/ui/main_window.py" line="209" />
        <location filename="../../goalform/ui/main_window.py" line="261" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="107" />
        <location filename="../../goalform/ui/main_window.py" line="210" />
        <location filename="../../goalform/ui/main_window.py" line="265" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="116" />
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="121" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="123" />
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="126" />
        <source>下一个问题</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="130" />
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="132" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="133" />
        <location filename="../../goalform/ui/main_window.py" line="360" />
        <source>关于 goalform</source>
        <translation>About goalform</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="137" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="153" />
        <location filename="../../goalform/ui/main_window.py" line="302" />
        <source>部门整体绩效目标表</source>
        <translation>Department performance targets</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="157" />
        <source>新建表格…</source>
        <translation>New form…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="157" />
        <source>打开表格…</source>
        <translation>Open form…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="162" />
        <source>也可以把 .goal 文件拖到这里打开</source>
        <translation>You can also drop a .goal file here</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="216" />
        <source>只读：此表格以只读方式打开，不能修改。需要修改时请用「文件 → 另存为」保存副本后再打开。</source>
        <translation>Read-only: this form was opened for reading and cannot be changed. To edit, save a copy with File → Save as and open it.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="227" />
        <source>基本信息</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="228" />
        <source>资金情况</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="229" />
        <source>职能与任务</source>
        <translation>Functions and tasks</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="230" />
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="231" />
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="234" />
        <source>填报说明</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="276" />
        <source>错误 %1 · 警告 %2</source>
        <translation>Errors %1 · Warnings %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="278" />
        <source>检查用时 %1 毫秒</source>
        <translation>Checked in %1 ms</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="308" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="309" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="313" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="315" />
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="317" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="361" />
        <source>goalform %1
部门整体绩效目标表的填报、检查与导出。</source>
        <translation>goalform %1
Fill in, check and export department performance-target forms.</translation>
    </message>
</context>
<context>
    <name>NewFormDialog</name>
    <message>
        <location filename="../../goalform/ui/new_dialog.py" line="15" />
        <source>新建表格</source>
        <translation>New form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/new_dialog.py" line="28" />
        <source>表格版本</source>
        <translation>Form version</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/new_dialog.py" line="29" />
        <source>预算年度</source>
        <translation>Budget year</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="151" />
        <location filename="../../goalform/ui/review_actions.py" line="313" />
        <source>添加审核意见…</source>
        <translation>Add review comment…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="153" />
        <source>删除所选审核意见</source>
        <translation>Delete selected comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="154" />
        <source>提交…</source>
        <translation>Submit…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="155" />
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="156" />
        <source>通过…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="157" />
        <source>复制指纹</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="158" />
        <location filename="../../goalform/ui/review_actions.py" line="471" />
        <source>以可编辑方式重新打开</source>
        <translation>Reopen for editing</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="160" />
        <source>审核面板</source>
        <translation>Review panel</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="163" />
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="259" />
        <source>审核：草稿</source>
        <translation>Review: draft</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="259" />
        <source>尚未提交</source>
        <translation>Not submitted yet</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="261" />
        <source>审核：%1 · %2</source>
        <translation>Review: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="263" />
        <source>指纹 %1</source>
        <translation>Fingerprint %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="264" />
        <source>%1 %2
指纹：%3</source>
        <translation>%1 %2
Fingerprint: %3</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="267" />
        <source>⚠ 提交后已修改</source>
        <translation>⚠ Changed after submission</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="333" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="333" />
        <source>审核意见不能为空</source>
        <translation>A review comment cannot be empty</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="333" />
        <source>请填写审核人</source>
        <translation>Please enter the reviewer</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="350" />
        <source>已删除审核意见（可撤销）</source>
        <translation>Review comment deleted (can be undone)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="355" />
        <source>请先在审核面板中选中一条意见</source>
        <translation>Select a comment in the review panel first</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="367" />
        <source>该意见所指的指标已被删除</source>
        <translation>The indicator this comment refers to has been deleted</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="388" />
        <source>对此问题添加审核意见…</source>
        <translation>Add review comment on this finding…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="390" />
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="414" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="414" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="414" />
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="427" />
        <source>检查发现 %1 个错误。仍要提交吗？</source>
        <translation>The check found %1 errors. Submit anyway?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="430" />
        <source>提交时记录表格内容的指纹（SHA-256）。提交后如再修改，审核人会看到提示。</source>
        <translation>Submitting records a fingerprint (SHA-256) of the form. If the form is changed afterwards, reviewers are told.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="431" />
        <source>把表格退回填报单位修改。请在说明中写明原因。</source>
        <translation>Return the form to the department for changes. Please give the reason in the note.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="432" />
        <source>确认此表审核通过，并记录此时的指纹。</source>
        <translation>Approve this form and record its fingerprint now.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="447" />
        <source>状态已改为「%1」，指纹 %2。保存文件后生效。</source>
        <translation>Status changed to “%1”, fingerprint %2. Save the file to keep it.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="458" />
        <source>已复制指纹 %1</source>
        <translation>Fingerprint %1 copied</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="468" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_actions.py" line="469" />
        <source>此表格以只读方式打开，不能添加审核意见或更改状态。
要以可编辑方式重新打开吗？修改在保存后才写入文件。</source>
        <translation>This form is open read-only: comments and status changes are not possible.
Reopen it for editing? Changes reach the file when it is saved.</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="68" />
        <location filename="../../goalform/ui/review_dock.py" line="219" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="74" />
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="92" />
        <location filename="../../goalform/ui/review_dock.py" line="177" />
        <source>提交时指纹</source>
        <translation>Fingerprint at submission</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="94" />
        <source>当前指纹</source>
        <translation>Current fingerprint</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="100" />
        <source>审核意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="112" />
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="115" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="126" />
        <source>状态记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="145" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="147" />
        <source>复制完整指纹（64 位十六进制）</source>
        <translation>Copy the full fingerprint (64 hex digits)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="159" />
        <source>只读文件：添加前需以可编辑方式重新打开</source>
        <translation>Read-only file: reopen for editing before adding comments</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="163" />
        <source>没有打开的表格</source>
        <translation>No form is open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="177" />
        <source>%1时指纹</source>
        <translation>Fingerprint at %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="179" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="186" />
        <source>⚠ 文件在%1后被修改：当前内容与 %2 于 %3 %1时的指纹不一致。</source>
        <translation>⚠ The file was changed after %1: its content no longer matches the fingerprint recorded when %2 did %1 on %3.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="198" />
        <source>说明：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="200" />
        <source>指纹：%1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="202" />
        <source>草稿，尚未提交</source>
        <translation>Draft, not submitted yet</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="213" />
        <source>单击转到该处；Delete 删除</source>
        <translation>Click to go there; Delete removes it</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="217" />
        <source>还没有审核意见。在字段、金额或指标上单击右键，选择「添加审核意见…」。</source>
        <translation>No review comments yet. Right-click a field, amount or indicator and choose “Add review comment…”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/review_dock.py" line="219" />
        <source>审核（%1 条意见）</source>
        <translation>Review (%1 comments)</translation>
    </message>
</context>
<context>
    <name>ReviewMarks</name>
    <message>
        <location filename="../../goalform/ui/review_markers.py" line="66" />
        <source>审核意见（%1）：%2</source>
        <translation>Review comments (%1): %2</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="79" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="82" />
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/comment_dialog.py" line="85" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SummarizeAction</name>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="71" />
        <source>汇总文件夹…</source>
        <translation>Summarize folder…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="88" />
        <source>选择要汇总的文件夹</source>
        <translation>Choose the folder to summarize</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="92" />
        <source>汇总表保存为</source>
        <translation>Save the summary as</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="93" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="104" />
        <source>正在读取表格…</source>
        <translation>Reading forms…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="104" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="106" />
        <location filename="../../goalform/ui/summarize_action.py" line="142" />
        <location filename="../../goalform/ui/summarize_action.py" line="151" />
        <source>汇总文件夹</source>
        <translation>Summarize folder</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="127" />
        <source>正在读取 %1/%2：%3</source>
        <translation>Reading %1/%2: %3</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="154" />
        <source>已取消，未写入汇总表（已读取 %1 个文件）。</source>
        <translation>Cancelled; no summary written (%1 files read).</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="158" />
        <source>没有一张表能够读取，未写入汇总表。</source>
        <translation>No form could be read; no summary written.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="159" />
        <source>所选文件夹中没有 goalform 表格（.goal），未写入汇总表。</source>
        <translation>The folder holds no goalform forms (.goal); no summary written.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="162" />
        <source>已汇总 %1 张表到「%2」。</source>
        <translation>Summarized %1 forms into “%2”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="164" />
        <source>%1 个文件未能汇总（也列在汇总表的「未汇总的文件」页）：</source>
        <translation>%1 files could not be summarized (also listed on the summary’s “not summarized” sheet):</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/summarize_action.py" line="173" />
        <source>打开汇总表</source>
        <translation>Open summary</translation>
    </message>
</context>
<context>
    <name>delegates</name>
    <message>
        <location filename="../../goalform/ui/delegates.py" line="28" />
        <source>（常见指标值：{0}）</source>
        <translation>(typical value: {0})</translation>
    </message>
</context>
<context>
    <name>integrations</name>
    <message>
        <location filename="../../goalform/ui/integrations.py" line="29" />
        <source>以下 {0} 处内容在表格中没有对应位置，已原样记入「备注」（基本信息页）：</source>
        <translation>These {0} items found no place in the form and were kept as they are in the notes (basic information tab):</translation>
    </message>
</context>
</TS>