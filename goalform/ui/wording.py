"""Messages of the layers below the GUI, said in the user's language.

The domain (validation findings, the amount parser's refusals) speaks in :class:`goalform.domain.messages.Text`;
this is where the GUI turns them into the language of the session, through Qt's translation
catalogue, so that an English desktop never shows a half-Chinese finding.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from goalform.domain.messages import msg, translate
from goalform.domain.validation import Finding


def say(message: object) -> str:
    """``message`` (a domain Text, or any text) in the language of the session."""
    return translate(message, QCoreApplication.translate)


def finding_text(finding: Finding) -> str:
    """「错误：…」 — one finding as a line of the 检查结果 list, a marker's tooltip or a tree cell's."""
    return say(msg("{severity}：{message}", severity=finding.severity.label, message=finding.message))


def template_text(label: str) -> str:
    """A label of the official template (「占比」, 「财政拨款」, 「{year}年」) as the GUI shows it: in the
    session's language (context "template"; tools/update_translations.py files every label of
    resources/templates). The printed form keeps the template's own Chinese."""
    return QCoreApplication.translate("template", label.replace("\n", ""))
