"""person_questions.tsv row by row: an asker noun with "nào" asks for a person as "ai" does, and an auxiliary after
the question word is skipped: either way the deed read is "chủ trì hội nghị"; and an asker's English forms ask for a
person after "which" ("which provincial leader chaired ...": the deed is "chủ trì")."""

from __future__ import annotations

import pytest

from answer.knowledge.tables import read_rows
from answer.language import tokens
from answer.qtypes import _en_answer_type, _en_predicate, _vi_predicate
from ingest.vietnamese import fold

ROWS = read_rows("person_questions.tsv", 3)
ENGLISH = [(form, en) for form, _, cell in ROWS for en in cell.split("|") if en]


def _deed(question: str) -> tuple[str, ...]:
    toks = tokens(question)
    return _vi_predicate(toks, [fold(t) for t in toks])


@pytest.mark.parametrize(("form", "kind", "en"), ROWS, ids=[f"{r[1]}:{r[0]}" for r in ROWS])
def test_each_row_finds_the_deed(form: str, kind: str, en: str) -> None:
    question = f"{form.capitalize()} nào chủ trì hội nghị?" if kind == "asker" else f"Ai {form} chủ trì hội nghị?"
    assert _deed(question) == ("chủ", "trì", "hội")
    assert _deed(fold(question)) == ("chu", "tri", "hoi")  # typed without marks


@pytest.mark.parametrize(("form", "en"), ENGLISH, ids=[r[1] for r in ENGLISH])
def test_each_english_asker_asks_for_a_person(form: str, en: str) -> None:
    question = f"which provincial {en} chaired the conference?"
    assert _en_answer_type(question) == "person"
    assert _en_predicate(question) == ("chủ", "trì")  # "chaired", after the noun
