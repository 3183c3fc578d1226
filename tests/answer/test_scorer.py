"""The learned scorer's file: it loads, it matches the features the code computes, it records its provenance."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from answer.features import FEATURES
from answer.scorer import ANSWER_FEATURES, AnswerModel, load_model

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))


def test_the_shipped_model_matches_the_features_and_records_how_it_was_trained() -> None:
    model = load_model()
    assert model.candidate.names == FEATURES
    assert model.answer.names == ANSWER_FEATURES
    assert 0.0 < model.threshold < 1.0
    meta = model.meta
    assert meta["command"].startswith("python scripts/train_answerer.py")
    assert len(meta["data_hash"]) == 16 and meta["seed"] == 13
    held = meta["report"]["held_out"]
    # the figures a reader of the file is told are the held-out ones, and they are plausible
    assert held["questions"] > 500 and 0.0 < held["precision_when_found"] <= 1.0


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    data = load_model().to_json()
    data["candidate"]["names"] = data["candidate"]["names"][:-1]
    data["candidate"]["mean"] = data["candidate"]["mean"][:-1]
    data["candidate"]["scale"] = data["candidate"]["scale"][:-1]
    data["candidate"]["coef"] = data["candidate"]["coef"][:-1]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        AnswerModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def test_probability_is_monotone_in_the_best_score() -> None:
    model = load_model()
    row = np.zeros(len(ANSWER_FEATURES))
    index = ANSWER_FEATURES.index("top_logit")
    probs = []
    for z in (-4.0, -1.0, 0.0, 2.0, 5.0):
        row[index] = z
        probs.append(model.probability(row))
    coef = model.answer.coef[index]
    assert coef > 0, "a better best candidate must mean a likelier answer"
    assert probs == sorted(probs)


def test_threshold_for_precision_picks_the_deepest_cut_that_meets_the_target() -> None:
    from train_answerer import threshold_for_precision

    prob = np.array([0.95, 0.9, 0.8, 0.7, 0.6, 0.5])
    correct = np.array([True, True, True, False, True, False])
    # precision at each depth: 1, 1, 1, .75, .8, .667 -> the 0.8 target holds down to 0.6
    assert threshold_for_precision(prob, correct, 0.8) == pytest.approx(0.6)
    assert threshold_for_precision(prob, correct, 0.99) == pytest.approx(0.8)
    assert threshold_for_precision(prob, np.zeros(6, dtype=bool), 0.5) == 1.0
