"""Scoring on hand-made answers: figures, refusals, citations with offsets, retrieval ranks, percentiles."""

from __future__ import annotations

import unicodedata

import pytest

from answer.models import Answer, Citation
from evaluation.questions import EvalQuestion
from evaluation.scoring import (
    FoundAnswer,
    answer_correct,
    citation_correct,
    contains,
    doc_matches,
    extracted_correct,
    hit_at,
    hit_rank,
    percentile,
    rate,
    refusal_correct,
    risk_coverage,
    share,
)
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

ARTICLE = "Sáng 26/11, Sở tổng kết. Hỗ trợ hơn 163.600 lượt lao động, tổng kinh phí gần 200 tỷ đồng."
SENTENCE = "Hỗ trợ hơn 163.600 lượt lao động, tổng kinh phí gần 200 tỷ đồng."
START = ARTICLE.index(SENTENCE)
DOC = "002_d92.txt"

RENT = EvalQuestion(
    id="rent",
    question="Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?",
    expect=("163.600", "163,600"),
    evidence="163.600 lượt lao động",
    doc=DOC,
)
TRAP = EvalQuestion(id="trap", question="Năm 2021 thì sao?", answerable=False)


def _citation(sentence: str = SENTENCE, doc_id: str = "002_d92", start: int = START) -> Citation:
    return Citation(doc_id=doc_id, title="t", date=None, source=None, sentence=sentence, start=start, end=start + len(sentence))


def _answer(text: str, found: bool = True, citations: tuple[Citation, ...] = ()) -> Answer:
    return Answer(question="q", answer=text, found=found, citations=citations)


def _texts(doc_id: str) -> str:
    if doc_id != "002_d92":
        raise KeyError(doc_id)
    return ARTICLE


def _hit(sentence: str, doc_id: str = "002_d92") -> Hit:
    return sentence_hit(sentence, doc_id=doc_id)


def test_contains_normalises_case_nfc_and_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Hơn  163.600\nLƯỢT lao động")
    assert contains(decomposed, "hơn 163.600 lượt")
    assert not contains("163,600", "163.600")


@pytest.mark.parametrize(
    ("text", "found", "ok"),
    [
        ("Hơn 163.600 lượt lao động được hỗ trợ.", True, True),
        ("More than 163,600 workers.", True, True),
        ("Hơn 163.000 lượt lao động.", True, False),  # a near miss is a miss
        ("Hơn 163.600 lượt lao động.", False, False),  # the figure, but said as not found
    ],
)
def test_answer_correct_answerable(text: str, found: bool, ok: bool) -> None:
    assert answer_correct(RENT, _answer(text, found)) is ok


def test_answer_correct_unanswerable_wants_a_refusal() -> None:
    assert answer_correct(TRAP, _answer("Không tìm thấy thông tin.", found=False))
    assert not answer_correct(TRAP, _answer("163.600 lượt", found=True))


def test_expect_all_needs_every_group() -> None:
    markets = EvalQuestion(
        id="m", question="q", expect_all=(("Hàn Quốc", "Korea"), ("Nhật Bản", "Japan")), evidence="Nhật Bản"
    )
    assert answer_correct(markets, _answer("Korea and Japan"))
    assert answer_correct(markets, _answer("Hàn Quốc, Nhật Bản, Đài Loan"))
    assert not answer_correct(markets, _answer("Hàn Quốc, Đài Loan"))


def test_refusal_correct() -> None:
    assert refusal_correct(TRAP, _answer("x", found=False))
    assert not refusal_correct(TRAP, _answer("x", found=True))
    assert refusal_correct(RENT, _answer("x", found=True))
    assert not refusal_correct(RENT, _answer("x", found=False))


def test_citation_correct_needs_evidence_right_doc_and_exact_offsets() -> None:
    good = _answer("163.600", citations=(_citation(),))
    assert citation_correct(RENT, good, _texts) is True
    assert citation_correct(RENT, good) is True  # without article texts, offsets are not checked
    other_sentence = _answer("163.600", citations=(_citation("Sáng 26/11, Sở tổng kết.", start=0),))
    assert citation_correct(RENT, other_sentence, _texts) is False
    wrong_doc = _answer("163.600", citations=(_citation(doc_id="000_abc"),))
    assert citation_correct(RENT, wrong_doc) is False
    shifted = _answer("163.600", citations=(_citation(start=START + 1),))
    assert citation_correct(RENT, shifted, _texts) is False
    assert citation_correct(RENT, shifted) is True
    not_found = _answer("163.600", found=False, citations=(_citation(),))
    assert citation_correct(RENT, not_found, _texts) is False
    assert citation_correct(TRAP, _answer("", found=False)) is None


def test_a_bad_extra_citation_fails_the_offsets_check() -> None:
    unknown_doc = Citation(doc_id="ghost", title="", date=None, source=None, sentence="x", start=0, end=1)
    answer = _answer("163.600", citations=(_citation(), unknown_doc))
    assert citation_correct(RENT, answer, _texts) is False


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        (None, "anything", True),
        ("002_d92.txt", "002_d92.txt", True),
        ("002_d92.txt", "002_d92", True),
        ("002_d92.txt", "samples/002_d92.txt", True),
        ("002_d92.txt", "002_d93", False),
        ("002_d92.txt", "002_d92.txt#3", False),
    ],
)
def test_doc_matches(expected: str | None, actual: str, ok: bool) -> None:
    assert doc_matches(expected, actual) is ok


def test_hit_rank_and_hit_at() -> None:
    hits = [_hit("Sáng 26/11, Sở tổng kết."), _hit(SENTENCE, doc_id="000_abc"), _hit(SENTENCE)]
    rank = hit_rank(RENT, hits)
    assert rank == 3  # the same sentence from the wrong document does not count
    assert not hit_at(rank, 1) and hit_at(rank, 3) and hit_at(rank, 5)
    assert hit_rank(RENT, hits[:2]) is None and not hit_at(None, 5)
    assert hit_rank(TRAP, hits) is None


def test_percentile_matches_linear_interpolation() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 1000.0]
    assert percentile(values, 50) == 30.0
    assert percentile(values, 95) == pytest.approx(40 + 0.8 * 960)
    assert percentile([5.0], 95) == 5.0
    assert percentile([], 50) == 0.0
    with pytest.raises(ValueError):
        percentile(values, 101)


def test_rate_skips_not_applicable() -> None:
    assert rate([True, False, None, True]) == (pytest.approx(2 / 3), 2, 3)
    assert rate([None]) == (1.0, 0, 0)


def test_extracted_correct_catches_a_wrong_figure_inside_a_right_quote() -> None:
    quote = f"Hơn 8.100 đơn vị. “{SENTENCE}”"  # the quote holds 163.600, the stated figure does not
    lenient = Answer(question="q", answer=quote, found=True, extracted="hơn 8.100 đơn vị")
    assert answer_correct(RENT, lenient) and extracted_correct(RENT, lenient) is False
    right = Answer(question="q", answer=quote, found=True, extracted="hơn 163.600 lượt lao động")
    assert extracted_correct(RENT, right) is True
    assert extracted_correct(RENT, _answer("163.600")) is None  # nothing extracted
    assert extracted_correct(RENT, Answer("q", "x", False, extracted="163.600")) is None
    assert extracted_correct(TRAP, Answer("q", "x", True, extracted="163.600")) is None


def test_risk_coverage_walks_the_found_answers_by_confidence() -> None:
    found = [
        FoundAnswer(0.4, answerable=True, correct=False),
        FoundAnswer(0.9, answerable=True, correct=True),
        FoundAnswer(0.7, answerable=False, correct=False),  # a trap answered: costs precision, not coverage
        FoundAnswer(0.7, answerable=True, correct=True),  # the same confidence: one threshold for both
    ]
    points = risk_coverage(found, answerable=5)
    assert [(p.threshold, p.kept, p.correct) for p in points] == [(0.9, 1, 1), (0.7, 3, 2), (0.4, 4, 2)]
    assert [p.coverage for p in points] == pytest.approx([1 / 5, 2 / 5, 3 / 5])
    assert [p.precision for p in points] == pytest.approx([1.0, 2 / 3, 2 / 4])


def test_risk_coverage_needs_every_confidence() -> None:
    assert risk_coverage([FoundAnswer(0.9, True, True), FoundAnswer(None, True, True)], answerable=2) == ()
    assert risk_coverage([], answerable=2) == ()


def test_share() -> None:
    assert share(2, 3) == pytest.approx(2 / 3)
    assert share(0, 0) is None
