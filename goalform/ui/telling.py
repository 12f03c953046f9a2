"""The GUI's one way to tell the user something: a line in the status bar, a message box, a question.

Every part says it through these verbs (``tests/test_layers.py`` fails on a ``QMessageBox`` static call
or a ``showMessage`` anywhere else), so a test replaces one of them to see what would have been said:

    monkeypatch.setattr(telling, "warn", lambda parent, title, text: shown.append(text))

An expected error (:class:`goalform.domain.errors.UserError`, or an ``OSError`` said in Chinese) is
shown in a warning box with one message and the window stays usable; anything else is a bug and goes
to :mod:`goalform.ui.app.unexpected_error`:

    with told_to_user(window, self.tr("保存失败")) as outcome:
        doc.save(path)
    if outcome.failed:
        return False
"""
from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from typing import Iterator, Sequence

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from goalform.domain.errors import UserError, user_message
from goalform.domain.values import FrozenValue, Value

EXPECTED = (UserError, OSError)

Icon = QMessageBox.Icon
Role = QMessageBox.ButtonRole
Standard = QMessageBox.StandardButton
STANDARD = -1  # choose(default=STANDARD): the standard button (取消, 关闭) is the default


def inform(widget: QWidget, text: str, timeout_ms: int = 0) -> None:
    """Say ``text`` in the status bar of the window holding ``widget`` (if it has one), for
    ``timeout_ms`` (0: until the next message)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)


def unsay(widget: QWidget) -> None:
    """Take the status bar's message back (what it said was corrected or undone)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().clearMessage()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box with 确定."""
    QMessageBox.warning(parent, title, text)


def explain(parent: QWidget | None, title: str, text: str) -> None:
    """An information box with 确定."""
    QMessageBox.information(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str, *, default: bool | None = None) -> bool:
    """A question answered 是 (True) or 否. ``default``: the answer Enter gives (None: Qt's choice)."""
    chosen = {True: Standard.Yes, False: Standard.No, None: Standard.NoButton}[default]
    return QMessageBox.question(parent, title, text, Standard.Yes | Standard.No, chosen) == Standard.Yes


class Keep(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_to_save(parent: QWidget | None, title: str, text: str) -> Keep:
    """保存 (the default), 不保存 or 取消 the unsaved edits."""
    answer = QMessageBox.question(parent, title, text, Standard.Save | Standard.Discard | Standard.Cancel,
                                  Standard.Save)
    return Keep.SAVE if answer == Standard.Save else Keep.DISCARD if answer == Standard.Discard else Keep.CANCEL


class Choice(FrozenValue):
    label: str
    role: QMessageBox.ButtonRole
    enabled: bool

    def __init__(self, label: str, role: QMessageBox.ButtonRole, enabled: bool = True) -> None:
        self.__dict__.update(label=label, role=role, enabled=enabled)


def choose(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, choices: Sequence[Choice] = (),
           *, standard: QMessageBox.StandardButton | None = Standard.Cancel, default: int | None = None,
           details: str = "", informative: str = "", name: str = "") -> int | None:
    """A box offering ``choices`` (then the ``standard`` button, e.g. 取消 or 关闭; none: only the
    choices, or 确定 when there are none): the index of the choice clicked, None for anything else.
    ``default``: the index of the button Enter presses, :data:`STANDARD` for the standard one, None
    for Qt's choice. ``details``: the text behind 显示详细信息; ``informative``: a second paragraph
    under ``text``; ``name``: the box's objectName."""
    box = QMessageBox(icon, title, text, parent=parent)
    if name:
        box.setObjectName(name)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    buttons = [box.addButton(choice.label, choice.role) for choice in choices]
    for button, choice in zip(buttons, choices):
        button.setEnabled(choice.enabled)
    if standard is not None:
        box.addButton(standard)
    if default == STANDARD and standard is not None:
        box.setDefaultButton(standard)
    elif default is not None and default >= 0:
        box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), None)


class Outcome(Value):
    failed: bool

    def __init__(self, failed: bool = False) -> None:
        self.failed = failed


def tell_user(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """Show an expected error (or a message of ours) in a warning box titled ``title``."""
    warn(parent, title, error if isinstance(error, str) else user_message(error))


@contextmanager
def told_to_user(parent: QWidget | None, title: str) -> Iterator[Outcome]:
    """Run the block; an expected error stops it, is shown, and sets ``failed`` on the outcome."""
    outcome = Outcome()
    try:
        yield outcome
    except EXPECTED as e:
        outcome.failed = True
        tell_user(parent, title, e)
