"""The reviewer's tools in the window: 审核意见 (add by shortcut and context menus, the dock, marks,
jumping, undo), the status (提交, 退回, 通过, refused moves), the fingerprint and its warning,
read-only files."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QToolButton
from helpers.ui import settle, type_text

from goalform.domain.form import walk
from goalform.store.document import Document
from goalform.domain.cells import Cell
from goalform.domain.review import Status
from goalform.domain.review_text import target_of_location
from goalform.ui.review.comment_dialog import CommentDialog, StatusDialog
from goalform.ui.findings.dock import LocationRole
from goalform.ui.indicators.model import IdRole

ANNUAL_TAB = 4
FUNDS_TAB = 1


class Dialogs:
    """Stands in for the user in front of the comment and status dialogs (and message boxes)."""

    def __init__(self, monkeypatch) -> None:
        self.comment: tuple[str, str] | None = ("请补充指标值的依据", "李文静")
        self.status: tuple[str, str] | None = ("张晓明", "")
        self.seen_comment: list[CommentDialog] = []
        self.seen_status: list[StatusDialog] = []
        self.offered: list[str] = []  # the name each comment dialog offered before the user typed
        self.warnings: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes
        monkeypatch.setattr(CommentDialog, "exec", lambda dialog: self._comment(dialog))
        monkeypatch.setattr(StatusDialog, "exec", lambda dialog: self._status(dialog))
        monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: self.warnings.append((title, text)))
        monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: self.questions.append(text) or self.answer)

    def _comment(self, dialog: CommentDialog) -> int:
        self.seen_comment.append(dialog)
        self.offered.append(dialog.who.currentText())
        if self.comment is None:
            return CommentDialog.DialogCode.Rejected
        text, who = self.comment
        dialog.text.setPlainText(text)  # what the reviewer types
        dialog.who.setCurrentText(who)
        return CommentDialog.DialogCode.Accepted

    def _status(self, dialog: StatusDialog) -> int:
        self.seen_status.append(dialog)
        if self.status is None:
            return StatusDialog.DialogCode.Rejected
        who, note = self.status
        dialog.who.setCurrentText(who)
        dialog.note.setPlainText(note)
        return StatusDialog.DialogCode.Accepted


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


class MenuChooser:
    """Picks an entry of the next context menu that pops up, with the keyboard, as a user would
    (the menu really opens: QMenu.exec runs its own event loop). ``entries`` records each menu."""

    def __init__(self) -> None:
        self.entries: list[list[str]] = []

    def choose(self, text: str, open_menu) -> None:
        tries = [0]

        def pick() -> None:
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                tries[0] += 1
                if tries[0] < 200:
                    QTimer.singleShot(10, pick)
                return
            actions = [a for a in menu.actions() if not a.isSeparator()]
            self.entries.append([a.text() for a in actions])
            chosen = next((a for a in actions if text in a.text()), None)
            if chosen is None:
                menu.close()
                return
            menu.setActiveAction(chosen)
            QTest.keyClick(menu, Qt.Key.Key_Return)

        QTimer.singleShot(0, pick)
        open_menu()
        QApplication.processEvents()


@pytest.fixture
def menus() -> MenuChooser:
    return MenuChooser()


def right_click(widget, pos: QPoint | None = None) -> None:
    pos = pos or widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def annual_leaf(window, n: int = 0) -> int:
    leaves = [node.id for _, node in walk(window.doc.load_form().annual) if node.level == 3]
    return leaves[n]


def click_comment(window, qtbot, row: int = 0) -> None:
    items = window.review.dock.list
    items.doItemsLayout()
    QApplication.processEvents()
    item = items.topLevelItem(row)
    items.scrollToItem(item)
    QApplication.processEvents()
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=items.visualItemRect(item).center())


def comment_texts(window) -> list[str]:
    return [item.text(0) for item in window.review.dock.comment_items()]


# -- comments ------------------------------------------------------------------------------------------
def test_comment_on_an_indicator_cell_with_the_shortcut(window, qtbot, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    window.tabs.setCurrentIndex(ANNUAL_TAB)
    tab = window.tab_pages[ANNUAL_TAB]
    leaf = annual_leaf(window)
    value_column = tab.model.column_of("value")
    tab.select(leaf, value_column)
    qtbot.keyClick(tab.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    [comment] = window.doc.comments()
    assert (comment.location, comment.text, comment.author) == (Cell.indicator(leaf, "value").to_text(), "请补充指标值的依据", "李文静")
    name = window.doc.node(leaf).name
    assert f"年度指标「{name}」" in dialogs.seen_comment[0].findChild(QLabel, "where").text()
    settle(window)
    # Listed in the dock, where it is, what it says, who wrote it.
    [listed] = comment_texts(window)
    assert f"年度指标「{name}」 · 预期当年实现值" in listed and "请补充指标值的依据" in listed and "李文静" in listed
    assert window.review.dock.isVisible()
    # The row's marker (beside the validation marker) and the cell's, with the comment as tooltip.
    model = tab.model
    assert model.index_of(leaf, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index_of(leaf, value_column).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "请补充指标值的依据" in model.index_of(leaf, 0).data(Qt.ItemDataRole.ToolTipRole)
    other = annual_leaf(window, 1)
    assert model.index_of(other, value_column).data(Qt.ItemDataRole.DecorationRole) is None
    # The status bar says the file has unsaved changes: a comment is an edit of the document.
    assert window.doc.is_dirty and window.isWindowModified()


def test_indicator_model_with_comments_passes_the_model_tester(window, qtmodeltester, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    leaf = annual_leaf(window, 2)
    assert window.review.add_comment(Cell.indicator(leaf).to_text())
    settle(window)
    qtmodeltester.check(window.editor.models["annual"])


def test_comment_on_an_amount_from_its_context_menu_then_jump_back(window, qtbot, menus, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    window.tabs.setCurrentIndex(FUNDS_TAB)
    cell = window.findChild(QLineEdit, "fund_fiscal_current")
    dialogs.comment = ("财政拨款与批复数不一致", "王建国")
    menus.choose("添加审核意见", lambda: right_click(cell))
    entries = menus.entries
    assert any("添加审核意见…" in e for e in entries[0]) and len(entries[0]) > 1  # Qt's entries (copy, paste...) stay
    [comment] = window.doc.comments()
    assert comment.location == Cell.fund("fiscal", "current").to_text()
    settle(window)
    assert "财政拨款（2026年当年金额）" in comment_texts(window)[0]
    # The cell carries a mark with the comment as its tooltip.
    marks = [a for a in cell.actions() if a.objectName() == "comment_mark"]
    assert len(marks) == 1 and "财政拨款与批复数不一致" in marks[0].toolTip()

    # Somewhere else, a click on the comment in the dock opens the funds tab on that cell.
    window.tabs.setCurrentIndex(0)
    click_comment(window, qtbot)
    assert window.tabs.currentIndex() == FUNDS_TAB
    assert window.focusWidget() is cell


def test_clicking_an_indicator_comment_selects_its_cell(window, qtbot, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    leaf = annual_leaf(window, 3)
    window.review.add_comment(Cell.indicator(leaf, "basis").to_text())
    settle(window)
    window.tabs.setCurrentIndex(0)
    click_comment(window, qtbot)
    tab = window.tab_pages[ANNUAL_TAB]
    assert window.tabs.currentIndex() == ANNUAL_TAB
    current = tab.view.currentIndex()
    assert current.data(IdRole) == leaf and current.column() == tab.model.column_of("basis")


def test_comment_on_a_text_section_and_on_an_indicator_from_the_tree_menu(window, menus, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    window.tabs.setCurrentIndex(2)
    text = window.findChild(QPlainTextEdit, "text_functions")
    menus.choose("添加审核意见", lambda: right_click(text.viewport()))
    assert window.doc.comments()[0].location == Cell.field("functions").to_text()
    settle(window)
    badge = text.findChild(QToolButton, "comment_badge")
    assert badge is not None and badge.isVisible() and "请补充指标值的依据" in badge.toolTip()

    window.tabs.setCurrentIndex(ANNUAL_TAB)
    tab = window.tab_pages[ANNUAL_TAB]
    leaf = annual_leaf(window, 1)
    pos = tab.view.visualRect(tab.model.index_of(leaf, 0)).center()
    menus.choose("添加审核意见", lambda: right_click(tab.view.viewport(), pos))
    assert window.doc.comments()[1].location == Cell.indicator(leaf).to_text()
    assert "删除" in menus.entries[1]  # the tree's own entries are still there


def test_comment_on_a_finding(window, qtbot, menus, blank_doc, dialogs):
    window.set_document(blank_doc)
    settle(window)
    items = window.dock.list
    items.doItemsLayout()
    QApplication.processEvents()
    item = items.topLevelItem(0)
    location = item.data(0, LocationRole)
    dialogs.comment = None  # look at what the dialog offers, then cancel
    pos = items.visualItemRect(item).center()
    menus.choose("对此问题添加审核意见", lambda: right_click(items.viewport(), pos))
    assert "转到" in menus.entries[0]
    offered = dialogs.seen_comment[0].text.toPlainText()
    assert offered == item.text(0)  # the finding's message, selected so that typing replaces it
    assert window.doc.comments() == []

    dialogs.comment = ("填报单位请补全", "李文静")
    menus.choose("对此问题添加审核意见", lambda: right_click(items.viewport(), pos))
    [comment] = window.doc.comments()
    assert comment.location == target_of_location(location)


def test_undo_and_redo_adding_and_deleting_comments(window, qtbot, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    leaf = annual_leaf(window)
    window.review.add_comment(Cell.indicator(leaf).to_text())
    settle(window)
    [added] = window.doc.comments()
    model = window.editor.models["annual"]
    edit = window.findChild(QLineEdit, "field_department")

    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.doc.comments() == [] and comment_texts(window) == []
    assert model.comments == {}
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.doc.comments() == [added]  # the same comment: id, author and time
    assert len(comment_texts(window)) == 1 and leaf in model.comments

    # Delete it from the dock (select, then the Delete key), undo, redo.
    dock = window.review.dock
    click_comment(window, qtbot)
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    settle(window)
    assert window.doc.comments() == [] and leaf not in model.comments
    assert window.undo_action.text() == "撤销 删除审核意见"
    window.undo_action.trigger()
    settle(window)
    assert window.doc.comments() == [added]
    window.redo_action.trigger()
    settle(window)
    assert window.doc.comments() == []


def test_delete_button_and_names_remembered(window, qtbot, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    dialogs.comment = ("第一条", "李文静")
    qtbot.mouseClick(window.review.dock.add_button, Qt.MouseButton.LeftButton)
    dialogs.comment = ("第二条", "王建国")
    window.review.add_comment(Cell.field("phone").to_text())
    settle(window)
    # The second dialog offered the name typed in the first.
    assert dialogs.offered == ["", "李文静"]
    assert window.settings.reviewer_names() == ["王建国", "李文静"]
    click_comment(window, qtbot, 0)
    qtbot.mouseClick(window.review.dock.delete_button, Qt.MouseButton.LeftButton)
    assert [c.text for c in window.doc.comments()] == ["第二条"]
    # Saved and opened again: the comment is in the file.
    window.files.save()
    window.files.open_path(saved_reference)
    settle(window)
    assert len(comment_texts(window)) == 1 and "【联系电话】" in comment_texts(window)[0]
    assert window.centralWidget().findChild(QLineEdit, "field_phone").actions()


def test_empty_comment_is_refused_with_a_message(window, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    dialogs.comment = ("   ", "李文静")
    assert not window.review.add_comment()
    assert dialogs.warnings == [("添加审核意见", "审核意见不能为空")]
    assert window.doc.comments() == [] and not window.undo_action.isEnabled()


# -- status and fingerprint ---------------------------------------------------------------------------
def test_submit_records_the_fingerprint_and_an_edit_afterwards_shows_the_warning(window, qtbot, saved_reference,
                                                                                 dialogs):
    window.files.open_path(saved_reference)
    settle(window)
    review = window.review
    assert review.status_label.text() == "审核：草稿"
    review.submit_action.trigger()
    # The reference form has errors: the clerk is asked before submitting.
    assert dialogs.questions and "个错误" in dialogs.questions[0]
    assert window.doc.review_status() is Status.SUBMITTED
    recorded = window.doc.review().last_change.fingerprint
    assert recorded == window.doc.fingerprint()
    settle(window)
    short = f"{recorded[0:4]}·{recorded[4:8]}·{recorded[8:12]}"
    assert "已提交" in review.status_label.text() and short in review.status_label.text()
    dock = review.dock
    assert dock.recorded_print.property("fingerprint") == recorded
    assert dock.recorded_print.text().replace(" ", "") == recorded  # the whole of it, not elided
    assert dock.warning.isHidden()
    window.review.dock.show()
    window.review.dock.raise_()
    qtbot.mouseClick(dock.copy_buttons[0], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == recorded

    # The clerk changes the department after submitting: the reviewer is warned everywhere.
    edit = window.findChild(QLineEdit, "field_department")
    edit.setFocus()
    type_text(edit, "改")
    settle(window)
    assert window.doc.modified_since_status()
    assert not dock.warning.isHidden() and "提交后被修改" in dock.warning.text()
    assert "提交后已修改" in review.status_label.text()
    assert dock.current_print.property("fingerprint") == window.doc.fingerprint() != recorded
    assert any(f.rule == "review.modified" for f in window.findings)
    # Undo brings back the submitted content and the warning goes.
    window.undo_action.trigger()
    settle(window)
    assert dock.warning.isHidden() and "提交后已修改" not in review.status_label.text()


def test_refused_transitions_show_the_domains_message(window, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    review = window.review
    review.approve_action.trigger()  # a draft cannot be approved
    assert dialogs.warnings == [("通过", "状态为「草稿」的表不能改为「已通过」（只能改为：已提交）")]
    assert dialogs.seen_status == []  # refused before asking anyone's name
    review.return_action.trigger()
    assert "不能改为「已退回」" in dialogs.warnings[-1][1]

    review.submit_action.trigger()
    dialogs.status = ("李文静", "依据不足，请补充")
    review.return_action.trigger()
    assert window.doc.review_status() is Status.RETURNED
    review.approve_action.trigger()  # a returned form must be submitted again first
    assert dialogs.warnings[-1][1] == "状态为「已退回」的表不能改为「已通过」（只能改为：已提交）"
    dialogs.status = ("张晓明", "")
    review.submit_action.trigger()
    dialogs.status = ("李文静", "")
    review.approve_action.trigger()
    assert window.doc.review_status() is Status.APPROVED
    assert [d.windowTitle() for d in dialogs.seen_status] == ["提交", "退回", "提交", "通过"]
    history = [review.dock.history.topLevelItem(i).text(0) for i in range(review.dock.history.topLevelItemCount())]
    assert history[0].startswith("已通过 · 李文静") and "说明：依据不足，请补充" in history[2]
    assert len(history) == 4


def test_status_needs_a_name(window, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    dialogs.status = ("  ", "")
    window.review.submit_action.trigger()
    assert dialogs.warnings[-1] == ("提交", "请填写姓名")
    assert window.doc.review_status() is Status.DRAFT


def test_cancelling_the_submit_question_changes_nothing(window, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    settle(window)
    dialogs.answer = QMessageBox.StandardButton.No
    window.review.submit_action.trigger()
    assert dialogs.seen_status == [] and window.doc.review_status() is Status.DRAFT


# -- read-only files ----------------------------------------------------------------------------------
def press_in_box(monkeypatch, label: str | None) -> list[str]:
    """Message boxes built by hand: press the button labelled ``label`` (None: close the box)."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text())
        for button in box.buttons():
            if label is not None and button.text() == label:
                button.click()
                return 0
        box.reject()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


def test_a_read_only_form_takes_comments_and_status_but_never_its_figures(window, qtbot, monkeypatch,
                                                                          saved_reference, dialogs):
    from goalform.domain.fingerprint import fingerprint
    from goalform.store import read_form

    with Document.open(saved_reference) as doc:  # the clerk submitted it
        doc.submit("张晓明")
        doc.save()
    before, _ = read_form(saved_reference)
    window.files.open_path(saved_reference, read_only=True)
    assert window.doc.read_only and "审核意见" in window.findChild(QLabel, "read_only_banner").text()
    department = window.findChild(QLineEdit, "field_department")
    assert department.isReadOnly()
    qtbot.keyClicks(department, "X")
    assert window.doc.field("department") == before.department
    assert not window.files.save_action.isEnabled()  # nothing to save yet

    # 审核意见 and 通过 without reopening the file editable.
    assert window.review.add_comment(Cell.field("department").to_text())
    assert dialogs.seen_comment and window.doc.read_only
    assert window.review.dock.add_button.isEnabled()
    dialogs.status = ("李文静", "")
    window.review.approve_action.trigger()
    assert window.doc.review_status() is Status.APPROVED
    assert window.files.save_action.isEnabled() and window.isWindowModified()
    assert window.save_label.text() == "只读 · 审核记录未保存"
    # Undo of the comment is possible as in an editable form.
    assert window.undo_action.isEnabled()

    window.files.save_action.trigger()
    assert not window.doc.is_dirty and not window.isWindowModified() and window.doc.read_only
    assert "表格内容未改动" in window.statusBar().currentMessage()
    after, _ = read_form(saved_reference)
    assert after == before and fingerprint(after) == fingerprint(before)
    assert [c.location for c in after.review.comments] == [Cell.field("department").to_text()]
    assert [c.status for c in after.review.history] == [Status.SUBMITTED, Status.APPROVED]
    settle(window)
    assert not any(f.rule == "review.modified" for f in window.findings)


def test_a_commented_field_of_a_file_just_opened_has_one_mark(window, saved_reference):
    with Document.open(saved_reference) as doc:
        doc.add_comment(Cell.field("phone").to_text(), "请核实", "李文静")
        doc.save()
    for read_only in (False, True):
        window.files.open_path(saved_reference, read_only=read_only)
        settle(window)
        phone = window.centralWidget().findChild(QLineEdit, "field_phone")
        assert [a.objectName() for a in phone.actions()].count("comment_mark") == 1
        window.set_document(None)


def test_closing_a_read_only_form_with_unsaved_review_records_asks(window, monkeypatch, saved_reference, dialogs):
    window.files.open_path(saved_reference, read_only=True)
    window.review.add_comment(Cell.field("phone").to_text())
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.files.close_action.trigger()
    assert window.doc is not None and "审核意见" in dialogs.questions[-1]
    dialogs.answer = QMessageBox.StandardButton.Save
    window.files.close_action.trigger()
    assert window.doc is None
    with Document.open(saved_reference, read_only=True) as doc:
        assert [c.location for c in doc.comments()] == [Cell.field("phone").to_text()]


def test_reopening_a_read_only_form_editable_is_still_offered(window, saved_reference, dialogs):
    window.files.open_path(saved_reference, read_only=True)
    assert window.review.reopen_action.isEnabled()
    window.review.reopen_action.trigger()
    assert not window.doc.read_only and window.doc.path == saved_reference
    assert not window.review.reopen_action.isEnabled()
    window.review.submit_action.trigger()
    assert window.doc.review_status() is Status.SUBMITTED


# -- asking before a form with errors goes on; 退回 needs a reason -------------------------------------
def cli_error_count(path) -> int:
    from goalform.domain.validation import Severity, validate
    from goalform.store import read_form

    form, template = read_form(path)
    return sum(1 for f in validate(form, template) if f.severity is Severity.ERROR)


def test_approving_a_form_with_errors_asks_with_the_count_of_the_explicit_check(window, saved_reference, dialogs):
    errors = cli_error_count(saved_reference)
    assert errors > 0
    window.files.open_path(saved_reference)
    window.review.submit_action.trigger()
    assert dialogs.questions == [f"此表还有 {errors} 个错误，仍要提交吗？"]
    dialogs.answer = QMessageBox.StandardButton.No
    window.review.approve_action.trigger()
    assert dialogs.questions[-1] == f"此表还有 {errors + 0} 个错误，仍要通过吗？"
    assert window.doc.review_status() is Status.SUBMITTED and len(dialogs.seen_status) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.review.approve_action.trigger()
    assert window.doc.review_status() is Status.APPROVED


def test_a_form_without_errors_is_approved_without_a_question(window, tmp_path, dialogs):
    from helpers.valid_forms import valid_form

    path = tmp_path / "valid.goal"
    with Document.from_form(valid_form("2026")[0]) as doc:
        doc.save(path)
    assert cli_error_count(path) == 0
    window.files.open_path(path)
    window.review.submit_action.trigger()
    window.review.approve_action.trigger()
    assert window.doc.review_status() is Status.APPROVED and dialogs.questions == []


def test_an_empty_required_cell_counts_as_an_error_when_asking(window, tmp_path, dialogs):
    from helpers.valid_forms import valid_form

    form = valid_form("2026")[0]
    form.department = ""
    path = tmp_path / "no-department.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    window.files.open_path(path)
    dialogs.answer = QMessageBox.StandardButton.No
    window.review.submit_action.trigger()
    assert dialogs.questions == [f"此表还有 {cli_error_count(path)} 个错误，仍要提交吗？"]
    assert window.doc.review_status() is Status.DRAFT


def test_returning_needs_a_reason(window, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    window.review.submit_action.trigger()
    dialogs.status = ("李文静", "  \n ")
    window.review.return_action.trigger()
    assert dialogs.warnings[-1] == ("退回", "退回时必须写明原因")
    assert window.doc.review_status() is Status.SUBMITTED
    returned = dialogs.seen_status[-1]
    assert returned.ok_button is not None and "必填" in returned.note.placeholderText()
    dialogs.status = ("李文静", "指标值依据不足")
    window.review.return_action.trigger()
    assert window.doc.review().last_change.note == "指标值依据不足"


def test_the_return_dialog_enables_ok_only_with_a_reason(qtbot):
    dialog = StatusDialog("退回", "说明", ["李文静"], reason_required=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note, "   ")
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.note, "缺依据")
    assert dialog.ok_button.isEnabled()
    plain = StatusDialog("通过", "说明", ["李文静"])
    qtbot.addWidget(plain)
    assert plain.ok_button.isEnabled()


def test_no_document_disables_the_review_actions(window):
    review = window.review
    assert not review.add_comment_action.isEnabled() and not review.submit_action.isEnabled()
    assert review.status_label.text() == ""
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("审核(&R)") == len(titles) - 2  # before 帮助


def test_comment_on_a_deleted_indicator_says_so_and_comes_back_with_undo(window, qtbot, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    leaf = annual_leaf(window, 0)
    window.review.add_comment(Cell.indicator(leaf, "value").to_text())
    model = window.editor.models["annual"]
    window.editor.remove_indicator(model, leaf)
    settle(window)
    assert "（已删除的指标）" in comment_texts(window)[0]
    window.tabs.setCurrentIndex(0)
    click_comment(window, qtbot)
    assert window.tabs.currentIndex() == 0
    assert window.statusBar().currentMessage() == "该意见所指的指标已被删除"
    window.undo_action.trigger()  # the indicator is back with its id: the comment finds it again
    settle(window)
    assert "（已删除的指标）" not in comment_texts(window)[0] and leaf in model.comments
    click_comment(window, qtbot)
    assert window.tabs.currentIndex() == ANNUAL_TAB
    assert window.tab_pages[ANNUAL_TAB].view.currentIndex().data(IdRole) == leaf


def test_goal_text_and_deadline_comments_jump_to_the_goal_tab(window, qtbot, saved_reference, dialogs):
    window.files.open_path(saved_reference)
    window.review.add_comment(Cell.field("deadline").to_text())
    window.review.add_comment(Cell.field("annual_goal").to_text())
    settle(window)
    click_comment(window, qtbot, 0)
    assert window.tabs.currentIndex() == 3 and window.focusWidget().objectName() == "field_deadline"
    click_comment(window, qtbot, 1)
    assert window.tabs.currentIndex() == ANNUAL_TAB and window.focusWidget().objectName() == "text_annual_goal"
