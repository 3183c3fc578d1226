"""How likely a whole-sentence answer is right: one learned, calibrated probability for the answers no typed bar
scores (free questions, and typed questions answered by the sentence when no span of the kind passes).

A free question is answered by retrieval's best sentence once it passes the word-overlap bar, so whether that
sentence holds the answer is mostly retrieval's confidence: how strongly the learned second stage scores it, how
far ahead of the next sentence it is, whether the question's words are there, and whether the top hits agree on
its article. Fitted by bench/fit_sentence_confidence.py (logistic regression, seeded, on dev splits only); the model
file records its command, data hash and out-of-source calibration. The answerer reports it as the answer's
confidence and gives no answer below its floor (extractive.DEFAULT_MIN_CONFIDENCE).

Not features, though tried: the embedding similarity (its scale moves with the corpus and the question's
language) and whether the asked year is confirmed (ViNewsQA asks few years, so the fit read it backwards); both
made the model worse on the labour sets, out of source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from answer.scorer import LinearModel, read_model_json

SENTENCE_CONFIDENCE_FEATURES: tuple[str, ...] = (
    "rerank",  # the learned second stage's log-odds that the sentence holds the answer (unknown: the mean)
    "rerank_lead",  # how far that is ahead of the best other sentence's (unknown: the mean)
    "prior",  # 1 / (1 + 0.25 rank): retrieval's order
    "retrieval",  # the hit's fused score relative to the best hit's
    "coverage",  # IDF-weighted share of the question's terms in the sentence and its paragraph
    "article_share",  # share of the five best-ranked sentences that come from the same article
    "english",  # the question is English: it shares few words with the articles
    "typed_fallback",  # a typed question ("bao nhiêu", "ở đâu") answered by the sentence: no span of its kind passed
)

MODEL_FILE = "sentence_confidence.json"


@dataclass(frozen=True)
class SentenceInput:
    """What the model reads of the chosen sentence and its rivals."""

    rerank: float | None  # None: no reranker scored the sentence (LABOUR_QA_RERANK=off, or beyond its depth)
    rerank_lead: float | None  # None: unknown for it or for every rival
    rank: int
    retrieval: float
    coverage: float
    article_share: float
    english: bool
    typed_fallback: bool


def sentence_features(x: SentenceInput) -> np.ndarray:
    """The feature vector, in SENTENCE_CONFIDENCE_FEATURES order; an unknown value is NaN."""

    def known(value: float | None) -> float:
        return math.nan if value is None else value

    return np.array(
        [
            known(x.rerank),
            known(x.rerank_lead),
            1.0 / (1.0 + 0.25 * x.rank),
            x.retrieval,
            x.coverage,
            x.article_share,
            1.0 if x.english else 0.0,
            1.0 if x.typed_fallback else 0.0,
        ],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class SentenceConfidence:
    model: LinearModel
    meta: dict[str, Any]

    def probability(self, x: SentenceInput) -> float:
        return self.model.probability(sentence_features(x))  # an unknown value: the average answer's

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentenceConfidence:
        model = LinearModel.from_json(data["model"])
        if model.names != SENTENCE_CONFIDENCE_FEATURES:
            raise ValueError(
                "sentence confidence was fitted on other features: refit it (bench/fit_sentence_confidence.py)"
            )
        return cls(model, dict(data.get("meta", {})))

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model.to_json(), "meta": self.meta}


@lru_cache(maxsize=4)
def load_sentence_confidence(path: str | None = None) -> SentenceConfidence:
    """The shipped model (answer/model/sentence_confidence.json), or one from a path."""
    return SentenceConfidence.from_json(read_model_json(MODEL_FILE, path))
