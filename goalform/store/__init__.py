"""The .goal document: the only package that speaks SQL."""
from goalform.store.document import Document, IndicatorRecord, Subtree, read_form
from goalform.store.errors import (
    ChangedOnDisk,
    CorruptFile,
    FileBusy,
    NewerSchema,
    NotAGoalFile,
    ReadOnlyError,
    SaveError,
    StoreError,
    TooLarge,
)
from goalform.store.workspace import WorkingCopy, Workspace

__all__ = [
    "ChangedOnDisk", "CorruptFile", "Document", "FileBusy", "IndicatorRecord", "NewerSchema", "NotAGoalFile",
    "ReadOnlyError", "SaveError", "StoreError", "Subtree", "TooLarge", "WorkingCopy", "Workspace", "read_form",
]
