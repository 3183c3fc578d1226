"""Readings the forty-ninth session's blind probe found missing: a district's number is no figure, GDP per capita is
money counted per person (not a count of persons), a name after a clause's comma is not listed, an acronym may spell a
name the question writes, and an English index named after an administration is no body."""

from __future__ import annotations

from answer.extract import spans_of
from answer.extractive import (
    _ASKS,
    _a_listed_names_figure,
    _name_initials,
    _unread_english_body,
    _writes_a_loose_figure,
)
from answer.qtypes import analyse_question
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_a_districts_number_is_no_figure() -> None:
    assert not _writes_a_loose_figure("Trở lại tuyến đường Hai Bà Trưng (quận 1, TPHCM), xe đậu trên vỉa hè.")
    assert not _writes_a_loose_figure("Theo Nghị quyết số 154/NQ-CP, người dân ở phường 12 và Q.3 được hỗ trợ.")
    assert _writes_a_loose_figure("Quận 1 đã dẹp 35 điểm lấn chiếm vỉa hè.")
    answer = _answer(
        "How many street vendors' stalls were removed from sidewalks in Ho Chi Minh City during the 2017 clearance "
        "campaign?",
        "Trở lại tuyến đường Hai Bà Trưng (quận 1, TPHCM), hình ảnh xe ô tô đậu trên vỉa hè, hàng hóa người dân bày "
        "bán chiếm vỉa hè đang diễn ra tràn lan.",
    )
    assert not answer.found, answer.answer


def test_gdp_per_capita_is_money_not_a_count_of_persons() -> None:
    asked = analyse_question("GDP bình quân đầu người của Việt Nam năm 2016 đạt mức bao nhiêu?")
    assert asked.money and asked.counted is None and asked.unit == ()
    assert analyse_question("What was Vietnam's GDP per capita in 2016?").money
    assert analyse_question("What was Vietnam's GDP per capita in 2016?").answer_type == "quantity"
    # GDP itself is most often asked as a growth rate, not money
    assert not analyse_question("GDP năm 2017 lên mức nào?").money
    # a count of persons is still one
    assert analyse_question("Bao nhiêu người được hỗ trợ năm 2016?").counted == "person"
    # a growth rate is still a rate
    assert analyse_question("Tốc độ tăng trưởng GDP năm 2016 là bao nhiêu?").answer_type == "percentage"
    evidence = "GDP bình quân đầu người tăng từ 730 USD vào năm 2006 lên 2.228 USD vào năm 2015 và đạt 2.445 USD vào năm 2016."
    for question in ("GDP bình quân đầu người của Việt Nam năm 2016 đạt mức bao nhiêu?", "What was Vietnam's GDP per capita in 2016?"):
        answer = _answer(question, evidence)
        assert answer.found and answer.extracted == "2.445 USD", (question, answer.answer)


def test_a_name_after_a_clauses_comma_is_not_listed() -> None:
    sentence = "Sau khi tiếp quản nhà máy đóng tàu Dung Quất, PVN thực hiện tái cơ cấu, tinh gọn bộ máy DQS từ 2.500 người xuống còn 1.000 người."
    span = next(s for s in spans_of(sentence, "quantity") if s.text.startswith("2.500"))
    assert not _a_listed_names_figure("PVN", sentence, span)
    listed = "5 doanh nghiệp (gồm Viettel, VNPT, Mobifone) đạt 417.335 tỷ đồng."
    total = spans_of(listed, "quantity")[-1]
    assert _a_listed_names_figure("Viettel", listed, total) and _a_listed_names_figure("VNPT", listed, total)
    assert _a_listed_names_figure("Mobifone", listed, total)


def test_an_acronym_may_spell_a_name_the_question_writes() -> None:
    assert _name_initials("Công ty Công nghiệp tàu thủy Dung Quất ở Đà Nẵng có bao nhiêu người?") == {"DQ", "DN"}
    answer = _answer(
        "Trước khi PVN tái cơ cấu, tinh gọn bộ máy, Công ty Công nghiệp tàu thủy Dung Quất có bao nhiêu người?",
        "Sau khi tiếp quản nhà máy đóng tàu Dung Quất, PVN thực hiện tái cơ cấu, tinh gọn bộ máy DQS từ 2.500 người "
        "xuống còn 1.000 người.",
        title="Phương án cho Công ty Công nghiệp tàu thủy Dung Quất",
    )
    assert answer.found and answer.extracted == "2.500 người", answer.answer
    # an acronym of another body still contradicts: FPT's recruits are not Viettel's
    other = _answer(
        "Tập đoàn Viettel cần tuyển bao nhiêu người mỗi năm?",
        "Mỗi năm nhu cầu của FPT cần tuyển tới 5.000 người.",
        title="Viettel và các doanh nghiệp viễn thông tuyển dụng",
    )
    assert not other.found, other.answer


def test_an_index_named_after_an_administration_is_no_body() -> None:
    asked = "What score did the Ministry of Labour receive in the 2016 Public Administration Reform Index?"
    assert _unread_english_body(analyse_question(asked)) is None
    assert _unread_english_body(analyse_question("How many members does the Vietnam Cooperative Alliance have?")) == (
        "Vietnam Cooperative Alliance"
    )
    # a possessive ends the body's name, or opens it
    assert _unread_english_body(analyse_question("How many members did the Vietnam Cooperative Alliance's congress elect?")) == (
        "Vietnam Cooperative Alliance"
    )
    assert _unread_english_body(analyse_question("According to Japan's Ministry of Labour, how many people died?")) is None
    assert _unread_english_body(analyse_question("How many people were cheated by Phung Huu Son's company?")) == "company"


def test_a_sentence_that_asks_answers_nothing_as_a_whole() -> None:
    asked = "Which economist argued that traditional taxi firms have only themselves to blame for losing ground to Uber?"
    interview = "- Ông đánh giá thế nào về cuộc cạnh tranh giữa taxi truyền thống và ứng dụng gọi xe Grab, Uber hiện nay?"
    answer = _answer(asked, interview, "TS Đinh Thế Hiển cho rằng taxi truyền thống mất thị phần vì chính mình.")
    assert interview not in answer.answer, answer.answer
    # "(?!)" is surprise, no question; a quoted question still asks
    assert not _ASKS.search("Ngành chức năng phát hiện hồ sơ này đã bị thất lạc (?!)...")
    assert _ASKS.search("Ông hỏi: “Vì sao lại thế?”")


def test_at_what_age_asks_an_age() -> None:
    for question in ("According to the Ministry of Finance, at what age do Vietnamese people retire on average?", "How old is Nguyen Thi Huyen?"):
        asked = analyse_question(question)
        assert asked.answer_type == "quantity" and asked.unit == ("tuổi",), question
    # the press states a retirement age bare ("nữ tăng lên 62,5"): a sentence may answer "what was the retirement age"
    assert analyse_question("What was the retirement age for women in 2002?").unit != ("tuổi",)
    answer = _answer(
        "According to the Ministry of Finance, at what age do Vietnamese people retire on average?",
        "Theo Bộ Tài chính, tuổi nghỉ hưu ở Việt Nam thấp so với thế giới (bình quân 54 tuổi).",
    )
    assert answer.found and answer.extracted == "54 tuổi", answer.answer


def test_a_name_shortened_to_its_initial_is_whole() -> None:
    sentence = "Công an giải cứu một cô gái khác tên Nguyễn Thị H. (SN 1991, quê tỉnh Tây Ninh) và anh Trần Văn Nam."
    assert [s.text for s in spans_of(sentence, "person")] == ["Nguyễn Thị H.", "Trần Văn Nam"]


def test_an_owner_or_a_post_whose_name_is_asked_is_a_person() -> None:
    for question in (
        "Chủ cơ sở massage ở phường Tân Đông Hiệp tên là gì?",
        "Chủ tịch UBND huyện Minh Hóa bị tố nhận con cháu vào làm việc tên là gì?",
    ):
        assert analyse_question(question).answer_type == "person", question
    # an investor is mostly a company; a programme is no one
    for question in ("Chủ đầu tư dự án tên là gì?", "Chương trình hỗ trợ này tên là gì?"):
        assert analyse_question(question).answer_type != "person", question
    answer = _answer(
        "Chủ tịch UBND huyện Minh Hóa bị tố nhận con cháu vào làm việc tên là gì?",
        "Trong 1 năm có đến 6 con, cháu của Chủ tịch huyện Minh Hóa được nhận vào làm việc tại các cơ quan trong huyện.",
    )
    assert not answer.found, answer.answer


def test_a_distance_asked_is_a_figure() -> None:
    for question in (
        "What total distance did the painter Dang Ai Viet cover on her old Chaly motorbike?",
        "How far did she travel?",
        "What is the length of the new bridge?",
    ):
        assert analyse_question(question).answer_type == "quantity", question
    answer = _answer(
        "What total distance did the painter Dang Ai Viet cover on her old Chaly motorbike?",
        "Với chiếc xe máy Chaly cũ kỹ, họa sỹ Đặng Ái Việt đã rong ruổi khắp đất nước với tổng quãng đường 35.000 km.",
    )
    assert answer.found and "35.000 km" in answer.answer, answer.answer


def test_delegates_are_counted_whole_before_a_name() -> None:
    spans = spans_of("Hơn 200 đại biểu APEC đã tham dự các hoạt động của Nhóm Đối tác.", "quantity")
    assert [s.unit[:2] for s in spans] == [("đại", "biểu")], spans
    assert analyse_question("How many delegates attended the plenary in Hanoi?").counted == "delegate"


def test_heroic_mothers_are_counted_whole() -> None:
    spans = spans_of("Hiện nay, hơn 200 Mẹ Việt Nam anh hùng còn sống của tỉnh.", "quantity")
    assert [s.text for s in spans] == ["hơn 200 Mẹ Việt Nam anh hùng"], spans
    assert analyse_question("How many Vietnamese Heroic Mothers are still alive in Vinh Long?").counted == "heroic_mother"
