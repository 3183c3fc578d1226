"""Guessed Vietnamese for English words (english_lexicon.tsv.gz): the built table is sound, and its guesses for
everyday words hold the word the press writes."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from answer.knowledge.english_lexicon import english_lexicon, guess_vietnamese
from answer.knowledge.tables import read_rows


def test_the_table_names_how_it_was_built_and_keeps_its_guesses_best_first() -> None:
    text = gzip.decompress(resources.files("answer.knowledge").joinpath("english_lexicon.tsv.gz").read_bytes()).decode()
    assert "build_english_lexicon.py" in text.splitlines()[1] and "sha256" in text.splitlines()[1]
    table = english_lexicon()
    assert len(table) > 30_000
    for guesses in table.values():
        scores = [score for _, score in guesses]
        assert 1 <= len(guesses) <= 3 and scores == sorted(scores, reverse=True)


def test_no_guess_holds_a_grammar_word_and_english_grammar_words_get_none() -> None:
    grammar = {word for word, language, _ in read_rows("stopwords.tsv", 3) if language == "vi"}
    assert not any(grammar.intersection(vi.split()) for guesses in english_lexicon().values() for vi, _ in guesses)
    assert not {"the", "after", "which", "itself", "once"} & set(english_lexicon())


@pytest.mark.parametrize(
    ("word", "vietnamese"),
    [("patient", "bệnh nhân"), ("company", "công ty"), ("doctor", "bác sĩ"), ("president", "tổng thống"),
     ("police", "công an"), ("salary", "mức lương"), ("married", "kết hôn"), ("children", "trẻ em")],
)
def test_everyday_words_guess_what_the_press_writes(word: str, vietnamese: str) -> None:
    assert vietnamese in guess_vietnamese(word, min_score=-1.0, top=3)


def test_a_guess_under_the_bar_or_past_the_top_is_left_out() -> None:
    guesses = english_lexicon()["patient"]
    assert guess_vietnamese("patient", min_score=-1.0, top=1) == (guesses[0][0],)
    assert guess_vietnamese("patient", min_score=guesses[0][1] + 0.001) == ()
    assert guess_vietnamese("qwertyuiop", min_score=-1.0) == ()
