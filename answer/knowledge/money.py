"""Nouns whose size is an amount of money (money_nouns.tsv): "học phí", "mức lương", "tuition", "loan"."""

from __future__ import annotations

import functools

from answer.knowledge.matcher import Match, Phrase, PhraseMatcher, parse_phrase
from answer.knowledge.tables import read_rows, split_forms


@functools.cache
def money_matcher() -> PhraseMatcher[str]:
    """One matcher over both languages' forms (each phrase's value is its language), built once."""
    phrases: list[Phrase[str]] = []
    for language, forms in read_rows("money_nouns.tsv", 2):
        if language not in ("vi", "en", "block") or not split_forms(forms):
            raise ValueError(f"money_nouns.tsv: bad row {language!r} {forms!r}")
        phrases.extend(parse_phrase(form, language, single="accent") for form in split_forms(forms))
    return PhraseMatcher(phrases)


def money_mentions(text: str) -> list[Match[str]]:
    """The money nouns a text writes, left to right (offsets into the NFC text; blocked compounds are none)."""
    return [m for m in money_matcher().find(text) if m.phrase.value != "block"]


def money_nouns(text: str) -> list[str]:
    """The money nouns a text writes, as written, left to right."""
    return [m.surface for m in money_mentions(text)]
