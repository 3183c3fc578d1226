"""Readings the fifty-third session's blind probe found missing: a share asked by its sign ("bao nhiêu %"), growth
asked without a unit, a person an article gives as its source ("theo Richard V. Reeves, ...") before the figure, a
match's score that only the results box states, "0-4" as no date, a coach's title before a foreign name, a city's
name that is no person's, the Nordic countries as a region, kin by marriage as a person asked by name, and the end of a
period a date question asks."""

from __future__ import annotations

from answer.constraints import mentions_english_name
from answer.extract import spans_of
from answer.extractive import (
    _ASKS_A_COUNTRY,
    _date_of,
    _document_dated_otherwise,
    _document_of_another_kind,
    _end_asked,
    _end_stated,
    _local_bodies,
    _names_a_country,
    _quotes,
    _writes_a_count,
)
from answer.qtypes import analyse_question, asks_a_persons_name
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_a_share_asked_by_its_sign_is_a_percentage() -> None:
    question = "Cơ chế đặc thù cho phép huy động vốn đầu tư tối đa bao nhiêu % số thu ngân sách địa phương?"
    assert analyse_question(question).answer_type == "percentage"
    assert analyse_question("Tỷ lệ thất nghiệp giảm còn mấy%?").answer_type == "percentage"
    # a count is still a count
    assert analyse_question("Có bao nhiêu doanh nghiệp được hỗ trợ?").answer_type == "quantity"
    sentence = "Theo đó, cho phép Thành phố huy động vốn đầu tư ở mức không vượt quá 40% số thu ngân sách địa phương."
    answer = _answer(question, sentence, title="Cơ chế, chính sách tài chính - ngân sách đặc thù đối với Hải Phòng")
    assert answer.found and "40%" in answer.answer, answer.answer


def test_growth_asked_without_a_unit_is_a_percentage() -> None:
    assert analyse_question("Năm 2016, kinh tế tỉnh Bà Rịa-Vũng Tàu tăng trưởng ở mức bao nhiêu?").answer_type == "percentage"
    assert analyse_question("Kinh tế tỉnh tăng trưởng bao nhiêu?").answer_type == "percentage"
    # a unit asked after it is that unit's amount
    assert analyse_question("Doanh thu tăng trưởng bao nhiêu tỷ đồng?").answer_type != "percentage"


def test_a_source_given_by_theo_is_quoted() -> None:
    text = "Theo Richard V. Reeves, nhà nghiên cứu kinh tế tại Viện Brookings, tinh thần này có thể bị phai nhạt."
    assert _quotes("Richard V. Reeves", text)
    assert _quotes("Nguyễn Văn An", "Theo ông Nguyễn Văn An, số lao động tăng.")
    # a name that is neither a source nor a speaker
    assert not _quotes("Nguyễn Văn An", "Ông bà đã gặp Nguyễn Văn An tại Hà Nội.")
    article = f"{text} Người nhập cư có xu hướng thành lập doanh nghiệp mới cao gấp 2 lần người bản địa."
    question = "Theo Richard V. Reeves, người nhập cư ở Mỹ lập doanh nghiệp mới nhiều gấp mấy lần người bản địa?"
    answer = _answer(question, "Người nhập cư có xu hướng thành lập doanh nghiệp mới cao gấp 2 lần người bản địa.", article=article, title="Nước Mỹ và người nhập cư")
    assert answer.found and "2 lần" in answer.answer, answer.answer
    # an article that never gives the asked person as its source does not answer what they said
    other = _answer(question.replace("Richard V. Reeves", "John Smith"), "Người nhập cư có xu hướng thành lập doanh nghiệp mới cao gấp 2 lần người bản địa.", article=article, title="Nước Mỹ và người nhập cư")
    assert not other.found, other.answer


def test_a_score_is_no_date_and_names_the_match_anywhere_in_its_article() -> None:
    assert _date_of("0-4") is None and _date_of("45/12") is None
    assert _date_of("1-7") == (1, 7, None)
    sentence = "Cuộc chạm trán coi như đã an bài, bởi HLV Alain Fiard đã dùng đến chục cầu thủ ở đội hình 2."
    results = "Kết quả: TP.HCM – SLNA 0-4 (tổng tỷ số 1-7)."
    question = "HLV nào đã tung đội hình 2 của CLB TP.HCM trong trận thua SLNA 0-4?"
    answer = _answer(question, sentence, article=results)
    assert answer.found and "Alain Fiard" in answer.answer, answer.answer
    # an article that never states the score is about another match
    assert not _answer(question, sentence).found


def test_a_coach_title_introduces_a_foreign_name() -> None:
    spans = spans_of("Cuộc chạm trán đã an bài, bởi HLV Alain Fiard đã dùng đội hình 2.", "person")
    assert [(s.text, s.role) for s in spans] == [("HLV Alain Fiard", "HLV")]
    spans = spans_of("Huấn luyện viên Park Hang-seo cho biết đội sẽ dự giải.", "person")
    assert [s.text for s in spans] == ["Huấn luyện viên Park Hang-seo"]


def test_a_city_name_is_no_person_whose_post_is_asked() -> None:
    q = analyse_question("Who was acting chairman of Ho Chi Minh City FC when it lost to SLNA in the 2017 National Cup?")
    assert "Ho Chi Minh" not in q.names and q.answer_type == "person"
    # a person named without marks still is one
    assert analyse_question("What position does Le Thi Theu hold?").names == ("Le Thi Theu",)


def test_the_nordic_countries_are_named_by_bac_au() -> None:
    assert mentions_english_name("Nordic", "Các trang trại Bắc Âu có 70% diện tích là thuê của nông dân.")
    assert mentions_english_name("Scandinavia", "Lao động sang Bắc Âu tăng.")
    assert not mentions_english_name("Nordic", "Các trang trại châu Âu có 70% diện tích là thuê của nông dân.")


def test_kin_by_marriage_asked_by_name_is_a_person() -> None:
    question = "What was the name of the mother-in-law killed by Nguyễn Ngọc Dũng in Nhon Trach district?"
    assert asks_a_persons_name(question, "en")
    assert asks_a_persons_name("What is the name of the victim?", "en")
    assert not asks_a_persons_name("What is the name of the company?", "en")


def test_the_asked_end_of_a_period() -> None:
    assert _end_asked("Liên hoan bắt đầu từ ngày nào?") == "start"
    assert _end_asked("Thời kỳ giám sát kết thúc vào ngày nào?") == "end"
    assert _end_asked("When did the festival begin?") == "start"
    assert _end_asked("What was the figure at the end of 2016?") is None
    assert _end_asked("Hội nghị diễn ra vào ngày nào?") is None
    sentence = "Thời gian giám sát từ 1/1/2016 đến 31/5/2017."
    first, last = spans_of(sentence, "date")
    assert (_end_stated(first, sentence), _end_stated(last, sentence)) == ("start", "end")
    closing = "Ngày 4/7, tại Quảng Trị, Cục Văn hóa cơ sở tổ chức Lễ bế mạc Liên hoan tuyên truyền lưu động."
    assert _end_stated(spans_of(closing, "date")[0], closing) == "end"
    neither = "Ngày 20/6, tại Hà Nội, Đoàn công tác công bố Quyết định giám sát."
    assert _end_stated(spans_of(neither, "date")[0], neither) is None


def test_a_closing_date_does_not_answer_when_a_festival_began() -> None:
    question = "Liên hoan tuyên truyền lưu động tại Quảng Trị bắt đầu từ ngày nào?"
    closing = "Ngày 4/7, tại Quảng Trị, Cục Văn hóa cơ sở tổ chức Lễ bế mạc Liên hoan tuyên truyền lưu động."
    assert not _answer(question, closing).found
    opening = "Diễn ra tại Quảng Trị từ ngày 3/7, Liên hoan tuyên truyền lưu động đã tổ chức các buổi biểu diễn."
    answer = _answer(question, closing, opening)
    assert answer.found and "3/7" in answer.answer, answer.answer


def test_a_post_after_a_bracketed_province_and_a_committee_of_listed_fields() -> None:
    sentence = (
        "Đại biểu Ngô Thị Minh (Quảng Ninh), Phó Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng "
        "của Quốc hội cho biết, bạo lực trẻ em tăng."
    )
    [person] = spans_of(sentence, "person")
    assert person.role == "Phó Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng"
    # an age in brackets is no province, and people listed after a post are not its body's fields
    assert [s.role for s in spans_of("Anh Nguyễn Văn Hùng (35 tuổi), Giám đốc công ty cho biết.", "person")] == [""]
    listed = spans_of("Ông Lê Văn Hùng, Giám đốc Sở Y tế, bà Trần Thị Lan và ông Lê Văn Nam dự họp.", "person")
    assert listed[0].role == "Giám đốc Sở Y tế"
    question = "Đại biểu Quốc hội Ngô Thị Minh (Quảng Ninh) giữ chức Phó Chủ nhiệm ủy ban nào của Quốc hội?"
    answer = _answer(question, sentence)
    assert answer.found and "Thiếu niên và Nhi đồng" in answer.answer, answer.answer


def test_a_person_of_another_local_body_of_the_asked_kind() -> None:
    assert _local_bodies("Trưởng khoa Cấp cứu Bệnh viện đa khoa huyện Yên Sơn là ai?") == {("benh vien da khoa", "yen son")}
    assert _local_bodies("UBND xã Tam Lãnh cho biết") == {("ubnd", "tam lanh")}
    question = "Trưởng khoa Cấp cứu Bệnh viện đa khoa huyện Yên Sơn, Tuyên Quang là ai?"
    provincial = (
        "Ngày 5.6, bác sĩ Đào Ngọc Việt, Trưởng khoa Cấp cứu, Bệnh viện đa khoa tỉnh Tuyên Quang cho biết, bệnh nhân "
        "được sơ cứu tại Bệnh viện đa khoa huyện Yên Sơn."
    )
    assert not _answer(question, provincial).found
    district = "Ngày 5.6, bác sĩ Đào Ngọc Việt, Trưởng khoa Cấp cứu, Bệnh viện đa khoa huyện Yên Sơn cho biết bệnh nhân đã ổn định."
    answer = _answer(question, district, title="Tuyên Quang: sốc nhiệt")
    assert answer.found and "Đào Ngọc Việt" in answer.answer, answer.answer


def test_a_count_given_as_a_whole_sentence_is_written_in_it() -> None:
    assert _writes_a_count("Có ba bệnh nhân được cứu sống.")
    assert _writes_a_count("Quận 8 có 300 hộ nghèo.")
    # ages, years, days and the numbers of places count nothing
    assert not _writes_a_count("Vợ chồng bà Minh (52 tuổi) và ông Dũng (55 tuổi, ngụ phường 18, quận 8, TP.HCM) làm nghề.")
    assert not _writes_a_count("Ngày 5/6/2017, năm 2016, họ làm nghề.")
    # a range and a figure against its unit are counts
    assert _writes_a_count("Số bệnh nhi tăng 10-15% so với ngày thường.")
    assert _writes_a_count("Ngoài hạn điền (3ha) chỉ thu thuế thu nhập.")


def test_a_document_of_another_kind_does_not_answer_which_decree() -> None:
    decree = analyse_question("Under which decree does the Ministry of Industry and Trade manage petrol prices?")
    [code] = spans_of("Giá dịch vụ tại cảng biển theo quy định của Bộ luật Hàng hải và pháp luật liên quan.", "document")
    [numbered] = spans_of("Bộ Công Thương điều hành giá xăng dầu theo Nghị định 83/2014/NĐ-CP.", "document")
    assert _document_of_another_kind(decree, code)
    assert not _document_of_another_kind(decree, numbered)
    # a law is asked, a code of law answers; a joint circular is a circular
    law = analyse_question("Luật nào quy định tuổi nghỉ hưu?")
    [labour_code] = spans_of("Tuổi nghỉ hưu được quy định tại Bộ luật Lao động năm 2012.", "document")
    assert not _document_of_another_kind(law, labour_code)
    circular = analyse_question("Thông tư nào hướng dẫn chế độ này?")
    [joint] = spans_of("Theo Thông tư liên tịch số 12/2016/TTLT-BLĐTBXH, chế độ được hướng dẫn.", "document")
    assert not _document_of_another_kind(circular, joint)


def test_a_document_dated_otherwise_is_another_document() -> None:
    question = "What is the number of the Politburo resolution dated 30/7/2013 on Nghe An province's development to 2020?"
    q = analyse_question(question)
    other = "Tỉnh báo cáo 5 năm thực hiện Nghị quyết số 06-NQ/TU ngày 04/11/2011 của BCH Đảng bộ tỉnh Nghệ An."
    asked = "Nghệ An thực hiện Nghị quyết số 26 ngày 30/7/2013 của Bộ Chính trị về phương hướng phát triển tỉnh đến năm 2020."
    assert _document_dated_otherwise(q, spans_of(other, "document")[0], other)
    assert not _document_dated_otherwise(q, spans_of(asked, "document")[0], asked)
    # a question that dates no document leaves every date unknown
    undated = analyse_question("Which resolution on Nghe An province's development to 2020 did the Politburo issue?")
    assert not _document_dated_otherwise(undated, spans_of(other, "document")[0], other)
    # English: retrieval's first sentence does not answer when its document is dated otherwise
    answer = _answer(question, other, asked, title="Nghệ An")
    assert answer.found and "26" in answer.answer and "06-NQ/TU" not in answer.answer, answer.answer


def test_which_country_is_not_told_by_a_sentence_naming_none() -> None:
    assert _ASKS_A_COUNTRY.search("Bà Kiều đi xuất khẩu lao động ở nước nào?")
    assert _ASKS_A_COUNTRY.search("Which country did she work in?")
    # a state-owned company is no country asked
    assert not _ASKS_A_COUNTRY.search("Hai doanh nghiệp nhà nước nào ở Bình Dương phát triển nhà ở xã hội?")
    assert _names_a_country("Bà Kiều tiếp tục đi xuất khẩu lao động sang Malaysia.")
    assert not _names_a_country("Khi tài xế tới nhà bà Kiều tại xã Phú Hữu, huyện Nhơn Trạch thì thấy ông Dũng.")
