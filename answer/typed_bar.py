"""Whether a typed candidate (a figure, date, name... inside a retrieved sentence) is good enough to answer with:
one learned probability instead of the two hand-set bars on word overlap it replaces.

The bars (support >= 0.4 and clause alignment >= 0.15) read only the words the question shares with the
sentence, so they refused figures retrieval had put first whose question context sits a sentence away ("Hội thảo
APEC ... dự báo" above "86% trong ngành da giày") and most English questions, which share few words with
Vietnamese text. The model weighs the same overlap with how retrieval ranked and scored the sentence.

Fitted by bench/fit_typed_bar.py (logistic regression, seeded, on dev splits only); the model file records its
command, data hash and threshold. Vetoes stay outside it: the year, place and organisation checks run before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from answer.scorer import LinearModel, read_model_json

TYPED_BAR_FEATURES: tuple[str, ...] = (
    "coverage",  # IDF-weighted share of the question's terms in the sentence and its paragraph
    "alignment",  # how well the span's own clause matches what is asked (head noun, unit, kind)
    "prior",  # 1 / (1 + 0.25 rank): retrieval's order
    "retrieval",  # the hit's fused score relative to the best hit's
    "rerank",  # the learned second stage's score for the sentence (unknown when it did not run: the mean then)
    "english",  # the question is English: it shares few words with the articles
    "english_coverage",
    "english_alignment",
    "english_prior",
    "year_confirmed",  # the evidence states the asked year (unknown and absent are 0; another year never gets here)
    "score_lead",  # how far the span's word-overlap score is ahead of the best other span's (behind: negative)
)

MODEL_FILE = "typed_bar.json"


@dataclass(frozen=True)
class TypedBarInput:
    """What the bar reads of one candidate."""

    coverage: float
    alignment: float
    rank: int
    retrieval: float
    rerank: float | None  # None: no reranker scored the sentence (LABOUR_QA_RERANK=off, or beyond its depth)
    english: bool
    year_confirmed: bool
    score_lead: float  # the span's score minus the best rival span's among the same answer's candidates (0 if none)


def typed_bar_features(x: TypedBarInput) -> np.ndarray:
    """The feature vector, in TYPED_BAR_FEATURES order; an unknown rerank score is NaN."""
    en = 1.0 if x.english else 0.0
    prior = 1.0 / (1.0 + 0.25 * x.rank)
    return np.array(
        [
            x.coverage,
            x.alignment,
            prior,
            x.retrieval,
            math.nan if x.rerank is None else x.rerank,
            en,
            en * x.coverage,
            en * x.alignment,
            en * prior,
            1.0 if x.year_confirmed else 0.0,
            x.score_lead,
        ],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class TypedBar:
    """The fitted model and the probability below which a typed candidate does not answer."""

    model: LinearModel
    threshold: float
    meta: dict[str, Any]

    def probability(self, x: TypedBarInput) -> float:
        return self.model.probability(typed_bar_features(x))  # an unknown rerank score: the average candidate's

    def passes(self, x: TypedBarInput) -> bool:
        return self.probability(x) >= self.threshold

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TypedBar:
        model = LinearModel.from_json(data["model"])
        if model.names != TYPED_BAR_FEATURES:
            raise ValueError("typed bar was fitted on other features: refit it (bench/fit_typed_bar.py --write)")
        threshold = float(data["threshold"])
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"typed bar threshold must be in (0, 1), got {threshold}")
        return cls(model, threshold, dict(data.get("meta", {})))

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model.to_json(), "threshold": round(self.threshold, 6), "meta": self.meta}


@lru_cache(maxsize=4)
def load_typed_bar(path: str | None = None) -> TypedBar:
    """The shipped bar (answer/model/typed_bar.json), or one from a path."""
    return TypedBar.from_json(read_model_json(MODEL_FILE, path))
