"""Units and head nouns: every form of every row maps to its id; blockers map to nothing."""

from __future__ import annotations

import pytest

from answer.knowledge.matcher import parse_phrase
from answer.knowledge.tables import read_rows, split_forms
from answer.knowledge.units import BLOCKER_ID, counted_unit, unit_mentions, units
from index.lexical import fold

ROWS = [row[:3] for row in read_rows("units.tsv", 4)]
FORMS = [(unit_id, form) for unit_id, vi, en in ROWS if unit_id != BLOCKER_ID for form in (*split_forms(vi), *split_forms(en))]
UNACCENTED = [
    (unit_id, form) for unit_id, form in FORMS
    if fold(form) != form and parse_phrase(form, None, single="accent").mode == "fold"
]
BLOCKERS = [form for unit_id, vi, en in ROWS if unit_id == BLOCKER_ID for form in (*split_forms(vi), *split_forms(en))]


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.unit_id, m.surface) for m in unit_mentions(text)]


@pytest.mark.parametrize(("unit_id", "form"), FORMS, ids=[f"{u}:{f}" for u, f in FORMS])
def test_every_form_maps_to_its_unit(unit_id: str, form: str) -> None:
    assert _found(f"có 25 {form} được hỗ trợ") == [(unit_id, form)]


@pytest.mark.parametrize(("unit_id", "form"), UNACCENTED, ids=[f"{u}:{fold(f)}" for u, f in UNACCENTED])
def test_every_form_matches_typed_without_diacritics(unit_id: str, form: str) -> None:
    assert _found(f"co 25 {fold(form)} duoc ho tro") == [(unit_id, fold(form))]


@pytest.mark.parametrize("form", BLOCKERS)
def test_blockers_are_no_unit(form: str) -> None:
    assert _found(f"sự {form} đó") == []


def test_table_shape() -> None:
    assert len(units()) >= 60
    for unit in units().values():
        assert unit.forms_vi and unit.forms_en, unit.unit_id


def test_no_form_names_two_units() -> None:
    owner: dict[tuple[str, ...], str] = {}
    for unit_id, vi, en in ROWS:
        for form in (*split_forms(vi), *split_forms(en)):
            key = tuple(fold(t.lower()) for t in parse_phrase(form, None, single="accent").tokens)
            if len(key) == 1 and fold(form) != form:
                key = (form.lower(),)
            assert owner.setdefault(key, unit_id) == unit_id, f"{form!r} is in {owner[key]} and {unit_id}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How many teachers received rent support?", [("teacher", "teachers")]),
        ("hỗ trợ tiền thuê nhà cho 1.200 giáo viên", [("teacher", "giáo viên")]),
        ("163.600 lượt người lao động", [("turn", "lượt"), ("labourer", "người lao động")]),
        ("ủng hộ 500 hộ nghèo và 20 hộ", [("poor_household", "hộ nghèo"), ("household", "hộ")]),
        ("an sinh xã hội cho 3 xã", [("commune", "xã")]),
        ("1.200 tỷ đồng, tỷ lệ 5 phần trăm", [("billion_vnd", "tỷ đồng"), ("percent", "phần trăm")]),
        ("500 thẻ BHYT", [("health_insurance_card", "thẻ BHYT")]),
        ("bệnh viện huyện Cần Giờ làm việc 8 giờ", [("hospital", "bệnh viện"), ("district", "huyện"), ("hour", "giờ")]),
        ("xây dựng nông thôn mới ở 12 thôn", [("village", "thôn")]),
        ("how many health insurance cards", [("health_insurance_card", "health insurance cards")]),
        ("có khoảng 1.200 công dân đến làm hộ chiếu", [("person", "công dân")]),  # people, as "người"
        # "tiếng" after a figure is hours; a language or a sound is none
        ("cập nhật trong 12 tiếng, học tiếng Anh và nghe tiếng ồn", [("hour", "tiếng")]),
        # a week after a figure; a patrol, a weekly round or a weekend is none
        ("đi tuần tra hàng tuần, nghỉ cuối tuần, làm trong 2 tuần lễ", [("week", "tuần lễ")]),
    ],
)
def test_unit_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("question", "unit_id"),
    [
        ("Huyện Quỳnh Lưu hiện có bao nhiêu người đang đi xuất khẩu lao động?", "person"),
        ("Bao nhiêu nhân khẩu nghèo ở Cần Giuộc được tặng bồn nước?", "person"),
        ("Khu thiết chế có bao nhiêu căn hộ cho công nhân?", "house"),
        ("Có bao nhiêu lượt lao động được hỗ trợ?", "turn"),
        ("Số lao động được hỗ trợ năm 2022 là bao nhiêu?", "labourer"),  # the subject, not the year
        ("How many ethnic minority workers in Quang Nam were enrolled?", "labourer"),
        ("How many jobs is General Motors planning to cut?", "job"),
        # the counted noun is no table unit: a unit further on is not what is counted
        ("How many new clubs did the trade union set up for workers during Workers' Month?", None),
        ("How many new grassroots unions did the trade union set up during Workers' Month?", "grassroots_union"),
        ("Nhà máy đóng mới bao nhiêu chiếc tàu mỗi năm?", None),
        ("Tổng kinh phí hỗ trợ năm 2022 là bao nhiêu?", None),
        # an English compound counts its last noun: trade union facilities are facilities, not unions
        ("How many trade union facilities for workers are to be built by 2020?", None),
        ("How many people died in workplace accidents in 2015?", "person"),
        ("How many disabled people received support?", "disabled"),
        ("How many workers lost their jobs?", "labourer"),
        ("After paying for 12 to 36 months, how many months of benefit can a worker receive?", "month"),
        # what is counted may follow a copula; a participle there counts nothing the table knows
        ("Of the 3,000 assessment staff, how many are doctors?", "doctor"),
        ("How many were injured in the fire?", None),
        ("How many are expected to attend the job fair?", None),
        # a participle after the counted noun opens a clause about it; one before it is part of the noun
        ("How many businesses going abroad on fixed-term contracts got loans?", "enterprise"),
        ("How many people living in poverty got loans?", "person"),
        ("How many training courses were held?", "course"),
        # a preposition ends the counted noun: the lawsuits are counted, not the companies they are against
        ("How many lawsuits against companies that owe social insurance are stuck?", None),
        ("How many workers among the 3,000 applicants passed?", "labourer"),
    ],
)
def test_the_counted_unit_is_the_one_the_question_word_counts(question: str, unit_id: str | None) -> None:
    assert counted_unit(question) == unit_id


@pytest.mark.parametrize("word", ["Tỷ số giới tính khi sinh", "tỷ lệ hộ nghèo", "tỷ trọng lao động", "tỉ suất lợi nhuận", "tỷ giá"])
def test_a_word_holding_ty_names_no_billion(word: str) -> None:
    assert all(m.unit_id != "billion_vnd" for m in unit_mentions(f"{word} năm 2015 là bao nhiêu?"))
    assert [m.unit_id for m in unit_mentions("Doanh thu đạt 5 tỷ đồng, lãi 2 tỷ.")] == ["billion_vnd", "billion_vnd"]
