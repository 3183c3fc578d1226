"""Where a verb phrase begins in Vietnamese, from how often a word follows a tense marker (verb_openers.tsv.gz, built
by scripts/build_verb_openers.py from the Baomoi news): "leo", "vươn lên", "phải mất" open a verb; "người", "công nhân",
"ung bướu" do not. The noun a figure counts ends where a verb begins (answer/extract.py).
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

from answer.knowledge.tables import parse_rows


@functools.cache
def _openers() -> tuple[frozenset[str], dict[str, bool]]:
    """The words that open a verb, and the pairs read before their first word (whether each opens one)."""
    data = resources.files("answer.knowledge").joinpath("verb_openers.tsv.gz").read_bytes()
    words: set[str] = set()
    pairs: dict[str, bool] = {}
    for kind, text, _, opens in parse_rows(gzip.decompress(data).decode("utf-8"), 4):
        if kind == "word":
            words.add(text)
        else:
            pairs[text] = opens == "1"
    return frozenset(words), pairs


def joins_noun(previous: str, word: str) -> bool:
    """Whether a word is the second syllable of a frequent pair that opens no verb though its first syllable may
    ("chỉ tiêu", "tập thể"): a noun's own syllable, not a verb after it."""
    return _openers()[1].get(f"{previous} {word}") is False


def opens_verb(word: str, next_word: str = "") -> bool:
    """Whether a lower-case word, followed by next_word, begins a verb phrase ("công bố" does, "công nhân" does not)."""
    words, pairs = _openers()
    pair = pairs.get(f"{word} {next_word}") if next_word else None
    return pair if pair is not None else word in words
