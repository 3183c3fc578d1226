"""A learned second stage over the fused ranking: gradient-boosted trees re-order the best few sentences.

Why: the fused score is a weighted sum of min-max normalised sides, so it cannot say "this sentence and
the one before it together cover the question" or "the dense side agrees only because the line is short".
A small tree ensemble over the fusion's own features, where each candidate stands among its rivals
(rank, gap to the best) and how much of the question's IDF mass it covers (alone, and read with its
previous sentence), learns those interactions from ViNewsQA dev questions (bench/fit_rerank.py); the
held-out half is only scored. The trees are plain JSON evaluated here with numpy: no pickle, no
scikit-learn at query time.

Two models ship: one fitted on Vietnamese questions (rerank_model.json), one on English questions asked of the
same Vietnamese articles (rerank_english_model.json, ViNewsQA-English dev half). An English question shares few
words with its evidence, so the same features mean other things there: the Vietnamese model ranked English
questions below the fused order (ViNewsQA-English dev, answer sentence first 0.333 against 0.404 fused), the
English one above it (0.415, cross-validated by article), and the two averaged higher still (0.423): that is what
English questions get (AveragedReranker).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from index.models import CONTEXT_FEATURES

RERANK_MODEL_FILE = Path(__file__).resolve().parent / "rerank_model.json"
ENGLISH_RERANK_MODEL_FILE = Path(__file__).resolve().parent / "rerank_english_model.json"
RERANK_MODEL_FILES = {"vi": RERANK_MODEL_FILE, "en": ENGLISH_RERANK_MODEL_FILE}  # the question's language -> model
RERANK_DEPTH = 30  # how many of the fused best the trees re-order (as fitted)
_MAX_WORDS = 60

# One row per candidate, in this order: first the fusion's CONTEXT_FEATURES as it sums them.
RERANK_FEATURES = (
    *CONTEXT_FEATURES,
    "fused",
    "fused_share_of_best",
    "fused_gap_to_best",
    "reciprocal_rank",
    "words",
    "opens_article",
    "is_evidence",
    "coverage_sentence",
    "bigrams_sentence",
    "coverage_previous",
    "bigrams_previous",
    "coverage_with_previous",
    "coverage_sentence_behind_best",
    "coverage_with_previous_behind_best",
)


@dataclass(frozen=True)
class CandidateView:
    """What the reranker reads of one fused candidate (texts for coverage, the rest from the fusion)."""

    context: Sequence[float]  # the fusion's normalised, language-scaled CONTEXT_FEATURES values
    fused: float
    words: int
    index: int  # the sentence's position in its article
    is_evidence: bool
    coverage: tuple[float, float]  # sentence: (IDF share of the question's terms, share of its word pairs)
    coverage_previous: tuple[float, float]
    coverage_with_previous: float


def feature_matrix(views: Sequence[CandidateView]) -> np.ndarray:
    """RERANK_FEATURES for candidates in fused order (best first)."""
    if not views:
        return np.zeros((0, len(RERANK_FEATURES)))
    best = max(views[0].fused, 1e-9)
    best_cov = max(v.coverage[0] for v in views)
    best_with = max(v.coverage_with_previous for v in views)
    rows = []
    for rank, v in enumerate(views):
        rows.append(
            [
                *v.context,
                v.fused,
                v.fused / best,
                views[0].fused - v.fused,
                1.0 / (1.0 + rank),
                min(v.words, _MAX_WORDS) / _MAX_WORDS,
                float(v.index <= 1),
                float(v.is_evidence),
                v.coverage[0],
                v.coverage[1],
                v.coverage_previous[0],
                v.coverage_previous[1],
                v.coverage_with_previous,
                v.coverage[0] - best_cov,
                v.coverage_with_previous - best_with,
            ]
        )
    return np.asarray(rows, dtype=np.float64)


@dataclass(frozen=True)
class _Forest:
    """Every tree's nodes in one set of arrays (tree t's nodes start at offsets[t]), walked together."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray  # absolute node numbers
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray
    missing_left: np.ndarray
    roots: np.ndarray

    @classmethod
    def of(cls, trees: Sequence[dict]) -> _Forest:
        offsets = np.cumsum([0] + [len(t["value"]) for t in trees])[:-1]

        def joined(name: str, dtype: type, shift: bool = False) -> np.ndarray:
            parts: list[np.ndarray] = []
            for tree, offset in zip(trees, offsets):
                part: np.ndarray = np.asarray(tree[name], dtype=dtype)
                parts.append(part + offset if shift else part)
            return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

        return cls(
            feature=joined("feature", np.int64),
            threshold=joined("threshold", np.float64),
            left=joined("left", np.int64, shift=True),
            right=joined("right", np.int64, shift=True),
            value=joined("value", np.float64),
            leaf=joined("leaf", bool),
            missing_left=joined("missing_left", bool),
            roots=np.asarray(offsets, dtype=np.int64),
        )

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The sum of the trees' leaf values per row: all (tree, row) pairs step down one level at a time."""
        if not len(self.roots) or not len(x):
            return np.zeros(len(x))
        node = np.repeat(self.roots[:, None], len(x), axis=1)  # (trees, rows)
        rows = np.broadcast_to(np.arange(len(x)), node.shape)
        while True:
            inner = ~self.leaf[node]
            if not inner.any():
                break
            at, row = node[inner], rows[inner]
            values = x[row, self.feature[at]]
            go_left = np.where(np.isnan(values), self.missing_left[at], values <= self.threshold[at])
            node[inner] = np.where(go_left, self.left[at], self.right[at])
        return self.value[node].sum(axis=0)


class Reranker:
    """What orders candidates by a score per row of their feature_matrix (log-odds that they hold the answer)."""

    depth: int = RERANK_DEPTH  # how many of the fused best it re-orders

    def score(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def order(self, views: Sequence[CandidateView], scores: np.ndarray | None = None) -> list[int]:
        """Positions of the candidates, best first (ties keep the fused order); scores: their log-odds if known."""
        if scores is None:
            scores = self.score(feature_matrix(views))
        return sorted(range(len(views)), key=lambda i: (-scores[i], i))


class TreeReranker(Reranker):
    """A boosted tree ensemble (log-odds that a candidate holds the answer) read from its JSON file."""

    def __init__(self, data: dict) -> None:
        if tuple(data["features"]) != RERANK_FEATURES:
            raise ValueError("The rerank model was fitted on other features; refit it with bench/fit_rerank.py")
        self.baseline = float(data["baseline"])
        self.depth = int(data.get("depth", RERANK_DEPTH))
        self.provenance = dict(data.get("provenance", {}))
        self.trees = len(data["trees"])
        self._forest = _Forest.of(data["trees"])

    @classmethod
    def load(cls, path: Path = RERANK_MODEL_FILE) -> TreeReranker:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def score(self, x: np.ndarray) -> np.ndarray:
        """Log-odds per row of a feature_matrix."""
        return self.baseline + self._forest.predict(np.asarray(x, dtype=np.float64))


def model_json(model: Any, depth: int, provenance: dict) -> dict:
    """A fitted scikit-learn HistGradientBoostingClassifier (binary, numeric features) as TreeReranker JSON.

    Reads the fitted predictors' node arrays: the one place that knows scikit-learn's layout, used by the
    fitting script; the product only ever reads the JSON.
    """
    trees = []
    for (predictor,) in model._predictors:  # one tree per boosting round (binary: one column)
        nodes = predictor.nodes
        if nodes["is_categorical"].any():
            raise ValueError("Categorical splits are not supported")
        trees.append(
            {
                "feature": nodes["feature_idx"].tolist(),
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": nodes["left"].tolist(),
                "right": nodes["right"].tolist(),
                "value": [float(v) for v in nodes["value"]],
                "leaf": nodes["is_leaf"].astype(bool).tolist(),
                "missing_left": nodes["missing_go_to_left"].astype(bool).tolist(),
            }
        )
    return {
        "features": list(RERANK_FEATURES),
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
        "depth": depth,
        "provenance": provenance,
        "trees": trees,
    }


class AveragedReranker(Reranker):
    """Several rerankers' mean log-odds: for English questions, the English and the Vietnamese models together.

    Each model alone misjudges some English questions the other gets right: on ViNewsQA-English dev (5-fold by
    article) the mean put the answer sentence first for 0.423 of questions, the English model alone 0.415, the
    Vietnamese one alone 0.333; on the labour sets' English dev questions first for 43 of 86 (Vietnamese alone 39).
    """

    def __init__(self, models: Sequence[TreeReranker]) -> None:
        if not models:
            raise ValueError("AveragedReranker needs at least one model")
        self.models = tuple(models)
        self.depth = max(m.depth for m in self.models)

    def score(self, x: np.ndarray) -> np.ndarray:
        return np.mean([m.score(x) for m in self.models], axis=0)


@cache
def shipped_english_reranker() -> Reranker | None:
    """What re-orders an English question: the English and Vietnamese models averaged (either alone if only one
    is fitted)."""
    models = [m for m in (shipped_reranker("en"), shipped_reranker("vi")) if m is not None]
    return AveragedReranker(models) if models else None


@cache
def shipped_reranker(language: str = "vi") -> TreeReranker | None:
    """The committed model for questions in this language ("vi" or "en"), or None when none has been fitted."""
    path = RERANK_MODEL_FILES[language]
    return TreeReranker.load(path) if path.exists() else None
