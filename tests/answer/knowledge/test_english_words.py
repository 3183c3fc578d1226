"""Common English words (english_words.txt.gz): the built file is sound and tells words from names."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from answer.knowledge.english_words import english_words, is_english_word


def test_the_file_is_sorted_lower_case_words_with_its_provenance() -> None:
    lines = gzip.decompress(resources.files("answer.knowledge").joinpath("english_words.txt.gz").read_bytes()).decode()
    header, *words = lines.splitlines()
    assert header.startswith("# common English words") and "build_english_words.py" in header
    assert words == sorted(set(words)) and all(w.isalpha() and w.islower() and len(w) >= 3 for w in words)
    assert len(english_words()) > 50_000


@pytest.mark.parametrize("word", ["Audit", "Alliance", "Power", "Corporation", "Workers'", "Unions", "June", "Saturday"])
def test_title_case_english_words_are_words(word: str) -> None:
    assert is_english_word(word)


@pytest.mark.parametrize("word", ["Kuwait", "Viettel", "Samsung", "Formosa", "Libya", "Somali", "Naham"])
def test_names_are_no_words(word: str) -> None:
    assert not is_english_word(word)


@pytest.mark.parametrize("word", ["Defence", "Labour", "organisations", "Centre", "honour", "Paediatrics", "diarrhoea", "catalogue"])
def test_british_spellings_are_words(word: str) -> None:
    # "the Ministry of Defence" names no body called "Defence" that the articles could lack
    assert is_english_word(word)
