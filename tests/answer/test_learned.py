"""The learned answerer with real components: clause citations, the calibrated probability, and the truthful
not-found reason (several dated figures side by side, for both answerers: test_several_figures.py)."""

from __future__ import annotations

import pytest

from answer.citations import verify_citation
from answer.learned import LearnedAnswerer
from tests.answer.sample_hits import articles, hits_from


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
