"""Runs a question set through the product and scores every answer, citation, refusal and search."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from answer.models import Answer, Turn
from evaluation import scoring
from evaluation.questions import LANGS, QUESTION_TYPES, TRAPS, EvalQuestion
from index.models import Hit

logger = logging.getLogger(__name__)


class QASystem(Protocol):
    """What evaluation needs from the product (service.LabourQA has it)."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer: ...

    def search(self, question: str, k: int | None = None) -> list[Hit]: ...

    def article_text(self, doc_id: str) -> str: ...


@dataclass(frozen=True)
class QuestionResult:
    """One question's outcome; None marks a check that does not apply to it."""

    id: str
    question: str
    answerable: bool
    follows: str | None
    answer: str
    found: bool
    extracted: str | None
    resolved_question: str | None
    expected: tuple[str, ...]
    evidence: str | None
    doc: str | None
    answer_ok: bool
    citation_ok: bool | None
    refusal_ok: bool
    hit_rank: int | None  # rank of the evidence sentence in search, None when absent or not scored
    retrieval_scored: bool
    search_query: str | None  # what was searched: the resolved question for a follow-up
    cited: tuple[str, ...]  # "doc_id:start-end" of each citation
    cited_sentences: tuple[str, ...]
    latency_ms: float  # wall time of ask()
    search_ms: float | None
    extracted_ok: bool | None = None  # the extracted figure itself holds the expected text
    split: str = "dev"
    lang: str | None = None
    type: str | None = None  # the expected answer's kind, from the question set
    trap: str | None = None  # the trap's kind when the question is one
    confidence: float | None = None  # the answer's own probability of being right, when it gives one


UNTYPED = "untyped"  # the per-type table's row for questions whose file names no type


@dataclass(frozen=True)
class GroupMetrics:
    """The headline metrics over one group of questions: a language, an answer type, a trap kind, or all.

    Rates are None when their denominator is zero (no found answers: precision does not exist yet).
    """

    group: str
    questions: int
    answerable: int
    answerable_correct: int  # answerable questions answered right
    found: int  # found answers, to any question (a found answer to a trap is a wrong one)
    found_correct: int
    found_answerable: int  # found answers to answerable questions
    traps: int
    traps_refused: int
    accuracy: float | None  # accuracy on answerable: answerable_correct / answerable
    precision: float | None  # precision when found: found_correct / found
    coverage: float | None  # found_answerable / answerable
    traps_refused_rate: float | None  # traps_refused / traps


def group_metrics(group: str, results: Sequence[QuestionResult]) -> GroupMetrics:
    """Count one group's results into its headline metrics."""
    answerable = [r for r in results if r.answerable]
    found = [r for r in results if r.found]
    traps = [r for r in results if r.trap is not None]
    answerable_correct = sum(1 for r in answerable if r.answer_ok)
    found_correct = sum(1 for r in found if r.answer_ok)
    found_answerable = sum(1 for r in found if r.answerable)
    traps_refused = sum(1 for r in traps if not r.found)
    return GroupMetrics(
        group=group,
        questions=len(results),
        answerable=len(answerable),
        answerable_correct=answerable_correct,
        found=len(found),
        found_correct=found_correct,
        found_answerable=found_answerable,
        traps=len(traps),
        traps_refused=traps_refused,
        accuracy=scoring.share(answerable_correct, len(answerable)),
        precision=scoring.share(found_correct, len(found)),
        coverage=scoring.share(found_answerable, len(answerable)),
        traps_refused_rate=scoring.share(traps_refused, len(traps)),
    )


def _groups(
    results: Sequence[QuestionResult], key: Callable[[QuestionResult], str | None], order: Sequence[str]
) -> tuple[GroupMetrics, ...]:
    """One GroupMetrics per value of key that occurs, in the given order (results whose key is None skipped)."""
    present = {key(r) for r in results}
    return tuple(
        group_metrics(name, [r for r in results if key(r) == name]) for name in order if name in present
    )


@dataclass(frozen=True)
class EvalReport:
    """Aggregate metrics (shares in 0..1) plus every question's result."""

    questions: int
    answerable: int
    unanswerable: int
    answer_accuracy: float  # all questions: right figure when answerable, a refusal when not
    citation_accuracy: float  # answerable questions whose citations hold the evidence, offsets exact
    refusal_accuracy: float  # unanswerable questions refused
    false_refusal_rate: float  # answerable questions refused
    hit_at_1: float  # answerable questions whose evidence sentence is the top search hit
    hit_at_k: float  # ... is within the top k
    k: int
    latency_p50_ms: float
    latency_p95_ms: float
    answer_correct: int
    citation_correct: int
    refusal_correct: int
    false_refusals: int
    retrieval_scored: int
    results: tuple[QuestionResult, ...]
    started_at: str = ""
    seconds: float = 0.0
    # found answerable questions with an extracted figure: that figure itself is right (stricter)
    extracted_accuracy: float = 1.0
    extracted_correct: int = 0
    extracted_scored: int = 0
    split: str = "all"  # which part of the question set was scored: dev, heldout or all
    # precision when found, coverage, accuracy on answerable and traps refused, over all scored questions
    overall: GroupMetrics = field(default_factory=lambda: group_metrics("all", ()))
    by_language: tuple[GroupMetrics, ...] = ()
    by_type: tuple[GroupMetrics, ...] = ()
    by_trap: tuple[GroupMetrics, ...] = ()
    # found answers sorted by confidence: coverage and precision at each threshold; empty without confidences
    risk_coverage: tuple[scoring.CurvePoint, ...] = ()


def _score(
    question: EvalQuestion,
    answer: Answer,
    latency_ms: float,
    hits: list[Hit] | None,
    search_query: str | None,
    search_ms: float | None,
    article_text: Callable[[str], str],
) -> QuestionResult:
    return QuestionResult(
        id=question.id,
        question=question.question,
        answerable=question.answerable,
        follows=question.follows,
        answer=answer.answer,
        found=answer.found,
        extracted=answer.extracted,
        resolved_question=answer.resolved_question,
        expected=question.expect + tuple(" + ".join(g) for g in question.expect_all),
        evidence=question.evidence,
        doc=question.doc,
        answer_ok=scoring.answer_correct(question, answer),
        citation_ok=scoring.citation_correct(question, answer, article_text),
        refusal_ok=scoring.refusal_correct(question, answer),
        hit_rank=scoring.hit_rank(question, hits) if hits is not None else None,
        retrieval_scored=hits is not None,
        search_query=search_query,
        cited=tuple(f"{c.doc_id}:{c.start}-{c.end}" for c in answer.citations),
        cited_sentences=tuple(c.sentence for c in answer.citations),
        latency_ms=latency_ms,
        search_ms=search_ms,
        extracted_ok=scoring.extracted_correct(question, answer),
        split=question.split,
        lang=question.lang,
        type=question.type,
        trap=question.trap,
        confidence=answer.confidence,
    )


def evaluate(qa: QASystem, questions: Sequence[EvalQuestion], *, k: int = 5, split: str = "all") -> EvalReport:
    """Ask every question (follow-ups with their conversation so far) and score the answers.

    Args:
        qa: the product, or anything with its ask/search/article_text.
        questions: in file order; a question's `follows` must come before it.
        k: how many search hits count for hit@k.
        split: the name of the part of the set these questions are (select them with select_split),
            recorded in the report.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if not questions:
        raise ValueError("the question set is empty")
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    texts: dict[str, str] = {}

    def article_text(doc_id: str) -> str:
        if doc_id not in texts:
            texts[doc_id] = qa.article_text(doc_id)
        return texts[doc_id]

    conversations: dict[str, tuple[Turn, ...]] = {}  # id -> the turns up to and including it
    results: list[QuestionResult] = []
    for question in questions:
        if question.follows is not None and question.follows not in conversations:
            raise ValueError(f"question {question.id!r} follows {question.follows!r}, which was not asked before it")
        history = conversations[question.follows] if question.follows is not None else ()
        t0 = time.perf_counter()
        answer = qa.ask(question.question, history=list(history))
        latency_ms = (time.perf_counter() - t0) * 1000
        conversations[question.id] = history + (Turn(question=question.question, answer=answer),)

        hits: list[Hit] | None = None
        search_ms: float | None = None
        # a bare follow-up ("ai chủ trì hội nghị đó?") is not a search query; only its resolved form is
        search_query = question.question if question.follows is None else answer.resolved_question
        if question.answerable and search_query:
            t0 = time.perf_counter()
            hits = qa.search(search_query, k)
            search_ms = (time.perf_counter() - t0) * 1000
        searched = search_query if hits is not None else None
        result = _score(question, answer, latency_ms, hits, searched, search_ms, article_text)
        logger.info(
            "%s answer=%s citation=%s hit=%s", question.id, result.answer_ok, result.citation_ok, result.hit_rank
        )
        results.append(result)

    answer_accuracy, answer_good, _ = scoring.rate(r.answer_ok for r in results)
    citation_accuracy, citation_good, _ = scoring.rate(r.citation_ok for r in results if r.answerable)
    refusal_accuracy, refusal_good, _ = scoring.rate(r.refusal_ok for r in results if not r.answerable)
    extracted_accuracy, extracted_good, extracted_scored = scoring.rate(r.extracted_ok for r in results)
    answerable = [r for r in results if r.answerable]
    false_refusals = sum(1 for r in answerable if not r.found)
    retrieved = [r for r in answerable if r.retrieval_scored]
    hit1, _, _ = scoring.rate(scoring.hit_at(r.hit_rank, 1) for r in retrieved)
    hitk, _, _ = scoring.rate(scoring.hit_at(r.hit_rank, k) for r in retrieved)
    latencies = [r.latency_ms for r in results]
    found = [scoring.FoundAnswer(r.confidence, r.answerable, r.answer_ok) for r in results if r.found]
    return EvalReport(
        questions=len(results),
        answerable=len(answerable),
        unanswerable=len(results) - len(answerable),
        answer_accuracy=answer_accuracy,
        citation_accuracy=citation_accuracy,
        refusal_accuracy=refusal_accuracy,
        false_refusal_rate=false_refusals / len(answerable) if answerable else 0.0,
        hit_at_1=hit1,
        hit_at_k=hitk,
        k=k,
        latency_p50_ms=scoring.percentile(latencies, 50),
        latency_p95_ms=scoring.percentile(latencies, 95),
        answer_correct=answer_good,
        citation_correct=citation_good,
        refusal_correct=refusal_good,
        false_refusals=false_refusals,
        retrieval_scored=len(retrieved),
        results=tuple(results),
        started_at=started_at,
        seconds=time.perf_counter() - started,
        extracted_accuracy=extracted_accuracy,
        extracted_correct=extracted_good,
        extracted_scored=extracted_scored,
        split=split,
        overall=group_metrics("all", results),
        by_language=_groups(results, lambda r: r.lang, LANGS),
        by_type=_groups(results, lambda r: r.type or UNTYPED, (*QUESTION_TYPES, UNTYPED)),
        by_trap=_groups(results, lambda r: r.trap, TRAPS),
        risk_coverage=scoring.risk_coverage(found, len(answerable)),
    )
