"""Words that carry no topic in a question (stopwords.tsv): question words, fillers, grammar."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from answer.knowledge.tables import read_rows
from ingest.vietnamese import fold


@dataclass(frozen=True)
class Stopwords:
    vi: frozenset[str]  # Vietnamese, with their marks
    folded: frozenset[str]  # the Vietnamese ones whose unaccented form is dropped too ("bao nhieu")
    en: frozenset[str]


@functools.cache
def stopwords() -> Stopwords:
    """The table, read once; a bad row is an error naming it."""
    vi: set[str] = set()
    folded: set[str] = set()
    en: set[str] = set()
    for word, language, foldable in read_rows("stopwords.tsv", 3):
        if not word or language not in ("vi", "en") or foldable not in ("yes", "no"):
            raise ValueError(f"stopwords.tsv: bad row {word!r} {language!r} {foldable!r}")
        (en if language == "en" else vi).add(word)
        if language == "vi" and foldable == "yes":
            folded.add(fold(word))
    return Stopwords(frozenset(vi), frozenset(folded), frozenset(en))
