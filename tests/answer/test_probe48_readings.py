"""Readings the forty-eighth session's blind probe found missing: a count written as a part of its whole ("221/225 thủ
tục"), what "số" counts in a question that closes with "là bao nhiêu", a currency's country named as no place asked
about, a speaker the question cites quoted far from their name, and "how much ... weigh" asking no money."""

from __future__ import annotations

from answer.constraints import question_places
from answer.extract import spans_of
from answer.extractive import ExtractiveAnswerer
from answer.knowledge.units import counted_unit
from answer.qtypes import analyse_question
from tests.answer.sample_hits import answer_over_one_article, sentence_hit

_answer = answer_over_one_article


def test_a_count_written_as_a_part_of_its_whole() -> None:
    spans = spans_of("Bộ Y tế đã hoàn thành việc đơn giản hóa 221/225 thủ tục hành chính (đạt 98,22%).", "quantity")
    assert [(s.text.split()[0], s.value) for s in spans] == [("221/225", 221.0)], spans
    # a day and month, a month and year, or a pair with no counted noun is no count
    assert not spans_of("Ngày 7/12 công nhân được nghỉ.", "quantity")
    assert not spans_of("Với 410/442 (chiếm 83,50%) số đại biểu có mặt, Quốc hội thông qua luật.", "quantity")
    assert [s.text for s in spans_of("Trong tháng 5/2017 có 30 người nghỉ việc.", "quantity")] == ["30 người"]
    answer = _answer(
        "Theo Chủ tịch Quốc hội, tài chính toàn diện được đề cập trong bao nhiêu mục tiêu phát triển bền vững?",
        "Tài chính toàn diện được đề cập trong nhiều nội dung của Mục tiêu phát triển bền vững (7/17 mục tiêu).",
    )
    assert answer.found and "7/17" in answer.answer, answer.answer


def test_what_so_counts_in_a_question_closing_with_bao_nhieu() -> None:
    asked = (
        "Theo Luật Hỗ trợ doanh nghiệp nhỏ và vừa, số lao động tham gia bảo hiểm xã hội tối đa của một doanh nghiệp "
        "nhỏ và vừa là bao nhiêu?"
    )
    assert counted_unit(asked) == "labourer"
    # with no "số", the first noun before the question word is still what is counted
    assert counted_unit("Doanh nghiệp nhỏ và vừa năm 2017 là bao nhiêu?") == "enterprise"
    answer = _answer(
        asked,
        "Theo Luật Hỗ trợ doanh nghiệp nhỏ và vừa, số lao động tham gia bảo hiểm xã hội của doanh nghiệp nhỏ và vừa "
        "không quá 200 người.",
    )
    assert answer.found and "200 người" in answer.answer, answer.answer


def test_a_currencys_country_is_no_place_asked_about() -> None:
    assert question_places("How much money, in US dollars, does India's new budget plan to pump into rural areas?") == (
        "India",
    )
    assert question_places("Mức lương bao nhiêu đô la Singapore?") == ()
    assert question_places("How many US workers lost their jobs?") == ("US",)
    answer = _answer(
        "How much money, in US dollars, does India's new annual budget plan to pump into rural areas?",
        "Theo kế hoạch ngân sách hàng năm mới, khu vực nông thôn Ấn Độ sẽ được “bơm” 7,09 tỉ USD.",
    )
    assert answer.found and "7,09 tỉ USD" in answer.answer, answer.answer


def test_a_cited_speaker_is_named_by_an_article_that_quotes_them() -> None:
    asked = "According to California Senate leader Kevin de Leon, what share of US GDP does California's economy account for?"
    quote = "Kinh tế của chúng tôi lớn thứ sáu thế giới và chiếm 13% GDP nước Mỹ."
    lead = "Ông Trump chỉ trích bang California. ".ljust(500)

    def answer_with(speaker: str):
        hits = [
            sentence_hit(quote, doc_id="a.txt", index=9, start=900, score=1.0, context=quote),
            sentence_hit(speaker, doc_id="a.txt", index=5, start=600, score=0.5, context=speaker),
        ]
        text = lead + speaker.ljust(400) + quote
        return ExtractiveAnswerer(article_text={"a.txt": text}.__getitem__).answer(asked, hits)

    quoted = answer_with("Chủ tịch Thượng viện bang California Kevin de Leon tuyên bố: “Thay vì ngoài tầm kiểm soát, ...”")
    assert quoted.found and quoted.extracted == "13%", quoted.answer
    # an article that only names him, quoting no one, does not give the figure as his
    named = answer_with("Ông Trump đã gặp Kevin de Leon tại Sacramento hôm thứ Hai.")
    assert not named.found, named.answer


def test_how_much_something_weighs_asks_no_money() -> None:
    asked = "How much did the boy Nong Manh Quan weigh when he was born?"
    assert not analyse_question(asked).money
    assert analyse_question("How much did the family pay for the boy's surgery?").money
    answer = _answer(asked, "Khi chào đời, cậu bé Nông Mạnh Quân chỉ nặng vỏn vẹn 1,4kg cùng hai bàn tay dị tật.")
    assert answer.found and "1,4kg" in answer.answer, answer.answer


def test_a_funds_balance_is_money() -> None:
    asked = "According to the State Audit Office, what was the combined balance of the social insurance funds at the end of 2015?"
    assert analyse_question(asked).money
    assert analyse_question("Số dư các quỹ bảo hiểm xã hội đến hết năm 2015 là bao nhiêu?").money


def test_a_day_asked_is_not_answered_by_a_month() -> None:
    asked = "Bộ Chính trị quyết định mở Chiến dịch Điện Biên Phủ tại Lán Tỉn Keo vào ngày tháng năm nào?"
    month = (
        "Tại căn lán Tỉn Keo, vào cuối tháng 9/1953, Chủ tịch Hồ Chí Minh đã chủ trì Hội nghị Bộ Chính trị quyết định mở "
        "chiến dịch Đông Xuân, trong đó có Chiến dịch Điện Biên Phủ."
    )
    day = "Đặc biệt là ngày 6/12/1953 tại Lán Tỉn Keo, Bộ Chính trị đã quyết định mở Chiến dịch Điện Biên Phủ."
    answer = _answer(asked, month, day)
    assert answer.found and answer.extracted == "6/12/1953", answer.answer
    # asked roughly when, the month answers
    roughly = _answer("Hội nghị Bộ Chính trị tại lán Tỉn Keo diễn ra khi nào?", month)
    assert roughly.found and "tháng 9/1953" in roughly.answer, roughly.answer


def test_a_relative_where_asks_no_place() -> None:
    asked = "Which Korean contractor was building the section of the metro line where a steel pipe fell onto the pavement?"
    q = analyse_question(asked)
    assert q.answer_type == "sentence" and q.asked_bodies is not None and "nhà thầu" in q.asked_bodies
    assert analyse_question("Where did the steel pipe fall?").answer_type == "place"


def test_a_city_the_press_names_in_vietnamese_is_named() -> None:
    answer = _answer(
        "How many businesses and investors from the two countries took part in the Vietnam-Netherlands business forum "
        "in The Hague?",
        "Diễn đàn doanh nghiệp Việt Nam - Hà Lan tại La Hay có sự tham dự của 450 doanh nghiệp, nhà đầu tư hai nước.",
    )
    assert answer.found and "450" in answer.answer, answer.answer


def test_individuals_and_women_as_the_press_writes_them() -> None:
    assert counted_unit("How many individuals were honoured?") == "person"
    assert [s.text for s in spans_of("Hội đồng lựa chọn được 12 tập thể, 18 cá nhân xuất sắc.", "quantity")][-1] == "18 cá nhân"
    asked = "According to the ILO, what share of women worldwide work in paid jobs but receive no social security?"
    assert analyse_question(asked).head in {("phụ", "nữ"), ("nữ", "giới")}
    answer = _answer(
        asked,
        "Theo ILO, tính chung trên toàn thế giới, có 38% số nữ giới làm những công việc được trả lương, song không "
        "được hưởng an sinh xã hội.",
        "Theo ILO, tỷ lệ thất nghiệp toàn cầu năm 2017 dự báo là 5,7%.",
    )
    assert answer.found and answer.extracted == "38%", answer.answer


def test_a_year_asked_whole_is_not_answered_by_its_first_months() -> None:
    first_months = "Trong 4 tháng đầu năm 2017, số lượng doanh nghiệp đăng ký thành lập mới là 39.580 doanh nghiệp."
    asked = "Có bao nhiêu doanh nghiệp đăng ký thành lập mới trong năm 2017?"
    answer = _answer(asked, first_months)
    assert not answer.found, answer.answer
    # asked for those months, or told of the whole year beside them, the figure answers
    months = _answer("How many new businesses were set up in the first four months of 2017?", first_months)
    assert months.found and "39.580" in months.answer, months.answer
    whole = _answer("Năm 2017 có bao nhiêu doanh nghiệp thành lập mới?", "Năm 2017 có 126.859 doanh nghiệp thành lập mới.")
    assert whole.found and "126.859" in whole.answer, whole.answer
