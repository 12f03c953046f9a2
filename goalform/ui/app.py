"""The QApplication: translators, the window, crash recovery at start and the file to open."""
from __future__ import annotations

import locale
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from goalform import __version__, assets

_translators: list[QTranslator] = []  # kept alive as long as the application
_data_refs: list[bytes] = []


def choose_language(requested: str | None = None) -> str:
    """'en' or 'zh': --lang, then GOALFORM_LANG, then the system locale (Chinese unless it is English)."""
    lang = (requested or os.environ.get("GOALFORM_LANG") or "").lower()
    if not lang:
        lang = QLocale.system().name().lower()
        if lang in ("c", ""):
            lang = (locale.getlocale()[0] or "zh").lower()
    return "en" if lang.startswith("en") else "zh"


def install_translators(app: QApplication, language: str) -> bool:
    """Load goalform's own translation (English) and Qt's for its standard dialogs; True if ours loaded."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale("en" if language == "en" else "zh_CN"), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _translators.append(qt)
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


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        # High-DPI screens at 125% or 150%: scale by the exact factor, not rounded to 1x or 2x.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("goalform")
    app.setOrganizationName("goalform")
    app.setApplicationVersion(__version__)
    from goalform.ui.appicon import app_icon

    app.setWindowIcon(app_icon())
    return app


def start(file: Path | None = None, *, read_only: bool = False, language: str | None = None,
          quit_after_show: bool = False) -> int:
    """Run the GUI until the window closes; returns the exit code."""
    from goalform.ui.main_window import MainWindow

    from goalform.ui import unexpected_error

    app = application()
    install_translators(app, choose_language(language))
    unexpected_error.install()
    window = MainWindow()
    window.show()
    if quit_after_show:  # the benchmark: measure start-up up to a painted window
        if file is not None:
            window.files.open_path(file, read_only=read_only)
        app.processEvents()
        window.repaint()
        QTimer.singleShot(0, app.quit)
        return app.exec()
    recovered = window.files.recover_orphans()
    if file is not None and not recovered:
        window.files.open_path(file, read_only=read_only)
    return app.exec()
