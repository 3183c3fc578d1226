"""Report files: Markdown tables with marks and wrong answers, JSON round trip, a real PNG; CLI summary."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from answer.models import Answer
from evaluation.report import format_summary, to_markdown, write_report
from evaluation.runner import evaluate
from tests.evaluation.test_runner import CONFIDENT_QUESTIONS, CONFIDENT_TABLES, QUESTIONS, _confident_qa, _qa

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_write_report_creates_three_files(tmp_path: Path) -> None:
    report = evaluate(_qa(), QUESTIONS)
    out = tmp_path / "nested" / "report"
    paths = write_report(report, out)
    assert set(paths) == {"markdown", "json", "png"}
    assert all(p.parent == out and p.exists() for p in paths.values())

    png = paths["png"].read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (900, 420)
    assert len(png) > 5000  # bars, labels and text were drawn, not an empty canvas

    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["answer_accuracy"] == report.answer_accuracy
    assert [r["id"] for r in data["results"]] == [q.id for q in QUESTIONS]
    assert data["results"][0]["answer"] == "Hơn 163.600 lượt lao động."  # readable, not \u-escaped
    assert "Hơn 163.600" in paths["json"].read_text(encoding="utf-8")


def test_markdown_marks_and_wrong_answers() -> None:
    md = to_markdown(evaluate(_qa(), QUESTIONS))
    assert "| answer accuracy | 0.500 | 3/6 |" in md
    assert "| citation accuracy | 0.250 | 1/4 |" in md
    rows = {line.split(" | ")[0].lstrip("| "): line for line in md.splitlines() if line.startswith("| ")}
    assert "| extracted accuracy | 0.500 | 1/2 |" in md
    assert rows["rent"].count("✓") == 4 and "Hơn 163.600" not in rows["rent"]  # right: no answer shown
    # citation wrong: the answer and what it cited are shown
    assert "✗" in rows["money"] and "extracted: 163.600 lượt — Gần 200 tỷ đồng. — cited: Tổng kinh phí" in rows["money"]
    assert "Paris" in rows["trap2"] and "(not found)" in rows["trap2"]
    assert "↩ money" in rows["who"]


def test_pipes_and_newlines_in_answers_do_not_break_the_table() -> None:
    qa = _qa()
    qa.script["Thủ đô Pháp?"] = Answer("Thủ đô Pháp?", "Paris | France\nsecond line", True)
    md = to_markdown(evaluate(qa, QUESTIONS))
    row = next(line for line in md.splitlines() if line.startswith("| trap2 |"))
    assert len(re.split(r"(?<!\\)\|", row)) == 13  # 11 cells between 12 unescaped pipes
    assert "Paris \\| France second line" in row


def test_format_summary() -> None:
    summary = format_summary(evaluate(_qa(), QUESTIONS, k=3))
    lines = summary.splitlines()
    assert lines[0] == "questions: 6 (4 answerable, 2 unanswerable), split all"
    assert "answer accuracy: 0.500 (3/6)" in lines
    assert "refusal accuracy: 0.500 (1/2)" in lines
    assert "hit@1: 0.333 (1/3)" in lines and "hit@3: 0.667 (2/3)" in lines
    assert lines[-1] == "wrong: money, date, trap2, who"


def test_summary_with_precision_coverage_traps_and_tables() -> None:
    report = evaluate(_confident_qa(), CONFIDENT_QUESTIONS, split="dev")
    lines = format_summary(report).splitlines()
    assert lines[0] == "questions: 6 (4 answerable, 2 unanswerable), split dev"
    assert lines[1:6] == [
        "answer accuracy: 0.500 (3/6)",
        "accuracy on answerable: 0.500 (2/4)",
        "precision when found: 0.667 (2/3)",
        "coverage: 0.500 (2/4)",
        "traps refused: 0.500 (1/2)",
    ]
    tables = lines[lines.index("by language:") :]
    assert tables == CONFIDENT_TABLES


def test_summary_says_when_there_is_no_curve() -> None:
    lines = format_summary(evaluate(_qa(), QUESTIONS)).splitlines()
    assert "traps refused: n/a (0/0)" in lines  # no trap in the set: no rate, not a perfect one
    assert "risk-coverage: none (no found answer carries a confidence)" in lines
    assert "by trap:" not in lines


def test_markdown_tables_and_curve() -> None:
    md = to_markdown(evaluate(_confident_qa(), CONFIDENT_QUESTIONS, split="dev"))
    assert "6 questions (4 answerable, 2 unanswerable), split dev, started" in md
    assert "| precision when found | 0.667 | 2/3 |" in md and "| traps refused | 0.500 | 1/2 |" in md
    assert (
        "## By language\n\n| language | questions | accuracy on answerable | precision when found | coverage "
        "| traps refused |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| vi | 3 | 0.500 (1/2) | 1.000 (1/1) | 0.500 (1/2) | 1.000 (1/1) |\n"
        "| en | 3 | 0.500 (1/2) | 0.500 (1/2) | 0.500 (1/2) | 0.000 (0/1) |\n"
    ) in md
    assert "| untyped | 1 | n/a (0/0) | 0.000 (0/1) | n/a (0/0) | 0.000 (0/1) |" in md
    assert "## By trap\n\n| trap | questions | traps refused |\n| --- | ---: | ---: |\n| wrong_year | 1 | 1.000 (1/1) |" in md
    assert (
        "| 0.900 | 1 | 1 | 0.250 | 1.000 | 0.000 |\n| 0.800 | 2 | 2 | 0.500 | 1.000 | 0.000 |\n"
        "| 0.700 | 3 | 2 | 0.500 | 0.667 | 0.333 |\n"
    ) in md
    row = next(line for line in md.splitlines() if line.startswith("| t2 |"))
    assert "| ✗ | 0.70 | – |" in row  # refused wrongly, with its confidence


def test_risk_coverage_png_only_with_confidences(tmp_path: Path) -> None:
    out = tmp_path / "report"
    paths = write_report(evaluate(_confident_qa(), CONFIDENT_QUESTIONS), out)
    assert set(paths) == {"markdown", "json", "png", "risk_coverage"}
    png = paths["risk_coverage"].read_bytes()
    assert png.startswith(PNG_SIGNATURE) and len(png) > 5000
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (700, 500)
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["overall"]["precision"] == pytest.approx(2 / 3) and data["overall"]["traps_refused"] == 1
    assert [g["group"] for g in data["by_language"]] == ["vi", "en"]
    assert [p["kept"] for p in data["risk_coverage"]] == [1, 2, 3]
    assert data["results"][0]["confidence"] == 0.9 and data["results"][4]["trap"] == "wrong_year"

    # the same folder, answers without confidence: the old curve must not stay behind
    paths = write_report(evaluate(_qa(), QUESTIONS), out)
    assert "risk_coverage" not in paths and not (out / "risk_coverage.png").exists()
    assert "No curve: no found answer carries a confidence." in paths["markdown"].read_text("utf-8")


def test_no_curve_when_some_confidences_are_missing() -> None:
    qa = _confident_qa()
    qa.script["How much money was spent?"] = dataclasses.replace(qa.script["How much money was spent?"], confidence=None)
    report = evaluate(qa, CONFIDENT_QUESTIONS)
    assert report.risk_coverage == ()
    assert "risk-coverage: none (1 of 3 found answers carry no confidence)" in format_summary(report).splitlines()
    refusing = [q for q in QUESTIONS if q.id == "date"]
    assert "risk-coverage: none (nothing was found)" in format_summary(evaluate(_qa(), refusing)).splitlines()
