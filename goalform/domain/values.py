"""Value classes: equality, hash and repr from the annotated fields, as ``@dataclass`` and
``@dataclass(frozen=True)`` give them, without the dataclasses module.

Why not dataclasses for the types every command loads (the form, the template, cells, findings):
a dataclass is made by generating its methods' source and compiling it when the class is built (about
4 M instructions a class), and importing dataclasses imports inspect (35 M). A command-line export is a
short process that builds two dozen such classes: that was a third of a .docx export's whole run.

A subclass annotates its fields in order (they are its fields, as in a dataclass), writes its own
``__init__`` (the signature callers and type checkers see) and may name fields that equality and the
hash leave out in ``_not_compared`` (``field(compare=False)``). What it gets is what the dataclass gave:

- ``==`` between instances of exactly the same class compares the compared fields' values in order;
  with anything else it is NotImplemented;
- :class:`Value` instances are mutable and unhashable (a dataclass with ``eq=True``);
- :class:`FrozenValue` instances are hashable (the hash of the compared fields' values) and refuse
  assigning or deleting an attribute with :class:`FrozenError`, an AttributeError, as dataclasses'
  FrozenInstanceError is; ``__init__`` fills ``self.__dict__`` directly;
- ``repr()`` is ``Name(field=value, ...)`` over every field.
"""
from __future__ import annotations

from operator import attrgetter


class FrozenError(AttributeError):
    """An attempt to assign to or delete a field of a :class:`FrozenValue`."""


class Value:
    """A mutable value: fields from the class's annotations, ``==`` and ``repr`` over them, no hash."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()  # every field, in order (a base class's first)
    _not_compared: tuple[str, ...] = ()  # fields that ``==`` and the hash ignore

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        own = tuple(name for name in cls.__dict__.get("__annotations__", {}) if not name.startswith("_"))
        cls._fields = cls._fields + own
        compared = tuple(name for name in cls._fields if name not in cls._not_compared)
        getter = attrgetter(*compared) if compared else (lambda self: ())
        cls._compared = getter if len(compared) != 1 else (lambda self, g=getter: (g(self),))

    @staticmethod
    def _compared(self: object) -> tuple:  # set per class by __init_subclass__
        return ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            compared = self.__class__._compared
            return compared(self) == compared(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: not a dict key

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({fields})"


class FrozenValue(Value):
    """An immutable, hashable value."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self.__class__._compared(self))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")
