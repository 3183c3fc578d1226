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
    forms = (lowered, lowered[:-1]) if lowered.endswith("s") else (lowered,)
    return any(form in words or _american(form) in words for form in forms)


# British endings and their American forms, which the word list spells ("defence", "labour", "organisation", "centre")
_BRITISH_ENDINGS = (("our", "or"), ("ence", "ense"), ("isation", "ization"), ("ise", "ize"), ("tre", "ter"), ("ogue", "og"))


def _american(word: str) -> str:
    """A British spelling's American form ("defence" -> "defense", "paediatric" -> "pediatric"); other words as they
    are."""
    if len(word) > 4:
        word = word[0] + word[1:].replace("ae", "e").replace("oe", "e")
    for british, american in _BRITISH_ENDINGS:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word
