"""A dock whose widgets are made the first time they are needed (issue 25: the window starts without
the 审核 and 指标库 docks' widgets, which are hidden behind the form until asked for)."""
from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """A QDockWidget whose body :meth:`build_body` makes once, when it is first needed: :meth:`build` is
    called (before the dock is first shown, say), or one of the attributes named in ``BODY`` (the
    widgets the body makes) is asked for before that."""

    BODY: frozenset[str] = frozenset()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._built = False

    def __getattr__(self, name: str):  # noqa: ANN204 - only for the body's widgets not made yet
        if name in type(self).BODY and not self.__dict__.get("_built", True):
            self.build()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def build(self) -> None:
        """Make the body, the first time."""
        if self._built:
            return
        self._built = True
        self.build_body()

    def build_body(self) -> None:
        """Make the widgets named in ``BODY`` and set the dock's widget."""
        raise NotImplementedError
