"""Readings the fifty-fourth session's blind probe found missing: a "công điện" asked for by its number, a post the
press writes in lower case after another ("Chánh Văn phòng, người phát ngôn Sở Y tế"), a Korean name whose syllables
Vietnamese spelling never writes ("Kim Ưn Ku"), a share asked in English whose rate words say nothing of what it
measures, a length asked that a temperature does not give, "đâu là" (which) that asks no place, and "tháng 10.2007"."""

from __future__ import annotations

from answer.extract import person_spans, spans_of
from answer.extractive import _numbered_thing, _rate_of_another_thing, _unread_english_body, evidence_years
from answer.qtypes import analyse_question
from ingest.vietnamese import is_vietnamese_syllable
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_a_dispatch_asked_by_its_number_is_a_document() -> None:
    question = "Bộ Tài chính yêu cầu các đơn vị thực hiện nghiêm Công điện số mấy của Thủ tướng ngày 02/02/2017?"
    assert analyse_question(question).answer_type == "document"
    sentence = (
        "Công văn yêu cầu các đơn vị thuộc Bộ thực hiện nghiêm túc những nội dung của Công điện số 156/CĐ-TTg của Thủ "
        "tướng Chính phủ ngày 02/02/2017."
    )
    answer = _answer(question, sentence, title="Bộ Tài chính quán triệt tinh thần làm việc sau Tết")
    assert answer.found and "156/CĐ-TTg" in answer.answer, answer.answer
    # "bao nhiêu công điện" still counts them
    assert analyse_question("Thủ tướng đã ra bao nhiêu công điện?").answer_type == "quantity"


def test_a_lower_case_post_after_another_is_the_persons_role() -> None:
    sentence = "Sáng cùng ngày, ông Đào Anh Hải - Chánh Văn phòng, người phát ngôn Sở Y tế Đồng Tháp - đã làm việc với báo chí."
    [person] = person_spans(sentence)
    assert person.text.startswith("Đào Anh Hải") and "người phát ngôn Sở Y tế" in person.role, person
    # a lower-case word that is no post ends the title as before
    [other] = person_spans("Ông Lê Văn Hùng, Giám đốc Sở Tài chính, người dân ai cũng biết.")
    assert other.role == "Giám đốc Sở Tài chính", other


def test_a_syllable_vietnamese_spelling_never_writes_is_foreign() -> None:
    # "k" only before e, ê, i, y; "c", "g", "ng" never before e, ê, i; "gh", "ngh" only before them
    assert not any(is_vietnamese_syllable(w) for w in ("Ku", "Ko", "Ka", "ce", "ge", "nge", "ghu", "nghi" + "a" * 3))
    assert all(is_vietnamese_syllable(w) for w in ("Kim", "Kiên", "Kỳ", "Cường", "Ghi", "Nghĩa", "Ngô", "Gì", "Giang", "Gỗ"))
    spans = person_spans("Vở kịch kết hôn giữa chị Phan Ngọc Hoa với ông Kim Ưn Ku - người chồng Hàn Quốc diễn ra thuận lợi.")
    assert [s.text for s in spans] == ["Phan Ngọc Hoa", "Kim Ưn Ku"]


def test_a_share_asked_in_english_is_not_another_things_rate() -> None:
    q = analyse_question("What share of its waste does Ho Chi Minh City aim to send to landfill by 2020?")
    sentence = "Đến năm 2020 tỷ lệ rác thải chôn lấp giảm xuống còn 50% (hiện nay gần 80%)."
    [fifty, _] = spans_of(sentence, "percentage")
    assert not _rate_of_another_thing(q, fifty, sentence)
    # a rate the question names is still told from another's
    asked = analyse_question("Tỷ lệ thất nghiệp của tỉnh năm 2016 là bao nhiêu?")
    other = "Tỷ lệ hộ nghèo của tỉnh năm 2016 giảm còn 1,31%."
    [rate] = spans_of(other, "percentage")
    assert _rate_of_another_thing(asked, rate, other)


def test_a_length_asked_is_not_answered_by_a_temperature() -> None:
    question = "Hầm đi bộ trên đường Nguyễn Xiển nằm sâu dưới lòng đất bao nhiêu mét?"
    hot = "Trưa nay, trên đường Nguyễn Xiển nhiệt độ mặt đường đo được lên đến 57 độ C, dưới hầm đi bộ chỉ 34 độ C."
    answer = _answer(question, hot, title="Hầm đi bộ Nguyễn Xiển")
    assert not answer.found, answer.answer
    deep = "Hầm đi bộ trên đường Nguyễn Xiển nằm sâu dưới lòng đất từ 5-6 mét."
    answer = _answer(question, hot, deep, title="Hầm đi bộ Nguyễn Xiển")
    assert answer.found and "5-6 mét" in answer.answer, answer.answer


def test_which_is_asked_by_dau_la_is_no_place() -> None:
    assert analyse_question("Hội thảo coi đâu là thách thức lớn nhất với kinh tế Mỹ?").answer_type == "sentence"
    assert analyse_question("Anh Hồng làm việc ở đâu?").answer_type == "place"
    assert analyse_question("Công nhân nghỉ trưa ở đâu là tốt nhất?").answer_type == "place"


def test_a_month_and_year_joined_by_a_dot_dates_the_sentence() -> None:
    assert evidence_years("Đến tháng 10.2007, TP mới đưa ra 8 giải pháp cấp bách.", "", None).years == (2007,)
    assert evidence_years("Ngày 8.7.2017, đoàn công tác đến thăm.", "", None).years == (2017,)
    # a number with a thousands group has three digits after each dot
    assert evidence_years("Giá 10.200 đồng mỗi kg.", "", None).years == ()


def test_a_place_the_question_gives_a_person_may_be_named_anywhere_in_the_article_about_them() -> None:
    question = "Bé Nông Mạnh Quân ở huyện Thạch An, Cao Bằng được hưởng trợ cấp trẻ khuyết tật bao nhiêu tiền mỗi tháng?"
    # the place is named far past the lead, where the article gives the family's address for donations
    article = (
        "Thương con sinh non, anh chị đặt tên con là Nông Mạnh Quân với hy vọng con sớm khỏe mạnh. ".ljust(200)
        + "Gia đình thuộc diện hộ nghèo, mọi chi phí chữa bệnh đều phải vay mượn. ".ljust(200) * 5
        + "Mọi sự giúp đỡ xin gửi về: Anh Nông Văn Toàn, thôn Nà Dề, thị trấn Đông Khê, huyện Thạch An, tỉnh Cao Bằng.".ljust(200)
    )
    answer = _answer(question, "Bé Quân được hưởng trợ cấp trẻ khuyết tật 600.000 đồng/tháng.", article=article)
    assert answer.found and "600.000 đồng" in answer.answer, answer.answer
    # an article that names the place but not the person is still set aside
    other = "Gia đình thuộc diện hộ nghèo. ".ljust(200) * 6 + "Huyện Thạch An, tỉnh Cao Bằng có nhiều hộ nghèo. ".ljust(200)
    answer = _answer(question, "Bé Hà được hưởng trợ cấp trẻ khuyết tật 600.000 đồng/tháng.", article=other)
    assert not answer.found, answer.answer


def test_the_procuracy_is_a_body_the_glossary_reads() -> None:
    q = analyse_question("Which Hanoi National Assembly deputy argued that the Procuracy should be responsible for compensation?")
    assert "Procuracy" not in q.english_names and {"viện", "kiểm", "sát"} <= set(q.terms), (q.english_names, q.terms)


def test_an_english_function_word_before_a_number_numbers_nothing() -> None:
    question = "Under which Hanoi People's Committee plan was the rollout of 120 level-3 online public services split up?"
    assert _numbered_thing(question, "120") is None
    assert _numbered_thing("Which road works on provincial road 284 were delayed?", "284") == "road"


def test_peoples_committee_is_no_possessive() -> None:
    q = analyse_question("Under which Hanoi People's Committee plan was the rollout of online public services split?")
    assert _unread_english_body(q) is None
    # a body no table reads is still one ("the Vietnam Cooperative Alliance")
    assert _unread_english_body(analyse_question("What did the Vietnam Cooperative Alliance propose in 2017?")) is not None
