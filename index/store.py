"""The persistent corpus: articles, sentences and chunks in Chroma (chunks through llama-index).

Three collections share one prefix:
- `<prefix>_documents`: one record per article; its document is the clean text, its metadata the
  article's metadata and the *committed version* (content hash). This record is the commit marker.
- `<prefix>_sentences`: one vector per sentence (each sentence is embedded exactly once).
- `<prefix>_chunks`: llama-index TextNodes of sentence windows; a chunk's vector is the normalised
  mean of its sentences' vectors, so chunks cost no embedding time.
- `<prefix>_titles`: one vector per article title (context for its sentences' scores).

Sentences and chunks carry their article's date (`date`, ISO prefix, and `date_num`, YYYYMMDD as an int
with 00 for an unknown month or day, because Chroma compares numbers only) and `source`, so date and
source filters run inside the vector queries. An index written before those fields existed is
"legacy": it still answers, but filters need a rebuild (`legacy_documents`).

Sentence and chunk ids carry the article version, so a new version is written beside the old one
and becomes visible only when the document record switches to it; readers filter on the committed
version. A crash at any point leaves the previous committed state readable.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from errors import ConfigurationError, EmbeddingModelMismatch, IndexNotBuiltError
from index.models import ChunkRecord, DocumentInfo, SearchFilters, SentenceRecord
from ingest.models import Article, Chunk, Sentence

logger = logging.getLogger(__name__)

_GET_PAGE = 5000  # Chroma get() page size; bounded so huge corpora never load in one call
_WRITE_BATCH = 4000  # below Chroma's max batch size
_TITLE_CACHE = 50000  # title vectors a store remembers (~75 MB) before it forgets them all
_SCHEMA = 2  # documents written with date/source metadata on their sentences and chunks (and a title vector)


def date_number(date: str | None) -> int | None:
    """An ISO date prefix as YYYYMMDD ("2022-06" -> 20220600, "2022" -> 20220000); None when unknown."""
    if not date:
        return None
    parts = date.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 0
        day = int(parts[2][:2]) if len(parts) > 2 else 0
    except ValueError:
        return None
    return year * 10000 + month * 100 + day


def chroma_where(filters: SearchFilters | None) -> dict[str, Any] | None:
    """The Chroma `where` clause of search filters on sentence and chunk metadata; None for no filter."""
    if filters is None or filters.is_empty():
        return None
    clauses: list[dict[str, Any]] = []
    if filters.since:
        clauses.append({"date_num": {"$gte": date_number(filters.since)}})
    if filters.until:
        clauses.append({"date_num": {"$lte": date_number(filters.until)}})
    if filters.source:
        clauses.append({"source": filters.source})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(info: DocumentInfo, filters: SearchFilters | None) -> bool:
    """Whether an article passes the filters (the same rule as chroma_where, on DocumentInfo)."""
    if filters is None or filters.is_empty():
        return True
    if filters.source and info.source != filters.source:
        return False
    if filters.since or filters.until:
        number = date_number(info.date)
        if number is None:
            return False
        if filters.since and number < (date_number(filters.since) or 0):
            return False
        if filters.until and number > (date_number(filters.until) or 0):
            return False
    return True


def _filter_metadata(article: Article) -> dict[str, Any]:
    """The article fields every sentence and chunk record carries for filtering (absent when unknown)."""
    meta: dict[str, Any] = {}
    number = date_number(article.date)
    if number is not None and article.date:
        meta["date"] = article.date
        meta["date_num"] = number
    if article.source:
        meta["source"] = article.source
    return meta


def version_of(content_hash: str) -> str:
    """The short version tag stored in record ids."""
    return content_hash[:16]


def sentence_record_id(doc_id: str, version: str, index: int) -> str:
    return f"{doc_id}@{version}#s{index}"


def chunk_record_id(doc_id: str, version: str, index: int) -> str:
    return f"{doc_id}@{version}#c{index}"


def title_record_id(doc_id: str, version: str) -> str:
    return f"{doc_id}@{version}#t"


@dataclass(frozen=True)
class PreparedArticle:
    """An article with its sentences, chunks and sentence vectors, ready to be written."""

    article: Article
    sentences: Sequence[Sentence]
    chunks: Sequence[Chunk]
    sentence_vectors: np.ndarray  # (len(sentences), dim), L2-normalised
    file_hash: str  # hash of the source file's bytes: lets unchanged files skip parsing
    file_articles: int = 1  # how many articles that file holds: a file is complete when all are stored
    title_vector: np.ndarray | None = None  # (dim,), L2-normalised; None when the article has no title


def embedded_index_exists(index_dir: Path) -> bool:
    """Whether index_dir holds an embedded Chroma database (checked without creating one)."""
    return (_chroma_path(index_dir) / "chroma.sqlite3").is_file()


def _chroma_path(index_dir: Path) -> Path:
    return index_dir / "chroma"


def make_chroma_client(index_dir: Path | None, chroma_url: str | None) -> Any:
    """An embedded persistent client in index_dir, or an HTTP client for a Chroma server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        parsed = urlparse(chroma_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ConfigurationError(f"LABOUR_QA_CHROMA_URL must look like http://host:port, got {chroma_url!r}")
        return chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=chroma_settings,
        )
    if index_dir is None:
        raise ConfigurationError("An index directory is needed when no Chroma server is configured")
    index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(_chroma_path(index_dir)), settings=chroma_settings)


# How many neighbours Chroma's HNSW explores per query (its default is 100). Chroma keeps up to 1,000 recent additions
# per collection in its log and re-inserts them into the graph when a process opens the index, in parallel, so each
# process may build a slightly different graph; with 100 a query for a labour question missed its best chunk in one
# process out of two (2,912 chunks, 749 articles) while 300 found it in every one. Query-time only: widening an
# existing index's search is a configuration change, no rebuild.
SEARCH_EF = 400


def _widen_search(collection: Any) -> None:
    """Raise an existing collection's HNSW search breadth to SEARCH_EF (indexes built before it searched 100)."""
    hnsw = (getattr(collection, "configuration_json", None) or {}).get("hnsw") or {}
    if hnsw.get("ef_search", SEARCH_EF) >= SEARCH_EF:
        return
    try:
        collection.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
    except Exception as exc:  # a read-only index still answers, with the narrower search
        logger.warning("Could not widen the search of %s: %s", collection.name, exc)


class ChromaStore:
    """Reads and writes the three collections; knows nothing about files or embedding models."""

    def __init__(
        self,
        client: Any,
        *,
        prefix: str,
        embedding_model: str,
        dim: int,
        create: bool = True,
    ) -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        if not prefix:
            raise ValueError("prefix must not be empty")
        self.client = client
        self.prefix = prefix
        self.embedding_model = embedding_model
        self.dim = dim
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        existing = f"{prefix}_sentences" in names
        if not existing and not create:
            raise IndexNotBuiltError("No index has been built here yet: run `labour-qa ingest PATH` first.")
        identity = {"embedding_model": embedding_model, "dim": dim}
        cosine = {"hnsw": {"space": "cosine", "ef_search": SEARCH_EF}}
        # embedding_function=None everywhere: Chroma's default function would download an ONNX model
        self._sentences = client.get_or_create_collection(
            f"{prefix}_sentences", embedding_function=None, configuration=cosine, metadata=identity
        )
        self._check_identity(self._sentences.metadata or {})
        self._chunks = client.get_or_create_collection(
            f"{prefix}_chunks", embedding_function=None, configuration=cosine, metadata=identity
        )
        self._documents = client.get_or_create_collection(
            f"{prefix}_documents", embedding_function=None, metadata={"role": "documents"}
        )
        self._titles = client.get_or_create_collection(
            f"{prefix}_titles", embedding_function=None, configuration=cosine, metadata=identity
        )
        for collection in (self._sentences, self._chunks, self._titles):
            _widen_search(collection)
        self.chunk_store = ChromaVectorStore(chroma_collection=self._chunks)
        self._committed: dict[str, DocumentInfo] | None = None
        self._title_cache: dict[str, np.ndarray] = {}  # title record id (names the version) -> vector
        self._legacy: set[str] = set()

    def _check_identity(self, metadata: dict[str, Any]) -> None:
        built_with = metadata.get("embedding_model")
        if built_with and built_with != self.embedding_model:
            raise EmbeddingModelMismatch(
                f"This index was built with the embedding model {built_with!r}, but the configured model is "
                f"{self.embedding_model!r}. Use the same model (LABOUR_QA_EMBEDDER / LABOUR_QA_EMBEDDING_MODEL), "
                "or rebuild the index with `labour-qa ingest PATH --rebuild` (or point LABOUR_QA_INDEX_DIR "
                "at a new folder)."
            )

    # ---- committed documents -------------------------------------------------------------

    def _load_documents(self) -> dict[str, DocumentInfo]:
        if self._committed is None:
            documents: dict[str, DocumentInfo] = {}
            legacy: set[str] = set()
            for ids, metadatas, _ in self._get_all(self._documents, include=["metadatas"]):
                for doc_id, meta in zip(ids, metadatas):
                    documents[doc_id] = _document_info(doc_id, meta)
                    if int(meta.get("schema", 1) or 1) < _SCHEMA:
                        legacy.add(doc_id)
            self._committed, self._legacy = documents, legacy
        return self._committed

    def refresh(self) -> None:
        """Forget cached document state (another process may have written)."""
        self._committed = None

    def documents(self) -> list[DocumentInfo]:
        """Committed articles, sorted by date (newest first) then title."""
        docs = list(self._load_documents().values())
        docs.sort(key=lambda d: (d.title.casefold(), d.doc_id))
        docs.sort(key=lambda d: d.date or "", reverse=True)
        return docs

    def has_documents(self) -> bool:
        """Whether any article is committed (asked before every search: no sorting)."""
        return bool(self._load_documents())

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self._load_documents().get(doc_id)

    def sources(self) -> list[str]:
        """The distinct sources of committed articles, sorted."""
        return sorted({d.source for d in self._load_documents().values() if d.source}, key=str.casefold)

    def legacy_documents(self) -> int:
        """How many committed articles were written before sentences carried date and source metadata."""
        self._load_documents()
        return len(self._legacy)

    def matching_documents(self, filters: SearchFilters | None) -> set[str]:
        """Ids of the committed articles that pass the filters."""
        return {doc_id for doc_id, info in self._load_documents().items() if matches(info, filters)}

    def file_hashes(self) -> dict[str, tuple[str, int]]:
        """doc_id -> (hash of the source file bytes it was read from, articles in that file; 0 if not recorded)."""
        result: dict[str, tuple[str, int]] = {}
        for ids, metadatas, _ in self._get_all(self._documents, include=["metadatas"]):
            for doc_id, meta in zip(ids, metadatas):
                result[doc_id] = (str(meta.get("file_hash", "")), int(meta.get("file_articles", 0) or 0))
        return result

    def article_text(self, doc_id: str) -> str:
        got = self._documents.get(ids=[doc_id], include=["documents"])
        if not got["ids"]:
            raise KeyError(doc_id)
        return got["documents"][0] or ""

    def fingerprint(self) -> str:
        """Changes whenever the committed corpus changes; keys derived caches like the lexical index."""
        digest = hashlib.sha256(self.embedding_model.encode())
        for doc_id, info in sorted(self._load_documents().items()):
            digest.update(f"{doc_id}\0{version_of(info.content_hash)}\n".encode())
        return digest.hexdigest()

    def is_committed(self, doc_id: str, record_id: str) -> bool:
        """True when a sentence/chunk record belongs to the committed version of its article."""
        info = self._load_documents().get(doc_id)
        return info is not None and f"@{version_of(info.content_hash)}#" in record_id

    # ---- writes ---------------------------------------------------------------------------

    def write(self, prepared: Sequence[PreparedArticle]) -> None:
        """Write new versions of articles; each becomes visible atomically when its record commits."""
        if not prepared:
            return
        sentence_rows: list[tuple[str, list[float], str, dict[str, Any]]] = []
        nodes = []
        for item in prepared:
            version = version_of(item.article.content_hash)
            # leftovers of this same version from an interrupted run would collide with the new ids
            self._sentences.delete(where={"$and": [{"doc_id": item.article.doc_id}, {"version": version}]})
            self._chunks.delete(where={"$and": [{"doc_id": item.article.doc_id}, {"version": version}]})
            chunk_of = {}
            for chunk in item.chunks:
                for sentence in chunk.sentences:
                    chunk_of[sentence.index] = chunk_record_id(item.article.doc_id, version, chunk.index)
            for sentence, vector in zip(item.sentences, item.sentence_vectors):
                sentence_rows.append(
                    (
                        sentence_record_id(item.article.doc_id, version, sentence.index),
                        vector.tolist(),
                        sentence.text,
                        {
                            "doc_id": item.article.doc_id,
                            "version": version,
                            "index": sentence.index,
                            "start": sentence.start,
                            "end": sentence.end,
                            "chunk_id": chunk_of.get(sentence.index, ""),
                            "kind": sentence.kind,
                            **_filter_metadata(item.article),
                        },
                    )
                )
            nodes.extend(self._chunk_nodes(item, version))
        for start in range(0, len(sentence_rows), _WRITE_BATCH):
            batch = sentence_rows[start : start + _WRITE_BATCH]
            self._sentences.add(
                ids=[r[0] for r in batch],
                embeddings=[r[1] for r in batch],
                documents=[r[2] for r in batch],
                metadatas=[r[3] for r in batch],
            )
        if nodes:
            self.chunk_store.add(nodes)
        titled = [p for p in prepared if p.title_vector is not None]
        if titled:
            self._titles.upsert(
                ids=[title_record_id(p.article.doc_id, version_of(p.article.content_hash)) for p in titled],
                embeddings=[np.asarray(p.title_vector, dtype=np.float32).tolist() for p in titled],
                metadatas=[{"doc_id": p.article.doc_id, "version": version_of(p.article.content_hash)} for p in titled],
            )
        # the commit: each document record now names the new version
        self._documents.upsert(
            ids=[p.article.doc_id for p in prepared],
            embeddings=[[1.0] for _ in prepared],
            documents=[p.article.text for p in prepared],
            metadatas=[_document_metadata(p) for p in prepared],
        )
        for item in prepared:
            self._delete_versions_except(item.article.doc_id, version_of(item.article.content_hash))
        self._committed = None

    def _chunk_nodes(self, item: PreparedArticle, version: str) -> list[Any]:
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        position = {s.index: i for i, s in enumerate(item.sentences)}
        nodes = []
        for chunk in item.chunks:
            rows = [position[s.index] for s in chunk.sentences]
            mean = item.sentence_vectors[rows].mean(axis=0)
            mean = mean / max(float(np.linalg.norm(mean)), 1e-12)
            node = TextNode(
                id_=chunk_record_id(item.article.doc_id, version, chunk.index),
                text=item.article.text[chunk.start : chunk.end],
                embedding=mean.tolist(),
                start_char_idx=chunk.start,
                end_char_idx=chunk.end,
                metadata={
                    "doc_id": item.article.doc_id,
                    "version": version,
                    "index": chunk.index,
                    "spans": json.dumps([[s.index, s.start, s.end] for s in chunk.sentences]),
                    "kinds": json.dumps({s.index: s.kind for s in chunk.sentences if s.kind != "text"}),
                    **_filter_metadata(item.article),
                },
            )
            # sets the `document_id` metadata llama-index uses for delete(ref_doc_id)
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=item.article.doc_id)
            nodes.append(node)
        return nodes

    def _delete_versions_except(self, doc_id: str, version: str) -> None:
        where = {"$and": [{"doc_id": doc_id}, {"version": {"$ne": version}}]}
        self._sentences.delete(where=where)
        self._chunks.delete(where=where)
        self._titles.delete(where=where)

    def delete(self, doc_ids: Iterable[str]) -> int:
        """Remove articles: the document record first, so a crash never leaves a half-visible article."""
        doc_ids = list(doc_ids)
        if not doc_ids:
            return 0
        self._documents.delete(ids=doc_ids)
        for doc_id in doc_ids:
            self._sentences.delete(where={"doc_id": doc_id})
            self.chunk_store.delete(ref_doc_id=doc_id)
            self._titles.delete(where={"doc_id": doc_id})
        self._committed = None
        return len(doc_ids)

    def clean_orphans(self) -> int:
        """Delete sentence/chunk records of uncommitted versions left by an interrupted run."""
        committed = self._load_documents()
        expected = sum(d.n_sentences for d in committed.values())
        if self._sentences.count() == expected:
            return 0  # the common case: nothing was interrupted, no scan needed
        orphans: list[str] = []
        for ids, _, _ in self._get_all(self._sentences, include=[]):
            for record_id in ids:
                doc_id = record_id.rsplit("@", 1)[0]
                if not self.is_committed(doc_id, record_id):
                    orphans.append(record_id)
        for start in range(0, len(orphans), _WRITE_BATCH):
            self._sentences.delete(ids=orphans[start : start + _WRITE_BATCH])
        chunk_orphans: list[str] = []
        for ids, _, _ in self._get_all(self._chunks, include=[]):
            for record_id in ids:
                doc_id = record_id.rsplit("@", 1)[0]
                if not self.is_committed(doc_id, record_id):
                    chunk_orphans.append(record_id)
        for start in range(0, len(chunk_orphans), _WRITE_BATCH):
            self._chunks.delete(ids=chunk_orphans[start : start + _WRITE_BATCH])
        if orphans or chunk_orphans:
            logger.info("Removed %s sentence and %s chunk records of interrupted writes", len(orphans), len(chunk_orphans))
        return len(orphans) + len(chunk_orphans)

    # ---- reads ----------------------------------------------------------------------------

    def query_sentences(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> list[SentenceRecord]:
        """Nearest committed sentences by cosine similarity, among those matching `where` (see chroma_where)."""
        if k <= 0 or not self._load_documents():  # cached, unlike count(): no round trip per query
            return []
        result = self._sentences.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
            n_results=k,
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        records = []
        for record_id, text, meta, distance in zip(
            result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0]
        ):
            if self.is_committed(str(meta["doc_id"]), record_id):
                records.append(_sentence_record(text, meta, similarity=1.0 - float(distance)))
        return records

    def query_chunks(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> list[ChunkRecord]:
        """Nearest committed chunks by cosine similarity (matching `where`), through llama-index's Chroma store."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        if k <= 0 or not self._load_documents():  # cached, unlike count(): no round trip per query
            return []
        result = self.chunk_store.query(
            VectorStoreQuery(query_embedding=np.asarray(vector, dtype=np.float32).tolist(), similarity_top_k=k),
            where=where,
        )
        records = []
        for node, similarity in zip(result.nodes or [], result.similarities or []):
            doc_id = str(node.metadata["doc_id"])
            if self.is_committed(doc_id, node.node_id):
                # llama-index reports exp(-distance); cosine distance = 1 - similarity
                cosine = 1.0 + float(np.log(max(similarity, 1e-12)))
                records.append(_chunk_record(node.node_id, node.get_content(), node.metadata, cosine))
        return records

    def get_chunks(self, chunk_ids: list[str]) -> list[ChunkRecord]:
        """Chunks by id, in the order asked; unknown ids are skipped."""
        if not chunk_ids:
            return []
        nodes = self.chunk_store.get_nodes(node_ids=list(dict.fromkeys(chunk_ids)))
        by_id = {n.node_id: _chunk_record(n.node_id, n.get_content(), n.metadata, None) for n in nodes}
        return [by_id[c] for c in chunk_ids if c in by_id]

    def sentence_context(
        self, keys: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], tuple[str, np.ndarray]]:
        """(doc_id, sentence index) -> (text, vector) of committed sentences; unknown keys are absent."""
        ids = []
        for doc_id, index in dict.fromkeys(keys):
            info = self.document(doc_id)
            if info is not None and index >= 0:
                ids.append(sentence_record_id(doc_id, version_of(info.content_hash), index))
        if not ids:
            return {}
        got = self._sentences.get(ids=ids, include=["documents", "metadatas", "embeddings"])
        return {
            (str(meta["doc_id"]), int(meta["index"])): (text or "", np.asarray(vector, dtype=np.float32))
            for text, meta, vector in zip(got["documents"], got["metadatas"], got["embeddings"])
        }

    def title_vectors(self, doc_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """doc id -> its title's vector, for committed articles that have one (legacy indexes have none).

        Remembered by record id, which names the article's version, so a replaced article is never read stale.
        """
        wanted: dict[str, str] = {}
        for doc_id in dict.fromkeys(doc_ids):
            info = self.document(doc_id)
            if info is not None:
                wanted[title_record_id(doc_id, version_of(info.content_hash))] = doc_id
        missing = [record_id for record_id in wanted if record_id not in self._title_cache]
        if missing:
            got = self._titles.get(ids=missing, include=["embeddings"])
            if len(self._title_cache) + len(got["ids"]) > _TITLE_CACHE:
                self._title_cache = {}
            for record_id, vector in zip(got["ids"], got["embeddings"]):
                self._title_cache[str(record_id)] = np.asarray(vector, dtype=np.float32)
        return {doc_id: self._title_cache[r] for r, doc_id in wanted.items() if r in self._title_cache}

    def iter_sentences(self) -> Iterator[SentenceRecord]:
        """Every committed sentence (for rebuilding the lexical index)."""
        for ids, metadatas, documents in self._get_all(self._sentences, include=["metadatas", "documents"]):
            for record_id, meta, text in zip(ids, metadatas, documents):
                if self.is_committed(str(meta["doc_id"]), record_id):
                    yield _sentence_record(text, meta, similarity=None)

    def sentences_of(self, doc_id: str) -> list[SentenceRecord]:
        """The committed sentences of one article, in order."""
        info = self.document(doc_id)
        if info is None:
            return []
        got = self._sentences.get(
            where={"$and": [{"doc_id": doc_id}, {"version": version_of(info.content_hash)}]},
            include=["metadatas", "documents"],
        )
        records = [_sentence_record(t, m, None) for t, m in zip(got["documents"], got["metadatas"])]
        return sorted(records, key=lambda r: r.index)

    def counts(self) -> dict[str, int]:
        return {
            "documents": self._documents.count(),
            "sentences": self._sentences.count(),
            "chunks": self._chunks.count(),
        }

    @staticmethod
    def _get_all(collection: Any, include: list[str]) -> Iterator[tuple[list[str], list[Any], list[Any]]]:
        offset = 0
        while True:
            got = collection.get(include=include, limit=_GET_PAGE, offset=offset)
            ids = got["ids"]
            if not ids:
                return
            metadatas = got.get("metadatas") or [{}] * len(ids)
            documents = got.get("documents") or [""] * len(ids)
            yield ids, metadatas, documents
            if len(ids) < _GET_PAGE:
                return
            offset += len(ids)


def _document_metadata(item: PreparedArticle) -> dict[str, Any]:
    article = item.article
    meta: dict[str, Any] = {
        "title": article.title,
        "source_path": article.source_path,
        "content_hash": article.content_hash,
        "file_hash": item.file_hash,
        "file_articles": item.file_articles,
        "n_sentences": len(item.sentences),
        "n_chars": len(article.text),
        "schema": _SCHEMA,
    }
    # Chroma metadata cannot hold None: unknown fields are simply absent
    for key in ("date", "source", "author", "url"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    return meta


def _document_info(doc_id: str, meta: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        doc_id=doc_id,
        title=str(meta.get("title", "")),
        source_path=str(meta.get("source_path", "")),
        content_hash=str(meta.get("content_hash", "")),
        n_sentences=int(meta.get("n_sentences", 0)),
        n_chars=int(meta.get("n_chars", 0)),
        date=meta.get("date") or None,
        source=meta.get("source") or None,
        author=meta.get("author") or None,
        url=meta.get("url") or None,
    )


def _sentence_record(text: str | None, meta: dict[str, Any], similarity: float | None) -> SentenceRecord:
    return SentenceRecord(
        doc_id=str(meta["doc_id"]),
        index=int(meta["index"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=text or "",
        chunk_id=str(meta.get("chunk_id", "")),
        similarity=similarity,
        kind=str(meta.get("kind", "text")),
    )


def _chunk_record(chunk_id: str, text: str, meta: dict[str, Any], similarity: float | None) -> ChunkRecord:
    spans = tuple(tuple(int(x) for x in span) for span in json.loads(meta.get("spans", "[]")))
    return ChunkRecord(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        text=text,
        sentence_spans=spans,  # type: ignore[arg-type]
        similarity=similarity,
        kinds={int(index): str(kind) for index, kind in json.loads(meta.get("kinds", "{}")).items()},
    )
