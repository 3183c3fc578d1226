"""End to end through service.LabourQA: real ingestion, hybrid retrieval, the extractive answerer."""

from __future__ import annotations

import pytest

from answer.citations import verify_citation
from answer.models import Turn

pytestmark = pytest.mark.slow


def test_ask_known_answer_and_citation(sample_index) -> None:
    answer = sample_index.ask("Năm 2022 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?")
    assert answer.found and answer.extracted == "hơn 163.600 lượt lao động"
    citation = answer.citations[0]
    assert verify_citation(citation, sample_index.article_text(citation.doc_id))


def test_a_question_typed_without_marks_gets_them_back_and_the_same_answer(sample_index) -> None:
    typed = "nam 2022 co bao nhieu luot lao dong duoc ho tro tien thue nha?"
    answer = sample_index.ask(typed)
    assert answer.question == typed
    assert answer.resolved_question == "năm 2022 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?"
    assert answer.found and answer.extracted == "hơn 163.600 lượt lao động"
    # a marked or English question is searched as typed
    assert sample_index.with_marks("Năm 2022 có bao nhiêu lượt lao động?") == "Năm 2022 có bao nhiêu lượt lao động?"
    english = "How many workers got rent support in 2022?"
    assert sample_index.with_marks(english) == english
    assert sample_index.ask(english).resolved_question is None


def test_a_follow_up_typed_without_marks_is_resolved_on_its_marks(sample_index) -> None:
    first = sample_index.ask("Bao nhiêu người thuộc hộ nghèo được cấp thẻ bảo hiểm y tế?")
    second = sample_index.ask("con ho can ngheo thi sao?", [Turn(first.question, first)])
    assert second.resolved_question == "Bao nhiêu người thuộc hộ cận nghèo được cấp thẻ bảo hiểm y tế?"
    assert second.found and second.extracted == "gần 13.400 người"


def test_ask_wrong_year_is_not_found(sample_index) -> None:
    answer = sample_index.ask("Tỷ lệ hộ nghèo năm 2022 là bao nhiêu?")
    assert not answer.found and answer.citations == ()
    assert answer.answer.startswith("Không có số liệu năm 2022")
    assert "1,31%" in answer.answer


def test_ask_off_topic_is_not_found(sample_index) -> None:
    answer = sample_index.ask("Giá vàng hôm nay bao nhiêu?")
    assert not answer.found and answer.answer == "Không tìm thấy thông tin này trong các bài viết."


def test_follow_up_through_the_service(sample_index) -> None:
    first = sample_index.ask("Bao nhiêu người thuộc hộ nghèo được cấp thẻ bảo hiểm y tế?")
    assert first.found and first.extracted == "hơn 8.000 người"
    second = sample_index.ask("còn hộ cận nghèo thì sao?", [Turn(first.question, first)])
    assert second.resolved_question == "Bao nhiêu người thuộc hộ cận nghèo được cấp thẻ bảo hiểm y tế?"
    assert second.found and second.extracted == "gần 13.400 người"


def test_the_corpus_check_behind_nothing_about_x(sample_index) -> None:
    # what the sample articles name, by any alias, and what they never name
    assert sample_index.corpus_names("Hàn Quốc")
    assert sample_index.corpus_names("South Korea")  # the gazetteer's English form
    assert sample_index.corpus_names("Nguyễn Hương Giang")  # a person, by the lexical index
    assert not sample_index.corpus_names("Bắc Giang")
    assert not sample_index.corpus_names("Nguyễn Văn Nam")
    # a foreign region or city by the Vietnamese the press writes (foreign_places.tsv), a city also by its country
    assert sample_index.corpus_names("Middle East")  # "Trung Đông"
    assert sample_index.corpus_names("Seoul")  # in South Korea, which the articles name
    assert not sample_index.corpus_names("Moscow") and not sample_index.corpus_names("Africa")
    # a name of several words one sentence writes apart is named ("Agribank Tây Sơn" in "Agribank chi nhánh Tây
    # Sơn"): "nothing about" it would be false
    assert sample_index.corpus_names("Đặng Dũng")  # "Đặng Trí Dũng"
    assert not sample_index.corpus_names("Đặng Nam")


def test_nothing_about_a_place_the_articles_never_name(sample_index) -> None:
    answer = sample_index.ask("Tỉnh Bắc Giang hỗ trợ bao nhiêu lao động năm 2022?")
    assert not answer.found and answer.answer.startswith("Không tìm thấy thông tin về Bắc Giang")


def test_nothing_about_is_not_said_of_a_foreign_name_the_press_may_write_otherwise(sample_index) -> None:
    # "Fan Bingbing" is "Phạm Băng Băng" in Vietnamese: no table reads it, so its absence as written proves nothing
    answer = sample_index.ask("How many workers did Fan Bingbing support in 2022?")
    assert not answer.found and "say nothing about" not in answer.answer, answer.answer
    # a place the tables read is still named as missing
    answer = sample_index.ask("How many workers in Da Nang received rent support in 2022?")
    assert not answer.found and "The articles say nothing about Da Nang" in answer.answer, answer.answer


def test_a_list_of_the_asked_year_is_not_outweighed_by_a_sentence_of_another_year(sample_index) -> None:
    # a 2021 sentence sharing the words ("thị trường lao động", "đi làm việc ở nước ngoài") holds no list of markets
    answer = sample_index.ask("Lao động của tỉnh đi làm việc ở nước ngoài năm 2020 tại những thị trường nào?")
    assert answer.found and "Hàn Quốc" in answer.answer and "Nhật Bản" in answer.answer


def test_a_reason_never_says_the_articles_lack_a_year_they_have(sample_index) -> None:
    # 2022 has no jobs figure, and the rent-support sentence of 2022 fits worse than the 2020 jobs sentence: the
    # articles do speak of 2022, so the reason says which passage came closest rather than "only 2020"
    answer = sample_index.ask("Năm 2022 tỉnh giải quyết việc làm cho bao nhiêu lao động?")
    assert not answer.found
    assert "chỉ có" not in answer.answer


def test_an_english_question_searches_its_unmarked_vietnamese_names_with_their_marks(sample_index) -> None:
    # the glossary's phrases mark the search text, which is then matched as written: "Le Thi Theu" as typed would
    # match no indexed word
    query = sample_index._retrieval_query("What did Le Thi Theu say about the department's work in 2020?")
    assert "Lê Thị Thêu" in query
    assert sample_index._retrieval_query("Năm 2022 có bao nhiêu lượt lao động?") == "Năm 2022 có bao nhiêu lượt lao động?"


def test_a_question_naming_a_person_also_reads_the_best_sentences_of_the_articles_that_name_them(sample_index) -> None:
    question = "Bà Lê Thị Thêu cho biết năm 2020 tỉnh giải quyết việc làm cho bao nhiêu lao động?"
    hits = sample_index._search(question, 1)
    more = sample_index._with_named_people(question, hits, None)
    assert more[:1] == hits and len(more) > 1  # the search's own hits first, then the article's
    naming = {h.doc_id for h in more[1:]}
    assert naming == {"000_3165cad724f5285f.txt"}  # only the article that names her
    assert len({(h.doc_id, h.sentence_index) for h in more}) == len(more)  # no hit twice
    # no person named: the hits as they are
    plain = "Năm 2020 tỉnh giải quyết việc làm cho bao nhiêu lao động?"
    plain_hits = sample_index._search(plain, 1)
    assert sample_index._with_named_people(plain, plain_hits, None) == plain_hits
