"""English questions over Vietnamese articles: how the question is read (its counted noun, its numbers, the people it
only sets the scene with) and which evidence may answer it."""

from __future__ import annotations

from answer.extractive import ExtractiveAnswerer, _can_hold, _english_numbers, _in_time_clause, _states_number
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.units import counted_unit
from answer.qtypes import analyse_question
from index.models import Hit


def test_millions_written_out_state_the_questions_number() -> None:
    # "fines of 20 to 50 million dong" is "Phạt tiền từ 20.000.000 đồng - 50.000.000 đồng"
    fine = "Phạt tiền từ 20.000.000 đồng - 50.000.000 đồng đối với hành vi sử dụng bất hợp pháp hóa đơn."
    assert _states_number("20", fine) and _states_number("50", fine)
    assert not _states_number("20", "Có 20.000 người tham gia.")  # thousands are written by the question itself
    assert not _states_number("30", fine)


def test_a_ministrys_code_after_a_document_kind_names_the_ministry() -> None:
    gazetteer = Gazetteer.load()
    named = [m.entity_id for m in gazetteer.mentions("Tại thông tư số 10/2014/TT-BTC hướng dẫn xử phạt vi phạm")]
    assert named == ["min.finance"]
    assert [m.entity_id for m in gazetteer.mentions("Thông tư 15/2015/TT-BCA")] == ["min.public_security"]
    assert gazetteer.mentions("BTC giải chạy đã trao giải") == []  # a bare "BTC" is as often "Ban tổ chức"


def test_how_many_after_a_leading_clause_counts_its_own_noun() -> None:
    question = (
        "When HCMC Party Secretary Đinh La Thăng questioned District 2 police in February 2017, how many police "
        "officers did the district have, including ward forces?"
    )
    assert counted_unit(question) == "police_officer"
    assert analyse_question(question).unit == ("chiến", "sĩ")
    assert counted_unit("How many teachers received rent support?") == "teacher"


def test_a_person_in_a_leading_when_clause_only_sets_the_scene() -> None:
    question = "When Party Secretary Đinh La Thăng questioned the district police, how many officers did it have?"
    assert _in_time_clause(question, "Đinh La Thăng")
    # named where the question asks, the person is whose fact it is
    assert not _in_time_clause("How many officers did Đinh La Thăng say the district had?", "Đinh La Thăng")
    assert not _in_time_clause(
        "When Đinh La Thăng visited, how many officers did Đinh La Thăng say it had?", "Đinh La Thăng"
    )


def test_a_quoted_question_holds_no_figure() -> None:
    q = analyse_question("How many police officers did District 2 have?")
    assert not _can_hold(q, "Bí thư hỏi đại diện Công an Quận 2: “Hiện quận có bao nhiêu chiến sĩ công an?”.")
    assert _can_hold(q, "Ông Hiếu cho biết, hiện trên địa bàn có 500 chiến sĩ kể cả lực lượng các phường.")


def test_a_day_range_is_no_number_the_evidence_must_state() -> None:
    question = "In which French city will the 22nd World Electronics Forum be held from 24 to 28 October 2017?"
    assert _english_numbers(question) == []
    assert _english_numbers("How many of the 3,000 workers earned from 24 to 28 million dong?") == ["3.000", "24", "28"]


def test_which_with_a_modifier_before_the_place_noun_asks_for_a_place() -> None:
    assert analyse_question("In which French city will the forum be held?").answer_type == "place"
    assert analyse_question("Which coastal province had the most workers?").answer_type == "place"


def test_which_country_is_answered_by_a_sentence_naming_one() -> None:
    headline = "Vụ giết vợ, mẹ vợ ở Đồng Nai: Vì không cản được vợ đi xuất khẩu lao động"
    told = (
        "Sáng nay, bà Phạm Thị Kiều (36 tuổi, vợ ông Dũng) gọi taxi để di chuyển tới sân bay Tân Sơn Nhất tiếp tục đi "
        "xuất khẩu lao động sang Malaysia."
    )
    held = (
        "Công an tỉnh Đồng Nai đang tạm giữ Nguyễn Ngọc Dũng (51 tuổi, ngụ xã Phú Hữu, huyện Nhơn Trạch, Đồng Nai) để "
        "điều tra về hành vi Giết người."
    )
    text = f"{headline}\n{told} {held}"
    start = len(headline) + 1
    hits = [
        Hit("dn", 0, 0, len(headline), headline, "dn#c0", 1.0, context=text),
        Hit("dn", 1, start, start + len(told), told, "dn#c0", 0.9, context=text),
        Hit("dn", 2, start + len(told) + 1, len(text), held, "dn#c0", 0.8, context=text),
    ]
    question = (
        "In the June 2017 case in Nhon Trach, Dong Nai, where a man killed his wife and mother-in-law, which country "
        "was the wife, Phạm Thị Kiều, working in as a migrant worker?"
    )
    # (which sentence answers is tested here, not the confidence floor, calibrated on whole articles)
    answer = ExtractiveAnswerer(min_confidence=0.0).answer(question, hits)
    assert answer.found and answer.extracted == "Malaysia", answer.answer


def test_a_hospital_an_english_question_names_pins_its_own_words() -> None:
    assert analyse_question("According to Chợ Rẫy Hospital, what percentage of patients smoke?").bodies == (("Chợ", "Rẫy"),)
    assert analyse_question("According to K Hospital statistics, what percentage of patients smoke?").bodies == (("K",),)
    # English words, places and acronyms are written otherwise by the press: no pin
    assert analyse_question("Why was a doctor at the Vietnam Sports Hospital assaulted?").bodies == ()
    assert analyse_question("What did Hoa Binh General Hospital report?").bodies == ()


def test_another_hospitals_figure_answers_no_question_about_this_one() -> None:
    sentence = "Theo thống kê của Bệnh viện K, tỷ lệ bệnh nhân ung thư phổi có hút thuốc là 96,8%."
    hits = [Hit("k", 0, 0, len(sentence), sentence, "k#c0", 1.0, context=sentence)]
    answer = ExtractiveAnswerer().answer("According to Chợ Rẫy Hospital, what percentage of lung cancer patients are smokers?", hits)
    assert not answer.found, answer.answer


def test_how_much_of_a_substance_or_a_comparative_asks_no_money() -> None:
    assert not analyse_question("How much water does an average person need to drink per day?").money
    assert not analyse_question("How much cooler were the underpasses than the ground above?").money
    assert analyse_question("How much did the company pay each worker?").money
    assert analyse_question("How much support did each worker receive?").money


def test_until_what_date_is_answered_by_the_day_a_period_runs_to() -> None:
    reported = (
        "Theo dự báo của Trung tâm Khí tượng Thủy văn Trung ương, trong ngày 2/6, nhiệt độ Hải Phòng gần chạm ngưỡng "
        "trên 36 độ C."
    )
    until = "Từ hôm nay đến ngày 5/6, vùng áp thấp nóng phía Tây sẽ tiếp tục mở rộng nên nắng nóng gay gắt sẽ tiếp diễn."
    text = f"{reported} {until}"
    hits = [
        Hit("hp", 0, 0, len(reported), reported, "hp#c0", 1.0, context=text),
        Hit("hp", 1, len(reported) + 1, len(text), until, "hp#c0", 0.9, context=text),
    ]
    question = "During the early June 2017 heatwave in Hải Phòng, until what date was the intense heat forecast to continue?"
    answer = ExtractiveAnswerer(min_confidence=0.0).answer(question, hits)
    assert answer.found and "5/6" in answer.answer.split("\n")[0] and "2/6" not in answer.answer.split("\n")[0], answer.answer


def test_how_old_asks_for_an_age() -> None:
    q = analyse_question("How old is Nguyen Thi Huyen?")
    assert (q.answer_type, q.unit) == ("quantity", ("tuổi",))


def test_how_much_a_named_rate_moved_asks_for_a_percentage() -> None:
    assert analyse_question("How much did the US unemployment rate rise to?").answer_type == "percentage"
    assert analyse_question("How much did the province spend on rent support?").answer_type == "quantity"
