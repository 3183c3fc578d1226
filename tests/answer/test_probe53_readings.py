"""Readings the fifty-third session's blind probe found missing: a share asked by its sign ("bao nhiêu %"), growth
asked without a unit, a person an article gives as its source ("theo Richard V. Reeves, ...") before the figure, a
match's score that only the results box states, "0-4" as no date, and a coach's title before a foreign name."""

from __future__ import annotations

from answer.extract import spans_of
from answer.extractive import _date_of, _quotes
from answer.qtypes import analyse_question
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
