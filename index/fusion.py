"""Weighted reciprocal rank fusion: combine ranked lists by rank, never by incomparable raw scores."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def rrf_fuse(lists: Sequence[Sequence[str]], weights: Sequence[float], k: int = 60) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score(id) = sum of weight / (k + rank), rank from 1; best first.

    Args:
        lists: ranked ids, best first; an id repeated within one list counts at its best rank only.
        weights: one non-negative weight per list (0 switches a list off).
        k: the RRF constant; larger k flattens the difference between top and lower ranks.

    Ties are broken by the id, so the order never depends on dict or set iteration order.
    """
    if len(lists) != len(weights):
        raise ValueError(f"Got {len(lists)} ranked lists but {len(weights)} weights")
    if k <= 0:
        raise ValueError("k must be positive")
    for weight in weights:
        if not math.isfinite(weight) or weight < 0:
            raise ValueError(f"Weights must be finite and non-negative, got {weight!r}")
    scores: dict[str, float] = {}
    for ranked, weight in zip(lists, weights):
        if weight == 0:
            continue
        seen: set[str] = set()
        rank = 0
        for item in ranked:
            if item in seen:
                continue
            seen.add(item)
            rank += 1
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def score_fuse(
    scores: Sequence[Mapping[str, float]], weights: Sequence[float]
) -> list[tuple[str, float]]:
    """Fuse score maps by a weighted sum of min-max normalised scores (absent = 0); best first.

    Unlike RRF this keeps how far apart the scores are (a BM25 match four times stronger than the
    runner-up counts for more than one rank), at the price of trusting each side's score scale.
    """
    if len(scores) != len(weights):
        raise ValueError(f"Got {len(scores)} score maps but {len(weights)} weights")
    for weight in weights:
        if not math.isfinite(weight) or weight < 0:
            raise ValueError(f"Weights must be finite and non-negative, got {weight!r}")
    fused: dict[str, float] = {}
    for mapping, weight in zip(scores, weights):
        if weight == 0 or not mapping:
            continue
        low, high = min(mapping.values()), max(mapping.values())
        spread = high - low
        for item, value in mapping.items():
            normalised = (value - low) / spread if spread > 0 else 1.0
            fused[item] = fused.get(item, 0.0) + weight * normalised
    for mapping in scores:
        for item in mapping:
            fused.setdefault(item, 0.0)
    return sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))


def shrink_short(scores: Mapping[str, float], lengths: Mapping[str, int], prior_words: float = 4.0) -> dict[str, float]:
    """Trust each score by how much text backs it: (n * s + m * floor) / (n + m), floor = the lowest score.

    Why: the embedding of a line of two words ("N.MINH", "Ảnh minh họa.") says almost nothing, so it
    sits close to every vague question; min-max normalisation then turned its small lead into the
    maximum score. Here a sentence of n words counts as n observations and the prior, worth m =
    prior_words words, is the weakest candidate's score (no evidence of fit): a long sentence keeps
    nearly its own score, a two-word line cannot lead on the little it says. On ViNewsQA dev (500
    articles, no distractors; bench/retrieval.py --engines memory), with the BM25 length floor: right
    article first 79.1% -> 79.5%, top sentence holds the answer 60.2% -> 61.6%.

    Args:
        scores: id -> score of one retrieval side.
        lengths: id -> words of its text (a missing id counts as long: its score is kept).
        prior_words: how many words the prior is worth; 0 turns shrinkage off.
    """
    if prior_words < 0 or not math.isfinite(prior_words):
        raise ValueError("prior_words must be finite and non-negative")
    if not scores or prior_words == 0:
        return dict(scores)
    floor = min(scores.values())
    shrunk = {}
    for item, value in scores.items():
        words = lengths.get(item)
        shrunk[item] = value if words is None else (words * value + prior_words * floor) / (words + prior_words)
    return shrunk
