"""bench/synthetic_traps.py: an answerable question becomes traps about another place, year or counted unit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evaluation.questions import load_question_set

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "synthetic_traps.py"

QUESTIONS = """questions:
  - id: "hanoi-workers"
    question: "Năm 2017 Hà Nội có bao nhiêu lao động được đào tạo nghề?"
    expect: ["12.000"]
    evidence: "12.000 lao động"
    doc: "a.txt"
    split: "dev"
  - id: "held"
    question: "Năm 2017 Hà Nội có bao nhiêu lao động thất nghiệp?"
    expect: ["3.000"]
    evidence: "3.000 lao động"
    doc: "a.txt"
    split: "heldout"
"""
ARTICLE = "Hà Nội đào tạo nghề\n\nNăm 2017, Hà Nội đào tạo nghề cho 12.000 lao động; 3.000 lao động thất nghiệp.\n"


def test_each_thing_the_question_pins_changes_to_one_its_article_never_names(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text(QUESTIONS, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "traps.yaml"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "set.yaml"), "--articles", str(articles), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "3 traps" in run.stderr
    traps = {q.trap: q for q in load_question_set(out)}
    assert set(traps) == {"wrong_place", "wrong_year", "wrong_unit"}
    assert all(not q.answerable and q.split == "dev" for q in traps.values())  # only the dev part was read
    place = traps["wrong_place"].question
    assert "Hà Nội" not in place and place.startswith("Năm 2017 ") and place.endswith(" có bao nhiêu lao động được đào tạo nghề?")
    assert traps["wrong_year"].question == "Năm 2014 Hà Nội có bao nhiêu lao động được đào tạo nghề?"
    unit = traps["wrong_unit"].question
    assert "lao động" not in unit.split("bao nhiêu")[1].split("được")[0] and "Hà Nội" in unit
