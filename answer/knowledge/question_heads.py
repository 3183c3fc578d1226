"""Words that bound the head noun of a Vietnamese "bao nhiêu" question, its verbs of change, and the words its subject
skips (question_heads.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import word_kinds

_KINDS = ("stop", "modifier", "change", "skip")


@functools.cache
def question_heads() -> dict[str, frozenset[str]]:
    """kind ("stop", "modifier", "change", "skip") -> its words (lower case, with marks); a bad row is an error naming it."""
    return word_kinds("question_heads.tsv", _KINDS, one_kind_per_word=False)
