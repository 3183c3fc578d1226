"""Fit the sentence confidence (answer/model/sentence_confidence.json): how likely a whole-sentence answer is right.

One row per question the product answers with a whole sentence (a free question, or a typed one no span of the
asked kind passed for), on dev splits only:
- ViNewsQA dev (--vinewsqa; bench/answers.py's recorded 0-distractor hits): the only large set of free questions;
- the dev parts of the labour question sets (--labour, answerable and traps), each over its own index;
- ViNewsQA-English dev (--english, bench/english_answers.py's recorded hits);
- off-topic questions (--off-topic, bench/off_topic.py: ViNewsQA questions asked of the labour articles).
A row is 1 when the answered sentence says the expected answer (the product quotes it); a trap's or an
off-topic question's answer is 0.

A logistic regression (scikit-learn, standardised features, fixed C, seeded) learns SENTENCE_CONFIDENCE_FEATURES.
Calibration is reported per source, each row scored by a model that never saw its source: a small source (a
labour set, the off-topic questions of one language) is left out whole; a large one (ViNewsQA, its English twin) is
cut into FOLDS parts by article and each part is left out in turn, so the model still knows the kind of question.
Reported: mean probability against the share right, in bins, and the Brier score. The shipped model is fitted
on all rows.

The retrieval rerankers were fitted on ViNewsQA dev, so their scores are in-sample there and read more
confidently than on unseen questions; --no-rerank drops the two rerank features (they then read as unknown).

Usage:
  python bench/fit_sentence_confidence.py --vinewsqa --labour data/questions/labour-dev.yaml:INDEX[:HITS.pkl] ... \\
      [--english HITS.pkl] [--off-topic INDEX[:EN_HITS.pkl[:VI_HITS.pkl]]] [--write | --out FILE]
"""

from __future__ import annotations

import argparse
import pickle
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from bench_env import prepare

prepare(OMP_NUM_THREADS="1", LABOUR_QA_TODAY="2017-12-31", LABOUR_QA_EMBED_THREADS="1")

import answer_sources  # noqa: E402  (bench/answer_sources.py)
from answer_sources import Asked, Source  # noqa: E402

import answer.extractive as extractive  # noqa: E402
from answer.extractive import TYPED_KINDS, ExtractiveAnswerer, sentence_input  # noqa: E402
from answer.scorer import LinearModel  # noqa: E402
from answer.sentence_confidence import (  # noqa: E402
    MODEL_FILE,
    SENTENCE_CONFIDENCE_FEATURES,
    SentenceConfidence,
    sentence_features,
)

SEED = 11
C = 1.0
FOLDS = 5
LARGE = 200  # rows: a source this large is left out by article parts, not whole
BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
_RERANK = [SENTENCE_CONFIDENCE_FEATURES.index(name) for name in ("rerank", "rerank_lead")]

# The rows must not depend on the model being fitted: the answerer is built without it.
extractive.load_sentence_confidence = lambda: None  # type: ignore[assignment]


class _Recording(ExtractiveAnswerer):
    """The product's answerer, keeping what each whole-sentence answer was chosen from."""

    chosen: list[tuple[Any, Any, list[Any]]]

    def _found(self, q, best, *, as_sentence=False, others=(), pool):  # type: ignore[no-untyped-def]
        answer = super()._found(q, best, as_sentence=as_sentence, others=others, pool=pool)
        if answer.answer_type == "sentence":
            self.chosen.append((q, best, list(pool)))
        return answer


def _recording(answerer: ExtractiveAnswerer) -> _Recording:
    answerer.__class__ = _Recording  # the same answerer (clock, corpus names, article reader), recording
    assert isinstance(answerer, _Recording)
    answerer.chosen = []
    # every answer the bars pass: the floors read the probability being fitted
    answerer.min_confidence = answerer.min_sentence_confidence = 0.0
    return answerer


class Rows:
    """One row per whole-sentence answer: source, question id, label, features."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, item: Asked, answer: Any, answerer: _Recording) -> None:
        if answer.found and answer.answer_type == "sentence" and answer.citations:
            cited = answer.citations[0]
            for q, best, pool in reversed(answerer.chosen):  # the answer given is the last one chosen for it
                if (best.hit.doc_id, best.hit.start) == (cited.doc_id, cited.start):
                    self.items.append(
                        dict(
                            group=item.group,
                            qid=item.qid,
                            article=best.hit.doc_id if item.article is None else item.article,
                            label=bool(item.says(best.hit.sentence)),
                            x=sentence_features(sentence_input(q, best, pool)),
                            typed=q.answer_type in TYPED_KINDS,
                        )
                    )
                    break
        answerer.chosen = []


def collect(rows: Rows, source: Source) -> None:
    answerer = _recording(source.answerer)
    for item in source.questions:
        rows.add(item, item.ask(), answerer)


def fold_of(item: dict[str, Any], sizes: Counter) -> str:
    """The part of the data a row is scored out of: its source, or for a large source a part of it by article
    (one part across sources: a ViNewsQA question and its English translation are scored together)."""
    if sizes[item["group"]] < LARGE:
        return item["group"]
    return f"articles#{zlib.crc32(item['article'].encode()) % FOLDS}"


def matrix(items: Sequence[dict[str, Any]], no_rerank: bool) -> np.ndarray:
    x = np.stack([r["x"] for r in items])
    if no_rerank:
        x = x.copy()
        x[:, _RERANK] = np.nan
    return x


def fit(items: Sequence[dict[str, Any]], no_rerank: bool) -> LinearModel:
    from sklearn.linear_model import LogisticRegression

    x = matrix(items, no_rerank)
    known = ~np.isnan(x)
    # a feature never known (--no-rerank) is constant 0: weight 0
    mean = np.where(known.any(axis=0), np.nansum(x, axis=0) / np.maximum(known.sum(axis=0), 1), 0.0)
    x = np.where(np.isnan(x), mean, x)  # unknown: the average answer's value
    y = np.array([int(r["label"]) for r in items])
    if len(set(y.tolist())) < 2:
        raise SystemExit("the rows of some fold are all right or all wrong: add questions (or sources) with both")
    scale = x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    model = LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit((x - mean) / scale, y)
    return LinearModel(SENTENCE_CONFIDENCE_FEATURES, mean, scale, model.coef_[0], float(model.intercept_[0]))


def calibration(p: np.ndarray, y: np.ndarray) -> list[dict[str, float]]:
    """Mean probability against the share right, per probability bin."""
    out = []
    for low, high in zip(BINS, BINS[1:]):
        inside = (p >= low) & (p < high)
        if inside.any():
            out.append(
                {
                    "from": low,
                    "n": int(inside.sum()),
                    "predicted": round(float(p[inside].mean()), 3),
                    "right": round(float(y[inside].mean()), 3),
                }
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    answer_sources.add_arguments(parser)
    parser.add_argument(
        "--no-rerank", action="store_true", help="leave out the rerank features (in-sample on ViNewsQA)"
    )
    parser.add_argument("--rows", type=Path, help="keep the collected rows here (read back when the file exists)")
    answer_sources.add_output_arguments(parser, MODEL_FILE)
    args = parser.parse_args(argv)

    if args.rows is not None and args.rows.exists():
        items = pickle.loads(args.rows.read_bytes())
    else:
        rows = Rows()
        for source in answer_sources.chosen(args):
            collect(rows, source)
        items = rows.items
        if args.rows is not None:
            args.rows.write_bytes(pickle.dumps(items))
    groups = sorted({r["group"] for r in items})
    if len(groups) < 2:
        raise SystemExit("need at least two sources to score each on a model fitted on the others")
    print(
        "rows per source (right/all):",
        {
            g: f"{sum(r['label'] for r in items if r['group'] == g)}/{sum(r['group'] == g for r in items)}"
            for g in groups
        },
    )

    y = np.array([float(r["label"]) for r in items])
    sizes = Counter(r["group"] for r in items)
    folds = [fold_of(r, sizes) for r in items]
    held = np.zeros(len(items))
    for fold in sorted(set(folds)):
        idx = [i for i, f in enumerate(folds) if f == fold]
        model = fit([r for r, f in zip(items, folds) if f != fold], args.no_rerank)
        held[idx] = model.probabilities(matrix([items[i] for i in idx], args.no_rerank))
    by_source = {}
    for group in groups:
        idx = np.array([i for i, r in enumerate(items) if r["group"] == group])
        by_source[group] = calibration(held[idx], y[idx])
        print(f"{group}: out of source (bin from, n, predicted, right)", [tuple(b.values()) for b in by_source[group]])
    pooled = calibration(held, y)
    print("pooled out of source:", [tuple(b.values()) for b in pooled])
    brier = float(np.mean((held - y) ** 2))
    print(f"Brier score out of source {brier:.4f} (constant rate: {float(np.mean((y.mean() - y) ** 2)):.4f})")

    model = fit(items, args.no_rerank)
    print("coefficients (standardised):", dict(zip(SENTENCE_CONFIDENCE_FEATURES, np.round(model.coef, 3).tolist())))
    confidence = SentenceConfidence(
        model,
        {
            **answer_sources.fit_meta("fit_sentence_confidence.py", argv, items, seed=SEED, c=C),
            "no_rerank": args.no_rerank,
            "out_of_source_brier": round(brier, 4),
            "out_of_source_calibration": pooled,
        },
    )
    answer_sources.write_model(args, MODEL_FILE, confidence.to_json())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
