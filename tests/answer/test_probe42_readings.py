"""Readings found by the forty-second probe of unseen labour articles (questions written by someone who saw only the
articles): two counts asked together when the second question word or the later count is the one read first, a
ratio over its base, a short month name, and a number word the question itself gives."""

from __future__ import annotations

from answer.english_figures import for_reader
from answer.extract import spans_of
from answer.extractive import ExtractiveAnswerer, _yet_to_do_what_was_asked_done
from answer.qtypes import analyse_question
from index.models import Hit
from tests.answer.sample_hits import sentence_hit


def _hit(sentence: str, *, doc_id: str = "a.txt", title: str = "Tin thời sự") -> Hit:
    return sentence_hit(sentence, doc_id=doc_id, index=3, start=100, title=title, context=sentence)


def test_a_second_question_word_ends_the_first_counted_noun() -> None:
    q = analyse_question("Luật Hỗ trợ doanh nghiệp nhỏ và vừa có bao nhiêu chương, bao nhiêu điều?")
    assert q.unit == ("chương",)


def test_two_counts_written_side_by_side_are_answered_together() -> None:
    sentence = "Theo đó, dự án Luật Hỗ trợ DNNVV gồm 4 chương 35 điều."
    answer = ExtractiveAnswerer().answer(
        "Luật Hỗ trợ doanh nghiệp nhỏ và vừa có bao nhiêu chương, bao nhiêu điều?", [_hit(sentence)]
    )
    assert answer.found and answer.answer.startswith("4 chương và 35 điều")


def test_an_english_question_counting_two_nouns_gets_both_in_english() -> None:
    sentence = "Bộ GD&ĐT công bố dự thảo Bộ tiêu chuẩn kiểm định chất lượng giáo dục đại học gồm 25 tiêu chuẩn với 111 tiêu chí."
    answer = ExtractiveAnswerer().answer(
        "How many standards and criteria are in the draft set of standards for accrediting universities?",
        [_hit(sentence)],
    )
    assert answer.found and answer.answer.startswith("25 standards and 111 criteria (25 tiêu chuẩn và 111 tiêu chí")


def test_a_count_of_another_noun_is_not_joined() -> None:
    assert for_reader("en", "hơn 163.600 lượt lao động") == "more than 163,600 workers (hơn 163.600 lượt lao động)"
    sentence = "Năm 2016, tỉnh tư vấn cho 1.200 lao động và 300 doanh nghiệp."
    answer = ExtractiveAnswerer().answer("Năm 2016 tỉnh tư vấn cho bao nhiêu lao động?", [_hit(sentence)])
    assert answer.found and answer.answer.startswith("1.200 lao động [")


def test_a_ratio_is_answered_over_its_base() -> None:
    sentence = "Tỷ số giới tính khi sinh của Hà Nội đang ở mức cao hơn trung bình cả nước, với 114 trẻ trai/100 trẻ gái."
    answer = ExtractiveAnswerer().answer("Tỷ số giới tính khi sinh của Hà Nội là bao nhiêu?", [_hit(sentence)])
    assert answer.found and answer.answer.startswith("114 trẻ trai/100 trẻ gái")
    assert for_reader("en", "114 trẻ trai/100 trẻ gái") == "114 boys per 100 girls (114 trẻ trai/100 trẻ gái)"


def test_a_short_month_name_is_no_name_the_articles_must_hold() -> None:
    q = analyse_question("How many units did the Hanoi inspection team check between Feb 2 and Feb 8?")
    assert "Feb" not in q.english_names


def test_a_plan_does_not_answer_what_was_done() -> None:
    plan = "Chương trình của kỳ họp gồm những nội dung chính là: Quốc hội sẽ xem xét, thông qua 13 dự án luật."
    result = "Tại kỳ họp thứ 3, Quốc hội khóa XIV đã xem xét, thông qua 12 luật và 12 nghị quyết."
    question = "Tại kỳ họp thứ 3 Quốc hội khóa XIV, Quốc hội đã thông qua bao nhiêu luật?"
    answer = ExtractiveAnswerer().answer(question, [_hit(plan), _hit(result, doc_id="b.txt")])
    assert answer.found and answer.answer.startswith("12 luật")
    alone = ExtractiveAnswerer().answer(question, [_hit(plan)])
    assert not alone.answer.startswith("13 dự án luật")
    # asked as a plan, or with the verb after "đã" said again after "sẽ" no more, the plan is no contradiction
    (figure,) = spans_of(plan, "quantity")
    assert _yet_to_do_what_was_asked_done(analyse_question(question), figure, plan)
    assert not _yet_to_do_what_was_asked_done(analyse_question("Quốc hội sẽ thông qua bao nhiêu luật?"), figure, plan)
    assert not _yet_to_do_what_was_asked_done(analyse_question("Quốc hội đã họp bao nhiêu ngày?"), figure, plan)
    # "sẽ" that governs another verb, far from the asked one, or that the question says too, is no plan of it
    told = "Ông Modi sẽ nhấn mạnh giá trị của cộng đồng gốc Ấn đối với nền kinh tế Mỹ, tạo ra gần 64.000 việc làm."
    (jobs,) = spans_of(told, "quantity")
    asked = analyse_question("Cộng đồng gốc Ấn đã tạo ra bao nhiêu việc làm cho nền kinh tế Mỹ?")
    assert not _yet_to_do_what_was_asked_done(asked, jobs, told)
    echoed = analyse_question("Modi sẽ nhấn mạnh cộng đồng gốc Ấn đã tạo ra bao nhiêu việc làm cho nền kinh tế Mỹ?")
    assert not _yet_to_do_what_was_asked_done(echoed, jobs, told)


def test_the_questions_district_with_its_level_word_is_an_echo() -> None:
    from answer.extractive import _echoes

    q = analyse_question("Công nhân của công ty giấy A.F.C (Bình Chánh, TPHCM) được tìm thấy ở đâu?")
    sentence = "Người nhà của anh Thịnh (21 tuổi, ngụ huyện Bình Chánh, TPHCM) vẫn vây kín công ty."
    district = next(span for span in spans_of(sentence, "place") if "Bình Chánh" in span.text)
    assert _echoes(q, district)
    other = analyse_question("Công nhân của công ty giấy A.F.C được tìm thấy ở đâu?")
    assert not _echoes(other, district)


def test_a_year_question_is_not_answered_by_a_sentence_that_writes_no_year() -> None:
    from answer.extractive import _can_hold

    q = analyse_question("Ông Hoàng Văn Thảo bắt đầu được hưởng chế độ như thương binh từ năm nào?")
    assert not _can_hold(q, "Ông Thảo hiện được hưởng chế độ như thương binh với thương tật hạng 2/4, tỉ lệ 61%.")
    assert not _can_hold(q, "Chiều 9-5, ông Thảo bị ba thanh niên chặn đầu xe rồi hành hung.")  # a day, no year
    assert _can_hold(q, "Từ năm 2009, ông Thảo được hưởng chế độ như thương binh.")
    assert _can_hold(q, "Ông Thảo được hưởng chế độ như thương binh từ ngày 1/7/2009.")


def test_one_of_two_months_the_question_names_dates_the_fact() -> None:
    from answer.extractive import _question_months, _states_only_other_months

    q = analyse_question("Theo số liệu công bố đầu tháng 2/2017, kinh tế Mỹ tạo thêm bao nhiêu việc làm mới trong tháng 1/2017?")
    months = _question_months(q)
    assert sorted(months) == ["1", "2"]
    assert not _states_only_other_months(months, "Trong tháng 1, nền kinh tế Mỹ có thêm 227.000 công việc mới.")
    assert _states_only_other_months(months, "Trong tháng 3, nền kinh tế Mỹ có thêm 98.000 công việc mới.")
    assert not _states_only_other_months(months, "Nền kinh tế Mỹ có thêm 98.000 công việc mới.")  # no month: unknown


def test_a_rate_counted_per_things_is_a_quantity() -> None:
    q = analyse_question("Singapore cần tỷ lệ sinh bao nhiêu em bé trên mỗi bà mẹ để dân số được thay thế tự nhiên?")
    assert q.answer_type == "quantity"
    assert analyse_question("Tỷ lệ hộ nghèo của tỉnh năm 2016 là bao nhiêu phần trăm?").answer_type == "percentage"
    assert analyse_question("Tỷ lệ hộ nghèo của tỉnh năm 2016 là bao nhiêu?").answer_type == "percentage"


def test_a_dash_between_two_counts_ends_the_first() -> None:
    (boys, girls) = spans_of("Tỷ lệ sinh của nước ta hiện nay là 112 bé trai - 100 bé gái.", "quantity")
    assert (boys.text, girls.text) == ("112 bé trai", "100 bé gái")


def test_a_when_question_is_not_answered_by_a_sentence_that_names_no_time() -> None:
    from answer.extractive import _can_hold

    q = analyse_question("When does the Law on Support for Small and Medium-sized Enterprises take effect?")
    listed = "Đó là: Luật Hỗ trợ doanh nghiệp nhỏ và vừa (DNNVV); Luật sửa đổi Bộ luật Hình sự số 100/2015/QH13; Luật Cảnh vệ."
    assert not _can_hold(q, listed)
    assert _can_hold(q, "Luật có hiệu lực từ ngày 1-1-2018.")
    assert _can_hold(q, "Luật sẽ có hiệu lực từ đầu năm tới.")


def test_an_english_which_body_question_is_not_answered_by_a_sentence_naming_none() -> None:
    sentence = "Sự việc Otto Warmbier, sinh viên 22 tuổi người Mỹ, qua đời sau 6 ngày được Triều Tiên thả tự do, đang được dư luận quan tâm."
    question = "Which American university was Otto Warmbier studying at when he travelled to North Korea in 2016?"
    assert not ExtractiveAnswerer().answer(question, [_hit(sentence)]).found


def test_a_companys_legal_form_in_english_pins_nothing() -> None:
    from answer.constraints import question_acronyms

    question = "What share does the individual receive under the contract Rainwater Investment Consulting JSC asked about?"
    assert question_acronyms(question) == ()
    assert question_acronyms("How many branches does BIDV JSC have?") == ("BIDV",)


def test_a_year_the_question_names_does_not_pin_a_year_it_asks_for() -> None:
    asked = analyse_question(
        "Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc vào ngày tháng năm nào, theo bài phát biểu tại lễ tuyên dương năm 2017?"
    )
    assert asked.answer_type == "date" and asked.years == ()
    assert analyse_question("Lễ tuyên dương năm 2017 diễn ra vào ngày nào?").years == (2017,)
    assert analyse_question("According to the 2017 report, in what year was the regiment founded?").years == ()


def test_a_time_of_day_answers_a_question_for_one() -> None:
    from answer.extract import clock_spans
    from answer.extractive import _can_hold

    assert [s.text for s in clock_spans("Đến 10h sáng quầy đã hết vàng; lúc 8h30 khách đã xếp hàng, họp lúc 17:30.")] == [
        "10h sáng", "8h30", "17:30",
    ]
    for question in ("Quầy vàng TPBank hết vàng từ mấy giờ?", "From what time had the gold counter run out of gold?"):
        q = analyse_question(question)
        assert q.answer_type == "date" and q.asks_clock
        assert not _can_hold(q, "Vàng miếng khắc hình thần tài 1 chỉ cũng là loại được ưa chuộng.")
    assert not analyse_question("Mỗi ngày công nhân làm thêm mấy giờ?").asks_clock  # a length of time
    sentence = "Tại quầy giao dịch vàng của Ngân hàng TPBank, từ 10h sáng ngày thần tài đã hết sạch vàng để bán."
    answer = ExtractiveAnswerer().answer("Ngày thần tài, quầy vàng của Ngân hàng TPBank hết vàng từ mấy giờ?", [_hit(sentence)])
    assert answer.found and answer.answer.startswith("10h sáng")
    # an hour the question gives itself is no answer: the other one is
    answer = ExtractiveAnswerer().answer(
        "Quầy mở lúc 8h, đến mấy giờ thì hết vàng?",
        [_hit("Quầy mở lúc 8h, đến 10h sáng ngày thần tài đã hết sạch vàng để bán.")],
    )
    assert answer.found and answer.answer.startswith("10h sáng")


def test_every_year_is_no_question_for_a_year() -> None:
    q = analyse_question("Các hiệp hội doanh nghiệp năm nào cũng đề xuất nâng trần giờ làm thêm lên mức bao nhiêu mỗi năm?")
    assert q.answer_type == "quantity"
    assert analyse_question("Công ty được thành lập năm nào?").answer_type == "year"


def test_a_length_of_time_goes_on_in_smaller_units() -> None:
    def read(sentence: str) -> list[str]:
        return [span.text for span in spans_of(sentence, "quantity")]

    assert read("Tòa tuyên phạt bị cáo 2 năm 6 tháng tù về tội cố ý gây thương tích.") == ["2 năm 6 tháng"]
    assert read("Thời gian chờ là 1 giờ 30 phút, có 5 người bỏ về.") == ["1 giờ 30 phút", "5 người"]
    assert read("Sau 7 năm, năm 2016 có 30 người nghỉ.") == ["7 năm", "30 người"]  # a year is no smaller unit
    answer = ExtractiveAnswerer().answer(
        "Nguyễn Bá Nhu bị tuyên phạt bao nhiêu năm tù?",
        [_hit("Ngày 21/6, TAND huyện Chương Mỹ tuyên phạt Nguyễn Bá Nhu 2 năm 6 tháng tù về tội cố ý gây thương tích.")],
    )
    assert answer.found and answer.answer.startswith("2 năm 6 tháng")


def test_a_post_names_its_body_whole_when_the_name_goes_on_in_lower_case() -> None:
    def roles(sentence: str) -> list[str]:
        return [span.role for span in spans_of(sentence, "person")]

    assert roles("Bà Lê Thị Hoa, Phó Giám đốc Trung tâm dịch vụ việc làm Hà Nội, cho biết thêm.") == [
        "Phó Giám đốc Trung tâm dịch vụ việc làm Hà Nội"
    ]
    assert roles("Theo PGS-TS Mai Văn Trinh, Cục trưởng Khảo thí và Kiểm định chất lượng giáo dục (Bộ GD&ĐT), năm nay.") == [
        "Cục trưởng Khảo thí và Kiểm định chất lượng giáo dục"
    ]
    # a place that ends the title, then the deed: the title ends with the place
    assert roles("Ông Nguyễn Văn Sơn, Chủ tịch UBND tỉnh Hà Giang cho biết Hà Giang có nhiều khó khăn, nhất là giao thông.") == [
        "Chủ tịch UBND tỉnh Hà Giang"
    ]
