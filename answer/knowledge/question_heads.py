"""Words that bound the head noun of a Vietnamese "bao nhiêu" question, its verbs of change, and the words its subject
skips (question_heads.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows

_KINDS = ("stop", "modifier", "change", "skip")


@functools.cache
def question_heads() -> dict[str, frozenset[str]]:
    """kind ("stop", "modifier", "change", "skip") -> its words (lower case, with marks); a bad row is an error naming it."""
    out: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    for word, kind in read_rows("question_heads.tsv", 2):
        if kind not in out or not word or " " in word or word != word.lower() or word in out[kind]:
            raise ValueError(f"question_heads.tsv: bad or repeated row {word!r} {kind!r}")
        out[kind].add(word)
    return {kind: frozenset(words) for kind, words in out.items()}
