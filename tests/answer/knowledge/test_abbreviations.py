"""Generic abbreviations (abbreviations.tsv): none pins a question down, and the file is sound."""

from __future__ import annotations

import unicodedata

import pytest

from answer.constraints import question_acronyms
from answer.knowledge.abbreviations import abbreviations, is_generic
from answer.knowledge.tables import read_rows

ROWS = read_rows("abbreviations.tsv", 2)


@pytest.mark.parametrize(("abbreviation", "expansions"), ROWS, ids=[r[0] for r in ROWS])
def test_every_generic_abbreviation_pins_nothing(abbreviation: str, expansions: str) -> None:
    assert is_generic(abbreviation)
    assert question_acronyms(f"Năm 2016 {abbreviation} tỉnh Nghệ An hỗ trợ bao nhiêu lao động?") == ()


def test_the_file_is_sound() -> None:
    names = [abbreviation for abbreviation, _ in ROWS]
    assert len(names) == len(set(names)) == len(abbreviations())
    for abbreviation, expansions in ROWS:
        assert len(abbreviation) >= 2 and not abbreviation.islower()
        assert unicodedata.is_normalized("NFC", expansions) and all(abbreviations()[abbreviation])


def test_names_of_one_body_are_not_generic() -> None:
    for name in ("BIDV", "VTV", "EVN", "TTXVN", "ILO", "Agribank"):
        assert not is_generic(name)
