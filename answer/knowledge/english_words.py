"""Common English words (english_words.txt.gz, built by scripts/build_english_words.py from a spelling dictionary
that writes proper nouns capitalised): "audit", "alliance", "power" are words; "kuwait", "viettel" are not."""

from __future__ import annotations

import functools
import gzip
from importlib import resources


@functools.cache
def english_words() -> frozenset[str]:
    """The lower-case common English words."""
    data = resources.files("answer.knowledge").joinpath("english_words.txt.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_english_word(word: str) -> bool:
    """Whether a word (any case; a possessive "'s" or plural "s" aside) is a common English word."""
    lowered = word.lower().removesuffix("'s").removesuffix("’s").rstrip("'’")
    words = english_words()
    return lowered in words or (lowered.endswith("s") and lowered[:-1] in words)
