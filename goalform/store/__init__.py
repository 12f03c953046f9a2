"""The .goal document: the only package that speaks SQL."""
from goalform.store.document import Document, IndicatorRecord, Subtree, read_form
from goalform.store.errors import ChangedOnDisk, CorruptFile, NewerSchema, NotAGoalFile, ReadOnlyError, SaveError, StoreError
from goalform.store.workspace import WorkingCopy, Workspace

__all__ = [
    "ChangedOnDisk", "CorruptFile", "Document", "IndicatorRecord", "NewerSchema", "NotAGoalFile", "ReadOnlyError", "SaveError",
    "StoreError", "Subtree", "WorkingCopy", "Workspace", "read_form",
]
