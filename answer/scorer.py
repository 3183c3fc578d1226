"""The learned answer scorer: a logistic model over candidate features and a calibrated answer probability.

Both stages are fitted by scripts/train_answerer.py (seeded, reproducible) and stored as one small JSON file
beside this module, with the training command and the hash of the data it saw. No weight here is hand-set.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from answer.features import FEATURES

# What the answer-level model sees: the best candidate's score, how far ahead of the runner-up it is, and
# the evidence flags that most often separate a right answer from a look-alike.
ANSWER_FEATURES: tuple[str, ...] = (
    "top_logit",
    "gap_other_sentence",
    "rank_recip",
    "fused_rel",
    "dense_rel",
    "dense_chunk",
    "lexical_rel",
    "doc_is_top",
    "doc_share",
    "cov_sentence",
    "cov_context",
    "bigram_sentence",
    "unit_match",
    "span_window_cov",
    "year_match",
    "place_match",
    "english",
    "typed_question",
    "is_span",
    "type_match",
    "year_contradiction",
    "place_contradiction",
    "place_contradiction_sentence",
    "name_missing",
    "number_missing",
    "cov_clause",
    "dense_sentence",
)

MODEL_FILE = "answerer.json"


@dataclass(frozen=True)
class LinearModel:
    """Standardised logistic regression: p = sigmoid(((x - mean) / scale) . coef + intercept)."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """sigmoid of each row's logit (clipped: exp never overflows); an unknown (NaN) feature reads as the
        training mean, so it moves nothing."""
        z = self.logits(np.where(np.isnan(x), self.mean, x))
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def probability(self, x: np.ndarray) -> float:
        """The probability of one feature vector."""
        return float(self.probabilities(x[None, :])[0])

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        names = tuple(data["names"])
        arrays = [np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef")]
        if any(a.shape != (len(names),) for a in arrays):
            raise ValueError("answer model: every array must have one value per feature")
        return cls(names, arrays[0], arrays[1], arrays[2], float(data["intercept"]))

    def to_json(self) -> dict[str, Any]:
        return {
            "names": list(self.names),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
        }


@dataclass(frozen=True)
class AnswerModel:
    """Candidate ranking model, answer-probability model and the "not found" threshold."""

    candidate: LinearModel
    answer: LinearModel
    threshold: float  # answers with a lower probability are reported as not found
    meta: dict[str, Any]

    def candidate_logits(self, x: np.ndarray) -> np.ndarray:
        return self.candidate.logits(x)

    def probability(self, answer_features: np.ndarray) -> float:
        return self.answer.probability(answer_features)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AnswerModel:
        candidate = LinearModel.from_json(data["candidate"])
        answer = LinearModel.from_json(data["answer"])
        if candidate.names != FEATURES:
            raise ValueError("answer model was trained on other candidate features: retrain it (scripts/train_answerer.py)")
        if answer.names != ANSWER_FEATURES:
            raise ValueError("answer model was trained on other answer features: retrain it (scripts/train_answerer.py)")
        threshold = float(data["threshold"])
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"answer model threshold must be in [0, 1], got {threshold}")
        return cls(candidate, answer, threshold, dict(data.get("meta", {})))

    def to_json(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.to_json(),
            "answer": self.answer.to_json(),
            "threshold": round(self.threshold, 6),
            "meta": self.meta,
        }


_FROM_CANDIDATE = [(i, FEATURES.index(name)) for i, name in enumerate(ANSWER_FEATURES) if name in FEATURES]
_NO_RIVAL_GAP = 5.0  # the lead of a candidate whose sentence has no rival among the candidates


def answer_features(top: np.ndarray, top_logit: float, gap: float) -> np.ndarray:
    """The answer-level row from the best candidate's feature row and scores."""
    row = np.empty(len(ANSWER_FEATURES), dtype=np.float64)
    row[ANSWER_FEATURES.index("top_logit")] = top_logit
    row[ANSWER_FEATURES.index("gap_other_sentence")] = gap
    for i, j in _FROM_CANDIDATE:
        row[i] = top[j]
    return row


def sentence_gap(logits: np.ndarray, sentences: Sequence[object], i: int, among: Sequence[bool] | None = None) -> float:
    """How far candidate i's score leads the best candidate of another sentence (among the marked ones).

    The answerer and the training script both call this, so the model sees the same feature it was fitted on.
    """
    rivals = [
        logits[j]
        for j in range(len(logits))
        if sentences[j] != sentences[i] and (among is None or among[j])
    ]
    return float(logits[i] - max(rivals)) if rivals else _NO_RIVAL_GAP


def read_model_json(file_name: str, path: str | None = None) -> dict[str, Any]:
    """A model file: the shipped one (answer/model/<file_name>, package data), or one from a path (training, tests)."""
    if path is None:
        text = resources.files("answer").joinpath("model", file_name).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> AnswerModel:
    """The shipped model (package data), or one from a path (training and tests)."""
    return AnswerModel.from_json(read_model_json(MODEL_FILE, path))
