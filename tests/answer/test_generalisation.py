"""The extractive answerer beyond the sample corpus: question typing of everyday (health news) questions,
free-sentence fallback when a typed answer is no recognisable span, and the number guard. Sentences are
short excerpts of UIT-ViNewsQA contexts (public research data)."""

from __future__ import annotations

import re

import pytest

from answer.extract import spans_of
from answer.extractive import ExtractiveAnswerer
from answer.qtypes import analyse_question
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

# UIT-ViNewsQA dev, article 58 (excerpt)
HOSPITAL = (
    "Ngày 6/1, bệnh nhân đột nhiên ho ra máu nhiều, mỗi lần khoảng 100 ml. "
    "Ông được đưa vào Bệnh viện Bạch Mai khám. "
    "Trong quá trình đó, bệnh nhân bị ngừng tuần hoàn. "
    "Sau khi cấp cứu thành công, bệnh nhân được chuyển sang Khoa Hồi sức tích cực. "
    "Cuộc mổ diễn ra thuận lợi."
)
# UIT-ViNewsQA dev, article 78 (excerpt)
POISONING = (
    "Ngày 3/5, Trung tâm cấp cứu 115 Hùng Vương, Hà Nội, tiếp nhận ba bệnh nhân, trong đó có một người ở tuổi vị "
    "thành niên. Cả ba đều ngộ độc thuốc diệt cỏ paraquat. "
    "Người còn lại đang được theo dõi sát tại khoa hồi sức cấp cứu bệnh viện."
)

def hits_of(text: str, doc_id: str, order: list[int]) -> list[Hit]:
    """The text's sentences as hits in the given retrieval order (scores falling), context = the text."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]
    hits = []
    for rank, i in enumerate(order):
        start, end = spans[i]
        hits.append(
            Hit(doc_id, i, start, end, text[start:end], f"{doc_id}#c0", 1.0 / (1 + rank), title="", context=text)
        )
    return hits


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("Nhà vệ sinh trên máy bay như thế nào?", "sentence"),  # "máy" (machine) is no "mấy"
        ("Vì sao phụ nữ không nên gội đầu trước khi đi ra trời nắng?", "sentence"),  # "đầu" is no "đâu"
        ("Vì sao tỷ lệ mắc đột quỵ ở Việt Nam lại cao hơn các nước phát triển?", "sentence"),
        ("Tỷ lệ người bị ung thư gan ở cả hai giới tại Việt Nam như thế nào?", "sentence"),
        ("Nếu may mắn không tử vong thì người bệnh chịu hậu quả gì?", "sentence"),  # "may" (luck)
        ("Do đâu mà giun đũa lại kí sinh trong cơ thể?", "sentence"),
        ("Tỷ lệ hộ nghèo cuối năm 2020 là bao nhiêu?", "percentage"),
        ("Trung tâm cấp cứu đã tiếp nhận bao nhiêu bệnh nhân?", "quantity"),
        ("bao nhieu ho kinh doanh duoc ho tro", "quantity"),  # typed without diacritics
        ("Các cầu thủ Yemen tập bóng ở đâu?", "place"),
        # a locality asked by its level word is a place; "cơ quan nào" is an agency, "những xã nào" a list
        ("Thi thể được phát hiện ở xã nào?", "place"),
        ("Lao động bị nạn quê ở huyện nào?", "place"),
        ("In which district was the worker found?", "place"),
        ("Cơ quan nào cấp phép cho công ty?", "sentence"),
        ("Những xã nào được hỗ trợ?", "list"),
        ("Năm 2020 xuất khẩu lao động sang những thị trường nào?", "list"),
        # a category of people is listed by a sentence; one person is named
        ("Những ai dễ bị tiền sản giật?", "list"),
        ("Nhóm người nào được khuyến cáo hạn chế sử dụng nấm?", "list"),
        ("Những đối tượng nào được hỗ trợ tiền thuê nhà?", "list"),
        ("Ai chủ trì hội nghị tổng kết năm 2022?", "person"),
        ("Người nào đã hiến xương tủy cho bé Alle?", "person"),
        # "when" asks for a date only as a question word before its verb
        ("When did both the mother and the baby die?", "date"),
        ("By when will the revision of the Labour Code be completed?", "date"),
        ("What happens when the herbicide paraquat enters the body?", "sentence"),
        # a rate the question names is stated in per cent
        ("What was the province's unemployment rate in 2022?", "percentage"),
        ("What is the health insurance coverage rate in Ha Tinh?", "percentage"),
        ("Under Taiwan's law, what minimum share of public-sector staff must be people with disabilities?", "percentage"),
        ("When you eat mango, what happens to the level of adiponectin in the body?", "sentence"),
        # "who" asks for a person only as a question word; a relative "who" and the World Health Organization don't
        ("Who witnessed the boy being taken home?", "person"),
        ("According to the ministry, who will chair the council?", "person"),
        ("To whom was the award given?", "person"),
        ("What digestive diseases can people who eat raw vegetables get?", "sentence"),
        ("According to WHO, what is the main cause of the cholera outbreak in Yemen?", "sentence"),
        # a leader asked with "nào" is a person, as "ai" is; several leaders are a list
        ("Lãnh đạo nào của Tổng Liên đoàn Lao động Việt Nam lo ngại tăng tuổi nghỉ hưu?", "person"),
        ("Chuyên gia nào cho rằng lương tối thiểu còn thấp?", "person"),
        ("Những lãnh đạo nào dự họp?", "list"),
        ("Which provincial leader attended and directed the 2022 review conference?", "person"),
        ("Which official of the labour ministry announced the new rate?", "person"),
        # the person noun may stand a few words after "which", never past a verb or the noun "which" asks for
        ("Which Ministry of Health official presented the two options?", "person"),
        ("Which Binh Duong provincial vice chairman briefed the delegation?", "person"),
        ("Which province did the minister visit?", "place"),
        ("Which district visited the Deputy Prime Minister?", "place"),  # a locality, not a person
        # a change noun asks for a share, unless it only modifies the noun asked for
        ("What was the largest increase VCCI was willing to accept?", "percentage"),
        ("What is the sustainable poverty reduction period?", "sentence"),
        ("Which leaders attended?", "sentence"),  # several: no one person
        ("Which ministry issued the circular?", "sentence"),
    ],
)
def test_question_types(question: str, answer_type: str) -> None:
    assert analyse_question(question).answer_type == answer_type


def test_what_a_which_leader_question_says_the_person_did_is_read_after_the_noun() -> None:
    q = analyse_question("Which provincial leader attended and directed the 2022 review conference?")
    assert q.head == analyse_question("Who attended and directed the 2022 review conference?").head == ("dự", "chỉ", "đạo")


def test_what_is_asked_is_the_clause_before_a_closing_la_bao_nhieu() -> None:
    # the scope the question opens with ("trong tổng mức đóng ...") is not what is asked
    q = analyse_question(
        "Theo VCCI, trong tổng mức đóng các loại bảo hiểm tính trên lương tháng, phần người lao động phải đóng là bao nhiêu phần trăm?"
    )
    assert q.head == ("người", "lao", "động", "đóng")
    # a time adverbial sets when, not what
    assert analyse_question("Từ năm 2018, số doanh nghiệp nợ bảo hiểm là bao nhiêu?").head == ("doanh", "nghiệp", "nợ", "bảo")
    # "chiếm bao nhiêu phần trăm" closes the question as "là bao nhiêu" does; the place it opens with is the scope
    q = analyse_question("Ở công ty may xuất khẩu Đại Nghĩa (Mỹ Đức, Hà Nội), lao động nữ chiếm bao nhiêu phần trăm?")
    assert q.head == ("lao", "động", "nữ")
    # a noun after the question word still names what is counted
    assert analyse_question("Năm 2016 tỉnh có bao nhiêu hộ nghèo?").head[:2] == ("hộ", "nghèo")


def test_a_recent_period_before_the_question_word_sets_when() -> None:
    # "mấy năm gần đây" is a time adverbial when another question word follows: that one says what is counted
    q = analyse_question("Mấy năm gần đây điểm chuẩn ngành Bác sỹ Đa khoa của ĐH Y Hà Nội đều từ bao nhiêu điểm trở lên?")
    assert q.unit[:1] == ("điểm",)
    assert analyse_question("Mấy tháng qua có mấy vụ tai nạn lao động?").unit[:1] == ("vụ",)
    assert analyse_question("Trong mấy ngày nay, tỉnh tiếp nhận bao nhiêu hồ sơ?").unit[:2] == ("hồ", "sơ")
    assert analyse_question("May nam gan day tinh dua bao nhieu lao dong di Nhat?").unit[:2] == ("lao", "dong")
    # without "gần đây / qua / nay" it is asked as well ("mấy năm ... bao nhiêu": the first one)
    assert analyse_question("Công ty hoạt động mấy năm và có bao nhiêu lao động?").unit == ()


def test_what_a_percentage_measures_is_not_the_person_it_is_about() -> None:
    # no copula: the words before the question word say what is measured; the person named is a pin, not the head
    assert analyse_question("Ông Nguyễn Thành Phương bị thương tật bao nhiêu phần trăm?").head == ("thương", "tật")
    assert analyse_question("Ong Nguyen Thanh Phuong bi thuong tat bao nhieu phan tram?").head == ("thuong", "tat")
    assert analyse_question("Lương hưu của bà Lan tăng bao nhiêu phần trăm?").head == ("lương", "hưu", "tăng")
    # "X chiếm bao nhiêu phần trăm Y": Y is the whole, X is measured
    assert analyse_question("Riêng nợ quá hạn hiện chiếm bao nhiêu phần trăm tổng dư nợ của ngân hàng?").head == ("nợ", "quá", "hạn")
    assert analyse_question("Lao động nữ chiếm bao nhiêu phần trăm tổng số lao động?").head == ("lao", "động", "nữ")
    # "tỷ lệ X bao nhiêu phần trăm": the run after "tỷ lệ" stops at the question word
    assert analyse_question("Năm 2017, Hà Nội giảm tỷ lệ hộ nghèo bao nhiêu phần trăm?").head == ("hộ", "nghèo")
    # "X chiếm tỷ lệ bao nhiêu": the rate word and its verb say it is a share, X what it is a share of
    assert analyse_question("Lao động nữ chiếm tỷ lệ bao nhiêu?").head == ("lao", "động", "nữ")
    assert analyse_question("Cuối năm 2020 hộ nghèo chiếm tỷ lệ bao nhiêu?").head[-2:] == ("hộ", "nghèo")


@pytest.fixture(scope="module")
def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer()


def test_a_category_of_people_is_answered_by_the_sentence_that_lists_them(answerer) -> None:
    text = (
        "Tiền sản giật là biến chứng nguy hiểm của thai kỳ. "
        "Phụ nữ mang thai lần đầu, trên 40 tuổi hoặc béo phì dễ bị tiền sản giật hơn. "
        "Bệnh cần được phát hiện sớm qua khám thai định kỳ."
    )
    answer = answerer.answer("Những ai dễ bị tiền sản giật?", hits_of(text, "preeclampsia", [1, 0, 2]))
    assert answer.found
    assert answer.citations[0].sentence.startswith("Phụ nữ mang thai lần đầu")


def test_where_question_cites_the_ward_sentence_ranked_second(answerer) -> None:
    hits = hits_of(HOSPITAL, "vnqa-58", [2, 3, 1, 0, 4])
    answer = answerer.answer("Bệnh nhân được chuyển đi đâu sau khi cấp cứu thành công?", hits)
    assert answer.found
    assert "Khoa Hồi sức tích cực" in answer.citations[0].sentence
    assert "Khoa Hồi sức tích cực" in answer.answer


def test_how_many_answered_by_a_sentence_with_a_number_word(answerer) -> None:
    hits = hits_of(POISONING, "vnqa-78", [1, 0, 2])
    answer = answerer.answer("Trung tâm cấp cứu đã tiếp nhận bao nhiêu bệnh nhân?", hits)
    assert answer.found
    assert "tiếp nhận ba bệnh nhân" in answer.citations[0].sentence


def test_how_many_is_not_answered_by_a_sentence_without_any_figure(answerer) -> None:
    hits = hits_of(POISONING, "vnqa-78", [2])
    answer = answerer.answer("Khoa hồi sức cấp cứu bệnh viện theo dõi bao nhiêu người?", hits)
    assert not answer.found and answer.citations == ()


def test_a_number_the_question_names_must_be_stated(answerer) -> None:
    """The same words about another figure are another fact (cf. "Nghị quyết số 68" vs "số 08")."""
    hits = hits_of(POISONING, "vnqa-78", [0, 1, 2])
    assert answerer.answer("Trung tâm cấp cứu 115 tiếp nhận bao nhiêu bệnh nhân?", hits).found
    assert not answerer.answer("Trung tâm cấp cứu 114 tiếp nhận bao nhiêu bệnh nhân?", hits).found


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Trước thực trạng này, Giám đốc ILO Việt Nam Chang-Hee Lee nhấn mạnh cần hỗ trợ trẻ em.", "Giám đốc ILO Việt Nam Chang-Hee Lee"),
        ("Ông Chang-Hee Lee, Giám đốc ILO Việt Nam, cho biết như vậy.", "Chang-Hee Lee, Giám đốc ILO Việt Nam"),
        ("Tổng thống Mỹ Donald Trump tuyên bố rút khỏi TPP.", "Tổng thống Mỹ Donald Trump"),
        ("Bà Tammy Lewis cho biết con gái bà đã khỏi bệnh.", "Tammy Lewis"),
    ],
)
def test_foreign_people_are_read_by_their_title_or_honorific(sentence: str, person: str) -> None:
    from answer.extract import spans_of

    assert [span.text for span in spans_of(sentence, "person")] == [person]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hãng General Motors sẽ cắt giảm 4.000 việc làm.",  # a company, not a person
        "Theo Reuters, Samsung Electronics cho biết lợi nhuận tăng.",
        # a title head alone is no title ("Đại học"), and nothing else introduces the name
        "Chip giảm cân là nghiên cứu của chuyên gia Xudong Wang, Đại học Wisconsin, Mỹ.",
    ],
)
def test_foreign_names_without_a_title_are_no_people(sentence: str) -> None:
    from answer.extract import spans_of

    assert spans_of(sentence, "person") == []


def test_who_is_a_named_person_is_not_answered_by_another_person() -> None:
    text = (
        "Bác sĩ Kim So-Yeon tiết lộ cả ông Kim Nhật Thành lẫn con trai đều bị bệnh tiểu đường. "
        "Ông Kim Nhật Thành là nhà lãnh đạo đầu tiên của nước Cộng hòa Dân chủ Nhân dân Triều Tiên."
    )
    answer = ExtractiveAnswerer().answer("Kim Nhật Thành là ai?", hits_of(text, "kim", [0, 1]))
    assert "Kim So-Yeon" not in answer.answer
    ilo = "Trước thực trạng này, Giám đốc ILO Việt Nam Chang-Hee Lee nhấn mạnh cần hỗ trợ trẻ em vùng thiên tai."
    found = ExtractiveAnswerer().answer("Ai là Giám đốc ILO Việt Nam?", hits_of(ilo, "ilo", [0]))
    assert found.found and found.extracted is not None and "Chang-Hee Lee" in found.extracted


def test_a_figure_whose_clause_opens_with_another_year_does_not_answer_for_the_asked_year() -> None:
    first = "Bộ Tài chính kiến nghị chuyển đổi ngân sách phải chuyển cho Quỹ BHXH thành trái phiếu Chính phủ."
    second = (
        "Trong đó, năm 2018 chuyển 6.000 tỷ đồng thành trái phiếu, năm 2019 chuyển đổi 6.000 tỷ đồng "
        "và năm 2020 chuyển đổi 10.090 tỷ đồng."
    )
    text = f"{first} {second}"
    hits = [
        Hit("bonds", 1, len(first) + 1, len(text), second, "bonds#c0", 1.0, context=text),
        Hit("bonds", 0, 0, len(first), first, "bonds#c0", 0.5, context=text),
    ]
    answer = ExtractiveAnswerer().answer("Năm 2020 Bộ Tài chính đề xuất chuyển đổi bao nhiêu tỷ đồng thành trái phiếu?", hits)
    assert answer.found and answer.extracted == "10.090 tỷ đồng"
    # a year no clause opens with: every figure is another year's
    assert not ExtractiveAnswerer().answer("Năm 2021 chuyển đổi bao nhiêu tỷ đồng thành trái phiếu?", hits).found


def test_who_did_it_is_not_who_rewarded_those_who_did() -> None:
    rewarded = (
        "Bộ trưởng Bộ Lao động-Thương binh và Xã hội Đào Ngọc Dung đã ký quyết định khen thưởng hai ông lão tố cáo "
        "hồ sơ người có công giả ở Bắc Ninh."
    )
    # the deed comes after the two men's addresses in brackets and the second man's name
    denounced = (
        "Trước đó, ông Nguyễn Công Uẩn (xã Ngũ Thái, huyện Thuận Thành) và ông Nguyễn Tiến Lãng (xã Gia Đông, huyện "
        "Thuận Thành, tỉnh Bắc Ninh) đã gửi đơn tố cáo hàng trăm hồ sơ thương binh giả."
    )
    text = f"{rewarded} {denounced}"
    hits = [
        sentence_hit(rewarded, doc_id="bn", context=text),
        Hit("bn", 1, len(rewarded) + 1, len(text), denounced, "bn#c0", 0.8, context=text),
    ]
    answer = ExtractiveAnswerer().answer("Hai ông lão tố cáo hồ sơ thương binh giả ở Bắc Ninh là ai?", hits)
    assert answer.found and answer.extracted is not None and "Nguyễn Công Uẩn" in answer.extracted, answer.answer


def test_the_place_a_stated_figure_locates() -> None:
    listing = (
        "Cụ thể, lao động trong các doanh nghiệp công nghiệp so với cùng thời điểm năm trước của một số địa phương "
        "như Bắc Ninh tăng 17,7%; Vĩnh Phúc tăng 16%."
    )
    falling = "Trong khi đó, lao động trong các doanh nghiệp của Bà Rịa Vũng Tàu giảm 8,6%."
    text = f"{listing} {falling}"
    hits = [
        sentence_hit(listing, doc_id="ld", context=text),
        Hit("ld", 1, len(listing) + 1, len(text), falling, "ld#c0", 0.6, context=text),
    ]
    question = "Địa phương nào có số lao động trong doanh nghiệp công nghiệp giảm 8,6% so với cùng thời điểm năm trước?"
    answer = ExtractiveAnswerer().answer(question, hits)
    assert answer.found and answer.extracted is not None and answer.extracted.startswith("Bà Rịa"), answer.answer


@pytest.mark.parametrize(
    "question",
    ["Lãi suất cho vay mua nhà ở xã hội hiện nay là bao nhiêu một tháng?", "What is the interest rate on social housing loans?"],
)
def test_an_interest_rate_is_a_percentage(question: str) -> None:
    sentence = "Theo Quyết định số 1013/QĐ-TTg năm 2017, lãi suất cho vay mua nhà ở xã hội là 0,5%/tháng, tương đương 6%/năm."
    hits = [sentence_hit(sentence, doc_id="rate", context=sentence)]
    answer = ExtractiveAnswerer().answer(question, hits)
    assert analyse_question(question).answer_type == "percentage"
    assert answer.found and answer.extracted == "0,5%", answer.answer


def test_a_price_per_square_metre_is_read_beside_no_noun() -> None:
    # "bao nhiêu tiền một mét vuông": money, whose figure carries its currency; "tiền" is no noun to find beside it
    sentence = "Về giá cả, hiện nay nhà ở xã hội đang dao động ở mức 8,6 đến 15 triệu đồng/m2 tùy khu vực."
    hits = [sentence_hit(sentence, doc_id="price", context=sentence)]
    answer = ExtractiveAnswerer().answer("Giá nhà ở xã hội hiện dao động trong khoảng bao nhiêu tiền một mét vuông?", hits)
    assert answer.found and answer.extracted == "8,6 đến 15 triệu đồng/m2", answer.answer


def test_the_asked_year_of_a_list_by_year_shares_what_the_list_is_about() -> None:
    sentence = (
        "Để đạt chỉ tiêu trên, năm 2017 thành phố phấn đấu đạt tỷ lệ 59-62%, năm 2018 đạt tỷ lệ 62-66%, "
        "năm 2019 đạt tỷ lệ 66-70% lao động được đào tạo."
    )
    hits = [sentence_hit(sentence, doc_id="plan", context=sentence)]
    answer = ExtractiveAnswerer().answer("Thành phố phấn đấu năm 2018 có bao nhiêu phần trăm lao động được đào tạo?", hits)
    assert answer.found and answer.extracted == "62-66%", answer.answer


def test_a_decision_on_interest_rates_is_a_document_question() -> None:
    question = "Thủ tướng vừa ký quyết định số mấy quy định lãi suất cho vay ưu đãi nhà ở xã hội?"
    assert analyse_question(question).answer_type == "document"


def test_a_date_written_with_dots_is_shown_with_slashes() -> None:
    sentence = "Ngày 27.6, Hội đồng tiền lương quốc gia họp phiên thứ nhất về lương tối thiểu vùng năm 2018."
    hits = [sentence_hit(sentence, doc_id="wage", context=sentence)]
    answer = ExtractiveAnswerer().answer("When did the National Wage Council hold its first meeting on the 2018 minimum wage?", hits)
    assert answer.found and answer.extracted == "27.6"  # the span as the article writes it
    # shown in one form (in words to an English reader, who would take 2/7 for February 7), quoted as written
    assert answer.answer.startswith("27 June (27/6) [1].") and "Ngày 27.6" in answer.answer, answer.answer


def test_the_person_a_who_question_names_is_not_its_answer(answerer) -> None:
    # "Which vice chairman briefed Dinh La Thang": the party chief the question names does the visiting here, the
    # vice chairman it asks for is in the next sentence
    text = (
        "Sáng 5-2, Bí thư Thành ủy TP HCM Đinh La Thăng cùng đoàn công tác đã đến thăm khu nhà ở xã hội tại tỉnh Bình Dương. "
        "Báo cáo với đoàn, Phó Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm cho biết tỉnh đã thu hút 85 dự án nhà ở xã hội."
    )
    answer = answerer.answer(
        "Which Binh Duong provincial vice chairman briefed Dinh La Thang on the province's social housing?",
        hits_of(text, "social-housing", [0, 1]),
    )
    assert answer.found and answer.extracted is not None
    assert "Trần Thanh Liêm" in answer.extracted and "Đinh La Thăng" not in answer.extracted


def test_a_rate_the_glossary_reads_whole_says_what_is_measured_not_whose_it_is() -> None:
    # "the province's poverty rate": the province owns the rate, the poor households are what it measures
    assert analyse_question("What was the province's poverty rate at the end of 2020?").head == ("hộ", "nghèo")
    assert analyse_question("What was the poverty rate at the end of 2020?").head == ("hộ", "nghèo")
    # any other measure: what the question puts in the possessive owns it
    assert analyse_question("What was the province's GDP growth in 2020?").head == ("gdp",)


@pytest.mark.parametrize(
    "question",
    [
        "Trong 4 tháng đầu năm 2017, Lê Thị Huệ đã huy động được bao nhiêu tiền bằng chiêu gửi tiết kiệm lãi suất cao?",
        "Với lãi suất 7%/năm, mỗi hộ được vay bao nhiêu triệu đồng?",
        "Với lãi suất ưu đãi, doanh nghiệp được vay bao nhiêu vốn?",
        "Vay bao nhieu tien voi lai suat thap?",  # typed without marks
    ],
)
def test_money_asked_beside_an_interest_rate_is_no_percentage(question: str) -> None:
    assert analyse_question(question).answer_type == "quantity"


def test_an_interest_rate_asked_is_a_percentage() -> None:
    assert analyse_question("Lãi suất cho vay vốn giải quyết việc làm là bao nhiêu?").answer_type == "percentage"
    assert analyse_question("Tỷ lệ lãi suất là bao nhiêu tiền?").answer_type == "percentage"  # the rate word asks


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # the document kind the question word follows is asked, not the resolution the question cites
        (
            "Phó Thủ tướng yêu cầu tinh giản biên chế theo Nghị quyết 39-NQ/TW và nghị định số hiệu gì của Chính phủ?",
            "Phó Thủ tướng yêu cầu các bộ, ngành thực hiện tinh giản biên chế theo Nghị quyết số 39-NQ/TW của Bộ Chính "
            "trị và Nghị định 108/2014/NĐ-CP của Chính phủ.",
            "Nghị định 108/2014/NĐ-CP",
        ),
        # a place in brackets after the person asked about is that person's, not the first delegate's
        (
            "Đại biểu Dương Tấn Quân, người cho rằng người khuyết tật không cần điều kiện khó khăn tài chính để được "
            "trợ giúp pháp lý, là đại biểu tỉnh nào?",
            "Đại biểu Hoàng Văn Toàn (Bắc Kạn) đề nghị mở rộng đối tượng, còn đại biểu Dương Tấn Quân (Bà Rịa - Vũng "
            "Tàu) cho rằng người khuyết tật không cần điều kiện khó khăn tài chính để được trợ giúp pháp lý.",
            "Bà Rịa - Vũng Tàu",
        ),
    ],
)
def test_one_sentence_answers_what_the_question_asks(question: str, sentence: str, expected: str) -> None:
    answer = ExtractiveAnswerer().answer(question, [sentence_hit(sentence, doc_id="one", context=sentence)])
    assert answer.found and answer.extracted == expected, answer.answer


def test_the_document_kind_asked_is_the_one_the_question_word_follows() -> None:
    question = "Phó Thủ tướng yêu cầu tinh giản biên chế theo Nghị quyết 39-NQ/TW và nghị định số hiệu gì của Chính phủ?"
    assert analyse_question(question).doc_kind == "nghị định"


def test_a_figure_equal_to_a_number_of_the_question_is_an_answer_when_it_counts_another_thing() -> None:
    question = "Chương trình Vinh quang Việt Nam năm 2017 chọn ra bao nhiêu cá nhân và tập thể tiêu biểu của 30 năm đổi mới?"
    sentence = "Chương trình Vinh quang Việt Nam năm 2017 chỉ chọn ra 30 cá nhân và tập thể tiêu biểu để vinh danh."
    answer = ExtractiveAnswerer().answer(question, [sentence_hit(sentence, doc_id="vq", context=sentence)])
    assert answer.found and answer.extracted == "30 cá nhân", answer.answer
    # a number the question states with no unit of its own ("lần 2") still echoes
    echo = "Dự thảo lần 2 về giờ làm thêm tối đa trong năm là bao nhiêu giờ?"
    said = "Ban soạn thảo đưa ra 2 phương án về giờ làm thêm tối đa trong năm."
    assert not ExtractiveAnswerer().answer(echo, [sentence_hit(said, doc_id="ld", context=said)]).found


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc vào ngày tháng năm nào?", "date"),
        ("Phiên họp sáng 1-6 về dự án Luật Trợ giúp pháp lý do Phó Chủ tịch Quốc hội nào điều hành?", "person"),
        ("Người công nhân nào của Công ty than Hà Lầm được vinh danh?", "person"),
        ("Bộ trưởng Dung đến thăm tỉnh nào?", "place"),
    ],
)
def test_questions_asking_a_whole_date_or_a_person_by_a_titled_body(question: str, answer_type: str) -> None:
    assert analyse_question(question).answer_type == answer_type


def test_a_fronted_source_names_nothing_counted_and_a_dashed_month_is_a_date() -> None:
    question = "Theo đại biểu Nguyễn Tạo (Lâm Đồng), số người di dân tự do đến Tây Nguyên thời gian qua vào khoảng bao nhiêu?"
    assert analyse_question(question).head == ("người", "di", "dân")
    assert [s.text for s in spans_of("Vụ án được khởi tố từ tháng 10-2016.", "date")] == ["tháng 10-2016"]


def test_an_amount_written_in_two_parts_is_one_figure() -> None:
    sentence = "Hai đối tượng đã chiếm đoạt 1 tỉ 195 triệu đồng của 2 người dân Thanh Hóa."
    assert [(s.text, s.value) for s in spans_of(sentence, "quantity")][0] == ("1 tỉ 195 triệu đồng", 1_195_000_000.0)
    # two amounts, each with its unit, stay two
    assert len(spans_of("Năm 2016 đạt 5 tỷ USD, năm 2017 đạt 300 triệu USD.", "quantity")) == 2
