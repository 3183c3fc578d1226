"""document_kinds.tsv row by row: each example question asks for its row's kind of document, and a question that
names the kind and asks its number ("số hiệu gì", "số mấy") asks for a document."""

from __future__ import annotations

import pytest

from answer.knowledge.document_kinds import document_kind_asked
from answer.knowledge.tables import read_rows
from answer.qtypes import analyse_question
from ingest.vietnamese import fold

ROWS = read_rows("document_kinds.tsv", 4)


@pytest.mark.parametrize(("vi", "en", "example_vi", "example_en"), ROWS, ids=[r[0] for r in ROWS])
def test_each_kind_is_read_from_its_examples(vi: str, en: str, example_vi: str, example_en: str) -> None:
    assert analyse_question(example_vi).doc_kind == vi
    assert document_kind_asked(fold(example_vi), "vi") == vi  # typed without diacritics too
    if en != "-":
        assert analyse_question(example_en).doc_kind == vi


def test_english_words_match_whole() -> None:
    assert document_kind_asked("Which laws govern overtime?", "en") == "luật"
    assert document_kind_asked("Where does the lawyer say the worker can complain?", "en") is None


@pytest.mark.parametrize(("vi", "en", "example_vi", "example_en"), ROWS, ids=[r[0] for r in ROWS])
@pytest.mark.parametrize("ask", ["có số hiệu gì", "có số hiệu nào", "mang số mấy", "là số bao nhiêu"])
def test_the_number_of_a_named_kind_asks_for_the_document(vi: str, en: str, example_vi: str, example_en: str, ask: str) -> None:
    # the kind need not stand right before "số": "Quyết định ... do Chủ tịch UBND tỉnh ký có số hiệu gì?"
    assert analyse_question(f"{vi.capitalize()} do Chủ tịch UBND tỉnh ký {ask}?").answer_type == "document"
    assert analyse_question(fold(f"{vi.capitalize()} do Chủ tịch UBND tỉnh ký {ask}?")).answer_type == "document"


def test_a_number_asked_without_a_document_kind_is_no_document() -> None:
    assert analyse_question("Chuyến bay chở lao động về nước có số hiệu gì?").answer_type != "document"
