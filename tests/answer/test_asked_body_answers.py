"""A question asking which body ("Nhà thầu nào ...?", "Which ministry ...?") is answered by a sentence that names a
body of that kind besides the question's own, not by retrieval's best sentence about the matter (labour dev sets:
a contractor question was answered with the project board's statement; a cooperative question with a sentence
about the ginseng trade)."""

from __future__ import annotations

from datetime import date

import pytest

from answer.extractive import ExtractiveAnswerer, _one_body
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

CLOCK = lambda: date(2017, 12, 31)  # noqa: E731

QUESTION = "Nhà thầu nào thi công đoạn đường sắt Nhổn - ga Hà Nội nơi ống thép rơi xuống vỉa hè?"
BOARD = (
    "Liên quan đến sự việc ống thép rơi từ dự án đường sắt Nhổn - ga Hà Nội xuống vỉa hè, ông Nguyễn Cao Minh, "
    "Trưởng Ban quản lý đường sắt đô thị Hà Nội cho biết đã kiểm tra hiện trường."
)
CONTRACTOR = (
    "Ban quản lý đường sắt đô thị Hà Nội yêu cầu nhà thầu POSCO E&C thi công đoạn đường sắt Nhổn - ga Hà Nội "
    "khắc phục sự cố ống thép rơi xuống vỉa hè."
)


def _hits(*sentences: str) -> list[Hit]:
    return [
        sentence_hit(
            s,
            doc_id="rail.txt",
            index=i,
            start=200 * i,
            score=1.0 - 0.05 * i,
            title="Ống thép rơi xuống vỉa hè từ dự án đường sắt Nhổn - ga Hà Nội",
            context=" ".join(sentences),
            scores={"rerank": 1.5 - 0.2 * i},
        )
        for i, s in enumerate(sentences)
    ]


def test_the_sentence_naming_a_body_of_the_asked_kind_answers() -> None:
    answer = ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0).answer(QUESTION, _hits(BOARD, CONTRACTOR))
    assert answer.found and answer.citations[0].sentence == CONTRACTOR


def test_when_no_sentence_names_a_company_or_school_of_the_asked_kind_none_says_which() -> None:
    # a contractor, company, bank, school or hospital is named by its kind: the board's statement names none
    assert not ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0).answer(QUESTION, _hits(BOARD)).found


def test_when_no_sentence_names_a_body_of_a_looser_kind_retrievals_best_stands() -> None:
    # any body ("Đơn vị nào"): the press may name it by a description no table reads
    question = "Đơn vị nào kiểm tra hiện trường vụ ống thép rơi ở đoạn đường sắt Nhổn - ga Hà Nội?"
    answer = ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0).answer(question, _hits(BOARD))
    assert answer.found and answer.citations[0].sentence == BOARD


def test_a_question_asking_no_body_keeps_retrievals_order() -> None:
    question = "Sự cố ống thép rơi ở đoạn đường sắt Nhổn - ga Hà Nội xảy ra như thế nào?"
    answer = ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0).answer(question, _hits(BOARD, CONTRACTOR))
    assert answer.found and answer.citations[0].sentence == BOARD


_COAL = (
    "Cả Chủ tịch lẫn Tổng giám đốc Vinacomin lo ngại rằng việc EVN tạm ngừng mua 2 triệu tấn than sẽ khiến tình hình"
    " sản xuất, lao động của Vinacomin rất khó khăn, có thể khiến 4.000 lao động mất việc."
)


@pytest.mark.parametrize(
    "question", ["Bao nhiêu lao động của EVN sẽ mất việc?", "How many workers at EVN would lose their jobs?"]
)
def test_workers_the_sentence_says_are_another_bodys_do_not_answer(question: str) -> None:
    # the sentence names EVN too (it stopped buying coal), but the workers it counts are Vinacomin's
    answer = ExtractiveAnswerer().answer(question, [sentence_hit(_COAL, scores={"rerank": 1.0})])
    assert not answer.found, answer.answer


@pytest.mark.parametrize(
    "question", ["Bao nhiêu lao động của Vinacomin có thể mất việc?", "Bao nhiêu lao động có thể mất việc?"]
)
def test_workers_of_the_asked_body_or_of_none_named_still_answer(question: str) -> None:
    answer = ExtractiveAnswerer().answer(question, [sentence_hit(_COAL, scores={"rerank": 1.0})])
    assert answer.found and answer.extracted is not None and "4.000" in answer.extracted, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How many members of VGCL are there now?",
        "How many members of the Vietnam General Confederation of Labour are there now?",
    ],
)
def test_an_owner_named_another_way_is_no_other_body(question: str) -> None:
    # "VGCL" and the English name are the "Tổng LĐLĐ Việt Nam" the sentence names: no other body
    members = "Hiện nay đoàn viên của Tổng LĐLĐ Việt Nam đạt hơn 9,5 triệu người."
    answer = ExtractiveAnswerer().answer(question, [sentence_hit(members, scores={"rerank": 1.0})])
    assert answer.found and answer.extracted is not None and "9,5 triệu" in answer.extracted, answer.answer



@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("VGCL", "Tổng LĐLĐ Việt Nam", True),
        ("Vietnam General Confederation of Labour", "Tổng LĐLĐ Việt Nam", True),
        ("Sở LĐ-TB&XH Hà Nội", "Sở LĐ-TB&XH Hà Nội", True),
        ("Sở LĐ-TB&XH Hà Nội", "Sở LĐ-TB&XH Nghệ An", False),  # one kind of body, two provinces
        ("Tập đoàn Điện lực Việt Nam", "Tập đoàn Than - Khoáng sản Việt Nam", False),  # a place in common only
    ],
)
def test_two_names_are_one_body_when_the_gazetteer_reads_one_body_and_no_two_places(a: str, b: str, one: bool) -> None:
    assert _one_body(a, b) is one
