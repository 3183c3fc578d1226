"""The general English words (common_words.tsv): every row puts its press wording into an English question's search
text, the answerer never reads them, and the file is sound."""

from __future__ import annotations

import unicodedata

import pytest

from answer.knowledge.glossary import common_words, glossary
from answer.knowledge.tables import read_rows
from answer.qtypes import EN_STOPWORDS, analyse_question, retrieval_query, translate_english

ROWS = read_rows("common_words.tsv", 2)


@pytest.mark.parametrize(("english", "vietnamese"), ROWS, ids=[r[0] for r in ROWS])
def test_every_key_joins_the_search_text_with_its_first_wording(english: str, vietnamese: str) -> None:
    first = common_words()[english][0]
    query = retrieval_query(f"What about {english}?")
    assert query.startswith(f"What about {english}?") and f" {first}" in query


def test_the_file_is_sound() -> None:
    keys = [english for english, _ in ROWS]
    assert len(keys) == len(set(keys)) == len(common_words())
    assert not set(keys) & set(glossary()), "a key the domain glossary has belongs there alone"
    for english, vietnamese in ROWS:
        assert english == english.lower() and english not in EN_STOPWORDS
        assert unicodedata.is_normalized("NFC", vietnamese) and vietnamese.strip()


def test_the_answerer_reads_questions_with_the_domain_glossary_alone() -> None:
    question = "What share of workers came back to work after the holiday?"
    _, phrases, unknown = translate_english(question)
    assert "làm việc" not in phrases and "work" in unknown
    assert "làm việc" not in analyse_question(question).terms
    # the search text has the domain phrases first-come and the general words' first wording
    query = retrieval_query(question)
    assert "tỷ lệ" in query and "làm việc" in query and "công việc" not in query


def test_a_domain_key_wins_over_a_general_one() -> None:
    # "workers" is a domain key (lao động); the general table never overrides it
    assert "lao động" in retrieval_query("How many workers?")
    assert "workers" not in common_words()
