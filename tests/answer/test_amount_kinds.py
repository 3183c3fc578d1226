"""An amount's kind ("kinh phí" is a cost, "thu nhập" an income) keeps a figure of the same sentence that measures
something else from answering a money question."""

from __future__ import annotations

import dataclasses

import pytest

from answer.extractive import ExtractiveAnswerer
from tests.answer.sample_hits import hits_from

RENT_2022 = "163.600 lượt"


@pytest.fixture(scope="module")
def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer()


def _sure(*fragments: str):
    # retrieval ranks them first and its reranker is sure: only what the sentence says may refuse them
    return [dataclasses.replace(h, scores={"rerank": 1.0}) for h in hits_from(*fragments)]


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

