"""Negation words and the phrases in which they deny nothing (negations.tsv): "chưa", "không", "not"; "không khí"."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from answer.knowledge.tables import read_rows

_KINDS = ("negation", "after", "before")


@dataclass(frozen=True)
class Negations:
    words: dict[str, frozenset[str]]  # language -> the words that deny what follows them
    not_after: dict[str, frozenset[str]]  # language -> words after which a negation word denies nothing
    not_before: dict[str, frozenset[str]]  # language -> words before which a negation word denies nothing


@functools.cache
def negations() -> Negations:
    """The table, read once; a bad row is an error naming it."""
    table: dict[str, dict[str, set[str]]] = {kind: {"vi": set(), "en": set()} for kind in _KINDS}
    for kind, language, form, example in read_rows("negations.tsv", 4):
        if kind not in _KINDS or language not in ("vi", "en") or not form or " " in form or not example:
            raise ValueError(f"negations.tsv: bad row {kind!r} {language!r} {form!r}")
        table[kind][language].add(form)
    frozen = {kind: {lang: frozenset(words) for lang, words in by_lang.items()} for kind, by_lang in table.items()}
    return Negations(frozen["negation"], frozen["after"], frozen["before"])
