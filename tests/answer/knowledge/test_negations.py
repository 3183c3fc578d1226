"""negations.tsv row by row: each negation word denies in its example; each phrase row's example denies nothing."""

from __future__ import annotations

import pytest

from answer.extractive import _negated
from answer.knowledge.negations import negations
from answer.knowledge.tables import read_rows
from answer.language import tokens

ROWS = read_rows("negations.tsv", 4)


@pytest.mark.parametrize(("kind", "language", "form", "example"), ROWS, ids=[f"{r[0]}:{r[2]}" for r in ROWS])
def test_each_row_reads_its_example(kind: str, language: str, form: str, example: str) -> None:
    words = tokens(example)
    assert form in words
    assert _negated(words, language) is (kind == "negation")


def test_the_table_is_read_by_language() -> None:
    table = negations()
    assert "không" in table.words["vi"] and "not" in table.words["en"] and "không" not in table.words["en"]
    assert "khí" in table.not_after["vi"] and "hàng" in table.not_before["vi"]
