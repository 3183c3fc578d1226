"""Readings the forty-fourth session found missing: a title that holds a two-syllable word written in lower case
("Trưởng ban Chỉ đạo", "Giám đốc Công ty cổ phần ..."), a title's head that ends a name before a person's name, and
English phrase-table keys of one length that overlap."""

from __future__ import annotations

import pytest

from answer.extract import spans_of
from answer.qtypes import translate_english


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Ông Nguyễn Văn Hùng, Trưởng ban Chỉ đạo giảm nghèo tỉnh cho biết như vậy.", "Trưởng ban Chỉ đạo"),
        ("Ông Nguyễn Văn Hùng, Giám đốc Công ty TNHH Minh Phát cho biết.", "Giám đốc Công ty TNHH Minh Phát"),
        (
            "Ông Trần Văn Bình, Chủ tịch HĐQT Công ty cổ phần Sông Đà, cho biết.",
            "Chủ tịch HĐQT Công ty cổ phần Sông Đà",
        ),
        (
            "Ông Lê Văn Nam, Phó Tổng giám đốc Tổng công ty Hàng không Việt Nam cho biết.",
            "Phó Tổng giám đốc Tổng công ty Hàng không Việt Nam",
        ),
        (
            "Ông Trần Văn Bình, Tổng giám đốc Tổng công ty Điện lực miền Bắc, cho biết.",
            "Tổng giám đốc Tổng công ty Điện lực miền Bắc",
        ),
        # a name's last word that is also a title's head ("Tiến" of "Tiến sĩ", "Nguyên" = former) is no title alone
        ("Giám đốc Công ty May Việt Tiến Nguyễn Văn Toàn cho biết.", "Giám đốc Công ty May Việt Tiến"),
        ("Phó trưởng ban Chỉ đạo Tây Nguyên Nguyễn Văn Cường phát biểu.", "Phó trưởng ban Chỉ đạo Tây Nguyên"),
        ("GS Nguyễn Thiện Nhân phát biểu.", "GS"),
        ("Giám đốc điều hành Ban Thư ký APEC Alan Bollard cho biết.", "Giám đốc điều hành Ban Thư ký APEC"),
        (
            "Theo Tiến sỹ Alan Bollard, Giám đốc điều hành Ban Thư ký APEC, kinh tế sẽ tăng.",
            "Giám đốc điều hành Ban Thư ký APEC",
        ),
        ("Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh ký quyết định.", "Chủ tịch UBND tỉnh"),
        ("Nguyên Bộ trưởng Nguyễn Thị Kim Ngân dự.", "Nguyên Bộ trưởng"),
        # "chỉ đạo" as a verb goes on with the clause, not the title
        ("Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh chỉ đạo các ngành làm rõ.", "Chủ tịch UBND tỉnh"),
    ],
)
def test_a_title_is_read_whole(sentence: str, role: str) -> None:
    people = spans_of(sentence, "person")
    assert [p.role for p in people] == [role], [(p.text, p.role) for p in people]


def test_overlapping_english_keys_of_one_length_are_each_read() -> None:
    # "director of the department" and "department of overseas labour" share "department": both readings count
    _, phrases, unknown = translate_english("Who is the director of the Department of Overseas Labour?")
    assert "cục quản lý lao động ngoài nước" in phrases and "cục trưởng" in phrases
    assert unknown == []
    _, phrases, _ = translate_english("How many trade union members does Thai Binh province have?")
    assert "công đoàn" in phrases and "đoàn viên" in phrases


def test_a_vietnamese_name_in_an_english_question_is_read_whole_and_glosses_no_word() -> None:
    from answer.constraints import question_unmarked_names
    from answer.qtypes import retrieval_query

    question = "How many local labourers have stable jobs at Pham Van Hoan's farm in Dong Trieu?"
    assert question_unmarked_names(question) == ("Pham Van Hoan", "Dong Trieu")  # the possessive ends the name
    assert "xe van" not in retrieval_query(question)  # "Van" is no van
    assert "xe van" in retrieval_query("How many workers drive a van for the post office?")


def test_a_person_named_again_by_given_name_alone_is_the_person_the_question_names() -> None:
    from answer.extractive import _given_name_alone

    sentence = "Được sự tư vấn của các anh chị huyện Đoàn, Vương vay 50 triệu từ vốn vay của ngân hàng chính sách."
    assert [s.unit for s in _given_name_alone(sentence, "Phạm Văn Vương")] == [("vương",)]
    # inside another name it is not him
    assert _given_name_alone("Ông Phạm Văn Vương và ông Hoàng Vương Anh dự.", "Phạm Văn Vương") == []


def test_a_figure_said_of_a_person_by_given_name_alone_answers_a_question_naming_them_in_full() -> None:
    from answer.extractive import ExtractiveAnswerer
    from tests.answer.sample_hits import sentence_hit

    # the article names him in full past its lead (_LEAD_CHARS), then again by given name alone
    lead = (
        "Từ anh chàng đa cấp thành ông bầu bóng đá làng.\n\n"
        + "Trong cái nóng chiều oi bức của ngày hè, chúng tôi tìm đến thôn Bắc của xã ven biển. " * 8
        + "\n\nAnh Phạm Văn Vương sinh năm 1988 ở xã Phú Hải, huyện Hải Hà, từng làm đủ nghề.\n\n"
    )
    sentence = (
        "Được sự tư vấn của các anh chị huyện Đoàn, Vương vay 50 triệu từ vốn vay của ngân hàng chính sách, quyết tâm "
        "đầu tư thành một chuỗi hoạt động kinh doanh sự kiện trọn gói."
    )
    hit = sentence_hit(sentence, doc_id="a.txt", index=5, start=len(lead), title="Ông bầu bóng đá làng", context=sentence)
    answerer = ExtractiveAnswerer(article_text={"a.txt": lead + sentence}.__getitem__)
    answer = answerer.answer("Anh Phạm Văn Vương vay vốn ngân hàng chính sách bao nhiêu tiền để làm ăn?", [hit])
    assert answer.found and answer.answer.startswith("50 triệu"), answer.answer


def test_a_youth_union_named_by_its_level_is_no_person_called_doan() -> None:
    from answer.constraints import question_names

    assert question_names("Được Thị Đoàn Đông Triều hướng dẫn, giúp đỡ, năm 2010, Hoàn chuyển hướng.") == ()
    assert question_names("Huyện Đoàn Hải Hà giới thiệu anh Phạm Văn Vương.") == ("Phạm Văn Vương",)
    assert question_names("Ông Đoàn Văn Hậu phát biểu.") == ("Đoàn Văn Hậu",)


def test_an_english_question_about_one_of_the_people_an_article_profiles_reads_the_section_about_them() -> None:
    from answer.extractive import ExtractiveAnswerer
    from tests.answer.sample_hits import sentence_hit

    article = (
        "Làm giàu từ hai bàn tay trắng\n\n"
        + "Nhiều thanh niên đã không ngừng vượt khó vươn lên làm giàu từ chính mảnh đất quê hương. " * 5
        + "\n\nAnh Phạm Văn Vương ở xã Phú Hải, huyện Hải Hà mở dịch vụ sự kiện, mỗi năm thu hơn 800 triệu.\n\n"
        "Chàng thanh niên 8X Phạm Văn Hoàn, xã Bình Khê, TX Đông Triều (Quảng Ninh) làm giàu từ trang trại.\n\n"
    )
    sentence = "Cơ sở của anh giải quyết việc làm ổn định cho 5 lao động tại địa phương."
    hit = sentence_hit(
        sentence, doc_id="a.txt", index=9, start=len(article), title="Làm giàu từ hai bàn tay trắng", context=sentence
    )
    answerer = ExtractiveAnswerer(article_text={"a.txt": article + sentence}.__getitem__)
    answer = answerer.answer("How many local labourers have stable jobs at Pham Van Hoan's farm in Dong Trieu?", [hit])
    assert answer.found and answer.extracted == "5 lao động", answer.answer
    # the section is another person's: not him
    other = answerer.answer("How many local labourers have stable jobs at Pham Van Vuong's firm in Hai Ha?", [hit])
    assert not other.found, other.answer
