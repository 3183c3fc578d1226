"""A how-many question's deed ("được đào tạo nghề", "lost their jobs") and an amount's kind ("kinh phí" is a cost,
"thu nhập" an income) keep a figure of the same sentence or paragraph that counts something else from answering."""

from __future__ import annotations

import dataclasses

import pytest

from answer.asked_deed import asked_deed
from answer.extractive import ExtractiveAnswerer
from answer.qtypes import analyse_question
from tests.answer.sample_hits import hits_from

JOBS_2020 = "21.000 người"
RENT_2022 = "163.600 lượt"


@pytest.fixture(scope="module")
def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer()


def _sure(*fragments: str):
    # retrieval ranks them first and its reranker is sure: only what the sentence says may refuse them
    return [dataclasses.replace(h, scores={"rerank": 1.0}) for h in hits_from(*fragments)]


@pytest.mark.parametrize(
    ("question", "deed"),
    [
        ("Bao nhiêu người được đào tạo nghề năm 2020?", [[("dao", "tao", "nghe")]]),
        ("Có bao nhiêu nhóm đối tượng được hưởng mức lương cơ sở mới?", [[("huong", "muc", "luong")]]),
        ("How many workers lost their jobs because of Covid-19 in 2020?", [[("mat", "viec", "lam"), ("mat", "viec")]]),
        ("How many households escaped poverty in 2020?", [[("thoat", "ngheo")]]),
    ],
)
def test_the_deed_is_read_after_the_counted_noun(question: str, deed: list) -> None:
    read = asked_deed(analyse_question(question))
    assert read is not None and [list(group) for group in read.groups] == deed


@pytest.mark.parametrize(
    "question",
    [
        "Năm 2020 tỉnh giải quyết việc làm cho bao nhiêu người?",  # the counted noun closes the question
        "Bao nhiêu người lao động năm 2020?",  # nothing said of them
        "Bao nhiêu người chết?",  # a deed of one syllable is too little to check
        "Of the facilities, how many are paid per capita?",  # no noun counted
        "How much did the province spend on rent support in 2022?",  # money, not a count
    ],
)
def test_questions_without_a_deed_are_not_checked(question: str) -> None:
    assert asked_deed(analyse_question(question)) is None


def test_a_vietnamese_deed_worded_a_little_differently_is_said() -> None:
    deed = asked_deed(analyse_question("Có bao nhiêu nhóm đối tượng được hưởng mức lương cơ sở mới?"))
    assert deed is not None
    assert deed.said_in("Có 9 nhóm đối tượng được xếp hưởng mức lương, phụ cấp theo Nghị định này.")
    assert not deed.said_in("Có 9 nhóm đối tượng được cấp thẻ bảo hiểm y tế.")


@pytest.mark.parametrize(
    "question",
    [
        "Bao nhiêu người được đào tạo nghề năm 2020?",
        "How many workers lost their jobs because of Covid-19 in 2020?",
    ],
)
def test_a_figure_counting_another_deed_does_not_answer(answerer: ExtractiveAnswerer, question: str) -> None:
    # "21.000 người ... được giải quyết việc làm", "xuất khẩu lao động 250 người": given jobs and sent abroad
    answer = answerer.answer(question, _sure(JOBS_2020))
    assert not answer.found, answer.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Năm 2020 có bao nhiêu người được giải quyết việc làm?", "21.000"),
        ("How many people got jobs in 2020?", "21.000"),
        ("Năm 2022 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?", "163.600"),
    ],
)
def test_a_figure_counting_the_asked_deed_still_answers(
    answerer: ExtractiveAnswerer, question: str, expected: str
) -> None:
    answer = answerer.answer(question, _sure(JOBS_2020 if "2020" in question else RENT_2022))
    assert answer.found and answer.extracted is not None and expected in answer.extracted, answer.answer


@pytest.mark.parametrize(
    "question",
    ["What was the average income of workers in 2022?", "Thu nhập bình quân của người lao động năm 2022 là bao nhiêu?"],
)
def test_an_amount_of_another_kind_does_not_answer(answerer: ExtractiveAnswerer, question: str) -> None:
    # "tổng kinh phí gần 200 tỷ đồng" is what the rent support cost, not anyone's income
    answer = answerer.answer(question, _sure(RENT_2022))
    assert not answer.found, answer.answer


@pytest.mark.parametrize(
    "question",
    ["How much money was spent on rent support in 2022?", "Tổng kinh phí hỗ trợ tiền thuê nhà năm 2022 là bao nhiêu?"],
)
def test_an_amount_of_the_asked_kind_still_answers(answerer: ExtractiveAnswerer, question: str) -> None:
    answer = answerer.answer(question, _sure(RENT_2022))
    assert answer.found and answer.extracted is not None and "200 tỷ" in answer.extracted, answer.answer


def test_a_participle_describing_the_counted_noun_is_not_its_deed() -> None:
    # "affected by the pandemic" says which workers; "were supported" is what the question counts them for
    deed = asked_deed(analyse_question("How many workers affected by the Covid-19 pandemic were supported in 2022?"))
    assert deed is not None and deed.said_in(
        "hơn 604 nghìn người lao động gặp khó khăn do đại dịch Covid-19 được hỗ trợ"
    )
    assert not deed.said_in("hơn 604 nghìn người lao động bị ảnh hưởng bởi đại dịch Covid-19")


def test_a_verb_the_counted_noun_took_in_opens_the_deed() -> None:
    # "người ủng hộ" reads as one head; the deed is "ủng hộ", not the product it is about
    deed = asked_deed(analyse_question("Có bao nhiêu người ủng hộ sản phẩm thuốc xịt muỗi?"))
    assert deed is not None and deed.groups[0][0][:2] == ("ung", "ho")
