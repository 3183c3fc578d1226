"""asked_bodies.tsv row by row: each example asks for a body of its row's kinds; the reading rules the header states;
and which sentences name a body such a question does not."""

from __future__ import annotations

import pytest

from answer.knowledge.asked_bodies import ANY_BODY, asked_body_kinds, names_another_body
from answer.knowledge.organisation_kinds import organisation_kinds
from answer.knowledge.tables import read_rows, split_forms
from answer.qtypes import analyse_question

ROWS = read_rows("asked_bodies.tsv", 4)


@pytest.mark.parametrize(("word", "language", "kinds", "example"), ROWS, ids=[f"{r[1]}-{r[0]}" for r in ROWS])
def test_each_row_reads_its_example_as_asking_for_its_kinds(word: str, language: str, kinds: str, example: str) -> None:
    asked = asked_body_kinds(example, language)
    assert asked is not None and frozenset(split_forms(kinds)) <= asked
    assert analyse_question(example).asked_bodies == asked


@pytest.mark.parametrize("kind", sorted(organisation_kinds()))
def test_every_organisation_kind_asks_for_itself_in_vietnamese(kind: str) -> None:
    asked = asked_body_kinds(f"Lao động làm việc cho {kind} nào?", "vi")
    assert asked is not None and (kind in asked or asked == ANY_BODY)


@pytest.mark.parametrize(
    ("question", "language", "kinds"),
    [
        ("Tổ hợp tác trồng nhân sâm nào ở Hàn Quốc muốn tuyển thêm lao động?", "vi", {"tổ hợp tác"}),  # words between
        ("nha thau nao thi cong doan duong sat?", "vi", {"nhà thầu"}),  # typed without marks
        ("Kỹ sư tốt nghiệp trường đại học nào?", "vi", {"đại học"}),
        ("Which Russian company signed the agreement?", "en", {"công ty"}),  # a word before the noun
        ("Which companies owe the most?", "en", {"công ty"}),  # plural
    ],
)
def test_a_question_asking_which_body(question: str, language: str, kinds: set[str]) -> None:
    asked = asked_body_kinds(question, language)
    assert asked is not None and kinds <= asked


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Bộ trưởng nào phát biểu tại hội nghị?", "vi"),  # a minister: "bộ" of one syllable is no kind here
        ("Đại biểu Quốc hội nào chất vấn bộ trưởng?", "vi"),  # "hội" ends the compound "Quốc hội"
        ("Cơ quan BHXH cấp nào giải quyết hồ sơ?", "vi"),  # a level, not a body
        ("Nhiệm vụ của Trung tâm như thế nào?", "vi"),  # how
        ("Ở tỉnh nào có nhiều lao động nhất?", "vi"),
        ("What did the company promise its workers?", "en"),
    ],
)
def test_a_question_that_asks_for_no_body(question: str, language: str) -> None:
    assert asked_body_kinds(question, language) is None


def test_a_typed_question_carries_no_asked_body() -> None:
    # a figure is asked: the body words only describe it
    assert analyse_question("Công ty nào tuyển bao nhiêu lao động?").asked_bodies is None


@pytest.mark.parametrize(
    ("kinds", "question", "sentence", "names"),
    [
        ({"nhà thầu"}, "Nhà thầu nào thi công đoạn đường sắt?", "Ban quản lý yêu cầu nhà thầu POSCO E&C khắc phục.", True),
        ({"nhà thầu"}, "Nhà thầu nào thi công đoạn đường sắt?", "Ông Minh, Trưởng Ban quản lý đường sắt đô thị, cho biết.", False),
        # an abbreviated kind ("THT" = tổ hợp tác)
        ({"tổ hợp tác"}, "Tổ hợp tác nào tuyển lao động?", "Chủ tịch THT Nông nghiệp nhân sâm Kang Hwa cho biết.", True),
        # the question's own body is not the answer
        ({"công ty"}, "Công ty nào mua lại Công ty Sông Hồng?", "Công ty Sông Hồng đã được bán.", False),
        # a ministry the gazetteer reads, written with a generic abbreviation
        ({"bộ"}, "Which ministry drafted the decree?", "Bộ LĐTBXH đang lấy ý kiến về dự thảo nghị định.", True),
        # any body: an acronym no table reads, but not a generic one or a place
        (ANY_BODY, "Which state group stopped buying coal?", "Nếu EVN dừng mua than thì tồn kho tăng.", True),
        (ANY_BODY, "Which agency collects the fees?", "BHXH TP.HCM thu phí này.", False),
    ],
)
def test_names_another_body(kinds: frozenset[str], question: str, sentence: str, names: bool) -> None:
    assert names_another_body(frozenset(kinds), question, sentence) is names
