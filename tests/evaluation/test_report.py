"""Report files: Markdown tables with marks and wrong answers, JSON round trip, a real PNG; CLI summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

from answer.models import Answer
from evaluation.report import format_summary, to_markdown, write_report
from evaluation.runner import evaluate
from tests.evaluation.test_runner import QUESTIONS, _qa

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
    assert len(re.split(r"(?<!\\)\|", row)) == 12  # 10 cells between 11 unescaped pipes
    assert "Paris \\| France second line" in row


def test_format_summary() -> None:
    summary = format_summary(evaluate(_qa(), QUESTIONS, k=3))
    lines = summary.splitlines()
    assert lines[0] == "questions: 6 (4 answerable, 2 unanswerable)"
    assert "answer accuracy: 0.500 (3/6)" in lines
    assert "refusal accuracy: 0.500 (1/2)" in lines
    assert "hit@1: 0.333 (1/3)" in lines and "hit@3: 0.667 (2/3)" in lines
    assert lines[-1] == "wrong: money, date, trap2, who"
