"""Generic abbreviations (abbreviations.tsv): none pins a question down, and the file is sound."""

from __future__ import annotations

import unicodedata

import pytest

from answer.constraints import question_acronyms
from answer.knowledge.abbreviations import abbreviated, abbreviations, is_generic, spelled_out
from answer.knowledge.tables import read_rows
from answer.language import tokens

ROWS = read_rows("abbreviations.tsv", 2)


@pytest.mark.parametrize(("abbreviation", "expansions"), ROWS, ids=[r[0] for r in ROWS])
def test_every_generic_abbreviation_pins_nothing(abbreviation: str, expansions: str) -> None:
    assert is_generic(abbreviation)
    assert question_acronyms(f"Năm 2016 {abbreviation} tỉnh Nghệ An hỗ trợ bao nhiêu lao động?") == ()
    # evidence that writes it says every meaning of it
    full = spelled_out(f"Năm 2016, {abbreviation} tỉnh đã hỗ trợ 300 lao động.")
    assert all(phrase in full for phrase in abbreviations()[abbreviation])
    # and evidence that writes any of its meanings in full is read as writing it ("NQ 154 của CP" asks about it)
    for phrase in abbreviations()[abbreviation]:
        written = tokens(abbreviated(f"Năm 2016, {phrase} tỉnh đã hỗ trợ 300 lao động."))
        assert set(tokens(abbreviation.lower())) <= set(written)


def test_the_file_is_sound() -> None:
    names = [abbreviation for abbreviation, _ in ROWS]
    assert len(names) == len(set(names)) == len(abbreviations())
    for abbreviation, expansions in ROWS:
        assert len(abbreviation) >= 2 and not abbreviation.islower()
        assert unicodedata.is_normalized("NFC", expansions) and all(abbreviations()[abbreviation])


def test_names_of_one_body_are_not_generic() -> None:
    for name in ("BIDV", "VTV", "EVN", "TTXVN", "ILO", "Agribank"):
        assert not is_generic(name)


def test_spelled_out_reads_abbreviations_as_written_and_only_them() -> None:
    assert spelled_out("mới chỉ khoảng 20% DNNN đã được CPH") == "doanh nghiệp nhà nước cổ phần hóa cổ phần hoá"
    assert spelled_out("1.292.184 đoàn viên/1.517.511 CNVC-LĐ;").startswith("công nhân viên chức - lao động")
    # a hyphenated pair the table lacks is read part by part; the same one twice is said once
    assert spelled_out("tham gia BHXH-BHYT và BHXH") == "bảo hiểm xã hội bảo hiểm y tế"
    # lower-case words are words, not abbreviations ("ai" is "who", not "AI"); a name of one body is no generic one
    assert spelled_out("ai là người được hỗ trợ") == ""
    assert spelled_out("BIDV cho vay 100 tỷ đồng") == ""


def test_abbreviated_reads_full_wordings_as_whole_words_only() -> None:
    assert abbreviated("theo Nghị quyết số 154/NQ-CP của Chính phủ") == "nq cp"
    # the longest wording is read: a "Phó Chủ tịch" is no "CT" (chủ tịch)
    assert abbreviated("Phó Chủ tịch UBND tỉnh dự hội nghị") == "pct"
    assert abbreviated("hỗ trợ người lao động") == "nlđ"
    # a wording inside longer words is not written: "nhà nước" is not in "nhà nướng"
    assert "nn" not in abbreviated("quán nhà nướng").split()
    assert abbreviated("hỗ trợ 300 hộ") == ""

