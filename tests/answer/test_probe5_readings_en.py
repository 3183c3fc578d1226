"""English readings found on the fifth probe set: the general words (common_words.tsv) an English question writes tell
which date of a sentence it asks about; a document is shown with the day it was issued."""

from __future__ import annotations

from answer.extractive import ExtractiveAnswerer
from answer.qtypes import analyse_question
from index.models import Hit
from tests.answer.sample_hits import sentence_hit


def _hit(sentence: str, *, doc_id: str = "a.txt", title: str = "Tin thời sự") -> Hit:
    return sentence_hit(sentence, doc_id=doc_id, index=3, start=100, title=title, context=sentence)


# ---- general words choose among a sentence's spans


def test_general_words_are_read_for_unknown_lower_case_words_only() -> None:
    q = analyse_question("On what date did the delegation arrive in Da Nang?")
    assert ("đến", "tới") in q.general  # "arrive" read by the row of its past form
    assert analyse_question("Tỉnh được thành lập vào ngày nào?").general == ()


def test_the_date_whose_clause_says_the_questions_verb_answers() -> None:
    sentence = (
        "Sáng 5/3, tại Hà Nội, lãnh đạo Tổng công ty Sông Đà tổ chức gặp mặt cán bộ, công nhân nhân dịp Ngày thành "
        "lập Tổng công ty (20/3/1995) và trao tặng bằng khen cho 30 tập thể."
    )
    answer = ExtractiveAnswerer().answer("On what date was the Sông Đà corporation founded in Hà Nội?", [_hit(sentence)])
    assert answer.found and answer.extracted == "20/3/1995"


# ---- a document with the day it was issued


def test_a_document_is_shown_with_the_day_it_was_issued() -> None:
    sentence = (
        "Bộ Lao động - Thương binh và Xã hội đề nghị giữ nguyên Quyết định số 1250/QĐ-LĐTBXH ngày 12/8/2016 về việc "
        "công nhận kết quả thi tuyển của Sở."
    )
    answer = ExtractiveAnswerer().answer("Which decision on the recruitment results did the ministry propose to keep?", [_hit(sentence)])
    assert answer.found and answer.answer.startswith("Quyết định số 1250/QĐ-LĐTBXH ngày 12/8/2016")
    assert answer.extracted == "Quyết định số 1250/QĐ-LĐTBXH"  # the span itself, as cited


def test_a_date_after_a_comma_is_not_the_documents() -> None:
    sentence = "Theo Nghị định 100/2015/NĐ-CP, ngày 20/10/2015 ông Nguyễn Văn An được giao đất xây nhà ở xã hội."
    answer = ExtractiveAnswerer().answer("Which decree allocated social housing land?", [_hit(sentence)])
    assert not answer.answer.startswith("Nghị định 100/2015/NĐ-CP, ngày 20/10/2015")


# ---- the month an English question dates its fact by


def test_an_english_question_in_a_month_is_not_answered_by_another_months_figure() -> None:
    june = "Theo báo cáo, nền kinh tế Mỹ đã tạo thêm 220.000 việc làm trong tháng 6, cao hơn dự báo."
    may = "Báo cáo cho biết kinh tế Mỹ chỉ tạo thêm 138.000 việc làm trong tháng 5, thấp hơn dự báo."
    question = "According to the report released on 2 June, how many jobs did the US economy create in May?"
    answer = ExtractiveAnswerer().answer(question, [_hit(june, doc_id="a.txt"), _hit(may, doc_id="b.txt")])
    assert answer.found and "138.000" in (answer.extracted or "")


def test_a_days_month_is_no_month_of_the_fact() -> None:
    from answer.extractive import _question_months

    assert _question_months(analyse_question("What did the report released on 2 June say?")) == []
    assert _question_months(analyse_question("How many jobs were created in May 2017?")) == ["5"]


def test_a_month_a_comparison_reaches_back_to_is_no_month_of_the_fact() -> None:
    sentence = "Tỷ lệ thất nghiệp ở phụ nữ giảm xuống còn 2,6%, mức thấp nhất kể từ tháng 8/1993, theo Bộ Nội vụ Nhật Bản."
    answer = ExtractiveAnswerer().answer("What was the unemployment rate among women in Japan in April?", [_hit(sentence)])
    assert answer.found and "2,6%" in (answer.extracted or "")
