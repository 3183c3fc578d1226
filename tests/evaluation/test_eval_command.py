"""`labour-qa eval` through CliRunner with a scripted QASystem: exact summaries, splits and every floor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import app
from answer.models import Answer
from tests.evaluation.test_runner import CONFIDENT_TABLES, S_DATE, ScriptedQA, _citation, _confident_qa

# The runner tests' scenario as a file, plus one held-out question:
# dev: 3 found of which 2 correct, 2 of 4 answerable covered, 1 of 2 traps refused.
QUESTION_SET = """
questions:
  - {id: q1, question: "Bao nhiêu lượt lao động?", expect: ["163.600"], evidence: "163.600", type: quantity}
  - {id: q2, question: "How much money was spent?", expect: ["200 tỷ"], evidence: "200 tỷ", type: money}
  - {id: q3, question: "Ngày tổng kết là ngày nào?", expect: ["26/11"], evidence: "26/11", type: date}
  - {id: q4, question: "How many workers in 2022?", expect: ["163.600"], evidence: "163.600", type: quantity}
  - {id: t1, question: "Năm 2015 có bao nhiêu lượt lao động?", trap: wrong_year, type: quantity}
  - {id: t2, question: "How many teachers got support?", trap: absent}
  - {id: h1, question: "When was the review held?", expect: ["26/11"], evidence: "26/11", type: date,
     split: heldout}
"""

DEV_SUMMARY = [
    "questions: 6 (4 answerable, 2 unanswerable), split dev",
    "answer accuracy: 0.500 (3/6)",
    "accuracy on answerable: 0.500 (2/4)",
    "precision when found: 0.667 (2/3)",
    "coverage: 0.500 (2/4)",
    "traps refused: 0.500 (1/2)",
    "extracted accuracy: 1.000 (0/0)",
    "citation accuracy: 0.500 (2/4)",
    "refusal accuracy: 0.500 (1/2)",
    "false refusals: 0.500 (2/4)",
    "hit@1: 0.000 (0/4)",
    "hit@5: 0.000 (0/4)",
    "LATENCY",
    *CONFIDENT_TABLES,
]


@pytest.fixture
def qa(monkeypatch: pytest.MonkeyPatch) -> ScriptedQA:
    """The scripted answers stand in for the product behind the command."""
    scripted = _confident_qa()
    held_out = "When was the review held?"
    scripted.script[held_out] = Answer(held_out, "26/11", True, (_citation(S_DATE),), confidence=0.95)
    monkeypatch.setattr(app, "_open", lambda index, create=True: scripted)
    return scripted


@pytest.fixture
def question_set(tmp_path: Path) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(QUESTION_SET, encoding="utf-8")
    return path


def _eval(*args: str) -> Result:
    return CliRunner().invoke(app.cli, ["eval", *args])


def _lines(text: str) -> list[str]:
    # wall-clock latency is the one line a script cannot fix
    return ["LATENCY" if re.fullmatch(r"latency: p50 \d+ ms, p95 \d+ ms", line) else line for line in text.splitlines()]


def test_scores_the_dev_split_by_default_and_writes_the_reports(qa: ScriptedQA, question_set: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    result = _eval(str(question_set), "--report", str(report))
    assert result.exit_code == 0, result.output
    assert _lines(result.stdout) == DEV_SUMMARY + [
        f"wrote {report / 'report.md'}",
        f"wrote {report / 'report.json'}",
        f"wrote {report / 'report.png'}",
        f"wrote {report / 'risk_coverage.png'}",
    ]
    assert result.stderr == ""
    assert [question for question, _ in qa.asked] == [
        "Bao nhiêu lượt lao động?",
        "How much money was spent?",
        "Ngày tổng kết là ngày nào?",
        "How many workers in 2022?",
        "Năm 2015 có bao nhiêu lượt lao động?",
        "How many teachers got support?",
    ]  # the held-out question was never asked


def test_held_out_and_all(qa: ScriptedQA, question_set: Path) -> None:
    held_out = _eval(str(question_set), "--split", "heldout")
    assert held_out.exit_code == 0, held_out.output
    lines = _lines(held_out.stdout)
    assert lines[:6] == [
        "questions: 1 (1 answerable, 0 unanswerable), split heldout",
        "answer accuracy: 1.000 (1/1)",
        "accuracy on answerable: 1.000 (1/1)",
        "precision when found: 1.000 (1/1)",
        "coverage: 1.000 (1/1)",
        "traps refused: n/a (0/0)",
    ]
    assert [q for q, _ in qa.asked] == ["When was the review held?"]

    every = _eval(str(question_set), "--split", "all")
    assert every.exit_code == 0, every.output
    assert _lines(every.stdout)[:5] == [
        "questions: 7 (5 answerable, 2 unanswerable), split all",
        "answer accuracy: 0.571 (4/7)",
        "accuracy on answerable: 0.600 (3/5)",
        "precision when found: 0.750 (3/4)",
        "coverage: 0.600 (3/5)",
    ]


def test_each_failed_floor_is_one_line_with_its_shortfall(qa: ScriptedQA, question_set: Path) -> None:
    result = _eval(
        str(question_set), "--min-precision", "0.9", "--min-coverage", "0.4", "--min-traps", "0.75", "--min", "0.6"
    )
    assert result.exit_code == 1
    assert _lines(result.stdout) == DEV_SUMMARY  # the summary still comes first, on stdout
    assert result.stderr.splitlines() == [
        "Error: accuracy 0.500 (lowest of answer, citation, refusal) is below --min 0.6 by 0.100",
        "Error: precision when found 0.667 (2/3) is below --min-precision 0.9 by 0.233",
        "Error: traps refused 0.500 (1/2) is below --min-traps 0.75 by 0.250",
    ]  # coverage 0.5 meets its floor of 0.4: not mentioned


def test_floors_that_are_met_pass(qa: ScriptedQA, question_set: Path) -> None:
    result = _eval(
        str(question_set), "--min-precision", "0.6", "--min-coverage", "0.5", "--min-traps", "0.5", "--min", "0.5"
    )
    assert result.exit_code == 0 and result.stderr == ""


def test_coverage_floor(qa: ScriptedQA, question_set: Path) -> None:
    result = _eval(str(question_set), "--min-coverage", "0.55")
    assert result.exit_code == 1
    assert result.stderr == "Error: coverage 0.500 (2/4) is below --min-coverage 0.55 by 0.050\n"


def test_a_floor_with_nothing_to_measure_fails(qa: ScriptedQA, question_set: Path) -> None:
    result = _eval(str(question_set), "--split", "heldout", "--min-traps", "0.5")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: traps refused cannot be measured (the scored questions hold no trap), so --min-traps 0.5 fails\n"
    )


def test_an_empty_split_and_a_bad_file_are_one_line_errors(qa: ScriptedQA, tmp_path: Path) -> None:
    dev_only = tmp_path / "dev.yaml"
    dev_only.write_text("- {id: a, question: q, answerable: false}\n", encoding="utf-8")
    result = _eval(str(dev_only), "--split", "heldout")
    assert result.exit_code == 1
    assert result.stderr == "Error: no questions in split 'heldout' (dev: 1, heldout: 0)\n"

    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: a, question: q, trap: absent, answerable: true}\n", encoding="utf-8")
    result = _eval(str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}:1: entry 1 (id 'a'): a trap (absent) is unanswerable by definition; drop 'answerable: true'\n"
    )
    assert qa.asked == []


def test_split_and_floors_are_checked_by_click(question_set: Path) -> None:
    result = _eval(str(question_set), "--split", "test")
    assert result.exit_code == 2 and "'test' is not one of 'dev', 'heldout', 'all'" in result.stderr
    result = _eval(str(question_set), "--min-precision", "1.5")
    assert result.exit_code == 2 and "1.5 is not in the range 0<=x<=1" in result.stderr
