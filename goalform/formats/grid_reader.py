"""Read a table in the official layout (rows of cell texts) back into a :class:`Form`.

The importers (Word, Excel, the reference dumps) hand over rows as formdump shows them: a cell that
spans columns once, a cell that continues a vertical merge empty. Users edit their Word tables, so the
reader also accepts merged cells given as repeated text, labels with stray, full-width or no-break
spaces and line breaks, and a missing colon. Rows are recognised by their labels, which come from the
template, and cells are mapped through the layout's own row shapes (:data:`layout.SHAPES`).
Anything that cannot be placed is reported in ``unmapped`` rather than dropped silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from goalform import assets
from goalform.domain.amounts import canonical_amount
from goalform.domain.folding import fold
from goalform.domain.form import TREES, Form, Indicator, empty_tree
from goalform.domain.sections import ANNUAL, LONG_TERM, column_keys
from goalform.domain.template import COLUMNS, Template
from goalform.formats.layout import GRID_COLUMNS, SHAPES, ShapeCell

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_YEAR = re.compile(r"(\d{4})")
_YEAR_LABEL = re.compile(r"(\d{4})年?")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年")
_DEADLINE_YEAR = re.compile(r"(?<!\d)(\d{4}|\d{2})\s*年")
_FILL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass(frozen=True)
class UnmappedCell:
    """A cell the reader could not place: 0-based row and cell index, its text and why."""

    row: int
    column: int
    text: str
    reason: str = ""


@dataclass
class GridReadResult:
    form: Form
    template: Template
    unmapped: list[UnmappedCell] = field(default_factory=list)


def clean_cell(text: str) -> str:
    """A cell's text as the form keeps it: formdump's bookmark markers dropped, outer spaces stripped."""
    return _BOOKMARK.sub("", text).strip()


def _loose_char(c: str) -> str:
    """A character of a label in a pattern: punctuation (colon, brackets) may be missing or differ."""
    return r"[:：(（)）]?" if c in ":()" else re.escape(c)


def text_key(text: str) -> str:
    """What two texts a clerk typed are compared by: NFKC-folded, no whitespace of any kind."""
    return fold(_BOOKMARK.sub("", text))


def label_key(text: str) -> str:
    """What two labels are compared by: as :func:`text_key`, and a trailing colon does not count."""
    return text_key(text).rstrip(":")


def read_grid(
    rows: Sequence[Sequence[str]],
    *,
    before: Iterable[str] = (),
    after: Iterable[str] = (),
    template_id: str | None = None,
    year: int | None = None,
) -> GridReadResult:
    """Map ``rows`` (cell texts) to a form; recognise the template version and year unless given."""
    before, after = list(before), list(after)
    candidates = [assets.template(template_id)] if template_id else list(assets.templates().values())
    best: tuple[float, int, GridReadResult] | None = None
    for order, template in enumerate(candidates):
        reader = _Reader(template, rows)
        reader.run()
        result = reader.result(before, year)
        score = _signature(template, reader, before, after) * 10 - len(result.unmapped)
        if best is None or (score, order) > (best[0], best[1]):
            best = (score, order, result)
    assert best is not None
    return best[2]


def _signature(t: Template, reader: "_Reader", before: list[str], after: list[str]) -> float:
    """How well the version-specific marks of the document fit template ``t``."""
    score = 0.0
    keys_before = [label_key(line) for line in before]
    if label_key(t.title) in keys_before:
        score += 4
    has_date_line = any("填报日期" in k for k in keys_before)
    wants_date_line = any("{fill_date}" in line for line in t.lines_above)
    score += 1 if has_date_line == wants_date_line else 0
    if reader.annual_gap is not None:
        score += 1 if reader.annual_gap == t.annual_value_header_gap else 0
    after_text = "".join(label_key(line) for line in after)
    if t.lines_below:
        score += 1 if label_key(t.lines_below[0]) in after_text and after_text else 0
    elif not after_text:
        score += 1
    for domain, values in ((t.category, reader.categories), (t.basis, reader.bases)):
        filled = [v for v in values if v and v != label_key(t.placeholder)]
        if domain.is_choice and filled:
            allowed = {label_key(v) for v in domain.values}
            score += 2 * sum(1 for v in filled if v in allowed) / len(filled)
    return score


class _Reader:
    """One pass over the rows with one template's labels."""

    def __init__(self, template: Template, rows: Sequence[Sequence[str]]) -> None:
        t = self.t = template
        self.rows = [list(r) for r in rows]
        self.form = Form(template_id=t.id, year=t.first_year)
        self.form.texts = {s.key: "" for s in t.texts}
        self.form.long_term = empty_tree(t)
        self.form.annual = empty_tree(t)
        self.unmapped: list[UnmappedCell] = []
        self.funds_years: list[int] = []
        self.annual_years: list[int] = []
        self.annual_gap: bool | None = None
        self.categories: list[str] = []
        self.bases: list[str] = []
        # Label look-ups.
        self.key = {name: label_key(t.label(name)) for name in t.labels}
        self.lines = {label_key(label): line.key for g in t.funds for line in g.lines
                      for label in (line.label, *line.aliases)}
        self.groups = {label_key(g.label): g.key for g in t.funds}
        self.level1 = {}
        for i, l1 in enumerate(t.level1):
            self.level1[label_key(l1.label)] = i
            self.level1[label_key(l1.name)] = i
        self.texts: dict[str, str] = {}
        self.deadline_patterns: list[tuple[str, re.Pattern[str]]] = []
        for s in t.texts:
            if "{deadline}" in s.label:
                prefix, suffix = s.label.split("{deadline}", 1)
                pattern = r"\s*".join(map(_loose_char, label_key(prefix)))
                pattern += r"\s*(.*?)\s*" + r"\s*".join(map(_loose_char, label_key(suffix))) + r"\s*$"
                self.deadline_patterns.append((s.key, re.compile("^" + pattern, re.S)))
                first_line = label_key(prefix.split("\n")[0])
                if first_line and first_line != label_key(prefix):  # the label without its deadline
                    bare = r"\s*".join(map(_loose_char, first_line)) + r"\s*[:：]?\s*()$"
                    self.deadline_patterns.append((s.key, re.compile("^" + bare, re.S)))
            else:
                self.texts[label_key(s.label)] = s.key
        # Parsing state.
        self.section = ""  # "funds", "long_term", "annual"
        self.trees_seen = 0
        self.group = ""  # funds group of the last line read
        self.l1: Indicator | None = None
        self.l2: Indicator | None = None

    # -- results ---------------------------------------------------------------------------
    def result(self, before: list[str], year: int | None) -> GridReadResult:
        form = self.form
        for line in before:
            if "填报日期" in line:
                m = _FILL_DATE.search(unicodedata.normalize("NFKC", line))
                if m:
                    form.fill_date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
        form.year = year if year is not None else self._year(before)
        return GridReadResult(form, self.t, self.unmapped)

    def _year(self, before: list[str]) -> int:
        """The form's year from, in this order: the history column labels, a year in the title
        (「2025年度部门整体绩效目标表」), 填报日期 (the form is filled in the year before), the
        deadline of 长期目标 (which falls in the form's year or up to two years later)."""
        for years in (self.funds_years, self.annual_years):
            if len(years) >= 2:
                return years[1] + 1
            if len(years) == 1:
                return years[0] + 2
        for line in before:
            folded = unicodedata.normalize("NFKC", line)
            m = _TITLE_YEAR.search(folded)
            if m and "填报日期" not in folded and 1990 <= int(m[1]) <= 2200:
                return int(m[1])
        if self.form.fill_date:
            return int(self.form.fill_date[:4]) + 1
        m = _DEADLINE_YEAR.search(unicodedata.normalize("NFKC", self.form.deadline))
        if m:
            deadline = int(m[1]) + (2000 if len(m[1]) == 2 else 0)
            return min(max(self.t.first_year, deadline - 2), deadline)
        return self.t.first_year

    def _lost(self, r: int, cells: Iterable[tuple[int, str]], reason: str) -> None:
        for c, text in cells:
            if clean_cell(text):
                self.unmapped.append(UnmappedCell(r, c, text, reason))

    # -- the pass --------------------------------------------------------------------------
    def run(self) -> None:
        for r, cells in enumerate(self.rows):
            keys = [label_key(c) for c in cells]
            if not any(keys):
                continue
            for handler in (self._field_row, self._funds_row, self._text_row, self._indicator_header,
                            self._indicator_row):
                if handler(r, cells, keys):
                    break
            else:
                self._lost(r, enumerate(cells), "无法识别的行")

    @staticmethod
    def _years_in(keys: list[str], into: list[int]) -> None:
        """History years of a header row (「2022年」「2023年」, each once even when typed out twice)."""
        years: list[int] = []
        for x in keys:
            m = _YEAR_LABEL.fullmatch(x)
            if m and int(m[1]) not in years:
                years.append(int(m[1]))
        if years:
            into[:] = years

    def _after(self, cells: list[str], keys: list[str], index: int, count: int) -> list[str]:
        """The ``count`` cells after the label at ``index``, skipping copies of the label (a span
        typed as repeated text)."""
        i = index + 1
        while i < len(cells) and keys[i] == keys[index]:
            i += 1
        out = [clean_cell(c) for c in cells[i:i + count]]
        return out + [""] * (count - len(out))

    def _field_row(self, r: int, cells: list[str], keys: list[str]) -> bool:
        k = self.key
        # Header labels stand in the first cell; elsewhere the same words may be an indicator's name.
        if keys[0] == k["department"]:
            self.form.department = self._after(cells, keys, 0, 1)[0]
            return True
        if keys[0] == k["filler"] and k["phone"] in keys:
            fi, pi = keys.index(k["filler"]), keys.index(k["phone"])
            self.form.filler = self._after(cells, keys, fi, 1)[0] if pi > fi + 1 else ""
            self.form.phone = self._after(cells, keys, pi, 1)[0]
            return True
        return False

    def _funds_row(self, r: int, cells: list[str], keys: list[str]) -> bool:
        k = self.key
        if k["funds_overall"] in keys or (k["funds_section"] in keys and k["current_amount"] in keys):
            self.section = "funds"
            self._years_in(keys, self.funds_years)  # a header typed out as repeated text holds them too
            return True
        if self.section == "funds":
            headings = {k["funds_section"], k["funds_overall"], k["current_amount"], k["share"], k["history_amounts"]}
            filled = [x for x in keys if x]
            if filled and any(_YEAR_LABEL.fullmatch(x) for x in filled) and all(
                    x in headings or _YEAR_LABEL.fullmatch(x) for x in filled):  # 2022年; not a text naming a year
                self._years_in(keys, self.funds_years)
                return True
        for i, key in enumerate(keys):
            if key in self.lines and self.section in ("", "funds"):
                line = self.lines[key]
                self.group = self.t.funds_group_of(line).key
                current, _share, prev2, prev1 = self._after(cells, keys, i, 4)
                for column, text in zip(COLUMNS, (current, prev2, prev1)):
                    if text:
                        self.form.funds[(line, column)] = canonical_amount(text)
                self.section = "funds"
                return True
        if k["total"] in keys and self.section == "funds":
            i = keys.index(k["total"])
            group = next((self.groups[x] for x in keys[:i] if x in self.groups), self.group)
            if not group:
                return False
            current, _share, prev2, prev1 = self._after(cells, keys, i, 4)
            for column, text in zip(COLUMNS, (current, prev2, prev1)):
                if text:
                    self.form.stated_totals[(group, column)] = canonical_amount(text)
            return True
        return False

    def _text_row(self, r: int, cells: list[str], keys: list[str]) -> bool:
        first = 0  # a text section's label opens its row; later cells may hold an indicator of that name
        raw = cells[first]
        section = self.texts.get(keys[first])
        if section is None:
            folded = unicodedata.normalize("NFKC", _BOOKMARK.sub("", raw))
            for key, pattern in self.deadline_patterns:
                m = pattern.match(folded.strip())
                if m:
                    section = key
                    self.form.deadline = m[1].strip()
                    break
        if section is None:
            return False
        self.form.texts[section] = self._after(cells, keys, first, 1)[0]
        rest = [(c, t) for c, t in enumerate(cells) if c > first and clean_cell(t) and keys[c] != keys[first]]
        self._lost(r, rest[1:], "多余的单元格")
        return True

    def _indicator_header(self, r: int, cells: list[str], keys: list[str]) -> bool:
        k = self.key
        filled = [x for x in keys if x]
        if k["level3"] in keys and k["level2"] in keys:
            first = filled[0]
            if first == k["annual_section"]:
                tree = "annual"
            elif first == k["long_term_section"]:
                tree = "long_term"
            else:
                tree = "long_term" if self.trees_seen == 0 else "annual"
            if tree == self.section and self.l1 is None:
                # a further header row of the same table, typed out with repeated text
                if tree == "annual":
                    self._years_in(keys, self.annual_years)
                return True
            self.section = tree
            self.trees_seen += 1
            self.l1 = self.l2 = None
            if tree == "annual":
                vi = keys.index(k["value"]) if k["value"] in keys else -1
                self.annual_gap = vi > 0 and keys[vi - 1] == "" and keys.index(k["level3"]) < vi - 1
            return True
        if self.section == "annual" and self.l1 is None:
            if k["history_values"] in filled or k["expected_value"] in filled:
                return True
            if filled and len(filled) <= 2 and all(x.endswith("年") for x in filled):
                self._years_in(keys, self.annual_years)
                return True
        return False

    def _slots(self, cells: list[str], shape: tuple[ShapeCell, ...], r: int) -> dict[str, str]:
        n = len(cells)
        if n == GRID_COLUMNS and len(shape) != GRID_COLUMNS:
            return {s.name: cells[s.col] for s in shape}  # every span typed out as repeated text
        if n == len(shape) - 1:
            cells = [""] + cells  # no section column
        if len(cells) > len(shape):
            self._lost(r, ((c, cells[c]) for c in range(len(shape), len(cells))), "多余的单元格")
        cells = cells + [""] * (len(shape) - len(cells))
        return {s.name: cells[i] for i, s in enumerate(shape)}

    def _indicator_row(self, r: int, cells: list[str], keys: list[str]) -> bool:
        if self.section not in TREES:
            return False
        annual = self.section == "annual"
        v = self._slots(cells, SHAPES["annual_row" if annual else "long_row"], r)
        roots = self.form.annual if annual else self.form.long_term
        section_label = self.key["annual_section" if annual else "long_term_section"]
        if label_key(v["section"]) not in ("", section_label):
            # Text in the section column is not part of an indicator (a signature line under the
            # table, say): the whole row goes to the report rather than into a made-up indicator.
            self._lost(r, enumerate(cells), "无法识别的行")
            return True
        l1_key = label_key(v["level1"])
        switched = False
        if l1_key:
            index = self.level1.get(l1_key)
            if index is None:
                self._lost(r, [(1, v["level1"])], "不是模板中的一级指标")
            elif self.l1 is not roots[index]:
                self.l1, self.l2, switched = roots[index], None, True
        if self.l1 is None:
            self._lost(r, [(c, cells[c]) for c in range(len(cells))], "指标行缺少一级指标")
            return True
        l2_name = clean_cell(v["level2"])
        # A repeated 二级 name continues its group (Word users type merged cells out); any other
        # difference, even a colon (「质」 then 「质：」), starts a new group.
        if l2_name and (switched or self.l2 is None or text_key(l2_name) != text_key(self.l2.name)):
            self.l2 = Indicator(level=2, name=l2_name)
            self.l1.children.append(self.l2)
        columns = column_keys(ANNUAL if annual else LONG_TERM)
        slot_of = {"name": "level3"}
        values = {c: clean_cell(v[slot_of.get(c, c)]) for c in columns}
        if any(values.values()):
            if self.l2 is None:
                self.l2 = Indicator(level=2)
                self.l1.children.append(self.l2)
            leaf = Indicator(level=3)
            for c, text in values.items():
                leaf.set(c, text)
            self.l2.children.append(leaf)
            self.categories.append(label_key(values["category"]))
            self.bases.append(label_key(values["basis"]))
        return True
