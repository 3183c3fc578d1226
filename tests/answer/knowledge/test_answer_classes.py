"""Closed kinds of answer (answer_classes.tsv): each row reads its example, and a question asking for the kind is
answered only by a sentence stating a value of it (found on the session-32 probe traps)."""

from __future__ import annotations

import pytest

from answer.extractive import ExtractiveAnswerer
from answer.knowledge.answer_classes import answer_classes, asked_class, states_class
from answer.knowledge.tables import read_rows
from tests.answer.sample_hits import sentence_hit

ROWS = read_rows("answer_classes.tsv", 5)


@pytest.mark.parametrize(("name", "role", "language", "pattern", "example"), ROWS, ids=[r[4][:40] for r in ROWS])
def test_every_row_reads_its_example(name: str, role: str, language: str, pattern: str, example: str) -> None:
    kind = next(k for k in answer_classes() if k.name == name)
    if role == "states":
        assert states_class(kind, example)
    else:
        assert asked_class(example, "en" if language == "en" else "vi") == kind


def test_a_plain_figure_question_asks_no_closed_kind() -> None:
    assert asked_class("Viettel năm 2016 doanh thu bao nhiêu?", "vi") is None
    assert asked_class("How many workers did Samsung hire in 2017?", "en") is None
    assert asked_class("Điều kiện nào để được hưởng trợ cấp thất nghiệp?", "vi") is None
    # "đặc điểm nào", "thời điểm nào" ask no point of a law
    assert asked_class("Nấm lim xanh có những đặc điểm nào khác so với nấm linh chi?", "vi") is None
    assert asked_class("Chị Tứ đã sinh con trong thời điểm nào?", "vi") is None


QUESTION = "Ông Bùi Quang Hưng, Giám đốc Trung tâm Hỗ trợ Xuất khẩu, bị Bộ Công Thương kỷ luật bằng hình thức gì?"


def _answer(sentence: str) -> tuple[bool, str]:
    hit = sentence_hit(sentence, doc_id="a.txt", title="Kỷ luật cán bộ đi lễ chùa trong giờ làm việc")
    answer = ExtractiveAnswerer().answer(QUESTION, [hit])
    return answer.found, answer.answer


def test_a_sentence_stating_no_disciplinary_form_does_not_say_which() -> None:
    council = (
        "Bộ trưởng Bộ Công Thương đã thành lập Hội đồng kỷ luật để xem xét, quyết định hình thức kỷ luật đối với "
        "ông Bùi Quang Hưng, Giám đốc Trung tâm Hỗ trợ Xuất khẩu."
    )
    assert not _answer(council)[0]


def test_a_sentence_stating_the_form_answers() -> None:
    decided = (
        "Bộ Công Thương đã quyết định kỷ luật ông Bùi Quang Hưng, Giám đốc Trung tâm Hỗ trợ Xuất khẩu, bằng hình "
        "thức khiển trách."
    )
    found, text = _answer(decided)
    assert found and "khiển trách" in text
