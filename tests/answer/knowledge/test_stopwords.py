"""stopwords.tsv row by row: each word is no term of a question in its language; a "fold = yes" Vietnamese word
typed without diacritics is none either, and a "fold = no" one typed so is a content word ("thi" = exam), unless
it is itself a row.
And every knowledge table is read row by row by a test of this folder."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from answer.knowledge.tables import read_rows
from answer.question import is_stopword
from ingest.vietnamese import fold

ROWS = read_rows("stopwords.tsv", 3)
VI_WORDS = {word for word, language, _ in ROWS if language == "vi"}


@pytest.mark.parametrize(("word", "language", "foldable"), ROWS, ids=[f"{r[1]}:{r[0]}" for r in ROWS])
def test_each_stopword_is_no_term(word: str, language: str, foldable: str) -> None:
    assert is_stopword(word, "en" if language == "en" else "vi")
    if language == "vi" and fold(word) != word and fold(word) not in VI_WORDS:  # "đó" folds to "do", a row of its own
        assert is_stopword(fold(word), "vi") is (foldable == "yes")


def test_every_knowledge_table_has_a_row_by_row_test() -> None:
    tables = [p.name for p in resources.files("answer.knowledge").iterdir() if p.name.endswith(".tsv")]
    tests = [p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py")]
    untested = [t for t in tables if not any(f'"{t}"' in text and "parametrize" in text for text in tests)]
    assert tables and not untested, untested
