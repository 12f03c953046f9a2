"""The tabs of the form in the main window: built, and titled with what is still to fill in.

Start-up shows the form's first tab in the first frame; the other tabs are built right after it.
Until then each of them is a :class:`LaterTab`, which shows nothing, owns no finding and takes no
focus; :func:`build_later_tabs` puts the real pages in their places (same index, same title).
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from goalform.domain.sections import ANNUAL, FUNDS, HEADER, LONG_TERM, TAB_CONTEXT, TAB_TITLES, TEXTS, tab_sections
from goalform.domain.validation import Finding, Location
from goalform.ui.editor import FormEditor
from goalform.ui.fields.header_tab import HeaderTab
from goalform.ui.fields.texts_tab import TextsTab
from goalform.ui.funds.tab import FundsTab

Maker = Callable[[], QWidget]


def section_pages(editor: FormEditor, tree_tab: Callable[[str], QWidget]) -> list[tuple[Maker, str]]:
    """(maker, title) of a page for each section the form's template lists, in its order
    (:func:`goalform.domain.sections.tab_sections`); ``tree_tab(tree)`` makes an indicator tree's page."""
    pages: dict[str, Maker] = {
        HEADER: lambda: HeaderTab(editor), FUNDS: lambda: FundsTab(editor), TEXTS: lambda: TextsTab(editor),
        LONG_TERM: lambda: tree_tab(LONG_TERM), ANNUAL: lambda: tree_tab(ANNUAL),
    }
    return [(pages[section], QCoreApplication.translate(TAB_CONTEXT, TAB_TITLES[section]))
            for section in tab_sections(editor.doc.template)]


class LaterTab(QWidget):
    """The stand-in of a tab not built yet."""

    def apply_findings(self, findings: list[Finding]) -> None:
        pass

    def owns(self, location: Location) -> bool:
        return False

    def focus_location(self, location: Location) -> bool:
        return False


def build_later_tabs(tabs: QTabWidget, pages: list[QWidget], makers: Sequence[tuple[Maker, str]],
                     findings: list[Finding]) -> list[QWidget]:
    """Replace every LaterTab in ``pages`` (and ``tabs``) with its page, showing ``findings``; return
    the pages built."""
    built = []
    current = tabs.currentIndex()
    tabs.blockSignals(True)
    try:
        for i, (make, title) in enumerate(makers):
            stand_in = pages[i]
            if not isinstance(stand_in, LaterTab):
                continue
            pages[i] = make()
            tabs.removeTab(i)
            tabs.insertTab(i, pages[i], title)
            stand_in.deleteLater()
            if findings:
                pages[i].apply_findings(findings)  # type: ignore[attr-defined]
            built.append(pages[i])
        tabs.setCurrentIndex(current)
    finally:
        tabs.blockSignals(False)
    return built


def show_progress(tabs: QTabWidget, pages: Sequence[QWidget], titles: Sequence[str], pending: list[Finding]) -> None:
    """Each tab's title says how many of its cells are still to fill in: 「年度目标 · 待填 12」."""
    # Tabs own findings by section and field: ask once per kind of place, not once per finding.
    places = Counter((f.location.section, f.location.field) for f in pending)
    for i, page in enumerate(pages):
        count = sum(n for (section, field), n in places.items()
                    if page.owns(Location(section, field)))  # type: ignore[attr-defined]
        title = titles[i]
        if count:
            title += " · " + QCoreApplication.translate("MainWindow", "待填 %1").replace("%1", str(count))
        if tabs.tabText(i) != title:
            tabs.setTabText(i, title)
