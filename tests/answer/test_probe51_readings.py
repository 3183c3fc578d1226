"""Readings the fifty-first session's blind probe found missing: an age after "năm" is a figure ("năm 11 tuổi"), a
level asked ("mức án bao nhiêu") counts none of the nouns that frame the question, the post right after "ai là" is
the one asked whatever other post the question names, "now" in an article of a later year is no evidence for an
earlier one, a year that only dates the question's event or names an edition is not the year a figure must be of, a
year a figure is compared with is not the sentence's own ("tương đương con số của năm 2016"), "quận nào" asks for a
place, "Thủ đô" is Hà Nội, a commune's district is named with it once in its article, the state groups are read, a
span of years in a later clause does not scope a figure, and a day and its month is no range."""

from __future__ import annotations

from answer.constraints import gazetteer_mentions, sentence_years
from answer.extract import quantity_spans, spans_of
from answer.extractive import _measured_years, _names_one_title, _own_year
from answer.knowledge.units import counted_unit
from answer.qtypes import analyse_question
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_an_age_after_nam_is_a_figure() -> None:
    texts = [s.text for s in quantity_spans("Ông mua cổ phiếu đầu tiên năm 11 tuổi và đã đầu tư suốt 75 năm qua.")]
    assert "11 tuổi" in texts
    # "năm" before a year still labels it
    assert [s.text for s in quantity_spans("Năm 2016, tỉnh có 300 lao động đi làm việc.")] == ["300 lao động"]
    answer = _answer(
        "Warren Buffett mua cổ phiếu đầu tiên khi bao nhiêu tuổi?",
        "Ông mua cổ phiếu đầu tiên năm 11 tuổi và đã đầu tư suốt 75 năm qua.",
        title="Warren Buffett: Tự động hóa và người lao động",
    )
    assert answer.found and answer.extracted == "11 tuổi", answer.answer


def test_a_level_asked_counts_no_framing_noun() -> None:
    assert counted_unit("Trong vụ lừa đảo xin việc, bị cáo Đặng Hoàng Lan Hương nhận mức án bao nhiêu?") is None
    assert counted_unit("Mức lương tối thiểu vùng I năm 2018 là bao nhiêu?") is None
    # a count the question closes on is still read
    assert counted_unit("Trong vụ cháy, số người chết là bao nhiêu?") == "person"
    answer = _answer(
        "Trong vụ lừa đảo xin việc xử ngày 6/6, bị cáo Đặng Hoàng Lan Hương nhận mức án bao nhiêu?",
        "Ngày 6/6, TAND TP Hà Nội đã mở phiên tòa sơ thẩm xét xử 4 bị cáo trong vụ lừa đảo xin việc.",
        "Hai bị cáo Đặng Hoàng Lan Hương lĩnh án 13 năm tù và Đỗ Khắc Phê 8 năm tù cùng về tội lừa đảo.",
    )
    assert answer.found and "13 năm" in (answer.extracted or ""), answer.answer


def test_the_post_after_ai_la_is_the_one_asked() -> None:
    asked = "Ai là Tổng Giám đốc Tập đoàn Than - Khoáng sản Việt Nam tại buổi làm việc với Tổ công tác của Thủ tướng?"
    assert _names_one_title(asked, "vi", (), ())
    # a question that opens on another post's scene may be answered by its holder
    assert not _names_one_title("Khi làm việc với Phó Thủ tướng, ai là Bộ trưởng phát biểu?", "vi", (), ())
    answer = _answer(
        asked,
        "Ngày 19-6, Tổ công tác của Thủ tướng do Bộ trưởng Mai Tiến Dũng dẫn đầu đã làm việc với Tập đoàn Than - "
        "Khoáng sản Việt Nam (TKV).",
        "Theo ông Đặng Thanh Hải, Tổng Giám đốc TKV, tập đoàn đã hoàn thành 64 nhiệm vụ.",
    )
    assert answer.found and "Đặng Thanh Hải" in (answer.extracted or ""), answer.answer


def test_now_in_a_later_article_is_no_evidence_for_an_earlier_year() -> None:
    article = "Thủ tướng gặp cộng đồng người Việt tại Nhật Bản năm 2017. Chúng ta nhớ thảm họa động đất năm 2011.\n"
    sentence = "Đến nay, có 200.000 người Việt hiện đang sinh sống, làm việc tại Nhật Bản."
    answer = _answer("Năm 2011 có bao nhiêu người Việt sinh sống, làm việc tại Nhật Bản?", sentence, article=article)
    assert not answer.found, answer.answer
    answer = _answer("Hiện có bao nhiêu người Việt sinh sống, làm việc tại Nhật Bản?", sentence, article=article)
    assert answer.found and "200.000" in (answer.extracted or ""), answer.answer


def test_a_year_that_dates_the_event_is_not_the_figures() -> None:
    q = analyse_question("What GDP growth rate did the Fed forecast for 2018 at its June 2017 meeting?")
    assert _measured_years(q) == (2018,)
    # a question that names only the dating year keeps it
    q = analyse_question("How much did GDP grow in the first quarter, as reported on 5 June 2017?")
    assert _measured_years(q) == (2017,)
    answer = _answer(
        "What GDP growth rate did the Fed forecast for 2018 at its June 2017 meeting?",
        "Tại cuộc họp tháng 6/2017, Fed đã nâng dự báo tăng trưởng GDP năm 2017 lên 2,2%.",
    )
    assert not answer.found, answer.answer


def test_a_bare_year_a_figure_is_said_to_be_of_is_its_own() -> None:
    sentence = "Các doanh nhân trẻ khởi nghiệp xuất sắc 2017 đã tạo ra doanh thu 2016 là 3.457 tỷ đồng."
    span = next(s for s in quantity_spans(sentence) if "3.457" in s.text)
    assert _own_year(sentence, span) == 2016
    # a year after "năm" is read by the clause's opening year, not as the figure's own
    compared = "Lãi suất cho vay nhà ở xã hội năm 2017 bằng lãi suất cho vay trong năm 2016 là 4,8%."
    assert _own_year(compared, next(s for s in spans_of(compared, "percentage"))) == 2017


def test_a_year_a_figure_is_compared_with_is_not_the_sentences() -> None:
    assert sentence_years("Nửa đầu năm, tập đoàn đã báo lãi gần 1.000 tỉ đồng, tương đương con số của năm 2016.") == []
    assert sentence_years("Lãi 500 tỷ đồng, bằng năm 2016.") == []
    assert sentence_years("Năm 2016 lãi 175 tỷ đồng, bằng 110% kế hoạch.") == [2016]


def test_a_district_asked_with_quan_nao_is_a_place() -> None:
    assert analyse_question("Công ty A.C đóng ở quận nào của TP HCM?").answer_type == "place"
    assert analyse_question("Việc này do cơ quan nào quản lý?").answer_type != "place"


def test_thu_do_capitalised_is_ha_noi() -> None:
    assert [m.entity_id for m in gazetteer_mentions("CNVCLĐ Thủ đô đón Tết vui tươi")] == ["prov.ha_noi"]
    assert "prov.ha_noi" not in [m.entity_id for m in gazetteer_mentions("thủ đô Tokyo của Nhật Bản")]


def test_a_communes_district_is_named_with_it_once_in_its_article() -> None:
    # the article names the district once, past its lead
    lead = "Hội nghị đại biểu nhân dân ở các xã ngoại thành diễn ra sôi nổi ngay sau Tết. " * 6
    article = lead + "\nNhân dân xã Hòa Thạch (huyện Quốc Oai) thi đua lao động sản xuất ngay từ đầu năm mới.\n"
    answer = _answer(
        "Who chairs the Fatherland Front Committee of Hoa Thach commune in Quoc Oai district?",
        "Chủ tịch Ủy ban MTTQ xã Hòa Thạch Đỗ Văn Dương cho biết, Ủy ban MTTQ đã phối hợp tốt với UBND xã.",
        article=article,
    )
    assert answer.found and "Đỗ Văn Dương" in (answer.extracted or ""), answer.answer
    # an article that never names the district with the commune says nothing of the asked district's commune
    answer = _answer(
        "Who chairs the Fatherland Front Committee of Hoa Thach commune in Quoc Oai district?",
        "Chủ tịch Ủy ban MTTQ xã Hòa Thạch Đỗ Văn Dương cho biết, Ủy ban MTTQ đã phối hợp tốt với UBND xã.",
        article=lead + "\nHuyện Thạch Thất đón Tết.\n",
    )
    assert not answer.found, answer.answer


def test_the_state_groups_are_read() -> None:
    assert [m.entity_id for m in gazetteer_mentions("Tổng công ty Bưu điện Việt Nam đón nhận huân chương")] == ["org.vnpost"]
    assert "org.vinacomin" in [m.entity_id for m in gazetteer_mentions("Vinacomin reported a loss")]
    answer = _answer(
        "What profit did Vietnam Post report for 2016?",
        "Năm 2016, Vietnam Airlines báo lãi 2.500 tỷ đồng.",
        title="Hàng không khởi sắc",
    )
    assert not answer.found, answer.answer


def test_a_span_of_years_in_a_later_clause_does_not_scope_the_figure() -> None:
    sentence = (
        "Nhân dịp này, Bộ trưởng Bộ Tài chính đã quyết định trao tặng Bằng khen cho 07 tập thể và 06 cá nhân có thành "
        "tích xuất sắc trong công tác thông tin, tuyên truyền giai đoạn 2016-2017."
    )
    answer = _answer("Năm 2017, Bộ trưởng Bộ Tài chính tặng Bằng khen cho bao nhiêu tập thể?", sentence)
    assert answer.found and answer.extracted == "07 tập thể", answer.answer
    # a span of years in the figure's own clause, or before it, still does
    answer = _answer(
        "Năm 2016 có bao nhiêu trẻ em bị đuối nước?", "Từ năm 2014 đến 2016, 70 trẻ em bị đuối nước trên địa bàn tỉnh."
    )
    assert not answer.found, answer.answer


def test_a_day_and_its_month_is_no_range() -> None:
    assert quantity_spans("Ngày 10 và 11-5 tại Quảng Ninh, EVNNPC tổ chức tọa đàm.") == []
    assert [s.text for s in quantity_spans("Mỗi tháng có từ 700.000 đến 1,2 triệu đồng.")] == ["từ 700.000 đến 1,2 triệu đồng"]


def test_a_year_that_names_an_edition_is_not_the_figures() -> None:
    q = analyse_question("Các doanh nhân trẻ khởi nghiệp xuất sắc 2017 đạt tổng doanh thu năm 2015 là bao nhiêu?")
    assert _measured_years(q) == (2015,)
    assert _measured_years(analyse_question("How many workers were hired between 2015 and 2017?")) == (2015, 2017)
    # a question that names only the edition's year asks it
    assert _measured_years(analyse_question("Thưởng Tết 2017 bình quân là bao nhiêu?")) == (2017,)
    answer = _answer(
        "Các doanh nhân trẻ khởi nghiệp xuất sắc 2017 đạt tổng doanh thu năm 2015 là bao nhiêu?",
        "Các doanh nhân trẻ khởi nghiệp xuất sắc 2017 đã tạo ra doanh thu 2016 là 3.457 tỷ đồng.",
        "Trong đó, TOP 10 doanh nhân trẻ khởi nghiệp xuất sắc năm 2017 đã tạo ra doanh thu 1.014 tỷ đồng.",
    )
    assert not answer.found, answer.answer


def test_a_year_compared_with_by_its_month_is_not_the_sentences() -> None:
    assert sentence_years("Chỉ số giá tiêu dùng tháng 4 so với tháng 12 năm 2016 tăng 0,9%.") == []
    assert sentence_years("Doanh thu quý 2 so với quý I năm 2016 tăng 5%.") == []
    # the frame of the figures after it is the year the paragraph opened with
    answer = _answer(
        "How much new, additional and share-purchase foreign direct investment was registered in the first months of "
        "2017?",
        "Vốn đầu tư trực tiếp nước ngoài (FDI) đăng ký mới, bổ sung và góp cổ phần đạt 10,6 tỷ USD, tăng 40,5%.",
        article="Trong những tháng đầu năm 2017, Chính phủ đã tập trung chỉ đạo. Chỉ số giá tiêu dùng tháng 4 so với "
        "tháng 12 năm 2016 tăng 0,9%.\n",
    )
    assert answer.found and answer.extracted == "10,6 tỷ USD", answer.answer


def test_vietnam_post_the_verb_is_no_body() -> None:
    assert "org.vnpost" not in [m.entity_id for m in gazetteer_mentions("What GDP growth did Vietnam post in 2017?")]
    assert "org.vnpost" in [m.entity_id for m in gazetteer_mentions("What profit did Vietnam Post report for 2016?")]
