"""The English -> Vietnamese domain glossary (glossary.tsv): how an English question's words are read.

English questions meet Vietnamese sentences only through it (and the gazetteer's names): its phrases join
the search text and are the terms an answer is matched on. The longest key on word boundaries wins; a word
that is no key is tried without its -s/-es/-ed/-ing (-ies -> y) ending (answer.qtypes).
"""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_phrase_table


@functools.cache
def glossary() -> dict[str, tuple[str, ...]]:
    """English key (lower case) -> the Vietnamese phrases it stands for, in the file's order."""
    return read_phrase_table("glossary.tsv", str.lower)


@functools.cache
def common_words() -> dict[str, tuple[str, ...]]:
    """General English words (common_words.tsv) -> how the press writes them: for English questions' search text
    only; a key the domain glossary has is not repeated there."""
    return read_phrase_table("common_words.tsv", str.lower)
