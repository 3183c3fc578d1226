"""The learned answerer (LABOUR_QA_ANSWERER=learned): a learned scorer picks the clause or span, or says "not found".

No LLM and no hand-set thresholds: candidates (the clauses of the retrieved sentences and the typed spans in
them) are described by named features (answer/features.py), ranked by a logistic model, and the best one's
answer probability is calibrated; below the threshold chosen on held-out data the answer is "not found".
Every answer cites its sentence by offsets, plus the clause that holds the answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from answer.candidates import Candidate, candidates_of
from answer.citations import citation_from_hit, clause_citation
from answer.constraints import evidence_years, sentence_years
from answer.english_figures import shown_for
from answer.features import FEATURES, featurize
from answer.figures import Figure, SideBySide, asked_periods, figure_of, side_by_side
from answer.knowledge.gazetteer import Gazetteer
from answer.language import join_years, message, nfc
from answer.models import Answer, Citation
from answer.question import QuestionAnalysis, analyse_question
from answer.scorer import AnswerModel, answer_features, load_model, sentence_gap
from index.models import Hit

logger = logging.getLogger(__name__)

_QUOTE_MAX_CHARS = 320
_INDEX = {name: i for i, name in enumerate(FEATURES)}

# Does the corpus mention this text at all? (service: the lexical index). Lets a not-found reason such as
# "the articles say nothing about X" be said only when it is true.
CorpusMentions = Callable[[str], bool]


@dataclass(frozen=True)
class Scored:
    """A question's candidates with their features and scores, best first (for training and diagnostics)."""

    question: QuestionAnalysis
    candidates: list[Candidate]
    features: np.ndarray
    logits: np.ndarray
    probability: float  # calibrated probability that the best candidate answers the question
    article_answers: list[tuple[int, float]]  # (candidate index, probability): each article's own best answer

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def _quote(c: Candidate) -> str:
    """The sentence, or for a long one the clause that holds the answer."""
    sentence = c.hit.sentence
    if len(sentence) <= _QUOTE_MAX_CHARS:
        return sentence
    piece = c.clause.text
    if len(piece) > _QUOTE_MAX_CHARS:
        lo = max(0, (c.span.start - c.clause.start) - _QUOTE_MAX_CHARS // 2) if c.span is not None else 0
        piece = piece[lo : lo + _QUOTE_MAX_CHARS]
    prefix = "…" if c.clause.start > 0 else ""
    suffix = "…" if c.clause.end < len(sentence) else ""
    return f"{prefix}{piece.strip()}{suffix}"


def _clause_citation(c: Candidate) -> Citation:
    """The sentence's citation, with the clause's article offsets when the clause is not the whole sentence."""
    return clause_citation(c.hit, c.clause.start, c.clause.end)


def _same_kind(c: Candidate, best: Candidate) -> bool:
    return c.span is not None and best.span is not None and c.span.kind == best.span.kind


def _figure(c: Candidate, probability: float) -> Figure:
    assert c.span is not None
    return figure_of(c.hit, c.span.text, c.span.start, c.span.end, probability, (c.clause.start, c.clause.end))


class LearnedAnswerer:
    """Answers from retrieved sentences alone: a cited span or clause, or a calibrated "not found"."""

    def __init__(
        self,
        model: AnswerModel | None = None,
        *,
        threshold: float | None = None,
        max_related: int = 3,
        corpus_mentions: CorpusMentions | None = None,
        clock: Callable[[], date] = date.today,
    ) -> None:
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
        if max_related < 0:
            raise ValueError("max_related must be >= 0")
        self.model = model or load_model()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.max_related = max_related
        self.corpus_mentions = corpus_mentions
        self.clock = clock  # relative periods ("năm ngoái") resolve against its date, read at each answer

    # ---- scoring ----------------------------------------------------------------------------

    def score(self, question: str, hits: Sequence[Hit]) -> Scored:
        """Every candidate of the hits scored for the question, best first, and the answer probability."""
        q = analyse_question(nfc(question))
        cands = candidates_of(hits, q.answer_type)
        x = featurize(q, cands)
        if not cands:
            return Scored(q, [], x, np.zeros(0), 0.0, [])
        logits = self.model.candidate_logits(x)
        order = sorted(range(len(cands)), key=lambda i: (-logits[i], cands[i].rank, i))
        cands = [cands[i] for i in order]
        x, logits = x[order], logits[order]
        sentences = [(c.hit.doc_id, c.hit.start) for c in cands]
        probability = self.model.probability(answer_features(x[0], float(logits[0]), sentence_gap(logits, sentences, 0)))
        return Scored(q, cands, x, logits, probability, self._article_answers(cands, x, logits, sentences))

    def _article_answers(
        self, cands: list[Candidate], x: np.ndarray, logits: np.ndarray, sentences: list[tuple[str, int]]
    ) -> list[tuple[int, float]]:
        """Each article's best candidate and its probability, judged against that article's other sentences only.

        Articles published at different dates may each answer the question (an estimate, the official figure):
        each is scored as if it were the only article, by the same learned model.
        """
        out: list[tuple[int, float]] = []
        seen: set[str] = set()
        for i, c in enumerate(cands):  # best first
            if c.hit.doc_id in seen:
                continue
            seen.add(c.hit.doc_id)
            same_article = [o.hit.doc_id == c.hit.doc_id for o in cands]
            gap = sentence_gap(logits, sentences, i, among=same_article)
            out.append((i, self.model.probability(answer_features(x[i], float(logits[i]), gap))))
        return out

    # ---- the verb ---------------------------------------------------------------------------

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        """The grounded answer to a question from its retrieved sentences (best first)."""
        return self.decide(self.score(question, hits))

    def decide(self, scored: Scored) -> Answer:
        """Found when the calibrated probability clears the threshold and no evidence contradicts the answer."""
        q, best = scored.question, scored.best
        if best is None:
            return self._not_found(scored)
        row = scored.features[0]
        if q.years and row[_INDEX["year_contradiction"]] and sentence_years(best.hit.sentence):
            # the sentence itself states another year for this fact: an explicit contradiction, a veto
            return self._wrong_year(scored)
        if row[_INDEX["place_contradiction_sentence"]]:
            # the sentence names another province (country, ministry) and not the asked one: the other veto
            return self._not_found(scored)
        if scored.probability < self.threshold:
            return self._not_found(scored)
        return self._found(scored)

    # ---- several figures: the most authoritative first ----------------------------------------

    def _side_by_side(self, scored: Scored) -> tuple[Candidate, SideBySide] | None:
        """The most authoritative of the articles' confident answers of the best's kind, and the others beside it.

        Each article's answer is judged as if that article were alone (Scored.article_answers); the best
        candidate is always among them. Returns the chosen candidate (its probability is the chosen figure's
        confidence) with the figures; None when the best answer is a clause, not a figure.
        """
        best = scored.candidates[0]
        if best.span is None:
            return None
        # article_answers starts with the best candidate's own article: (0, its probability)
        answers = [
            (scored.candidates[i], probability)
            for i, probability in scored.article_answers
            if i == 0 or (probability >= self.threshold and _same_kind(scored.candidates[i], best))
        ]
        figures = [_figure(c, probability) for c, probability in answers]
        asked = asked_periods(scored.question.text, self.clock())
        result = side_by_side(figures[0], figures[1:], asked, scored.question.language)
        return next(c for (c, _), f in zip(answers, figures) if f is result.chosen), result

    # ---- answers ----------------------------------------------------------------------------

    def _found(self, scored: Scored) -> Answer:
        q = scored.question
        lang = q.language
        figures = self._side_by_side(scored)
        best, side = figures if figures is not None else (scored.candidates[0], None)
        probability = side.chosen.confidence if side is not None else scored.probability
        if best.span is not None:
            extracted: str | None = best.span.text.strip()
            shown = shown_for(lang, best.span.kind, best.span.text.strip())
            if side is not None:
                shown = side.shown(shown, lang)
            text = message(lang, "found", extracted=shown, sentence=_quote(best))
            answer_type = best.span.kind
        else:
            extracted = best.clause.text if len(best.clause.text) < len(best.hit.sentence.strip()) else None
            text = message(lang, "found_sentence", sentence=_quote(best))
            answer_type = "sentence"
        return Answer(
            question=q.text,
            answer=text,
            found=True,
            citations=(_clause_citation(best),),
            related=self._related(scored, skip=best),
            mode="extractive",
            language=q.language,
            extracted=extracted,
            answer_type=answer_type,
            confidence=round(probability, 4),
            alternatives=side.alternatives if side is not None else (),
            period=side.period if side is not None else None,
            answer_labels=side.labels if side is not None else (),
        )

    def _related(self, scored: Scored, skip: Candidate | None = None) -> tuple[Citation, ...]:
        seen = {(skip.hit.doc_id, skip.hit.start)} if skip is not None else set()
        out: list[Citation] = []
        for c in scored.candidates:
            key = (c.hit.doc_id, c.hit.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(citation_from_hit(c.hit))
            if len(out) >= self.max_related:
                break
        return tuple(out)

    def _wrong_year(self, scored: Scored) -> Answer:
        q, best = scored.question, scored.candidates[0]
        # the years the evidence on this topic holds: the best sentences' own years, never the whole corpus
        topic_years: list[int] = []
        for c in scored.candidates[:12]:
            for year in evidence_years(c.hit.sentence, c.hit.context, c.hit.date).years:
                if year not in topic_years and year not in q.years:
                    topic_years.append(year)
        wanted = join_years(q.language, list(q.years))
        found_years = join_years(q.language, sorted(sentence_years(best.hit.sentence)) or sorted(topic_years))
        sentence = _quote(best)
        if best.span is not None and best.span.kind in {"quantity", "percentage"}:
            text = message(q.language, "wrong_year", wanted=wanted, found=found_years, figure=best.span.text, sentence=sentence)
        else:
            text = message(q.language, "wrong_year_plain", wanted=wanted, found=found_years, sentence=sentence)
        return Answer(
            question=q.text,
            answer=text,
            found=False,
            related=(_clause_citation(best), *self._related(scored, skip=best)[: max(self.max_related - 1, 0)]),
            mode="extractive",
            language=q.language,
            extracted=best.span.text if best.span is not None else None,
            answer_type=q.answer_type,
            confidence=round(scored.probability, 4),
        )

    def _not_found(self, scored: Scored) -> Answer:
        q = scored.question
        text = message(q.language, "not_found")
        gazetteer = Gazetteer.load()
        evidence = {(c.hit.doc_id, c.hit.start): c.hit for c in scored.candidates}.values()  # each sentence once
        named = {m.entity_id for h in evidence for m in gazetteer.mentions(f"{h.title} {h.sentence} {h.context}")}
        for entity_id in q.places:
            evidence_names_it = entity_id in named
            # "nothing about X" only when no indexed sentence mentions X at all
            if not evidence_names_it and self.corpus_mentions is not None and not self.corpus_mentions(entity_id):
                entity = gazetteer.entities[entity_id]
                name = entity.name_vi if q.language == "vi" or not entity.aliases_en else entity.aliases_en[0]
                text = message(q.language, "place_missing", place=name)
                break
        return Answer(
            question=q.text,
            answer=text,
            found=False,
            related=self._related(scored),
            mode="extractive",
            language=q.language,
            answer_type=q.answer_type,
            confidence=round(scored.probability, 4) if scored.candidates else 0.0,
        )
