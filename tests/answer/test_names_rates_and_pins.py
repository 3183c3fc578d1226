"""People whose names hold a place word, a person named again by given name, money and rate questions, a
question dated by its event's day (found on the eighth labour set's development half), an undated sentence of
an article about other years than the asked one, and a name the question gives, which is never its answer."""

from __future__ import annotations

from datetime import date

import pytest

from answer.constraints import question_places
from answer.extract import currency_of, is_currency, person_spans, short_mentions, spans_of
from answer.extractive import ExtractiveAnswerer, _antecedent, _previous_sentence
from answer.models import Answer
from answer.qtypes import analyse_question
from index.models import Hit
from tests.answer.sample_hits import sentence_hit


def _hit(sentence: str, *, doc_id: str = "a.txt", context: str | None = None, title: str = "Tin lao động") -> Hit:
    return sentence_hit(
        sentence, doc_id=doc_id, index=3, start=100, title=title, context=sentence if context is None else context
    )


# ---- a place word inside a name is a given name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Phó Thủ tướng Vũ Đức Đam cho biết như vậy.", "Vũ Đức Đam"),
        ("Ông Mai Đức Chính, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam cho biết.", "Mai Đức Chính"),
        ("Chị Nguyễn Thị Nga, công nhân may, cho biết.", "Nguyễn Thị Nga"),
        ("Bà Trần Thị Mỹ Linh nói.", "Trần Thị Mỹ Linh"),
    ],
)
def test_a_name_holding_a_country_word_is_a_person(sentence: str, name: str) -> None:
    assert [name in span.text for span in person_spans(sentence)] == [True]


def test_a_place_a_capitalised_run_opens_is_no_person() -> None:
    assert person_spans("Tại Hà Nội, Thái Lan và Lâm Đồng có nhiều lao động.") == []
    # a commune, a street or a school named like a person is a place
    sentence = "Ông Nguyễn Văn Hải ở xã Ninh Xuân, trên đường Trần Hưng Đạo, gần trường Lê Quý Đôn cho biết."
    assert [span.unit for span in person_spans(sentence)] == [("nguyễn", "văn", "hải")]


@pytest.mark.parametrize(
    ("question", "places", "names"),
    [
        ("Phó Thủ tướng Vũ Đức Đam đã chủ trì cuộc họp nào?", (), ("Vũ Đức Đam",)),
        ("Bà Nguyễn Thị Nga làm việc ở đâu?", (), ("Nguyễn Thị Nga",)),
        ("Lao động Việt Nam ở Đức có bao nhiêu người?", ("Đức",), ()),
        ("Thủ tướng Đức Angela Merkel nói gì?", ("Đức",), ()),
        ("Ông Nguyễn Văn Thiện ở Cục Thuế Quảng Bình giữ chức vụ gì?", ("Quảng Bình",), ("Nguyễn Văn Thiện",)),
        ("Ông Nguyễn Đức Chung, Chủ tịch UBND TP Hà Nội, nói gì về Đức?", ("Hà Nội", "Đức"), ("Nguyễn Đức Chung",)),
    ],
)
def test_a_question_naming_such_a_person_pins_no_country(question: str, places: tuple, names: tuple) -> None:
    q = analyse_question(question)
    assert q.places == places and q.names == names


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Phó Thủ tướng Vũ Đức Đam làm việc tại Quảng Nam.", ["Quảng Nam"]),
        ("Chị Nguyễn Thị Nga sang Nga làm việc.", ["Nga"]),  # the country, not the given name
        ("UBND Hà Nội và TP Hồ Chí Minh ký kết.", ["Hà Nội", "TP Hồ Chí Minh"]),
    ],
)
def test_a_place_word_inside_a_name_is_no_place_an_answer_can_be(sentence: str, places: list) -> None:
    assert [span.text for span in spans_of(sentence, "place")] == places


def test_a_bracket_or_a_comma_ends_a_name() -> None:
    # "Văn" is a surname, but "(Hà Nam)" is the province the industrial zone lies in
    assert question_places("Có hơn 1.000 căn tại KCN Đồng Văn (Hà Nam).") == ("Hà Nam",)


# ---- money and rates


def test_a_money_question_is_never_answered_by_an_age_or_a_bare_count() -> None:
    question = (
        "Công ty giấy A.F.C ở huyện Bình Chánh đã bồi thường cho gia đình công nhân Phùng Ngọc Thịnh bao nhiêu tiền?"
    )
    hit = _hit(
        "Đến trưa ngày 3.7, người nhà của anh Phùng Ngọc Thịnh (21 tuổi, ngụ huyện Bình Chánh, TPHCM) – người tử vong "
        "tại công ty giấy A.F.C – vẫn chưa nhận được bồi thường."
    )
    assert not ExtractiveAnswerer().answer(question, [hit]).found


def test_millions_without_a_currency_can_hold_money() -> None:
    question = "Nữ công nhân Denso thuê căn hộ ở Khu nhà ở xã hội Kim Chung với giá bao nhiêu tiền một tháng?"
    sentence = "Nữ công nhân Denso thuê căn hộ ở Khu nhà ở xã hội Kim Chung với giá thuê chỉ 1,5 triệu/tháng."
    answerer = ExtractiveAnswerer()
    q, cands = answerer.candidates(question, [_hit(sentence)])
    assert q.money and [c.span.text for c in cands if c.span is not None] == ["chỉ 1,5 triệu/tháng"]
    answer = answerer.answer(question, [_hit(sentence)])
    assert answer.found and "1,5 triệu/tháng" in answer.answer


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("Lao động nhận hàng thêu của doanh nghiệp Minh Trang có mức lương bình quân bao nhiêu mỗi tháng?", True),
        ("Tổng số lao động được hỗ trợ tiền thuê nhà là bao nhiêu?", False),
        ("Bao nhiêu lao động được hỗ trợ tiền thuê nhà?", False),
    ],
)
def test_money_asked_right_after_its_noun_is_money_whatever_comes_before(question: str, money: bool) -> None:
    assert analyse_question(question).money is money


@pytest.mark.parametrize(
    ("question", "currency"),
    [
        ("Mỗi thuyền viên bị cướp biển bắt giữ được hỗ trợ bao nhiêu đô la Mỹ?", "usd"),
        ("How many US dollars did each crew member receive?", "usd"),
        ("Mỗi thuyền viên được hỗ trợ bao nhiêu triệu đồng?", "vnd"),
        ("How much did each crew member receive, in dong?", "vnd"),
        ("Mỗi thuyền viên được hỗ trợ bao nhiêu tiền?", None),
        ("Hợp đồng lao động của thuyền viên trị giá bao nhiêu?", None),  # "đồng" of "hợp đồng" names no currency
    ],
)
def test_a_money_question_may_name_its_currency(question: str, currency: str | None) -> None:
    q = analyse_question(question)
    assert q.money and q.currency == currency


def test_an_english_money_question_is_never_answered_by_a_count() -> None:
    question = "What is the total contract value of VNPT Technology's deal to supply set-top boxes to poor households?"
    assert analyse_question(question).money
    count = _hit("VNPT Technology ký hợp đồng cung cấp đầu thu truyền hình số cho hơn 174.000 hộ nghèo.")
    answer = ExtractiveAnswerer().answer(question, [count])
    assert not (answer.found and "174.000" in (answer.extracted or ""))
    priced = _hit("VNPT Technology ký hợp đồng trị giá 230 tỷ đồng cung cấp đầu thu truyền hình số cho hộ nghèo.")
    answer = ExtractiveAnswerer().answer(question, [priced])
    assert answer.found and "230 tỷ đồng" in (answer.extracted or "")


def test_an_amount_in_another_currency_than_the_asked_one_answers_nothing() -> None:
    sentence = "Mỗi thuyền viên bị cướp biển Somali bắt giữ được hỗ trợ 24.030.000 đồng."
    dollars = "Mỗi thuyền viên bị cướp biển Somali bắt giữ được hỗ trợ bao nhiêu đô la Mỹ?"
    assert not ExtractiveAnswerer().answer(dollars, [_hit(sentence)]).found
    # nor does a count of the crew, which is no amount at all
    crew = _hit("Bộ LĐ-TB&XH hỗ trợ 3 thuyền viên bị cướp biển Somali bắt giữ.")
    assert not ExtractiveAnswerer().answer(dollars, [crew]).found
    money = "Mỗi thuyền viên bị cướp biển Somali bắt giữ được hỗ trợ bao nhiêu tiền?"
    answer = ExtractiveAnswerer().answer(money, [_hit(sentence)])
    assert answer.found and "24.030.000 đồng" in answer.answer


@pytest.mark.parametrize(
    ("sentence", "figure", "currency"),
    [
        ("Ông Dương đã ký 240 hợp đồng lao động với người lao động.", "240 hợp đồng lao động", None),
        ("Thành phố có 5 đô thị loại I.", "5 đô thị loại I", None),
        ("Quận đã thành lập 3 hội đồng tuyển dụng.", "3 hội đồng", None),
        ("Mỗi người được hỗ trợ 1,5 triệu đồng/người.", "1,5 triệu đồng/người", "vnd"),
        ("Mức lương là 300 USD một tháng.", "300 USD", "usd"),
    ],
)
def test_a_currency_syllable_inside_another_word_names_no_money(sentence: str, figure: str, currency: str | None) -> None:
    span = next(s for s in spans_of(sentence, "quantity") if s.text == figure)
    assert currency_of(span) == currency and is_currency(span) is (currency is not None)


def test_a_count_of_contracts_answers_how_many_contracts() -> None:
    question = "Ông Dương đã tự ký bao nhiêu hợp đồng lao động?"
    sentence = "Từ năm 2012 đến năm 2014, ông Dương đã ký 240 hợp đồng lao động với người lao động."
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and answer.extracted == "240 hợp đồng lao động"


def test_the_size_of_a_rise_may_be_a_share() -> None:
    question = "LĐLĐ tỉnh Hưng Yên đề xuất mức tăng lương tối thiểu vùng năm 2017 là bao nhiêu?"
    sentence = "LĐLĐ tỉnh Hưng Yên đã đề xuất kiến nghị mức tăng lương tối thiểu vùng năm 2017 là 15%."
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert analyse_question(question).asks_change and answer.found and answer.extracted == "15%"
    # a share answers no question for an amount that is no change
    amount = "Lương tối thiểu vùng I năm 2017 ở Hưng Yên là bao nhiêu?"
    assert not analyse_question(amount).asks_change
    assert not ExtractiveAnswerer().answer(amount, [_hit("Lương tối thiểu vùng I năm 2017 ở Hưng Yên tăng 7,3%.")]).found


def test_a_rate_for_another_period_contradicts_the_asked_one() -> None:
    sentence = (
        "Doanh nghiệp tư nhân Minh Trang tạo việc làm cho 350 lao động nhận hàng thêu tại gia đình với mức lương "
        "bình quân 3,5 triệu đồng/người/tháng."
    )
    per_day = "Lao động nhận hàng thêu của doanh nghiệp Minh Trang được trả bao nhiêu tiền một ngày công?"
    per_month = "Lao động nhận hàng thêu của doanh nghiệp Minh Trang có mức lương bình quân bao nhiêu mỗi tháng?"
    assert not ExtractiveAnswerer().answer(per_day, [_hit(sentence)]).found
    answer = ExtractiveAnswerer().answer(per_month, [_hit(sentence)])
    assert answer.found and "3,5 triệu đồng/người/tháng" in answer.answer


# ---- the day an event is dated by is the article's


def test_the_event_day_a_question_names_may_be_said_in_the_lead_only() -> None:
    question = (
        "Theo Bộ trưởng Đào Ngọc Dung khi khảo sát sân bay Tân Sơn Nhất chiều 12/7, còn khoảng bao nhiêu hài cốt liệt "
        "sĩ chưa được tìm thấy?"
    )
    sentence = (
        "Khảo sát sân bay Tân Sơn Nhất, Bộ trưởng Đào Ngọc Dung cho biết còn khoảng 200.000 hài cốt liệt sĩ chưa "
        "được tìm thấy."
    )
    lead = "Chiều 12/7, Bộ trưởng Đào Ngọc Dung khảo sát khu vực sân bay Tân Sơn Nhất. "
    answered = ExtractiveAnswerer(article_text={"a.txt": lead + sentence}.__getitem__).answer(
        question, [_hit(sentence)]
    )
    assert answered.found and "200.000" in (answered.extracted or "")
    # an article that never names the day is about another visit
    other = "Sáng 3/5, Bộ trưởng Đào Ngọc Dung làm việc với Bộ Quốc phòng. "
    assert (
        not ExtractiveAnswerer(article_text={"a.txt": other + sentence}.__getitem__)
        .answer(question, [_hit(sentence)])
        .found
    )


# ---- a person named again by given name is that person (question types: test_generalisation.test_question_types)


def test_the_deed_of_a_leader_follows_the_body_named() -> None:
    q = analyse_question("Lãnh đạo nào của Tổng Liên đoàn Lao động Việt Nam lo ngại tăng tuổi nghỉ hưu?")
    assert q.head[:2] == ("lo", "ngại")


def test_a_short_mention_is_honorific_and_given_name_only() -> None:
    assert [m.text for m in short_mentions("“Tăng tuổi nghỉ hưu sẽ tăng sức ép việc làm” - ông Chính nói.")] == [
        "ông Chính"
    ]
    assert short_mentions("Ông Mai Đức Chính cho biết.") == []


ARTICLE = (
    "Khi đề cập vấn đề tăng tuổi nghỉ hưu, ông Mai Đức Chính, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam từng cho "
    "biết, cơ quan này bảo lưu quan điểm. “Tăng tuổi nghỉ hưu sẽ tăng sức ép việc làm, giảm cơ hội của lao động "
    "trẻ” - ông Chính nói."
)
QUOTE = "“Tăng tuổi nghỉ hưu sẽ tăng sức ép việc làm, giảm cơ hội của lao động trẻ” - ông Chính nói."
WHO = "Lãnh đạo nào của Tổng Liên đoàn Lao động Việt Nam lo ngại tăng tuổi nghỉ hưu sẽ tăng sức ép việc làm?"


def _people(article: str) -> list[tuple[str, str]]:
    """The person candidates of the quote, as (shown text, the words the sentence writes there)."""
    _, cands = ExtractiveAnswerer(article_text={"a.txt": article}.__getitem__).candidates(WHO, [_hit(QUOTE)])
    return [(c.span.text, QUOTE[c.span.start : c.span.end]) for c in cands if c.span is not None]


def test_a_person_named_again_by_given_name_is_read_as_the_full_name() -> None:
    # the span stays where the sentence names him (its citation offsets); it reads as the article introduced him
    assert _people(ARTICLE) == [("Mai Đức Chính, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam", "ông Chính")]


def test_a_given_name_two_people_share_is_no_ones() -> None:
    assert _people(ARTICLE + " Ông Nguyễn Văn Chính, chuyên gia, cũng cho biết.") == []
    assert _people("Bài không nêu tên đầy đủ.") == []  # an article that never gives the full name


def test_a_person_named_again_by_title_alone_is_read_as_the_full_name() -> None:
    article = (
        "Tại buổi họp báo, Thứ trưởng Bộ Công thương Đỗ Thắng Hải cho biết EVN và TKV nên làm việc để tìm ra giải pháp."
        " Nói về yếu tố cạnh tranh, Thứ trưởng Bộ Công thương lưu ý TKV có khoảng 113.000 lao động."
    )
    quote = "Nói về yếu tố cạnh tranh, Thứ trưởng Bộ Công thương lưu ý TKV có khoảng 113.000 lao động."
    question = "Which Deputy Minister of Industry and Trade pointed to the livelihoods of 113,000 coal workers?"
    answerer = ExtractiveAnswerer(article_text={"a.txt": article}.__getitem__)
    _, cands = answerer.candidates(question, [_hit(quote)])
    assert [(c.span.text, quote[c.span.start : c.span.end]) for c in cands if c.span is not None] == [
        ("Thứ trưởng Bộ Công thương Đỗ Thắng Hải", "Thứ trưởng Bộ Công thương")
    ]
    # a title two people of the article hold is no one's
    two = article + " Thứ trưởng Bộ Công thương Cao Quốc Hưng cũng có mặt."
    _, cands = ExtractiveAnswerer(article_text={"a.txt": two}.__getitem__).candidates(question, [_hit(quote)])
    assert all(c.span is None for c in cands)


# ---- digits that date an event are no figure


@pytest.mark.parametrize(
    ("sentence", "holds"),
    [
        ("Trong cuộc làm việc chiều 6/7, Phó Thủ tướng đã nghe kiến nghị của các cơ sở đào tạo du lịch.", False),
        ("Lúc 13 giờ 30 phút ngày 12-7-2017, đoàn công tác đến các cơ sở đào tạo du lịch.", False),
        ("Năm 2016, các cơ sở đào tạo du lịch tuyển sinh.", False),
        ("Cả nước có khoảng 156 cơ sở đào tạo du lịch.", True),
        # a number word capitalised inside a name counts nothing; one opening the sentence does
        ("Trung tướng Nguyễn Xuân Mười khẳng định các cơ sở đào tạo du lịch năm 2017 đã làm tốt.", False),
        ("Hai cơ sở đào tạo du lịch đã được công nhận.", True),
    ],
)
def test_a_sentence_whose_only_digits_date_it_holds_no_count(sentence: str, holds: bool) -> None:
    from answer.extractive import _can_hold

    q = analyse_question("Roughly how many tourism training institutions does Vietnam have?")
    assert _can_hold(q, sentence) is holds


def test_a_sentence_whose_every_figure_counts_another_noun_is_no_answer_as_a_whole() -> None:
    from answer.extractive import _counts_only_other_nouns

    question = analyse_question("Liên đoàn Lao động thành phố Hà Nội đang quản lý bao nhiêu đoàn viên?")
    functions = (
        "Phó Chủ tịch Liên đoàn Lao động Thành phố Hà Nội yêu cầu Ban Chấp hành Công đoàn cơ sở thực hiện tốt 3 chức"
        " năng của tổ chức công đoàn, chăm lo cho đoàn viên."
    )
    assert _counts_only_other_nouns(question, functions)
    hit = _hit(functions, title="Liên đoàn Lao động Thành phố Hà Nội")
    assert not ExtractiveAnswerer().answer(question.text, [hit]).found
    # a figure of the same kind counts what the clause names before it; one no extractor reads may be the count
    interns = analyse_question("Năm 2016 nước mình cử sang Nhật bao nhiêu thực tập sinh kỹ năng?")
    assert not _counts_only_other_nouns(interns, "Lượng thực tập sinh được cử sang Nhật Bản lên tới hơn 40.000 người.")
    assert not _counts_only_other_nouns(question, "Hiện có 3 chức năng và 1,2 triệu.")
    # babies are children: "em bé" counts what "bao nhiêu trẻ" asks, so the sentence may still answer
    children = analyse_question("Có bao nhiêu trẻ được tiêm vắc xin trong đợt này?")
    assert not _counts_only_other_nouns(children, "Trong đợt này đã có 42 em bé được tiêm vắc xin.")


def test_what_a_money_question_prices_is_its_head_not_the_subject_it_opens_with() -> None:
    q = analyse_question("Một nữ công nhân thuê căn hộ ở Khu nhà ở xã hội Kim Chung với giá bao nhiêu một tháng?")
    assert q.money and q.head == ("giá",)
    q = analyse_question(
        "Lao động nhận hàng thêu của doanh nghiệp Minh Trang có mức lương bình quân bao nhiêu mỗi tháng?"
    )
    assert q.money and q.head == ("mức", "lương")


# ---- an undated sentence is about the years its article is about

SAVED = "Các cấp Hội đã tiết kiệm được 553,763 tỷ đồng."
ASKED_2014 = "Năm 2014, các cấp Hội Phụ nữ tiết kiệm được bao nhiêu tiền?"
# a lead that names no year, then a body that does, past the lead
LEAD = "Hội Phụ nữ Hà Nội phát động phong trào tiết kiệm. " + "Nhiều chi hội làm tốt phong trào này. " * 12


def _saved(body: str, question: str = ASKED_2014) -> tuple[bool, str]:
    article = LEAD + body + " " + SAVED
    # one hit of nothing else retrieved is no sure answer; the floor is another check's (min_confidence 0)
    answerer = ExtractiveAnswerer(article_text={"a.txt": article}.__getitem__, min_confidence=0.0)
    answered = answerer.answer(question, [_hit(SAVED)])
    return answered.found, answered.answer


def test_an_undated_figure_of_an_article_about_years_far_from_the_asked_one_is_no_evidence() -> None:
    found, text = _saved("Hội tổng kết năm 2016.")
    assert not found
    # true as said: only the article's years are known, not the figure's own
    assert "2014" in text and "bài viết gần nhất chỉ nhắc đến năm 2016" in text and "553,763" in text


@pytest.mark.parametrize(
    "body",
    [
        "Hội tổng kết năm 2015.",  # a year away: the article may be written the year after
        "Phong trào tiếp tục lan tỏa.",  # no year at all: unknown, never a mismatch
        "Hội tổng kết năm 2016 và nhìn lại năm 2014.",  # names the asked year
    ],
)
def test_an_undated_figure_answers_when_its_article_may_be_about_the_asked_year(body: str) -> None:
    found, text = _saved(body)
    assert found and "553,763" in text


# ---- a name the question gives is what it asks about, not its answer


@pytest.mark.parametrize(
    ("question", "sentence", "extracted"),
    [
        (
            "Công nhân Nguyễn Văn Hùng của công ty giấy ở TPHCM được đồng nghiệp tìm thấy ở đâu?",
            "Công nhân Nguyễn Văn Hùng của công ty giấy ở TPHCM được đồng nghiệp tìm thấy tại Bình Dương.",
            "Bình Dương",
        ),
        # the towns a plural level word names ("các thị xã Dĩ An, Thuận An"), not the province the question names
        (
            "Sở Tư pháp Bình Dương đã phối hợp với những thị xã nào?",
            "Sở Tư pháp tỉnh Bình Dương đã phối hợp với các thị xã Dĩ An, Thuận An, Tân Uyên tổ chức đăng ký.",
            "thị xã Dĩ An, Thuận An, Tân Uyên",
        ),
        # a country's name that is also a common word is no echo of that word ("thẩm mỹ")
        (
            "Lao động ngành thẩm mỹ được đưa sang làm việc ở nước nào?",
            "Lao động ngành thẩm mỹ được đưa sang làm việc ở Mỹ.",
            "Mỹ",
        ),
    ],
)
def test_a_name_the_question_gives_is_never_its_answer(question: str, sentence: str, extracted: str | None) -> None:
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and answer.extracted == extracted


# ---- a district's figure is not its province's


def test_a_figure_a_district_states_for_itself_does_not_answer_for_its_city() -> None:
    question = "Liên đoàn Lao động thành phố Hà Nội đang quản lý bao nhiêu đoàn viên?"
    district = _hit(
        "Công đoàn cơ sở Công ty Hợp tác JA Việt thuộc LĐLĐ quận Long Biên vừa thành lập với 32 đoàn viên.",
        title="Công đoàn Hà Nội phát triển đoàn viên",
    )
    assert not ExtractiveAnswerer().answer(question, [district]).found
    # the city's own figure answers, and so does one stated for the whole city beside a district's
    city = _hit("Liên đoàn Lao động thành phố Hà Nội đang quản lý hơn 800.000 đoàn viên.", doc_id="b.txt")
    assert "800.000" in (ExtractiveAnswerer().answer(question, [district, city]).extracted or "")
    whole = _hit("Riêng quận Long Biên có 32 công đoàn cơ sở mới; toàn thành phố Hà Nội có 800.000 đoàn viên.", doc_id="c.txt")
    assert "800.000" in (ExtractiveAnswerer().answer(question, [whole]).extracted or "")
    # districts listed after a total share it out: the total is the province's
    total = _hit(
        "Năm 2015, Hà Nội khánh thành 4.895 căn hộ tại 4 địa phương là quận Long Biên (752 căn), huyện Gia Lâm (320 căn).",
        doc_id="d.txt",
    )
    assert "4.895" in (ExtractiveAnswerer().answer("Năm 2015 Hà Nội khánh thành bao nhiêu căn hộ?", [total]).extracted or "")


# ---- a photo caption is never evidence of what a paragraph is about


def test_a_company_named_only_in_a_photo_caption_does_not_pin_the_paragraph() -> None:
    question = "How many workers did Nhat Huy Khang Company send to Japan in 2016?"
    figure = "Trong năm 2016, cả nước đưa 39.938 lao động sang Nhật Bản làm việc."
    caption = "Lao động Việt Nam do Công ty Nhật Huy Khang tuyển chọn sang Nhật Bản làm việc Ảnh: Trần Duy"
    captioned = _hit(figure, context=f"{caption} {figure}", title="Xuất khẩu lao động khởi sắc")
    assert not ExtractiveAnswerer().answer(question, [captioned]).found
    # the same name in a statement of the paragraph does pin it
    stated = "Công ty Nhật Huy Khang cho biết đã tuyển chọn nhiều lao động."
    named = _hit(figure, context=f"{stated} {figure}", title="Xuất khẩu lao động khởi sắc")
    assert ExtractiveAnswerer().answer(question, [named]).found


def test_a_figure_written_against_its_unit_states_the_number_a_question_names() -> None:
    question = "How many offshore fishing boats of 400 CV or more does Da Nang have?"
    boats = _hit("Thành phố Đà Nẵng có hơn 430 tàu công suất 400CV trở lên đánh bắt xa bờ.")
    assert ExtractiveAnswerer().answer(question, [boats]).found
    other = _hit("Thành phố Đà Nẵng có hơn 430 tàu công suất 4000CV trở lên đánh bắt xa bờ.")
    assert not ExtractiveAnswerer().answer(question, [other]).found


def test_the_month_a_question_names_is_stated_by_the_month_written_with_its_year() -> None:
    question = "Tháng 2 năm nay doanh nghiệp ở TP HCM cần tuyển bao nhiêu lao động thời vụ?"
    sentence = "Dự kiến tháng {} này, doanh nghiệp ở TP HCM cần tuyển trên 10.000 lao động thời vụ."
    clock = lambda: date(2017, 12, 31)  # noqa: E731
    assert ExtractiveAnswerer(clock=clock).answer(question, [_hit(sentence.format("2/2017"))]).found
    assert not ExtractiveAnswerer(clock=clock).answer(question, [_hit(sentence.format("12/2017"))]).found


def test_a_month_the_evidence_does_not_state_is_unknown_not_a_mismatch() -> None:
    question = "Hội thảo APEC hồi tháng 5 dự báo bao nhiêu lao động ngành da giày có nguy cơ mất việc làm?"
    sentence = "{}Hội thảo APEC dự báo 86.000 lao động ngành da giày có nguy cơ mất việc làm."
    assert ExtractiveAnswerer().answer(question, [_hit(sentence.format(""))]).found
    assert ExtractiveAnswerer().answer(question, [_hit(sentence.format("Ngày 11/5, "))]).found
    assert not ExtractiveAnswerer().answer(question, [_hit(sentence.format("Ngày 11/6, "))]).found


def test_a_month_with_its_year_is_time_not_a_number_the_evidence_must_write() -> None:
    # "tháng 6/2013" is said "tháng 6 năm 2013" or not at all; another month stated contradicts
    question = "Tỷ lệ thất nghiệp ở Qatar vào tháng 6/2013 là bao nhiêu?"
    sentence = "Tỷ lệ thất nghiệp của Qatar {}là 0,1%."
    assert ExtractiveAnswerer().answer(question, [_hit(sentence.format("trong tháng 6 năm 2013 "))]).found
    assert ExtractiveAnswerer().answer(question, [_hit(sentence.format("năm 2013 "))]).found
    assert not ExtractiveAnswerer().answer(question, [_hit(sentence.format("trong tháng 9/2013 "))]).found


def _asked_of_article(question: str, article: str, sentence: str, title: str) -> Answer:
    """The answer from one hit, the sentence where the article has it, the article readable by the answerer."""
    hit = sentence_hit(sentence, doc_id="a.txt", index=3, start=article.index(sentence), title=title, context=sentence)
    return ExtractiveAnswerer(article_text={"a.txt": article}.__getitem__).answer(question, [hit])


def test_a_province_a_round_up_names_once_for_its_section_pins_the_sentences_after_it() -> None:
    question = "Một cử tri ở Cẩm Phả (Quảng Ninh) đề nghị Quốc hội sớm ban hành luật nào?"
    heading = "Tại Quảng Ninh, Đoàn đại biểu Quốc hội tỉnh đã tiếp xúc cử tri ngành than."
    voter = "Cử tri Phạm Thị Thư (thành phố Cẩm Phả) đề nghị Quốc hội sớm ban hành Luật Tiền lương tối thiểu."
    # the lead (title and first paragraphs) names no province: the section does
    lead = "Các đoàn đại biểu Quốc hội đã tiếp xúc cử tri trước kỳ họp thứ ba. " * 12
    title = "Cử tri kiến nghị nhiều vấn đề"
    article = f"{title}\n\n{lead}\n\n{heading} Ý kiến cử tri tập trung vào tiền lương.\n\n{voter}"
    answer = _asked_of_article(question, article, voter, title)
    assert answer.found and answer.extracted == "Luật Tiền lương tối thiểu"
    # a section set for another province does not
    other = article.replace("Tại Quảng Ninh", "Tại Tây Ninh")
    assert not _asked_of_article(question, other, voter, title).found


def test_a_company_a_report_names_once_for_its_section_pins_its_representatives_words() -> None:
    question = "Đại diện công ty Zamil kể đi làm sổ đỏ cho công ty phải lo bao nhiêu loại giấy tờ?"
    heading = "Đại diện Zamil VN cho hay, khi đoàn thanh tra đến phải qua Ban quản lý khu công nghiệp."
    quote = "Ông kể khi đi làm thủ tục sổ đỏ và đăng ký sở hữu công trình của công ty thì mất tới 32 loại giấy tờ."
    lead = "Công nhân các khu công nghiệp đối thoại với lãnh đạo thành phố về nhà ở và thủ tục. " * 6
    title = "Đối thoại với công nhân"
    article = f"{title}\n\n{lead}\n\n{heading} Ông cũng nêu thực trạng kiểm tra chồng chéo. {quote}"
    answer = _asked_of_article(question, article, quote, title)
    assert answer.found and answer.extracted is not None and "32 loại giấy tờ" in answer.extracted
    # a section set for another company does not
    other = article.replace("Zamil VN", "Canon VN")
    assert not _asked_of_article(question, other, quote, title).found


def test_a_numbered_district_is_named_with_its_level_word() -> None:
    question = "Quận 5 TP.HCM đang quản lý bao nhiêu người có công?"
    sentence = "5 năm qua, Quỹ đền ơn đáp nghĩa của Quận ở TP.HCM đã hỗ trợ 127 người có công."
    assert not ExtractiveAnswerer().answer(question, [_hit(sentence)]).found
    named = "Quận 5 TP.HCM hiện đang quản lý 127 người có công."
    assert ExtractiveAnswerer().answer(question, [_hit(named)]).found


def test_the_day_a_question_dates_its_event_by_does_not_pick_the_person_beside_it() -> None:
    question = "Chiều 20/5, khi làm việc với Phó Thủ tướng, ai là Bộ trưởng GD-ĐT nói mục tiêu không phải là giảm biên chế?"
    lead = "Sẽ bỏ biên chế ngành giáo dục\n\nChiều 20/5 tại Hà Nội, Phó Thủ tướng Vương Đình Huệ làm việc với Bộ GD-ĐT."
    minister = (
        "Khi làm việc với Phó Thủ tướng, Bộ trưởng Bộ GD-ĐT Phùng Xuân Nhạ nói mục tiêu chính không phải là giảm biên"
        " chế."
    )
    dated = "Chiều 20/5, tại Hà Nội, Phó Thủ tướng Vương Đình Huệ đã làm việc với Bộ Giáo dục và Đào tạo."
    article = f"{lead}\n\n{minister}"
    hits = [
        sentence_hit(minister, doc_id="a.txt", index=2, start=article.index(minister), title="Sẽ bỏ biên chế", context=minister),
        sentence_hit(dated, doc_id="b.txt", index=0, start=0, score=0.9, title="Đổi mới đơn vị sự nghiệp", context=dated),
    ]
    texts = {"a.txt": article, "b.txt": dated}
    answer = ExtractiveAnswerer(article_text=texts.__getitem__).answer(question, hits)
    assert answer.found and "Phùng Xuân Nhạ" in (answer.extracted or "")


# ---- a body the question gives as the source of its fact pins it


def test_a_labour_federation_the_question_cites_as_its_source_must_be_the_evidences() -> None:
    question = "Liên đoàn Lao động tỉnh Khánh Hòa cho biết bao nhiêu phần trăm tàu cá gần bờ đang thiếu bạn thuyền?"
    other = _hit(
        "Ông Đỗ Trung Hiệp, Phó Giám đốc Trung tâm quản lý thủy sản tỉnh Khánh Hòa cho biết, 80% số tàu cá gần bờ "
        "đang thiếu bạn thuyền."
    )
    assert not ExtractiveAnswerer().answer(question, [other]).found
    cited = _hit("Liên đoàn Lao động tỉnh Khánh Hòa cho biết, 80% số tàu cá gần bờ đang thiếu bạn thuyền.")
    assert ExtractiveAnswerer().answer(question, [cited]).found
    # named as who helps, not as who says, it pins nothing: any clause may name a province's labour federation
    helped = "Mỗi công nhân được Liên đoàn Lao động tỉnh Khánh Hòa hỗ trợ bao nhiêu tiền?"
    support = _hit("Năm nay, mỗi công nhân khó khăn ở Khánh Hòa được hỗ trợ 500.000 đồng.")
    assert ExtractiveAnswerer().answer(helped, [support]).found


# ---- world regions


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Việc này khiến châu Âu thiệt hại bao nhiêu mỗi năm?", ("châu Âu",)),
        ("How much does the Asia-Pacific region lose each year?", ("Asia-Pacific",)),
        ("khu vực châu Á - Thái Bình Dương thiệt hại khoảng 89 tỷ USD", ("châu Á - Thái Bình Dương",)),
        ("Glyphosate đã bị cấm ở Liên minh châu Âu hơn 15 năm.", ()),  # a body, not the region
        ("Ngân hàng Phát triển châu Á dự báo tăng trưởng 6,5%.", ()),
    ],
)
def test_a_world_region_is_a_place(text: str, places: tuple[str, ...]) -> None:
    assert question_places(text) == places


def test_a_figure_stated_for_one_region_answers_nothing_about_another() -> None:
    sentence = (
        "Ước tính của Liên hợp quốc cho thấy hạn chế sự tham gia của phụ nữ trong lực lượng lao động khiến khu vực châu Á"
        " - Thái Bình Dương thiệt hại khoảng 89 tỷ USD mỗi năm."
    )
    europe = "Theo ước tính của Liên hợp quốc, việc hạn chế phụ nữ tham gia lực lượng lao động khiến châu Âu thiệt hại bao nhiêu mỗi năm?"
    assert not ExtractiveAnswerer().answer(europe, [_hit(sentence)]).found
    asia = "By a UN estimate, how much does the Asia-Pacific region lose each year because women's participation in the workforce is held back?"
    answer = ExtractiveAnswerer().answer(asia, [_hit(sentence)])
    assert answer.found and "89 tỷ USD" in answer.answer


def test_a_figure_of_the_whole_group_is_no_count_of_the_part_the_question_narrows() -> None:
    question = "Tập đoàn TKV có bao nhiêu lao động nữ?"
    whole = _hit("Tập đoàn TKV hiện có khoảng 113.000 lao động.")
    assert not ExtractiveAnswerer().answer(question, [whole]).found
    part = _hit("Trong đó, TKV có 12.000 lao động nữ làm việc tại các mỏ.", doc_id="b.txt")
    answer = ExtractiveAnswerer().answer(question, [whole, part])
    assert answer.found and answer.extracted == "12.000 lao động nữ"
    # the narrowing word in the figure's clause counts the part ("giúp 300 hộ thoát nghèo" are poor households)
    poor = "Năm 2016 có bao nhiêu hộ nghèo thoát nghèo?"
    answer = ExtractiveAnswerer().answer(poor, [_hit("Năm 2016, chương trình đã giúp 300 hộ thoát nghèo.")])
    assert answer.found and "300 hộ" in answer.answer


def test_a_date_the_question_already_gives_is_no_answer_to_when() -> None:
    question = "Phiên họp Chính phủ thường kỳ tháng 6 diễn ra vào sáng ngày nào?"
    echo = _hit("Sáng nay, tại Trụ sở Chính phủ, Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 6.")
    assert ExtractiveAnswerer().answer(question, [echo]).extracted != "tháng 6"
    dated = _hit("Sáng 4-7, Chính phủ họp phiên thường kỳ tháng 6 dưới sự chủ trì của Thủ tướng.", doc_id="b.txt")
    answer = ExtractiveAnswerer().answer(question, [echo, dated])
    assert answer.found and "4-7" in (answer.extracted or "")


@pytest.mark.parametrize(
    ("question", "money", "counted"),
    [
        # a company, hospital or numbered district the question names is one thing, not what it counts
        ("Công ty Jtex Vina ở quận 9 đang nợ tiền BHXH của người lao động khoảng bao nhiêu?", True, "labourer"),
        ("Bệnh viện Bạch Mai có bao nhiêu bác sĩ?", False, "doctor"),
        ("Số doanh nghiệp nợ BHXH là bao nhiêu?", False, "enterprise"),
        # earning and paying ask for money
        ("Mỗi tháng người bán hàng rong kiếm được bao nhiêu?", True, "person"),
    ],
)
def test_what_a_question_counts_is_no_thing_it_names(question: str, money: bool, counted: str | None) -> None:
    q = analyse_question(question)
    assert (q.money, q.counted) == (money, counted)


def test_which_communes_is_answered_by_the_communes_named_with_their_level_words() -> None:
    sentences = [
        "Trong thời gian qua, nguồn vốn từ Ngân hàng Chính sách xã hội đã đến từng thôn thông qua gần 11.000 điểm giao dịch xã.",
        "Đầu năm 2017, Ngân hàng Chính sách xã hội đã mở 4 phiên giao dịch tại P. Bình Hiên, P. An Khê và xã Hòa Nhơn, H. Hòa Vang.",
    ]
    question = "Đầu năm 2017 Ngân hàng Chính sách xã hội đã mở các phiên giao dịch ở những phường, xã nào?"
    hits = [sentence_hit(s, doc_id="a.txt", index=i, start=200 * i, title="Tin", context=s) for i, s in enumerate(sentences)]
    answer = ExtractiveAnswerer().answer(question, hits)
    assert answer.found and answer.extracted == "P. Bình Hiên, P. An Khê và xã Hòa Nhơn"


@pytest.mark.parametrize(
    ("question", "sentence", "spans"),
    [
        # a country or a province is asked: a commune or district is no candidate, the province is
        (
            "Thầy Lê Văn Toán dạy ở trường nào, tỉnh nào?",
            "Thầy Lê Văn Toán (giáo viên trường Tiểu học Kiên Thành – xã Kiên Thành, huyện Trấn Yên, Yên Bái) nói.",
            ["Yên Bái"],
        ),
        (
            "Công ty Việt - Sing hứa đưa lao động sang nước nào làm việc?",
            "Người dân xã Cương Gián lo lắng vì Công ty Việt - Sing hứa đưa họ đi làm việc tại Singapore.",
            ["Singapore"],
        ),
        # a list question asking "huyện nào" is answered by the district
        (
            "Các hộ nghèo được tặng bồn nước ở Long An thuộc huyện nào?",
            "Hơn 100 hộ dân nghèo ở 5 xã của huyện Cần Giuộc được tặng bồn nước.",
            ["huyện Cần Giuộc"],
        ),
        # a list of people: the commune of one of them is no candidate
        (
            "Những lao động quê Nghệ An nào thiệt mạng ở Trung Quốc?",
            "Có 4 lao động quê Nghệ An thiệt mạng ở Trung Quốc gồm Lưu Xuân Hoàng (xã Nam Lộc, huyện Nam Đàn), Lê Đình Hiếu.",
            [],
        ),
    ],
)
def test_a_district_or_commune_answers_only_a_question_for_one(question: str, sentence: str, spans: list[str]) -> None:
    _, cands = ExtractiveAnswerer().candidates(question, [_hit(sentence)])
    assert sorted(c.span.text for c in cands if c.span is not None) == spans


def test_a_number_the_question_states_in_another_clause_sets_that_clause_apart() -> None:
    """The question's number ("431 tỷ đồng") is said in one ";"-clause and the figure in another: the figure counts
    that other clause's fact (the households given rice), not the one the question asks about."""
    two_facts = _hit(
        "Chính phủ đã chuyển quà Tết đến hơn hai triệu người có công với tổng số tiền 431 tỷ đồng; "
        "cấp phát hơn 14.000 tấn gạo cứu đói cho gần 300.000 hộ."
    )
    for question in (
        "Bao nhiêu hộ nhận quà Tết cho người có công trị giá 431 tỷ đồng?",
        "How many households received the Tet gifts for people with merit worth 431 billion dong?",
    ):
        answer = ExtractiveAnswerer().answer(question, [two_facts])
        assert not (answer.found and "300.000" in answer.answer), question
    one_fact = _hit("Quà Tết trị giá 431 tỷ đồng đã được trao cho 250.000 hộ người có công.")
    answer = ExtractiveAnswerer().answer("Bao nhiêu hộ nhận quà Tết cho người có công trị giá 431 tỷ đồng?", [one_fact])
    assert answer.found and "250.000 hộ" in (answer.extracted or "")  # one clause states both: its figure answers
    # a clause that states only the question's number sets the topic of the next one, which answers
    topic = _hit(
        "Hiện có khoảng 12.000 lao động Hà Tĩnh làm việc tại Hàn Quốc; mỗi năm số lao động này gửi về quê "
        "khoảng 90 triệu USD."
    )
    answer = ExtractiveAnswerer().answer("12.000 lao động Hà Tĩnh ở Hàn Quốc mỗi năm gửi về quê bao nhiêu tiền?", [topic])
    assert answer.found and "90 triệu USD" in (answer.extracted or ""), answer.answer


@pytest.mark.parametrize(
    ("sentence", "refers_back"),
    [
        ("Năm 2015, ông được cấp Giấy chứng nhận quyền sử dụng đất và được giảm 80% tiền sử dụng đất.", True),
        ("Ông cho biết mỗi tháng được trả 5 triệu đồng.", True),
        ("Ông Nguyễn Tiến Sớm (Hải Phòng) là thương binh hạng 2.", False),  # names the man: refers to no one
        ("Theo ông Nguyễn Văn Hòa, việc này cần làm sớm.", False),
    ],
)
def test_a_sentence_whose_subject_is_a_pronoun_reads_the_sentence_before(sentence: str, refers_back: bool) -> None:
    before = "Ông Nguyễn Tiến Sớm (Hải Phòng) là thương binh hạng 2."
    hit = _hit(sentence, context=f"{before} {sentence}" if sentence != before else sentence)
    assert (_antecedent(hit, _previous_sentence(hit)) == before) is refers_back



def test_a_company_the_question_names_pins_the_evidence_to_it() -> None:
    sentence = "Tổng số lao động chuyển sang làm việc tại công ty sau cổ phần hóa là 412 người."
    hit = _hit(sentence, context=f"Tổng công ty Sông Đà được cổ phần hóa. {sentence}", title="Cổ phần hóa Tổng công ty Sông Đà")
    asked = "Khi Tổng công ty Sông Đà cổ phần hóa, có bao nhiêu lao động chuyển sang làm việc ở công ty mới?"
    answer = ExtractiveAnswerer().answer(asked, [hit])
    assert answer.found and "412" in answer.answer
    other = ExtractiveAnswerer().answer(asked.replace("Sông Đà", "Sông Hồng"), [hit])
    assert not other.found  # another corporation's workforce
    # a legal form or the case the question writes it in changes nothing
    assert ExtractiveAnswerer().answer(asked.replace("Tổng công ty Sông Đà", "công ty TNHH Sông Đà"), [hit]).found


def test_the_day_a_report_came_in_is_not_the_day_of_the_event_it_tells() -> None:
    sentence = (
        "Ngày 9.7, theo thông tin từ Sở Ngoại vụ Nghệ An về chuyến tàu chở lao động sang Đài Loan, "
        "con tàu đã chìm vào ngày 31.3."
    )
    question = "On what date did the boat carrying workers to Taiwan sink?"
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and answer.extracted == "31.3", answer.answer
    # a sentence with one date: that one, whatever frame it opens
    alone = "Ngày 9.7, theo thông tin từ Sở Ngoại vụ Nghệ An, chuyến tàu chở lao động sang Đài Loan đã chìm."
    answer = ExtractiveAnswerer().answer(question, [_hit(alone)])
    assert answer.found and answer.extracted == "9.7", answer.answer


def test_the_issue_date_of_another_document_answers_no_other_date_question() -> None:
    hit = _hit(
        "Quyết định 630/QĐ-TTg quy định lãi suất cho vay ưu đãi đối với các đối tượng tại Nghị định số "
        "100/2015/NĐ-CP ngày 20-10-2015 của Chính phủ."
    )

    def date_read(question: str) -> str | None:
        _, [candidate] = ExtractiveAnswerer().candidates(question, [hit])
        return candidate.span.text if candidate.span else None

    assert date_read("Quyết định 630 về lãi suất cho vay ưu đãi có hiệu lực từ ngày nào?") is None
    # a question about that document, or about when one was issued, reads it
    assert date_read("Nghị định số 100/2015/NĐ-CP về lãi suất cho vay ưu đãi là của ngày nào?") == "20-10-2015"
    assert date_read("Nghị định về lãi suất cho vay ưu đãi được Chính phủ ban hành ngày nào?") == "20-10-2015"
