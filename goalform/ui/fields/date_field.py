"""A calendar for a date field: a button inside the field opens a month view; typing still works.

The field stays a line edit because clerks type dates in many ways (2025-12-31, 2025年12月31日,
20251231; see goalform.domain.dates); a pick from the calendar writes the ISO form.
"""
from __future__ import annotations

import datetime
import functools
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen
from PySide6.QtWidgets import QCalendarWidget, QLineEdit

from goalform.domain.dates import parse_date
from goalform.ui.markers import painted_icon


@functools.lru_cache(maxsize=None)
def calendar_icon() -> QIcon:
    """A small painted calendar page (no image files needed)."""

    def paint(painter: QPainter, size: int) -> None:
        unit = size / 16
        painter.setPen(QPen(QColor(90, 100, 115), unit))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(1.5 * unit, 2.5 * unit, 13 * unit, 12 * unit), unit, unit)
        # The red band: drawRect without a pen gives fillRect's pixels, and spares the start-up PySide's
        # making of QGradient's enums (which fillRect's overloads would ask for: ~5 ms, issue 25).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(200, 60, 50))
        painter.drawRect(QRectF(2 * unit, 3 * unit, 12 * unit, 3 * unit))
        painter.setBrush(QColor(90, 100, 115))
        for row in range(2):
            for col in range(3):
                painter.drawRect(QRectF((4 + 3.2 * col) * unit, (8 + 3 * row) * unit, 2 * unit, 2 * unit))

    return painted_icon(paint)


class CalendarPopup(QCalendarWidget):
    """The month view under the field; a click (or Enter) on a day picks it."""

    def __init__(self, edit: QLineEdit, on_pick: Callable[[str], None]) -> None:
        super().__init__(edit)
        self.setObjectName("calendar_popup")
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setGridVisible(True)
        self._edit = edit
        self._on_pick = on_pick
        self.clicked.connect(self._pick)
        self.activated.connect(self._pick)

    def open_at_field(self) -> None:
        shown = parse_date(self._edit.text()) or datetime.date.today()
        self.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.adjustSize()
        self.move(self._edit.mapToGlobal(self._edit.rect().bottomLeft()))
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, date: QDate) -> None:
        self.hide()
        self._on_pick(date.toString("yyyy-MM-dd"))
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)


def attach_calendar(edit: QLineEdit, on_pick: Callable[[str], None], read_only: bool = False) -> QAction:
    """Put a calendar button inside ``edit``; ``on_pick`` gets the chosen date as 2025-12-31. The month
    view is built when the button is first pressed (a QCalendarWidget costs the first frame a lot)."""
    action = edit.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
    action.setObjectName("pick_date")
    action.setToolTip(QCoreApplication.translate("DateField", "从日历中选择日期"))
    action.setEnabled(not read_only)

    def open_popup() -> None:
        popup = edit.property("calendar")
        if popup is None:
            popup = CalendarPopup(edit, on_pick)
            edit.setProperty("calendar", popup)  # keep the popup reachable (tests, the window)
        popup.open_at_field()

    action.triggered.connect(open_popup)
    return action
