"""Nouns whose size is an amount of money (money_nouns.tsv): "học phí", "mức lương", "tuition", "loan"; and the
words of a Vietnamese question that ask for money (money_asks.tsv): "kinh phí", "kiếm được bao nhiêu"."""

from __future__ import annotations

import functools

from answer.knowledge.matcher import Match, Phrase, PhraseMatcher, parse_phrase
from answer.knowledge.tables import read_rows, split_forms
from ingest.vietnamese import fold


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


@functools.cache
def _money_asks() -> tuple[str, ...]:
    """The phrases of money_asks.tsv, folded (no diacritics, lower case), as " phrase " for whole-word matching."""
    phrases = []
    for phrase, example in read_rows("money_asks.tsv", 2):
        if not phrase or not example:
            raise ValueError(f"money_asks.tsv: a row needs a phrase and an example: {phrase!r}")
        phrases.append(f" {' '.join(fold(phrase).lower().split())} ")
    if len(phrases) != len(set(phrases)):
        raise ValueError("money_asks.tsv: a phrase is listed twice")
    return tuple(phrases)


def money_asked(plain: str) -> bool:
    """Whether a question's folded words (" "-joined, as qtypes reads them; any case) ask for money."""
    padded = f" {plain.strip().lower()} "
    return any(phrase in padded for phrase in _money_asks())


_MEASURE_KINDS = ("comparative", "substance", "extent")


@functools.cache
def how_much_measures() -> tuple[str, ...]:
    """The words of how_much_measures.tsv, lower case, in the file's order; a bad or repeated row is an error."""
    words = []
    for word, kind, example in read_rows("how_much_measures.tsv", 3):
        if not word or " " in word or kind not in _MEASURE_KINDS or not example:
            raise ValueError(f"how_much_measures.tsv: bad row {word!r} {kind!r} {example!r}")
        words.append(word.lower())
    if len(words) != len(set(words)):
        raise ValueError("how_much_measures.tsv: a word is listed twice")
    return tuple(words)


@functools.cache
def _vietnamese_money_rows() -> dict[str, int]:
    """Each Vietnamese money noun (folded, lower case) -> its row among the Vietnamese rows of money_nouns.tsv, the
    row of plain money ("tiền", "số tiền") left out: it names no kind of amount."""
    rows: dict[str, int] = {}
    vi_rows = [split_forms(forms) for language, forms in read_rows("money_nouns.tsv", 2) if language == "vi"]
    for i, forms in enumerate(vi_rows):
        if "tiền" in forms:
            continue
        for form in forms:
            rows[fold(form).lower()] = i
    return rows


# The rows of what a person or a firm earns ("lương", "thu nhập"), as opposed to what is spent, charged or lent:
# "kinh phí", "tiền thuê nhà", "tiền hỗ trợ" often name one amount, an income never is one of them.
_EARNINGS = ("lương", "thu nhập")


@functools.cache
def earnings_kinds() -> frozenset[int]:
    """The money kinds (money_kinds rows) of earnings: wages and incomes."""
    rows = _vietnamese_money_rows()
    return frozenset(rows[fold(form).lower()] for form in _EARNINGS)


def money_kinds(text: str) -> frozenset[int]:
    """The kinds of amount (rows of money_nouns.tsv) the Vietnamese money nouns of a text name: "kinh phí" is a
    cost, "thu nhập bình quân" an income; plain "tiền" names none."""
    rows = _vietnamese_money_rows()
    return frozenset(
        rows[key] for m in money_mentions(text) if m.phrase.value == "vi" and (key := fold(m.surface).lower()) in rows
    )
