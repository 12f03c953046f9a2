<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
        <location filename="../../goalform/ui/commands.py" line="79" />
        <source>重命名指标</source>
        <translation>Rename indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="79" />
        <source>修改指标值</source>
        <translation>Edit indicator value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="96" />
        <source>添加二级指标</source>
        <translation>Add level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="96" />
        <source>添加三级指标</source>
        <translation>Add level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="116" />
        <source>删除指标</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/commands.py" line="132" />
        <source>移动指标</source>
        <translation>Move indicator</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="43" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="44" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="45" />
        <source>以只读方式打开…</source>
        <translation>Open read-only…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="47" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="48" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="49" />
        <source>导入 Word/Excel…</source>
        <translation>Import Word/Excel…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="50" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="51" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="52" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="53" />
        <source>结转到下一年…</source>
        <translation>Roll over to next year…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="54" />
        <source>与另一文件比较…</source>
        <translation>Compare with another file…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="55" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="56" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="57" />
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="85" />
        <location filename="../../goalform/ui/file_actions.py" line="207" />
        <source>未命名表格</source>
        <translation>untitled form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="87" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="88" />
        <source>「%1」有未保存的修改。关闭前要保存吗？</source>
        <translation>“%1” has unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="108" />
        <source>新建失败</source>
        <translation>Could not create the form</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="119" />
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="119" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="134" />
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="147" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="151" />
        <source>清除列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="168" />
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="188" />
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="198" />
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="208" />
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="209" />
        <source>goalform 上次没有正常关闭。发现「%1」在 %2 的未保存修改。
要恢复吗？</source>
        <translation>goalform did not close normally last time. Unsaved changes to “%1” from %2 were found.
Recover them?</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="211" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="212" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="213" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="221" />
        <source>无法恢复</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="314" />
        <source>结转到下一年</source>
        <translation>Roll over to next year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="315" />
        <source>已结转为 %1 年的新表格（尚未保存）。有 %2 处需要核对，详见检查结果。</source>
        <translation>Rolled over to a new form for %1 (not saved yet). %2 items need checking; see Findings.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="237" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="238" />
        <source>Word 或 Excel 表格 (*.docx *.xlsx)</source>
        <translation>Word or Excel forms (*.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="252" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="258" />
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="258" />
        <source>已导入「%1」。</source>
        <translation>Imported “%1”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="269" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="270" />
        <source>Word 文档 (*.docx);;Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Word document (*.docx);;Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="281" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="284" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="300" />
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="311" />
        <source>结转失败</source>
        <translation>Rollover failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="323" />
        <source>与另一文件比较</source>
        <translation>Compare with another file</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="331" />
        <source>比较失败</source>
        <translation>Comparison failed</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="333" />
        <source>与「%1」相比有 %2 处不同。</source>
        <translation>%2 differences from “%1”.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="335" />
        <source>比较结果</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/file_actions.py" line="334" />
        <source>两个文件内容相同。</source>
        <translation>The two files have the same content.</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../goalform/ui/findings_dock.py" line="53" />
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/findings_dock.py" line="101" />
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
        <location filename="../../goalform/ui/indicator_model.py" line="113" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="114" />
        <source>预期当年实现值</source>
        <translation>Expected this year</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="114" />
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="115" />
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="116" />
        <source>指标分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/indicator_model.py" line="117" />
        <location filename="../../goalform/ui/indicator_model.py" line="118" />
        <source>%1年值</source>
        <translation>%1 value</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="40" />
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="40" />
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="46" />
        <source>如 %1年12月</source>
        <translation>e.g. December %1</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="48" />
        <source>截止时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="53" />
        <source>目标</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="59" />
        <source>添加二级指标</source>
        <translation>Add level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="60" />
        <source>添加三级指标</source>
        <translation>Add level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="61" />
        <source>插入同级</source>
        <translation>Insert sibling</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="62" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="63" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="64" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/tabs/indicators_tab.py" line="75" />
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
        <location filename="../../goalform/ui/main_window.py" line="80" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="100" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="101" />
        <location filename="../../goalform/ui/main_window.py" line="205" />
        <location filename="../../goalform/ui/main_window.py" line="256" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="104" />
        <location filename="../../goalform/ui/main_window.py" line="206" />
        <location filename="../../goalform/ui/main_window.py" line="260" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="113" />
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="118" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="120" />
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="123" />
        <source>下一个问题</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="127" />
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="129" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="130" />
        <location filename="../../goalform/ui/main_window.py" line="355" />
        <source>关于 goalform</source>
        <translation>About goalform</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="134" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="150" />
        <location filename="../../goalform/ui/main_window.py" line="297" />
        <source>部门整体绩效目标表</source>
        <translation>Department performance targets</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="154" />
        <source>新建表格…</source>
        <translation>New form…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="154" />
        <source>打开表格…</source>
        <translation>Open form…</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="159" />
        <source>也可以把 .goal 文件拖到这里打开</source>
        <translation>You can also drop a .goal file here</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="212" />
        <source>只读：此表格以只读方式打开，不能修改。需要修改时请用「文件 → 另存为」保存副本后再打开。</source>
        <translation>Read-only: this form was opened for reading and cannot be changed. To edit, save a copy with File → Save as and open it.</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="223" />
        <source>基本信息</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="224" />
        <source>资金情况</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="225" />
        <source>职能与任务</source>
        <translation>Functions and tasks</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="226" />
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="227" />
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="230" />
        <source>填报说明</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="271" />
        <source>错误 %1 · 警告 %2</source>
        <translation>Errors %1 · Warnings %2</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="273" />
        <source>检查用时 %1 毫秒</source>
        <translation>Checked in %1 ms</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="303" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="304" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="308" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="310" />
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="312" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../goalform/ui/main_window.py" line="356" />
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
</TS>