"""Messages the domain says to a person, in Chinese, that the GUI can show in the user's language.

The domain has no Qt, so it cannot translate; it says what it means as a :class:`Text`: the Chinese
message as a plain ``str`` (so the CLI, JSON, logs and tests read it as before) that also remembers
the template it was made from and the values put into it. The GUI looks the template up in the
translation catalogue (context :data:`CONTEXT`) and fills in the values, translating those that are
Texts themselves (a tree's name, a column's label); what a clerk typed is never translated.

``msg("填报日期「{date}」不是有效日期", date=typed)`` — the template is a literal, so that
``tools/update_translations.py`` finds it.
"""
from __future__ import annotations

from collections.abc import Sequence

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import Any

CONTEXT = "messages"  # the translation context of every domain message


class Text(str):
    """A message: the Chinese text, plus ``template`` and ``args`` to say it in another language."""

    template: str
    args: dict[str, Any]
    context: str

    def __new__(cls, template: str, /, **args: Any) -> "Text":
        made = super().__new__(cls, template.format(**args) if args else template)
        made.template = template
        made.args = args
        made.context = CONTEXT
        return made

    def __reduce__(self):  # worker processes (the summary) send findings back pickled
        return (_rebuild, (type(self), self.template, self.args, self.context))


def _rebuild(cls: type[Text], template: str, args: dict[str, Any], context: str) -> Text:
    made = cls(template, **args)
    made.context = context
    return made


def msg(template: str, /, **args: Any) -> Text:
    """The message ``template`` (a literal, in Chinese, with ``{name}`` fields) filled with ``args``."""
    return Text(template, **args)


def name(label: str, context: str = "names") -> Text:
    """A name from the one table of names (:mod:`goalform.domain.names`, translated in ``context``)
    as a part of a message."""
    made = Text(label)
    made.context = context
    return made


def joined(parts: list[str], separator: str = "、") -> Text:
    """Several parts (Texts or plain values) shown one after the other, each translated on its own."""
    fields = {f"p{i}": part for i, part in enumerate(parts)}
    made = Text(separator.join("{" + key + "}" for key in fields), **fields)
    made.context = ""  # the joining itself is not a message to translate
    return made


def first_of(lines: Sequence[str], limit: int, more: str) -> list[str]:
    """The first ``limit`` of ``lines``, then, when some were left out, ``more`` with ``%1`` (Qt's
    placeholder: the caller passes it translated) replaced by how many: a message box lists the
    first problems and counts the rest (「……另有 %1 项」)."""
    shown = list(lines[:limit])
    if len(lines) > limit:
        shown.append(more.replace("%1", str(len(lines) - limit)))
    return shown


def translate(message: object, lookup) -> str:  # noqa: ANN001 - lookup(context, source) -> str
    """``message`` said with ``lookup`` (the GUI passes ``QCoreApplication.translate``): a Text's
    template translated and filled with its values, each Text among them translated the same way;
    anything else is returned as it is."""
    if not isinstance(message, Text):
        return str(message)
    template = lookup(message.context, message.template) if message.context else message.template
    if not message.args:
        return template
    args = {key: translate(value, lookup) if isinstance(value, Text) else value
            for key, value in message.args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: say the Chinese
        return str(message)
