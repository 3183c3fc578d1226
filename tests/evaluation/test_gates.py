"""The floors on their own: the zero-denominator rule and the range check."""

from __future__ import annotations

import pytest

from evaluation.gates import Floors, failed_floors
from evaluation.runner import evaluate
from tests.evaluation.test_runner import CONFIDENT_QUESTIONS, QUESTIONS, _confident_qa, _qa


def test_no_floor_no_failure() -> None:
    assert failed_floors(evaluate(_confident_qa(), CONFIDENT_QUESTIONS), Floors()) == []


def test_a_floor_exactly_met_passes() -> None:
    report = evaluate(_confident_qa(), CONFIDENT_QUESTIONS)
    assert failed_floors(report, Floors(precision=2 / 3, coverage=0.5, traps=0.5, accuracy=0.5)) == []


def test_precision_without_found_answers_fails() -> None:
    refused_only = [q for q in QUESTIONS if q.id in {"date", "trap"}]  # both refused by the script
    report = evaluate(_qa(), refused_only)
    assert failed_floors(report, Floors(precision=0.5, coverage=0.0)) == [
        "precision when found cannot be measured (no question was answered), so --min-precision 0.5 fails"
    ]


def test_floors_are_shares() -> None:
    with pytest.raises(ValueError, match="the coverage floor must be within 0..1, got 1.5"):
        Floors(coverage=1.5)
