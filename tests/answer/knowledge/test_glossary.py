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


def test_a_possessive_reads_as_its_noun_in_keys_and_questions() -> None:
    # a key written with a possessive matches a question without it, and the other way round, with either apostrophe
    for question in ("Where is the people's committee?", "Where is the people’s committee?", "Where is the people committee?"):
        _, phrases, unknown = translate_english(question)
        assert phrases[:2] == ["ubnd", "ủy ban nhân dân"] and unknown == [], question
    _, phrases, unknown = translate_english("What is the patient's condition after surgery?")
    assert phrases[:2] == ["bệnh nhân", "người bệnh"] and "patient's" not in unknown
    # a phrase key is found across the possessive ("Social Security's" is Vietnam Social Security)
    _, phrases, unknown = translate_english("What was Vietnam Social Security's revenue?")
    assert phrases[0] == "bảo hiểm xã hội việt nam" and unknown == []


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("How many firms have signed collective labour agreements?", "thỏa ước lao động tập thể"),
        ("How many health insurance cards were issued?", "thẻ bảo hiểm y tế"),  # a key already plural
        ("How many industrial zones does the province have?", "khu công nghiệp"),
    ],
)
def test_a_phrase_key_reads_its_head_noun_in_the_plural(question: str, phrase: str) -> None:
    _, phrases, _ = translate_english(question)
    assert phrase in phrases
