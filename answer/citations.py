"""Citations: built from retrieval hits, checked verbatim against the article text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from answer.models import Answer, Citation
from index.models import Hit
from ingest.vietnamese import nfc


def citation_from_hit(hit: Hit) -> Citation:
    """The citation of a retrieved sentence (its offsets are the hit's)."""
    return Citation(
        doc_id=hit.doc_id,
        title=hit.title,
        date=hit.date,
        source=hit.source,
        sentence=hit.sentence,
        start=hit.start,
        end=hit.end,
    )


def clause_citation(hit: Hit, clause_start: int, clause_end: int) -> Citation:
    """The sentence's citation, with the clause's article offsets when [clause_start, clause_end) of the
    sentence is not the whole sentence."""
    citation = citation_from_hit(hit)
    if clause_start == 0 and clause_end >= len(hit.sentence.rstrip()):
        return citation
    return replace(citation, clause_start=hit.start + clause_start, clause_end=hit.start + clause_end)


def verify_citation(citation: Citation, article_text: str) -> bool:
    """Whether the cited sentence is verbatim at [start, end) of the article's clean text."""
    if citation.start < 0 or citation.end > len(article_text) or citation.start >= citation.end:
        return False
    return nfc(article_text[citation.start : citation.end]) == nfc(citation.sentence)


def unverified_citations(answer: Answer, texts: Mapping[str, str]) -> list[Citation]:
    """The citations (and related sentences) of an answer that do not match their article text."""
    pool: Iterable[Citation] = (*answer.citations, *answer.related)
    return [c for c in pool if c.doc_id not in texts or not verify_citation(c, texts[c.doc_id])]
