"""document_kinds.tsv row by row: each example question asks for its row's kind of document."""

from __future__ import annotations

import pytest

from answer.knowledge.document_kinds import document_kind_asked
from answer.knowledge.tables import read_rows
from answer.qtypes import analyse_question
from ingest.vietnamese import fold

ROWS = read_rows("document_kinds.tsv", 4)


@pytest.mark.parametrize(("vi", "en", "example_vi", "example_en"), ROWS, ids=[r[0] for r in ROWS])
def test_each_kind_is_read_from_its_examples(vi: str, en: str, example_vi: str, example_en: str) -> None:
    assert analyse_question(example_vi).doc_kind == vi
    assert document_kind_asked(fold(example_vi), "vi") == vi  # typed without diacritics too
    if en != "-":
        assert analyse_question(example_en).doc_kind == vi


def test_english_words_match_whole() -> None:
    assert document_kind_asked("Which laws govern overtime?", "en") == "luật"
    assert document_kind_asked("Where does the lawyer say the worker can complain?", "en") is None
