"""Hybrid retrieval: dense sentences, dense chunks (context evidence) and BM25 sentences, fused."""

from __future__ import annotations

import json
import logging
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from errors import FiltersNeedRebuild
from index.cross_encoder import CrossEncoderScorer, fused_order
from index.embedders import Embedder
from index.fusion import rrf_fuse, score_fuse, shrink_short
from index.lexical import LexicalIndex, tokenize
from index.models import CONTEXT_FEATURES, ChunkRecord, DocumentInfo, Hit, SearchFilters, SentenceRecord
from index.query_language import QueryLanguage, assess_query
from index.rerank import (
    CandidateView,
    Reranker,
    TreeReranker,
    feature_matrix,
    shipped_english_reranker,
    shipped_reranker,
)
from index.store import chroma_where

logger = logging.getLogger(__name__)


class SentenceStore(Protocol):
    """The store reads retrieval needs (ChromaStore provides them; tests use an in-memory fake)."""

    def query_sentences(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[SentenceRecord]: ...

    def query_chunks(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> list[ChunkRecord]: ...

    def get_chunks(self, chunk_ids: list[str]) -> list[ChunkRecord]: ...

    def document(self, doc_id: str) -> DocumentInfo | None: ...

    def matching_documents(self, filters: SearchFilters | None) -> set[str]: ...

    def legacy_documents(self) -> int: ...

    def sentence_context(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, np.ndarray]]: ...

    def title_vectors(self, doc_ids: Sequence[str]) -> dict[str, np.ndarray]: ...


CONTEXT_WEIGHTS_FILE = Path(__file__).resolve().parent / "context_weights.json"


def _feature_weights(section: Mapping[str, Any]) -> dict[str, float]:
    """One section's weight for every context feature (a feature it leaves out weighs 0)."""
    return {name: float(section["weights"].get(name, 0.0)) for name in CONTEXT_FEATURES}


@cache
def fitted_context_weights() -> dict[str, float]:
    """The fusion weights of the context features, fitted by bench/fit_context.py (see the file's provenance)."""
    return _feature_weights(json.loads(CONTEXT_WEIGHTS_FILE.read_text(encoding="utf-8")))


@cache
def fitted_english_weights() -> tuple[dict[str, float], float]:
    """The fusion weights for English questions and their lexical side's weight (context_weights.json, "english":
    fitted on English dev questions; the Vietnamese weights and reranker were fitted on Vietnamese ones)."""
    english = json.loads(CONTEXT_WEIGHTS_FILE.read_text(encoding="utf-8"))["english"]
    return _feature_weights(english), float(english["lexical_weight"])


@dataclass
class Candidates:
    """What the retrieval sides found for one question, keyed by sentence_key (features: see CONTEXT_FEATURES)."""

    records: dict[str, SentenceRecord] = field(default_factory=dict)
    dense: dict[str, float] = field(default_factory=dict)
    dense_ranking: list[str] = field(default_factory=list)
    chunks: dict[str, ChunkRecord] = field(default_factory=dict)
    chunk_similarity: dict[str, float] = field(default_factory=dict)
    lexical: dict[str, float] = field(default_factory=dict)
    lexical_ranking: list[str] = field(default_factory=list)
    features: dict[str, dict[str, float]] = field(default_factory=dict)
    language: QueryLanguage = field(default_factory=lambda: QueryLanguage("vi", 1.0, 1.0))
    previous: dict[str, str] = field(default_factory=dict)  # the previous sentence's text (first sentences: none)
    rerank: dict[str, float] = field(default_factory=dict)  # the reranker's log-odds, for the candidates it read
    cross_encoder: dict[str, float] = field(default_factory=dict)  # a site CrossEncoder's raw scores (when set)


class _Scope:
    """The articles one search may return: committed, and within its filters (allowed None = all)."""

    def __init__(self, store: SentenceStore, where: dict[str, Any] | None, allowed: set[str] | None) -> None:
        self.store = store
        self.where = where
        self.allowed = allowed
        self._infos: dict[str, DocumentInfo | None] = {}

    def info(self, doc_id: str) -> DocumentInfo | None:
        if doc_id not in self._infos:
            self._infos[doc_id] = self.store.document(doc_id)
        return self._infos[doc_id]

    def admits(self, doc_id: str) -> bool:
        # the lexical cache or a half-written store may name articles that are not (or no longer) committed
        return (self.allowed is None or doc_id in self.allowed) and self.info(doc_id) is not None


def context_features(
    question: str,
    vector: np.ndarray,
    found: Candidates,
    store: SentenceStore,
    lexical: LexicalIndex | None,
) -> dict[str, dict[str, float]]:
    """Each candidate's CONTEXT_FEATURES.

    The sentence's own scores are those its side found (absent when that side did not return it, as in
    the fusion before context existed); the context scores exist for every candidate: cosine similarities
    from stored vectors (nothing is embedded at query time) and BM25 with the lexical index's statistics.
    """
    records = found.records
    doc_ids = list(dict.fromkeys(r.doc_id for r in records.values()))
    titles = {d: (info.title if (info := store.document(d)) else "") for d in doc_ids}
    # the titles' BM25 (Python) is computed here while the pool waits on Chroma for the stored vectors
    title_scores, stored, title_vectors = _together(
        lambda: _bm25(lexical, question, [titles[d] for d in doc_ids]),
        lambda: store.sentence_context([(r.doc_id, r.index - 1) for r in records.values() if r.index > 0]),
        lambda: store.title_vectors(doc_ids),
    )

    def cosine(row: np.ndarray | None) -> float:
        return float(row @ vector) if row is not None else 0.0

    dense_title = {d: cosine(title_vectors.get(d)) for d in doc_ids}
    lexical_title = dict(zip(doc_ids, title_scores))
    features: dict[str, dict[str, float]] = {name: {} for name in CONTEXT_FEATURES}
    features["dense_sentence"] = dict(found.dense)
    features["lexical"] = dict(found.lexical)
    previous_text: dict[str, str] = {}
    previous_at: list[tuple[str, int, str]] = []
    for key, r in records.items():
        before = stored.get((r.doc_id, r.index - 1)) if r.index > 0 else None
        if r.chunk_id in found.chunk_similarity:
            features["dense_chunk"][key] = found.chunk_similarity[r.chunk_id]
        features["dense_title"][key] = dense_title[r.doc_id]
        features["dense_previous"][key] = cosine(before[1]) if before else dense_title[r.doc_id]
        features["lexical_title"][key] = lexical_title[r.doc_id]
        if before:
            previous_text[key] = found.previous[key] = before[0]
            previous_at.append((r.doc_id, r.index - 1, before[0]))
        else:  # the first sentence's context before it is the title
            features["lexical_previous"][key] = lexical_title[r.doc_id]
    # the previous sentences are indexed rows: read from the postings, not tokenized again
    previous_scores = _bm25(lexical, question, list(previous_text.values()), previous_at)
    features["lexical_previous"].update(zip(previous_text, previous_scores))
    return features


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _together(*calls: Callable[[], Any]) -> list[Any]:
    """Run independent lookups at once (one shared pool for every search); their results in call order."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="retrieval")
    futures = [_POOL.submit(call) for call in calls[1:]]
    first = calls[0]()  # this thread works too, rather than wait idle
    return [first, *(f.result() for f in futures)]


def _side(name: str, language: QueryLanguage) -> float:
    """How the query's language scales a feature's side (as _weighted scales its weight)."""
    return language.lexical_weight if name.startswith("lexical") else language.dense_weight


def _min_max(scores: Mapping[str, float]) -> dict[str, float]:
    """As score_fuse normalises one side: (v - low) / spread, 1.0 when all equal."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    spread = high - low
    return {key: (value - low) / spread if spread > 0 else 1.0 for key, value in scores.items()}


def _bm25(
    lexical: LexicalIndex | None, question: str, texts: list[str], sentences: Sequence[tuple[str, int, str]] = ()
) -> list[float]:
    """BM25 of texts; `sentences` (doc_id, index, text), one per text when given, are indexed sentences."""
    if lexical is None:
        return [0.0] * len(texts)
    return lexical.score_texts(question, texts, lexical.rows_of(sentences) if sentences else None)


def _token_counts(found: Candidates, keys: Sequence[str], lexical: LexicalIndex | None) -> list[int]:
    """The candidates' sentences' lengths in tokens (from the lexical index's rows where it holds them)."""
    records = [found.records[key] for key in keys]
    if lexical is None:
        return [len(tokenize(r.text).stream) for r in records]
    return lexical.token_counts([(r.doc_id, r.index, r.text) for r in records])


def sentence_key(doc_id: str, index: int) -> str:
    """The id a sentence has in fused rankings."""
    return f"{doc_id}#s{index}"


def sentences_of_chunk(chunk: ChunkRecord) -> list[SentenceRecord]:
    """A chunk's sentences, cut from its text by their offsets (chunk text starts at its first sentence)."""
    if not chunk.sentence_spans:
        return []
    base = chunk.sentence_spans[0][1]
    return [
        SentenceRecord(
            doc_id=chunk.doc_id,
            index=index,
            start=start,
            end=end,
            text=chunk.text[start - base : end - base],
            chunk_id=chunk.chunk_id,
            kind=chunk.kinds.get(index, "text"),
        )
        for index, start, end in chunk.sentence_spans
    ]


class HybridRetriever:
    """Ranks sentences for a question; `search` is the verb."""

    # the Vietnamese reranker was fitted on Vietnamese questions (written with marks) only
    rerank_languages: tuple[str, ...] = ("vi",)

    def __init__(
        self,
        store: SentenceStore,
        embedder: Embedder,
        lexical: LexicalIndex | None,
        *,
        dense_candidates: int = 50,
        lexical_candidates: int = 50,
        chunk_candidates: int = 20,
        expand_chunks: int = 3,
        dense_weight: float = 1.0,
        chunk_weight: float = 0.5,
        lexical_weight: float = 1.0,
        rrf_k: int = 10,
        fusion: str = "scores",
        feature_weights: Mapping[str, float] | None = None,
        reranker: TreeReranker | None | str = "shipped",
        english_reranker: Reranker | None | str = "shipped",
        cross_encoder: CrossEncoderScorer | None = None,
    ) -> None:
        """Args:
        dense_candidates / lexical_candidates / chunk_candidates: how many each side returns.
        expand_chunks: the sentences of this many best chunks join the candidates even when neither
            sentence-level side found them (an answer sentence can be plain while its paragraph matches).
        dense_weight / chunk_weight / lexical_weight: the weights of the three rankings RRF fuses.
        feature_weights: the weights of CONTEXT_FEATURES that "scores" fusion sums (default: the fitted
            ones in context_weights.json). Dense weights are further scaled by how the query's language
            suits each side, lexical ones by how Vietnamese it looks to the index (index.query_language).
        fusion: "scores" (weighted sum of min-max normalised scores) or "rrf" (weighted reciprocal rank
            fusion with constant rrf_k). On ViNewsQA + Baomoi distractors "scores" found the right
            article first 2 points more often and the answer sentence 2.5 points more often than
            "rrf", because it keeps a BM25 match that is far ahead of the rest far ahead.
        reranker: the learned second stage over the fused best (index/rerank.py; "shipped" = the committed
            model, None = the fused order as it is). Only "scores" fusion feeds it.
        english_reranker: the same for questions the caller says are English (search's `english`); "shipped" =
            the English and Vietnamese models averaged.
        cross_encoder: a site's CrossEncoder (LABOUR_QA_RERANKER, index/cross_encoder.py): its order of the
            best `depth` candidates is fused with ours by reciprocal rank, for every language.
        """
        for name, value in (
            ("dense_candidates", dense_candidates),
            ("lexical_candidates", lexical_candidates),
            ("chunk_candidates", chunk_candidates),
            ("expand_chunks", expand_chunks),
        ):
            if value < 0:
                raise ValueError(f"{name} must not be negative")
        if dense_candidates == 0 and lexical_candidates == 0 and chunk_candidates == 0:
            raise ValueError("At least one retrieval side needs candidates")
        if min(dense_weight, chunk_weight, lexical_weight) < 0:
            raise ValueError("Fusion weights must not be negative")
        weights = dict(fitted_context_weights() if feature_weights is None else feature_weights)
        unknown = set(weights) - set(CONTEXT_FEATURES)
        if unknown:
            raise ValueError(f"Unknown context features: {sorted(unknown)}")
        if any(w < 0 for w in weights.values()):
            raise ValueError("Feature weights must not be negative")
        self.feature_weights = weights
        self.english_weights, self.english_lexical_weight = fitted_english_weights()
        for given in (reranker, english_reranker):
            if isinstance(given, str) and given != "shipped":
                raise ValueError(f"Unknown reranker {given!r}")
        self.reranker: TreeReranker | None = shipped_reranker("vi") if isinstance(reranker, str) else reranker
        self.english_reranker: Reranker | None = (
            shipped_english_reranker() if isinstance(english_reranker, str) else english_reranker
        )
        self.cross_encoder = cross_encoder
        if rrf_k <= 0:
            raise ValueError("rrf_k must be positive")
        if fusion not in ("rrf", "scores"):
            raise ValueError("fusion must be 'rrf' or 'scores'")
        self.fusion = fusion
        self.store = store
        self.embedder = embedder
        self.lexical = lexical
        self.dense_candidates = dense_candidates
        self.lexical_candidates = lexical_candidates
        self.chunk_candidates = chunk_candidates
        self.expand_chunks = expand_chunks
        self.dense_weight = dense_weight
        self.chunk_weight = chunk_weight
        self.lexical_weight = lexical_weight
        self.rrf_k = rrf_k

    def assess(self, question: str) -> QueryLanguage:
        """How much lexical evidence this question gets (exposed for diagnostics)."""
        if self.lexical is None:
            return QueryLanguage("other", 0.0, 0.0)
        words = [t for t in tokenize(question, query=True).stream if t.isalpha()]
        return assess_query(self.lexical.overlap(question), words, english_weight=self.english_lexical_weight)

    def search(
        self,
        question: str,
        k: int = 8,
        filters: SearchFilters | None = None,
        *,
        rerank: bool = True,
        english: bool = False,
        within: frozenset[str] | None = None,
    ) -> list[Hit]:
        """The k best sentences of committed articles for the question, best first; within: only these articles.

        rerank=False keeps the fused order. english=True: the question is English (the caller knows; its
        search text may carry Vietnamese glossary phrases), so the English reranker re-orders it whatever the
        index makes of its words; otherwise the Vietnamese one re-orders questions the index reads as Vietnamese.

        filters restrict every side of the search before its top candidates are taken (Chroma `where` on
        the vector queries, an allowed-article set on the lexical one), so a better match outside the
        filters never pushes a matching sentence out.
        """
        question = unicodedata.normalize("NFC", question).strip()
        if not question or k <= 0:
            return []
        scope = self._scope(filters)
        if within is not None:
            where = {"doc_id": {"$in": sorted(within)}}
            scope = _Scope(
                self.store,
                where if scope.where is None else {"$and": [scope.where, where]},
                set(within) if scope.allowed is None else scope.allowed & within,
            )
        found = self.collect(question, scope, features=self.fusion == "scores")
        depth = max(k, self.cross_encoder.depth) if self.cross_encoder is not None else k
        if self.fusion == "rrf":
            fused, weights = self._rrf(found, found.language, depth)
        else:
            fused, weights = self._weighted(
                question, found, found.language, depth, self._second_stage(found, rerank, english)
            )
        if self.cross_encoder is not None:
            fused = self._cross_encoded(question, fused, found, self.cross_encoder)
        fused = fused[:k]
        self._fetch_missing_chunks(fused, found)
        logger.debug(
            "search %r: language=%s lexical_weight=%.2f dense=%d chunks=%d lexical=%d",
            question,
            found.language.language,
            found.language.lexical_weight,
            len(found.dense_ranking),
            len(found.chunks),
            len(found.lexical_ranking),
        )
        return [self._hit(key, score, found, weights, scope) for key, score in fused]

    def collect(
        self, question: str, scope: _Scope | SearchFilters | None = None, *, features: bool = True
    ) -> Candidates:
        """Every side's candidates for a (normalised) question, with their context features when asked."""
        if not isinstance(scope, _Scope):
            scope = self._scope(scope)
        vector = self.embedder.embed_queries([question])[0]
        found = Candidates()
        # the three sides' lookups wait on Chroma's HNSW and numpy, which release the GIL: run them together,
        # then merge their results in a fixed order (the same candidates, in the same order, as one by one)
        sentences, chunks, lexical = _together(
            lambda: self._query_sentences(vector, scope),
            lambda: self._query_chunks(vector, scope),
            lambda: self._query_lexical(question, scope),
        )
        self._dense_sentences(sentences, scope, found)
        self._dense_chunks(chunks, scope, found)
        found.language = self.assess(question)
        self._lexical_sentences(lexical, scope, found)
        if features:
            found.features = self._features(question, vector, found)
        return found

    # ---- the steps of search ------------------------------------------------------------------

    def _scope(self, filters: SearchFilters | None) -> _Scope:
        """Which articles may answer: committed ones, within the filters."""
        if filters is None or filters.is_empty():
            return _Scope(self.store, None, None)
        legacy = self.store.legacy_documents()
        if legacy:
            raise FiltersNeedRebuild(
                f"{legacy} indexed articles were written before date and source filters existed. "
                "Rebuild the index to filter by date or source: labour-qa ingest PATH --rebuild"
            )
        return _Scope(self.store, chroma_where(filters), self.store.matching_documents(filters))

    def _query_sentences(self, vector: np.ndarray, scope: _Scope) -> list[SentenceRecord]:
        if not self.dense_candidates:
            return []
        return self.store.query_sentences(vector, self.dense_candidates, where=scope.where)

    def _query_chunks(self, vector: np.ndarray, scope: _Scope) -> list[ChunkRecord]:
        if not self.chunk_candidates:
            return []
        return self.store.query_chunks(vector, self.chunk_candidates, where=scope.where)

    def _query_lexical(self, question: str, scope: _Scope) -> list[tuple[SentenceRecord, float]]:
        if self.lexical is None or not self.lexical_candidates:
            return []
        return self.lexical.search(question, self.lexical_candidates, allowed_docs=scope.allowed)

    def _dense_sentences(self, records: list[SentenceRecord], scope: _Scope, found: Candidates) -> None:
        for record in records:
            if not scope.admits(record.doc_id):
                continue
            key = sentence_key(record.doc_id, record.index)
            found.records.setdefault(key, record)
            if key not in found.dense:
                found.dense[key] = float(record.similarity if record.similarity is not None else 0.0)
                found.dense_ranking.append(key)

    def _dense_chunks(self, chunks: list[ChunkRecord], scope: _Scope, found: Candidates) -> None:
        for rank, chunk in enumerate(chunks):
            if not scope.admits(chunk.doc_id) or chunk.chunk_id in found.chunks:
                continue
            found.chunks[chunk.chunk_id] = chunk
            found.chunk_similarity[chunk.chunk_id] = float(chunk.similarity if chunk.similarity is not None else 0.0)
            if rank < self.expand_chunks:
                for record in sentences_of_chunk(chunk):
                    found.records.setdefault(sentence_key(record.doc_id, record.index), record)

    def _lexical_sentences(self, found_lexical: list[tuple[SentenceRecord, float]], scope: _Scope, found: Candidates) -> None:
        for record, score in found_lexical:
            if not scope.admits(record.doc_id):
                continue
            key = sentence_key(record.doc_id, record.index)
            found.records.setdefault(key, record)
            if key not in found.lexical:
                found.lexical[key] = score
                found.lexical_ranking.append(key)

    def _context_ranking(self, found: Candidates) -> list[str]:
        """A sentence inherits its chunk's similarity; within a chunk, its own decides."""
        return sorted(
            (key for key, record in found.records.items() if record.chunk_id in found.chunk_similarity),
            key=lambda key: (
                -found.chunk_similarity[found.records[key].chunk_id],
                -found.dense.get(key, -1.0),
                -found.lexical.get(key, 0.0),
                key,
            ),
        )

    def _rrf(
        self, found: Candidates, language: QueryLanguage, k: int
    ) -> tuple[list[tuple[str, float]], dict[str, float]]:
        weights = {
            "dense_sentence": self.dense_weight * language.dense_weight,
            "dense_chunk": self.chunk_weight * language.dense_weight,
            "lexical": self.lexical_weight * language.lexical_weight,
        }
        own = self._own_evidence(found.dense, found)
        dense_order = sorted(found.dense_ranking, key=lambda key: -own[key])
        lists = [dense_order, self._context_ranking(found), found.lexical_ranking]
        return self._evidence_first(rrf_fuse(lists, list(weights.values()), k=self.rrf_k), found)[:k], weights

    def _cross_encoded(
        self, question: str, fused: list[tuple[str, float]], found: Candidates, model: CrossEncoderScorer
    ) -> list[tuple[str, float]]:
        """The best `model.depth` re-ordered by our order fused with the CrossEncoder's (each sentence read
        after its previous one, as the reranker reads it); scores stay ours, on our scale, never rising."""
        head = fused[: model.depth]
        passages = [
            " ".join(p for p in (found.previous.get(key, ""), found.records[key].text) if p) for key, _ in head
        ]
        scores = model.score(question, passages)
        found.cross_encoder = {key: float(v) for (key, _), v in zip(head, scores)}
        return self._reordered(fused, len(head), fused_order(list(scores)), found)

    def _reordered(
        self, fused: list[tuple[str, float]], n: int, order: Sequence[int], found: Candidates
    ) -> list[tuple[str, float]]:
        """The first n candidates in a second stage's order (positions into them), evidence first, the rest as
        they were. The head's scores, best first, follow the new order: a hit's score stays on the fusion's
        scale (answerers compare hits by it) and never rises down the list."""
        head = fused[:n]
        reordered = self._evidence_first([head[i] for i in order], found)
        return [(key, score) for (key, _), (_, score) in zip(reordered, head)] + fused[n:]

    def _own_evidence(self, dense: Mapping[str, float], found: Candidates) -> dict[str, float]:
        """A sentence's own similarity counts by how much text backs it: short lines are not evidence of fit."""
        return shrink_short(dense, dict(zip(dense, _token_counts(found, list(dense), self.lexical))))

    @staticmethod
    def _evidence_first(fused: list[tuple[str, float]], found: Candidates) -> list[tuple[str, float]]:
        """Captions, bylines and credits never take an answer's place (stable: evidence first, then the rest)."""
        return sorted(fused, key=lambda pair: found.records[pair[0]].kind != "text")

    def _features(self, question: str, vector: np.ndarray, found: Candidates) -> dict[str, dict[str, float]]:
        """Every candidate read in its context: its own, its previous sentence's, its chunk's and its title's
        similarity to the question, dense and lexical (see CONTEXT_FEATURES)."""
        return context_features(question, vector, found, self.store, self.lexical)

    def _second_stage(self, found: Candidates, rerank: bool, english: bool) -> Reranker | None:
        """The reranker for this question, if any: the English one for English, the Vietnamese one for Vietnamese."""
        if not rerank:
            return None
        if english:
            return self.english_reranker
        return self.reranker if found.language.language in self.rerank_languages else None

    def _weighted(
        self, question: str, found: Candidates, language: QueryLanguage, k: int, reranker: Reranker | None
    ) -> tuple[list[tuple[str, float]], dict[str, float]]:
        fused, features, weights = self._fused(found, language)
        if reranker is not None:
            head = fused[: max(reranker.depth, k)]
            views = self.candidate_views(question, head, features, found, language)
            log_odds = reranker.score(feature_matrix(views))
            found.rerank = {key: float(v) for (key, _), v in zip(head, log_odds)}
            fused = self._reordered(fused, len(head), reranker.order(views, log_odds), found)
        return fused[:k], weights

    def _fused(
        self, found: Candidates, language: QueryLanguage
    ) -> tuple[list[tuple[str, float]], dict[str, dict[str, float]], dict[str, float]]:
        """Every candidate by the weighted sum of its CONTEXT_FEATURES, the features it was summed from, the weights."""
        base = self.english_weights if language.language == "en" else self.feature_weights
        weights = {name: base.get(name, 0.0) * _side(name, language) for name in CONTEXT_FEATURES}
        features = dict(found.features)
        if "dense_sentence" in features:
            features["dense_sentence"] = self._own_evidence(features["dense_sentence"], found)
        fused = score_fuse([features.get(name, {}) for name in CONTEXT_FEATURES], list(weights.values()))
        return self._evidence_first(fused, found), features, weights

    def rerank_inputs(self, question: str, found: Candidates, depth: int) -> tuple[list[str], list[CandidateView]]:
        """The fused best `depth` candidates' keys and what the reranker reads of them (bench/fit_rerank.py)."""
        fused, features, _ = self._fused(found, found.language)
        head = fused[:depth]
        return [key for key, _ in head], self.candidate_views(question, head, features, found, found.language)

    def candidate_views(
        self,
        question: str,
        fused: Sequence[tuple[str, float]],
        features: Mapping[str, Mapping[str, float]],
        found: Candidates,
        language: QueryLanguage,
    ) -> list[CandidateView]:
        """What the reranker reads of the fused best (exposed for bench/fit_rerank.py)."""
        normalised = {name: _min_max(features.get(name, {})) for name in CONTEXT_FEATURES}
        records = [found.records[key] for key, _ in fused]
        texts = [r.text for r in records]
        before = [found.previous.get(key, "") for key, _ in fused]  # read once by context_features
        n = len(texts)
        if self.lexical is not None:
            # the sentences and the ones before them are indexed rows, read from the postings; each pair is
            # their union (the reranker reads its word share, which a word pair across the joint cannot change)
            at = [(r.doc_id, r.index, r.text) for r in records] + [(r.doc_id, r.index - 1, p) for r, p in zip(records, before)]
            pairs = [(n + i, i) for i in range(n)]
            shares = self.lexical.coverage(question, texts + before, self.lexical.rows_of(at), pairs)
        else:
            shares = [(0.0, 0.0)] * (3 * n)
        own, previous, joined = shares[:n], shares[n : 2 * n], shares[2 * n :]
        words = _token_counts(found, [key for key, _ in fused], self.lexical)
        return [
            CandidateView(
                context=[normalised[name].get(key, 0.0) * _side(name, language) for name in CONTEXT_FEATURES],
                fused=score,
                words=words[i],
                index=record.index,
                is_evidence=record.kind == "text",
                coverage=own[i],
                coverage_previous=previous[i],
                coverage_with_previous=joined[i][0],
            )
            for i, ((key, score), record) in enumerate(zip(fused, records))
        ]

    def _fetch_missing_chunks(self, fused: list[tuple[str, float]], found: Candidates) -> None:
        missing = [found.records[key].chunk_id for key, _ in fused if found.records[key].chunk_id not in found.chunks]
        if missing:
            for fetched in self.store.get_chunks(list(dict.fromkeys(c for c in missing if c))):
                found.chunks[fetched.chunk_id] = fetched

    def _hit(self, key: str, score: float, found: Candidates, weights: dict[str, float], scope: _Scope) -> Hit:
        record = found.records[key]
        info = scope.info(record.doc_id)
        assert info is not None  # only committed articles entered the rankings
        hit_chunk = found.chunks.get(record.chunk_id)
        own = found.dense.get(key)
        context = found.chunk_similarity.get(record.chunk_id)
        components = {
            "fused": score,
            "dense_weight": weights["dense_sentence"],
            "lexical_weight": weights["lexical"],
        }
        for name, values in found.features.items():
            if key in values:
                components[name] = values[key]
        if own is not None:
            components["dense_sentence"] = own
        if context is not None:
            components["dense_chunk"] = context
        if key in found.lexical:
            components["lexical"] = found.lexical[key]
        if key in found.rerank:
            components["rerank"] = found.rerank[key]
        if key in found.cross_encoder:
            components["cross_encoder"] = found.cross_encoder[key]
        return Hit(
            doc_id=record.doc_id,
            sentence_index=record.index,
            start=record.start,
            end=record.end,
            sentence=record.text,
            chunk_id=record.chunk_id,
            score=score,
            title=info.title,
            date=info.date,
            source=info.source,
            dense_score=own if own is not None else context,
            lexical_score=found.lexical.get(key),
            context=hit_chunk.text if hit_chunk is not None else record.text,
            scores=components,
            evidence=record.kind == "text",
        )
