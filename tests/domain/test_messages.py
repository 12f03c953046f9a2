"""Domain messages are plain Chinese text that also know how to be said in another language."""
from __future__ import annotations

import json
import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from helpers.reference_forms import reference_form

from goalform import assets
from goalform.domain.amounts import parse_amount
from goalform.domain.messages import msg, name, translate
from goalform.domain.validation import validate

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "goalform_en.ts"


def english() -> dict[tuple[str, str], str]:
    root = ET.parse(CATALOGUE).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
            for c in root.iter("context") for m in c.iter("message")
            if m.find("translation").get("type") != "unfinished"}


def lookup(catalogue):
    return lambda context, source: catalogue.get((context, source), source)


def test_a_message_is_its_chinese_text_everywhere_a_str_goes() -> None:
    m = msg("填报日期「{date}」不是有效日期，应写作 2025-12-31 或 2025年12月31日", date="年底")
    assert m == "填报日期「年底」不是有效日期，应写作 2025-12-31 或 2025年12月31日"
    assert json.loads(json.dumps({"message": m}))["message"] == m
    again = pickle.loads(pickle.dumps(m))  # the summary's worker processes send findings back
    assert again == m and again.template == m.template and again.args == {"date": "年底"}


def test_typed_text_is_never_formatted_as_a_template() -> None:
    m = msg("{row}没有名称", row="{0}{x}")
    assert m == "{0}{x}没有名称"
    assert translate(m, lookup({("messages", "{row}没有名称"): "{row} has no name"})) == "{0}{x} has no name"


def test_parts_are_translated_in_their_own_context() -> None:
    m = msg("{tree}「{name}」", tree=name("年度指标"), name="会议费控制率")
    said = translate(m, lookup(english()))
    assert said == "Annual indicators \u201c会议费控制率\u201d"


def _typed(message) -> list[str]:
    """The values put into ``message`` that are no messages themselves: what a clerk or a template wrote."""
    found = []
    for value in getattr(message, "args", {}).values():
        found += _typed(value) if hasattr(value, "template") else [str(value)]
    return found


def _chinese_left(message, said: str) -> list[str]:
    """CJK characters of ``said`` that are not part of what a clerk or the template wrote."""
    for value in sorted(_typed(message), key=len, reverse=True):
        said = said.replace(value, "")
    # 年, 月, 日 and 无 are what the printed form itself holds («2028年12月», «无»), quoted as examples.
    return [ch for ch in re.findall(r"[\u4e00-\u9fff]", said) if ch not in "年月日无"]


def test_every_finding_of_the_examples_and_a_blank_form_has_english() -> None:
    catalogue = english()
    blank = assets.template("2026")
    from goalform.domain.form import new_form

    forms = [(reference_form(v), assets.template(v)) for v in ("2024", "2026")] + [(new_form(blank, 2026), blank)]
    seen = 0
    for form, template in forms:
        for finding in validate(form, template):
            said = translate(finding.message, lookup(catalogue))
            assert said != finding.message or not re.search(r"[\u4e00-\u9fff]", finding.message), finding.message
            # What is left in Chinese is only what the clerk or the template wrote (names of rows and lines).
            assert not _chinese_left(finding.message, said), (finding.rule, said)
            seen += 1
    assert seen > 50


def test_every_amount_refusal_has_english() -> None:
    catalogue = english()
    for typed in ("12,5", "1.2.3", "1.234", "-3", "500元", "5000000元", "abc", "1 2", "100000000"):
        parsed = parse_amount(typed)
        assert parsed.error, typed
        said = translate(parsed.error, lookup(catalogue))
        assert not _chinese_left(parsed.error, said), (typed, said)


def test_every_message_template_in_the_catalogue_has_english() -> None:
    root = ET.parse(CATALOGUE).getroot()
    unfinished = [m.findtext("source") for c in root.iter("context") if c.findtext("name") == "messages"
                  for m in c.iter("message") if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    templates = [m.findtext("source") for c in root.iter("context") if c.findtext("name") == "messages"
                 for m in c.iter("message")]
    assert len(templates) >= 60
    for (context, source), translation in english().items():
        if context == "messages":  # the English keeps every field of the Chinese
            assert set(re.findall(r"\{(\w+)\}", source)) == set(re.findall(r"\{(\w+)\}", translation)), source
