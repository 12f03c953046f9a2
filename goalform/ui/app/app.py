"""The QApplication: translators, the window, crash recovery at start and the file to open."""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import goalform
from goalform import assets

_translators: list[QTranslator] = []  # kept alive as long as the application
_data_refs: list[bytes] = []


def choose_language(requested: str | None = None) -> str:
    """'en' or 'zh': --lang, then GOALFORM_LANG, then the system locale (Chinese unless it is English)."""
    lang = (requested or os.environ.get("GOALFORM_LANG") or "").lower()
    if not lang:
        lang = QLocale.system().name().lower()
        # The C/POSIX locale (LANG=C.UTF-8 on a bare system) names no language: Chinese, the default.
        # (Python's locale module would call C.UTF-8 en_US.)
        posix = next((os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), "C")
        if lang in ("c", "") and posix.split(".")[0].upper() not in ("C", "POSIX"):
            import locale

            lang = (locale.getlocale()[0] or "zh").lower()
    return "en" if lang.startswith("en") else "zh"


class _OverQt(QTranslator):
    """A translator that answers from Qt's own translator ``qt`` (None: not found, ask the next one)."""

    def __init__(self, qt: QTranslator, parent=None) -> None:
        super().__init__(parent)
        self._qt = qt

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


class MnemonicFallback(_OverQt):
    """Qt strings whose Chinese translation is missing only because Qt added a mnemonic later.

    qtbase_zh_CN.qm translates 「Look in:」 and 「Files of type:」, but Qt 6's file dialog asks for
    「&Look in:」 and 「Files of &type:」 (so its labels stayed English). This translator answers such a
    question with the translation of the text without the ``&``, plus the mnemonic in the Chinese way:
    「查找范围(&L)：」. It is asked only after Qt's own translator found nothing.
    """

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt override
        # None is a null QString, "not found" (an empty string would be taken as the translation).
        if not source or "&" not in source or "&&" in source:
            return None
        at = source.index("&")
        if at + 1 >= len(source):
            return None
        plain = source[:at] + source[at + 1:]
        found = self._qt.translate(context, plain, disambiguation, n)
        if not found:
            return None
        colon = found[-1] if found[-1] in "：:" else ""
        return f"{found[:len(found) - len(colon)]}(&{source[at + 1].upper()}){colon}"


class ButtonMnemonics(_OverQt):
    """Accelerators for the standard buttons of Qt's message boxes, which Qt's Chinese translation
    leaves without one (「保存」, 「丢弃」): 「保存(&S)」, 「丢弃(&D)」, so the clerk's Alt+S / Alt+D
    answer 「关闭前要保存吗？」 as in Word. Installed after Qt's translator, so asked before it; the
    Chinese text itself still comes from Qt's own catalogue."""

    MNEMONICS = {"Save": "S", "Discard": "D", "Don't Save": "N", "Close without Saving": "N",
                 "Open": "O", "Apply": "A"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt override
        letter = self.MNEMONICS.get(source) if context == "QPlatformTheme" else None
        if letter is None:
            return None
        found = self._qt.translate(context, source, disambiguation, n) or (
            "不保存" if letter == "N" else "")  # 「Don't Save」 is missing from Qt's catalogue
        return f"{found}(&{letter})" if found else None


def install_translators(app: QApplication, language: str) -> bool:
    """Load goalform's own translation (English) and Qt's for its standard dialogs; True if ours loaded."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    # Month and day names (the 填报日期 calendar, file dates) follow the interface language.
    QLocale.setDefault(QLocale("en_US" if language == "en" else "zh_CN"))
    if qt.load(QLocale("en" if language == "en" else "zh_CN"), "qtbase", "_", qt_dir):
        if language != "en":
            fallback = MnemonicFallback(qt, app)  # installed first, so asked after Qt's own
            app.installTranslator(fallback)
            _translators.append(fallback)
        app.installTranslator(qt)
        _translators.append(qt)
        if language != "en":
            buttons = ButtonMnemonics(qt, app)  # installed after Qt's own, so asked before it
            app.installTranslator(buttons)
            _translators.append(buttons)
    if language != "en":
        return False
    ours = QTranslator(app)
    qm = assets.resource("translations", "goalform_en.qm")
    loaded = False
    if qm.is_file():
        # QTranslator reads the data in place: keep the bytes alive as long as the translator.
        data = qm.read_bytes()
        _data_refs.append(data)
        loaded = ours.load(data)
    if loaded:
        app.installTranslator(ours)
        _translators.append(ours)
    return loaded


def application(*, version_later: bool = False) -> QApplication:
    """The QApplication (made once). Its version costs importlib.metadata (~20 ms, far more on a busy
    PC): set once the event loop runs, or with ``version_later`` by the caller (after the first frame)."""
    app = QApplication.instance()
    if app is None:
        # High-DPI screens at 125% or 150%: scale by the exact factor, not rounded to 1x or 2x.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("goalform")
    app.setOrganizationName("goalform")
    if not version_later:
        QTimer.singleShot(0, lambda: app.setApplicationVersion(goalform.__version__))
    from goalform.ui.app.appicon import app_icon

    app.setWindowIcon(app_icon())
    return app


def start(file: Path | None = None, *, read_only: bool = False, language: str | None = None,
          quit_after_show: bool = False) -> int:
    """Run the GUI until the window closes; returns the exit code."""
    from goalform.ui.app.main_window import MainWindow
    from goalform.ui.fields.widgets import FINDING_STYLE

    from goalform.ui.app import unexpected_error

    from goalform.ui.app.first_paint import after_first_paint
    from goalform.store.workspace import remove_stale_snapshots

    app = application(version_later=True)
    install_translators(app, choose_language(language))
    unexpected_error.install()
    window = MainWindow(starting=True)
    window.show()
    if quit_after_show:  # the benchmark: measure start-up up to a painted window
        gc.enable()
        if file is not None:
            window.files.open_path(file, read_only=read_only)
        app.processEvents()
        window.repaint()
        QTimer.singleShot(0, app.quit)
        return app.exec()
    if os.environ.get("GOALFORM_STARTUP_PROBE") == "1":  # bench/bench_startup.py
        from goalform.ui.app.first_paint import report_first_paint

        report_first_paint(window)
    after_first_paint(window, gc.enable)  # (the launcher turned the garbage collection off for the start)
    after_first_paint(window, lambda: app.setApplicationVersion(goalform.__version__))
    # Nothing in the first frame is tinted by findings yet (they come after it), and a style sheet on the
    # window makes Qt style each widget of the first frame through it: set once that frame is drawn.
    after_first_paint(window, lambda: window.setStyleSheet(FINDING_STYLE))
    window.validate_after_first_paint = True  # the form shows first, its findings a moment later
    # The crash recovery comes first; the old read-only snapshots in the temp folder (a listing of the whole
    # folder) are swept after the first frame and its first validation.
    recovered = window.files.recover_orphans(tidy_temp=False)
    if file is not None and not recovered:
        window.files.open_path(file, read_only=read_only)
    after_first_paint(window, remove_stale_snapshots)
    return app.exec()
