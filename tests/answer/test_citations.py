"""Citation checks against the article text."""

from __future__ import annotations

from answer.citations import citation_from_hit, unverified_citations, verify_citation
from answer.models import Answer, Citation
from tests.answer.sample_hits import articles, find, to_hit


def test_verbatim_sentence_verifies() -> None:
    sentence = find("Tỷ lệ hộ nghèo thực hiện")
    citation = citation_from_hit(to_hit(sentence, 1.0))
    assert verify_citation(citation, articles()[sentence.doc_id])


def test_shifted_or_altered_citation_fails() -> None:
    sentence = find("Tỷ lệ hộ nghèo thực hiện")
    text = articles()[sentence.doc_id]
    base = citation_from_hit(to_hit(sentence, 1.0))
    shifted = Citation(base.doc_id, base.title, base.date, base.source, base.sentence, base.start + 1, base.end + 1)
    altered = Citation(base.doc_id, base.title, base.date, base.source, base.sentence.replace("1,31", "1,32"), base.start, base.end)
    outside = Citation(base.doc_id, base.title, base.date, base.source, base.sentence, len(text) - 2, len(text) + 50)
    assert not verify_citation(shifted, text)
    assert not verify_citation(altered, text)
    assert not verify_citation(outside, text)


def test_unverified_citations_lists_bad_ones() -> None:
    good = citation_from_hit(to_hit(find("Tỷ lệ hộ nghèo thực hiện"), 1.0))
    bad = Citation(good.doc_id, good.title, None, None, "không có câu này", good.start, good.end)
    answer = Answer("q", "a", True, citations=(good,), related=(bad,))
    assert unverified_citations(answer, articles()) == [bad]
