"""Phrases the labour press writes interchangeably for one thing (paraphrases.tsv): a text that writes one says the
others too ("xuất khẩu lao động" is "đưa lao động đi làm việc ở nước ngoài")."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_phrase_table
from answer.language import tokens


@functools.cache
def paraphrase_rows() -> tuple[tuple[str, ...], ...]:
    """Each row's phrases, the first one first; a phrase in two rows, or not lower case, is an error."""
    rows = tuple((phrase, *others) for phrase, others in read_phrase_table("paraphrases.tsv").items())
    phrases = [phrase for row in rows for phrase in row]
    if len(phrases) != len(set(phrases)) or any(p != p.lower() for p in phrases):
        raise ValueError("paraphrases.tsv: a phrase is listed twice or not in lower case")
    return rows


@functools.cache
def _phrasings() -> tuple[tuple[str, str], ...]:
    """Each phrase as its tokens joined by spaces (padded), and the other phrasings of its row; longest first."""
    out = []
    for row in paraphrase_rows():
        for phrase in row:
            out.append((f" {' '.join(tokens(phrase))} ", " ".join(p for p in row if p != phrase)))
    return tuple(sorted(out, key=lambda item: -len(item[0])))


@functools.lru_cache(maxsize=1 << 12)  # an answer reads the same sentence and paragraph many times
def said_otherwise(text: str) -> str:
    """The other phrasings of every phrase a text writes, once each, joined by spaces; "" when it writes none."""
    read = f" {' '.join(tokens(text))} "
    seen: dict[str, None] = {}
    for phrase, others in _phrasings():
        if phrase in read:
            seen.setdefault(others)
    return " ".join(seen)
