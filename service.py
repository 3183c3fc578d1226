"""The product facade the CLI and the UI share: corpus management, search and grounded answers.

Built from Settings by app.py; it wires the stages (ingest -> index -> answer) together and keeps the
derived lexical index in step with the Chroma store.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import re
import threading
import time
import unicodedata
import weakref
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from answer.citations import verify_citation
from answer.models import MAX_QUESTION_CHARS, Answer, Turn
from errors import IndexNotBuiltError, InvalidQuestion
from index.embedders import Embedder, make_embedder
from index.ingestion import CommitFn, Ingestor, IngestOutcome
from index.lexical import LexicalIndex
from index.lock import IndexLock
from index.models import DocumentInfo, Hit, IngestReport, ProgressFn, SearchFilters
from index.retriever import HybridRetriever
from index.store import ChromaStore, embedded_index_exists, make_chroma_client
from ingest.chunker import Chunker
from ingest.sentences import SentenceSplitter
from ingest.vietnamese import fold, has_diacritics
from settings import SAMPLE_CORPUS_DIR, Settings

if TYPE_CHECKING:  # answerers load lazily: the CLI's ingest and search never need them
    from answer.extractive import ExtractiveAnswerer
    from answer.followup import FollowUpResolver
    from answer.learned import LearnedAnswerer
    from answer.llm import LLMAnswerer
    from index.cross_encoder import CrossEncoderScorer

logger = logging.getLogger(__name__)

# A question naming a person: how many of the retrieved articles that name them are searched again, alone, and how
# many of their best sentences join the hits
_NAMED_ARTICLES = 2
_NAMED_ARTICLE_HITS = 6


def _settle() -> None:
    """Move what is alive now (the imported libraries, the loaded index) out of the cyclic GC's sight.

    A serving process holds ~190k long-lived tracked objects (Chroma, llama-index, the answerers' tables); a full
    collection walks them all, and asking allocates enough to start one about once per hundred questions: a
    ~200 ms stall of that question at 10k articles. Frozen objects are still freed by reference counting.
    """
    gc.collect()
    gc.freeze()


def checked_question(question: str) -> str:
    """The question in NFC without surrounding space; an empty or over-long one is an InvalidQuestion."""
    question = unicodedata.normalize("NFC", question).strip()
    if not question:
        raise InvalidQuestion("The question is empty.")
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"The question is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. Ask it shorter."
        )
    return question


def _index_lock(settings: Settings) -> IndexLock | None:
    """This process's hold on an embedded index, which one process at a time writes (index/lock.py); None for a
    Chroma server, which orders the writes itself."""
    return None if settings.chroma_url else IndexLock(settings.index_dir)


def _writing(lock: IndexLock | None) -> AbstractContextManager[None]:
    """The index alone for a write under its hold; nothing to take for a Chroma server."""
    return lock.writing() if lock is not None else nullcontext()


class LabourQA:
    """One open index plus the stages that read and answer from it. Thread-safe for the UI."""

    def __init__(self, settings: Settings, *, embedder: Embedder | None = None, create: bool = True) -> None:
        """Open the index; with create=False a missing index is an IndexNotBuiltError and nothing is written."""
        self.settings = settings
        self._cross_encoder()  # a LABOUR_QA_RERANKER that cannot load fails here, not at the first question
        if not create and not settings.chroma_url and not embedded_index_exists(settings.index_dir):
            raise IndexNotBuiltError(
                f"No index in {settings.index_dir}: build one with `labour-qa ingest PATH --index {settings.index_dir}`."
            )
        self.embedder = embedder or make_embedder(
            settings.embedder, settings.embedding_model, settings.embed_batch_size, settings.embed_threads
        )
        self._index_lock = _index_lock(settings)
        if self._index_lock is not None:
            weakref.finalize(self, self._index_lock.close)
        try:
            self._client = make_chroma_client(settings.index_dir, settings.chroma_url)
            self.store = ChromaStore(
                self._client,
                prefix=settings.collection_prefix,
                embedding_model=self.embedder.name,
                dim=self.embedder.dim,
                create=create,
            )
        except BaseException:
            self.close()
            raise
        settings.index_dir.mkdir(parents=True, exist_ok=True)  # also holds the lexical cache in server mode
        self._lock = threading.RLock()  # writes (ingest/delete) exclude each other and lexical swaps
        self._lexical: LexicalIndex | None = None
        self._checked_at = time.monotonic()
        self._answerer: ExtractiveAnswerer | LearnedAnswerer | None = None
        self._llm_answerer: LLMAnswerer | None = None
        self._resolver: FollowUpResolver | None = None

    def close(self) -> None:
        """Let other processes write the index (the process also lets go when this object is collected or ends)."""
        if self._index_lock is not None:
            self._index_lock.close()

    # ---- corpus -----------------------------------------------------------------------------

    @property
    def lexical_path(self) -> Path:
        """The lexical cache lives beside Chroma; for a server, keyed by its URL and collection."""
        if self.settings.chroma_url:
            key = hashlib.sha256(f"{self.settings.chroma_url}|{self.settings.collection_prefix}".encode())
            return self.settings.index_dir / f"lexical-{key.hexdigest()[:12]}.pkl"
        return self.settings.index_dir / f"lexical-{self.settings.collection_prefix}.pkl"

    def _ingestor(self, max_file_mb: float | None, on_commit: CommitFn | None) -> Ingestor:
        count_tokens = getattr(self.embedder, "count_tokens", None)
        return Ingestor(
            self.store,
            self.embedder,
            SentenceSplitter(),
            Chunker(max_tokens=self.settings.chunk_max_tokens, count_tokens=count_tokens),
            batch_sentences=self.settings.ingest_batch_sentences,
            max_file_mb=max_file_mb,
            on_commit=on_commit,
        )

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: ProgressFn | None = None,
        max_file_mb: float | None = None,
        on_commit: CommitFn | None = None,
    ) -> IngestReport:
        """Add, replace (and with prune, remove) articles from files and folders.

        Args:
            max_file_mb: refuse larger files (reported in the failures), None for no limit.
            on_commit: called with (articles, sentences) after each committed batch. An exception it (or
                `progress`) raises, e.g. errors.IngestCancelled, stops the run between two batches: the
                batches already committed stay, whole, and the lexical cache is re-derived from Chroma.
        """
        with self._lock, _writing(self._index_lock):
            try:
                outcome = self._ingestor(max_file_mb, on_commit).ingest(paths, prune=prune, progress=progress)
            except BaseException:
                self._lexical = None  # batches committed before the stop are in Chroma: re-derive it from there
                raise
            self._update_lexical(outcome)
            return outcome.report

    def ensure_sample_corpus(
        self, progress: ProgressFn | None = None, on_commit: CommitFn | None = None
    ) -> IngestReport | None:
        """On first run, index the bundled sample articles; None when the index already has articles."""
        if self.store.documents():
            return None
        return self.ingest([SAMPLE_CORPUS_DIR], progress=progress, on_commit=on_commit)

    @staticmethod
    def drop_index(settings: Settings) -> None:
        """Delete the whole index (e.g. to change embedding model) without opening it."""
        lock = _index_lock(settings)
        try:
            with _writing(lock):
                client = make_chroma_client(settings.index_dir, settings.chroma_url)
                for suffix in ("sentences", "chunks", "documents", "titles"):
                    name = f"{settings.collection_prefix}_{suffix}"
                    if name in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
                        client.delete_collection(name)
                for path in settings.index_dir.glob("lexical-*.pkl"):
                    path.unlink(missing_ok=True)
        finally:
            if lock is not None:
                lock.close()

    def documents(self) -> list[DocumentInfo]:
        self.store.refresh()
        return self.store.documents()

    def article_text(self, doc_id: str) -> str:
        return self.store.article_text(doc_id)

    def _article_or_nothing(self, doc_id: str) -> str:
        """An indexed article's text for the answerer; "" when it was deleted while a question was answered."""
        try:
            return self.store.article_text(doc_id)
        except KeyError:
            return ""

    def delete(self, doc_id: str) -> None:
        with self._lock, _writing(self._index_lock):
            if self.store.document(doc_id) is None:
                raise KeyError(doc_id)
            self.store.delete([doc_id])
            self._update_lexical(IngestOutcome(report=IngestReport(), removed=[doc_id]))

    # ---- lexical cache ----------------------------------------------------------------------

    def _update_lexical(self, outcome: IngestOutcome) -> None:
        if not outcome.written and not outcome.removed and self._lexical is not None:
            return
        lexical = self._load_lexical(rebuild_if_stale=False)
        fingerprint = self.store.fingerprint()
        if lexical is None:
            lexical = self._rebuild_lexical(fingerprint)
        else:
            for doc_id in {*outcome.written, *outcome.removed}:
                lexical.remove_doc(doc_id)
            for doc_id in dict.fromkeys(outcome.written):
                lexical.add(self.store.sentences_of(doc_id))
            lexical.fingerprint = fingerprint
            lexical.save(self.lexical_path)
        self._lexical = lexical
        _settle()

    def _load_lexical(self, *, rebuild_if_stale: bool) -> LexicalIndex | None:
        if self._lexical is not None and self._lexical.fingerprint == self.store.fingerprint():
            return self._lexical
        lexical: LexicalIndex | None = None
        if self.lexical_path.exists():
            try:
                lexical = LexicalIndex.load(self.lexical_path)
            except Exception as exc:  # a corrupt or old-format cache is rebuilt, never fatal
                logger.warning("Lexical index cache unreadable (%s); rebuilding it", exc)
        if lexical is not None and lexical.fingerprint == self.store.fingerprint():
            return lexical
        if rebuild_if_stale:
            return self._rebuild_lexical(self.store.fingerprint())
        return lexical

    def _rebuild_lexical(self, fingerprint: str) -> LexicalIndex:
        started = time.perf_counter()
        lexical = LexicalIndex.build_from(self.store.iter_sentences(), fingerprint)
        lexical.save(self.lexical_path)
        logger.info("Rebuilt the lexical index in %.1f s", time.perf_counter() - started)
        return lexical

    def _current_lexical(self) -> LexicalIndex:
        """The lexical index in use, loaded on first need (the periodic refresh in _search keeps it current)."""
        return self._lexical if self._lexical is not None else self.lexical()

    def lexical(self) -> LexicalIndex:
        """The lexical index, loaded from its cache or rebuilt from Chroma when missing or stale."""
        with self._lock:
            self.store.refresh()
            lexical = self._load_lexical(rebuild_if_stale=True)
            assert lexical is not None
            if lexical is not self._lexical:
                self._lexical = lexical
                _settle()
            return lexical

    # ---- search and answers -----------------------------------------------------------------

    def _require_documents(self) -> None:
        if not self.store.has_documents():
            raise IndexNotBuiltError(
                "The index holds no articles yet: run `labour-qa ingest PATH` (or `python app.py`)."
            )

    def sources(self) -> list[str]:
        """The distinct sources of the indexed articles, sorted (for a source filter's choices)."""
        self.store.refresh()
        return self.store.sources()

    def search(self, question: str, k: int | None = None, filters: SearchFilters | None = None) -> list[Hit]:
        """Ranked sentences for a question (hybrid dense + lexical), restricted by filters inside retrieval.

        An empty or over-long question is refused."""
        return self._search(self.with_marks(checked_question(question)), k, filters)

    def with_marks(self, question: str) -> str:
        """A Vietnamese question typed without marks, with the marks the indexed articles make most likely ("hoc phi
        bao nhieu" -> "học phí bao nhiêu"); any other question unchanged. Retrieval's lexical side matches unmarked
        words anyway, but the embedding and the answerer read the marks."""
        from answer.language import detect_language

        if has_diacritics(question) or detect_language(question) != "vi" or not self.store.has_documents():
            return question
        from answer.knowledge.units import counted_syllables

        return self._current_lexical().restore_marks(question, counted_syllables())

    def _search(
        self, question: str, k: int | None, filters: SearchFilters | None = None, within: frozenset[str] | None = None
    ) -> list[Hit]:
        if time.monotonic() - self._checked_at > self.settings.index_refresh_s:
            # another instance (shared Chroma server) or process may have changed the corpus; not while
            # an ingest runs here (it holds the lock for as long as it takes, and updates lexical itself)
            if self._lock.acquire(blocking=False):
                try:
                    self._checked_at = time.monotonic()
                    self._lexical = self.lexical()
                finally:
                    self._lock.release()
        self._require_documents()
        lexical = self._current_lexical()
        reranker = "shipped" if self.settings.rerank == "learned" else None
        retriever = HybridRetriever(
            self.store,
            self.embedder,
            lexical,
            reranker=reranker,
            english_reranker=reranker,
            cross_encoder=self._cross_encoder(),
        )
        # English questions have their own reranker (index/rerank.py): the question's language, not its search
        # text's, picks it (the glossary's Vietnamese phrases make most English search texts look Vietnamese)
        from answer.language import detect_language

        english = detect_language(question) == "en"
        query = self._retrieval_query(question)
        return retriever.search(query, k or self.settings.top_k, filters=filters, english=english, within=within)

    def _cross_encoder(self) -> CrossEncoderScorer | None:
        if self.settings.reranker is None:
            return None
        from index.cross_encoder import load_cross_encoder

        return load_cross_encoder(str(self.settings.reranker))

    def _retrieval_query(self, question: str) -> str:
        """The search text: each answerer pairs with its own way of adding Vietnamese to English questions, and an
        English question's Vietnamese names typed without marks ("Nguyen Danh Tai", "Dong Trieu") are added with
        the marks the indexed articles make most likely: the glossary's phrases mark the search text, and a marked
        text is matched as written, so the lexical side would never match the names as typed."""
        if self.settings.answerer == "learned":
            from answer.question import retrieval_query
        else:
            from answer.qtypes import retrieval_query
        query = retrieval_query(question)
        from answer.constraints import question_unmarked_names
        from answer.language import detect_language

        if detect_language(question) != "en" or not self.store.has_documents():
            return query
        lexical = self._current_lexical()
        marked = (lexical.restore_marks(name) for name in question_unmarked_names(question))
        added = [name for name in dict.fromkeys(marked) if has_diacritics(name) and name not in query]
        return f"{query} {' '.join(added)}" if added else query

    def corpus_mentions(self, entity_id: str) -> bool:
        """Whether any indexed sentence names this gazetteer entity (a place, a country, a body), by any alias.

        A sentence that names it matches every syllable of an alias, so it ranks among that alias's lexical hits.
        """
        from answer.knowledge.gazetteer import Gazetteer

        gazetteer = Gazetteer.load()
        entity = gazetteer.entities[entity_id]
        lexical = self._current_lexical()
        for alias in dict.fromkeys((entity.name_vi, *entity.aliases_vi)):
            for record, _ in lexical.search(alias, 50):
                if entity_id in {m.entity_id for m in gazetteer.mentions(record.text)}:
                    return True
        return False

    def corpus_names(self, name: str) -> bool:
        """Whether any indexed sentence names this place or person: a gazetteer entity by any of its aliases
        (so "Ho Chi Minh City" finds "TP.HCM"), anything else as written, diacritics aside."""
        from answer.constraints import mentions_name, mentions_place, names_foreign_place
        from answer.knowledge.foreign_places import foreign_place
        from answer.knowledge.gazetteer import Gazetteer

        entities = {m.entity_id for m in Gazetteer.load().mentions(name)}
        if entities and any(self.corpus_mentions(entity_id) for entity_id in entities):
            return True
        lexical = self._current_lexical()
        written = [record.text for record, _ in lexical.search(name, 50)]  # the sentences that write it, if any do
        # a name of several words that one sentence writes apart still names it ("Agribank Tây Sơn" in "Agribank
        # chi nhánh Tây Sơn"): "nothing about X" must be true
        plain = (lambda text: text) if has_diacritics(name) else fold  # "Đặng Nam" is no "đang ... năm"
        words = set(re.findall(r"\w+", plain(unicodedata.normalize("NFC", name)).lower()))
        if len(words) > 1 and any(words <= set(re.findall(r"\w+", plain(text).lower())) for text in written):
            return True
        if entities:
            return False
        place = foreign_place(name)
        if place is not None:  # "Moscow" is written "Mát-xcơ-va", a city also named by its country
            if place.country is not None and self.corpus_mentions(place.country):
                return True
            return any(
                names_foreign_place(place, record.text) for form in place.vietnamese for record, _ in lexical.search(form, 50)
            )
        return any(mentions_place(name, text) or mentions_name(name, text) for text in written)

    def _answerers(self) -> tuple[Any, Any]:
        if self._answerer is None:
            from answer.followup import FollowUpResolver

            if self.settings.answerer == "learned":
                from answer.learned import LearnedAnswerer

                self._answerer = LearnedAnswerer(
                    threshold=self.settings.answer_threshold,
                    corpus_mentions=self.corpus_mentions,
                    clock=self.settings.today_date,  # read per answer: a server outlives a day
                )
            else:
                from answer.extractive import (
                    DEFAULT_MIN_CONFIDENCE,
                    DEFAULT_MIN_SENTENCE_CONFIDENCE,
                    ExtractiveAnswerer,
                )

                threshold = self.settings.answer_threshold  # one floor for every answer when the site sets it
                self._answerer = ExtractiveAnswerer(
                    clock=self.settings.today_date,
                    corpus_names=self.corpus_names,
                    article_text=self._article_or_nothing,
                    min_confidence=DEFAULT_MIN_CONFIDENCE if threshold is None else threshold,
                    min_sentence_confidence=DEFAULT_MIN_SENTENCE_CONFIDENCE if threshold is None else threshold,
                )
            self._resolver = FollowUpResolver()
            if self.settings.answer_mode == "llm":
                from answer.llm import LLMAnswerer, make_llm

                llm = make_llm(
                    self.settings.llm_provider,
                    self.settings.llm_base_url,
                    self.settings.llm_model,
                    self.settings.llm_api_key.get_secret_value(),
                    self.settings.llm_timeout_s,
                )
                self._llm_answerer = LLMAnswerer(llm, self._answerer)
            _settle()  # the answerers' modules and tables are long-lived too
        return self._resolver, self._llm_answerer or self._answerer

    def ask(self, question: str, history: Sequence[Turn] = (), filters: SearchFilters | None = None) -> Answer:
        """A grounded answer; follow-ups are resolved against the conversation first; filters restrict the evidence."""
        question = checked_question(question)
        started = time.perf_counter()
        resolver, answerer = self._answerers()
        # marks first: the follow-up resolver reads the words of a marked question
        resolved = resolver.resolve(self.with_marks(question), history)
        # resolved may grow past the user's limit
        hits = self._search(resolved, max(self.settings.top_k, 12), filters)
        hits = self._with_named_people(resolved, hits, filters)
        retrieved = time.perf_counter()
        if not hits and filters is not None and not filters.is_empty() and not self.store.matching_documents(filters):
            answer = self._no_articles_in(filters, resolved)  # "not found" would blame the articles, not the filters
        else:
            answer = answerer.answer(resolved, hits)
        answered = time.perf_counter()
        answer = self._verified(answer)
        return dataclasses.replace(
            answer,
            question=question,
            resolved_question=resolved if resolved != question else None,
            filters=filters.as_dict() if filters is not None else {},
            timings_ms={
                **answer.timings_ms,
                "retrieval": round((retrieved - started) * 1000, 1),
                "answer": round((answered - retrieved) * 1000, 1),
                "total": round((time.perf_counter() - started) * 1000, 1),
            },
        )

    def _with_named_people(self, question: str, hits: list[Hit], filters: SearchFilters | None) -> list[Hit]:
        """hits, then the best sentences of the retrieved articles that name a person the question names, searched
        within those articles: a report about someone names them once or twice and goes on with "anh", "ông ấy" or
        the given name ("Cơ sở của anh giải quyết việc làm ổn định cho 5 lao động"), sentences that the question's
        name does not lift into the hits. The extra hits follow the others, so they rank last."""
        from answer.constraints import mentions_name
        from answer.qtypes import analyse_question, vietnamese_names

        people = vietnamese_names(analyse_question(question))
        if not people or not hits:
            return hits
        read: set[str] = set()
        named: list[str] = []
        for hit in hits:
            if len(named) == _NAMED_ARTICLES:
                break
            if hit.doc_id in read:
                continue
            read.add(hit.doc_id)
            text = self._article_or_nothing(hit.doc_id)  # "" for one deleted since the search
            if any(mentions_name(name, text) for name in people):
                named.append(hit.doc_id)
        if not named:
            return hits
        seen = {(h.doc_id, h.sentence_index) for h in hits}
        extra = self._search(question, _NAMED_ARTICLE_HITS, filters, within=frozenset(named))
        return [*hits, *(h for h in extra if (h.doc_id, h.sentence_index) not in seen)]

    def _no_articles_in(self, filters: SearchFilters, question: str) -> Answer:
        """The answer when no indexed article passes the filters: says so, and how many undated articles a date
        bound left out."""
        from answer.language import detect_language, message

        language = detect_language(question)
        text = message(language, "no_articles_in_filters")
        if filters.since or filters.until:
            undated = sum(1 for d in self.store.documents() if not d.date)
            if undated:
                text += message(language, "undated_left_out", count=str(undated))
        return Answer(question=question, answer=text, found=False, language=language)

    def _verified(self, answer: Answer) -> Answer:
        """Every citation must be its document's text at its offsets; anything else is dropped loudly."""
        texts: dict[str, str] = {}

        def holds(citation: Any) -> bool:
            if citation.doc_id not in texts:
                texts[citation.doc_id] = self.store.article_text(citation.doc_id)
            ok = verify_citation(citation, texts[citation.doc_id])
            if not ok:
                logger.error("Dropped a citation that is not verbatim in %s: %r", citation.doc_id, citation.sentence)
            return ok

        citations = tuple(c for c in answer.citations if holds(c))
        related = tuple(c for c in answer.related if holds(c))
        if answer.found and not citations:
            from answer.language import detect_language, message

            not_found = message(answer.language or detect_language(answer.question), "not_found")
            return dataclasses.replace(answer, answer=not_found, found=False, citations=(), related=related, extracted=None)
        return dataclasses.replace(answer, citations=citations, related=related)
