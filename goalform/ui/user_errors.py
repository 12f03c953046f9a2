"""The GUI's one way to tell the user about an expected error: a UserError (goalform.domain.errors)
or an OSError, in a warning box with one Chinese message; the window stays usable. Anything else is
a bug and goes to :mod:`goalform.ui.app.unexpected_error`.

    with told_to_user(window, self.tr("保存失败")) as outcome:
        doc.save(path)
    if outcome.failed:
        return False
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from PySide6.QtWidgets import QMessageBox, QWidget

from goalform.domain.errors import UserError, user_message

EXPECTED = (UserError, OSError)


@dataclass
class Outcome:
    failed: bool = False


def tell_user(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """Show an expected error (or a message of ours) in a warning box titled ``title``."""
    QMessageBox.warning(parent, title, error if isinstance(error, str) else user_message(error))


@contextmanager
def told_to_user(parent: QWidget | None, title: str) -> Iterator[Outcome]:
    """Run the block; an expected error stops it, is shown, and sets ``failed`` on the outcome."""
    outcome = Outcome()
    try:
        yield outcome
    except EXPECTED as e:
        outcome.failed = True
        tell_user(parent, title, e)
