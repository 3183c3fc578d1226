"""data/questions/sample-paraphrases.yaml: loads, its held-out draw is the one its header records, and every
evidence string is in its sample article."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from evaluation.questions import load_question_set

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "data" / "questions" / "sample-paraphrases.yaml"


def test_the_held_out_half_is_the_seeded_draw() -> None:
    questions = load_question_set(SET)
    ids = [q.id for q in questions]
    held = set(random.Random(20261210).sample(ids, len(ids) // 2))
    assert {q.id for q in questions if q.split == "heldout"} == held


def test_every_evidence_is_in_its_article_and_traps_are_unanswerable() -> None:
    for q in load_question_set(SET):
        if q.trap is not None:
            assert not q.answerable
            continue
        assert q.doc is not None and q.evidence is not None
        article = unicodedata.normalize("NFC", (ROOT / "samples" / "articles" / q.doc).read_text(encoding="utf-8"))
        assert q.evidence in article, q.id
        assert any(e in article for e in q.expect), q.id
