"""The English -> Vietnamese glossary (glossary.tsv): every row translates its key, and the file is sound."""

from __future__ import annotations

import unicodedata

import pytest

from answer.knowledge.glossary import glossary
from answer.knowledge.tables import read_rows
from answer.qtypes import EN_STOPWORDS, translate_english

ROWS = read_rows("glossary.tsv", 2)


@pytest.mark.parametrize(("english", "vietnamese"), ROWS, ids=[r[0] for r in ROWS])
def test_every_key_reads_as_its_vietnamese_phrases(english: str, vietnamese: str) -> None:
    _, phrases, unknown = translate_english(f"What about {english}?")
    assert phrases[: len(glossary()[english])] == list(glossary()[english])
    assert unknown == []


def test_the_file_is_sound() -> None:
    keys = [english for english, _ in ROWS]
    assert len(keys) == len(set(keys)) == len(glossary())
    for english, vietnamese in ROWS:
        assert english == english.lower() and english not in EN_STOPWORDS
        assert unicodedata.is_normalized("NFC", vietnamese) and vietnamese.strip()
