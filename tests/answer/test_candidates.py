"""Candidates: clause splitting with offsets, typed spans kept inside their clause."""

from __future__ import annotations

import pytest

from answer.candidates import candidates_of, split_clauses
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

RENT = (
    "Hỗ trợ hơn 8.100 đơn vị, doanh nghiệp và hơn 604 nghìn người lao động gặp khó khăn do đại dịch Covid-19 với "
    "tổng số tiền gần 778 tỷ đồng; hỗ trợ tiền thuê nhà cho hơn 163.600 lượt lao động với tổng kinh phí gần 200 tỷ đồng."
)


def _hit(sentence: str, start: int = 100) -> Hit:
    return sentence_hit(sentence, doc_id="doc", start=start)


def test_a_semicolon_splits_two_facts_and_offsets_point_into_the_sentence() -> None:
    clauses = split_clauses(RENT)
    assert len(clauses) == 2
    for clause in clauses:
        assert RENT[clause.start : clause.end] == clause.text
    assert "778 tỷ" in clauses[0].text and "163.600" in clauses[1].text
    assert not clauses[1].text.startswith(" ")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chiều 13/1, hội nghị khai mạc lúc 14:30 tại hội trường tỉnh.", 1),  # a time is no boundary
        ("Cụ thể: hỗ trợ 368 hộ kinh doanh bị ảnh hưởng.", 1),  # a short lead-in joins its clause
        ("Các thị trường chính gồm: Hàn Quốc, Nhật Bản, Đài Loan và Trung Đông.", 2),
        ("Một câu không có ranh giới nào cả.", 1),
    ],
)
def test_clause_boundaries(sentence: str, expected: int) -> None:
    clauses = split_clauses(sentence)
    assert len(clauses) == expected
    assert all(sentence[c.start : c.end] == c.text for c in clauses)


def test_typed_spans_stay_inside_their_clause() -> None:
    cands = candidates_of([_hit(RENT)], "quantity")
    spans = [c for c in cands if c.span is not None]
    assert {c.span.text for c in spans if c.span} >= {"hơn 163.600 lượt lao động", "gần 200 tỷ đồng"}
    for c in spans:
        assert c.span is not None
        assert c.clause.start <= c.span.start and c.span.end <= c.clause.end
    rent = next(c for c in spans if c.span and "163.600" in c.span.text)
    assert "tiền thuê nhà" in rent.clause.text and "Covid" not in rent.clause.text


def test_free_questions_get_clauses_only_and_duplicates_are_dropped() -> None:
    hit = _hit(RENT)
    cands = candidates_of([hit, hit], "sentence")
    assert [c.span for c in cands] == [None, None]
    assert all(c.rank == 0 for c in cands)
