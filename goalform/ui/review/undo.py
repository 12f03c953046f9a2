"""Undo commands for 审核意见: adding and deleting a comment are document edits like any other and
go on the window's QUndoStack. Redo after undo puts back the same comment (same id, author and time).

A comment that has been saved to the file is evidence and is never deleted (the store refuses): once
saved, adding it is no longer an undo step (the command makes itself obsolete and Qt drops it).

Status changes (提交, 退回, 通过) are not undo steps: they are the record of who did what and when,
and a mistaken one is corrected by the next change (an approved form can be returned), which the
history then shows. The store offers no way to take one back, on purpose.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from goalform.domain.review import Comment
from goalform.store.document import Document


class AddComment(QUndoCommand):
    def __init__(self, doc: Document, location: str, text: str, author: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "添加审核意见"))
        self.doc, self.location, self.text, self.author = doc, location, text, author
        self.comment: Comment | None = None

    def redo(self) -> None:
        if self.comment is None:
            self.comment = self.doc.add_comment(self.location, self.text, self.author)
        elif not self.isObsolete():
            self.comment = self.doc.restore_comment(self.comment)

    def undo(self) -> None:
        assert self.comment is not None
        if self.doc.is_saved_comment(self.comment):
            self.setObsolete(True)  # saved: it stays in the file
            return
        self.doc.remove_comment(self.comment)


class RemoveComment(QUndoCommand):
    def __init__(self, doc: Document, comment: Comment) -> None:
        super().__init__(QCoreApplication.translate("Commands", "删除审核意见"))
        self.doc, self.comment = doc, comment

    def redo(self) -> None:
        self.comment = self.doc.remove_comment(self.comment)

    def undo(self) -> None:
        self.comment = self.doc.restore_comment(self.comment)
