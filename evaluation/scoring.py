"""Pure scoring functions: is an answer right, is its citation right, did retrieval find the evidence."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from answer.models import Answer, Citation
from evaluation.questions import EvalQuestion
from index.models import Hit

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: the form every comparison here is made in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def contains(haystack: str, needle: str) -> bool:
    """Whether needle appears in haystack, compared in normalised form."""
    return normalize(needle) in normalize(haystack)


def _doc_key(doc_id: str) -> str:
    # doc ids derive from the source path; whether a loader keeps the folder or the extension is
    # its business, so "002_x.txt", "002_x" and "samples/002_x.txt" name the same document here
    name = PurePath(doc_id.replace("\\", "/")).name
    stem, dot, ext = name.rpartition(".")
    if dot and stem and ext.isalpha() and len(ext) <= 5:
        name = stem
    return unicodedata.normalize("NFC", name).casefold()


def doc_matches(expected: str | None, doc_id: str) -> bool:
    """True when no document is expected, or doc_id names the expected one."""
    return expected is None or _doc_key(expected) == _doc_key(doc_id)


def answer_correct(question: EvalQuestion, answer: Answer) -> bool:
    """Answerable: found and the answer text says an expected string (and every expect_all group).

    Unanswerable: correct exactly when the answer says it was not found.
    """
    if not question.answerable:
        return not answer.found
    return answer.found and says_expected(question, answer.answer)


def says_expected(question: EvalQuestion, text: str) -> bool:
    """Whether text holds one of the expected strings and one alternative of every expect_all group."""
    if question.expect and not any(contains(text, e) for e in question.expect):
        return False
    return all(any(contains(text, alt) for alt in group) for group in question.expect_all)


def extracted_correct(question: EvalQuestion, answer: Answer) -> bool | None:
    """The stricter check: the extracted figure itself holds the expected text.

    An answer that quotes a long sentence can contain the right figure while stating another one;
    this catches that. None when it does not apply (unanswerable, refused, or nothing extracted).
    """
    if not question.answerable or not answer.found or not answer.extracted:
        return None
    return says_expected(question, answer.extracted)


def citation_offsets_ok(citation: Citation, article_text: Callable[[str], str] | None) -> bool:
    """The cited sentence is verbatim at [start, end) of its article (True when texts are unavailable)."""
    if article_text is None:
        return True
    if not 0 <= citation.start < citation.end:
        return False
    try:
        text = article_text(citation.doc_id)
    except Exception:  # an unknown document id is exactly the failure this check exists for
        return False
    return text[citation.start : citation.end] == citation.sentence


def supporting_citation(question: EvalQuestion, citations: Iterable[Citation]) -> Citation | None:
    """The first citation whose sentence contains the evidence, from the expected document."""
    if question.evidence is None:
        return None
    for citation in citations:
        if contains(citation.sentence, question.evidence) and doc_matches(question.doc, citation.doc_id):
            return citation
    return None


def citation_correct(
    question: EvalQuestion, answer: Answer, article_text: Callable[[str], str] | None = None
) -> bool | None:
    """Some citation holds the evidence (in the expected doc) and every citation's offsets are exact.

    None for unanswerable questions: there is nothing to cite.
    """
    if not question.answerable:
        return None
    if not answer.found or supporting_citation(question, answer.citations) is None:
        return False
    return all(citation_offsets_ok(c, article_text) for c in answer.citations)


def refusal_correct(question: EvalQuestion, answer: Answer) -> bool:
    """The found / not-found decision is right: refuse exactly the unanswerable questions."""
    return answer.found == question.answerable


def hit_rank(question: EvalQuestion, hits: Sequence[Hit]) -> int | None:
    """1-based rank of the first hit whose sentence holds the evidence (in the expected doc), else None."""
    if question.evidence is None:
        return None
    for rank, hit in enumerate(hits, 1):
        if contains(hit.sentence, question.evidence) and doc_matches(question.doc, hit.doc_id):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> bool:
    """Whether the evidence came back within the top k."""
    return rank is not None and rank <= k


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation, as numpy's default; 0.0 for no values."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def rate(flags: Iterable[bool | None]) -> tuple[float, int, int]:
    """(share of True, True count, scored count) over the flags that are not None; 1.0 when none scored."""
    scored = [f for f in flags if f is not None]
    good = sum(1 for f in scored if f)
    return (good / len(scored) if scored else 1.0), good, len(scored)


def share(good: int, total: int) -> float | None:
    """good / total, or None when there is nothing to divide by (a rate that does not exist yet)."""
    return good / total if total else None


@dataclass(frozen=True)
class CurvePoint:
    """One threshold on the risk-coverage curve: keep only the found answers this confident."""

    threshold: float  # answers with confidence >= threshold are kept
    kept: int  # found answers kept
    correct: int  # ... of which right
    coverage: float  # kept answers to answerable questions / answerable questions
    precision: float  # correct / kept; risk is 1 - precision


@dataclass(frozen=True)
class FoundAnswer:
    """What the curve needs of one found answer."""

    confidence: float | None
    answerable: bool
    correct: bool


def risk_coverage(found: Sequence[FoundAnswer], answerable: int) -> tuple[CurvePoint, ...]:
    """Coverage and precision at every confidence threshold, most confident first.

    The last point keeps every found answer: the system's own operating point. Empty when an answer
    carries no confidence (LLM mode, an older answerer): a curve over part of the answers would lie.
    Equal confidences form one point, since no threshold can separate them.
    """
    if not found or any(a.confidence is None for a in found):
        return ()
    ordered = sorted(found, key=lambda a: -(a.confidence or 0.0))
    points: list[CurvePoint] = []
    kept = correct = covered = 0
    for i, item in enumerate(ordered):
        kept += 1
        correct += item.correct
        covered += item.answerable
        last = i + 1 == len(ordered) or ordered[i + 1].confidence != item.confidence
        if last:
            points.append(
                CurvePoint(
                    threshold=item.confidence or 0.0,
                    kept=kept,
                    correct=correct,
                    coverage=covered / answerable if answerable else 0.0,
                    precision=correct / kept,
                )
            )
    return tuple(points)
