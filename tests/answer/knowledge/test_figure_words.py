"""The figure and money word tables, row by row with each row's own example: currency_words.tsv (a figure's currency),
money_asks.tsv (a question asking for money), number_labels.tsv (a number that labels, not counts) and
qualifiers.tsv (a word read as part of the figure after it, and its English)."""

from __future__ import annotations

import pytest

from answer.english_figures import figure_in_english
from answer.extract import currency_of, percentage_spans, quantity_spans
from answer.knowledge.currency_words import currency_words
from answer.knowledge.money import money_asked
from answer.knowledge.tables import read_rows
from answer.language import tokens
from answer.qtypes import analyse_question
from ingest.vietnamese import fold

CURRENCY_ROWS = read_rows("currency_words.tsv", 3)
ASK_ROWS = read_rows("money_asks.tsv", 2)
LABEL_ROWS = read_rows("number_labels.tsv", 2)


@pytest.mark.parametrize(("form", "currency", "example"), CURRENCY_ROWS, ids=[r[0] for r in CURRENCY_ROWS])
def test_each_currency_row_reads_its_example(form: str, currency: str, example: str) -> None:
    assert form in example.lower()
    first = quantity_spans(example)[0]
    assert currency_of(first) == (None if currency == "-" else currency), (first.text, first.unit)


def test_the_currency_table_has_both_kinds_and_no_repeats() -> None:
    table = currency_words()
    forms = [r[0] for r in CURRENCY_ROWS]
    assert len(forms) == len(set(forms))
    assert table.codes["đồng"] == "vnd" and "hợp đồng" in table.compounds


@pytest.mark.parametrize(("phrase", "example"), ASK_ROWS, ids=[r[0] for r in ASK_ROWS])
def test_each_money_ask_makes_its_example_a_money_question(phrase: str, example: str) -> None:
    plain = " ".join(fold(w) for w in tokens(example))
    assert money_asked(plain)
    assert not money_asked(plain.lower().replace(" ".join(fold(phrase).lower().split()), "so lao dong"))
    assert analyse_question(example).money


def test_money_asks_match_whole_words_only() -> None:
    assert money_asked("Nguon von vay la bao nhieu")
    assert money_asked("Co bao nhieu nguoi kiem tra von")  # "vốn" is a whole word wherever it stands
    assert not money_asked("So tienganh la bao nhieu")  # not inside a longer word


@pytest.mark.parametrize(("form", "example"), LABEL_ROWS, ids=[r[0] for r in LABEL_ROWS])
def test_each_number_label_stops_its_number_being_counted(form: str, example: str) -> None:
    assert form in example.lower()
    spans = quantity_spans(example)
    assert len(spans) == 1, [s.text for s in spans]  # the counted figure only, not the labelled number
    labelled = example.lower().split(form, 1)[1].lstrip().split()[0].strip(",")
    assert spans[0].text.split()[0] != labelled


QUALIFIER_ROWS = read_rows("qualifiers.tsv", 3)


@pytest.mark.parametrize(("form", "example", "en"), QUALIFIER_ROWS, ids=[r[0] for r in QUALIFIER_ROWS])
def test_each_qualifier_is_read_with_its_figure(form: str, example: str, en: str) -> None:
    first = min([*quantity_spans(example), *percentage_spans(example)], key=lambda span: span.start)
    assert first.text.lower().startswith(f"{form} "), first.text
    # an English answer names a Vietnamese qualifier in English (an English one is English already)
    assert figure_in_english(f"{form} 1.200 lao động") == (f"{en} 1,200 workers" if en else None)


UNIT_WORD_ROWS = read_rows("unit_words.tsv", 2)


@pytest.mark.parametrize(("word", "kind"), UNIT_WORD_ROWS, ids=[f"{r[1]}:{r[0]}" for r in UNIT_WORD_ROWS])
def test_each_unit_word_bounds_the_counted_noun(word: str, kind: str) -> None:
    if kind == "stop":
        assert quantity_spans(f"Năm nay có 300 công nhân {word} nhà máy.")[0].unit == ("công", "nhân")
    else:
        assert quantity_spans(f"Sau 3 {word} trợ cấp thất nghiệp.")[0].unit == (word,)
