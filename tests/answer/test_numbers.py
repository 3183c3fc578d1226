"""Vietnamese number parsing."""

from __future__ import annotations

import pytest

from answer.numbers import parse_number_token, parse_vietnamese_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("163.600", 163600),
        ("1,31", 1.31),
        ("72,4%", 72.4),
        ("8,5 tỷ", 8.5e9),
        ("604 nghìn", 604000),
        ("gần 200 tỷ đồng", 200e9),
        ("hơn 8.100 đơn vị", 8100),
        ("1.234.567", 1234567),
        ("2 triệu đồng", 2e6),
        ("5 ngàn", 5000),
        ("3 tram", 300),
        ("1,5 ty dong", 1.5e9),
        ("163,600 workers", 163.6),  # Vietnamese convention wins: a single comma is a decimal mark
        ("12,345,678", 12345678),
        ("0,125", 0.125),
        ("250 người", 250),
    ],
)
def test_parse_vietnamese_number(text: str, value: float) -> None:
    assert parse_vietnamese_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "không có số", "tỷ đồng", "Covid"])
def test_no_number_is_none(text: str) -> None:
    assert parse_vietnamese_number(text) is None


def test_number_token_rejects_words() -> None:
    assert parse_number_token("abc") is None
    assert parse_number_token("21.000") == 21000
