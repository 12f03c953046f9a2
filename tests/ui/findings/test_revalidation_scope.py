"""An edit of single cells (an amount, a field, a text section, an indicator's cells, their undo) revalidates
the rules those cells reach on the form the runner holds, without loading the whole form again (issue 25);
rows inserted, deleted or moved check everything. What the window shows (the findings, the marks, the 待填
counts in the tab titles) is what a full validation says."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from helpers.ui import settle, type_text

from goalform.domain.validation import shown_while_filling
from goalform.domain.validation.library import validate_against
from goalform.ui.indicators.model import IdRole


def _full(window):  # noqa: ANN001, ANN202
    return validate_against(window.doc.load_form(), window.doc.template, window.runner.library)


def test_typing_an_amount_checks_the_amount_rules_only(funds, qtbot, monkeypatch) -> None:
    settle(funds)
    loads = []
    real = type(funds.doc).load_form
    monkeypatch.setattr(type(funds.doc), "load_form", lambda doc: loads.append(1) or real(doc))
    cell = funds.findChild(QLineEdit, "fund_fiscal_current")
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    for ch in "12a4":
        type_text(cell, ch)
        settle(funds)
        assert funds.runner.last_scope == "amounts"
    assert loads == []  # no keystroke loaded the whole form
    assert funds.runner.findings == _full(funds)
    assert funds.doc.fund("fiscal", "current") == "124" or funds.doc.fund("fiscal", "current") == "12"
    funds.undo_action.trigger()
    settle(funds)
    assert funds.runner.findings == _full(funds)


@pytest.fixture
def loads(monkeypatch):  # noqa: ANN001, ANN201
    """Every full check from now on (the form loaded and every rule run)."""
    from goalform.domain.validation.kept import KeptCheck

    calls: list[int] = []
    real = KeptCheck.__init__
    monkeypatch.setattr(KeptCheck, "__init__", lambda kept, *args: calls.append(1) or real(kept, *args))
    return calls


def _shown(window) -> tuple:  # noqa: ANN001
    """What the user sees of the findings: the list, the status bar, the tab titles, the marks of a tree."""
    model = window.editor.models["annual"]
    marks = [model._findings.get(i) for i in sorted(model._findings)]
    return (window.findings, window.count_label.text(), [window.tabs.tabText(i) for i in range(window.tabs.count())],
            marks)


def _same_as_a_full_check(window) -> None:  # noqa: ANN001
    """The runner's findings are a full validation's, and the window shows what it shows after a full run."""
    settle(window)
    assert window.runner.findings == _full(window)
    assert window.findings == shown_while_filling(_full(window), window.checked)
    shown = _shown(window)
    window.runner.library = window.runner.library  # forget the kept form: the next run checks everything
    window.runner.run_now()
    settle(window)
    assert window.runner.last_scope == "all" and _shown(window) == shown


def _count_calls(monkeypatch, name: str) -> list[str]:  # noqa: ANN001
    """Every call of the function ``name`` (by every goalform module that imported it) from now on."""
    import sys

    calls: list[str] = []
    for module_name, module in list(sys.modules.items()):
        real = getattr(module, name, None) if module_name.startswith("goalform") and module is not None else None
        if callable(real):
            monkeypatch.setattr(module, name, lambda *a, _real=real, **k: calls.append(a[0]) or _real(*a, **k))
    return calls


def test_a_keystroke_parses_each_value_once(window, blank_doc, qtbot, monkeypatch) -> None:
    """Typing 1234 in an amount: the typed text, then the funds tab's and the check's reading of the cell
    that changed (never every amount for every total, share and rule: 340 calls once)."""
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    _learned(window, qtbot)
    amounts = _count_calls(monkeypatch, "parse_amount")
    cell = window.findChild(QLineEdit, "fund_fiscal_current")
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    for ch in "1234":
        type_text(cell, ch)
        settle(window)
        assert window.runner.last_scope == "amounts"
    assert amounts == ["1", "1", "1", "12", "12", "12", "123", "123", "123", "1234", "1234", "1234"]
    assert window.runner.findings == _full(window)
    tab = _tree_tab(window, "annual")
    leaf = blank_doc.children(blank_doc.children(blank_doc.roots("annual")[0])[0])[0]
    targets, digits = _count_calls(monkeypatch, "parse_target"), _count_calls(monkeypatch, "is_quantified")
    _type_into(window, tab, leaf, "value", "≥1234个")
    settle(window)
    assert window.runner.last_scope == "indicators"
    assert targets.count("≥1234个") <= 1 and digits.count("≥1234个") <= 1 and len(digits) <= 1
    assert window.runner.findings == _full(window)


def test_typing_in_fields_checks_their_rules_only(funds, qtbot, loads) -> None:
    _learned(funds, qtbot)
    loads.clear()
    for key, text in (("department", "测试局"), ("phone", "12a"), ("fill_date", "2025-02-30")):
        funds.editor.edit_field(key, text)
        settle(funds)
        assert funds.runner.last_scope == "fields"
    funds.editor.edit_field(funds.doc.template.texts[0].key, "部门职能")
    settle(funds)
    assert funds.runner.last_scope == "fields" and loads == []
    _same_as_a_full_check(funds)
    funds.undo_action.trigger()
    settle(funds)
    assert funds.runner.last_scope == "fields"
    _same_as_a_full_check(funds)
    funds.editor.edit_fund("fiscal", "current", "100")
    funds.editor.edit_field("department", "测试局二")
    settle(funds)
    assert funds.runner.last_scope == "amounts+fields"
    _same_as_a_full_check(funds)


def _tree_tab(window, tree: str):  # noqa: ANN001, ANN202
    index = 3 if tree == "long_term" else 4
    window.tabs.setCurrentIndex(index)
    QApplication.processEvents()
    return window.tab_pages[index]


def _type_into(window, tab, indicator_id: int, column: str, text: str) -> None:  # noqa: ANN001
    """Put the cursor on the cell, type ``text`` on it as a user does (the editor opens with the first key), Enter."""
    model = tab.model
    index = model.index_of(indicator_id, model.column_of(column))
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.scrollTo(index)
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_F2)
    editor = tab.delegate.open_editor
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, text)
    completer = editor.completer() if isinstance(editor, QLineEdit) else None
    if completer is not None and completer.popup().isVisible():
        QTest.keyClick(completer.popup(), Qt.Key.Key_Escape)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def _learned(window, qtbot) -> None:  # noqa: ANN001
    """The library has learned the form's indicators (in the background; a new library checks everything)."""
    qtbot.waitUntil(lambda: window.library.learning is not None and not window.library.learning.thread.is_alive())
    QApplication.processEvents()
    settle(window)


def test_indicator_cells_check_the_rules_they_reach(window, blank_doc, qtbot, loads) -> None:
    window.set_document(blank_doc)
    _learned(window, qtbot)
    loads.clear()
    tab = _tree_tab(window, "annual")
    doc = blank_doc
    l2 = doc.children(doc.roots("annual")[0])[0]
    leaves = doc.children(l2)
    for column, text in (("value", "≥90%"), ("value", "无"), ("value", "有效提升"), ("value", "150%"), ("value", ""),
                         ("name", ""), ("name", doc.node(leaves[-1]).name), ("prev1", "95%"), ("prev2", "")):
        _type_into(window, tab, leaves[0], column, text)
        assert doc.node(leaves[0]).get(column) == text
        settle(window)
        assert window.runner.last_scope == "indicators", (column, text)
        assert window.runner.findings == _full(window), (column, text)
    assert loads == []
    _same_as_a_full_check(window)
    for _ in range(4):  # undo and redo of cell edits: still in scope
        window.undo_action.trigger()
        settle(window)
        assert window.runner.last_scope == "indicators" and window.runner.findings == _full(window)
    window.redo_action.trigger()
    _same_as_a_full_check(window)
    for leaf in leaves:  # the last indicator of the 一级 goes: 「至少要有一个三级指标」
        window.editor.edit_indicator(tab.model, leaf, "name", "")
    settle(window)
    assert window.runner.last_scope == "indicators"
    assert any(f.rule == "indicators.level3" for f in window.runner.findings)
    _same_as_a_full_check(window)
    window.editor.edit_indicator(tab.model, l2, "name", "……")  # a 二级: the 三级 under it look again
    settle(window)
    assert window.runner.last_scope == "indicators"
    _same_as_a_full_check(window)


def test_rows_inserted_deleted_or_moved_check_everything(window, blank_doc) -> None:
    window.set_document(blank_doc)
    settle(window)
    tab = _tree_tab(window, "long_term")
    model, doc = tab.model, blank_doc
    l2 = doc.children(doc.roots("long_term")[0])[0]
    first = doc.children(l2)[0]
    new = window.editor.add_indicator(model, l2, 1, name="新指标", value="≥1个")
    settle(window)
    assert window.runner.last_scope == "all" and window.runner.findings == _full(window)
    window.editor.move_indicator(model, new, 0)
    settle(window)
    assert window.runner.last_scope == "all" and window.runner.findings == _full(window)
    window.editor.edit_indicator(model, first, "value", "≥5个")
    window.editor.edit_indicator(model, new, "value", "≥6个")  # two rows' cells in one run (a paste): everything
    settle(window)
    assert window.runner.last_scope == "all" and window.runner.findings == _full(window)
    window.editor.edit_indicator(model, first, "value", "≥7个")
    window.editor.remove_indicator(model, new)  # a cell and a row in one run: everything
    settle(window)
    assert window.runner.last_scope == "all" and window.runner.findings == _full(window)
    for _ in range(3):
        window.undo_action.trigger()
        settle(window)
        assert window.runner.findings == _full(window)
    _same_as_a_full_check(window)


def test_an_export_is_built_from_the_one_load_of_its_check(window, tmp_path, monkeypatch) -> None:
    """导出: the explicit check loads the form once; the error count and the file come from that load."""
    import zipfile

    from helpers.valid_forms import valid_form

    from goalform.formats.export import export_file
    from goalform.store import Document

    doc = Document.from_form(valid_form("2026")[0])
    window.set_document(doc)
    settle(window)
    window.editor.edit_fund("fiscal", "current", "1500")  # an amount only: the check reuses the form it holds
    target = tmp_path / "out.docx"
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    loads = []
    real = Document.load_form
    monkeypatch.setattr(Document, "load_form", lambda d: loads.append(1) or real(d))
    window.files.export_file()
    assert len(loads) <= 1 and target.exists()
    errors = sum(1 for f in window.findings if f.severity.value == "error")
    assert asked == ([f"此表还有 {errors} 个错误，仍要导出吗？"] if errors else [])
    reference = tmp_path / "reference.docx"
    export_file(real(doc), doc.template, reference)
    part = "word/document.xml"
    assert zipfile.ZipFile(target).read(part) == zipfile.ZipFile(reference).read(part)
    assert b"1500" in zipfile.ZipFile(target).read(part)


def test_the_window_looks_as_after_a_full_check(window, saved_reference, qtbot) -> None:
    """Typed like a clerk into indicator cells, a field and an amount of the reference form: after each scoped
    revalidation the window has the very pixels it has after a full check (findings, marks, 待填 counts)."""
    from goalform.store.document import Document

    window.set_document(Document.open(saved_reference))
    _learned(window, qtbot)

    def same_pixels(scope: str) -> None:
        settle(window)
        assert window.runner.last_scope == scope
        scoped = window.grab().toImage()
        window.runner.library = window.runner.library  # the next run checks everything
        window.runner.run_now()
        settle(window)
        assert window.grab().toImage() == scoped

    tab = _tree_tab(window, "annual")
    doc = window.doc
    leaf = next(i for r in doc.roots("annual") for c in doc.children(r) for i in doc.children(c))
    for column, text in (("value", "有效提升"), ("value", ""), ("name", ""), ("prev1", "150%"), ("value", "无")):
        _type_into(window, tab, leaf, column, text)
        same_pixels("indicators")
    window.tabs.setCurrentIndex(0)
    phone = window.findChild(QLineEdit, "field_phone")
    phone.setFocus()
    phone.selectAll()
    type_text(phone, "12a")
    same_pixels("fields")
    window.tabs.setCurrentIndex(1)
    amount = window.findChild(QLineEdit, "fund_fiscal_current")
    amount.setFocus()
    amount.selectAll()
    type_text(amount, "1234")
    same_pixels("amounts")
