"""Where a counted noun ends, and the units of measure that are a figure's whole unit (unit_words.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import word_kinds


@functools.cache
def unit_words() -> dict[str, frozenset[str]]:
    """kind ("stop", "measure") -> its words; a bad or repeated row is an error naming it."""
    return word_kinds("unit_words.tsv", ("stop", "measure"), one_kind_per_word=True)
