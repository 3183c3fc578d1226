"""Guessed Vietnamese for English words no glossary row covers (english_lexicon.tsv.gz, built by
scripts/build_english_lexicon.py from the bundled embedding model's nearest neighbours over Baomoi news).

A guess, not a translation: "coffee" -> "cà phê", "patient" -> "bệnh nhân", but also "rice" -> "rịa" before "gạo".
Readers use the guesses where a wrong one costs little (whether a sentence is about the question's topic), never
to pick an answer.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

from answer.knowledge.tables import parse_rows, split_forms


@functools.cache
def english_lexicon() -> dict[str, tuple[tuple[str, float], ...]]:
    """English word -> its Vietnamese guesses with their scores, best first."""
    data = resources.files("answer.knowledge").joinpath("english_lexicon.tsv.gz").read_bytes()
    return {
        word: tuple((vi, float(score)) for vi, score in (g.rsplit(" ", 1) for g in split_forms(guesses)))
        for word, guesses in parse_rows(gzip.decompress(data).decode("utf-8"), 2)
    }


def guess_vietnamese(word: str, min_score: float, top: int = 2) -> tuple[str, ...]:
    """Up to `top` Vietnamese guesses for a lower-case English word that score at least min_score."""
    return tuple(vi for vi, score in english_lexicon().get(word, ())[:top] if score >= min_score)
