"""document_kinds.tsv row by row: each asked kind is read from its example questions, and a question that names it and
asks its number ("số hiệu gì", "số mấy") asks for a document; each numbered kind starts a document span; each code
kind names the code written after it."""

from __future__ import annotations

import pytest

from answer.extract import document_spans
from answer.knowledge.document_kinds import ROLES, document_kind_asked, kind_alternation, kinds_in_role
from answer.knowledge.tables import read_rows, split_forms
from answer.qtypes import analyse_question
from ingest.vietnamese import fold

ALL_ROWS = read_rows("document_kinds.tsv", 5)


def _with_role(role: str) -> list[list[str]]:
    return [row for row in ALL_ROWS if role in split_forms(row[2])]


ROWS = [(kind, en, example_vi, example_en) for kind, en, _, example_vi, example_en in _with_role("asked")]


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


@pytest.mark.parametrize("kind", [row[0] for row in _with_role("numbered")])
def test_each_numbered_kind_starts_a_document(kind: str) -> None:
    sentence = f"Theo {kind.capitalize()} số 26/2017/TT-BLĐTBXH, mức hỗ trợ tăng."
    spans = document_spans(sentence)
    assert [(s.text, s.unit) for s in spans] == [(f"{kind.capitalize()} số 26/2017/TT-BLĐTBXH", (kind,))]


@pytest.mark.parametrize("kind", [row[0] for row in _with_role("code")])
def test_each_code_kind_names_the_code_after_it(kind: str) -> None:
    # written in lower case the kind starts no numbered document: only the code makes the span
    spans = document_spans(f"Tỉnh đã ban hành {kind} của Tỉnh ủy (số 11-NQ/TW) về việc làm.")
    assert [(s.text, s.unit) for s in spans] == [("số 11-NQ/TW", (kind,))]


def test_a_word_in_no_role_names_no_code() -> None:
    assert document_spans("Tỉnh đã ban hành bài viết của Tỉnh ủy (số 11-NQ/TW) về việc làm.") == []


@pytest.mark.parametrize("role", ROLES)
def test_a_kind_comes_before_the_shorter_kinds_it_starts_with(role: str) -> None:
    # the alternation tries kinds in the file's order, and a match need not end where a word does: "thông tư" first
    # would name "thông tư liên tịch 12/TTLT-BTC" a circular
    kinds = kinds_in_role(role)
    for i, kind in enumerate(kinds):
        assert not any(kind.startswith(f"{earlier} ") for earlier in kinds[:i]), kind
    assert kind_alternation(role).count("|") == len(kinds) - 1


def test_an_unknown_role_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown document-kind role"):
        kinds_in_role("cited")


@pytest.mark.parametrize(
    "question",
    [
        "Bộ Y tế lập hội đồng kỷ luật ai?",
        "bo y te lap hoi dong ky luat ai?",
        "Những hành vi vi phạm pháp luật lao động nào bị xử phạt?",
        "Luật sư của công nhân là ai?",
        "Luật sư Giang Hồng Thanh làm việc ở văn phòng luật nào?",
        "Anh ấy tốt nghiệp trường Đại học Luật nào?",
    ],
)
def test_a_one_syllable_kind_inside_another_word_asks_for_no_document(question: str) -> None:
    # "kỷ luật" is discipline, "pháp luật" the law in general, "luật sư" a lawyer: no "luật" is asked for
    assert document_kind_asked(question, "vi") is None


@pytest.mark.parametrize(
    "question", ["Luật Việc làm có hiệu lực từ ngày nào?", "Theo luật nào người lao động được nghỉ?"]
)
def test_a_one_syllable_kind_named_or_asked_for_is_read(question: str) -> None:
    assert document_kind_asked(question, "vi") == "luật"


def test_a_law_firm_asked_for_is_no_document_asked_for() -> None:
    from answer.qtypes import analyse_question

    assert analyse_question("Luật sư Giang Hồng Thanh làm việc ở văn phòng luật nào?").answer_type != "document"
    assert analyse_question("Người lao động được nghỉ theo luật nào?").answer_type == "document"
