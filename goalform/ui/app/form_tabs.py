"""The tabs of the form in the main window: built, and titled with what is still to fill in.

Start-up shows the form's first tab in the first frame; every other tab is built when it is first
shown (a click, Alt+N, a jump to a finding on it), or else in idle time after the first validation
(their sizes shape the window: an indicator tab's width narrows the docks beside it). Until then it is
a :class:`LaterTab`, which shows nothing and takes no focus, but knows which findings are its page's
(``places``: the 待填 count in its title, the tab a jump goes to); :func:`build_tab` puts the real
page in its place (same index, same title).
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QTabWidget, QWidget

from goalform.domain.sections import (
    ANNUAL,
    FUNDS,
    GOAL_TEXT,
    HEADER,
    LONG_TERM,
    NOTES,
    TAB_CONTEXT,
    TAB_TITLES,
    TEXT_PREFIX,
    TEXTS,
    section_of,
    tab_sections,
)
from goalform.domain.template import Template
from goalform.domain.validation.core import Finding, Location
from goalform.ui.editor import FormEditor
from goalform.ui.fields.instructions_tab import has_instructions
from goalform.ui.settings import Settings

Maker = Callable[[], QWidget]
Places = Callable[[Location], bool]  # whether a finding at a location is shown on a page
INSTRUCTIONS = "instructions"  # the page of the template's 填报说明, which is no section of the form


def shown_on(page: str, template: Template) -> Places:
    """The places of the page of section ``page`` (or the instructions) without building it: what its
    ``owns`` answers (tests/ui/app keep the two equal)."""
    if page == HEADER:
        return lambda location: location.section in (HEADER, NOTES)
    if page == FUNDS:
        return lambda location: location.section == FUNDS
    if page == TEXTS:
        keys = {t.key for t in template.texts if section_of(TEXT_PREFIX + t.key) == TEXTS}
        return lambda location: location.section == TEXTS and location.field in keys
    if page in GOAL_TEXT:
        fields = {GOAL_TEXT[page]} | ({"deadline"} if page == LONG_TERM else set())
        return lambda location: location.section == page or (location.section == TEXTS and location.field in fields)
    return lambda location: False


def tab_makers(editor: FormEditor, settings: Settings,
               extend_menu: Callable[[QMenu, QWidget], None]) -> list[tuple[Maker, str, str]]:
    """(maker, title, section) of each tab of the form: a page for each section the template lists, in
    its order (:func:`goalform.domain.sections.tab_sections`), then the instructions when it has any. A
    page's module is imported when the page is built: start-up imports only what its first tab needs."""
    doc = editor.doc

    def header() -> QWidget:
        from goalform.ui.fields.header_tab import HeaderTab
        return HeaderTab(editor)

    def funds() -> QWidget:
        from goalform.ui.funds.tab import FundsTab
        return FundsTab(editor)

    def texts() -> QWidget:
        from goalform.ui.fields.texts_tab import TextsTab
        return TextsTab(editor)

    def tree(name: str) -> Maker:
        def make() -> QWidget:
            from goalform.ui.indicators.tab import IndicatorsTab
            return IndicatorsTab(editor, name, settings.indicator_names, settings=settings, extend_menu=extend_menu)
        return make

    def instructions() -> QWidget:
        from goalform.ui.fields.instructions_tab import InstructionsTab
        return InstructionsTab(doc.template)

    pages: dict[str, Maker] = {HEADER: header, FUNDS: funds, TEXTS: texts,
                               LONG_TERM: tree(LONG_TERM), ANNUAL: tree(ANNUAL)}
    makers = [(pages[section], QCoreApplication.translate(TAB_CONTEXT, TAB_TITLES[section]), section)
              for section in tab_sections(doc.template)]
    if has_instructions(doc.template):
        makers.append((instructions, QCoreApplication.translate("MainWindow", "填报说明"), INSTRUCTIONS))
    return makers


class LaterTab(QWidget):
    """The stand-in of a tab not built yet."""

    def __init__(self, places: Places) -> None:
        super().__init__()
        self._places = places

    def apply_findings(self, findings: list[Finding]) -> None:
        pass

    def owns(self, location: Location) -> bool:
        return self._places(location)

    def focus_location(self, location: Location) -> bool:
        return False


def build_tab(tabs: QTabWidget, pages: list[QWidget], i: int, make: Maker, findings: list[Finding]) -> QWidget | None:
    """Put the page of tab ``i`` in place of its LaterTab in ``pages`` and ``tabs`` (same title, the
    current tab stays current), showing ``findings``; the page, or None when it was built already."""
    stand_in = pages[i]
    if not isinstance(stand_in, LaterTab):
        return None
    page = pages[i] = make()
    current, title = tabs.currentIndex(), tabs.tabText(i)
    tabs.blockSignals(True)
    try:
        tabs.removeTab(i)
        tabs.insertTab(i, page, title)
        tabs.setCurrentIndex(current)
    finally:
        tabs.blockSignals(False)
    stand_in.deleteLater()
    if findings:
        page.apply_findings(findings)  # type: ignore[attr-defined]
    return page


def show_progress(tabs: QTabWidget, pages: Sequence[QWidget], titles: Sequence[str], pending: list[Finding]) -> None:
    """Each tab's title says how many of its cells are still to fill in: 「年度目标 · 待填 12」."""
    # Tabs own findings by section and field: ask once per kind of place (one finding's location
    # speaks for the others there), not once per finding.
    places = Counter((f.location.section, f.location.field) for f in pending)
    speaker = {(f.location.section, f.location.field): f.location for f in pending}
    for i, page in enumerate(pages):
        count = sum(n for place, n in places.items() if page.owns(speaker[place]))  # type: ignore[attr-defined]
        title = titles[i]
        if count:
            title += " · " + QCoreApplication.translate("MainWindow", "待填 %1").replace("%1", str(count))
        if tabs.tabText(i) != title:
            tabs.setTabText(i, title)
