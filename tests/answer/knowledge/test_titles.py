"""titles.tsv row by row: a "who" question naming a title wants a person whose role opens with that title, not
another one; each title with "nào" asks for a person as "ai" does and reads what the person did; each English form makes a "which ..." question ask for a person and read what the person did; and each
shown form names the post in an English answer."""

from __future__ import annotations

import pytest

from answer.english_figures import role_in_english
from answer.extractive import _role_score
from answer.knowledge.tables import read_rows
from answer.knowledge.titles import titles, titles_longest_first
from answer.qtypes import _en_answer_type, _en_predicate, analyse_question
from ingest.vietnamese import fold

ROWS = read_rows("titles.tsv", 3)
ENGLISH = [(vi, en) for vi, cell, _ in ROWS for en in cell.split("|") if en]


@pytest.mark.parametrize(("vi", "en", "shown"), ROWS, ids=[r[0] for r in ROWS])
def test_each_title_must_open_the_role(vi: str, en: str, shown: str) -> None:
    question = analyse_question(f"{vi.capitalize()} Sở Lao động tỉnh Nam Định là ai?")
    assert _role_score(question, f"{vi.capitalize()} Sở Lao động tỉnh Nam Định") > 0.9
    assert _role_score(question, "Trưởng đoàn kiểm tra") == -1.0


@pytest.mark.parametrize(("vi", "en", "shown"), ROWS, ids=[r[0] for r in ROWS])
def test_each_title_with_nao_asks_for_a_person(vi: str, en: str, shown: str) -> None:
    question = analyse_question(f"{vi.capitalize()} nào chủ trì hội nghị?")
    assert (question.answer_type, question.head) == ("person", ("chủ", "trì", "hội"))
    unmarked = analyse_question(fold(f"{vi} nào chủ trì hội nghị?"))  # typed without marks
    assert (unmarked.answer_type, unmarked.head) == ("person", ("chu", "tri", "hoi"))
    assert analyse_question(f"Những {vi} nào chủ trì hội nghị?").answer_type == "list"  # several: a list


@pytest.mark.parametrize(("vi", "en"), ENGLISH, ids=[r[1] for r in ENGLISH])
def test_each_english_form_asks_for_a_person(vi: str, en: str) -> None:
    question = f"Which provincial {en} signed the plan?"
    assert _en_answer_type(question.lower()) == "person"
    assert _en_predicate(question.lower()) == ("ký",)  # "signed", after the whole title


@pytest.mark.parametrize(("vi", "en", "shown"), ROWS, ids=[r[0] for r in ROWS])
def test_each_title_is_shown_in_an_english_answer(vi: str, en: str, shown: str) -> None:
    post = f"{vi.capitalize()} Sở Lao động - Thương binh và Xã hội"
    assert role_in_english(post) == f"{shown} of the Department of Labour, Invalids and Social Affairs"


def test_a_title_is_tried_before_the_shorter_titles_it_contains() -> None:
    # the patterns and scans that read titles take the first that matches: "phó chủ tịch" must beat "chủ tịch"
    ordered = titles_longest_first()
    assert sorted(ordered) == sorted(titles())
    for i, title in enumerate(ordered):
        assert not any(title in later for later in ordered[i + 1 :]), title
