"""Weighted reciprocal rank fusion."""

from __future__ import annotations

import math

import pytest

from index.fusion import rrf_fuse, score_fuse, shrink_short


def test_scores_follow_the_formula() -> None:
    fused = dict(rrf_fuse([["a", "b", "c"], ["c", "a"]], [1.0, 0.5], k=60))
    assert math.isclose(fused["a"], 1 / 61 + 0.5 / 62)
    assert math.isclose(fused["b"], 1 / 62)
    assert math.isclose(fused["c"], 1 / 63 + 0.5 / 61)


def test_order_best_first_and_agreement_wins() -> None:
    fused = rrf_fuse([["a", "b", "c"], ["b", "c", "a"]], [1.0, 1.0])
    assert [item for item, _ in fused][0] == "b"
    scores = [s for _, s in fused]
    assert scores == sorted(scores, reverse=True)


def test_weights_shift_the_winner() -> None:
    lists = [["dense"], ["lexical"]]
    assert rrf_fuse(lists, [1.0, 0.2])[0][0] == "dense"
    assert rrf_fuse(lists, [0.2, 1.0])[0][0] == "lexical"


def test_zero_weight_switches_a_list_off() -> None:
    assert rrf_fuse([["a"], ["b"]], [1.0, 0.0]) == [("a", 1 / 61)]


def test_ties_break_by_id_and_duplicates_count_once() -> None:
    assert [i for i, _ in rrf_fuse([["b"], ["a"]], [1.0, 1.0])] == ["a", "b"]
    fused = dict(rrf_fuse([["a", "a", "b"]], [1.0], k=10))
    assert math.isclose(fused["a"], 1 / 11) and math.isclose(fused["b"], 1 / 12)


def test_smaller_k_sharpens_rank_differences() -> None:
    top, second = (s for _, s in rrf_fuse([["a", "b"]], [1.0], k=1))
    top60, second60 = (s for _, s in rrf_fuse([["a", "b"]], [1.0], k=60))
    assert top / second > top60 / second60


def test_empty_inputs() -> None:
    assert rrf_fuse([], []) == []
    assert rrf_fuse([[], []], [1.0, 1.0]) == []


@pytest.mark.parametrize(
    ("lists", "weights", "k"),
    [([["a"]], [1.0, 1.0], 60), ([["a"]], [-1.0], 60), ([["a"]], [float("nan")], 60), ([["a"]], [1.0], 0)],
)
def test_invalid_arguments(lists: list[list[str]], weights: list[float], k: int) -> None:
    with pytest.raises(ValueError):
        rrf_fuse(lists, weights, k=k)


def test_score_fuse_keeps_score_gaps() -> None:
    # by rank "b" and "a" tie (1st + 2nd each); by score, lexical's 4x margin for "b" decides
    dense = {"a": 0.82, "b": 0.80, "c": 0.70}
    lexical = {"b": 12.0, "a": 3.0, "c": 0.0}
    fused = score_fuse([dense, lexical], [1.0, 1.0])
    assert [item for item, _ in fused] == ["b", "a", "c"]
    assert math.isclose(dict(fused)["b"], (0.80 - 0.70) / (0.82 - 0.70) + 1.0)
    assert dict(fused)["c"] == 0.0


def test_score_fuse_absent_items_and_single_values() -> None:
    fused = dict(score_fuse([{"a": 0.5}, {"b": 7.0}], [1.0, 0.5]))
    assert fused == {"a": 1.0, "b": 0.5}  # a lone score normalises to 1
    assert [i for i, _ in score_fuse([{"b": 1.0, "a": 1.0}], [1.0])] == ["a", "b"]  # ties by id
    assert score_fuse([{}, {}], [1.0, 1.0]) == []
    with pytest.raises(ValueError):
        score_fuse([{"a": 1.0}], [1.0, 2.0])
    with pytest.raises(ValueError):
        score_fuse([{"a": 1.0}], [-1.0])


def test_shrink_short_takes_a_short_lines_lead_away() -> None:
    # "N.MINH" (2 words) is a hair ahead of two real sentences: the lead is noise, not evidence
    scores = {"byline": 0.832, "a": 0.830, "b": 0.800}
    lengths = {"byline": 2, "a": 30, "b": 25}
    shrunk = shrink_short(scores, lengths, prior_words=4)
    assert max(shrunk, key=shrunk.__getitem__) == "a"
    # min-max normalisation downstream no longer hands the short line the maximum
    assert score_fuse([shrunk], [1.0])[0][0] == "a"
    assert score_fuse([scores], [1.0])[0][0] == "byline"  # what happened before


def test_shrink_short_keeps_long_sentences_order_and_unknown_lengths() -> None:
    scores = {"a": 0.9, "b": 0.5, "c": 0.7}
    shrunk = shrink_short(scores, {"a": 40, "b": 40}, prior_words=4)
    assert shrunk["c"] == 0.7  # no length: kept as it is
    assert shrunk["a"] > shrunk["b"]
    assert shrink_short(scores, {"a": 1}, prior_words=0) == scores
    assert shrink_short({}, {}) == {}
    with pytest.raises(ValueError):
        shrink_short(scores, {}, prior_words=-1)
