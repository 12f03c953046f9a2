"""The actions of the other parts reached from the 文件 menu: export, import, rollover, compare."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from goalform.store.document import Document


def patch_dialogs(monkeypatch, save: Path | None = None, open_: Path | None = None,
                  answer=QMessageBox.StandardButton.Yes) -> list[tuple[str, str]]:
    if save is not None:
        monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(save), ""))
    if open_ is not None:
        monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(open_), ""))
    shown: list[tuple[str, str]] = []

    def exec_box(box):
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.warning", lambda p, t, text: shown.append((t, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answer)  # 「此表还有 N 个错误，仍要导出吗？」
    return shown


def test_export_then_import_the_same_form(window, monkeypatch, tmp_path, saved_reference):
    window.files.open_path(saved_reference)
    original = window.doc.load_form()
    target = tmp_path / "out.docx"
    patch_dialogs(monkeypatch, save=target)
    window.files.export_action.trigger()
    assert target.exists() and target.stat().st_size > 0

    shown = patch_dialogs(monkeypatch, open_=target)
    window.files.import_action.trigger()
    doc = window.doc
    assert doc.path is None and doc.is_dirty  # a new, unsaved document
    imported = doc.load_form()
    assert imported.department == original.department
    assert imported.funds == original.funds
    assert [n.name for n in imported.annual[0].children] == [n.name for n in original.annual[0].children]
    assert all("失败" not in text for text, _ in shown)


def test_import_of_a_bad_file_shows_why(window, monkeypatch, tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"plain text")
    shown = patch_dialogs(monkeypatch, open_=bad)
    window.files.import_action.trigger()
    assert window.doc is None
    assert shown and shown[0][0] == "导入失败" and "notes.docx" in shown[0][1]


def test_rollover_makes_next_years_form(window, monkeypatch, saved_reference):
    window.files.open_path(saved_reference)
    shown = patch_dialogs(monkeypatch)
    window.files.rollover_action.trigger()
    assert window.doc.year == 2027 and window.doc.path is None
    assert "2027" in shown[0][0]


def test_export_onto_a_full_disk_says_so_in_chinese(window, monkeypatch, tmp_path, saved_reference):
    """Issue 13, item 11: no English 「[Errno 28] No space left on device」; the old file stays."""
    import errno

    from goalform.formats import output

    window.files.open_path(saved_reference)
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous export")
    shown = patch_dialogs(monkeypatch, save=target)
    real_fsync = output.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    window.files.export_action.trigger()
    assert shown == [("导出失败", f"无法导出到「{target}」：磁盘已满，原有文件未改动")]
    assert target.read_bytes() == b"previous export" and sorted(tmp_path.iterdir()) == sorted(
        [target, saved_reference])
    monkeypatch.setattr(output.os, "fsync", real_fsync)  # room again: the window still works
    window.files.export_action.trigger()
    assert len(shown) == 1 and target.read_bytes().startswith(b"%PDF")


def test_an_os_error_while_printing_is_told_in_chinese(window, monkeypatch, saved_reference):
    import errno

    window.files.open_path(saved_reference)
    shown = patch_dialogs(monkeypatch)

    def fails(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp/spool")

    monkeypatch.setattr("goalform.ui.files.lazy_formats.print_form", fails)
    window.files.print_action.trigger()
    assert shown == [("打印失败", "磁盘已满：/tmp/spool")]


def test_import_of_hostile_files_shows_why_and_the_window_stays_usable(window, monkeypatch, tmp_path, saved_reference):
    from helpers import hostile_files as h

    from goalform.formats import importer

    window.files.open_path(saved_reference)
    before = window.doc
    bomb = h.xlsx_bomb(tmp_path / "bomb.xlsx", 40 << 20)
    deep = h.docx_deep(tmp_path / "deep.docx")
    locked = h.encrypted_office(tmp_path / "locked.xlsx")
    for path, message in ((bomb, "解压后超过"), (deep, "嵌套超过"), (locked, "设有打开密码")):
        shown = patch_dialogs(monkeypatch, open_=path)
        window.files.import_action.trigger()
        assert shown and shown[-1][0] == "导入失败" and message in shown[-1][1], shown
        assert window.doc is before  # the open form is untouched
    # Out of memory while reading: the same box, not the 程序出错 one.
    monkeypatch.setattr(importer, "read_xlsx", lambda path: (_ for _ in ()).throw(MemoryError()))
    shown = patch_dialogs(monkeypatch, open_=h.xlsx(tmp_path / "x.xlsx", h.sheet_rows(h.FORM_ROWS)))
    window.files.import_action.trigger()
    assert shown[-1][0] == "导入失败" and "内存不足" in shown[-1][1]
    window.files.open_path(saved_reference)  # still usable
    assert window.doc is not None
