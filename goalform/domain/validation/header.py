"""Header rules: required fields and the phone number's format."""
from __future__ import annotations

import re
from collections.abc import Iterator

from goalform.domain.cells import Cell
from goalform.domain.folding import fold
from goalform.domain.dates import parse_date
from goalform.domain.form import Form
from goalform.domain.messages import msg, name
from goalform.domain.names import FIELD_NAMES
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Missing, Severity, rule

# A mobile number (13812345678, +86 138 1234 5678, 0086-13812345678); a landline with area code
# (027-12345678, (027)12345678, 0710 1234567, 0271-2345678), whose local number may start with any digit
# but 0 (the placeholder's 027-12345678 must pass), or without area code (8600123, 86001234), which
# must not start with 1 (it would be a mobile number cut short); either with an optional extension.
_PHONE = re.compile(
    r"(?:(?:(?:\+|00)?86-?)?1[3-9]\d{9}"
    r"|(?:0\d{2,3}-?[1-9]\d{6,7}|[2-9]\d{6,7})(?:(?:-|转|ext\.?)\d{1,6})?)"
)

REQUIRED = tuple((key, FIELD_NAMES[key]) for key in ("department", "filler", "phone"))


@rule("header.required", Severity.ERROR, "部门名称、填报人、联系电话（2026版还有填报日期）必须填写", reports_missing=True)
def required_fields(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Spaces alone do not count. The 填报日期 is required where the template prints one (2026 version)."""
    for key, label in REQUIRED:
        if not fold(getattr(form, key)):
            yield Location.of(Cell.field(key)), Missing("请填写{label}", label=name(label))
    if template.requires_fill_date and not form.fill_date.strip():
        yield Location.of(Cell.field("fill_date")), Missing("请填写填报日期")


_SEPARATORS = str.maketrans("，;；、/", ",,,,,")  # between several numbers: each becomes ","


def phone_ok(text: str) -> bool:
    parts = [part for part in fold(text).replace("(", "").replace(")", "").replace(" ", "").translate(_SEPARATORS)
             .split(",") if part]
    return bool(parts) and all(_PHONE.fullmatch(part) for part in parts)


@rule("header.phone", Severity.ERROR, "联系电话格式须为固定电话（如 027-12345678、027-1234567-801）或手机号")
def phone_format(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Several numbers may be given, separated by 、，; or /; each must be a landline (with or without area code and extension) or a mobile number."""
    text = form.phone
    if fold(text) and not phone_ok(text):
        yield Location.of(Cell.field("phone")), msg("联系电话「{phone}」格式不正确，应为 027-12345678 或 13812345678", phone=text.strip())


@rule("header.fill_date", Severity.ERROR, "填报日期须为有效日期")
def fill_date_format(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A 填报日期 that is not a real date (「2025-02-30」, 「年底」) would print as typed on the form."""
    text = form.fill_date.strip()
    if text and parse_date(text) is None:
        yield Location.of(Cell.field("fill_date")), msg("填报日期「{date}」不是有效日期，应写作 2025-12-31 或 2025年12月31日", date=text)
