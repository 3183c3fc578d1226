"""person_questions.tsv row by row: an asker noun with "nào" asks for a person as "ai" does, and an auxiliary after
the question word is skipped: either way the deed read is "chủ trì hội nghị"; an asker's English forms ask for a
person after "which" ("which provincial leader chaired ...": the deed is "chủ trì"); a role word, and each of its
English forms, asks for the post of the person the question names."""

from __future__ import annotations

import pytest

from answer.knowledge.tables import read_rows
from answer.language import tokens
from answer.qtypes import _en_answer_type, _en_predicate, _vi_predicate, analyse_question
from ingest.vietnamese import fold

ROWS = read_rows("person_questions.tsv", 3)
DEED_ROWS = [r for r in ROWS if r[1] != "role"]
ROLE_ROWS = [r for r in ROWS if r[1] == "role"]
ENGLISH_ASKERS = [(form, en) for form, kind, cell in ROWS if kind == "asker" for en in cell.split("|") if en]
ENGLISH_ROLES = [(form, en) for form, kind, cell in ROLE_ROWS for en in cell.split("|") if en]


def _deed(question: str) -> tuple[str, ...]:
    toks = tokens(question)
    return _vi_predicate(toks, [fold(t) for t in toks])


@pytest.mark.parametrize(("form", "kind", "en"), DEED_ROWS, ids=[f"{r[1]}:{r[0]}" for r in DEED_ROWS])
def test_each_row_finds_the_deed(form: str, kind: str, en: str) -> None:
    question = f"{form.capitalize()} nào chủ trì hội nghị?" if kind == "asker" else f"Ai {form} chủ trì hội nghị?"
    assert _deed(question) == ("chủ", "trì", "hội")
    assert _deed(fold(question)) == ("chu", "tri", "hoi")  # typed without marks


@pytest.mark.parametrize(("form", "en"), ENGLISH_ASKERS, ids=[r[1] for r in ENGLISH_ASKERS])
def test_each_english_asker_asks_for_a_person(form: str, en: str) -> None:
    question = f"which provincial {en} chaired the conference?"
    assert _en_answer_type(question) == "person"
    assert _en_predicate(question) == ("chủ", "trì")  # "chaired", after the noun


@pytest.mark.parametrize(("form", "kind", "en"), ROLE_ROWS, ids=[r[0] for r in ROLE_ROWS])
def test_each_role_word_asks_for_a_named_persons_post(form: str, kind: str, en: str) -> None:
    assert analyse_question(f"Ông Nguyễn Văn Thiện {form}?").answer_type == "role"
    assert analyse_question(f"Ông Nguyễn Văn Thiện {fold(form)}?").answer_type == "role"  # typed without marks
    assert analyse_question(f"Ông ấy {form}?").answer_type != "role"  # no one named: nobody's post to give


@pytest.mark.parametrize(("form", "en"), ENGLISH_ROLES, ids=[r[1] for r in ENGLISH_ROLES])
def test_each_english_role_word_asks_for_a_named_persons_post(form: str, en: str) -> None:
    assert analyse_question(f"What is Nguyễn Văn Thiện's {en}?").answer_type == "role"
    assert analyse_question(f"What is the {en}?").answer_type != "role"
