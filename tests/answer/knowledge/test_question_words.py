"""Question words: every row maps to its answer type, typed with or without diacritics."""

from __future__ import annotations

import pytest

from answer.knowledge.matcher import parse_phrase
from answer.knowledge.question_words import ANSWER_TYPES, expected_type, question_types, question_words
from answer.knowledge.tables import read_rows
from index.lexical import fold

ROWS = read_rows("question_words.tsv", 4)
UNACCENTED = [r for r in ROWS if fold(r[0]) != r[0] and parse_phrase(r[0], None, single="accent").mode == "fold"]


@pytest.mark.parametrize(("phrase", "answer_type", "language", "priority"), ROWS, ids=[r[0] for r in ROWS])
def test_every_row_maps_to_its_type(phrase: str, answer_type: str, language: str, priority: str) -> None:
    assert answer_type in ANSWER_TYPES
    assert question_types(f"{phrase} ?") == [(answer_type, phrase, 0)]
    capitals = phrase.upper() if " " in phrase else phrase.capitalize()  # one word in capitals is an acronym
    assert question_types(f"X {capitals}?") == [(answer_type, capitals, 2)]
    [(word, _, _)] = question_words(phrase)
    assert (word.language, word.priority) == (language, int(priority))


@pytest.mark.parametrize(("phrase", "answer_type", "language", "priority"), UNACCENTED, ids=[fold(r[0]) for r in UNACCENTED])
def test_every_vietnamese_phrase_matches_typed_without_diacritics(phrase: str, answer_type: str, language: str, priority: str) -> None:
    assert question_types(fold(phrase)) == [(answer_type, fold(phrase), 0)]


def test_no_phrase_is_listed_twice() -> None:
    keys = [tuple(fold(t.lower()) for t in parse_phrase(r[0], None, single="accent").tokens) for r in ROWS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("TP.HCM đã hỗ trợ bao nhiêu lao động?", "quantity"),
        ("Tỷ lệ hộ nghèo năm 2023 là bao nhiêu?", "percentage"),
        ("ti le ho ngheo la bao nhieu", "percentage"),
        ("Tổng kinh phí hỗ trợ là bao nhiêu tỷ đồng?", "money"),
        ("Nghị quyết 68 được ban hành khi nào?", "date"),
        ("Năm nào Việt Nam gia nhập ILO?", "year"),
        ("Ai là Giám đốc Sở LĐ-TB&XH?", "person"),
        ("Ông Hùng giữ chức vụ gì?", "role"),
        ("Lao động được hỗ trợ theo quyết định nào?", "document"),
        ("Những ai được hỗ trợ tiền thuê nhà?", "list"),
        ("Vì sao doanh nghiệp thiếu lao động?", "reason"),
        ("Tỉnh nào có nhiều lao động nhất?", "place"),
        ("Tỉnh thành nào có nhiều lao động nhất?", "place"),  # not "nào" alone (free)
        ("Người dân biểu tình ở địa điểm nào?", "place"),
        ("What share of households are poor?", "percentage"),
        ("How many teachers received rent support?", "quantity"),
        ("How much did the province spend?", "money"),
        ("Under which decree were workers supported?", "document"),
        ("Which year did the programme start?", "year"),
        ("Who chaired the meeting?", "person"),
        ("Why did the workers strike?", "reason"),
        ("Tell me about labour export", "free"),
        ("Máy móc tại đâu?", "place"),  # 'máy' is not 'mấy'
        ("Máy móc hiện đại", "free"),
        ("Tai nạn lao động", "free"),  # 'ai' is not found inside 'tai'
        ("Lượng muối được WHO khuyến cáo là bao nhiêu?", "quantity"),  # WHO is the organisation
        ("Tổng số tiền hỗ trợ người lao động năm 2021 là bao nhiêu?", "money"),
        ("What was the total cost of the health insurance cards?", "money"),
        ("What was the poor household rate at the end of 2020?", "percentage"),
        ("Which markets did the province's export workers go to?", "place"),
        ("What is her position?", "role"),
    ],
)
def test_expected_type(question: str, answer_type: str) -> None:
    assert expected_type(question) == answer_type


def test_question_types_longest_first() -> None:
    assert question_types("Tỷ lệ hộ nghèo năm 2023 là bao nhiêu?") == [
        ("quantity", "bao nhiêu", 27),
        ("percentage", "Tỷ lệ", 0),
    ]
