"""What a question pins down by name: foreign companies and brands, next to the person names and places."""

from __future__ import annotations

import pytest

from answer.constraints import (
    SURNAMES,
    is_vietnamese_syllable,
    mentions_place,
    question_foreign_names,
    question_names,
    question_places,
)
from answer.extractive import ExtractiveAnswerer
from answer.qtypes import analyse_question
from tests.answer.sample_hits import hits_from


@pytest.mark.parametrize("word", ["Long", "An", "Nam", "Đắk", "Lắk", "Nguyễn", "Quảng", "Nghiêng", "Khuyến", "Uyên", "Gì"])
def test_vietnamese_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["Ford", "Unilever", "Nestlé", "Lima", "Samsung", "Keohwa", "Motors", "Vinatex"])
def test_foreign_words(word: str) -> None:
    assert not is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Nhà máy mới của Unilever ở Hưng Yên tạo ra bao nhiêu việc làm?", ("Unilever",)),
        ("Hãng General Motors cắt bao nhiêu việc làm?", ("General Motors",)),
        ("Ford cắt giảm bao nhiêu việc làm?", ("Ford",)),  # first word of the question too
        ("Tập đoàn Dệt may Việt Nam (Vinatex) có bao nhiêu dự án?", ("Vinatex",)),
        ("Long An có bao nhiêu hộ nghèo?", ()),  # Vietnamese syllables, a place
        ("Tổ chức Lao động Quốc tế (ILO) cảnh báo gì?", ()),  # an acronym is no name to look for
        ("Thủ tướng Nguyễn Xuân Phúc chủ trì buổi làm việc nào?", ()),  # a person: question_names' job
        ("Bao nhiêu lao động đi làm việc tại Malaysia?", ("Malaysia",)),  # found here, a place for the answerer
    ],
)
def test_foreign_names_in_vietnamese_questions(question: str, names: tuple[str, ...]) -> None:
    assert question_foreign_names(question) == names


def test_places_and_english_questions_carry_no_foreign_names() -> None:
    assert analyse_question("Bao nhiêu lao động đi làm việc tại Malaysia?").foreign_names == ()
    assert analyse_question("How many jobs is General Motors planning to cut worldwide?").foreign_names == ()
    assert analyse_question("Hãng General Motors cắt bao nhiêu việc làm?").foreign_names == ("General Motors",)


def test_evidence_about_another_company_does_not_answer() -> None:
    # the sample article's rent-support figure is nobody's company figure: naming one the evidence never names
    # is asking about something else; the corpus decides whether "nothing about X" may be said
    hits = hits_from("tiền thuê nhà")
    answerer = ExtractiveAnswerer(corpus_names=lambda name: False)
    assert answerer.answer("Có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", hits).found
    asked = answerer.answer("Samsung hỗ trợ tiền thuê nhà cho bao nhiêu lượt lao động năm 2022?", hits)
    assert not asked.found and asked.answer == "Không tìm thấy thông tin về Samsung trong các bài viết."
    said_elsewhere = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert said_elsewhere.answer("Samsung hỗ trợ tiền thuê nhà cho bao nhiêu lượt lao động năm 2022?", hits).answer == (
        "Không tìm thấy thông tin này trong các bài viết."
    )


@pytest.mark.parametrize("surname", sorted(SURNAMES))
def test_every_surname_starts_a_person_name(surname: str) -> None:
    name = f"{surname.capitalize()} Minh An"
    assert question_names(f"Ông {name} giữ chức vụ gì?") == (name,)


@pytest.mark.parametrize(
    "question",
    [
        "Tổ chức công đoàn đã nêu bao nhiêu kiến nghị với Thủ tướng?",  # "đoàn đã": small letters, no name
        "Công đoàn đã đề xuất gì?",
        "Bao nhiêu hộ ở Đồng Tháp được hỗ trợ?",  # a place, not a person
    ],
)
def test_small_letters_never_start_a_name(question: str) -> None:
    assert question_names(question) == ()


def test_a_name_stops_before_small_words() -> None:
    assert question_names("Ông Đào Ngọc Dung đã ký quyết định nào?") == ("Đào Ngọc Dung",)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Giám đốc công ty báo cáo diễn biến vụ sập cẩu", ()),  # "diễn biến" folds to Điện Biên's letters
        ("Tỉnh Điện Biên có bao nhiêu hộ nghèo?", ("Điện Biên",)),
        ("Tinh Dien Bien co bao nhieu ho ngheo?", ("Điện Biên",)),  # typed without marks
        ("Khu Kinh tế Hải Phòng thành lập mới bao nhiêu công đoàn?", ("Hải Phòng",)),
        ("How many workers went to Japan?", ("Japan",)),
    ],
)
def test_a_place_is_read_where_written_with_its_own_marks_or_none(text: str, places: tuple[str, ...]) -> None:
    assert question_places(text) == places


def test_evidence_mentions_a_place_only_with_its_own_marks_or_none() -> None:
    assert not mentions_place("Điện Biên", "tình hình diễn biến phức tạp")
    assert mentions_place("Điện Biên", "tỉnh Điện Biên có 30 nghìn hộ")
    assert mentions_place("Hải Phòng", "Công đoàn Khu Kinh tế Hải Phòng đã thành lập")
    assert mentions_place("Japan", "lao động tại Nhật Bản")  # an English name, the Vietnamese spelling
    assert mentions_place("Hà Nội", "lao dong o Ha Noi")
