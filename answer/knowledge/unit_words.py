"""Where a counted noun ends, and the units of measure that are a figure's whole unit (unit_words.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows


@functools.cache
def unit_words() -> dict[str, frozenset[str]]:
    """kind ("stop", "measure") -> its words; a bad or repeated row is an error naming it."""
    out: dict[str, set[str]] = {"stop": set(), "measure": set()}
    seen: set[str] = set()
    for word, kind in read_rows("unit_words.tsv", 2):
        if kind not in out or not word or " " in word or word != word.lower() or word in seen:
            raise ValueError(f"unit_words.tsv: bad or repeated row {word!r} {kind!r}")
        seen.add(word)
        out[kind].add(word)
    return {kind: frozenset(words) for kind, words in out.items()}
