"""Small painted markers for rows and cells on which a rule fails (no image files needed)."""
from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

SEVERITY_COLORS = {"error": QColor(200, 40, 40), "warning": QColor(215, 140, 0), "info": QColor(40, 110, 200)}


@functools.lru_cache(maxsize=None)
def marker_icon(severity: str) -> QIcon:
    """A filled circle with an exclamation mark, in the colour of the severity."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SEVERITY_COLORS.get(severity, SEVERITY_COLORS["info"]))
        margin = size / 16
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.7))
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "!" if severity != "info" else "i")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
