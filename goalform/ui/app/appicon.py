"""The application icon (resources/icons/goalform-*.png, made by packaging/make_icons.py)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from goalform import assets

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every size of the icon, so that title bars, task bars and the 关于 dialog each get a sharp one."""
    icon = QIcon()
    for size in SIZES:
        png = assets.resource("icons", f"goalform-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    return icon
