"""Hybrid retrieval: dense sentences, dense chunks (context evidence) and BM25 sentences, fused."""

from __future__ import annotations

import logging
import unicodedata
from typing import Protocol

import numpy as np

from index.embedders import Embedder
from index.fusion import rrf_fuse, score_fuse, shrink_short
from index.lexical import LexicalIndex, tokenize
from index.models import ChunkRecord, DocumentInfo, Hit, SentenceRecord
from index.query_language import QueryLanguage, assess_query

logger = logging.getLogger(__name__)


class SentenceStore(Protocol):
    """The store reads retrieval needs (ChromaStore provides them; tests use an in-memory fake)."""

    def query_sentences(self, vector: np.ndarray, k: int) -> list[SentenceRecord]: ...

    def query_chunks(self, vector: np.ndarray, k: int) -> list[ChunkRecord]: ...

    def get_chunks(self, chunk_ids: list[str]) -> list[ChunkRecord]: ...

    def document(self, doc_id: str) -> DocumentInfo | None: ...


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
    ) -> None:
        """Args:
        dense_candidates / lexical_candidates / chunk_candidates: how many each side returns.
        expand_chunks: the sentences of this many best chunks join the candidates even when neither
            sentence-level side found them (an answer sentence can be plain while its paragraph matches).
        dense_weight / chunk_weight / lexical_weight: fusion weights; the lexical one is further scaled
            by how Vietnamese the query looks to the index (see index.query_language).
        fusion: "scores" (weighted sum of min-max normalised scores) or "rrf" (weighted reciprocal rank
            fusion with constant rrf_k). On ViNewsQA + Baomoi distractors "scores" found the right
            article first 2 points more often and the answer sentence 2.5 points more often than
            "rrf", because it keeps a BM25 match that is far ahead of the rest far ahead.
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
        return assess_query(self.lexical.overlap(question), words)

    def search(self, question: str, k: int = 8) -> list[Hit]:
        """The k best sentences of committed articles for the question, best first."""
        question = unicodedata.normalize("NFC", question).strip()
        if not question or k <= 0:
            return []
        vector = self.embedder.embed_queries([question])[0]
        committed: dict[str, DocumentInfo | None] = {}

        def is_committed(doc_id: str) -> bool:
            # the lexical cache or a half-written store may name articles that are not (or no longer) committed
            if doc_id not in committed:
                committed[doc_id] = self.store.document(doc_id)
            return committed[doc_id] is not None

        records: dict[str, SentenceRecord] = {}
        dense_similarity: dict[str, float] = {}
        dense_ranking: list[str] = []
        for record in self.store.query_sentences(vector, self.dense_candidates) if self.dense_candidates else []:
            if not is_committed(record.doc_id):
                continue
            key = sentence_key(record.doc_id, record.index)
            records.setdefault(key, record)
            if key not in dense_similarity:
                dense_similarity[key] = float(record.similarity if record.similarity is not None else 0.0)
                dense_ranking.append(key)

        chunks: dict[str, ChunkRecord] = {}
        chunk_similarity: dict[str, float] = {}
        for rank, chunk in enumerate(self.store.query_chunks(vector, self.chunk_candidates) if self.chunk_candidates else []):
            if not is_committed(chunk.doc_id) or chunk.chunk_id in chunks:
                continue
            chunks[chunk.chunk_id] = chunk
            chunk_similarity[chunk.chunk_id] = float(chunk.similarity if chunk.similarity is not None else 0.0)
            if rank < self.expand_chunks:
                for record in sentences_of_chunk(chunk):
                    records.setdefault(sentence_key(record.doc_id, record.index), record)

        lexical_score: dict[str, float] = {}
        lexical_ranking: list[str] = []
        language = self.assess(question)
        if self.lexical is not None and self.lexical_candidates:
            for record, score in self.lexical.search(question, self.lexical_candidates):
                if not is_committed(record.doc_id):
                    continue
                key = sentence_key(record.doc_id, record.index)
                records.setdefault(key, record)
                if key not in lexical_score:
                    lexical_score[key] = score
                    lexical_ranking.append(key)

        # context evidence: a sentence inherits its chunk's similarity; within a chunk, its own decides
        context_ranking = sorted(
            (key for key, record in records.items() if record.chunk_id in chunk_similarity),
            key=lambda key: (
                -chunk_similarity[records[key].chunk_id],
                -dense_similarity.get(key, -1.0),
                -lexical_score.get(key, 0.0),
                key,
            ),
        )
        weights = (
            self.dense_weight * language.dense_weight,
            self.chunk_weight * language.dense_weight,
            self.lexical_weight * language.lexical_weight,
        )
        # a sentence's own similarity counts by how much text backs it: short lines are not evidence of fit
        own_evidence = shrink_short(
            dense_similarity, {key: len(tokenize(records[key].text).stream) for key in dense_similarity}
        )
        if self.fusion == "rrf":
            dense_order = sorted(dense_ranking, key=lambda key: -own_evidence[key])
            fused = rrf_fuse([dense_order, context_ranking, lexical_ranking], weights, k=self.rrf_k)
        else:
            context_scores = {key: chunk_similarity[records[key].chunk_id] for key in context_ranking}
            fused = score_fuse([own_evidence, context_scores, lexical_score], weights)
        # captions, bylines and credits never take an answer's place (stable: evidence first, then the rest)
        fused = sorted(fused, key=lambda pair: records[pair[0]].kind != "text")[:k]

        missing = [records[key].chunk_id for key, _ in fused if records[key].chunk_id not in chunks]
        if missing:
            for fetched in self.store.get_chunks(list(dict.fromkeys(c for c in missing if c))):
                chunks[fetched.chunk_id] = fetched

        hits = []
        for key, score in fused:
            record = records[key]
            info = committed[record.doc_id]
            assert info is not None  # only committed articles entered the rankings
            hit_chunk = chunks.get(record.chunk_id)
            own = dense_similarity.get(key)
            context = chunk_similarity.get(record.chunk_id)
            components = {"fused": score, "dense_weight": weights[0], "lexical_weight": weights[2]}
            if own is not None:
                components["dense_sentence"] = own
            if context is not None:
                components["dense_chunk"] = context
            if key in lexical_score:
                components["lexical"] = lexical_score[key]
            hits.append(
                Hit(
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
                    lexical_score=lexical_score.get(key),
                    context=hit_chunk.text if hit_chunk is not None else record.text,
                    scores=components,
                    evidence=record.kind == "text",
                )
            )
        logger.debug(
            "search %r: language=%s lexical_weight=%.2f dense=%d chunks=%d lexical=%d",
            question,
            language.language,
            weights[2],
            len(dense_ranking),
            len(chunks),
            len(lexical_ranking),
        )
        return hits
