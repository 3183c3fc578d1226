"""Whose fact a sentence states and what a question asks about (found on the session-34 probe questions): a sentence
opening with another person or company, a question fronted by a time, a change asked through "lên mức", money asked
by its noun or its currency, and a place the question gives a person it names."""

from __future__ import annotations

import pytest

from answer.constraints import mentions_place
from answer.extractive import ExtractiveAnswerer, _can_hold, _names_another_company, _opens_with_another_person
from answer.qtypes import analyse_question
from index.models import Hit
from tests.answer.sample_hits import sentence_hit


def _hit(sentence: str, *, context: str | None = None, doc_id: str = "a.txt") -> Hit:
    return sentence_hit(
        sentence, doc_id=doc_id, index=3, start=100, title="Tin lao động", context=sentence if context is None else context
    )


# ---- a sentence's own subject


@pytest.mark.parametrize(
    ("asked", "sentence", "another"),
    [
        (("Steve Odland",), "Ông Joseph J. Minarik, nguyên nhà kinh tế trưởng, cho biết nhiều người Mỹ bị gạt ra.", True),
        (("Nguyễn Văn An",), "Tháng 3 năm 2017, bà Trần Thị Bình cho biết công ty tuyển 300 lao động.", True),
        (("Nguyễn Văn An",), "Theo ông Nguyễn Văn An, năm nay công ty tuyển 300 lao động.", False),
        (("Nguyễn Văn An",), "Theo ông An, năm nay công ty tuyển 300 lao động.", False),  # named again by given name
        (("Pookpinyo",), "Trong vòng 15 phút sau khi bị cắn, Pinyo được bác sĩ tiêm huyết thanh.", False),  # shortened
        (("Nguyễn Văn An",), "Ngày 21/6, TAND huyện Chương Mỹ tuyên phạt bị cáo 27 tháng tù.", False),  # no one opens it
    ],
)
def test_a_sentence_opening_with_another_person_states_their_fact(asked: tuple, sentence: str, another: bool) -> None:
    assert _opens_with_another_person(asked, sentence) is another


def test_a_question_about_one_person_is_not_answered_by_another_ones_sentence_in_its_paragraph() -> None:
    question = "Nhà kinh tế Steve Odland từng làm kinh tế trưởng Văn phòng Quản lý Ngân sách dưới thời tổng thống nào?"
    sentence = "Ông Joseph J. Minarik, nguyên nhà kinh tế trưởng của Văn phòng Quản lý Ngân sách dưới thời chính quyền Clinton, cho biết như vậy."
    paragraph = f"Hai diễn giả chính là các nhà kinh tế Steve Odland và Joseph J. Minarik. {sentence}"
    assert not ExtractiveAnswerer().answer(question, [_hit(sentence, context=paragraph)]).found
    # the asked person's own sentence answers
    own = "Ông Steve Odland, nguyên nhà kinh tế trưởng của Văn phòng Quản lý Ngân sách dưới thời chính quyền Clinton, cho biết như vậy."
    assert ExtractiveAnswerer().answer(question, [_hit(own, context=paragraph)]).found


def test_a_company_named_after_capitalised_describing_words_is_another_company() -> None:
    softbank = "Tháng 12 năm ngoái, Tập đoàn Viễn thông Softbank của Nhật Bản tuyên bố tạo thêm 50.000 việc làm."
    assert _names_another_company(("Sharp Corp",), softbank)
    assert not _names_another_company(("Softbank",), softbank)
    assert not _names_another_company(("Sharp Corp",), "Tập đoàn Viễn thông Quân đội tuyển 5.000 kỹ sư.")


# ---- figures and what the question asks


def test_a_magnitude_after_digits_is_no_number_word_of_its_own() -> None:
    # "89 tỷ AUD" is money, no count of destroyers; read as a number word, "tỷ" let the sentence answer the count
    question = analyse_question("Australia sẽ đóng mới bao nhiêu tàu khu trục?")
    assert not _can_hold(question, "Dự án đóng tàu Hải quân trị giá 89 tỷ AUD là khoản đầu tư lớn nhất.")
    assert _can_hold(question, "Australia sẽ đóng mới chín tàu khu trục.")


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Sau 10 năm thành lập, tiền lương bình quân của người lao động tăng lên mức bao nhiêu?", ("tiền", "lương", "bình")),
        ("Trong năm 2016, số lao động được giải quyết việc làm của tỉnh là bao nhiêu?", ("lao", "động", "giải", "quyết")),
    ],
)
def test_a_fronted_time_is_not_what_a_question_asks_about(question: str, head: tuple) -> None:
    assert analyse_question(question).head[: len(head)] == head


def test_a_phrase_of_the_question_never_runs_over_a_comma() -> None:
    phrases = analyse_question("Sau 10 năm thành lập, tiền lương bình quân tăng lên mức bao nhiêu?").phrases
    assert "thành lập" in phrases and any(p.startswith("tiền lương bình quân") for p in phrases)
    assert not any("thành lập tiền" in p for p in phrases)


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Tiền lương bình quân tăng lên mức bao nhiêu?", "lên"),  # "tăng lên 9,2 triệu đồng"
        ("Số hộ nghèo giảm xuống mức bao nhiêu?", "xuống"),
        ("Số hộ nghèo tăng thêm bao nhiêu hộ?", "thêm"),
        ("Tiền lương bình quân ở mức bao nhiêu?", None),
    ],
)
def test_a_change_asked_through_a_level_word_still_stands_before_the_figure(question: str, verb: str | None) -> None:
    assert analyse_question(question).verb == verb


@pytest.mark.parametrize(
    ("question", "money", "currency"),
    [
        ("Ủy ban Thường vụ Quốc hội bổ sung bao nhiêu vốn cho Ngân hàng Chính sách xã hội?", True, None),
        ("Ngân hàng Thế giới vừa duyệt khoản tín dụng ưu đãi bao nhiêu để hỗ trợ giảm nghèo?", True, None),
        ("Chi phí ca phẫu thuật thẩm mỹ là bao nhiêu nhân dân tệ?", True, "cny"),
        ("Khoản bồi thường tương đương mấy tháng lương?", False, None),  # months of pay are counted in months
        ("Ông Dương đã tự ký bao nhiêu hợp đồng lao động?", False, None),  # "hợp đồng" names no currency
    ],
)
def test_money_is_asked_by_its_noun_or_its_currency(question: str, money: bool, currency: str | None) -> None:
    q = analyse_question(question)
    assert (q.money, q.currency) == (money, currency)


def test_an_amount_in_the_asked_foreign_currency_answers() -> None:
    question = "Chi phí ca phẫu thuật thẩm mỹ là bao nhiêu nhân dân tệ?"
    sentence = "Số tiền lên đến 20.278 nhân dân tệ (tương đương 3.005 USD), tất cả là chi phí ca phẫu thuật thẩm mỹ."
    answer = ExtractiveAnswerer().answer(question, [_hit(sentence)])
    assert answer.found and "20.278 nhân dân tệ" in (answer.extracted or "")


# ---- places


@pytest.mark.parametrize(
    ("place", "text", "named"),
    [
        ("France", "Dự đoán trận U20 Việt Nam - U20 Pháp chiều nay.", True),  # a team's code is no name before it
        ("Germany", "Anh Minh Đức đi làm ở quận Thủ Đức.", False),  # one syllable of a name is no country
        ("Đức", "Lao động sang Đức làm việc.", True),
    ],
)
def test_a_one_word_country_is_read_where_it_names_the_country(place: str, text: str, named: bool) -> None:
    assert mentions_place(place, text) is named


def _far_answer(question: str, article_before: str, sentence: str) -> tuple[bool, str]:
    article = article_before + sentence
    hit = sentence_hit(sentence, doc_id="a.txt", index=90, start=len(article) - len(sentence), title="Nghị lực", context=sentence)
    answer = ExtractiveAnswerer(article_text={"a.txt": article}.__getitem__).answer(question, [hit])
    return answer.found, answer.answer


def test_a_place_the_question_gives_a_person_is_named_where_the_article_names_them_together() -> None:
    question = "Nguyễn Thị Huyền quê Đắk Nông mỗi tháng có thêm bao nhiêu tiền từ công việc làm thêm?"
    lead = "Nguyễn Thị Huyền, sinh viên khuyết tật học ngành kỹ thuật phần mềm, chưa bao giờ oán trách số phận. "
    filler = "Cô vẫn lạc quan, yêu đời và chăm chỉ học tập mỗi ngày ở giảng đường. " * 60  # past the lead and a section
    sentence = "Công việc làm thêm giúp Huyền mỗi tháng có từ 700.000 đến 1,2 triệu đồng."
    introduced = "Nguyễn Thị Huyền (27 tuổi, quê Đắk Nông) bị dị tật bẩm sinh từ khi mới lọt lòng. "
    found, answer = _far_answer(question, lead + filler + introduced + filler, sentence)
    assert found and "1,2 triệu đồng" in answer
    # an article that names the province only with someone else does not place her there
    other = "Anh Trần Văn Bình quê Đắk Nông cũng có mặt. " + introduced.replace("Đắk Nông", "Gia Lai")
    assert not _far_answer(question, lead + filler + other + filler, sentence)[0]


# ---- a person's name asked for


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("Mẹ của bé Quách Khả Hân bị ung thư máu tên là gì?", "person"),
        ("Người đàn ông bị bắt tên là gì?", "person"),
        ("What are the names of the three young men who beat the war invalid?", "person"),
        ("What was the name of the worker who died?", "person"),
        ("Công ty mới thành lập có tên là gì?", "sentence"),  # a company's name is no person's
        ("Căn bệnh này tên là gì?", "sentence"),
        ("What is the name of the company that won the contract?", "sentence"),
    ],
)
def test_a_question_asking_a_persons_name_asks_for_a_person(question: str, answer_type: str) -> None:
    assert analyse_question(question).answer_type == answer_type


def test_a_sentence_naming_no_one_else_does_not_answer_whose_name() -> None:
    question = "Mẹ của bé Quách Khả Hân bị ung thư máu tên là gì?"
    donation = "Ủng hộ qua Báo VietNamNet: Ghi rõ ủng hộ MS 2017.142 (bé Quách Khả Hân), chuyển khoản qua ngân hàng."
    assert not ExtractiveAnswerer().answer(question, [_hit(donation)]).found
    named = "Mẹ của bé Quách Khả Hân là chị Nguyễn Thị Lan, năm nay 30 tuổi, bị ung thư máu."
    answer = ExtractiveAnswerer().answer(question, [_hit(named)])
    assert answer.found and "Nguyễn Thị Lan" in (answer.extracted or "")


# ---- English questions: their own figures, changes, and spans of years


def test_an_english_questions_own_share_or_count_is_no_answer() -> None:
    from answer.extract import spans_of
    from answer.extractive import _english_echo

    question = "In the 19th century 80% of the US workforce was needed to produce food. What share is needed today?"
    shares = {s.text.split()[-1]: _english_echo(question, s) for s in spans_of("Thế kỷ 19 cần tới 80% lao động, nay chỉ cần 3%.", "percentage")}
    assert shares == {"80%": True, "3%": False}
    months = spans_of("CPI bình quân 6 tháng đầu năm 2017 tăng 4,15%.", "quantity")[0]
    assert _english_echo("By how much did average CPI rise in the first six months of 2017?", months)


@pytest.mark.parametrize(
    ("question", "change"),
    [
        ("By how much did average CPI rise in the first six months of 2017?", True),
        ("How much did wages rise in 2017?", False),  # money: answered in dong
        ("How many workers lost their jobs in 2017?", False),
    ],
)
def test_an_english_question_may_ask_for_a_change(question: str, change: bool) -> None:
    assert analyse_question(question).asks_change is change


def test_a_figure_for_a_span_of_years_is_no_figure_of_its_last_year() -> None:
    question = "Bao nhiêu trẻ em bị đuối nước ở Long An năm 2016?"
    span = "Từ năm 2014 đến 2016, toàn tỉnh Long An có 70 trẻ em bị đuối nước."
    assert not ExtractiveAnswerer().answer(question, [_hit(span)]).found
    own = "Riêng năm 2016, toàn tỉnh Long An có 20 trẻ em bị đuối nước; từ năm 2014 đến 2016 là 70 trẻ em."
    answer = ExtractiveAnswerer().answer(question, [_hit(own)])
    assert answer.found and "20 trẻ em" in (answer.extracted or "")


# ---- periods said in words, people named again by title


def test_a_period_said_beside_a_figure_contradicts_another_asked_period() -> None:
    question = "Anh Hoàn trả lương cho mỗi lao động làm ở trang trại bao nhiêu một tháng?"
    for yearly in (
        "Anh Hoàn trả lương cho mỗi lao động làm ở trang trại gần 100 triệu đồng mỗi năm.",
        "Anh Hoàn trả lương cho mỗi lao động làm ở trang trại, mỗi năm gần 100 triệu đồng.",
    ):
        assert not ExtractiveAnswerer().answer(question, [_hit(yearly)]).found
    monthly = "Anh Hoàn trả lương cho mỗi lao động làm ở trang trại 5 triệu đồng mỗi tháng."
    answer = ExtractiveAnswerer().answer(question, [_hit(monthly)])
    assert answer.found and "5 triệu đồng" in (answer.extracted or "")


def test_a_person_named_again_by_title_and_given_name_is_read_as_the_full_name() -> None:
    from answer.extract import short_mentions

    assert [(m.text, m.unit) for m in short_mentions("Bộ trưởng Tân cho biết các địa phương báo cáo 6 tháng một lần.")] == [
        ("Bộ trưởng Tân", ("tân",))
    ]
    assert short_mentions("Bộ trưởng Lê Vĩnh Tân cho biết như vậy.") == []  # a full name is read as such


def test_a_preposition_after_bao_nhieu_ends_the_head_so_a_headline_figure_answers() -> None:
    # "lãi bao nhiêu sau 3 năm lỗ": "sau 3" is when, not a counted noun that "50 tỉ đồng" fails to name
    question = "Bôxit Nhân Cơ lãi bao nhiêu sau 3 năm lỗ?"
    assert analyse_question(question).unit == ()
    headline = sentence_hit("Bôxit Nhân Cơ lãi 50 tỉ đồng sau 3 năm lỗ", title="Bôxit Nhân Cơ lãi 50 tỉ đồng sau 3 năm lỗ")
    answer = ExtractiveAnswerer().answer(question, [headline])
    assert answer.found and answer.extracted == "50 tỉ đồng", answer.answer


def test_a_name_pins_the_evidence_and_the_lower_case_phrase_is_what_is_asked_about() -> None:
    question = "Matthew Miller bị tuyên án bao nhiêu năm lao động khổ sai?"
    assert analyse_question(question).head == ("tuyên", "án")
    miller = "Matthew Miller, sinh năm 1989, bị tuyên án 6 năm lao động khổ sai tại Triều Tiên vào tháng 9/2014."
    before = "Một công dân Mỹ khác được thả cùng đợt với Matthew Miller là ông Kenneth Bae."
    bae = "Ông bị tòa án Triều Tiên tuyên 15 năm lao động khổ sai."
    hits = [
        sentence_hit(bae, doc_id="a.txt", index=9, start=len(before) + 1, context=f"{before} {bae}"),
        sentence_hit(miller, doc_id="a.txt", index=5, score=0.9, context=miller),
    ]
    answer = ExtractiveAnswerer().answer(question, hits)
    assert answer.found and answer.extracted == "6 năm", answer.answer
