from decimal import Decimal as D

from goalform import assets
from goalform.domain.form import new_form
from goalform.domain.funds import summarize_funds
from goalform.domain.validation import Severity, validate


def _form(version: str = "2024"):
    t = assets.template(version)
    f = new_form(t, t.first_year)
    f.department, f.filler, f.phone, f.fill_date = "测试局", "张三", "027-86001234", "2025-12-31"
    return f, t


def _rules(form, template) -> list[str]:
    return [f.rule for f in validate(form, template)]


def test_totals_and_shares_are_derived() -> None:
    f, t = _form()
    f.funds.update({("fiscal", "current"): "509.41", ("personnel", "current"): "182.84",
                    ("operation", "current"): "26.57", ("specific", "current"): "300"})
    s = summarize_funds(f, t)
    assert s.totals[("income", "current")] == D("509.41")
    assert s.totals[("expenditure", "current")] == D("509.41")
    assert s.totals[("income", "prev1")] is None
    assert [s.shares[k] for k in ("personnel", "operation", "specific")] == [D(36), D(5), D(59)]
    assert s.shares["fiscal"] == D(100) and s.shares["unit_funds"] is None


def test_a_balanced_complete_form_has_no_errors() -> None:
    f, t = _form()
    f.funds.update({("fiscal", "current"): "100", ("personnel", "current"): "40", ("specific", "current"): "60"})
    assert [x for x in validate(f, t) if x.severity is Severity.ERROR and x.rule.startswith(("funds", "header"))] == []


def test_income_must_equal_expenditure_in_every_column() -> None:
    f, t = _form()
    f.funds.update({("fiscal", "prev1"): "655.81", ("personnel", "prev1"): "600"})
    findings = [x for x in validate(f, t) if x.rule == "funds.balance"]
    assert len(findings) == 1
    assert findings[0].location.column == "prev1"
    assert "655.81" in findings[0].message and "600" in findings[0].message


def test_stated_total_that_does_not_add_up_is_an_error() -> None:
    f, t = _form()
    f.funds.update({("fiscal", "prev2"): "651.74", ("personnel", "prev2"): "651.74"})
    f.stated_totals[("income", "prev2")] = "600"
    msgs = [x.message for x in validate(f, t) if x.rule == "funds.total"]
    assert msgs and "600" in msgs[0] and "651.74" in msgs[0]
    f.stated_totals[("income", "prev2")] = "651.74"
    assert "funds.total" not in _rules(f, t)


def test_percent_in_an_amount_cell_is_reported_as_not_an_amount() -> None:
    # The 2024 reference has 「100%」 in the income 合计's history cells.
    f, t = _form()
    f.stated_totals[("income", "prev2")] = "100%"
    findings = [x for x in validate(f, t) if x.rule == "funds.amount"]
    assert len(findings) == 1 and "100%" in findings[0].message and "2022" in findings[0].message


def test_negative_and_overprecise_amounts() -> None:
    f, t = _form()
    f.funds[("fiscal", "current")] = "-1"
    f.funds[("unit_funds", "current")] = "1.005"
    msgs = [x.message for x in validate(f, t) if x.rule == "funds.amount"]
    assert len(msgs) == 2 and any("负数" in m for m in msgs) and any("小数" in m for m in msgs)


def test_required_header_fields_and_fill_date_for_2026() -> None:
    f, t = _form("2026")
    f.filler = " 　"
    f.fill_date = ""
    locs = {x.location.field for x in validate(f, t) if x.rule == "header.required"}
    assert locs == {"filler", "fill_date"}
    f24, t24 = _form("2024")
    f24.fill_date = ""
    assert "header.required" not in _rules(f24, t24)


def test_phone_formats() -> None:
    f, t = _form()
    for good in ("027-86001234", "13812345678", "0710-3456789", "027-86001234转123", "027 86001234", "86001234"):
        f.phone = good
        assert "header.phone" not in _rules(f, t), good
    for bad in ("12345", "电话", "027-1234", "1381234567"):
        f.phone = bad
        assert "header.phone" in _rules(f, t), bad


def test_findings_come_in_reading_order() -> None:
    f, t = _form("2026")
    f.department = f.filler = f.phone = f.fill_date = ""
    fields = [x.location.field for x in validate(f, t) if x.rule == "header.required"]
    assert fields == ["department", "filler", "phone", "fill_date"]


def test_finding_json_shape() -> None:
    f, t = _form()
    f.phone = "x"
    j = [x.as_json() for x in validate(f, t) if x.rule == "header.phone"][0]
    assert set(j) == {"rule", "severity", "location", "message"}
    assert j["severity"] == "error" and j["location"] == "header/phone"
