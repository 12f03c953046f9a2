"""The checks that no longer compile a regular expression at import (issue 25: compiling them was a tenth
of a command-line export) answer as the expressions they replaced, checked here against those
expressions over texts that probe their edges."""
from __future__ import annotations

import datetime
import os
import re
import unicodedata
from pathlib import Path

import pytest

from goalform.domain.targets import _PREFIX_OPS, is_placeholder, parse_target
from goalform.domain.validation.header import _PHONE, phone_ok
from goalform.domain.validation.quality import CHANGE_WORDS, VAGUE_WORDS
from goalform.domain.validation.texts import stray_markup
from goalform.formats.docx_writer import _text

SAMPLES = [
    "", " ", "……", "…", "...", "。。", "．·", "……a", "a……", "…… ", "⋯⋯", "·", "无", "≥90%", "大于等于 90%", "不少于10次",
    "=>5个", "=<5", "≧３", "⩽ 7天", "达到100%", "不低于", "小于等于95%以上", "有效提升", "程度明显提高", "按实际情况",
    "变动率", "增长率", "下降幅度", "满意度", "027-12345678", "027-12345678，13812345678", "13812345678;", "/13812345678",
    "027-12345678、0710 1234567/8600123", "138 1234 5678", "(027)12345678", ",,", "a\ufffeb\uffffc\ufffd", "x\x00y\x1f\x7f",
    "[bookmark:_x]", "&nbsp;", "<w:t>", "进一步加强", "较大幅度", "有所改善", "稳步推进",
]


def test_placeholders_as_the_expression() -> None:
    dots = re.compile(r"[…⋯.。．·]+")
    for text in SAMPLES + ["…" * 100, "…" * 100 + "x"]:
        assert is_placeholder(text) == bool(dots.fullmatch(_fold(text))), text


def test_comparators_as_the_expression() -> None:
    op = re.compile("|".join(re.escape(w) for w, _ in _PREFIX_OPS))
    ops = dict(_PREFIX_OPS)
    for text in SAMPLES:
        target = parse_target(text)
        m = op.match(_fold(text))
        if target is not None and m:
            assert target.op == ops[m.group(0)], text
        elif target is not None:
            assert target.op in ("", ">=", "<="), text  # a plain value, or one of the suffix words


def test_phone_numbers_as_the_expression() -> None:
    def old(text: str) -> bool:
        s = _fold(text).replace("(", "").replace(")", "").replace(" ", "")
        parts = [p for p in re.split(r"[,，;；、/]", s) if p]
        return any(_PHONE.fullmatch(p) for p in parts) and all(_PHONE.fullmatch(p) for p in parts)

    for text in SAMPLES:
        assert phone_ok(text) == old(text), text


@pytest.mark.parametrize("words", [VAGUE_WORDS, CHANGE_WORDS])
def test_word_lists_as_the_expression(words: tuple[str, ...]) -> None:
    pattern = re.compile("|".join(map(re.escape, words)))
    for text in SAMPLES:
        assert any(w in text for w in words) == bool(pattern.search(text)), text


def test_markup_and_xml_characters_as_the_expressions() -> None:
    markup = re.compile(
        r"\[(?:bookmark|comment|footnote|endnote)[:：][^\]]*\]|_GoBack|&nbsp;|</?(?:br|p|span|div|w:\w+)\b[^>]*>"
        r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ufffe\uffff]", re.IGNORECASE)
    invalid = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
    for text in SAMPLES + ["ok\ufffd", "\uffff", "\ufffe<p>", "<P class=x>", "[Comment：1]"]:
        m = markup.search(text)
        assert bool(stray_markup(text)) == bool(m), text
        escaped = invalid.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert _text(text) == escaped, text


def _fold(text: str) -> str:
    from goalform.domain.folding import fold

    return fold(text)


def test_amount_spaces_as_the_expressions() -> None:
    from goalform.domain.amounts import _FULL_WIDTH, parse_amount

    amount = re.compile(
        r"\+?(?P<int>[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)?(?:\.(?P<frac>[0-9]*))?[ \u3000\u00a0]*(?P<unit>万元|万)?")
    old_table = {k: v for k, v in _FULL_WIDTH.items() if k not in (0x3000, 0xA0)}
    spellings = ["5", "5 万元", "5\u3000万元", "5\u00a0万", "5 \u3000\u00a0万元", "1,000\u3000万", "5\u3000", "\u30005",
                 "5\u3000元", "50000\u00a0元", "5\u30006", "５\u3000万元", "-5\u3000万", "5 \u3000 元"]
    for text in spellings:
        old = amount.fullmatch(text.strip().translate(old_table))
        parsed = parse_amount(text)
        assert (parsed.value is not None and parsed.ok) == (old is not None and old.group("int") is not None), text
    assert "是 5 万元" in parse_amount("50000\u00a0元").error and "是 5 万元" in parse_amount("50000\u3000元").error


SPACES = [" a ", "a\tb", "a\u3000b", "a\u00a0b", "a\nb\r\n", "\u2028x\u2029", "\x1c\x1d\x1e\x1f", "a\u200bb", "\x85"]


def test_folding_drops_the_spaces_the_expression_did() -> None:
    from goalform.domain.folding import _fold as fold_now

    for text in SAMPLES + SPACES + ["".join(map(chr, range(0x3100)))]:
        expected = unicodedata.normalize("NFKC", text) if not unicodedata.is_normalized("NFKC", text) else text
        assert fold_now(text) == re.sub(r"\s+", "", expected), repr(text)


def test_compact_dates_as_the_expression() -> None:
    from goalform.domain.dates import parse_date

    compact = re.compile(r"(\d{4})(\d{2})(\d{2})")
    for text in ["20251231", "2025123", "202512311", "２０２５１２３１", "٢٠٢٥١٢٣١", "2025 1231", "20251331", "2025123a", "²⁰²⁵¹²³¹"]:
        s = unicodedata.normalize("NFKC", text).strip()
        m = compact.fullmatch(s)
        old = None
        if m:
            try:
                old = datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
        assert parse_date(text) == old, text


def test_explanations_end_as_the_expression() -> None:
    from goalform.domain.folding import fold
    from goalform.domain.validation.indicators import _norm_explanation

    trailing = re.compile(r"[。；;，,.、\s]+$")
    for text in SAMPLES + SPACES + ["按计划完成。", "按计划完成。；\n", "a.b.", "a 。 ，", "。。", "[x]完成,", "完成.\n\n"]:
        plain = re.sub(r"\[[^\]]*\]", "", text) if "[" in text else text
        assert _norm_explanation(text) == trailing.sub("", fold(plain)), text


def test_measurable_names_as_the_expression() -> None:
    from goalform.domain.validation.quality import measurable_name

    pattern = re.compile(r"(率|数|(?<!质)量|占比|比例|比重|满意度|时间|时长|金额|规模|增长|减少)$")
    names = SAMPLES + ["合格率", "合格率\n", "合格率\n\n", "质量", "数量", "量", "工程质量\n", "产量\n", "率 ", "满意度",
                       "人数", "覆盖面", "时间节点", "完成时间", "增长", "增长率", "减少", "\n"]
    for name in names:
        assert measurable_name(name) == bool(pattern.search(name)), repr(name)


def test_review_uids_as_the_expression() -> None:
    from goalform.store.quick_read import _HEX

    hex_digits = re.compile("[0-9a-f]*")
    for text in ["", "0123456789abcdef", "0123456789ABCDEF", "g", "00ff\n", " ab", "ab ", "é", "a-b", "٣"]:
        assert (not text.strip(_HEX)) == bool(hex_digits.fullmatch(text)), repr(text)


def test_temporary_names_are_recognised() -> None:
    """TEMP_NAME is a pattern's text now (compiled by re when first used): the names temp_path makes,
    and SQLite's side files of them, still give their host and process; other names nothing."""
    from goalform.store.locking import TEMP_NAME, host_tag, temp_path

    name = temp_path(Path("/tmp/x.goal")).name
    for text in [name, name + "-wal", name + "-journal", name + "-shm"]:
        m = re.search(TEMP_NAME, text)
        assert m is not None and m["pid"] == str(os.getpid()) and m["host"] == host_tag(), text
    for text in ["x.goal", name + "-x", name.replace(".tmp", ".temp"), ".x.goal.1234abcd-12-0000ffff"]:
        assert re.search(TEMP_NAME, text) is None, text


def test_markup_in_any_text_is_markup_in_them_all() -> None:
    """texts.markup looks at a group of cells cell by cell only when _any_markup finds something in the
    group as a whole: so whatever the expression finds in one text, _any_markup finds in any group of it."""
    from goalform.domain.validation.texts import _MARKUP, _any_markup

    texts = SAMPLES + SPACES + ["<br", "br>", "<w:t", "[comment:", "x]", "_Go", "Back", "&nbsp", ";", "</span >",
                                "ok\ufffd", "\x7f", "a\x0b"]
    for i, text in enumerate(texts):
        for group in ([text], [text, "值"], ["值", text], texts[max(0, i - 2):i + 3]):
            if any(_MARKUP.search(t) for t in group):
                assert _any_markup(group), group
    assert not _any_markup(["≥90%", "反映完成情况。", "预算执行率"]) and not _any_markup([])


def test_markup_reads_every_indicator_column() -> None:
    from goalform.domain.form import INDICATOR_COLUMNS, Indicator
    from goalform.domain.validation.texts import _cells

    node = Indicator(3, name="n", value="v", basis="b", category="c", prev2="p2", prev1="p1")
    assert _cells(node) == tuple(getattr(node, c) for c in INDICATOR_COLUMNS)
