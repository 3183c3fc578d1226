"""Readings the fifty-second session's blind probe found missing: an amount asked in one currency is not stated by a
sentence that gives money only in another, a plan for later years told at an event of the asked year does not
contradict it for who spoke there, a body whose name goes on in lower case is told by the short name in brackets, a
birth date dates no other event, a place is shown without the gazetteer's matching marks, the year a change starts
from is the base figure's, a head's title that writes the body's kind once names the body, "30m2" states 30, a name
before a comma and a clause is no list, and a known body of a place is no unknown body."""

from __future__ import annotations

from answer.constraints import is_birth_year, reported_in, sentence_years
from answer.english_figures import place_in_english
from answer.extract import quantity_spans
from answer.extractive import (
    ExtractiveAnswerer,
    _a_listed_names_figure,
    _names_body,
    _states_money_only_in_another_currency,
    _states_number,
    _unread_english_body,
)
from answer.knowledge.asked_bodies import asked_body_kinds, names_another_body
from answer.knowledge.gazetteer import Gazetteer
from answer.qtypes import analyse_question
from tests.answer.sample_hits import answer_over_one_article, sentence_hit

_answer = answer_over_one_article

_BENCHMARK = (
    "Theo Nghị định số 70/2017/NĐ-CP của Chính phủ, mức chuẩn để xác định các mức trợ cấp, phụ cấp ưu đãi đối với "
    "người có công với cách mạng được tăng từ 1.318.000 đồng lên 1.417.000 đồng."
)


def test_money_asked_in_one_currency_is_not_stated_in_another() -> None:
    assert _states_money_only_in_another_currency("usd", _BENCHMARK)
    assert not _states_money_only_in_another_currency("vnd", _BENCHMARK)
    # a sentence with no money at all is not ruled out by it
    assert not _states_money_only_in_another_currency("usd", "Nghị định 70/2017 tăng mức chuẩn trợ cấp ưu đãi.")
    assert not _states_money_only_in_another_currency("usd", "Vốn đầu tư 2 triệu USD, tương đương 45 tỷ đồng.")
    question = "In US dollars, what is the new benchmark for allowances to people with meritorious services under Decree 70/2017?"
    assert not _answer(question, _BENCHMARK).found
    answer = _answer("What is the new benchmark for allowances to people with meritorious services under Decree 70/2017?", _BENCHMARK)
    assert answer.found and "1.417.000" in answer.answer, answer.answer


_CONFERENCE = "Ngày 15/5/2017, tại Cao Bằng, Bộ Y tế đã tổ chức Hội nghị cung cấp thông tin y tế năm 2017."
_PLAN = (
    "Tại Hội nghị ông Phan Văn Toàn, Phó Vụ trưởng Vụ Bảo hiểm y tế, Bộ Y tế cho biết, năm 2018 mức đóng BHYT vẫn "
    "giữ nguyên song từ năm 2019 mức đóng với nhóm đối tượng do ngân sách nhà nước hỗ trợ sẽ tăng."
)


def test_a_plan_for_later_years_is_reported_in_the_year_of_its_event() -> None:
    reported = reported_in(_PLAN, f"{_CONFERENCE} {_PLAN}")
    assert reported is not None and 2017 in reported.years
    # a sentence that names the event's year, or an earlier one, is not re-dated
    assert reported_in("Năm 2016, mức đóng BHYT là 4,5%.", f"{_CONFERENCE} Năm 2016, mức đóng BHYT là 4,5%.") is None
    # nor one with nothing before it that names a year
    assert reported_in(_PLAN, _PLAN) is None


def test_who_spoke_at_an_event_of_the_asked_year_may_tell_a_plan_for_later_years() -> None:
    context = f"{_CONFERENCE} {_PLAN}"
    hits = [sentence_hit(_PLAN, doc_id="a.txt", context=context, title="Dự kiến tăng mức đóng bảo hiểm y tế")]
    answerer = ExtractiveAnswerer(article_text={"a.txt": context}.__getitem__)
    answer = answerer.answer("Tại hội nghị tháng 5/2017 ở Cao Bằng, ai là Phó Vụ trưởng Vụ Bảo hiểm y tế?", hits)
    assert answer.found and "Phan Văn Toàn" in (answer.extracted or ""), answer.answer
    # a figure of a later year is another figure than the asked year's
    answer = answerer.answer("Năm 2017, mức đóng BHYT với nhóm đối tượng do ngân sách hỗ trợ là bao nhiêu phần trăm?", hits)
    assert not answer.found, answer.answer


def test_a_body_named_in_lower_case_is_told_by_its_short_name_in_brackets() -> None:
    question = "Ba thuyền viên bị cướp biển Somalia bắt giữ là lao động của tổng công ty nào?"
    kinds = asked_body_kinds(question, "vi")
    assert kinds is not None
    sentence = (
        "Bộ LĐTB&XH hỗ trợ rủi ro đối với 3 lao động của Tổng công ty Công nghiệp ô tô - CTCP (Vinamotor) bị cướp "
        "biển bắt giữ."
    )
    assert names_another_body(kinds, question, sentence)
    # brackets that hold no name, or the question's own body, tell no other body
    assert not names_another_body(kinds, question, "Hỗ trợ 3 thuyền viên bị cướp biển Somalia bắt giữ (ảnh minh họa).")
    asked = "Tổng công ty Công nghiệp ô tô (Vinamotor) có bao nhiêu thuyền viên bị bắt giữ, theo tổng công ty nào?"
    assert not names_another_body(kinds, asked, sentence)


def test_a_birth_date_dates_no_other_event() -> None:
    sentence = (
        "BHXH TP Hà Nội đã chỉ đạo BHXH quận Thanh Xuân kiểm tra chế độ thai sản đối với bà Nguyễn Thị Huyền, sinh "
        "ngày 11/6/1989, làm việc tại Công ty Thành Phú."
    )
    assert is_birth_year(sentence, sentence.index("11/6/1989"))
    assert not is_birth_year("Ngày 19/7/2016 BHXH quận Thanh Xuân đã duyệt hồ sơ.", 5)
    answer = _answer(
        "BHXH quận Thanh Xuân duyệt chế độ thai sản cho bà Nguyễn Thị Huyền vào ngày nào?",
        sentence,
        "Ngày 19/7/2016 BHXH quận Thanh Xuân đã duyệt và chuyển tiền thai sản của bà Nguyễn Thị Huyền.",
    )
    assert answer.found and answer.extracted == "19/7/2016", answer.answer
    answer = _answer("Bà Nguyễn Thị Huyền sinh ngày nào?", sentence)
    assert answer.found and answer.extracted == "11/6/1989", answer.answer


def test_a_place_is_shown_without_the_gazetteers_matching_marks() -> None:
    entity = Gazetteer.load().entities["prov.thai_binh"]
    assert entity.aliases_en == ("Thai Binh",)
    assert place_in_english("Thái Bình") == "Thai Binh"
    # the mark still matches as written: exact case
    assert [m.entity_id for m in Gazetteer.load().mentions("Thai Binh")] == ["prov.thai_binh"]


def test_the_year_a_change_starts_from_is_the_base_figures() -> None:
    rise = "Trong khi đó, lương bình quân của tiếp viên tăng từ 23 triệu đồng/tháng năm 2015 lên 25,5 triệu đồng/tháng."
    assert sentence_years(rise) == []
    assert sentence_years("Số hộ nghèo giảm từ 5.000 hộ năm 2015 xuống còn 3.000 hộ.") == []
    assert sentence_years("Average pay rose from 23 million in 2015 to 25.5 million.") == []
    # the year the result is of still counts, and a span of years is no change
    assert sentence_years("Lương tăng từ 23 triệu năm 2015 lên 25 triệu năm 2016.") == [2016]
    assert sentence_years("Từ năm 2015 đến năm 2017, tỉnh có 300 lao động.") == [2015, 2017]
    answer = _answer(
        "Năm 2016, lương bình quân của tiếp viên là bao nhiêu?",
        "Trong năm 2016, tổng quỹ lương của hãng tăng 5,6%.",
        rise,
    )
    assert answer.found and "25,5 triệu" in (answer.extracted or ""), answer.answer


def test_a_heads_title_that_writes_the_bodys_kind_once_names_the_body() -> None:
    said = "Trao đổi với báo chí, Cục trưởng An toàn Lao Động Hà Tất Thắng cho biết, người lao động nghỉ 1 ngày."
    assert _names_body("org.work_safety_dept", said)
    assert _names_body("org.work_safety_dept", "Cục trưởng Cục An toàn lao động cho biết.")
    assert not _names_body("org.work_safety_dept", "Cục trưởng Cục Việc làm cho biết.")


def test_a_name_before_a_comma_and_a_clause_is_no_list() -> None:
    opening = "Ngoài ra, sau 10 năm gia nhập WTO, Việt Nam đã thu hút hơn 22.000 dự án FDI với tổng vốn gần 300 tỷ USD."
    span = next(s for s in quantity_spans(opening) if "22.000" in s.text)
    assert not _a_listed_names_figure("WTO", opening, span)
    for listed in ("5 doanh nghiệp (gồm Viettel, VNPT, Mobifone) đạt 417.335 tỷ đồng.", "Gồm Viettel, VNPT và Mobifone đạt 417.335 tỷ đồng."):
        span = next(s for s in quantity_spans(listed) if "417.335" in s.text)
        assert _a_listed_names_figure("Viettel", listed, span), listed


def test_a_known_body_of_a_place_is_read_not_pinned_as_an_unknown_body() -> None:
    asked = "Who chairs the People's Committee of Tam Lanh commune, where the Bong Mieu gold mine is located?"
    assert _unread_english_body(analyse_question(asked)) is None
    assert _unread_english_body(analyse_question("What did the People's Committee of Hanoi decide?")) is None
    # a body the tables do not read stays pinned, and so does one of a company named after a province
    assert _unread_english_body(analyse_question("What did the Vietnam Cooperative Alliance propose?")) == "Vietnam Cooperative Alliance"
    company = _unread_english_body(analyse_question("What did the Trade Union of Hoa Binh Company say?"))
    assert company == "Trade Union of Hoa Binh Company"


def test_a_figure_written_against_a_unit_with_a_digit_states_it() -> None:
    assert _states_number("30", "Các căn hộ rộng 30m2 được bán với giá chỉ 90-150 triệu đồng.")
    assert _states_number("31", "Đoạn đê dài 31m bị sạt lở.")
    assert not _states_number("30", "Các căn hộ rộng 300m2 được bán.")
    assert not _states_number("30", "Ngày 30/4 người lao động được nghỉ.")


def test_a_wrong_year_reason_names_the_figures_own_year() -> None:
    # the sentence's own year is the asked one ("trong năm 2016"); its only figure is 2015's, which the reason names
    answer = _answer(
        "Năm 2016 công ty có bao nhiêu lao động?",
        "Số lao động của công ty giảm từ mức 44.948 người năm 2015, xuống thấp nhất trong năm 2016.",
    )
    assert not answer.found
    assert "chỉ có số liệu năm 2015" in answer.answer and "năm 2015, 2016" not in answer.answer, answer.answer
