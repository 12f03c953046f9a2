"""Asking before a form with errors leaves the clerk's hands: 提交, 通过 and 导出 say how many errors
the form has and go on only when the user says so.

The count is the explicit check's (what ``goalform validate`` and 检查 report): every rule is run on
the document as it is now, so empty required cells count even where the window shows them more
gently while the form is being filled in.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from goalform.domain.validation import Finding, gate_count, gate_errors
from goalform.store.document import Document
from goalform.ui import telling


def error_count(doc: Document) -> int:
    """The errors ``goalform validate`` would report for the document as it is now (the review's own
    rules apart: a change after 提交 is asked about by itself), as the CLI counts them."""
    return gate_errors(doc.load_form(), doc.template)


def go_ahead_despite_errors(parent: QWidget, doc: Document, title: str, question: str,
                            checked: list[Finding] | None = None) -> bool:
    """True when the form has no errors or the user answers 是 to ``question`` (``%1``: the count).
    The default answer is 否: pressing Enter does not let a form with errors through. ``checked``: the
    findings of an explicit check just made of the document as it is (the same errors; not run again)."""
    errors = error_count(doc) if checked is None else gate_count(checked)
    if not errors:
        return True
    return telling.ask(parent, title, question.replace("%1", str(errors)), default=False)
