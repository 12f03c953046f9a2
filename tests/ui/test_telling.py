"""goalform.ui.telling is the one way the GUI tells the user: no message box or status-bar message
anywhere else (checked on the source with ast), and its verbs do what they say."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from goalform.domain.errors import UserError
from goalform.ui import telling

PACKAGE = Path(telling.__file__).resolve().parent.parent
TELLING = Path(telling.__file__).resolve()
STATUS_CALLS = {"showMessage", "clearMessage"}


def told_elsewhere(source: str) -> list[str]:
    """The lines of ``source`` that show a box or a status-bar message without goalform.ui.telling:
    any use of QMessageBox, and showMessage/clearMessage called on anything but ``super()`` (a status
    bar's own override may hand its message on)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id == "QMessageBox":
            found.append(f"{node.lineno}: QMessageBox")
        elif isinstance(node, ast.ImportFrom) and any(a.name == "QMessageBox" for a in node.names):
            found.append(f"{node.lineno}: imports QMessageBox")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STATUS_CALLS
              and not (isinstance(node.func.value, ast.Call) and isinstance(node.func.value.func, ast.Name)
                       and node.func.value.func.id == "super")):
            found.append(f"{node.lineno}: {node.func.attr}")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def test_only_telling_shows_boxes_and_status_messages() -> None:
    offenders = [f"{path.relative_to(PACKAGE)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
                 if path.resolve() != TELLING for line in told_elsewhere(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_check_sees_a_box_or_a_status_message_told_directly() -> None:
    source = ("from PySide6.QtWidgets import QMessageBox\n"
              "def f(window):\n"
              "    QMessageBox.warning(window, 'a', 'b')\n"
              "    window.statusBar().showMessage('c', 5000)\n"
              "    window.statusBar().clearMessage()\n"
              "class Bar:\n"
              "    def showMessage(self, text, timeout=0):\n"
              "        super().showMessage(text, timeout)\n")
    assert told_elsewhere(source) == ["1: imports QMessageBox", "3: QMessageBox", "4: showMessage", "5: clearMessage"]


@pytest.fixture
def main_window(qtbot):
    window = QMainWindow()
    label = QLabel("x")
    window.setCentralWidget(label)
    qtbot.addWidget(window)
    return window, label


def test_inform_says_it_in_the_status_bar_of_the_widgets_window(main_window) -> None:
    window, label = main_window
    telling.inform(label, "已保存到 x", 8000)
    assert window.statusBar().currentMessage() == "已保存到 x"
    telling.unsay(label)
    assert window.statusBar().currentMessage() == ""
    telling.inform(QLabel("no window of its own"), "nowhere")  # a widget without a status bar: nothing, no error


@pytest.mark.parametrize("default, expected", [(None, QMessageBox.StandardButton.NoButton),
                                               (False, QMessageBox.StandardButton.No),
                                               (True, QMessageBox.StandardButton.Yes)])
def test_ask_offers_yes_and_no_with_the_default_asked_for(monkeypatch, default, expected) -> None:
    asked = []

    def question(parent, title, text, buttons, default_button):
        asked.append((title, text, buttons, default_button))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert telling.ask(None, "导出", "仍要导出吗？", default=default) is True
    assert asked == [("导出", "仍要导出吗？", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, expected)]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    assert telling.ask(None, "导出", "仍要导出吗？") is False


@pytest.mark.parametrize("answer, keep", [(QMessageBox.StandardButton.Save, telling.Keep.SAVE),
                                          (QMessageBox.StandardButton.Discard, telling.Keep.DISCARD),
                                          (QMessageBox.StandardButton.Cancel, telling.Keep.CANCEL),
                                          (QMessageBox.StandardButton.NoButton, telling.Keep.CANCEL)])
def test_ask_to_save(monkeypatch, answer, keep) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answer)
    assert telling.ask_to_save(None, "保存修改", "关闭前要保存吗？") is keep


def test_choose_gives_the_index_of_the_choice_clicked_and_none_for_the_standard_button(monkeypatch) -> None:
    seen = {}

    def click(label):
        def exec_(box):
            seen.update(text=box.text(), details=box.detailedText(), name=box.objectName(),
                        default=(box.defaultButton().text() if box.standardButton(box.defaultButton())
                                 == QMessageBox.StandardButton.NoButton else box.standardButton(box.defaultButton())),
                        enabled={b.text(): b.isEnabled() for b in box.buttons()}, icon=box.icon())
            for button in box.buttons():
                if button.text() == label or box.standardButton(button) == label:
                    button.click()
            return 0
        return exec_

    choices = [telling.Choice("以只读方式打开", telling.Role.AcceptRole),
               telling.Choice("仍要编辑", telling.Role.DestructiveRole, enabled=False)]
    monkeypatch.setattr(QMessageBox, "exec", click("以只读方式打开"))
    assert telling.choose(None, telling.Icon.Warning, "文件已在编辑中", "「a.goal」已在另一个窗口中打开。", choices,
                          default=0, details="more", name="busy") == 0
    assert seen == {"text": "「a.goal」已在另一个窗口中打开。", "details": "more", "name": "busy", "default": "以只读方式打开",
                    "enabled": seen["enabled"], "icon": telling.Icon.Warning}
    assert seen["enabled"]["以只读方式打开"] and not seen["enabled"]["仍要编辑"]
    assert len(seen["enabled"]) == 4  # the two choices, 取消 and 显示详细信息
    monkeypatch.setattr(QMessageBox, "exec", click(QMessageBox.StandardButton.Cancel))
    assert telling.choose(None, telling.Icon.Warning, "t", "x", choices, default=telling.STANDARD) is None
    assert seen["default"] == QMessageBox.StandardButton.Cancel


def test_an_expected_error_is_told_and_the_block_stops(monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(telling, "warn", lambda parent, title, text: shown.append((title, text)))
    with telling.told_to_user(None, "保存失败") as outcome:
        raise UserError("磁盘已满")
    assert outcome.failed and shown == [("保存失败", "磁盘已满")]
    with telling.told_to_user(None, "保存失败") as outcome:
        pass
    assert not outcome.failed and len(shown) == 1
    with pytest.raises(ZeroDivisionError), telling.told_to_user(None, "保存失败"):  # a bug is not told here
        1 / 0
