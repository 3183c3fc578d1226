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


@pytest.mark.parametrize("written", ["ngày 6/2/2017", "ngày 06/02/2017", "ngày 6/2/17"])
def test_a_day_and_month_is_said_by_a_full_date(written: str) -> None:
    bag = TermBag(f"Tỉ lệ trở lại làm việc {written} đạt 99,8%", clash=0.25, bigram_clash=0.25)
    assert bag.match("6/2") == 1.0 and bag.match("6/3") == 0.0


@pytest.mark.parametrize("word", ["y", "quy", "huy", "tay", "thủy", "ấy"])
def test_y_as_its_own_vowel_is_kept(word: str) -> None:
    assert TermBag(word, clash=0.25, bigram_clash=0.25).match(word.replace("y", "i")) < 1.0


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # no function word of either list: the question's own words decide
        ("Why can duck eggs be stored longer than chicken eggs?", "en"),
        ("Why should we buy glasses at reputable eye care centers?", "en"),
        ("Since when has Ho Chi Minh City been installing survey kiosks?", "en"),
        # Vietnamese typed without marks stays Vietnamese
        ("tinh hinh lao dong viec lam nam 2016 the nao", "vi"),
        ("hoc phi cao dang phat thanh truyen hinh 2 o tphcm khoang bao nhieu mot hoc ky", "vi"),
        ("Tang luong co so tu ngay nao", "vi"),
        # a name typed without marks carries no language, though its syllables are Vietnamese function words
        ("Who is Le Thi Theu?", "en"),
        ("Le Thi Theu la ai?", "vi"),
    ],
)
def test_a_question_without_function_words_is_read_in_its_language(question: str, language: str) -> None:
    from answer.language import detect_language

    assert detect_language(question) == language


def test_a_people_is_named_by_its_country_and_a_nationality_pins_nothing() -> None:
    from answer.constraints import mentions_english_name, question_english_names

    assert mentions_english_name("Yemeni", "Để ngăn chặn dịch tả, chính phủ Yemen đã làm sạch rác.")
    assert not mentions_english_name("Yemeni", "Chính phủ Ai Cập đã làm sạch rác.")
    assert question_english_names("How did the ancient Egyptians make lipstick?") == ()


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # a quoted Vietnamese campaign name is the articles' words; the asker's are English
        ('How many examples did the Ministry of Defence honour in the campaign "Phát huy truyền thống, cống hiến tài năng"?', "en"),
        ("What did “Bêtông hóa Thành cổ Sơn Tây” report about the citadel?", "en"),
        # Vietnamese around a quoted English title stays Vietnamese
        ('Bao nhiêu người tham gia giải chạy "Run for life"?', "vi"),
        ("“Bêtông hóa Thành cổ” là gì?", "vi"),
    ],
)
def test_a_quoted_phrase_does_not_set_the_language(question: str, language: str) -> None:
    from answer.language import detect_language

    assert detect_language(question) == language
