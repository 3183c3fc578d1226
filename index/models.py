"""What retrieval returns: ranked sentences with their article's metadata and scores."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

# ingestion progress: (files done, files total, current file); the CLI and the UI draw it
ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DocumentInfo:
    """An indexed article's metadata, as stored in the index."""

    doc_id: str
    title: str
    source_path: str
    content_hash: str
    n_sentences: int
    n_chars: int
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_iso_date(value: str) -> bool:
    """Whether value is a real calendar date written YYYY-MM-DD, the only form the date filters take."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions applied inside retrieval (Chroma `where` and the lexical side), never after top-k.

    since/until are inclusive ISO dates (YYYY-MM-DD) on the article's publication date; an article with
    an unknown date is excluded as soon as either bound is set. source matches DocumentInfo.source exactly.
    """

    since: str | None = None
    until: str | None = None
    source: str | None = None

    def is_empty(self) -> bool:
        return self.since is None and self.until is None and self.source is None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("since", self.since), ("until", self.until), ("source", self.source)) if v}


@dataclass(frozen=True)
class Hit:
    """One retrieved sentence: where it is, what it says, and why it ranked."""

    doc_id: str
    sentence_index: int
    start: int
    end: int
    sentence: str
    chunk_id: str
    score: float  # fused score, higher is better; comparable within one search only
    title: str = ""
    date: str | None = None
    source: str | None = None
    dense_score: float | None = None  # cosine similarity of the sentence (or its chunk) to the query
    lexical_score: float | None = None
    context: str = ""  # the sentences around it (its chunk's text), for answer selection and display
    scores: dict[str, float] = field(default_factory=dict)
    # False for captions, bylines, credits and fragments (ingest.line_kinds): shown, never cited
    evidence: bool = True


@dataclass(frozen=True)
class SentenceRecord:
    """A stored sentence; `similarity` is set when it comes back from a vector query."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    chunk_id: str
    similarity: float | None = None
    kind: str = "text"  # ingest.models.SentenceKind; indexes written before kinds existed read as "text"


@dataclass(frozen=True)
class ChunkRecord:
    """A stored chunk: its text and the sentences it holds (index, start, end)."""

    chunk_id: str
    doc_id: str
    text: str
    sentence_spans: tuple[tuple[int, int, int], ...]  # (sentence index, start, end)
    similarity: float | None = None
    kinds: dict[int, str] = field(default_factory=dict)  # sentence index -> kind, for non-"text" sentences only


@dataclass(frozen=True)
class IngestFailure:
    path: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """What one ingestion run did."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    removed: int = 0
    failed: tuple[IngestFailure, ...] = ()
    chunks: int = 0
    sentences: int = 0
    seconds: float = 0.0


# How each candidate sentence is read: on its own, after its previous sentence, inside its chunk and under
# its article's title, each on the dense and the lexical side. The first sentence's previous one is the title.
CONTEXT_FEATURES = (
    "dense_sentence",
    "dense_chunk",
    "dense_previous",
    "dense_title",
    "lexical",
    "lexical_previous",
    "lexical_title",
)
