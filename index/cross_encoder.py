"""An optional site reranker: a local sentence-transformers CrossEncoder folder (LABOUR_QA_RERANKER).

No multilingual cross-encoder ships with bundled weights, so the product never needs one; a site that has one
(copied to a folder, loaded offline) adds its judgement as one more ranking. Its scores are on an unknown
scale and its quality on our questions is unknown, so it is not weighted against our features: its order
and the retriever's are fused by reciprocal rank (the standard constant, nothing fitted here), and each hit
keeps the model's raw score in `scores["cross_encoder"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from errors import ConfigurationError
from index.fusion import rrf_fuse

# reciprocal rank fusion's usual constant (Cormack et al. 2009): a first place counts, the tail flattens
FUSION_K = 60


class CrossEncoderScorer:
    """Scores (question, passage) pairs with a local CrossEncoder; higher is more relevant."""

    def __init__(self, folder: Path, *, depth: int = 20, batch_size: int = 16, device: str = "cpu") -> None:
        """Args: depth: how many of the retriever's best candidates it reads (its cost grows with them)."""
        if depth < 1:
            raise ValueError("depth must be at least 1")
        folder = Path(folder)
        if not folder.is_dir():
            raise ConfigurationError(
                f"LABOUR_QA_RERANKER={folder} is not a folder: set it to a local sentence-transformers "
                "CrossEncoder folder, or unset it"
            )
        from sentence_transformers import CrossEncoder

        try:
            # local_files_only: a folder that is not a model must fail here, not send us to a hub
            self._model = CrossEncoder(str(folder), device=device, local_files_only=True)
        except Exception as exc:  # the library raises OSError, ValueError or HF errors
            raise ConfigurationError(f"LABOUR_QA_RERANKER: cannot load a CrossEncoder from {folder}: {exc}") from exc
        if int(getattr(self._model, "num_labels", 1) or 1) != 1:
            raise ConfigurationError(
                f"LABOUR_QA_RERANKER: {folder} has {self._model.num_labels} labels; a reranker has one score"
            )
        self.folder = folder
        self.depth = depth
        self.batch_size = batch_size

    def score(self, question: str, passages: Sequence[str]) -> np.ndarray:
        if not passages:
            return np.zeros(0, dtype=np.float64)
        scores = self._model.predict(
            [(question, p) for p in passages], batch_size=self.batch_size, show_progress_bar=False
        )
        return np.asarray(scores, dtype=np.float64).reshape(len(passages))


@lru_cache(maxsize=2)
def load_cross_encoder(folder: str) -> CrossEncoderScorer:
    """One loaded model per folder per process (a service builds a retriever per search)."""
    return CrossEncoderScorer(Path(folder))


def fused_order(scores: Sequence[float]) -> list[int]:
    """The retriever's order (0..n-1, best first) fused with the order of `scores` by reciprocal rank.

    Ties keep the retriever's order (rrf_fuse breaks ties by id; zero-padded positions sort as numbers), so a
    model that cannot tell the candidates apart changes nothing.
    """
    ours = [f"{i:06d}" for i in range(len(scores))]
    by_model = sorted(ours, key=lambda position: (-scores[int(position)], position))
    return [int(position) for position, _ in rrf_fuse([ours, by_model], [1.0, 1.0], k=FUSION_K)]
