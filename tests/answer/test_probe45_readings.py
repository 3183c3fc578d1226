"""Readings the forty-fifth session's probe found missing: a "là ai" question asks for its subject, a number in the
set a question opens with scopes it, a ratio written against its words states its numbers, a figure counts the
subject its sentence opens with ("Số lượng X ... N"), a question's named source is told once per article, an
acronym names a body of the kind a sentence speaks of, "which costs" picks kinds, and a word of a name the
gazetteer reads is no name of its own."""

from __future__ import annotations

from answer.qtypes import analyse_question
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_who_a_la_ai_question_asks_for_is_its_subject() -> None:
    q = analyse_question("Trong số 400 điển hình tiên tiến được tôn vinh năm 2017, đại biểu lớn tuổi nhất là ai?")
    assert q.head[:2] == ("đại", "biểu"), q.head


def test_a_number_in_the_set_a_question_opens_with_does_not_locate_the_answer() -> None:
    answer = _answer(
        "Trong số 400 điển hình tiên tiến được tôn vinh năm 2017, đại biểu lớn tuổi nhất là ai?",
        "Đại biểu lớn tuổi nhất là ông Vũ Văn Thuận, 71 tuổi, nông dân tỉnh Hải Dương.",
        "Tổng Bí thư Nguyễn Phú Trọng nói: bên cạnh 400 điển hình tiên tiến còn nhiều tấm gương thầm lặng khác.",
        title="Tôn vinh 400 điển hình tiên tiến năm 2017",
    )
    assert answer.found and answer.extracted == "Vũ Văn Thuận", answer.answer


def test_a_ratio_written_against_its_words_states_its_numbers() -> None:
    from answer.extractive import _states_number

    assert _states_number("100", "với 114 trẻ trai/100 trẻ gái")
    assert not _states_number("100", "với 114 trẻ trai/1000 trẻ gái")


def test_a_figure_counts_the_subject_its_sentence_opens_with() -> None:
    answer = _answer(
        "Năm 2016 Nhật Bản có tổng cộng bao nhiêu lao động nước ngoài?",
        "Số lượng người lao động nước ngoài ở Nhật Bản bùng nổ, từ con số 910.000 người năm 2015 lên đến 1,08 triệu "
        "người năm 2016, theo số liệu do Bộ Lao động nước này công bố.",
    )
    assert answer.found and "1,08 triệu" in answer.answer, answer.answer


def test_the_source_a_question_names_is_told_once_in_the_article() -> None:
    question = (
        "Theo Quỹ phòng chống tác hại thuốc lá Việt Nam, riêng năm 2012 người dân cả nước đã tiêu tốn bao nhiêu "
        "tiền vào việc mua thuốc lá?"
    )
    sentence = "Năm 2012, người dân Việt Nam đã chi mua thuốc lá với số tiền là 22 nghìn tỷ đồng."
    lead = "Quỹ phòng chống tác hại thuốc lá Việt Nam vừa công bố số liệu về chi tiêu cho thuốc lá. "
    answer = _answer(question, sentence, article=lead)
    assert answer.found and "22 nghìn tỷ" in answer.answer, answer.answer
    # an article that never names the source lacks its words
    assert not _answer(question, sentence, article="Người dân chi nhiều tiền cho thuốc lá. ").found


def test_an_acronym_names_a_body_of_the_kind_its_sentence_speaks_of() -> None:
    from answer.knowledge.asked_bodies import names_another_body

    q = analyse_question("Which company offered to build social housing for workers near the city?")
    assert q.asked_bodies is not None
    assert names_another_body(q.asked_bodies, q.text, "Chưa doanh nghiệp nào lên tiếng, ngoại trừ Becamex IDC hứa kết nối.")
    assert not names_another_body(q.asked_bodies, q.text, "Trường đại học nào cũng lên tiếng, trừ ĐHQG.")


def test_which_costs_picks_kinds_of_cost_not_an_amount() -> None:
    q = analyse_question("Which rising labour costs did the VCCI chairman say could weaken foreign firms?")
    assert q.answer_type != "quantity"
    assert analyse_question("What monthly rent do the workers pay?").answer_type == "quantity"


def test_a_word_of_a_name_the_gazetteer_reads_is_no_name_of_its_own() -> None:
    q = analyse_question("What was the number of the decision of the Ministry of Posts and Telematics in 2007?")
    assert "Telematics" not in q.english_names
    assert "Pouchen" in analyse_question("How many workers does Pouchen employ in Dong Nai?").english_names


def test_a_figure_after_tong_so_or_con_so_is_a_count_and_after_cong_van_so_or_trong_so_a_label() -> None:
    from answer.extract import spans_of

    def counted(sentence: str) -> list[str]:
        return [s.text for s in spans_of(sentence, "quantity")]

    assert counted("Có khoảng 93% trong tổng số 21.000 công nhân của công ty có mặt.") == ["21.000 công nhân"]
    assert counted("Tăng từ con số 910.000 người năm 2015.") == ["910.000 người"]
    assert counted("Theo công văn số 15 có 40 doanh nghiệp phải báo cáo.") == ["40 doanh nghiệp"]
    # the whole a part is counted of is no count of its own: "4 trong số 5 bệnh nhân đã tử vong"
    assert counted("4 trong số 5 bệnh nhân đã tử vong.") == ["4"]


def test_a_bodys_words_inside_a_name_the_gazetteer_reads_are_no_unread_body() -> None:
    from answer.extractive import _unread_english_body

    read = analyse_question("Who headed the National Academy of Public Administration until he retired in 2014?")
    assert _unread_english_body(read) is None
    unread = analyse_question("What did the Vietnam Cooperative Alliance propose for the minimum wage?")
    assert _unread_english_body(unread) is not None


def test_an_english_question_about_the_labour_institute_searches_its_vietnamese_name() -> None:
    from answer.qtypes import retrieval_query

    query = retrieval_query("Who heads the Institute of Labour Science and Social Affairs under MOLISA?")
    assert "viện khoa học lao động và xã hội" in query


def test_a_title_goes_on_through_the_name_of_a_body_the_gazetteer_reads() -> None:
    from answer.extract import spans_of

    def roles(sentence: str) -> list[str]:
        return [p.role for p in spans_of(sentence, "person")]

    assert roles("Ông Đào Quang Vinh, Viện trưởng Viện Khoa học Lao động và Xã hội, Bộ LĐ-TB&XH cho rằng: An sinh.") == [
        "Viện trưởng Viện Khoa học Lao động và Xã hội"
    ]
    assert roles("Ông Doãn Mậu Diệp, Thứ trưởng Bộ Lao động - Thương binh và Xã hội cho biết.") == [
        "Thứ trưởng Bộ Lao động - Thương binh và Xã hội"
    ]
    assert roles("Ông Tống Hải Nam – Phó Cục trưởng Cục Quản lý lao động ngoài nước (Bộ LĐTBXH) cho biết.") == [
        "Phó Cục trưởng Cục Quản lý lao động ngoài nước"
    ]


def test_a_sentence_naming_no_district_or_commune_does_not_say_which() -> None:
    question = "Dự án nhà ở xã hội cho công nhân TP HCM sẽ được xây tại quận, huyện nào?"
    topic = "Dự án nhà ở xã hội cho công nhân TP HCM sẽ được xây dựng sớm theo chỉ đạo của Bí thư Thăng."
    assert not _answer(question, topic).found
    answer = _answer(question, "Dự án nhà ở xã hội cho công nhân TP HCM sẽ được xây tại huyện Củ Chi.")
    assert answer.found and "Củ Chi" in answer.answer, answer.answer


def test_an_interest_rate_that_qualifies_a_loan_leaves_the_question_asking_the_loans_size() -> None:
    asked = analyse_question("Ngân hàng Nhà nước tăng quy mô gói vay lãi suất thấp cho nông nghiệp lên mức bao nhiêu?")
    assert asked.answer_type == "quantity" and asked.money
    assert analyse_question("Lãi suất cho vay hộ nghèo hiện nay là bao nhiêu?").answer_type == "percentage"


def test_a_stop_word_inside_a_known_unit_does_not_end_the_counted_noun() -> None:
    from answer.extract import spans_of

    assert [s.text for s in spans_of("Họ sẽ tạo ra 50 ngàn việc làm cho Mỹ.", "quantity")] == ["50 ngàn việc làm"]
    assert [s.text for s in spans_of("Có 300 công nhân làm việc tại nhà máy.", "quantity")] == ["300 công nhân"]


def test_a_country_the_question_names_by_another_name_is_no_other_country() -> None:
    from answer.extractive import _states_another_place

    sentence = "Một doanh nghiệp Nhật Bản sẽ tạo ra 50 ngàn việc làm cho Mỹ, Jack Ma đang cống nạp cho Hoa Kỳ."
    assert not _states_another_place("Trung Quốc", sentence, ("Trung Quốc", "Nhật Bản", "Mỹ"))
    assert _states_another_place("Trung Quốc", sentence, ("Trung Quốc", "Nhật Bản"))


def test_the_district_a_commune_is_named_with_is_its_address_not_a_pin() -> None:
    question = "Xã Phổ Cường, huyện Đức Phổ, Quảng Ngãi có khoảng bao nhiêu người trong độ tuổi lao động đi làm ăn xa?"
    lead = "Người dân xã Phổ Cường (Quảng Ngãi) rời quê đi bán hủ tiếu. "
    answer = _answer(question, "Toàn xã Phổ Cường có khoảng 2.800 người trong độ tuổi lao động phải tha phương mưu sinh.", article=lead)
    assert answer.found and "2.800" in answer.answer, answer.answer


def test_len_muc_nao_asks_the_level_a_figure_went_to() -> None:
    assert analyse_question("Fed nâng dự báo tăng trưởng GDP năm 2017 của Mỹ lên mức nào?").answer_type == "quantity"
    assert analyse_question("Tỷ lệ thất nghiệp của Mỹ đã nhích lên mức nào?").answer_type == "percentage"
    # "ở mức nào", "đến mức nào" may ask how good or bad
    assert analyse_question("Thể lực của thanh niên Việt Nam đang ở mức nào?").answer_type == "sentence"
    assert analyse_question("Tình trạng của bệnh nhân tệ đến mức nào?").answer_type == "sentence"


def test_a_name_after_a_province_whose_first_word_is_a_surname_is_read() -> None:
    from answer.extract import spans_of

    def people(sentence: str) -> list[tuple[str, str]]:
        return [(" ".join(p.unit), p.role) for p in spans_of(sentence, "person")]

    assert people("Phó Chủ tịch UBND TP Thái Bình Phạm Văn Xuyên đã ký quyết định.") == [
        ("phạm văn xuyên", "Phó Chủ tịch UBND TP Thái Bình")
    ]
    assert people("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung cho biết.") == [("nguyễn đức chung", "Chủ tịch UBND TP Hà Nội")]
    assert people("Ông Hà Văn Nam cho biết.") == [("hà văn nam", "")]


def test_a_persons_administration_is_a_chinh_quyen() -> None:
    from answer.extractive import _names_the_asked_kind

    assert _names_the_asked_kind("the Trump administration", "Chính quyền của ông Trump đã lên tiếng về chương trình này.")
