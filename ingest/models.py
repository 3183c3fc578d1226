"""The records the ingestion stage hands downstream; offsets index into Article.text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# what a sentence is: "text" states something (evidence); the others are kept for display only
SentenceKind = Literal["text", "caption", "byline", "credit", "fragment"]


@dataclass(frozen=True)
class Article:
    """One article: clean NFC text plus whatever metadata the article states (None when unknown)."""

    doc_id: str  # stable: derived from the source path (and the JSONL record id)
    text: str  # clean NFC text; every offset downstream points into it
    title: str
    source_path: str  # the file it came from (for JSONL: the .jsonl file)
    content_hash: str  # sha256 of text + metadata; drives incremental ingestion
    date: str | None = None  # ISO prefix: "2021-01-13", "2021-01" or "2022"
    source: str | None = None  # "LĐ online", "BTV", ...
    author: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of its article's clean text."""

    doc_id: str
    index: int  # position within the article, from 0
    start: int
    end: int
    text: str  # == article.text[start:end], kept for convenience
    kind: SentenceKind = "text"  # decided by ingest.line_kinds from the sentence's form


@dataclass(frozen=True)
class Chunk:
    """A window of whole consecutive sentences of one article."""

    doc_id: str
    index: int  # position within the article, from 0
    sentences: tuple[Sentence, ...]

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end
