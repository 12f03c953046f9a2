"""The 文件 menu: new, open (also read-only), recent files, save, save as, crash recovery, and the
import / export / print / rollover / compare actions of the other parts of goalform.

Those other parts are reached through :mod:`goalform.ui.files.lazy_formats`, which imports them only when
an action runs, so the window opens fast.
"""
from __future__ import annotations

import contextlib
import datetime
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from goalform.domain.form import TREES, leaves
from goalform.paths import NAME_MAX, fitted
from goalform.store.document import Document
from goalform.store.quick_read import read_form
from goalform.store.errors import ChangedOnDisk
from goalform.store.workspace import Workspace
from goalform.ui.files import lazy_formats as integrations
from goalform.ui.error_gate import go_ahead_despite_errors
from goalform.ui.app.my_info import MyInfo
from goalform.ui.app.shell import Shell
from goalform.ui import telling
from goalform.ui.telling import Choice, Icon, Keep, Role


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while a file is read or written; gone before any message box shows."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def goal_filter() -> str:
    """The file-dialog filter for .goal files, in the interface language."""
    return QCoreApplication.translate("FileActions", "goalform 表格 (*.goal)")


def _patterns(suffixes) -> str:
    return " ".join(f"*{s}" for s in suffixes)


def import_filters() -> str:
    """Every type the importer reads (asked from it, not listed here): all together, Word, Excel, any file."""
    kinds, names = integrations.import_suffixes(), integrations.import_kind_names()
    tr = QCoreApplication.translate
    every = [s for suffixes in kinds.values() for s in suffixes]
    filters = [tr("FileActions", "Word 或 Excel 表格 (%1)").replace("%1", _patterns(every))]
    filters += [f"{tr('FileActions', names.get(kind, kind))} ({_patterns(suffixes)})" for kind, suffixes in kinds.items()]
    filters.append(tr("FileActions", "所有文件 (*)"))
    return ";;".join(filters)


def open_filters() -> str:
    """.goal first; the Word and Excel files 打开 imports, too."""
    every = [s for suffixes in integrations.import_suffixes().values() for s in suffixes]
    tr = QCoreApplication.translate
    return ";;".join([goal_filter(), tr("FileActions", "可导入的 Word 或 Excel 表格 (%1)").replace("%1", _patterns(every)),
                      tr("FileActions", "所有文件 (*)")])


def export_filters() -> tuple[str, list[str]]:
    """(the filter string, the suffixes in its order) of every format the exporter writes."""
    tr = QCoreApplication.translate
    formats = integrations.export_formats()
    return ";;".join(f"{tr('FileActions', label)} (*{s})" for s, label in formats.items()), list(formats)


def is_importable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix != ".goal" and any(suffix in s for s in integrations.import_suffixes().values())


class FileActions(QObject):
    def __init__(self, window: Shell) -> None:
        super().__init__(window)
        self.window = window

        def action(text: str, slot, shortcut: QKeySequence | str | None = None, name: str = "") -> QAction:
            a = QAction(text, window)
            a.setObjectName(name)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        self.new_action = action(self.tr("新建…"), self.new_file, QKeySequence.StandardKey.New, "new")
        self.open_action = action(self.tr("打开…"), lambda: self.open_file(), QKeySequence.StandardKey.Open, "open")
        self.open_read_only_action = action(self.tr("以只读方式打开…"), lambda: self.open_file(read_only=True),
                                            None, "open_read_only")
        self.save_action = action(self.tr("保存"), self.save, QKeySequence.StandardKey.Save, "save")
        self.save_as_action = action(self.tr("另存为…"), self.save_as, QKeySequence("Ctrl+Shift+S"), "save_as")
        self.import_action = action(self.tr("导入 Word/Excel…"), self.import_file, QKeySequence("Ctrl+I"), "import")
        self.export_action = action(self.tr("导出…"), self.export_file, QKeySequence("Ctrl+E"), "export")
        self.print_preview_action = action(self.tr("打印预览…"), self.print_preview, None, "print_preview")
        self.print_action = action(self.tr("打印…"), self.print_form, QKeySequence.StandardKey.Print, "print")
        self.rollover_action = action(self.tr("结转到下一年…"), self.rollover, None, "rollover")
        self.compare_action = action(self.tr("与另一文件比较…"), self.compare, None, "compare")
        self.close_action = action(self.tr("关闭"), self.close_document, QKeySequence.StandardKey.Close, "close")
        self.quit_action = action(self.tr("退出"), window.close, QKeySequence("Ctrl+Q"), "quit")
        self.recent_menu = QMenu(self.tr("最近打开"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        self.diff_window = None  # the last 比较结果 window (goalform.ui.files.diff_window)
        self.my_info = MyInfo(window)  # 我的信息…: the 填报人 and 联系电话 new forms start with

    @property
    def doc(self) -> Document | None:
        return self.window.doc

    def update_actions(self) -> None:
        doc = self.doc
        has = doc is not None
        # A read-only form can be saved when it has new review records (they are all that is written).
        writable = has and (not doc.read_only or (doc.takes_review and doc.is_dirty))  # type: ignore[union-attr]
        self.save_action.setEnabled(writable)
        self.save_as_action.setEnabled(has)
        for a in (self.export_action, self.print_action, self.print_preview_action, self.rollover_action,
                  self.compare_action, self.close_action):
            a.setEnabled(has)

    # -- unsaved work ----------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved edits; False means the user cancelled."""
        doc = self.doc
        self.window.finish_editing()
        if doc is None or not doc.takes_review or not doc.is_dirty:
            return True
        name = doc.path.name if doc.path else self.tr("未命名表格")
        question = (self.tr("「%1」有未保存的审核意见或审核状态。关闭前要保存吗？") if doc.read_only
                    else self.tr("「%1」有未保存的修改。关闭前要保存吗？"))
        answer = telling.ask_to_save(self.window, self.tr("保存修改"), question.replace("%1", name))  # type: ignore[arg-type]
        if answer is Keep.SAVE:
            return self.save()
        return answer is Keep.DISCARD

    def close_document(self) -> None:
        if self.maybe_save():
            self.window.set_document(None)

    # -- new, open, recent -----------------------------------------------------------------------------
    def new_file(self) -> None:
        from goalform.ui.files.new_dialog import NewFormDialog  # (its spin box and combo box: not at start-up)

        dialog = NewFormDialog(self.window)
        if dialog.exec() != NewFormDialog.DialogCode.Accepted or not self.maybe_save():
            return
        settings = self.window.settings
        # Starting values of a new form, not edits: the clerk's name and phone, today's date.
        starting = {key: value for key, value in (("filler", settings.filler), ("phone", settings.phone),
                                                  ("fill_date", datetime.date.today().isoformat())) if value}
        with telling.told_to_user(self.window, self.tr("新建失败")) as outcome:
            doc = Document.new(dialog.template(), dialog.year.value(), starting=starting)
        if outcome.failed:
            return
        self.window.set_document(doc)

    def open_file(self, read_only: bool = False) -> None:
        title = self.tr("以只读方式打开") if read_only else self.tr("打开")
        path, _ = QFileDialog.getOpenFileName(self.window, title, self.window.settings.last_folder, open_filters())
        if path:
            self.open_path(Path(path), read_only=read_only)

    def open_path(self, path: Path, read_only: bool = False) -> bool:
        """Open a .goal (a command-line argument, a drop, a recent file); Word and Excel files are imported."""
        path = Path(path)
        if is_importable(path):
            return self.import_path(path)
        if not self.maybe_save():
            return False
        if not read_only:
            choice = self._ask_if_open_elsewhere(path)
            if choice is None:
                return False
            read_only = choice
        with telling.told_to_user(self.window, self.tr("无法打开文件")) as outcome:
            doc = Document.open_for_review(path) if read_only else Document.open(path)
        if outcome.failed:
            return False
        self.window.set_document(doc)
        self.window.settings.add_recent(path)
        return True

    def _ask_if_open_elsewhere(self, path: Path) -> bool | None:
        """When another goalform is editing ``path``, ask how to open it: True for read-only,
        False to edit anyway, None to cancel. Without a question when nobody else has it open."""
        if not Workspace().holders(path):
            return False
        choice = self._warn_and_choose(
            self.tr("文件已在编辑中"),
            self.tr("「%1」已在另一个 goalform 窗口中打开。\n两边同时编辑，后保存的一方会覆盖"
                    "先保存的一方。建议以只读方式打开。").replace("%1", path.name),
            [self.tr("以只读方式打开"), self.tr("仍要编辑")])
        return None if choice is None else choice == 0

    def _warn_and_choose(self, title: str, text: str, choices: list[str]) -> int | None:
        """A warning offering ``choices`` (the first is the default) and 取消: the index chosen, None for 取消."""
        return telling.choose(self.window, Icon.Warning, title, text,  # type: ignore[arg-type]
                      [Choice(label, Role.AcceptRole if i == 0 else Role.DestructiveRole) for i, label in enumerate(choices)],
                      default=0)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.window.settings.recent_files()
        for i, name in enumerate(files):
            a = self.recent_menu.addAction(f"&{i + 1} {name}")
            a.triggered.connect(lambda _=False, n=name: self.open_path(Path(n)))
        if not files:
            empty = self.recent_menu.addAction(self.tr("（无）"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表"), self.window.settings.clear_recent)

    # -- save --------------------------------------------------------------------------------------
    def save(self) -> bool:
        doc = self.doc
        self.window.finish_editing()
        if doc is None or not doc.takes_review:
            return False
        if doc.read_only and not doc.is_dirty:
            return True  # review-only and nothing new: the file already holds it all
        if doc.path is None:
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        doc = self.doc
        if doc is None:
            return False
        suggested = doc.path or Path(self.window.settings.last_folder) / self._suggested_name(doc)
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("另存为"), str(suggested), goal_filter())
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".goal":
            target = target.with_name(target.name + ".goal")
        return self._save_to(target)

    @staticmethod
    def _suggested_name(doc: Document) -> str:
        department = doc.field("department").strip() or QCoreApplication.translate("FileActions", "部门整体绩效目标表")
        return fitted(f"{doc.year}-{department}", NAME_MAX - len(".goal.xlsx"), mark=False) + ".goal"  # bytes, not characters

    def _save_to(self, path: Path, overwrite_changes: bool = False) -> bool:
        doc = self.doc
        assert doc is not None
        outcome = None
        with telling.told_to_user(self.window, self.tr("保存失败")) as told:
            try:
                with wait_cursor():
                    outcome = doc.save(path, overwrite_changes=overwrite_changes)
            except ChangedOnDisk as e:
                return self._save_over_a_changed_file(path, e)
        if told.failed or outcome is None:
            return False
        if outcome.content_from_disk:
            self.window.set_document(doc)  # the form now holds the file's content: show it (new undo history)
        else:
            if self.window.editor is not None:
                self.window.editor.mark_saved()
            if outcome.took_anything:  # records merged in (and comments renumbered): the dock and the checks
                self.window.document_changed.emit()
                if self.window.runner is not None:
                    self.window.runner.schedule()
        settings = self.window.settings
        settings.add_recent(path)
        self.window.refresh_title()
        news = self._news(outcome)
        if doc.read_only:  # a reviewer's save: the clerk's name and indicators are not the reviewer's
            if outcome.content_from_disk:
                message = self.tr("已把审核记录保存到 %1；文件中的表格内容已被他人修改，现在显示的是文件中的最新内容")
            else:
                message = self.tr("已把审核记录保存到 %1（表格内容未改动）")
            telling.inform(self.window, message.replace("%1", str(path)) + news, 8000)  # type: ignore[arg-type]
            return True
        form = doc.load_form()
        settings.add_indicator_names([l3.name for tree in TREES for _, _, l3 in leaves(form, tree)])
        if outcome.content_from_disk:
            message = self.tr("已保存到 %1；文件中的表格内容已被他人修改，现在显示的是文件中的最新内容")
        else:
            message = self.tr("已保存到 %1")
        telling.inform(self.window, message.replace("%1", str(path)) + news, 8000)  # type: ignore[arg-type]
        return True

    def _news(self, outcome) -> str:  # noqa: ANN001 - goalform.store.merging.SaveOutcome
        """「；同时保留了文件中另外的 2 条审核意见、1 条状态记录」 when the save took records in from the file."""
        parts = []
        if outcome.comments_from_disk:
            parts.append(self.tr("%1 条审核意见").replace("%1", str(outcome.comments_from_disk)))
        if outcome.statuses_from_disk:
            parts.append(self.tr("%1 条状态记录").replace("%1", str(len(outcome.statuses_from_disk))))
        if not parts:
            return ""
        return self.tr("；同时保留了文件中他人新加的 %1").replace("%1", self.tr("、").join(parts))

    def _save_over_a_changed_file(self, path: Path, error: ChangedOnDisk) -> bool:
        """The form's content was changed both in the file and here: never overwrite without asking,
        and say what changed in the file."""
        choice = self._warn_and_choose(self.tr("文件已被修改"), str(error), [self.tr("另存为…"), self.tr("覆盖保存")])
        if choice == 0:
            return self.save_as()
        if choice == 1:
            return self._save_to(path, overwrite_changes=True)
        return False

    # -- crash recovery ----------------------------------------------------------------------------
    def recover_orphans(self, *, tidy_temp: bool = True) -> bool:
        """Offer back the work of a goalform that ended without saving; True when one was recovered.
        ``tidy_temp``: see :meth:`goalform.store.workspace.Workspace.orphans`."""
        orphans = Workspace().orphans(tidy_temp=tidy_temp)
        for wc in orphans:
            when = datetime.datetime.fromtimestamp(wc.modified).strftime("%Y-%m-%d %H:%M")
            what = wc.department or (wc.origin.name if wc.origin else self.tr("未命名表格"))
            choice = telling.choose(self.window, Icon.Question, self.tr("恢复未保存的工作"),  # type: ignore[arg-type]
                            self.tr("goalform 上次没有正常关闭。发现「%1」在 %2 的未保存修改。\n要恢复吗？")
                            .replace("%1", what).replace("%2", when),
                            [Choice(self.tr("恢复"), Role.AcceptRole), Choice(self.tr("丢弃"), Role.DestructiveRole),
                             Choice(self.tr("以后再说"), Role.RejectRole)], standard=None, default=0)
            if choice == 0:
                with telling.told_to_user(self.window, self.tr("无法恢复")) as outcome:
                    doc = Document.recover(wc)
                if outcome.failed:
                    continue
                self.window.set_document(doc)
                return True
            if choice == 1:
                wc.remove()
        return False

    # -- the other parts of goalform -----------------------------------------------------------------
    def _show_long(self, title: str, summary: str, lines: list[str]) -> None:
        telling.choose(self.window, Icon.Information, title, summary, standard=None,  # type: ignore[arg-type]
               details="\n".join(lines))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("导入"), self.window.settings.last_folder,
                                              import_filters())
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        """Import a Word or Excel form into a new, unsaved document and show what was not imported."""
        if not self.maybe_save():
            return False
        with telling.told_to_user(self.window, self.tr("导入失败")) as outcome, wait_cursor():
            form, report = integrations.import_form(path)
            doc = Document.from_form(form)
        if outcome.failed:
            return False
        self.window.set_document(doc)
        self.window.settings.last_folder = str(path.parent)
        lines = list(report.notices)
        if report.unplaced:
            lines.append(self.tr("以下 {0} 处内容在表格中没有对应位置，已原样记入「备注」（基本信息页）：").format(
                len(report.unplaced)))
            lines += [f"· {line}" for line in report.unplaced]
        if lines:
            self._show_long(self.tr("导入报告"), self.tr("已导入「%1」。").replace("%1", path.name), lines)
        return True

    def export_file(self) -> None:
        doc = self.doc
        if doc is None:
            return
        checked = self.window.run_explicit_check()  # what is exported is checked: empty required cells become errors
        if not go_ahead_despite_errors(self.window, doc, self.tr("导出"), self.tr("此表还有 %1 个错误，仍要导出吗？"),
                                       checked):
            return
        stem = doc.path.stem if doc.path else self._suggested_name(doc)[:-5]
        filters, suffixes = export_filters()
        suggested = str(Path(self.window.settings.last_folder) / f"{stem}{suffixes[0]}")
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("导出"), suggested, filters)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in suffixes:  # no or another extension: the one of the chosen type
            kind = next((s for s in suffixes if f"*{s})" in (chosen or "")), suffixes[0])
            target = target.with_name(target.name + kind)
        with telling.told_to_user(self.window, self.tr("导出失败")) as outcome, wait_cursor():
            # The form just checked is the one exported: one load for the check and the export.
            runner = self.window.runner
            form = runner.form if runner is not None and runner.form is not None else doc.load_form()
            integrations.export_form(form, doc.template, target, inputs=[p for p in (doc.path,) if p])
        if outcome.failed:
            return
        telling.inform(self.window, self.tr("已导出到 %1").replace("%1", str(target)), 5000)  # type: ignore[arg-type]

    def print_preview(self) -> None:
        self._print(preview=True)

    def print_form(self) -> None:
        self._print(preview=False)

    def _print(self, preview: bool) -> None:
        doc = self.doc
        if doc is None:
            return
        self.window.run_explicit_check()
        with telling.told_to_user(self.window, self.tr("打印失败")):
            integrations.print_form(self.window, doc.load_form(), doc.template, preview=preview)

    def rollover(self) -> None:
        """结转到下一年: a new, unsaved form for next year made from this one."""
        doc = self.doc
        if doc is None or not self.maybe_save():
            return
        with telling.told_to_user(self.window, self.tr("结转失败")) as outcome:
            form, pending = integrations.rollover(doc.load_form(), doc.template)
            new = Document.from_form(form)
        if outcome.failed:
            return
        self.window.set_document(new)
        self._show_long(self.tr("结转到下一年"),
                        self.tr("已结转为 %1 年的新表格（尚未保存）。有 %2 处需要核对，详见检查结果。")
                        .replace("%1", str(form.year)).replace("%2", str(len(pending))), pending)

    def compare(self) -> None:
        """与另一文件比较: the differences in a dock with a filter, jumps and export (goalform.ui.files.diff_window)."""
        doc = self.doc
        if doc is None:
            return
        self.window.finish_editing()
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("与另一文件比较"), self.window.settings.last_folder,
                                              goal_filter())
        if not path:
            return
        with telling.told_to_user(self.window, self.tr("比较失败")) as outcome:
            other, other_template = read_form(path)
        if outcome.failed:
            return
        from goalform.ui.files.diff_window import show_comparison

        self.diff_window = show_comparison(self.window, Path(path).name, other, other_template, Path(path))
