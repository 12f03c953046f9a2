import datetime

import pytest

from goalform import assets
from goalform.domain.dates import parse_date


@pytest.mark.parametrize("text", ["2025-12-31", "2025/12/31", "2025.12.31", "2025年12月31日", "２０２５年１２月３１日",
                                  "20251231", " 2025 年 12 月 31 日 "])
def test_spellings_of_a_date(text: str) -> None:
    assert parse_date(text) == datetime.date(2025, 12, 31)


@pytest.mark.parametrize("text", ["", "年底", "2025-02-30", "2025-13-01", "12/31/2025"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_fill_date_on_the_form_never_drops_what_was_typed() -> None:
    t = assets.template("2026")
    assert t.format_fill_date("2025/1/5") == "2025年1月5日"
    assert t.format_fill_date("年底前") == "年底前"
    assert t.format_fill_date("").startswith("    年")


def test_rollover_moves_a_date_in_any_spelling_on_by_a_year() -> None:
    from goalform.domain.form import new_form
    from goalform.domain.rollover import roll_forward

    t = assets.template("2026")
    form = new_form(t, 2026)
    form.fill_date = "2025年12月31日"
    assert roll_forward(form, t).form.fill_date == "2026-12-31"


@pytest.mark.parametrize("typed", ["2026/12/5", "2026.12.5", "2026年12月5日", "2026-12-05", "20261205", " 2026 / 12 / 05 "])
def test_normalized_date_writes_the_form_spelling(typed: str) -> None:
    from goalform.domain.dates import normalized_date

    assert normalized_date(typed) == "2026-12-05"


@pytest.mark.parametrize("typed", ["年底", "2026-02-30", "", "12/5"])
def test_normalized_date_leaves_what_is_no_date(typed: str) -> None:
    from goalform.domain.dates import normalized_date

    assert normalized_date(typed) == typed
