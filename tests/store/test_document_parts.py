"""The Document is the front of parts it holds (its file, its indicator table, its review records), not
a class split by inheritance with stubs; its public API is what it always was."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

from goalform import assets
from goalform.store import document, document_file, review_records
from goalform.store.document import Document
from goalform.store.document_file import DocumentFile
from goalform.store.review_records import ReviewRecords

PUBLIC = {
    "new", "from_form", "open", "open_for_review", "recover", "close", "save", "path", "read_only", "is_dirty",
    "takes_review", "working_path", "add_listener", "forget_edits_if_unchanged", "changed_on_disk", "year",
    "field", "set_field", "set_year", "fund", "set_fund", "fill_cells", "stated_total", "set_stated_total",
    "roots", "children", "node", "row_of", "set_indicator", "insert_indicator", "insert_indicators",
    "remove_indicators", "restore_indicators", "remove_indicator", "restore_indicator", "move_indicator",
    "load_form", "replace_form", "review", "comments", "add_comment", "is_saved_comment", "remove_comment",
    "restore_comment", "review_status", "set_status", "check_approval", "submit", "fingerprint",
    "modified_since_status",
}


def test_the_document_holds_its_parts_and_inherits_none() -> None:
    assert Document.__mro__ == (Document, object)
    with Document.new(assets.template("2026"), 2026) as doc:
        assert isinstance(doc._file, DocumentFile) and isinstance(doc._records, ReviewRecords)
        assert PUBLIC <= {name for name in dir(doc) if not name.startswith("_")}


def test_no_part_of_the_document_is_a_stub() -> None:
    for module in (document, document_file, review_records):
        tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
        raised = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Raise) and node.exc is not None
                  and "NotImplementedError" in ast.unparse(node.exc)]
        assert raised == [], module.__name__
