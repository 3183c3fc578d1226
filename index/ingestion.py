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
from index.models import IngestFailure, IngestReport, ProgressFn
from index.store import ChromaStore, PreparedArticle
from ingest.chunker import Chunker
from ingest.models import Article, Sentence
from ingest.readers import iter_source_files, read_articles
from ingest.sentences import SentenceSplitter

logger = logging.getLogger(__name__)

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
    sentences: list[Sentence]  # split when queued: a batch holds as many sentences as it says


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
        roots = _existing_roots(paths)
        run = _Run(known=self._known_by_source(), progress=progress)
        files = _source_files(roots)
        for done, (path, base) in enumerate(files):
            run.report_progress(done, len(files), path.name)
            self._ingest_file(path, base, run, done, len(files))
        self._flush(run)
        if prune:
            self._prune(roots, run)
        run.report_progress(len(files), len(files), "")
        run.outcome.report = run.report(time.perf_counter() - started)
        return run.outcome

    # ---- the steps of ingest ---------------------------------------------------------------------

    def _known_by_source(self) -> dict[str, dict[str, tuple[str, int]]]:
        """source_path -> {doc_id: (file hash, articles in the file)} of what the store holds."""
        by_source: dict[str, dict[str, tuple[str, int]]] = {}
        for info in self.store.documents():
            by_source.setdefault(info.source_path, {})[info.doc_id] = ("", 0)
        for doc_id, recorded in self.store.file_hashes().items():
            stored = self.store.document(doc_id)
            if stored is not None:
                by_source.setdefault(stored.source_path, {})[doc_id] = recorded
        return by_source

    def _ingest_file(self, path: Path, base: Path, run: _Run, done: int, total: int) -> None:
        """Read one file and queue its new or changed articles; unchanged files are not even parsed."""
        source_key = str(path)
        run.seen_sources.add(source_key)
        known = run.known.get(source_key, {})
        try:
            self._check_size(path)
            file_hash = file_sha256(path)
            # unchanged and complete: an interrupted run may have stored only part of a JSONL file
            # (0 = an index written before counts were recorded: trust the hash as it did)
            if known and all(h == file_hash and n in (0, len(known)) for h, n in known.values()):
                run.counts["unchanged"] += len(known)
                run.seen_docs.update({d: source_key for d in known})
                return
            articles = read_articles(path, base)
        except UnreadableDocument as exc:
            run.failures.append(IngestFailure(str(path), exc.reason))
            return
        except OSError as exc:
            run.failures.append(IngestFailure(str(path), exc.strerror or str(exc)))
            return
        except Exception as exc:  # a reader bug must not cost the other files
            logger.exception("Unexpected error reading %s", path)
            run.failures.append(IngestFailure(str(path), f"unexpected error: {exc}"))
            return
        produced = self._queue_articles(path, articles, file_hash, run, done, total)
        # records a changed file no longer holds (a JSONL line removed) go with it
        vanished = [d for d in known if d not in produced]
        if vanished:
            run.outcome.removed.extend(vanished)
            self.store.delete(vanished)

    def _queue_articles(
        self, path: Path, articles: Sequence[Article], file_hash: str, run: _Run, done: int, total: int
    ) -> set[str]:
        """Queue the file's new and changed articles, committing batch by batch; returns the ids it holds."""
        source_key = str(path)
        produced: set[str] = set()
        for position, article in enumerate(articles, 1):
            owner = run.seen_docs.get(article.doc_id)
            if owner is not None and owner != source_key:
                run.failures.append(
                    IngestFailure(str(path), f"document id {article.doc_id!r} is already used by {owner}")
                )
                continue
            run.seen_docs[article.doc_id] = source_key
            produced.add(article.doc_id)
            existing = self.store.document(article.doc_id)
            if existing is not None and existing.content_hash == article.content_hash:
                run.counts["unchanged"] += 1
                continue
            sentences = self.splitter.split(article.text, article.doc_id)
            run.pending.append(_Pending(article, file_hash, len(articles), existing is not None, sentences))
            run.pending_sentences += max(1, len(sentences))
            if run.pending_sentences >= self.batch_sentences:
                # inside the file: a JSONL of thousands of articles commits (and shows progress) as it goes
                self._flush(run)
                if len(articles) > 1:
                    run.report_progress(done, total, f"{path.name}: {position}/{len(articles)} articles")
        return produced

    def _prune(self, roots: Sequence[Path], run: _Run) -> None:
        """Drop articles whose files are gone (or no longer under the ingested folders)."""
        gone = [
            info.doc_id
            for info in self.store.documents()
            if info.source_path not in run.seen_sources
            and (not Path(info.source_path).exists() or _under_any(Path(info.source_path), roots))
        ]
        if gone:
            self.store.delete(gone)
            run.outcome.removed.extend(gone)

    def _flush(self, run: _Run) -> None:
        """Split, embed (sentences and titles in one batch) and commit the queued articles."""
        pending, run.pending, run.pending_sentences = run.pending, [], 0
        if not pending:
            return
        split = []
        texts: list[str] = []
        for item in pending:
            split.append((item, self.chunker.split(item.sentences), len(texts)))
            texts.extend(s.text for s in item.sentences)
        titles = [item.article.title.strip() for item in pending]
        vectors = self.embedder.embed_passages(texts + [t for t in titles if t])
        title_vectors = iter(vectors[len(texts) :])
        prepared = []
        for (item, chunks, offset), title in zip(split, titles):
            sentences = item.sentences
            prepared.append(
                PreparedArticle(
                    article=item.article,
                    sentences=sentences,
                    chunks=chunks,
                    sentence_vectors=vectors[offset : offset + len(sentences)],
                    file_hash=item.file_hash,
                    file_articles=item.file_articles,
                    title_vector=next(title_vectors) if title else None,
                )
            )
            run.totals["chunks"] += len(chunks)
            run.totals["sentences"] += len(sentences)
            run.counts["replaced" if item.replaces else "added"] += 1
        self.store.write(prepared)
        run.outcome.written.extend(p.article.doc_id for p in prepared)
        logger.info("committed %s documents (%s sentences)", len(prepared), len(texts))
        if self.on_commit:
            self.on_commit(len(prepared), len(texts))

    def _check_size(self, path: Path) -> None:
        size_mb = path.stat().st_size / (1024 * 1024)
        if self.max_file_mb is not None and size_mb > self.max_file_mb:
            raise UnreadableDocument(str(path), f"file too large ({size_mb:.3g} MB; the limit is {self.max_file_mb:g} MB)")


@dataclass
class _Run:
    """The state of one ingest call, shared by its steps."""

    known: dict[str, dict[str, tuple[str, int]]]
    progress: ProgressFn | None = None
    outcome: IngestOutcome = field(default_factory=lambda: IngestOutcome(report=IngestReport()))
    counts: dict[str, int] = field(default_factory=lambda: {"added": 0, "unchanged": 0, "replaced": 0})
    totals: dict[str, int] = field(default_factory=lambda: {"chunks": 0, "sentences": 0})
    failures: list[IngestFailure] = field(default_factory=list)
    seen_sources: set[str] = field(default_factory=set)
    seen_docs: dict[str, str] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)
    pending_sentences: int = 0

    def report_progress(self, done: int, total: int, current: str) -> None:
        if self.progress:
            self.progress(done, total, current)

    def report(self, seconds: float) -> IngestReport:
        return IngestReport(
            added=self.counts["added"],
            unchanged=self.counts["unchanged"],
            replaced=self.counts["replaced"],
            removed=len(self.outcome.removed),
            failed=tuple(self.failures),
            chunks=self.totals["chunks"],
            sentences=self.totals["sentences"],
            seconds=seconds,
        )


def _existing_roots(paths: Sequence[Path]) -> list[Path]:
    roots = [Path(p).resolve() for p in paths]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"No such file or folder: {root}")
    return roots


def _source_files(roots: Sequence[Path]) -> list[tuple[Path, Path]]:
    """(file, the folder its document ids are relative to) for every readable file under the roots."""
    files: list[tuple[Path, Path]] = []
    for root in roots:
        base = root if root.is_dir() else root.parent
        files.extend((f, base) for f in iter_source_files([root]))
    return files


def _under_any(path: Path, roots: Sequence[Path]) -> bool:
    return any(root == path or root in path.parents for root in roots)
