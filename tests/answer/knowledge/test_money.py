"""Money nouns (money_nouns.tsv): every form of every row is found; blocked compounds are no money."""

from __future__ import annotations

import pytest

from answer.knowledge.money import money_nouns
from answer.knowledge.tables import read_rows, split_forms

ROWS = read_rows("money_nouns.tsv", 2)
FORMS = [(language, form) for language, forms in ROWS if language != "block" for form in split_forms(forms)]
BLOCKED = [form for language, forms in ROWS if language == "block" for form in split_forms(forms)]


@pytest.mark.parametrize(("language", "form"), FORMS, ids=[f"{lang}:{form}" for lang, form in FORMS])
def test_every_form_is_a_money_noun(language: str, form: str) -> None:
    frame = "Năm nay {} tăng bao nhiêu?" if language == "vi" else "How much was the {} this year?"
    assert money_nouns(frame.format(form)) == [form]


@pytest.mark.parametrize("form", BLOCKED)
def test_blocked_compounds_are_no_money(form: str) -> None:
    assert money_nouns(f"sự {form} đó") == []


def test_rows_are_sound() -> None:
    assert {language for language, _ in ROWS} == {"vi", "en", "block"}
    forms = [form.lower() for _, form in FORMS] + [form.lower() for form in BLOCKED]
    assert len(forms) == len(set(forms))
