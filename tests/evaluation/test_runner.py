"""The runner's bookkeeping with a scripted QA object: history for follow-ups, metrics, search queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from answer.models import Answer, Citation, Turn
from evaluation.questions import EvalQuestion
from evaluation.runner import EvalReport, evaluate
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

ARTICLE = "Sáng 26/11, Sở tổng kết. Hỗ trợ hơn 163.600 lượt lao động. Tổng kinh phí gần 200 tỷ đồng."
S_DATE = "Sáng 26/11, Sở tổng kết."
S_RENT = "Hỗ trợ hơn 163.600 lượt lao động."
S_MONEY = "Tổng kinh phí gần 200 tỷ đồng."


def _citation(sentence: str) -> Citation:
    start = ARTICLE.index(sentence)
    return Citation("doc1", "Tổng kết", "2022-11", "BTV", sentence, start, start + len(sentence))


def _hit(sentence: str) -> Hit:
    start = ARTICLE.index(sentence)
    return sentence_hit(sentence, doc_id="doc1", start=start)


@dataclass
class ScriptedQA:
    """Answers from a script keyed by question; records what it was asked."""

    script: dict[str, Answer]
    search_results: dict[str, list[Hit]]
    asked: list[tuple[str, list[str]]] = field(default_factory=list)
    searched: list[tuple[str, int | None]] = field(default_factory=list)

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        self.asked.append((question, [t.question for t in history]))
        return self.script[question]

    def search(self, question: str, k: int | None = None) -> list[Hit]:
        self.searched.append((question, k))
        return self.search_results.get(question, [])[: k or 8]

    def article_text(self, doc_id: str) -> str:
        if doc_id != "doc1":
            raise KeyError(doc_id)
        return ARTICLE


QUESTIONS = [
    EvalQuestion("rent", "Bao nhiêu lượt?", expect=("163.600",), evidence="163.600 lượt", doc="doc1.txt"),
    EvalQuestion("money", "còn kinh phí?", expect=("200 tỷ",), evidence="200 tỷ đồng", follows="rent"),
    EvalQuestion("date", "Ngày nào?", expect=("26/11",), evidence="26/11"),
    EvalQuestion("trap", "Năm 2021?", answerable=False),
    EvalQuestion("trap2", "Thủ đô Pháp?", answerable=False),
    EvalQuestion("who", "người chủ trì?", expect=("Giang",), evidence="Giang", follows="money"),
]


def _qa() -> ScriptedQA:
    return ScriptedQA(
        script={
            "Bao nhiêu lượt?": Answer(
                "Bao nhiêu lượt?", "Hơn 163.600 lượt lao động.", True, (_citation(S_RENT),), extracted="163.600 lượt"
            ),
            # right figure, but the citation's offsets do not point at its sentence
            "còn kinh phí?": Answer(
                "còn kinh phí?",
                "Gần 200 tỷ đồng.",
                True,
                (Citation("doc1", "t", None, None, S_MONEY, 0, len(S_MONEY)),),
                resolved_question="Tổng kinh phí hỗ trợ tiền thuê nhà?",
                extracted="163.600 lượt",  # the stated figure is not the expected one
            ),
            "Ngày nào?": Answer("Ngày nào?", "Không tìm thấy.", False),  # a false refusal
            "Năm 2021?": Answer("Năm 2021?", "Không tìm thấy.", False),
            "Thủ đô Pháp?": Answer("Thủ đô Pháp?", "Paris", True),  # should have refused
            "người chủ trì?": Answer("người chủ trì?", "Không rõ.", False),
        },
        search_results={
            "Bao nhiêu lượt?": [_hit(S_RENT), _hit(S_DATE)],
            "Tổng kinh phí hỗ trợ tiền thuê nhà?": [_hit(S_RENT), _hit(S_DATE), _hit(S_MONEY)],
            "Ngày nào?": [_hit(S_RENT), _hit(S_MONEY)],
        },
    )


def test_follow_ups_get_their_conversation_as_history() -> None:
    qa = _qa()
    evaluate(qa, QUESTIONS)
    assert qa.asked == [
        ("Bao nhiêu lượt?", []),
        ("còn kinh phí?", ["Bao nhiêu lượt?"]),
        ("Ngày nào?", []),
        ("Năm 2021?", []),
        ("Thủ đô Pháp?", []),
        ("người chủ trì?", ["Bao nhiêu lượt?", "còn kinh phí?"]),
    ]


def test_search_uses_the_resolved_follow_up_and_skips_unanswerable() -> None:
    qa = _qa()
    report = evaluate(qa, QUESTIONS, k=2)
    # "who" is a follow-up with no resolved form: nothing sensible to search
    assert qa.searched == [("Bao nhiêu lượt?", 2), ("Tổng kinh phí hỗ trợ tiền thuê nhà?", 2), ("Ngày nào?", 2)]
    by_id = {r.id: r for r in report.results}
    assert by_id["rent"].hit_rank == 1
    assert by_id["money"].hit_rank is None  # the evidence is third, beyond k=2
    assert by_id["money"].search_query == "Tổng kinh phí hỗ trợ tiền thuê nhà?"
    assert not by_id["who"].retrieval_scored and by_id["who"].search_query is None
    assert not by_id["trap"].retrieval_scored


def test_metrics() -> None:
    report = evaluate(_qa(), QUESTIONS, k=3)
    by_id = {r.id: r for r in report.results}
    assert [r.id for r in report.results] == [q.id for q in QUESTIONS]
    assert (by_id["rent"].answer_ok, by_id["rent"].citation_ok) == (True, True)
    assert (by_id["money"].answer_ok, by_id["money"].citation_ok) == (True, False)  # bad offsets
    assert by_id["trap"].citation_ok is None and by_id["trap"].answer_ok
    assert by_id["money"].cited == ("doc1:0-30",)
    assert (by_id["rent"].extracted_ok, by_id["money"].extracted_ok, by_id["date"].extracted_ok) == (True, False, None)
    assert (report.extracted_correct, report.extracted_scored) == (1, 2)
    assert report.extracted_accuracy == pytest.approx(1 / 2)
    assert (report.questions, report.answerable, report.unanswerable) == (6, 4, 2)
    assert report.answer_correct == 3 and report.answer_accuracy == pytest.approx(3 / 6)
    assert report.citation_correct == 1 and report.citation_accuracy == pytest.approx(1 / 4)
    assert report.refusal_correct == 1 and report.refusal_accuracy == pytest.approx(1 / 2)
    assert report.false_refusals == 2 and report.false_refusal_rate == pytest.approx(2 / 4)
    # scored: rent (rank 1), money (rank 3), date (miss)
    assert report.retrieval_scored == 3
    assert report.hit_at_1 == pytest.approx(1 / 3) and report.hit_at_k == pytest.approx(2 / 3)
    assert report.k == 3
    assert 0 <= report.latency_p50_ms <= report.latency_p95_ms
    assert all(r.latency_ms >= 0 for r in report.results)


def test_report_is_frozen_and_inputs_checked() -> None:
    report = evaluate(_qa(), QUESTIONS[:1])
    assert isinstance(report, EvalReport)
    with pytest.raises(AttributeError):
        report.answer_accuracy = 0.0  # type: ignore[misc]
    with pytest.raises(ValueError, match="empty"):
        evaluate(_qa(), [])
    with pytest.raises(ValueError, match="k must be"):
        evaluate(_qa(), QUESTIONS, k=0)
    with pytest.raises(ValueError, match="not asked before"):
        evaluate(_qa(), QUESTIONS[1:2])


# ---- precision when found, coverage, traps, per-group tables, risk-coverage ---------------------

# Two answerable questions right (0.9, 0.8), two refused, one trap refused, one trap answered (0.7):
# 3 found of which 2 correct, 2 of 4 answerable covered, 1 of 2 traps refused.
CONFIDENT_QUESTIONS = [
    EvalQuestion("q1", "Bao nhiêu lượt lao động?", expect=("163.600",), evidence="163.600", type="quantity"),
    EvalQuestion("q2", "How much money was spent?", expect=("200 tỷ",), evidence="200 tỷ", type="money"),
    EvalQuestion("q3", "Ngày tổng kết là ngày nào?", expect=("26/11",), evidence="26/11", type="date"),
    EvalQuestion("q4", "How many workers in 2022?", expect=("163.600",), evidence="163.600", type="quantity"),
    EvalQuestion("t1", "Năm 2015 có bao nhiêu lượt lao động?", answerable=False, trap="wrong_year", type="quantity"),
    EvalQuestion("t2", "How many teachers got support?", answerable=False, trap="absent"),
]


def _confident_qa() -> ScriptedQA:
    def found(question: str, text: str, sentence: str, confidence: float) -> Answer:
        return Answer(question, text, True, (_citation(sentence),), confidence=confidence)

    def refused(question: str, confidence: float) -> Answer:
        return Answer(question, "Không tìm thấy.", False, confidence=confidence)

    return ScriptedQA(
        script={
            "Bao nhiêu lượt lao động?": found("Bao nhiêu lượt lao động?", "Hơn 163.600 lượt.", S_RENT, 0.9),
            "How much money was spent?": found("How much money was spent?", "Gần 200 tỷ đồng.", S_MONEY, 0.8),
            "Ngày tổng kết là ngày nào?": refused("Ngày tổng kết là ngày nào?", 0.3),
            "How many workers in 2022?": refused("How many workers in 2022?", 0.2),
            "Năm 2015 có bao nhiêu lượt lao động?": refused("Năm 2015 có bao nhiêu lượt lao động?", 0.1),
            "How many teachers got support?": found("How many teachers got support?", "163.600", S_RENT, 0.7),
        },
        search_results={},
    )


def test_precision_coverage_and_traps() -> None:
    report = evaluate(_confident_qa(), CONFIDENT_QUESTIONS)
    o = report.overall
    assert (o.found, o.found_correct, o.precision) == (3, 2, pytest.approx(2 / 3))
    assert (o.found_answerable, o.answerable, o.coverage) == (2, 4, 0.5)
    assert (o.answerable_correct, o.accuracy) == (2, 0.5)
    assert (o.traps, o.traps_refused, o.traps_refused_rate) == (2, 1, 0.5)
    assert [r.confidence for r in report.results] == [0.9, 0.8, 0.3, 0.2, 0.1, 0.7]
    assert [(r.lang, r.type, r.trap, r.split) for r in report.results][3:5] == [
        ("en", "quantity", None, "dev"),
        ("vi", "quantity", "wrong_year", "dev"),
    ]


def test_tables_by_language_type_and_trap() -> None:
    report = evaluate(_confident_qa(), CONFIDENT_QUESTIONS)
    vi, en = report.by_language
    assert (vi.group, vi.questions, vi.answerable_correct, vi.answerable, vi.found_correct, vi.found) == (
        "vi", 3, 1, 2, 1, 1
    )
    assert (vi.traps_refused, vi.traps, vi.coverage) == (1, 1, 0.5)
    assert (en.group, en.questions, en.found_correct, en.found, en.precision) == ("en", 3, 1, 2, 0.5)
    assert (en.traps_refused, en.traps, en.traps_refused_rate) == (0, 1, 0.0)
    assert [(g.group, g.questions) for g in report.by_type] == [
        ("quantity", 3), ("money", 1), ("date", 1), ("untyped", 1)
    ]
    quantity = report.by_type[0]
    assert (quantity.accuracy, quantity.precision, quantity.coverage) == (0.5, 1.0, 0.5)
    assert report.by_type[2].precision is None  # nothing found: no precision, not a perfect one
    assert [(g.group, g.traps_refused, g.traps) for g in report.by_trap] == [("wrong_year", 1, 1), ("absent", 0, 1)]


def test_risk_coverage_ends_at_the_operating_point() -> None:
    report = evaluate(_confident_qa(), CONFIDENT_QUESTIONS, split="dev")
    assert report.split == "dev"
    points = [(p.threshold, p.kept, p.correct, p.coverage) for p in report.risk_coverage]
    assert points == [(0.9, 1, 1, 0.25), (0.8, 2, 2, 0.5), (0.7, 3, 2, 0.5)]
    last = report.risk_coverage[-1]
    assert (last.coverage, last.precision) == (report.overall.coverage, report.overall.precision)


def test_no_curve_without_confidences() -> None:
    report = evaluate(_qa(), QUESTIONS)
    assert report.risk_coverage == () and report.split == "all"
    assert report.overall.traps == 0 and report.overall.traps_refused_rate is None
    assert [g.group for g in report.by_type] == ["untyped"] and report.by_trap == ()


# The summary's tables for CONFIDENT_QUESTIONS answered by _confident_qa (shared by the report and CLI tests).
CONFIDENT_TABLES = [
    "by language:",
    "  language  questions  accuracy on answerable  precision when found  coverage     traps refused",
    "  vi        3          0.500 (1/2)             1.000 (1/1)           0.500 (1/2)  1.000 (1/1)",
    "  en        3          0.500 (1/2)             0.500 (1/2)           0.500 (1/2)  0.000 (0/1)",
    "by type:",
    "  type      questions  accuracy on answerable  precision when found  coverage     traps refused",
    "  quantity  3          0.500 (1/2)             1.000 (1/1)           0.500 (1/2)  1.000 (1/1)",
    "  money     1          1.000 (1/1)             1.000 (1/1)           1.000 (1/1)  n/a (0/0)",
    "  date      1          0.000 (0/1)             n/a (0/0)             0.000 (0/1)  n/a (0/0)",
    "  untyped   1          n/a (0/0)               0.000 (0/1)           n/a (0/0)    0.000 (0/1)",
    "by trap:",
    "  trap        questions  traps refused",
    "  wrong_year  1          1.000 (1/1)",
    "  absent      1          0.000 (0/1)",
    "risk-coverage: 3 thresholds; operating point: coverage 0.500, precision 0.667 at confidence >= 0.700",
    "wrong: q3, q4, t2",
]
