"""The PDF writer's plain-int copies of Qt's alignment and text flags (goalform.formats.paging) are Qt's."""
from __future__ import annotations

from PySide6.QtCore import Qt

from goalform.formats import paging


def test_flags_are_qts_own() -> None:
    a, t = Qt.AlignmentFlag, Qt.TextFlag
    assert paging.ALIGN_LEFT == a.AlignLeft.value
    assert paging.ALIGN_RIGHT == a.AlignRight.value
    assert paging.ALIGN_HCENTER == a.AlignHCenter.value
    assert paging.ALIGN_BOTTOM == a.AlignBottom.value
    assert paging.ALIGN_VCENTER == a.AlignVCenter.value
    assert paging.ALIGN_CENTER == a.AlignCenter.value
    assert paging.TEXT_WORD_WRAP == t.TextWordWrap.value
    assert paging.TEXT_WRAP_ANYWHERE == t.TextWrapAnywhere.value
