"""The English translations of ViNewsQA questions (data/questions/vinewsqa-english.jsonl, bench/english_answers.py):
format, the two halves, English text only."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

PATH = Path(__file__).resolve().parents[2] / "data" / "questions" / "vinewsqa-english.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines()]


def test_each_line_is_one_question_of_one_half() -> None:
    rows = _rows()
    assert all(set(r) == {"qid", "split", "question"} for r in rows)
    assert len({r["qid"] for r in rows}) == len(rows) == 640
    assert Counter(r["split"] for r in rows) == {"dev": 520, "held-out": 120}
    assert all(r["qid"].startswith("uit_") and r["question"].strip() for r in rows)


def test_questions_are_english_without_vietnamese_marks() -> None:
    for r in _rows():
        decomposed = unicodedata.normalize("NFD", r["question"])
        assert not any(unicodedata.category(c) == "Mn" for c in decomposed), r["qid"]
        assert "đ" not in r["question"].lower(), r["qid"]
