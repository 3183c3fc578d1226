"""Incremental ingestion: files -> articles -> sentences and chunks -> vectors -> the store.

Keyed by content: a file whose bytes are unchanged is not even parsed; an article whose clean text
and metadata are unchanged is not embedded again; a changed one replaces its old version atomically.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from errors import UnreadableDocument
from index.embedders import Embedder
from index.models import IngestFailure, IngestReport
from index.store import ChromaStore, PreparedArticle
from ingest.chunker import Chunker
from ingest.models import Article
from ingest.readers import iter_source_files, read_articles
from ingest.sentences import SentenceSplitter

logger = logging.getLogger(__name__)

# (files done, files total, current file)
ProgressFn = Callable[[int, int, str], None]
# (articles, sentences) just committed: throughput for progress reports
CommitFn = Callable[[int, int], None]


@dataclass
class IngestOutcome:
    """The report plus which articles changed, so derived caches can be updated incrementally."""

    report: IngestReport
    written: list[str] = field(default_factory=list)  # doc ids added or replaced
    removed: list[str] = field(default_factory=list)  # doc ids deleted (pruned or gone from their file)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class _Pending:
    article: Article
    file_hash: str
    file_articles: int
    replaces: bool


class Ingestor:
    """Brings the store in line with a set of files; `ingest` is the one verb."""

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        splitter: SentenceSplitter,
        chunker: Chunker,
        *,
        batch_sentences: int = 512,
        max_file_mb: float | None = None,
        on_commit: CommitFn | None = None,
    ) -> None:
        """Args:
        max_file_mb: files larger than this are refused (listed as failures), None for no limit.
        on_commit: told the articles and sentences of each committed batch.
        """
        if batch_sentences < 1:
            raise ValueError("batch_sentences must be at least 1")
        if max_file_mb is not None and max_file_mb <= 0:
            raise ValueError("max_file_mb must be positive (or None for no limit)")
        self.store = store
        self.embedder = embedder
        self.splitter = splitter
        self.chunker = chunker
        self.batch_sentences = batch_sentences
        self.max_file_mb = max_file_mb
        self.on_commit = on_commit

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: ProgressFn | None = None
    ) -> IngestOutcome:
        """Ingest files and folders (recursively); with prune, drop articles whose files are gone."""
        started = time.perf_counter()
        self.store.refresh()
        self.store.clean_orphans()
        roots = [Path(p).resolve() for p in paths]
        for root in roots:
            if not root.exists():
                raise FileNotFoundError(f"No such file or folder: {root}")

        # source_path -> {doc_id: (file hash, articles in the file)}
        by_source: dict[str, dict[str, tuple[str, int]]] = {}
        for info in self.store.documents():
            by_source.setdefault(info.source_path, {})[info.doc_id] = ("", 0)
        for doc_id, recorded in self.store.file_hashes().items():
            stored = self.store.document(doc_id)
            if stored is not None:
                by_source.setdefault(stored.source_path, {})[doc_id] = recorded

        files: list[tuple[Path, Path]] = []
        for root in roots:
            base = root if root.is_dir() else root.parent
            files.extend((f, base) for f in iter_source_files([root]))

        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        failures: list[IngestFailure] = []
        outcome = IngestOutcome(report=IngestReport())
        seen_sources: set[str] = set()
        seen_docs: dict[str, str] = {}
        pending: list[_Pending] = []
        pending_sentences = 0
        totals = {"chunks": 0, "sentences": 0}

        for done, (path, base) in enumerate(files):
            source_key = str(path)
            seen_sources.add(source_key)
            if progress:
                progress(done, len(files), path.name)
            try:
                self._check_size(path)
                file_hash = file_sha256(path)
                known = by_source.get(source_key, {})
                # unchanged and complete: an interrupted run may have stored only part of a JSONL file
                # (0 = an index written before counts were recorded: trust the hash as it did)
                if known and all(h == file_hash and n in (0, len(known)) for h, n in known.values()):
                    counts["unchanged"] += len(known)
                    seen_docs.update({d: source_key for d in known})
                    continue
                articles = read_articles(path, base)
            except UnreadableDocument as exc:
                failures.append(IngestFailure(str(path), exc.reason))
                continue
            except OSError as exc:
                failures.append(IngestFailure(str(path), exc.strerror or str(exc)))
                continue
            except Exception as exc:  # a reader bug must not cost the other files
                logger.exception("Unexpected error reading %s", path)
                failures.append(IngestFailure(str(path), f"unexpected error: {exc}"))
                continue

            produced: set[str] = set()
            for position, article in enumerate(articles, 1):
                if article.doc_id in seen_docs and seen_docs[article.doc_id] != source_key:
                    failures.append(
                        IngestFailure(
                            str(path),
                            f"document id {article.doc_id!r} is already used by {seen_docs[article.doc_id]}",
                        )
                    )
                    continue
                seen_docs[article.doc_id] = source_key
                produced.add(article.doc_id)
                existing = self.store.document(article.doc_id)
                if existing is not None and existing.content_hash == article.content_hash:
                    counts["unchanged"] += 1
                    continue
                pending.append(_Pending(article, file_hash, len(articles), replaces=existing is not None))
                pending_sentences += max(1, len(article.text) // 120)
                if pending_sentences >= self.batch_sentences:
                    # inside the file: a JSONL of thousands of articles commits (and shows progress) as it goes
                    self._flush(pending, counts, totals, outcome)
                    pending, pending_sentences = [], 0
                    if progress and len(articles) > 1:
                        progress(done, len(files), f"{path.name}: {position}/{len(articles)} articles")
            # records a changed file no longer holds (a JSONL line removed) go with it
            vanished = [d for d in known if d not in produced]
            if vanished:
                outcome.removed.extend(vanished)
                self.store.delete(vanished)
        self._flush(pending, counts, totals, outcome)

        if prune:
            gone = [
                info.doc_id
                for info in self.store.documents()
                if info.source_path not in seen_sources
                and (not Path(info.source_path).exists() or _under_any(Path(info.source_path), roots))
            ]
            if gone:
                self.store.delete(gone)
                outcome.removed.extend(gone)
        if progress:
            progress(len(files), len(files), "")
        outcome.report = IngestReport(
            added=counts["added"],
            unchanged=counts["unchanged"],
            replaced=counts["replaced"],
            removed=len(outcome.removed),
            failed=tuple(failures),
            chunks=totals["chunks"],
            sentences=totals["sentences"],
            seconds=time.perf_counter() - started,
        )
        return outcome

    def _check_size(self, path: Path) -> None:
        size_mb = path.stat().st_size / (1024 * 1024)
        if self.max_file_mb is not None and size_mb > self.max_file_mb:
            raise UnreadableDocument(str(path), f"file too large ({size_mb:.3g} MB; the limit is {self.max_file_mb:g} MB)")

    def _flush(
        self,
        pending: list[_Pending],
        counts: dict[str, int],
        totals: dict[str, int],
        outcome: IngestOutcome,
    ) -> None:
        if not pending:
            return
        split = []
        texts: list[str] = []
        for item in pending:
            sentences = self.splitter.split(item.article.text, item.article.doc_id)
            chunks = self.chunker.split(sentences)
            split.append((item, sentences, chunks, len(texts)))
            texts.extend(s.text for s in sentences)
        vectors = self.embedder.embed_passages(texts)
        prepared = []
        for item, sentences, chunks, offset in split:
            prepared.append(
                PreparedArticle(
                    article=item.article,
                    sentences=sentences,
                    chunks=chunks,
                    sentence_vectors=vectors[offset : offset + len(sentences)],
                    file_hash=item.file_hash,
                    file_articles=item.file_articles,
                )
            )
            totals["chunks"] += len(chunks)
            totals["sentences"] += len(sentences)
            counts["replaced" if item.replaces else "added"] += 1
        self.store.write(prepared)
        outcome.written.extend(p.article.doc_id for p in prepared)
        logger.info("committed %s documents (%s sentences)", len(prepared), len(texts))
        if self.on_commit:
            self.on_commit(len(prepared), len(texts))


def _under_any(path: Path, roots: Sequence[Path]) -> bool:
    return any(root == path or root in path.parents for root in roots)
