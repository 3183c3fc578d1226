"""Prompt templates: shipped files load, their variables are checked at load and at format time."""

from __future__ import annotations

import unicodedata

import pytest

from prompts import PromptTemplate, available_prompts, load_prompt
from prompts.loader import parse_prompt


def test_shipped_prompts_all_load_and_are_nfc():
    names = available_prompts()
    assert {"answer_vi", "answer_en"} <= set(names)
    for name in names:
        template = load_prompt(name)
        assert isinstance(template, PromptTemplate)
        assert template.name == name
        assert template.text == unicodedata.normalize("NFC", template.text)
        assert not template.text.startswith("# variables")  # the header is not part of the prompt


@pytest.mark.parametrize("name", ["answer_vi", "answer_en"])
def test_answer_prompts_fill_sources_question_and_not_found_token(name):
    template = load_prompt(name)
    assert set(template.variables) == {"sources", "question", "not_found"}
    text = template.format(
        sources="[1] Tỷ lệ hộ nghèo giảm còn 1,31%.", question="Tỷ lệ hộ nghèo?", not_found="NOT_FOUND"
    )
    assert "[1] Tỷ lệ hộ nghèo giảm còn 1,31%." in text
    assert "Tỷ lệ hộ nghèo?" in text
    assert text.count("NOT_FOUND") == 1
    assert "{" not in text and "}" not in text


def test_vietnamese_and_english_prompts_state_the_grounding_rules():
    vi = load_prompt("answer_vi").text
    en = load_prompt("answer_en").text
    for phrase in ("Chỉ trả lời dựa trên các câu nguồn", "[1]", "163.600", "tiếng Việt"):
        assert phrase in vi
    for phrase in ("ONLY from the source sentences", "[1]", "exactly as written", "in English"):
        assert phrase in en


def test_format_rejects_missing_and_unexpected_variables():
    template = load_prompt("answer_vi")
    with pytest.raises(ValueError, match=r"'answer_vi': missing variables: question"):
        template.format(sources="x", not_found="NOT_FOUND")
    with pytest.raises(ValueError, match="unexpected variables: language"):
        template.format(sources="x", question="q", not_found="N", language="vi")


def test_values_with_braces_are_inserted_verbatim():
    template = parse_prompt("t", "# variables: a\nA={a}\n")
    assert template.format(a="{b} }{") == "A={b} }{\n"


def test_literal_braces_are_allowed_in_templates():
    template = parse_prompt("t", '# variables: q\n{{"answer": "..."}} {q}')
    assert template.variables == ("q",)
    assert template.format(q="?") == '{"answer": "..."} ?'


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Hello {name}", "first line must be"),
        ("# variables: name\nHello {nam}", "uses undeclared variables: nam"),
        ("# variables: name, extra\nHello {name}", "declares unused variables: extra"),
        ("# variables: name\nHello {name.upper}", "only plain"),
        ("# variables: name\nHello {name!r}", "only plain"),
        ("# variables: name\nHello {name:>10}", "only plain"),
        ("# variables: name\nHello {0}", "only plain"),
        ("# variables: name\nHello {name", "prompt 't'"),
        ("# variables: name, name\n{name}", "declared twice"),
        ("# variables: 1st\n{name}", "not a valid variable name"),
    ],
)
def test_bad_templates_are_refused_at_load(raw, message):
    with pytest.raises(ValueError, match=message):
        parse_prompt("t", raw)


def test_unknown_or_unsafe_names_are_refused():
    with pytest.raises(ValueError, match="no prompt named 'nope'; available: .*answer_en"):
        load_prompt("nope")
    for name in ("../settings", "answer_vi.txt", "Answer_VI", ""):
        with pytest.raises(ValueError, match="invalid prompt name"):
            load_prompt(name)
