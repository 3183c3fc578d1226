"""paraphrases.tsv row by row: a sentence that writes any phrase of a row matches every word of the row's other
phrases, as the answerer reads it; and the file is sound."""

from __future__ import annotations

import pytest

from answer.extractive import _bag
from answer.knowledge.paraphrases import paraphrase_rows, said_otherwise
from answer.knowledge.tables import read_rows
from answer.language import tokens

ROWS = read_rows("paraphrases.tsv", 2)


@pytest.mark.parametrize(("phrase", "others"), ROWS, ids=[r[0] for r in ROWS])
def test_each_phrasing_says_the_others(phrase: str, others: str) -> None:
    row = [phrase, *others.split("|")]
    for written in row:
        bag = _bag(f"Năm 2017, tỉnh có 1.200 {written.capitalize()} trong báo cáo.")
        for other in row:
            assert all(bag.match(word) >= 1.0 for word in tokens(other)), (written, other)


def test_the_file_is_sound() -> None:
    assert len(paraphrase_rows()) == len(ROWS)
    assert all(len(row) >= 2 for row in paraphrase_rows())


def test_a_text_writing_no_phrase_says_nothing_else() -> None:
    assert said_otherwise("Năm 2020 giải quyết cho 21.000 người lao động") == ""
    assert "xuất khẩu lao động" in said_otherwise("Tỉnh đưa 250 lao động đi làm việc ở nước ngoài")
