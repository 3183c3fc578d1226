"""Readings found on a probe set of unseen labour articles: the day an anniversary commemorates, the year written
right after a figure, the title of a person the question names, a district asked for, and numbers that are no
figure (a month of a year, a stage's number), a country before a foreign name."""

from __future__ import annotations

from answer.constraints import question_foreign_names
from answer.extract import spans_of
from answer.extractive import ExtractiveAnswerer, _own_year, _without_named_titles
from answer.qtypes import analyse_question
from index.models import Hit
from tests.answer.sample_hits import sentence_hit


def _hit(sentence: str, *, doc_id: str = "a.txt", title: str = "Tin thời sự") -> Hit:
    return sentence_hit(sentence, doc_id=doc_id, index=3, start=100, title=title, context=sentence)


# ---- an anniversary's bracketed range starts on the day it commemorates


def test_the_day_an_anniversary_commemorates_answers_when_it_happened() -> None:
    sentence = (
        "Sáng 9/7, tại tỉnh Lào Cai, Tỉnh ủy, HĐND, UBND tỉnh Lào Cai long trọng tổ chức Lễ kỷ niệm 110 năm Ngày "
        "thành lập tỉnh Lào Cai (12/7/1907 - 12/7/2017) và đón nhận Huân chương Độc lập hạng Nhất."
    )
    answer = ExtractiveAnswerer().answer("Tỉnh Lào Cai được thành lập vào ngày nào?", [_hit(sentence)])
    assert answer.found and answer.extracted == "12/7/1907"


def test_of_two_anniversaries_the_one_whose_words_the_question_says_answers() -> None:
    sentence = (
        "Kỉ niệm 127 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890- 19/5/2017), tối 19/5 tại Thái Nguyên, diễn ra "
        "lễ kỷ niệm 70 năm ngày Bác Hồ, Trung ương Đảng và Chính phủ về An toàn khu (ATK) Định Hóa lãnh đạo kháng "
        "chiến chống thực dân Pháp (20/5/1947 – 20/5/2017)."
    )
    question = "Bác Hồ và Trung ương Đảng, Chính phủ về ATK Định Hóa (Thái Nguyên) lãnh đạo kháng chiến từ ngày nào?"
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and answer.extracted == "20/5/1947"


def test_a_question_about_the_ceremony_is_answered_by_its_own_day() -> None:
    sentence = (
        "Sáng 9/7, tại tỉnh Lào Cai, Tỉnh ủy, HĐND, UBND tỉnh Lào Cai long trọng tổ chức Lễ kỷ niệm 110 năm Ngày "
        "thành lập tỉnh Lào Cai (12/7/1907 - 12/7/2017) và đón nhận Huân chương Độc lập hạng Nhất."
    )
    answer = ExtractiveAnswerer().answer("Lễ kỷ niệm 110 năm thành lập tỉnh Lào Cai diễn ra vào ngày nào?", [_hit(sentence)])
    assert answer.extracted != "12/7/1907"


# ---- a year right after a figure is that figure's


def test_a_year_written_right_after_a_figure_is_its_own() -> None:
    sentence = "Tỷ lệ giải ngân tăng từ gần 41% năm 2015 lên hơn 45% năm 2016 đối với dự án nước ngoài."
    first, second = spans_of(sentence, "percentage")
    assert (_own_year(sentence, first), _own_year(sentence, second)) == (2015, 2016)
    # measured against a year, a figure is not that year's
    against = "Doanh thu đạt 20 tỷ đồng, bằng 110% năm 2015."
    assert _own_year(against, spans_of(against, "percentage")[0]) is None


def test_the_figure_of_the_asked_year_answers_a_from_to_change() -> None:
    sentence = (
        "Trong năm qua, tỉnh Bà Rịa - Vũng Tàu tăng tỷ lệ chuyển từ vốn đăng ký sang vốn thực hiện từ gần 41% năm 2015 "
        "lên hơn 45% năm 2016 đối với dự án đầu tư nước ngoài."
    )
    question = "Năm 2016, tỷ lệ chuyển từ vốn đăng ký sang vốn thực hiện ở Bà Rịa - Vũng Tàu đạt khoảng bao nhiêu?"
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and "45%" in (answer.extracted or "")


def test_a_year_after_to_opens_the_next_figures_clause() -> None:
    sentence = "Ngành này tạo việc làm cho lao động, năm 2005 là 46.000 người đến năm 2015 đã lên tới 411.000."
    spans = spans_of(sentence, "quantity")
    assert [_own_year(sentence, s) for s in spans] == [2005, 2015]


# ---- the title of a person the question names is not the post it asks about


def test_the_title_before_a_named_person_is_left_out_of_the_asked_post() -> None:
    q = analyse_question("Ai là Trưởng Công an Quận 2, người trả lời chất vấn của Bí thư Đinh La Thăng?")
    assert "Bí thư" not in _without_named_titles(q.text, q.names)
    other = analyse_question("Ai là Giám đốc Sở LĐTBXH Hà Nội?")
    assert "Giám đốc" in _without_named_titles(other.text, other.names)


def test_who_holds_a_post_is_answered_though_the_question_names_another_persons_title() -> None:
    sentence = (
        "Trả lời Bí thư Thành ủy TP Hồ Chí Minh Đinh La Thăng, ông Trần Văn Hiếu, Trưởng Công an Quận 2 cho biết do "
        "diện tích địa bàn quận 2 rộng, nhiều công trình đang xây dựng nên khó kiểm soát."
    )
    question = "Ai là Trưởng Công an Quận 2 TP.HCM, người trả lời chất vấn của Bí thư Đinh La Thăng?"
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence, title="Bí thư Đinh La Thăng làm việc với Quận 2 TP.HCM")])
    assert answer.found and "Trần Văn Hiếu" in (answer.extracted or "")


# ---- a district asked for is not the province of its address


def test_a_district_asked_for_is_answered_by_the_district() -> None:
    sentence = (
        "Sáng 30/6, tại huyện Đông Hưng, tỉnh Thái Bình, Tổng cục Thống kê phối hợp với UBND tỉnh Thái Bình tổ chức "
        "Lễ ra quân Tổng điều tra kinh tế năm 2017 (giai đoạn 2)."
    )
    question = "Lễ ra quân Tổng điều tra kinh tế năm 2017 (giai đoạn 2) được tổ chức tại huyện nào?"
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and answer.extracted is not None and "Đông Hưng" in answer.extracted


# ---- a month of a year and a stage's number are no figure


def test_a_sentence_with_only_a_month_or_a_stage_number_holds_no_count() -> None:
    answerer = ExtractiveAnswerer()
    caption = _hit("Quang cảnh phiên họp Chính phủ thường kỳ tháng 6/2017.")
    question = "Tại phiên họp Chính phủ thường kỳ tháng 6/2017, GDP 6 tháng đầu năm 2017 tăng bao nhiêu?"
    assert not answerer.answer(question, [caption]).found
    stage = _hit(
        "Nhận định về cuộc Tổng điều tra kinh tế năm 2017 (giai đoạn 1), Cục trưởng Cục Thống kê tỉnh Thái Bình cho "
        "biết cuộc Tổng điều tra kinh tế năm 2017 trên địa bàn tỉnh đã hoàn thành giai đoạn 1 đạt kết quả tốt."
    )
    question = "Tỉnh Thái Bình huy động bao nhiêu điều tra viên cho Tổng điều tra kinh tế năm 2017?"
    assert not answerer.answer(question, [stage]).found


# ---- a country before a foreign name is where the person is from


def test_a_country_before_a_foreign_name_is_no_part_of_it() -> None:
    assert question_foreign_names("Thủ tướng Canada Justin Trudeau nói có bao nhiêu việc làm?") == ("Justin Trudeau",)
    assert question_foreign_names("Unilever Việt Nam có bao nhiêu lao động?") == ("Unilever",)


# ---- what a cause makes rise is what the figure measures


def test_what_a_cause_makes_rise_is_the_head_of_the_question() -> None:
    q = analyse_question("Đợt nắng nóng ở miền Bắc làm số bệnh nhi đến khám tại Bệnh viện Nhi Trung ương tăng bao nhiêu?")
    assert q.head[:2] == ("bệnh", "nhi") and q.verb == "tăng"
    sentence = "Tại miền Bắc, nắng nóng đỉnh điểm đã khiến số lượng bệnh nhi đến khám tại Bệnh viện Nhi Trung ương tăng 10-15%."
    answer = ExtractiveAnswerer().answer(q.text, [_hit(sentence)])
    assert answer.found and "10-15%" in (answer.extracted or "")


# ---- "Cty" is the press's "công ty"


def test_a_company_written_cty_answers_which_company() -> None:
    question = "Tờ hóa đơn GTGT do cò bán gần ga Hà Nội là của công ty nào?"
    named = _hit(
        "Theo quan sát của PV, trong những hóa đơn mà cò H. đã rao bán ở Hà Nội, có tờ hóa đơn GTGT của Cty TNHH "
        "Thương mại Nhà hàng Vạn Lộc, mã số thuế 0107298298."
    )
    answer = ExtractiveAnswerer().answer(question, [named])
    assert answer.found and "Vạn Lộc" in answer.answer


# ---- an undated article naming only earlier years may be this year's news


def test_an_undated_article_naming_only_earlier_years_does_not_contradict_this_year() -> None:
    from datetime import date

    sentence = "Theo Viện nghiên cứu chính sách Asan, hiện có hơn 50.000 công nhân Triều Tiên đang làm việc ở nước ngoài."
    lead = "Công nhân Triều Tiên làm việc ở nhiều nước, chủ yếu trong ngành xây dựng và khai thác gỗ. " * 5
    history = "Năm 1948, nước này lần đầu đưa lao động ra nước ngoài. Năm 2011, số lao động này tăng mạnh."
    article = f"Lao động Triều Tiên ở nước ngoài\n\n{lead}{sentence} {history}"
    hit = sentence_hit(sentence, doc_id="nk.txt", index=2, start=article.index(sentence), title="Lao động Triều Tiên ở nước ngoài", context=sentence)
    question = "Năm 2017, theo Viện Asan, có bao nhiêu công nhân Triều Tiên làm việc ở nước ngoài?"

    def answerer(today: date) -> ExtractiveAnswerer:
        return ExtractiveAnswerer(article_text=lambda _doc: article, clock=lambda: today)

    answer = answerer(date(2017, 12, 31)).answer(question, [hit])
    assert answer.found and "50.000" in (answer.extracted or "")
    # asked about a year before today, the article's years (all two or more years from it) still speak against it
    assert not answerer(date(2026, 12, 6)).answer(question, [hit]).found
