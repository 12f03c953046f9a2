"""Import last year's form from Word or Excel: ``import_file(path) -> ImportResult``.

The document readers turn a file into rows of cell texts (:mod:`docx_reader`, :mod:`xlsx_reader`;
legacy .doc/.xls through LibreOffice, :mod:`legacy`); :func:`grid_reader.read_grid` maps the rows to a
form and recognises version and year. Nothing is silently lost: every cell or paragraph that could
not be placed is listed in ``ImportResult.report`` and kept in the form's notes.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from goalform import assets
from goalform.paths import PathProblem, source_stat
from goalform.domain.amounts import parse_amount
from goalform.domain.form import Form
from goalform.domain.funds import group_total
from goalform.domain.limits import MAX_FORM_CHARS, MAX_INDICATORS, count_text
from goalform.domain.names import QT_TRANSLATE_NOOP
from goalform.domain.notes import fit_notes
from goalform.domain.template import Template, TemplateError
from goalform.formats.reading import ReadError, TableContent
from goalform.formats.docx_reader import read_docx
from goalform.formats.grid_reader import label_key, read_grid
from goalform.formats.legacy import LEGACY_TARGETS, conversion
from goalform.formats.package import Package
from goalform.formats.xlsx_reader import read_xlsx

WORD_SUFFIXES = (".docx", ".docm", ".dotx")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xltx")
# The characters of each unplaced text the report shows (the notes keep the text itself).
REPORT_TEXT_CHARS = 200
SUPPORTED = "Word (.docx/.doc) 或 Excel (.xlsx/.xls)"


# The kinds of readable_suffixes, named (the GUI's file dialogs translate them in the context FileActions).
KIND_NAMES = {"word": QT_TRANSLATE_NOOP("FileActions", "Word 文档"), "excel": QT_TRANSLATE_NOOP("FileActions", "Excel 工作簿")}


def readable_suffixes() -> dict[str, tuple[str, ...]]:
    """The file types :func:`import_file` reads, by kind (``word``, ``excel``), for file dialogs and the
    GUI's open-or-import choice. The legacy ones (.doc .wps .xls .et) are read through LibreOffice."""
    return {
        "word": WORD_SUFFIXES + tuple(s for s, target in LEGACY_TARGETS.items() if target == "docx"),
        "excel": EXCEL_SUFFIXES + tuple(s for s, target in LEGACY_TARGETS.items() if target == "xlsx"),
    }


class ImportFailed(ReadError):
    """The file cannot be imported at all (not a form, unsupported type); the message is Chinese."""


@dataclass(frozen=True)
class ReportItem:
    """Something in the document that the form has no place for.

    ``row`` and ``column`` are 1-based positions in the form's table (cells as Word shows them,
    a merged cell counting once); both are None for a paragraph outside the table.
    """

    row: int | None
    column: int | None
    text: str
    reason: str

    def describe(self, limit: int | None = None) -> str:
        """Where, what and why; with ``limit``, a longer text is shown by its start and its length
        (the CLI and the GUI's report: the notes keep the text itself)."""
        where = f"第{self.row}行第{self.column}格" if self.row is not None else "表格外"
        text = self.text.strip().replace("\n", " ")
        if limit is not None and len(text) > limit:
            text = f"{text[:limit]}…（共 {len(text):,} 字）"
        return f"{where}：「{text}」（{self.reason}）"


@dataclass(frozen=True)
class ImportReport:
    """What an import tells the user, as data: the GUI (its 导入报告 box) and the CLI (its output)
    render it each in their own words. ``notices``: how version and year were decided, conversions;
    ``unplaced``: each piece of text that found no place, described (where, what, why; a long text
    by its start: the form's notes keep it whole)."""

    notices: tuple[str, ...]
    unplaced: tuple[str, ...]


@dataclass
class ImportResult:
    form: Form
    template: Template
    report: list[ReportItem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # how version and year were decided, conversions

    @property
    def complete(self) -> bool:
        """True when every piece of text in the document found its place in the form."""
        return not self.report

    def told(self) -> ImportReport:
        """What the user is told about this import (:class:`ImportReport`)."""
        return ImportReport(tuple(self.notices), tuple(item.describe(REPORT_TEXT_CHARS) for item in self.report))


def import_file(path: Path | str, *, template_id: str | None = None, year: int | None = None) -> ImportResult:
    """Read a form from a .docx/.xlsx (or .doc/.xls via LibreOffice).

    ``template_id`` and ``year`` override what is recognised from the document. Raises
    :class:`ReadError` (Chinese message) when the file cannot be read or holds no form.
    """
    path = Path(path)
    if template_id is not None:
        try:
            assets.template(template_id)
        except TemplateError as e:
            raise ImportFailed(str(e)) from None
    if year is not None and not 1990 <= year <= 2200:
        raise ImportFailed(f"年度 {year} 不在合理范围内")
    notices: list[str] = []
    try:
        content = read_document(path, notices)
        return import_content(content, source=path.name, template_id=template_id, year=year, notices=notices)
    except MemoryError:
        raise ImportFailed(f"「{path.name}」太大，内存不足，无法导入") from None
    except RecursionError:
        raise ImportFailed(f"「{path.name}」的结构嵌套过深，无法导入") from None


def read_document(path: Path, notices: list[str] | None = None) -> TableContent:
    """The form's table and surrounding paragraphs of any supported file."""
    try:
        source_stat(path)  # missing, a symlink loop, a folder, FIFO or device: refused before any open
    except PathProblem as e:
        raise ImportFailed(f"{e}，无法导入" if e.kind == "not_plain" else str(e)) from None
    suffix = path.suffix.lower()
    if suffix in LEGACY_TARGETS:
        with conversion(path) as converted:
            if notices is not None:
                notices.append(f"已用 LibreOffice 将旧版 {suffix} 文件转换后读取")
            return _read_by_kind(converted, converted.suffix.lower(), path)
    refuse_ole2(path, suffix)
    kind = suffix if suffix in WORD_SUFFIXES + EXCEL_SUFFIXES else _sniff(path)
    return _read_by_kind(path, kind, path)


def _read_by_kind(path: Path, kind: str, original: Path) -> TableContent:
    if kind in WORD_SUFFIXES:
        return read_docx(path)
    if kind in EXCEL_SUFFIXES:
        return read_xlsx(path)
    raise ImportFailed(f"「{original.name}」不是可导入的文件，请选择 {SUPPORTED} 文件")


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def refuse_ole2(path: Path, suffix: str) -> None:
    """An OLE2 compound file is not a zip: a password-protected .docx/.xlsx, or a .doc/.xls renamed.

    Office encrypts a .docx/.xlsx with a password into an OLE2 file holding an ``EncryptedPackage``
    stream; the directory entry carries that name in UTF-16, which is what is looked for.
    """
    try:
        with path.open("rb") as f:
            if not f.read(8).startswith(_OLE2[:4]):
                return
            encrypted = False
            tail = b""
            while chunk := f.read(1 << 20):
                if _ENCRYPTED_PACKAGE in tail + chunk:
                    encrypted = True
                    break
                tail = chunk[-len(_ENCRYPTED_PACKAGE):]
    except OSError:
        return  # the reader says what is wrong with it
    if encrypted:
        app = "Word" if suffix in WORD_SUFFIXES else "Excel" if suffix in EXCEL_SUFFIXES else "Office"
        raise ImportFailed(f"「{path.name}」设有打开密码（已加密），无法导入。请在 {app} 中打开它，"
                           "取消密码（文件 → 信息 → 保护 → 用密码进行加密，清空密码）后另存，再导入")
    raise ImportFailed(f"「{path.name}」是旧版 Office 文件，请把扩展名改为 .doc 或 .xls，或另存为 .docx/.xlsx")


def _sniff(path: Path) -> str:
    """Tell Word from Excel by content, for files with a wrong or missing extension."""
    try:
        with Package(path, "Office") as package:
            if package.has("word/document.xml"):
                return ".docx"
            if package.has("xl/workbook.xml"):
                return ".xlsx"
    except ReadError:
        pass
    return ""


def import_content(
    content: TableContent,
    *,
    source: str = "",
    template_id: str | None = None,
    year: int | None = None,
    notices: list[str] | None = None,
) -> ImportResult:
    """Map a document's table to a form and report what found no place."""
    if not any(any(c.strip() for c in row) for row in content.rows):
        name = f"「{source}」" if source else "文件"
        raise ImportFailed(f"{name}中没有找到表格。请确认这是部门整体绩效目标表（表格应是文件中的第一张大表）")
    chars = sum(len(text) for rows in (content.rows, *content.other_tables) for row in rows for text in row)
    chars += sum(len(text) for text in (*content.before, *content.after))
    if chars > MAX_FORM_CHARS:
        name = f"「{source}」" if source else "文件"
        raise ImportFailed(f"{name}中共有 {count_text(chars)} 字，超过一张表 {count_text(MAX_FORM_CHARS)} 字的导入上限，无法导入")
    grid = read_grid(content.rows, before=content.before, after=content.after, template_id=template_id, year=year)
    form, template = grid.form, grid.template
    indicators = sum(1 for roots in (form.long_term, form.annual) for l1 in roots for l2 in l1.children
                     for _ in l2.children)
    if indicators > MAX_INDICATORS:
        name = f"「{source}」" if source else "文件"
        raise ImportFailed(f"{name}中有 {indicators} 条指标，超过一张表的上限 {MAX_INDICATORS} 条，无法导入")
    _drop_agreeing_totals(form, template)
    if not _looks_like_a_form(form):
        name = f"「{source}」" if source else "文件"
        raise ImportFailed(f"{name}中的表格不像部门整体绩效目标表：没有找到部门名称、资金情况或绩效指标")
    report = [ReportItem(u.row + 1, u.column + 1, u.text, u.reason or "无法识别") for u in grid.unmapped]
    report += _stray_paragraphs(content.before, template, "表格上方的段落", above=True)
    report += _stray_paragraphs(content.after, template, "表格下方的段落", above=False)
    for t, table in enumerate(content.other_tables, start=2):
        for r, row in enumerate(table, start=1):
            for c, text in enumerate(row, start=1):
                if text.strip():
                    report.append(ReportItem(None, None, text, f"第{t}张表格第{r}行第{c}格，不属于本表"))
    result = ImportResult(form, template, report, list(notices or []))
    if template_id is None:
        result.notices.append(f"识别为{template.name}，{form.year}年度")
    if report:
        _append_report_to_notes(form, report, source)
    return result


def _drop_agreeing_totals(form: Form, template: Template) -> None:
    """Keep a printed 合计 only when it disagrees with the sum of its lines (validation shows it then).

    A 合计 that adds up says nothing the lines do not; keeping it would make every imported form
    differ from the same form typed in by hand.
    """
    for (group_key, column), text in list(form.stated_totals.items()):
        group = next((g for g in template.funds if g.key == group_key), None)
        parsed = parse_amount(text, template.amount_decimals)
        if group is None or parsed.value is None:
            continue
        if parsed.value == group_total(form, template, group, column):
            del form.stated_totals[(group_key, column)]


def _looks_like_a_form(form: Form) -> bool:
    has_indicators = any(l1.children for l1 in form.long_term + form.annual)
    return bool(form.department or form.funds or form.stated_totals or has_indicators
                or any(v.strip() for v in form.texts.values()))


def _stray_paragraphs(lines: list[str], template: Template, reason: str, *, above: bool) -> list[ReportItem]:
    """Paragraphs around the table that are not the form's own printed lines (title, 单位, 填报说明)."""
    known = set()
    for t in assets.templates().values():
        known.add(label_key(t.title))
        known.update(label_key(line) for line in t.lines_below)
    out = []
    for line in lines:
        key = label_key(line)
        if not key or key in known:
            continue
        folded = unicodedata.normalize("NFKC", line)
        if above and ("填报日期" in folded or "单位:万元" in key or key.endswith(label_key(template.title))):
            continue  # the date and unit line, or a title with the year or the department before it
        out.append(ReportItem(None, None, line, reason))
    return out


def _append_report_to_notes(form: Form, report: list[ReportItem], source: str) -> None:
    name = f"「{source}」" if source else "文件"
    lines = [f"导入{name}时未能放入表中的内容（共 {len(report)} 处）："]
    lines += [item.describe() for item in report]
    form.notes = fit_notes(form.notes.rstrip(), lines, "未能放入表中的内容")


def format_report(report: ImportReport) -> str:
    """What found no place, as the CLI prints it after the notices (the GUI: goalform.ui.files.actions)."""
    if not report.unplaced:
        return "所有内容均已导入。"
    lines = [f"以下 {len(report.unplaced)} 处内容未能放入表中，已保存在表的备注中："]
    lines += [f"  {line}" for line in report.unplaced]
    return "\n".join(lines)
