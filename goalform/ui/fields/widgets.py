"""Field widgets bound to the FormEditor: typing pushes undo commands, undo updates the widget.

Qt's line and text edits keep their own undo history and swallow Ctrl+Z; here they let it through
so the window's one undo stack takes back every edit in every tab.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QScrollArea, QStatusBar, QWidget

from goalform.domain.validation import Finding
from goalform.ui.editor import FormEditor
from goalform.ui.markers import worst
from goalform.ui.wording import finding_text

_STACK_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

# Widgets with a "severity" property are tinted by this style sheet (set on the main window).
FINDING_STYLE = """
QLineEdit[derived="true"] { background: palette(window); }
QLineEdit[severity="error"], QPlainTextEdit[severity="error"] { background: #ffe4e1; border: 1px solid #c82828; }
QLineEdit[severity="warning"], QPlainTextEdit[severity="warning"] { background: #fff6d6; border: 1px solid #d78c00; }
QLineEdit[severity="pending"], QPlainTextEdit[severity="pending"] { background: #f3f6fa; border: 1px dashed #8c96a5; }
QLineEdit[inrange="true"] { background: #cfe2fa; }
"""


def _is_stack_shortcut(event: QEvent) -> bool:
    return event.type() == QEvent.Type.ShortcutOverride and any(event.matches(k) for k in _STACK_KEYS)


class FieldLineEdit(QLineEdit):
    """A one-line field of the document (header field, amount, deadline)."""

    def event(self, event: QEvent) -> bool:
        if _is_stack_shortcut(event):
            event.ignore()  # leave Ctrl+Z / Ctrl+Y to the window's undo actions
            return False
        return super().event(event)

    def show_text(self, text: str) -> None:
        """Show a value written elsewhere (undo, redo) without emitting textEdited."""
        if self.text() != text:
            self.setText(text)


class FieldTextEdit(QPlainTextEdit):
    """A multi-line text section of the document."""

    editing_finished = Signal()  # focus left the editor (QLineEdit's editingFinished)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._updating = False

    def event(self, event: QEvent) -> bool:
        if _is_stack_shortcut(event):
            event.ignore()
            return False
        return super().event(event)

    def show_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self._updating = True
            cursor = self.textCursor().position()
            self.setPlainText(text)
            c = self.textCursor()
            c.setPosition(min(cursor, len(text)))
            self.setTextCursor(c)
            self._updating = False

    @property
    def updating(self) -> bool:
        return self._updating

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.editing_finished.emit()


def bind_line(edit: FieldLineEdit, editor: FormEditor, key: str,
              normalize: Callable[[str], str] | None = None) -> None:
    """Keep ``edit`` and the document field ``key`` the same, both ways. ``normalize`` turns the text
    into the form's own spelling when the clerk leaves the field (in the same undo step as the typing)."""
    edit.setText(editor.doc.field(key))
    edit.textEdited.connect(lambda text: editor.edit_field(key, text))

    def finish() -> None:
        if normalize is not None:
            editor.edit_field(key, normalize(editor.doc.field(key)))
        editor.seal_typing()

    edit.editingFinished.connect(finish)
    editor.field_changed.connect(lambda k: edit.show_text(editor.doc.field(key)) if k == key else None)
    edit.setReadOnly(editor.read_only)


def bind_text(edit: FieldTextEdit, editor: FormEditor, key: str) -> None:
    edit.setPlainText(editor.doc.field(key))
    edit.textChanged.connect(lambda: None if edit.updating else editor.edit_field(key, edit.toPlainText()))
    edit.editing_finished.connect(editor.seal_typing)
    editor.field_changed.connect(lambda k: edit.show_text(editor.doc.field(key)) if k == key else None)
    edit.setReadOnly(editor.read_only)


class BlockPasteMenu:
    """Mixed into a QLineEdit (before it) whose paste reaches further than the line itself: its context
    menu is the standard one, adapted by the subclass's ``adapt_context_menu`` (粘贴 pastes like Ctrl+V)."""

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu()
        self.adapt_context_menu(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()


def reroute_paste(menu: QMenu, paste: Callable[[], object]) -> None:
    """Make the 粘贴 of a line edit's standard context menu call ``paste`` instead."""
    for action in menu.actions():
        if action.objectName() == "edit-paste":
            action.triggered.disconnect()
            action.triggered.connect(lambda _=False: paste())


def mark(widget: QWidget, findings: list[Finding]) -> None:
    """Tint a field by its worst finding and put the messages in its tooltip."""
    severity = ""
    if findings:
        severity = worst(findings).value
    if widget.property("severity") != severity:
        widget.setProperty("severity", severity)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    widget.setToolTip("\n".join(finding_text(f) for f in findings))


def wants_focus(widget: QWidget) -> None:
    """Bring a field into view and put the cursor in it (jumping to a finding)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    parent = widget.parentWidget()
    while parent is not None:
        ensure = getattr(parent, "ensureWidgetVisible", None)
        if ensure:
            ensure(widget)
            break
        parent = parent.parentWidget()


def fit_to_screen(window: QWidget, largest: tuple[int, int] = (1280, 800)) -> None:
    """Size a first-time window to the screen it opens on (see :func:`first_window_rect`)."""
    window.setGeometry(first_window_rect(window.screen().availableGeometry(), largest))


def first_window_rect(area: QRect, largest: tuple[int, int] = (1280, 800)) -> QRect:
    """The client rectangle of a first-time window on a screen whose free area (taskbar excluded) is
    ``area``: centred, at most ``largest``, leaving room for the title bar and frame, so that a
    1366×768 office screen gets a window that fits whole instead of one taller than the screen."""
    width, height = min(largest[0], area.width() - 20), min(largest[1], area.height() - 50)
    return QRect(area.x() + (area.width() - width) // 2, area.y() + 30 + max(0, (area.height() - height - 50) // 2),
                 width, height)


class ElidingStatusBar(QStatusBar):
    """A status bar whose messages never run under its permanent widgets (审核：草稿 · 错误 0 · 已保存):
    a message longer than the room left is cut in the middle with 「…」, and the whole text is its
    tooltip. (Qt paints a long message on across the permanent widgets.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._full = ""

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 - Qt override
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def room(self) -> int:
        """Pixels a message may take: the bar less its permanent widgets, the size grip and margins."""
        taken = sum(w.sizeHint().width() + 8 for w in self._permanent if w.isVisible())
        return max(40, self.width() - taken - 40)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 - Qt override
        self._full = text
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, self.room())
        self.setToolTip(text if shown != text else "")
        super().showMessage(shown, timeout)

    def full_message(self) -> str:
        """The message as it was given (what is shown may be cut), while it is shown."""
        return self._full if self.currentMessage() else ""


def size_side_docks(window: QMainWindow, dock: QWidget, wanted: int) -> None:
    """Give the side docks ``wanted`` pixels, or less when the form would then not fit beside them:
    the form's tabs keep the width they ask for (the funds table whole on a 1280-pixel window)."""
    central = window.centralWidget()
    needed = central.sizeHint().width() if central is not None else 0
    for area in central.findChildren(QScrollArea) if central is not None else ():  # the funds table scrolls
        if area.widget() is not None:
            needed = max(needed, area.widget().sizeHint().width() + 40)
    room = window.width() - needed - 12
    window.resizeDocks([dock], [max(240, min(wanted, room))], Qt.Orientation.Horizontal)
