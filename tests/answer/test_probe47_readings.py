"""Readings the forty-seventh session's blind probe found missing: a rate's unit goes on after its slash ("đồng/lao
động"), the pace of a rise is a percentage, a quarter of a year is one however its year is joined to it, and a
sentence that dates its fact by another part of the year than the asked one states another period's fact."""

from __future__ import annotations

from answer.extract import spans_of
from answer.qtypes import analyse_question
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_a_rates_unit_goes_on_after_its_slash() -> None:
    sentence = "Năng suất lao động năm 2016 đạt 84,5 triệu đồng/lao động (tương đương 3.853 USD/lao động), tăng 5,31%."
    texts = [span.text for span in spans_of(sentence, "quantity")]
    assert texts == ["84,5 triệu đồng/lao động", "3.853 USD/lao động"], texts
    # a unit the slash word holds whole, or one followed by a word of no known unit, is read as before
    assert [s.text for s in spans_of("Giá bán 15 triệu đồng/m2 mà Sở Xây dựng duyệt.", "quantity")] == ["15 triệu đồng/m2"]


def test_a_figure_per_worker_answers_how_much_per_worker() -> None:
    answer = _answer(
        "Năng suất lao động xã hội của Việt Nam năm 2016 tính theo giá hiện hành đạt khoảng bao nhiêu trên mỗi lao động?",
        "Năng suất lao động xã hội của toàn nền kinh tế năm 2016 theo giá hiện hành ước tính đạt 84,5 triệu đồng/lao "
        "động (tương đương khoảng 3.853 USD/lao động), tăng 5,31% so với năm 2015.",
    )
    assert answer.found and "84,5 triệu đồng/lao động" in answer.answer, answer.answer


def test_the_pace_of_a_rise_is_a_percentage() -> None:
    asked = "Chi an sinh xã hội và tiền lương giai đoạn vừa qua tăng với tốc độ bao nhiêu?"
    assert analyse_question(asked).answer_type == "percentage"
    assert analyse_question("Tốc độ tăng trưởng GDP năm 2016 là bao nhiêu?").answer_type == "percentage"
    # a speed is no rise's pace, and "gấp bao nhiêu lần" asks how many times
    assert analyse_question("Tốc độ trung bình ở cửa ngõ sân bay là bao nhiêu?").answer_type == "quantity"
    assert analyse_question("Tốc độ tăng thu gấp bao nhiêu lần tốc độ tăng chi?").answer_type == "quantity"
    answer = _answer(
        asked,
        "Tốc độ tăng chi an sinh xã hội, tiền lương trong giai đoạn này tăng 18%, cao hơn rất nhiều so với tốc độ tăng "
        "thu ngân sách Nhà nước.",
    )
    assert answer.found and answer.extracted == "18%", answer.answer


def test_a_quarter_is_one_however_its_year_is_joined_to_it() -> None:
    asked = "Tính đến hết quý I/2017, tổng số tiền nợ bảo hiểm xã hội của các đơn vị sử dụng lao động là bao nhiêu?"
    answer = _answer(
        asked,
        "Thống kê mới nhất cho thấy, đến hết quý I-2017, tổng số nợ BHXH của các đơn vị sử dụng lao động đã lên tới "
        "gần 14.000 tỷ đồng.",
    )
    assert answer.found and "14.000 tỷ đồng" in answer.answer, answer.answer
    other_quarter = _answer(
        asked,
        "Thống kê cho thấy, đến hết quý II-2017, tổng số nợ BHXH của các đơn vị sử dụng lao động đã lên tới gần "
        "14.000 tỷ đồng.",
    )
    assert not other_quarter.found, other_quarter.answer


def test_another_part_of_the_year_states_another_periods_fact() -> None:
    year_end = _answer(
        "What was Vietnam's total social insurance arrears at the end of the first quarter of 2016?",
        "Đến cuối năm 2016 tổng số nợ bảo hiểm xã hội của cả nước là khoảng 7.500 tỷ đồng.",
    )
    assert not year_end.found, year_end.answer
    first_half = _answer(
        "Quý I năm 2016 cả nước nợ bảo hiểm xã hội bao nhiêu tiền?",
        "Trong 6 tháng đầu năm 2016, cả nước nợ bảo hiểm xã hội khoảng 7.500 tỷ đồng.",
    )
    assert not first_half.found, first_half.answer


def test_a_part_compared_with_or_the_same_part_spelt_otherwise_contradicts_nothing() -> None:
    compared = _answer(
        "Quý I năm 2017 cả nước có bao nhiêu người thất nghiệp?",
        "Trong quý I/2017 cả nước có 1,1 triệu người thất nghiệp, giảm 8,3 nghìn người so với quý IV/2016.",
    )
    assert compared.found and "1,1 triệu" in compared.answer, compared.answer
    spelt = _answer(
        "Quý I năm 2016 cả nước nợ bảo hiểm xã hội bao nhiêu tiền?",
        "Trong 3 tháng đầu năm 2016, cả nước nợ bảo hiểm xã hội khoảng 7.500 tỷ đồng.",
    )
    assert spelt.found and "7.500 tỷ đồng" in spelt.answer, spelt.answer


def test_a_count_of_the_whole_group_named_before_nguoi_is_no_count_of_the_narrower_one_asked() -> None:
    total = (
        "Tổng số lao động trong các doanh nghiệp công nghiệp đến năm 2016 có trên 59.020 người, trong đó lĩnh vực công "
        "nghiệp chế biến chiếm đa số với 50.805 người."
    )
    answer = _answer("Năm 2016 các doanh nghiệp công nghiệp có bao nhiêu lao động nữ?", total)
    assert not answer.found, answer.answer
    answer = _answer("Năm 2016 các doanh nghiệp công nghiệp có bao nhiêu lao động?", total)
    assert answer.found and "59.020" in answer.answer, answer.answer
    narrowed = "Tổng số lao động nữ trong các doanh nghiệp công nghiệp đến năm 2016 có trên 39.020 người."
    answer = _answer("Năm 2016 các doanh nghiệp công nghiệp có bao nhiêu lao động nữ?", narrowed)
    assert answer.found and "39.020" in answer.answer, answer.answer


# a lead longer than the part of an article read as its lead, so that the sentences after it are no lead
_LEAD = "Chiều 25/5, Quốc hội thảo luận về tình hình kinh tế - xã hội năm 2016 và những tháng đầu năm 2017. " * 8
_BUSINESSES = "Tính đến 20/4/2017, cả nước có khoảng 612 ngàn doanh nghiệp đang hoạt động."
_ASKED_OF_A_SOURCE = (
    "Roughly how many businesses were operating nationwide as of 20 April 2017, according to the Ministry of Planning "
    "and Investment?"
)


def test_a_source_the_article_cites_anywhere_names_the_fact_the_question_gives_it() -> None:
    cited = "Bộ Kế hoạch và Đầu tư cho biết, tổng vốn đầu tư toàn xã hội thực hiện năm 2016 tăng 8,7%."
    answer = _answer(_ASKED_OF_A_SOURCE, _BUSINESSES, cited, article=_LEAD)
    assert answer.found and "612" in answer.answer, answer.answer


def test_a_source_the_article_only_mentions_is_not_cited() -> None:
    mentioned = "Đại biểu đề nghị Bộ Kế hoạch và Đầu tư rà soát lại các dự án chậm tiến độ trong năm 2017."
    answer = _answer(_ASKED_OF_A_SOURCE, _BUSINESSES, mentioned, article=_LEAD)
    assert not answer.found, answer.answer


def test_a_decimal_figure_of_millions_is_stated_in_full() -> None:
    answer = _answer(
        "Khi lương cơ sở tăng lên 1,3 triệu từ 1/7/2017 thì mức đóng BHYT hộ gia đình tăng khoảng bao nhiêu phần trăm?",
        "Do vậy, sau ngày 1/7/2017, lương cơ sở tăng từ 1.210.000 đồng lên 1.300.000 đồng, điều này đồng nghĩa với việc "
        "tăng thêm khoảng 7,3 % mức phí tham gia BHYT hộ gia đình.",
    )
    assert answer.found and "7,3 %" in answer.answer, answer.answer
    other_figure = _answer(
        "Khi lương cơ sở tăng lên 1,4 triệu từ 1/7/2017 thì mức đóng BHYT hộ gia đình tăng khoảng bao nhiêu phần trăm?",
        "Do vậy, sau ngày 1/7/2017, lương cơ sở tăng từ 1.210.000 đồng lên 1.300.000 đồng, điều này đồng nghĩa với việc "
        "tăng thêm khoảng 7,3 % mức phí tham gia BHYT hộ gia đình.",
    )
    assert not other_figure.found, other_figure.answer


def test_a_length_of_time_in_the_possessive_is_what_an_english_question_counts() -> None:
    notice = analyse_question("How many days' notice must an employer give before terminating an indefinite-term contract?")
    assert notice.counted == "day", notice.counted
    assert analyse_question("How many months’ salary does a dismissed worker get?").counted == "month"
    # people in the possessive own what is counted
    assert analyse_question("How many workers' families got support?").counted != "labourer"


def test_ending_a_contract_reads_as_the_labour_press_says_it() -> None:
    from answer.qtypes import translate_english

    for question in ("When did the chairman sign the decision ending her employment contract?", "When was her contract terminated?"):
        _, phrases, unknown = translate_english(question)
        assert "chấm dứt" in phrases and "cuối" not in phrases, (question, phrases, unknown)
    _, phrases, _ = translate_english("How many workers lost their jobs at the end of the year?")
    assert "cuối" in phrases


def test_years_in_brackets_qualify_the_word_before_them() -> None:
    from answer.constraints import sentence_years

    sentence = (
        "Bước sang năm 2017, do có 186.000 người theo Quyết định 50/2016 của Thủ tướng Chính phủ (giai đoạn 2016 - "
        "2020) không còn được hưởng chính sách BHYT, tỷ lệ bao phủ BHYT của tỉnh sụt giảm xuống chỉ còn 73%."
    )
    assert sentence_years(sentence) == [2017]
    assert sentence_years("Năm nay (2017), tỉnh giải quyết việc làm cho 20.000 lao động.") == [2017]
    answer = _answer("Tỷ lệ bao phủ BHYT của tỉnh Hà Tĩnh năm 2016 là bao nhiêu?", sentence, article="Hà Tĩnh. ")
    assert not (answer.found and "73%" in answer.answer), answer.answer


def test_an_approximation_between_the_verb_and_the_question_word_still_asks_the_change() -> None:
    asked = "Đợt nắng nóng làm lượng bệnh nhi đến khám ở Bệnh viện Nhi Trung ương tăng khoảng bao nhiêu?"
    assert analyse_question(asked).asks_change
    assert not analyse_question("Bệnh viện Nhi Trung ương có khoảng bao nhiêu bệnh nhi?").asks_change
    answer = _answer(
        asked,
        "Những ngày qua nắng nóng đỉnh điểm đã khiến số lượng bệnh nhi đến khám tại Bệnh viện Nhi Trung ương tăng "
        "10-15%.",
    )
    assert answer.found and answer.extracted == "10-15%", answer.answer


def test_a_rate_per_year_counts_what_comes_before_its_slash() -> None:
    asked = "Giai đoạn 2016 - 2017 phía Đức tiếp nhận bao nhiêu điều dưỡng viên Việt Nam sang làm việc?"
    answer = _answer(
        asked,
        "Phía Đức đã quyết định mở rộng tiếp nhận điều dưỡng viên Việt Nam sang Đức, trước mắt 100 người/năm trong "
        "giai đoạn 2016 - 2017.",
    )
    assert answer.found and "100 người/năm" in answer.answer, answer.answer
    # a length of time is still no count of people
    years = _answer(
        asked,
        "Chương trình tiếp nhận điều dưỡng viên Việt Nam sang Đức kéo dài 2 năm, giai đoạn 2016 - 2017.",
    )
    assert not years.found, years.answer


def test_a_director_of_another_kind_of_body_is_not_the_director_asked() -> None:
    from answer.extractive import _role_score

    asked = "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh hiện nay là ai?"
    q = analyse_question(asked)
    assert _role_score(q, "Giám đốc Ngân hàng Agribank Hà Tĩnh") < 0
    assert _role_score(q, "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh") > 0
    assert _role_score(q, "Giám đốc BHXH tỉnh") > 0  # the body's acronym names no other kind
    bank = _answer(asked, "Bà Nguyễn Thị Diên, Giám đốc Ngân hàng Agribank Hà Tĩnh cho biết năm 2017 là năm bứt phá.")
    assert not bank.found, bank.answer
    insurer = _answer(asked, "Ông Hoàng Văn Minh, Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh cho biết tỷ lệ bao phủ đạt 79%.")
    assert insurer.found and "Hoàng Văn Minh" in insurer.answer, insurer.answer
