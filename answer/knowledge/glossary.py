"""The English -> Vietnamese domain glossary (glossary.tsv): how an English question's words are read.

English questions meet Vietnamese sentences only through it (and the gazetteer's names): its phrases join
the search text and are the terms an answer is matched on. The longest key on word boundaries wins; a word
that is no key is tried without its -s/-es/-ed/-ing (-ies -> y) ending (answer.qtypes).
"""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows, split_forms


@functools.cache
def glossary() -> dict[str, tuple[str, ...]]:
    """English key (lower case) -> the Vietnamese phrases it stands for, in the file's order."""
    out: dict[str, tuple[str, ...]] = {}
    for english, vietnamese in read_rows("glossary.tsv", 2):
        key = english.lower()
        if key in out:
            raise ValueError(f"glossary.tsv: duplicate key {key!r}")
        phrases = split_forms(vietnamese)
        if not key or not phrases:
            raise ValueError(f"glossary.tsv: a row needs an English key and Vietnamese phrases: {english!r}")
        out[key] = phrases
    return out
