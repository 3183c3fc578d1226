"""question_heads.tsv row by row: a stop or modifier word ends the head noun after "bao nhiêu"; a change word
before "bao nhiêu" is the question's verb; a skip word is no part of the subject before "chiếm bao nhiêu"."""

from __future__ import annotations

import pytest

from answer.knowledge.tables import read_rows
from answer.qtypes import _copula_subject, analyse_question

ROWS = read_rows("question_heads.tsv", 2)


@pytest.mark.parametrize(("word", "kind"), ROWS, ids=[f"{r[1]}:{r[0]}" for r in ROWS])
def test_each_word_bounds_what_is_asked(word: str, kind: str) -> None:
    if kind == "change":
        assert analyse_question(f"Số hộ nghèo {word} bao nhiêu hộ?").verb == word
    elif kind == "skip":
        assert _copula_subject(f"{word.capitalize()} lao động nữ chiếm bao nhiêu phần trăm?") == ("lao", "động", "nữ")
    else:
        assert analyse_question(f"Có bao nhiêu công nhân {word} nhà máy?").head == ("công", "nhân")


@pytest.mark.parametrize(
    ("rows", "one_kind_per_word", "ok"),
    [
        ([["được", "stop"], ["giảm", "change"]], True, True),
        ([["được", "stop"], ["được", "change"]], False, True),  # one word, two kinds: allowed unless one kind per word
        ([["được", "stop"], ["được", "change"]], True, False),
        ([["được", "stop"], ["được", "stop"]], False, False),  # listed twice for one kind
        ([["Được", "stop"]], False, False),  # not lower case
        ([["bao nhiêu", "stop"]], False, False),  # two words
        ([["được", "verb"]], False, False),  # an unknown kind
    ],
)
def test_the_word_kind_loader_refuses_bad_and_repeated_rows(monkeypatch, rows, one_kind_per_word, ok) -> None:
    from answer.knowledge import tables

    monkeypatch.setattr(tables, "read_rows", lambda name, columns: rows)
    if ok:
        kinds = tables.word_kinds("x.tsv", ("stop", "change"), one_kind_per_word=one_kind_per_word)
        assert kinds["stop"] == {"được"}
    else:
        with pytest.raises(ValueError, match="x.tsv"):
            tables.word_kinds("x.tsv", ("stop", "change"), one_kind_per_word=one_kind_per_word)
