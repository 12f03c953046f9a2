"""填报说明: the template's instructions below the table (2026 version), for reading while filling in."""
from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from goalform.domain.template import Template
from goalform.domain.validation import Finding, Location


def has_instructions(template: Template) -> bool:
    return len(template.lines_below) > 1


class InstructionsTab(QWidget):
    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instructions_tab")
        layout = QVBoxLayout(self)
        browser = QTextBrowser(self)
        browser.setObjectName("instructions")
        title, *lines = template.lines_below
        html = [f"<h3>{title}</h3>"] + [f"<p style='margin-bottom:8px'>{line}</p>" for line in lines]
        browser.setHtml("".join(html))
        layout.addWidget(browser)

    def apply_findings(self, findings: list[Finding]) -> None:
        pass  # nothing to check here: the text comes from the template

    def owns(self, location: Location) -> bool:
        return False

    def focus_location(self, location: Location) -> bool:
        return False
