"""Money nouns (money_nouns.tsv): every form of every row is found; blocked compounds are no money. The measures
after "how much" (how_much_measures.tsv): each row's example asks no money."""

from __future__ import annotations

import pytest

from answer.knowledge.money import earnings_kinds, how_much_measures, money_kinds, money_nouns
from answer.knowledge.tables import read_rows, split_forms
from answer.qtypes import analyse_question

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


MEASURES = read_rows("how_much_measures.tsv", 3)


@pytest.mark.parametrize(("word", "kind", "example"), MEASURES, ids=[row[0] for row in MEASURES])
def test_how_much_before_each_measure_asks_no_money(word: str, kind: str, example: str) -> None:
    assert f"how much {word}" in example.lower()
    assert not analyse_question(example).money


def test_how_much_otherwise_asks_for_money() -> None:
    assert analyse_question("How much did each worker receive before Tet?").money
    assert analyse_question("How much higher is the new minimum wage?").money  # "higher" may be a wage
    assert how_much_measures()[0] == "cooler" and len(how_much_measures()) == len(MEASURES)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("tổng kinh phí", "chi phí"),
        ("thu nhập bình quân", "doanh thu"),
        ("mức lương tối thiểu", "tiền lương"),
        ("giá thuê", "tiền thuê nhà"),
    ],
)
def test_money_kinds_group_the_nouns_of_one_row(text: str, same_as: str) -> None:
    assert money_kinds(text) and money_kinds(text) == money_kinds(same_as)


def test_money_kinds_tell_a_cost_from_an_income_and_plain_money_from_neither() -> None:
    assert money_kinds("kinh phí") != money_kinds("thu nhập")
    assert money_kinds("số tiền") == frozenset()
    assert money_kinds("lương thực") == frozenset()  # a blocked compound names no money


def test_earnings_kinds_are_wages_and_incomes_only() -> None:
    earned = earnings_kinds()
    assert money_kinds("mức lương") <= earned and money_kinds("thu nhập bình quân") <= earned
    assert not money_kinds("kinh phí") & earned and not money_kinds("tiền hỗ trợ") & earned
