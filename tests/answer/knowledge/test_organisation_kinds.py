"""organisation_kinds.tsv row by row: each example names a body of its row's kind by the row's own words; and the
reading rules the table's header states."""

from __future__ import annotations

import pytest

from answer.knowledge.organisation_kinds import (
    organisations_named,
    pinned_organisations,
    writes_words,
)
from answer.knowledge.tables import read_rows
from answer.qtypes import analyse_question

ROWS = read_rows("organisation_kinds.tsv", 4)


@pytest.mark.parametrize(("kind", "pinned", "example", "name"), ROWS, ids=[r[0] for r in ROWS])
def test_each_kind_names_the_body_of_its_example(kind: str, pinned: str, example: str, name: str) -> None:
    bodies = [b for b in organisations_named(example) if b.kind.kind == kind]
    assert [b.words for b in bodies] == [tuple(name.split())]
    assert bodies[0].kind.pinned is (pinned == "yes")
    # a question naming it pins it exactly when its kind is pinned
    assert bool(pinned_organisations(example)) is any(b.kind.pinned for b in organisations_named(example))


@pytest.mark.parametrize(
    "text",
    [
        "Ông là cán bộ Nguyễn Văn A.",  # the end of a compound
        "Toàn bộ hồ sơ đã được nộp.",
        "Anh Trường Giang cho biết như vậy.",  # a man's name
        "Bộ luật Lao động quy định như vậy.",  # a law, not a ministry
        "Công ty này cho biết sẽ trả lương.",  # no name
    ],
)
def test_a_kind_word_without_a_name_after_it_names_no_body(text: str) -> None:
    assert [b.words for b in organisations_named(text) if b.words] == []


def test_a_legal_form_and_a_generic_abbreviation_are_not_a_name_s_own_words() -> None:
    assert [b.words for b in organisations_named("Công ty TNHH MTV Minh Phát nợ lương.")] == [("Minh", "Phát")]
    assert [b.words for b in organisations_named("Học sinh Trường THPT Phan Bội Châu đạt giải.")] == [
        ("Phan", "Bội", "Châu")
    ]


def test_a_body_ends_where_its_name_ends_as_written() -> None:
    text = "Lao động làm cho Tổ hợp tác nông nghiệp nhân sâm Kang Hwa ở Hàn Quốc."
    (body,) = organisations_named(text)
    assert text[body.start : body.end] == "Tổ hợp tác nông nghiệp nhân sâm Kang Hwa"
    text = "Công ty  TNHH Minh Phát đã tuyển 300 lao động."  # two spaces after the kind
    (body,) = organisations_named(text)
    assert text[body.start : body.end] == "Công ty  TNHH Minh Phát"


def test_evidence_names_a_body_by_its_own_words_diacritics_and_case_aside() -> None:
    assert writes_words(("Minh", "Phát"), "Cty Minh Phát (Hà Nội) đã trả lương.")
    assert writes_words(("A.C",), "Công ty A.C cho biết.")
    assert not writes_words(("Điện", "Bắc"), "Tổng Công ty Điện lực miền Nam trao tặng 100 bồn nước.")
    # close together, as a name is written: "xăng" here and "Việt Nam" there name no "Xăng dầu Việt Nam"
    assert writes_words(("Xăng", "Việt"), "Tập đoàn Xăng dầu Việt Nam cho biết.")
    assert not writes_words(("Xăng", "Việt"), "Giá xăng tăng mạnh. Các doanh nghiệp của Việt Nam cho biết.")


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        ("Khi Tổng công ty Sông Hồng cổ phần hóa, có bao nhiêu lao động chuyển sang công ty mới?", (("Sông", "Hồng"),)),
        ("Công ty TNHH Minh Phát nhận tiền của bao nhiêu người?", (("Minh", "Phát"),)),
        ("Đại diện công ty Zamil kể phải qua bao nhiêu loại giấy tờ?", ()),  # a foreign name: pinned as such already
        ("Bộ Y tế đề xuất mức đóng bao nhiêu?", ()),  # a ministry: the gazetteer's
        ("Công ty nào tuyển 300 lao động?", ()),  # asks for one, names none
        ("How many workers did Song Da Corporation keep?", ()),  # English: the name pins read it ("Song Da")
        ("Ai là Chủ tịch Công đoàn Công ty Pouchen Việt Nam ở Biên Hòa?", ()),  # a foreign name, a place after it
        ("Chủ tịch Tập đoàn Xăng dầu Việt Nam là ai?", (("Xăng",),)),  # its country left out
    ],
)
def test_a_question_pins_the_companies_it_names(question: str, bodies: tuple) -> None:
    assert analyse_question(question).bodies == bodies
