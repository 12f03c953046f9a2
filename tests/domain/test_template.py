import json

import pytest

from goalform import assets
from goalform.domain.form import default_tree, new_form
from goalform.domain.template import TemplateError, template_from_mapping

LEVEL1 = ["运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"]


def test_both_official_versions_are_shipped() -> None:
    assert list(assets.templates()) == ["2024", "2026"]
    assert assets.template("2024").title == "部门整体绩效目标表"
    assert assets.template("2026").title == "部门整体绩效目标申报表"


@pytest.mark.parametrize("version", ["2024", "2026"])
def test_six_fixed_level1(version: str) -> None:
    assert [l.name for l in assets.template(version).level1] == LEVEL1


def test_versions_differ_as_the_reference_says() -> None:
    t24, t26 = assets.template("2024"), assets.template("2026")
    assert not t24.basis.is_choice  # free-text explanation
    assert t26.basis.values == ("计划标准", "行业标准", "历史标准", "预算支出标准", "其他标准")
    assert t26.category.values == ("基本型", "创新型")
    assert t26.requires_fill_date and not t24.requires_fill_date
    assert t26.lines_below[0] == "填报说明" and len(t26.lines_below) == 10
    assert (t24.share_decimals, t26.share_decimals) == (0, 2)


def test_unknown_template_has_a_chinese_message() -> None:
    with pytest.raises(TemplateError, match="未知的模板版本"):
        assets.template("1999")


def test_new_form_starts_with_the_default_indicators() -> None:
    t = assets.template("2024")
    form = new_form(t, 2025)
    assert form.year == 2025
    cost = form.long_term[0]
    assert cost.name == "运行成本"
    assert [c.name for c in cost.children] == ["公用经费控制", "在职人员控制", "项目支出成本控制"]
    first = cost.children[0].children[0]
    assert first.name == "公用经费控制率" and "公用经费" in first.basis
    assert [n.name for n in form.annual] == LEVEL1


def test_a_2027_version_needs_only_a_new_file(tmp_path, monkeypatch) -> None:
    """Copy the 2026 file, change what a new version would change, and everything follows."""
    data = json.loads(assets.resource("templates", "2026.json").read_text(encoding="utf-8"))
    data.update(id="2027", name="2027版 测试", title="部门整体绩效目标申报表（2027）", first_year=2027)
    data["category"] = {"kind": "choice", "values": ["基本型", "创新型", "攻坚型"]}
    data["funds"][0]["lines"].append({"key": "other_income", "label": "其他收入"})
    folder = tmp_path / "templates"
    folder.mkdir()
    for name in ("2024.json", "2026.json"):
        (folder / name).write_text(assets.resource("templates", name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "2027.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    real_resource = assets.resource

    def resource(*parts: str):
        if parts and parts[0] == "templates":
            node = folder
            for p in parts[1:]:
                node = node / p
            return node
        return real_resource(*parts)

    monkeypatch.setattr(assets, "resource", resource)
    assets.templates.cache_clear()
    try:
        t = assets.template("2027")
        assert list(assets.templates()) == ["2024", "2026", "2027"]
        form = new_form(t)
        assert form.year == 2027
        assert "other_income" in t.funds_line_keys()
        # The whole stack takes it: the store keeps it and validation runs on it.
        from goalform.domain.validation import validate
        from goalform.store import Document

        form.funds[("other_income", "current")] = "12.5"
        with Document.from_form(form) as doc:
            doc.save(tmp_path / "x.goal")
        from goalform.store import read_form

        back, template = read_form(tmp_path / "x.goal")
        assert template.id == "2027" and back.funds[("other_income", "current")] == "12.5"
        assert any(f.rule == "funds.balance" for f in validate(back, template))
    finally:
        assets.templates.cache_clear()


def test_broken_template_is_refused() -> None:
    data = json.loads(assets.resource("templates", "2024.json").read_text(encoding="utf-8"))
    del data["labels"]["share"]
    with pytest.raises(TemplateError, match="share"):
        template_from_mapping(data)
    data = json.loads(assets.resource("templates", "2024.json").read_text(encoding="utf-8"))
    data["sections"].append("text:nonexistent")
    with pytest.raises(TemplateError):
        template_from_mapping(data)


def test_indicator_library_covers_the_defaults() -> None:
    names = {i["name"] for i in assets.indicator_library()}
    for version in ("2024", "2026"):
        for group in assets.template(version).default_indicators:
            for ind in group.indicators:
                assert ind.name in names
