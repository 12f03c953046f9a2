"""Remembered settings: window geometry, last folder, recent files, filler name and phone, names of
indicators used before, the names reviewers signed with. Stored in an INI file in the user data folder (portable, no registry)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from goalform.paths import PathProblem, not_usable, resolved
from goalform.store.workspace import data_dir

MAX_RECENT = 8
MAX_NAMES = 2000
MAX_REVIEWERS = 10


class Settings:
    def __init__(self) -> None:
        path = data_dir() / "settings.ini"
        self.problem = ""  # why the settings file cannot be used (shown in the status bar), or ''
        if reason := not_usable(path):  # a FIFO there would block the start for ever
            self.problem = QCoreApplication.translate("Settings", "设置文件无法使用，本次的设置不会保存：%1") \
                .replace("%1", reason)
            self._scratch = tempfile.TemporaryDirectory(prefix="goalform-settings-")
            path = Path(self._scratch.name) / "settings.ini"
        self.qs = QSettings(str(path), QSettings.Format.IniFormat)
        if self.qs.childGroups().count("new_form"):  # before issue 22: also taken from imported forms
            self.qs.remove("new_form")

    def _str(self, key: str, default: str = "") -> str:
        value = self.qs.value(key, default)
        return str(value) if value is not None else default

    def _list(self, key: str) -> list[str]:
        value = self.qs.value(key, [])
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value]

    # -- window ------------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)

    def tree_columns(self, tree: str) -> QByteArray | None:
        """The column widths the user gave the indicator tree ``tree`` (QHeaderView state)."""
        value = self.qs.value(f"trees/{tree}/columns")
        return value if isinstance(value, QByteArray) else None

    def save_tree_columns(self, tree: str, state: QByteArray) -> None:
        self.qs.setValue(f"trees/{tree}/columns", state)

    # -- files -------------------------------------------------------------------------------------
    @property
    def last_folder(self) -> str:
        return self._str("files/last_folder", str(Path.home()))

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.qs.setValue("files/last_folder", folder)

    def recent_files(self) -> list[str]:
        return self._list("files/recent")

    def add_recent(self, path: Path) -> None:
        try:
            text = str(resolved(path))
        except PathProblem:  # a symlink loop: remembered as given
            text = str(Path(path).absolute())
        files = [text] + [f for f in self.recent_files() if f != text]
        self.qs.setValue("files/recent", files[:MAX_RECENT])
        self.last_folder = str(Path(text).parent)

    def clear_recent(self) -> None:
        self.qs.setValue("files/recent", [])

    # -- 我的信息: the clerk's own name and phone, which new forms start with (goalform.ui.app.my_info) ------------
    def mine(self, key: str) -> str:
        """The user's own ``filler`` or ``phone`` as they typed it, or ''."""
        return self._str(f"me/{key}")

    @property
    def filler(self) -> str:
        return self.mine("filler")

    @property
    def phone(self) -> str:
        return self.mine("phone")

    def remember_mine(self, key: str, text: str) -> None:
        """What the user typed as their ``filler`` or ``phone`` (empty: forget it). Only ever called
        with the user's own typing, never with a value read from a file."""
        if text.strip():
            self.qs.setValue(f"me/{key}", text.strip())
        else:
            self.qs.remove(f"me/{key}")

    # -- indicator names used in earlier forms (offered by the name completer) ------------------------
    def indicator_names(self) -> list[str]:
        return self._list("indicators/names")

    def add_indicator_names(self, names: list[str]) -> None:
        known = self.indicator_names()
        seen = set(known)
        new = [n for n in names if n and n not in seen and not seen.add(n)]  # type: ignore[func-returns-value]
        if new:
            self.qs.setValue("indicators/names", (new + known)[:MAX_NAMES])

    # -- the names reviewers signed comments and status changes with (offered first next time) ----------
    def reviewer_names(self) -> list[str]:
        return self._list("review/names")

    def remember_reviewer(self, name: str) -> None:
        names = [name] + [n for n in self.reviewer_names() if n != name]
        self.qs.setValue("review/names", names[:MAX_REVIEWERS])

    def language(self) -> str:
        return self._str("ui/language")

    def sync(self) -> None:
        self.qs.sync()
