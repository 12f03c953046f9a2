"""The reviewer's tools in the window: the 审核 menu (添加审核意见, 提交, 退回, 通过), the review dock,
the status-bar label with the fingerprint, comment marks on fields, cells and indicator rows, and
「添加审核意见…」 in the context menus of fields, the indicator trees and the findings dock.

Comments are undoable document edits (:mod:`goalform.ui.review.undo`). A file opened read-only
takes them too, and status changes, without its figures ever becoming editable: the store refuses
every write to the form and keeps the review records in its private snapshot, which 保存 writes
back to the file (``Document.takes_review``). 提交 and 通过 of a form with errors ask first
(:mod:`goalform.ui.error_gate`); 退回 needs a reason.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QPlainTextEdit, QWidget

from goalform.domain.cells import INDICATOR, Cell
from goalform.domain.fingerprint import fingerprint, short
from goalform.domain.review import (
    FORM_TARGET,
    FROZEN,
    Comment,
    Review,
    Status,
    check_transition,
)
from goalform.domain.review_text import TargetLabeler, location_of_target, target_of_location
from goalform.domain.validation import Location
from goalform.ui.error_gate import go_ahead_despite_errors
from goalform.ui.findings.dock import LocationRole
from goalform.ui.review.dock import ReviewDock, when_text
from goalform.ui.review.markers import FieldMarks
from goalform.ui.app.shell import Shell
from goalform.ui.files.summarize import SummarizeAction
from goalform.ui import telling
from goalform.ui.telling import Choice, Icon, Role, STANDARD

DOCK_WIDTH = 390
MODIFIED_RULE = "review.modified"  # goalform.domain.validation.review: changed after 提交/通过


# -- where a comment goes, where it is shown ------------------------------------------------------------
def target_of_widget(widget: QWidget | None) -> str:
    """The comment target for the widget that has the focus (or was right-clicked): a field, a text
    section, an amount, the current cell of an indicator tree; the whole form otherwise."""
    from goalform.ui.indicators.view import IndicatorTreeView

    w = widget
    while w is not None:
        if isinstance(w, IndicatorTreeView):
            index = w.currentIndex()
            if not index.isValid():
                return FORM_TARGET
            column = w.model().columns[index.column()]
            return Cell.indicator(index.internalId(), "" if column == "name" else column).to_text()
        shown = Cell.from_widget_name(w.objectName())
        if shown is not None:
            return shown.to_text()
        w = w.parentWidget()
    return FORM_TARGET


# -- the controller -----------------------------------------------------------------------------------
class ReviewActions(QObject):
    """The reviewer's tools for one window. They offer, and the window places: ``menu`` (审核),
    ``file_actions`` (for the 文件 menu), ``dock``, ``status_label`` (for the status bar) and
    :meth:`add_to_menu` (the context-menu hook of the indicator tabs)."""

    def __init__(self, window: Shell, *, dock_later: bool = False) -> None:
        """``dock_later`` (start-up): the dock's widgets are made when it is first on screen or asked for."""
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.dock = ReviewDock(window, build_later=dock_later)  # type: ignore[arg-type]
        self.dock.comment_activated.connect(self.open_comment)
        self.dock.add_requested.connect(lambda: self.add_comment(FORM_TARGET))
        self.dock.delete_requested.connect(self.delete_comment)
        self.dock.visibilityChanged.connect(self._on_dock_visible)
        self.marks = FieldMarks(self._show_comments_of)
        self._filtered: list[QWidget] = []
        self._shown: tuple | None = None  # what the last refresh showed (see refresh)
        self._marked = False  # the marks shown are of comments (see _show_marks)

        def action(text: str, slot, shortcut: str = "", name: str = "") -> QAction:
            a = QAction(text, window)
            a.setObjectName(name)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        self.add_comment_action = action(self.tr("添加审核意见…"), lambda: self.add_comment(), "Ctrl+Shift+M",
                                         "add_comment")
        self.delete_comment_action = action(self.tr("删除所选审核意见"), self._delete_selected, "", "delete_comment")
        self.submit_action = action(self.tr("提交…"), lambda: self.change_status(Status.SUBMITTED), "", "submit")
        self.return_action = action(self.tr("退回…"), lambda: self.change_status(Status.RETURNED), "", "return")
        self.approve_action = action(self.tr("通过…"), lambda: self.change_status(Status.APPROVED), "", "approve")
        self.copy_action = action(self.tr("复制指纹"), self.copy_fingerprint, "", "copy_fingerprint")
        self.reopen_action = action(self.tr("以可编辑方式重新打开"), self.reopen_writable, "", "reopen_writable")
        toggle = self.dock.toggleViewAction()
        toggle.setText(self.tr("审核面板"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+R"))

        self.menu = QMenu(self.tr("审核(&R)"), window)
        self.menu.setObjectName("review_menu")
        for a in (self.add_comment_action, self.delete_comment_action, None, self.submit_action, self.return_action,
                  self.approve_action, None, self.copy_action, toggle, None, self.reopen_action):
            self.menu.addSeparator() if a is None else self.menu.addAction(a)

        self.summarize = SummarizeAction(window)
        self.file_actions = [self.summarize.action]
        self.status_label = QLabel()
        self.status_label.setObjectName("review_status_label")

        findings = window.dock.list
        findings.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        findings.customContextMenuRequested.connect(self._finding_menu)

        window.document_changed.connect(self._on_document)
        window.tabs_built.connect(self._on_tabs_built)
        window.validated.connect(
            lambda findings: self.refresh(modified=any(f.rule == MODIFIED_RULE for f in findings)))
        self._on_document()

    # -- the document ------------------------------------------------------------------------------
    @property
    def doc(self):
        return self.window.doc

    def _on_dock_visible(self, visible: bool) -> None:
        # While the form's first frame is being put together, the docks are shown one after the other
        # (this one in front for a moment): the refresh after the form is opened looks at where it ended up.
        if visible and not self.window.first_frame_pending:
            self.dock.build()
            self.refresh(dock_shown=True)

    def _on_document(self) -> None:
        self._shown = None
        # Drop the marks, not just forget them: a validation of the new document may already have
        # marked its fields (which would then get a second mark below).
        self.marks.set({})
        self._marked = False  # the new form's fields and rows carry no mark yet
        self._filtered = []
        doc = self.doc
        has = doc is not None
        for a in (self.add_comment_action, self.delete_comment_action, self.submit_action, self.return_action,
                  self.approve_action, self.copy_action):
            a.setEnabled(has)
        self.reopen_action.setEnabled(has and doc.read_only and doc.path is not None)
        if has and self.window.centralWidget() is not None:
            self._watch_fields([self.window.centralWidget()])
        self.refresh()

    def _watch_fields(self, roots: list[QWidget]) -> None:
        """Clicks on the comment marks of the fields below ``roots`` (a tab built later: its own)."""
        for widget in (w for root in roots for w in root.findChildren(QWidget)):
            if isinstance(widget, (QLineEdit, QPlainTextEdit)) and Cell.from_widget_name(widget.objectName()):
                for w in [widget] + ([widget.viewport()] if isinstance(widget, QPlainTextEdit) else []):
                    w.installEventFilter(self)
                    self._filtered.append(w)

    def _on_tabs_built(self, pages: list[QWidget]) -> None:
        self._watch_fields(pages)
        self._shown = None  # their fields get their marks
        self.refresh()

    def refresh(self, modified: bool | None = None, dock_shown: bool | None = None) -> None:
        """Bring the dock, the status bar label and the marks up to date with the document.

        ``modified``: whether the form changed since it was submitted, when the caller knows (the
        validation that just ran has the rule ``review.modified``); otherwise it is computed here.
        """
        doc = self.doc
        if doc is None:
            self.dock.show_review(None)
            self.status_label.setText("")
            self.status_label.setToolTip("")
            self.marks.set({})
            self._shown = None
            return
        review = doc.review()
        change = review.last_change
        frozen = change is not None and change.status in FROZEN and bool(change.fingerprint)
        # The form is read (and hashed) only when something shown needs it: an edit of a large form
        # with no comments and the dock hidden costs nothing here.
        if dock_shown is None:  # a dock behind another one's tab is "visible" but not on screen
            dock_shown = self.dock.isVisible() and not self.dock.visibleRegion().isEmpty()
        if dock_shown:
            self.dock.build()
        must_hash = dock_shown or (frozen and modified is None)
        form = doc.load_form() if (review.comments or must_hash) else None
        current = fingerprint(form) if form is not None and must_hash else ""
        if modified is None:
            modified = frozen and current != change.fingerprint  # type: ignore[union-attr]
        labels: dict[int, str] = {}
        if review.comments and form is not None:
            labeler = TargetLabeler(form, doc.template)
            labels = {c.id: labeler.label(c.location) for c in review.comments}
        # Most refreshes follow an edit that changed nothing shown here: skip the widgets then.
        # The objects themselves are kept, not their id(): a new Review may reuse a freed one's id.
        state = (review, modified, current, tuple(labels.items()), doc.read_only, self.window.editor)
        if self._shown is not None and all(
                a is b or (type(a) is not Review and a == b) for a, b in zip(state, self._shown)):
            return
        self._shown = state
        self.dock.show_review(review, labels, current, modified, writable=doc.takes_review)
        self._show_status(review, modified)
        self._show_marks(review, labels)

    def _show_status(self, review: Review, modified: bool) -> None:
        change = review.last_change
        if change is None:
            text, tip = self.tr("审核：草稿"), self.tr("尚未提交")
        else:
            text = self.tr("审核：%1 · %2").replace("%1", change.status.label).replace("%2", change.who)
            if change.fingerprint:
                text += " · " + self.tr("指纹 %1").replace("%1", short(change.fingerprint))
            tip = self.tr("%1 %2\n指纹：%3").replace("%1", when_text(change.when)).replace("%2", change.status.label) \
                .replace("%3", change.fingerprint)
        if review.approved_over_changes is not None:
            text += " · " + self.tr("⚠ 通过的内容与提交的不同")
        if modified:
            text += " · " + self.tr("⚠ 提交后已修改")
        if modified or review.approved_over_changes is not None:
            self.status_label.setStyleSheet("color: #b00000; font-weight: bold;")
        else:
            self.status_label.setStyleSheet("")
        self.status_label.setText(text)
        self.status_label.setToolTip(tip)

    def _show_marks(self, review: Review, labels: dict[int, str]) -> None:
        # No comment to mark and none marked (most forms, every start-up without comments): nothing to do.
        if self.window.editor is not None and (review.comments or self._marked):
            from goalform.ui.review.marks_shown import show_marks
            show_marks(self.window.editor, self.window.centralWidget(), self.marks, review)
            self._marked = bool(review.comments)

    # -- comments ----------------------------------------------------------------------------------
    def add_to_menu(self, menu: QMenu, widget: QWidget) -> None:
        if self.doc is None:
            return
        target = target_of_widget(widget)
        if menu.actions():
            menu.addSeparator()
        a = menu.addAction(self.tr("添加审核意见…"), lambda: self.add_comment(target))
        a.setShortcut(self.add_comment_action.shortcut())

    def add_comment(self, target: str | None = None, text: str = "") -> bool:
        """Ask for a comment on ``target`` (default: what has the focus) and add it as an undo step."""
        doc = self.doc
        if doc is None:
            return False
        if target is None:
            target = target_of_widget(QApplication.focusWidget())
        self.window.finish_editing()
        if not self._writable_or_offer():
            return False
        doc = self.doc
        where = TargetLabeler(doc.load_form(), doc.template).label(target)
        names = self.window.settings.reviewer_names()
        from goalform.ui.review.comment_dialog import CommentDialog
        dialog = CommentDialog(where, names, text, self.window)  # type: ignore[arg-type]
        if dialog.exec() != CommentDialog.DialogCode.Accepted:
            return False
        body, who = dialog.values()
        if not body or not who:
            self._warn(self.tr("添加审核意见"), self.tr("审核意见不能为空") if not body else self.tr("请填写审核人"))
            return False
        self.window.settings.remember_reviewer(who)
        comment = self.window.editor.add_comment(target, body, who)  # type: ignore[union-attr]
        self.refresh()
        self.dock.show()
        self.dock.raise_()
        if comment is not None:
            self.dock.select_comment(comment.id)
        return True

    def delete_comment(self, comment: Comment) -> None:
        if self.doc is None or not self._writable_or_offer():
            return
        if self.doc.is_saved_comment(comment):  # evidence: it stays; a correction is a new comment
            self._warn(self.tr("删除审核意见"), self.tr("这条审核意见已保存到文件中，不能删除。可以再添加一条意见更正它。"))
            return
        self.window.editor.remove_comment(comment)  # type: ignore[union-attr]
        self.refresh()
        telling.inform(self.window, self.tr("已删除审核意见（可撤销）"), 5000)

    def _delete_selected(self) -> None:
        comment = self.dock.current_comment()
        if comment is None:
            telling.inform(self.window, self.tr("请先在审核面板中选中一条意见"), 5000)
            return
        self.delete_comment(comment)

    def open_comment(self, comment: Comment) -> None:
        """Open the tab of a comment and put the cursor on its field, cell or row."""
        doc = self.doc
        if doc is None:
            return
        location = location_of_target(comment.location, lambda i: doc.node(i).tree)
        if location is None:
            if Cell.parse_stored(comment.location).kind == INDICATOR:
                telling.inform(self.window, self.tr("该意见所指的指标已被删除"), 5000)
            return
        self.window.navigate(location)

    def _show_comments_of(self, widget: QWidget) -> None:
        """A field's mark was clicked: show its first comment in the dock."""
        target = target_of_widget(widget)
        for c in self.doc.comments() if self.doc is not None else []:
            if c.location == target:
                self.dock.show()
                self.dock.raise_()
                self.dock.select_comment(c.id)
                return

    def _finding_menu(self, pos) -> None:
        findings = self.window.dock.list
        item = findings.itemAt(pos)
        location = item.data(0, LocationRole) if item is not None else None
        if not isinstance(location, Location):
            return
        menu = QMenu(findings)
        menu.addAction(self.tr("对此问题添加审核意见…"),
                       lambda: self.add_comment(target_of_location(location), item.text(0)))
        menu.addAction(self.tr("转到"), lambda: self.window.navigate(location))
        menu.exec(findings.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Field context menus: Qt's own (copy, paste...) plus 「添加审核意见…」."""
        if event.type() != QEvent.Type.ContextMenu or self.doc is None:
            return False
        edit = watched if isinstance(watched, (QLineEdit, QPlainTextEdit)) else watched.parent()
        if not isinstance(edit, (QLineEdit, QPlainTextEdit)):
            return False
        menu = edit.createStandardContextMenu()
        adapt = getattr(edit, "adapt_context_menu", None)  # e.g. an amount cell's own 粘贴 (funds_grid)
        if adapt is not None:
            adapt(menu)
        self.add_to_menu(menu, edit)
        menu.exec(event.globalPos())  # type: ignore[attr-defined]
        menu.deleteLater()
        return True

    # -- status ------------------------------------------------------------------------------------
    def change_status(self, status: Status) -> bool:
        """提交 / 退回 / 通过: check the move, ask who (and a note), record it with the fingerprint."""
        doc = self.doc
        if doc is None:
            return False
        self.window.finish_editing()
        titles = {Status.SUBMITTED: self.tr("提交"), Status.RETURNED: self.tr("退回"), Status.APPROVED: self.tr("通过")}
        with telling.told_to_user(self.window, titles[status]) as outcome:  # type: ignore[arg-type]
            check_transition(doc.review_status(), status)
        if outcome.failed:
            return False
        if not self._writable_or_offer():
            return False
        doc = self.doc
        questions = {Status.SUBMITTED: self.tr("此表还有 %1 个错误，仍要提交吗？"),
                     Status.APPROVED: self.tr("此表还有 %1 个错误，仍要通过吗？")}
        if status in questions:
            self.window.run_explicit_check()  # submitting or approving is an explicit check: 待填 become errors
        if status in questions and not go_ahead_despite_errors(self.window, doc, titles[status], questions[status]):
            return False
        explanations = {
            Status.SUBMITTED: self.tr("提交时记录表格内容的指纹（SHA-256）。提交后如再修改，审核人会看到提示。"),
            Status.RETURNED: self.tr("把表格退回填报单位修改。请写明退回原因（必填）。"),
            Status.APPROVED: self.tr("确认此表审核通过，并记录此时的指纹。"),
        }
        from goalform.ui.review.comment_dialog import StatusDialog
        dialog = StatusDialog(titles[status], explanations[status], self.window.settings.reviewer_names(),
                              self.window,  # type: ignore[arg-type]
                              reason_required=status is Status.RETURNED)
        if dialog.exec() != StatusDialog.DialogCode.Accepted:
            return False
        who, note = dialog.values()
        accept_changes = False
        if status is Status.APPROVED:
            accepted = self._approve_changed_form(doc)
            if accepted is None:
                return False
            accept_changes = accepted
        with telling.told_to_user(self.window, titles[status]) as outcome:  # type: ignore[arg-type]
            change = self.window.editor.set_status(status, who, note,  # type: ignore[union-attr]
                                                   accept_changes=accept_changes)
        if outcome.failed:
            return False
        self.window.settings.remember_reviewer(who)
        self.refresh()
        self.window.refresh_title()
        telling.inform(self.window, self.tr("状态已改为「%1」，指纹 %2。保存文件后生效。").replace("%1", change.status.label)
               .replace("%2", short(change.fingerprint)), 8000)
        return True

    def _approve_changed_form(self, doc) -> bool | None:  # noqa: ANN001 - Document
        """通过 of a form changed after its last 提交: ask, naming the change. False when nothing
        changed, True when the reviewer approves the changed content (recorded so), None for 取消."""
        submission = doc.review().last_submission
        now = doc.fingerprint()
        if submission is None or not submission.fingerprint or submission.fingerprint == now:
            return False
        approve = telling.choose(self.window, Icon.Warning, self.tr("通过"), self.tr(  # type: ignore[arg-type]
            "此表在提交后被修改过：%1 于 %2 提交时的指纹为 %3，现在为 %4。\n"
            "通过的将是修改后的内容，审核记录会注明「通过的内容与提交的不同」。仍要通过吗？")
            .replace("%1", submission.who).replace("%2", when_text(submission.when))
            .replace("%3", short(submission.fingerprint)).replace("%4", short(now)),
            [Choice(self.tr("仍要通过（注明接受修改）"), Role.DestructiveRole)], default=STANDARD)
        return True if approve == 0 else None

    def copy_fingerprint(self) -> None:
        doc = self.doc
        if doc is None:
            return
        change = doc.review().last_change
        value = change.fingerprint if change is not None and change.fingerprint else doc.fingerprint()
        QApplication.clipboard().setText(value)
        telling.inform(self.window, self.tr("已复制指纹 %1").replace("%1", value), 5000)

    # -- read-only files ---------------------------------------------------------------------------
    def _writable_or_offer(self) -> bool:
        """True when the document takes review edits (also one opened read-only from a file); for
        one that does not, offer to reopen it editable."""
        doc = self.doc
        if doc is None:
            return False
        if doc.takes_review:
            return True
        reopen = telling.choose(self.window, Icon.Question, self.tr("只读"),  # type: ignore[arg-type]
                        self.tr("此表格以只读方式打开，不能添加审核意见或更改状态。\n"
                                "要以可编辑方式重新打开吗？修改在保存后才写入文件。"),
                        [Choice(self.tr("以可编辑方式重新打开"), Role.AcceptRole, enabled=doc.path is not None)], default=0)
        if reopen != 0:
            return False
        return self.reopen_writable()

    def reopen_writable(self) -> bool:
        doc = self.doc
        if doc is None or doc.path is None:
            return False
        if not doc.read_only:
            return True
        self.window.open_path(doc.path, read_only=False)
        return self.doc is not None and not self.doc.read_only

    def _warn(self, title: str, text: str) -> None:
        telling.tell_user(self.window, title, text)  # type: ignore[arg-type]


__all__ = ["ReviewActions", "target_of_widget"]
