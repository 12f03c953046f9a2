"""Issue 22, item 4: the exported PDF's text is the text. Qt's ToUnicode maps named Kangxi radicals and
radical-supplement forms for ideographs with the same glyph (门→⻔, 日→⽇, 目→⽬, 页→⻚); search and copy
failed. Checked two ways over both examples: the ToUnicode maps themselves, and ``pdftotext``."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from goalform import assets
from goalform.formats.export import export_file
from goalform.formats.layout import build_grid
from goalform.formats.pdf_text import parse_cmap, repair_cmap, repair_to_unicode
from goalform.formats.pdf_writer import find_cjk_font
from goalform.store import read_form

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / "form-2024.goal", ROOT / "examples" / "form-2026.goal"]
TEMPLATES = sorted((ROOT / "resources" / "templates").glob("*.json"))


@pytest.fixture
def cjk_font() -> str:
    """The Chinese face the PDF is drawn in (Noto Serif CJK SC on CI: .ci/run installs fonts-noto-cjk)."""
    face = find_cjk_font()
    if face is None:
        pytest.skip("no CJK font on this machine (.ci/run installs fonts-noto-cjk): the PDF could not draw "
                    "Chinese, so its text cannot be checked")
    return face
WRONG = re.compile("[\u2e80-\u2fdf\u31c0-\u31ef\u3190-\u319f\uf900-\ufaff\U0002f800-\U0002fa1f]")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _template_chars() -> str:
    """Every character of every string of every template (labels, lines, notes, indicator names)."""
    chars = set()
    for path in TEMPLATES:
        chars |= set("".join(_strings(json.loads(path.read_text(encoding="utf-8")))))
    return "".join(sorted(c for c in chars if not c.isspace() and c.isprintable()))


def _export(example: Path, folder: Path, extra: str = "") -> tuple[Path, set[str], list[str]]:
    """The example exported as PDF (with ``extra`` text in its 年度工作任务); the characters of its grid;
    the lines above its table (title, 填报日期 where the version has it, 单位)."""
    form, template = read_form(example)
    if extra:
        form.texts["tasks"] = (form.texts.get("tasks") or "") + "\n" + extra
    out = folder / f"{example.stem}.pdf"
    export_file(form, template, out)
    grid = build_grid(template, form)
    texts = [*grid.before, *grid.after, *(c.text for row in grid.rows for c in row)]
    return out, {c for c in "".join(texts) if not c.isspace()}, grid.before


def _to_unicode_texts(pdf: bytes) -> set[str]:
    texts = set()
    for n in {int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", pdf)}:
        obj = re.search(rb"(?:^|\n)%d 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n" % n, pdf)
        assert obj, n
        texts |= set(parse_cmap(pdf[obj.end():obj.end() + int(obj.group(1))]).values())
    return texts


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_to_unicode_maps_name_the_drawn_characters(tmp_path: Path, example: Path, cjk_font: str) -> None:
    """Every glyph's text is a character of the form, never a radical; every character is there."""
    path, drawn, _ = _export(example, tmp_path, extra=_template_chars())
    mapped = _to_unicode_texts(path.read_bytes()) - {"\x00"}
    assert not {t for t in mapped if WRONG.search(t)}, "radicals or compatibility forms in the text layer"
    assert mapped - drawn <= set("第页共0123456789 "), mapped - drawn  # the footer 「第 X 页 共 Y 页」 aside
    assert {c for c in drawn if unicodedata.category(c) != "Zs"} <= mapped


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed; "
                    ".ci/run installs it")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_pdftotext_reads_every_character_as_itself(tmp_path: Path, example: Path, cjk_font: str) -> None:
    template_chars = _template_chars()
    path, drawn, above = _export(example, tmp_path, extra=template_chars)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          text=True, encoding="utf-8").stdout
    assert not WRONG.findall(text), sorted(set(WRONG.findall(text)))
    read = {c for c in text if not c.isspace()}
    assert drawn <= read, "".join(sorted(drawn - read))  # every character of the form and the templates
    assert read <= drawn | set("第页共0123456789"), "".join(sorted(read - drawn))
    assert set(template_chars) <= read
    flat = re.sub(r"\s+", "", text)
    for words in ("部门", "目标", "第1页共", *above):  # what a clerk searches for, e.g. 部门, 填报日期
        assert re.sub(r"\s+", "", words) in flat, words


def test_repairing_a_map_replaces_only_what_was_not_drawn() -> None:
    """The map's rewrite on its own: arrays, single ranges and bfchar entries are read, and a code
    point that was not drawn becomes the drawn character with the same glyph."""
    cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n"
            b"<0000> <FFFF>\nendcodespacerange\n2 beginbfrange\n<0000> <0000> <0000>\n"
            b"<0001> <0003> [<90E8> <2ED4> <2F47>]\nendbfrange\n1 beginbfchar\n<0004> <0041>\nendbfchar\n"
            b"1 beginbfrange\n<0005> <0006> <0030>\nendbfrange\nendcmap\nend\nend\n")
    assert parse_cmap(cmap) == {0: "\x00", 1: "部", 2: "\u2ed4", 3: "\u2f47", 4: "A", 5: "0", 6: "1"}
    same_glyph = {"\u2ed4": "门", "\u2f47": "日"}
    fixed = repair_cmap(cmap, set("部门日A01"), same_glyph.get)
    assert fixed is not None and fixed.startswith(cmap[:cmap.index(b"2 beginbfrange")])
    assert fixed.rstrip().endswith(b"endcmap\nend\nend")
    assert parse_cmap(fixed) == {0: "\x00", 1: "部", 2: "门", 3: "日", 4: "A", 5: "0", 6: "1"}
    assert repair_cmap(fixed, set("部门日A01"), same_glyph.get) is None  # nothing left to do


def test_the_cross_references_follow_the_longer_map() -> None:
    """A map that grows moves every object after it: the xref table and startxref are rewritten."""
    cmap = b"1 beginbfrange\n<0001> <0001> [<2ED4>]\nendbfrange\n"
    objects = [b"<< /Type /Catalog >>", b"<< /ToUnicode 3 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap), b"<< /Last true >>"]
    pdf, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(pdf)
    pdf += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    fixed = repair_to_unicode(pdf, {"门"}, {"\u2ed4": "门"}.get)
    assert fixed != pdf and b"<95E8>" in fixed and b"<2ED4>" not in fixed
    new_xref = int(re.search(rb"startxref\n(\d+)", fixed).group(1))
    assert fixed[new_xref:].startswith(b"xref\n0 5\n")
    entries = re.findall(rb"(\d{10}) \d{5} n", fixed[new_xref:])
    for n, offset in enumerate(entries, 1):
        assert fixed[int(offset):].startswith(b"%d 0 obj" % n)
    stream = re.search(rb"/Length (\d+) >>\nstream\n", fixed)
    assert fixed[stream.end() + int(stream.group(1)):].startswith(b"\nendstream")


def test_a_pdf_not_laid_out_as_qt_writes_is_refused_not_mangled() -> None:
    """No classic xref table (e.g. a cross-reference stream): PdfLayoutError, which write_pdf logs and
    then keeps Qt's file as it was (right pages, its own text layer)."""
    from goalform.formats.pdf_text import PdfLayoutError

    pdf = b"%PDF-1.5\n1 0 obj\n<< /ToUnicode 2 0 R >>\nendobj\nstartxref\n9\n%%EOF\n"
    with pytest.raises(PdfLayoutError):
        repair_to_unicode(pdf, {"门"}, {"\u2ed4": "门"}.get)
    assert repair_to_unicode(b"%PDF-1.4\nno fonts\n", set(), lambda c: None) == b"%PDF-1.4\nno fonts\n"
