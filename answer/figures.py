"""Several figures for one question: the most authoritative one answers, the others come side by side.

Articles published at different dates often answer the same question with different figures: a half-year
figure in July, an estimate in December, the official year-end figure in January. Both extractive answerers
hand their confident answers here (a retrieved sentence, the answer span and its clause by offsets, the
answerer's own confidence) and get back the figure to answer with, its period and labels, and the others as
labelled alternatives, newest first. The answerers decide which answers are confident and answer the same
question; this module decides which is the most authoritative and how the rest are labelled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from answer.candidates import split_clauses
from answer.citations import clause_citation
from answer.english_figures import for_reader
from answer.language import Language, message
from answer.models import Alternative, AlternativeLabel
from index.models import Hit
from ingest.periods import FigureStatus, Period, figure_status, infer_period, resolve_relative

_STATUS_RANK: dict[FigureStatus, int] = {"official": 0, "estimate": 1, "target": 2, "proposal": 3}


@dataclass(frozen=True)
class Figure:
    """One article's confident answer, with what makes it more or less authoritative."""

    hit: Hit
    answer: str  # the span as the article writes it
    start: int  # [start, end) of the span in the sentence
    end: int
    clause_start: int  # [clause_start, clause_end) of the sentence: the clause that holds the span
    clause_end: int
    confidence: float  # the answerer's own score for it; breaks ties between equally authoritative figures
    period: Period | None  # what the figure is about, from its sentence, the text before it or the article date
    status: FigureStatus  # official, estimate, target or proposal, read from its clause


def context_before(hit: Hit) -> list[str]:
    """The title and the context before the sentence, nearest last (where an unstated period is read)."""
    pos = hit.context.find(hit.sentence)
    before = hit.context[:pos] if pos > 0 else ""
    return [hit.title, before] if before else [hit.title]


def figure_of(
    hit: Hit, answer: str, start: int, end: int, confidence: float, clause: tuple[int, int] | None = None
) -> Figure:
    """A figure from an answer span of a hit's sentence; its clause is the sentence's clause around it unless given.

    Args:
        hit: the retrieved sentence that states the figure.
        answer: the span's text; start, end: its offsets in the sentence.
        confidence: the answerer's score for the span (comparable within one answerer and question only).
        clause: the clause's offsets in the sentence, when the answerer has already split it.
    """
    if clause is None:
        clause = next(
            ((c.start, c.end) for c in split_clauses(hit.sentence) if c.start <= start and end <= c.end),
            (0, len(hit.sentence)),
        )
    period, _ = infer_period(hit.sentence, context_before(hit), hit.date)
    digit = re.search(r"\d", hit.sentence[start:end])
    number_at = start + (digit.start() if digit else 0)
    status = figure_status(hit.sentence[clause[0] : clause[1]], number_at - clause[0])
    return Figure(hit, answer.strip(), start, end, clause[0], clause[1], confidence, period, status)


def asked_periods(question: str, today: date) -> list[Period]:
    """The periods a question asks about, relative ones ("năm ngoái") pinned to today."""
    return [p for p in resolve_relative(question, today) if p.year is not None or p.kind != "unknown"]


def _newest_first(value: str | None) -> str:
    """Sorts the newest date first (unknown dates last) in an ascending sort."""
    if not value:
        return "~"
    return "".join(chr(ord("9") - ord(ch) + ord("0")) if ch.isdigit() else ch for ch in value)


def _answers_the_asked_year(f: Figure, asked: Sequence[Period]) -> bool:
    if not asked or f.period is None or f.period.year is None:
        return True  # an unknown year contradicts nothing
    return any(a.year is None or a.year == f.period.year for a in asked)


def _is_about(period: Period | None, asked: Period) -> bool:
    """Whether a figure's period is the asked one: the whole year for a year, the same part for a part."""
    if period is None:
        return False
    if asked.year is not None and period.year is not None and asked.year != period.year:
        return False
    if asked.is_full_year:
        return period.is_full_year
    return (period.kind, period.index, period.first_months) == (asked.kind, asked.index, asked.first_months)


def by_authority(best: Figure, others: Sequence[Figure], asked: Sequence[Period]) -> list[Figure]:
    """The best figure and the others that may answer the same question, most authoritative first.

    Authority ("the latest official figure for the period asked"): a figure about the asked period (the
    whole year when a year or nothing is asked; the same part of it when a part is asked) before one about
    another period or part of it, an official figure before an estimate or a target, then the newest article,
    then the answerer's confidence. Of the others, only the first of each other article counts, and none
    about a year the question does not ask (another year's figure answers another question). The best
    figure is kept whatever its year: the answerer has already judged it.
    """
    figures = [best]
    articles = {best.hit.doc_id}
    for f in others:
        if f.hit.doc_id in articles or not _answers_the_asked_year(f, asked):
            continue
        articles.add(f.hit.doc_id)
        figures.append(f)

    def authority(f: Figure) -> tuple[int, int, str, float]:
        on_period = (
            any(_is_about(f.period, a) for a in asked) if asked else f.period is not None and f.period.is_full_year
        )
        return (0 if on_period else 1, _STATUS_RANK[f.status], _newest_first(f.hit.date), -f.confidence)

    return sorted(figures, key=authority)


def labels_of(f: Figure, chosen: Figure) -> tuple[AlternativeLabel, ...]:
    """How an alternative differs from the chosen figure: not an official figure (an estimate, a target, a proposal),
    a part of the period, another source or date."""
    labels: list[AlternativeLabel] = list(_status_labels(f))
    if (
        f.period is not None
        and f.period.is_partial_of_year
        and not (chosen.period and chosen.period.is_partial_of_year)
    ):
        labels.append("partial_period")
    if f.hit.source and chosen.hit.source and f.hit.source != chosen.hit.source:
        labels.append("other_source")
    if f.hit.date != chosen.hit.date:
        labels.append("other_date")
    return tuple(labels)


def _status_labels(f: Figure) -> tuple[AlternativeLabel, ...]:
    """A figure's status as a label: none for an official figure."""
    if f.status == "official":
        return ()
    return (f.status,)


def _period_label(f: Figure, lang: Language) -> str | None:
    return f.period.label(lang) if f.period is not None else None


def alternative_of(f: Figure, chosen: Figure, lang: Language) -> Alternative:
    """An alternative figure as the answer lists it, cited by its sentence and clause."""
    return Alternative(
        answer=for_reader(lang, f.answer),
        period=_period_label(f, lang),
        date=f.hit.date,
        source=f.hit.source,
        citation=clause_citation(f.hit, f.clause_start, f.clause_end),
        labels=labels_of(f, chosen),
    )


@dataclass(frozen=True)
class SideBySide:
    """The figure to answer with, what it is about, and the other figures for the same question."""

    chosen: Figure
    period: str | None  # the chosen figure's period, in the question's language
    labels: tuple[AlternativeLabel, ...]  # ("estimate",), ("target",) or ("proposal",) when the figure is not official
    alternatives: tuple[Alternative, ...]  # newest first

    def shown(self, text: str, lang: Language) -> str:
        """The answer text as shown, with "(số liệu ước tính)" after an estimate, "(mục tiêu)" after a target and "(đề
        xuất)" after a proposal.

        An English figure already ends with the article's words in brackets: the label joins them rather than
        opening a second pair ("About 20% (khoảng 20%; estimate)"). A Vietnamese answer's brackets are the
        article's own, so the label stays apart.
        """
        if not self.labels:
            return text
        label = message(lang, f"{self.labels[0]}_label")
        if lang == "en" and text.endswith(")"):
            return f"{text[:-1]}; {label})"
        return f"{text} ({label})"


def side_by_side(best: Figure, others: Sequence[Figure], asked: Sequence[Period], lang: Language) -> SideBySide:
    """The most authoritative of the figures answers; the others (see by_authority) are its alternatives."""
    ranked = by_authority(best, others, asked)
    chosen = ranked[0]
    rest = sorted(ranked[1:], key=lambda f: _newest_first(f.hit.date))  # stable: equal dates keep authority order
    return SideBySide(
        chosen=chosen,
        period=_period_label(chosen, lang),
        labels=_status_labels(chosen),
        alternatives=tuple(alternative_of(f, chosen, lang) for f in rest),
    )
