"""How the answerers read words: tokens() and its tone-mark placement."""

from __future__ import annotations

import pytest

from answer.language import TermBag, tokens


@pytest.mark.parametrize(
    ("new_style", "old_style"),
    [("hoá", "hóa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("tuỳ", "tùy"), ("hoà", "hòa"), ("xoè", "xòe"), ("uỷ", "ủy")],
)
def test_both_tone_placements_of_an_open_syllable_read_alike(new_style: str, old_style: str) -> None:
    assert tokens(new_style) == tokens(old_style) == [old_style]
    assert TermBag(f"cổ phần {new_style}", clash=0.25, bigram_clash=0.25).match(old_style) == 1.0


@pytest.mark.parametrize("word", ["quý", "quá", "hoán", "khoét", "thuyết", "của", "tuổi", "Quỳnh"])
def test_other_syllables_keep_their_marks(word: str) -> None:
    assert tokens(word) == [word.lower()]


@pytest.mark.parametrize(("one", "other"), [("tỷ lệ", "tỉ lệ"), ("lý do", "lí do"), ("kỹ thuật", "kĩ thuật"), ("bác sỹ", "bác sĩ")])
def test_y_and_i_after_a_lone_consonant_match_alike(one: str, other: str) -> None:
    bag = TermBag(f"trong đó {other} chiếm 85%", clash=0.25, bigram_clash=0.25)
    assert bag.has_bigram(one) == 1.0 and all(bag.match(word) == 1.0 for word in one.split())


@pytest.mark.parametrize("word", ["y", "quy", "huy", "tay", "thủy", "ấy"])
def test_y_as_its_own_vowel_is_kept(word: str) -> None:
    assert TermBag(word, clash=0.25, bigram_clash=0.25).match(word.replace("y", "i")) < 1.0
