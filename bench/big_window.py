"""The main window on a large form, shown offscreen: what the GUI benches (typing, paste) type into."""
from __future__ import annotations


def big_window(per_tree: int = 500):
    """(app, window, doc, count): a shown 1366×768 window editing a new document of ``big_form(per_tree)`` and
    the number of 三级 indicators in it."""
    from bench_validate import big_form

    from goalform.domain.form import TREES, leaves
    from goalform.store.document import Document
    from goalform.ui.app.app import application
    from goalform.ui.app.main_window import MainWindow

    app = application()
    form, _template = big_form(per_tree)
    doc = Document.from_form(form)
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.set_document(doc)
    count = sum(1 for tree in TREES for _ in leaves(doc.load_form(), tree))
    return app, window, doc, count
