"""Named features of an answer candidate, for the learned scorer.

Features, not vetoes: every signal (retrieval, word overlap, unit next to the figure, year, place) is a number
the scorer weighs; missing evidence is "unknown" (0), never a mismatch. Only the learned weights decide.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from answer.candidates import Candidate
from answer.constraints import evidence_years, mentions_name, years_match
from answer.knowledge.gazetteer import Gazetteer
from answer.language import TermBag, tokens, unaccent
from answer.question import QuestionAnalysis

FEATURES: tuple[str, ...] = (
    "rank_recip",
    "fused_rel",
    "dense_sentence",
    "dense_rel",
    "dense_chunk",
    "dense_missing",
    "lexical_rel",
    "doc_is_top",
    "doc_share",
    "cov_clause",
    "cov_sentence",
    "cov_context",
    "cov_title",
    "cov_clause_rel",
    "cov_sentence_rel",
    "bigram_sentence",
    "clause_share",
    "n_clauses_log",
    "is_span",
    "type_match",
    "span_window_cov",
    "unit_match",
    "unit_missing",
    "novelty",
    "span_in_question",
    "direction_match",
    "year_match",
    "year_contradiction",
    "year_from_sentence",
    "place_match",
    "place_contradiction",
    "place_contradiction_sentence",
    "name_match",
    "name_missing",
    "number_stated",
    "number_missing",
    "can_hold",
    "english",
    "english_x_dense_rel",
    "english_x_cov_clause",
    "typed_question",
    "length_log",
    "typed_x_is_span",
    "typed_x_can_hold",
    "typed_x_unit_match",
    "typed_x_cov_clause",
    "typed_x_dense_rel",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}

_DIRECTIONS = {"tăng": "up", "giảm": "down", "đạt": "reach", "còn": "down", "vượt": "up", "chiếm": "share"}
_NUMERIC = {"quantity", "percentage"}
_YEAR_TOKEN = re.compile(r"(19|20)\d\d")
_AGREEMENT = {"match": 1.0, "contradiction": -1.0, "unknown": 0.0}


def _new_bag(text: str) -> TermBag:
    """A text as the learned features match terms (a diacritic-only clash counts 0.3, a pair's fully: the
    weights the model was fitted with)."""
    return TermBag(text, clash=0.3, bigram_clash=1.0)


# Bags of texts that recur (hits of one chunk share a context, questions share articles) are built once; a
# span's window is new each time and would only push those out.
_bag = lru_cache(maxsize=8192)(_new_bag)


class _TermWeights:
    """IDF of the question's terms among the retrieved sentences: rarer there = more telling."""

    def __init__(self, q: QuestionAnalysis, bags: Sequence[TermBag]) -> None:
        n = max(len(bags), 1)
        self.weights: dict[str, float] = {}
        for term in q.terms:
            df = sum(1 for b in bags if b.match(term) >= 1.0)
            self.weights[term] = 1.0 + math.log((n + 1) / (df + 1))
        self.total = sum(self.weights.values()) + 0.6 * len(q.unknown)
        bigrams: list[str] = []
        for phrase in q.phrases:
            syl = phrase.split()
            bigrams.extend(f"{a} {b}" for a, b in zip(syl, syl[1:]))
        self.bigrams = list(dict.fromkeys(bigrams))

    def coverage(self, bag: TermBag) -> float:
        if self.total <= 0:
            return 0.0
        return sum(w * bag.match(t) for t, w in self.weights.items()) / self.total

    def bigram_coverage(self, bag: TermBag) -> float:
        if not self.bigrams:
            return 0.0
        return sum(bag.has_bigram(b) for b in self.bigrams) / len(self.bigrams)


@dataclass
class _HitView:
    """What every candidate of one hit shares, computed once."""

    sentence: TermBag
    context: TermBag
    title: TermBag
    dense: float
    dense_missing: bool
    year_ok: bool | None
    year_from_sentence: bool
    place: float  # 1 named, -1 another place (body) of the same kind named instead, 0 unknown
    place_sentence: float  # the same, read in the sentence alone (the explicit contradiction)
    names: float  # 1 all named, -1 some missing, 0 no names asked
    numbers: float  # 1 stated, -1 missing, 0 none asked


def _question_numbers(q: QuestionAnalysis) -> list[str]:
    return [t for t in q.terms if any(ch.isdigit() for ch in t) and not _YEAR_TOKEN.fullmatch(t)]


def _hit_view(q: QuestionAnalysis, c: Candidate, cache: dict[tuple[str, int], _HitView]) -> _HitView:
    hit = c.hit
    key = (hit.doc_id, hit.start)
    if key in cache:
        return cache[key]
    dense = hit.scores.get("dense_sentence")
    missing = dense is None
    if dense is None:
        dense = hit.scores.get("dense_chunk", hit.dense_score or 0.0)
    evidence = f"{hit.title} {hit.sentence} {hit.context}"
    ev_years = evidence_years(hit.sentence, hit.context, hit.date)
    place = place_sentence = 0.0
    if q.places:
        gazetteer = Gazetteer.load()
        place = _AGREEMENT[gazetteer.agreement(q.text, evidence)]
        place_sentence = _AGREEMENT[gazetteer.agreement(q.text, hit.sentence)]
    names = 0.0
    if q.names:
        names = 1.0 if all(mentions_name(n, evidence) for n in q.names) else -1.0
    numbers = 0.0
    wanted = _question_numbers(q)
    if wanted:
        bag = _bag(evidence)
        numbers = 1.0 if all(n in bag.toks for n in wanted) else -1.0
    view = _HitView(
        sentence=_bag(hit.sentence),
        context=_bag(f"{hit.title} {hit.context}"),
        title=_bag(hit.title),
        dense=float(dense),
        dense_missing=missing,
        year_ok=years_match(q.years, ev_years) if q.years else None,
        year_from_sentence=ev_years.level == "sentence",
        place=place,
        place_sentence=place_sentence,
        names=names,
        numbers=numbers,
    )
    cache[key] = view
    return view


def _window(c: Candidate, before: int = 8, after: int = 8) -> tuple[str, str]:
    """The clause text just before and just after a span."""
    assert c.span is not None
    sentence = c.hit.sentence
    left = sentence[c.clause.start : c.span.start].split()[-before:]
    right = sentence[c.span.end : c.clause.end].split()[:after]
    return " ".join(left), " ".join(right)


def _direction(q: QuestionAnalysis, clause_bag: TermBag) -> float:
    asked = {_DIRECTIONS[t] for t in q.terms if t in _DIRECTIONS}
    if not asked:
        return 0.0
    said = {d for word, d in _DIRECTIONS.items() if word in clause_bag.toks}
    if not said:
        return 0.0
    return 1.0 if asked & said else -1.0


def featurize(q: QuestionAnalysis, cands: Sequence[Candidate]) -> np.ndarray:
    """One row of FEATURES per candidate."""
    x = np.zeros((len(cands), len(FEATURES)), dtype=np.float64)
    if not cands:
        return x
    views: dict[tuple[str, int], _HitView] = {}
    hit_views = [_hit_view(q, c, views) for c in cands]
    weights = _TermWeights(q, [v.sentence for v in views.values()])
    top_score = max((c.hit.score for c in cands), default=0.0)
    top_dense = max(v.dense for v in views.values())
    lexicals = [c.hit.scores.get("lexical", 0.0) for c in cands]
    top_lexical = max(lexicals) if lexicals else 0.0
    top_doc = min(cands, key=lambda c: c.rank).hit.doc_id
    doc_counts: dict[str, int] = {}
    for key in views:
        doc_counts[key[0]] = doc_counts.get(key[0], 0) + 1
    n_hits = max(len(views), 1)
    q_toks = set(tokens(q.text))
    q_plain = {unaccent(t) for t in q_toks}
    english = q.language == "en"
    typed = q.answer_type not in {"sentence"}
    unit_terms = list(q.unit)

    clause_bags: dict[tuple[str, int, int], TermBag] = {}
    cov_clause = np.zeros(len(cands))
    cov_sentence = np.zeros(len(cands))
    for i, (c, v) in enumerate(zip(cands, hit_views)):
        clause_key = (c.hit.doc_id, c.hit.start, c.clause.start)
        bag = clause_bags.get(clause_key) or clause_bags.setdefault(clause_key, _bag(c.clause.text))
        cov_clause[i] = weights.coverage(bag)
        cov_sentence[i] = weights.coverage(v.sentence)
    best_clause_cov = float(cov_clause.max())
    best_sentence_cov = float(cov_sentence.max())

    for i, (c, v) in enumerate(zip(cands, hit_views)):
        row = x[i]
        hit = c.hit
        clause_bag = clause_bags[(hit.doc_id, hit.start, c.clause.start)]
        row[_INDEX["rank_recip"]] = 1.0 / (1.0 + c.rank)
        row[_INDEX["fused_rel"]] = hit.score / top_score if top_score > 0 else 0.0
        row[_INDEX["dense_sentence"]] = v.dense
        row[_INDEX["dense_rel"]] = v.dense - top_dense
        row[_INDEX["dense_chunk"]] = hit.scores.get("dense_chunk", v.dense)
        row[_INDEX["dense_missing"]] = float(v.dense_missing)
        row[_INDEX["lexical_rel"]] = lexicals[i] / top_lexical if top_lexical > 0 else 0.0
        row[_INDEX["doc_is_top"]] = float(hit.doc_id == top_doc)
        row[_INDEX["doc_share"]] = doc_counts.get(hit.doc_id, 0) / n_hits
        row[_INDEX["cov_clause"]] = cov_clause[i]
        row[_INDEX["cov_sentence"]] = cov_sentence[i]
        row[_INDEX["cov_context"]] = weights.coverage(v.context)
        row[_INDEX["cov_title"]] = weights.coverage(v.title)
        row[_INDEX["cov_clause_rel"]] = cov_clause[i] - best_clause_cov
        row[_INDEX["cov_sentence_rel"]] = cov_sentence[i] - best_sentence_cov
        row[_INDEX["bigram_sentence"]] = weights.bigram_coverage(v.sentence)
        row[_INDEX["clause_share"]] = len(c.clause.text) / max(len(hit.sentence), 1)
        row[_INDEX["n_clauses_log"]] = math.log(c.n_clauses)
        row[_INDEX["direction_match"]] = _direction(q, clause_bag)
        if c.span is not None:
            left, right = _window(c)
            window = _new_bag(f"{left} {c.span.text} {right}")
            row[_INDEX["is_span"]] = 1.0
            row[_INDEX["type_match"]] = float(c.span.kind == q.answer_type)
            row[_INDEX["span_window_cov"]] = weights.coverage(window)
            if unit_terms:
                near = _new_bag(" ".join(c.span.unit) + " " + right)
                row[_INDEX["unit_match"]] = sum(near.match(t) for t in unit_terms) / len(unit_terms)
            else:
                row[_INDEX["unit_missing"]] = 1.0
            span_toks = tokens(c.span.text)
            row[_INDEX["span_in_question"]] = float(bool(span_toks) and all(unaccent(t) in q_plain for t in span_toks))
            answer_toks = span_toks
        else:
            row[_INDEX["type_match"]] = float(not typed)
            row[_INDEX["unit_missing"]] = 1.0
            answer_toks = tokens(c.clause.text)
        if answer_toks:
            row[_INDEX["novelty"]] = sum(1 for t in answer_toks if unaccent(t) not in q_plain) / len(answer_toks)
        row[_INDEX["year_match"]] = float(v.year_ok is True)
        row[_INDEX["year_contradiction"]] = float(v.year_ok is False)
        row[_INDEX["year_from_sentence"]] = float(v.year_from_sentence)
        row[_INDEX["place_match"]] = float(v.place > 0)
        row[_INDEX["place_contradiction"]] = float(v.place < 0)
        row[_INDEX["place_contradiction_sentence"]] = float(v.place_sentence < 0)
        row[_INDEX["name_match"]] = float(v.names > 0)
        row[_INDEX["name_missing"]] = float(v.names < 0)
        row[_INDEX["number_stated"]] = float(v.numbers > 0)
        row[_INDEX["number_missing"]] = float(v.numbers < 0)
        row[_INDEX["can_hold"]] = float(q.answer_type not in _NUMERIC or bool(re.search(r"\d", c.clause.text)))
        row[_INDEX["english"]] = float(english)
        row[_INDEX["english_x_dense_rel"]] = float(english) * row[_INDEX["dense_rel"]]
        row[_INDEX["english_x_cov_clause"]] = float(english) * cov_clause[i]
        row[_INDEX["typed_question"]] = float(typed)
        row[_INDEX["length_log"]] = math.log(1 + len(c.text))
        # a typed question (a figure, a date, a name) weighs its evidence differently from a free one
        t = float(typed)
        row[_INDEX["typed_x_is_span"]] = t * row[_INDEX["is_span"]]
        row[_INDEX["typed_x_can_hold"]] = t * row[_INDEX["can_hold"]]
        row[_INDEX["typed_x_unit_match"]] = t * row[_INDEX["unit_match"]]
        row[_INDEX["typed_x_cov_clause"]] = t * cov_clause[i]
        row[_INDEX["typed_x_dense_rel"]] = t * row[_INDEX["dense_rel"]]
    return x
