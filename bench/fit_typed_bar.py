"""Fit the learned typed bar (answer/model/typed_bar.json): whether a typed candidate answers.

Rows are the typed candidates (a span of the asked kind inside a retrieved sentence) that reach the answerer's
choice, after its vetoes (year, place, organisation, named numbers), for questions of the dev splits only:
- the dev parts of the labour question sets (answerable and traps), each over its own index;
- optionally ViNewsQA dev (--vinewsqa) and ViNewsQA-English dev (--english). Not used for the shipped model: the
  retrieval rerankers were fitted on those very questions, so their scores there are in-sample and the model
  learned to trust them too much (labour dev parts 191 -> 184 right when it did);
- off-topic questions (bench/off_topic.py: ViNewsQA dev questions asked of the labour articles), English and
  Vietnamese;
- optionally the probe files (--probes, data/probes/*.tsv), each a source: questions written over labour articles
  that no question set's held-out part uses, already fit data (their failures chose fixes), half of them English.
  Not used for the shipped model: fitted on them too (probe 23 left out), the bar answered more on every answer set
  (labour dev, probe 23, ViNewsQA) and refused fewer traps on every trap set (the synthetic ones, off-topic, the
  labour held-out parts: 282 right of 368 answered against 283 of 364), fifty-fourth session.
A row is labelled 1 when its sentence says the expected answer (the product quotes the sentence: an answer is
right when it does); every row of a trap or an off-topic question is 0.

A logistic regression (scikit-learn, standardised features, fixed C) learns TYPED_BAR_FEATURES. The product keeps
the hand-set bars and lets the model admit a candidate they refuse (replacing them lost labour answers whose
sentence fallback was right), and orders the passing candidates by the model's probability, as the answerer does.
Each source is scored by a model fitted on the others (leave one source out); per question the passing candidate
with the highest out-of-source probability answers, right when its label is 1, and the threshold is the one whose
pooled out-of-source answers earn most at --wrong-cost refusals per wrong answer.

Usage:
  python bench/fit_typed_bar.py --labour data/questions/labour-dev.yaml:INDEX[:HITS.pkl] ... \\
      [--vinewsqa] [--english HITS.pkl] [--off-topic INDEX[:EN_HITS.pkl[:VI_HITS.pkl]]] \\
      [--probes TSV[,TSV...]:INDEX[:HITS.pkl]] [--wrong-cost 2] [--write]
HITS.pkl are recorded searches (a dict keyed by (question, k), as bench/recorded_hits.py writes); without them
the index is searched.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
from bench_env import prepare

prepare(OMP_NUM_THREADS="1", LABOUR_QA_TODAY="2017-12-31", LABOUR_QA_EMBED_THREADS="1")

import answer_sources  # noqa: E402  (bench/answer_sources.py)
from answer_sources import Asked, Source  # noqa: E402

from answer.extractive import TYPED_KINDS, ExtractiveAnswerer, bar_input, bar_may_admit, with_score_leads  # noqa: E402
from answer.scorer import LinearModel  # noqa: E402
from answer.typed_bar import MODEL_FILE, TYPED_BAR_FEATURES, TypedBar, typed_bar_features  # noqa: E402

SEED = 7
C = 1.0


class _Recording(ExtractiveAnswerer):
    """The product's answerer, keeping the candidates its choice sees (after the vetoes)."""

    seen: list[tuple[Any, list[Any]]]

    def _by_scores(self, q, cands, everything=()):  # type: ignore[no-untyped-def]
        self.seen.append((q, list(cands)))
        return super()._by_scores(q, cands, everything)


def _recording(answerer: ExtractiveAnswerer) -> _Recording:
    answerer.__class__ = _Recording  # the same answerer (clock, corpus names, article reader), recording
    assert isinstance(answerer, _Recording)
    answerer.seen = []
    return answerer


class Rows:
    """The collected rows: group, question id, label, features, the product's own score (for the choice)."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, item: Asked, answerer: _Recording) -> None:
        for q, cands in answerer.seen[:1]:  # the first choice is the question's own (a follow-up may add more)
            if q.answer_type not in TYPED_KINDS:
                continue
            for c in with_score_leads(cands):  # as the answerer's choice reads them
                if c.span is None or c.year_ok is False or not bar_may_admit(q, c):
                    # no span: the sentence fallback decides; another year: vetoed before the bar; the rest the
                    # product never asks the bar about
                    continue
                x = typed_bar_features(bar_input(q, c))
                self.items.append(
                    dict(group=item.group, qid=item.qid, label=bool(item.says(c.hit.sentence)), x=x, score=c.score)
                )
        answerer.seen = []


def collect(rows: Rows, source: Source) -> None:
    answerer = _recording(source.answerer)
    for item in source.questions:
        item.ask()
        rows.add(item, answerer)


def fit(items: Sequence[dict[str, Any]]) -> LinearModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.stack([r["x"] for r in items])
    x = np.where(np.isnan(x), np.nanmean(x, axis=0), x)  # an unknown rerank score: the average candidate's
    y = np.array([int(r["label"]) for r in items])
    if len(set(y.tolist())) < 2:
        raise SystemExit("the rows of some fold are all right or all wrong: add questions (or sources) with both")
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit((x - scaler.mean_) / scale, y)
    return LinearModel(TYPED_BAR_FEATURES, scaler.mean_, scale, model.coef_[0], float(model.intercept_[0]))


def choices(
    items: Sequence[dict[str, Any]], probability: np.ndarray, threshold: float, order: np.ndarray
) -> Counter:
    """Per question: right, wrong or refused, when of the candidates at or above the threshold the one first by order
    (the bar's probability, as the answerer orders them; then the word-overlap score) answers."""
    by_question: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(items):
        by_question[(r["group"], r["qid"])].append(i)
    out: Counter = Counter()
    for (group, _), idx in by_question.items():
        passing = [i for i in idx if probability[i] >= threshold]
        if not passing:
            out[(group, "refused")] += 1
        else:
            best = max(passing, key=lambda i: (order[i], items[i]["score"]))
            out[(group, "right" if items[best]["label"] else "wrong")] += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    answer_sources.add_arguments(parser)
    parser.add_argument("--wrong-cost", type=float, default=2.0, help="refusals one wrong answer is worth")
    answer_sources.add_output_arguments(parser, MODEL_FILE)
    args = parser.parse_args(argv)

    rows = Rows()
    for source in answer_sources.chosen(args):
        collect(rows, source)
    items = rows.items
    groups = sorted({r["group"] for r in items})
    if len(groups) < 2:
        raise SystemExit("need at least two sources to score each on a model fitted on the others")
    print("rows per source:", dict(Counter(r["group"] for r in items)))

    held = np.zeros(len(items))
    for group in groups:
        model = fit([r for r in items if r["group"] != group])
        idx = [i for i, r in enumerate(items) if r["group"] == group]
        x = np.stack([items[i]["x"] for i in idx])
        held[idx] = model.probabilities(x)

    # the hand-set bars the model replaces (support = mean of coverage and alignment >= 0.4, alignment >= 0.15)
    hand = np.array([float(0.5 * (r["x"][0] + r["x"][1]) >= 0.4 and r["x"][1] >= 0.15) for r in items])
    c = choices(items, hand, 0.5, held)
    hand_right = sum(v for (g, k), v in c.items() if k == "right")
    hand_wrong = sum(v for (g, k), v in c.items() if k == "wrong")
    print(
        f"hand-set bars:  right {hand_right} wrong {hand_wrong}  "
        + "  ".join(f"{g} {c[(g, 'right')]}/{c[(g, 'wrong')]}/{c[(g, 'refused')]}" for g in groups)
    )
    thresholds = [round(t, 2) for t in np.arange(0.30, 0.81, 0.05)]
    table = {}
    for t in thresholds:
        # the product's rule: a candidate the hand-set bars pass answers; the model may admit one they refuse
        c = choices(items, np.maximum(hand, (held >= t).astype(float)), 0.5, held)
        right = sum(v for (g, k), v in c.items() if k == "right")
        wrong = sum(v for (g, k), v in c.items() if k == "wrong")
        table[t] = (right, wrong, right / max(right + wrong, 1), c)
        print(
            f"threshold {t:.2f}: right {right} wrong {wrong} precision {table[t][2]:.3f}  "
            + "  ".join(f"{g} {c[(g, 'right')]}/{c[(g, 'wrong')]}/{c[(g, 'refused')]}" for g in groups)
        )
    # a wrong answer costs more than a refusal: the threshold that earns most, out of source, at that price
    gain = {t: table[t][0] - args.wrong_cost * table[t][1] for t in thresholds}
    chosen = max(thresholds, key=lambda t: (gain[t], t))
    print(
        f"hand-set bars alone earn {hand_right - args.wrong_cost * hand_wrong:.0f}; the model's second chance "
        f"at {chosen} earns {gain[chosen]:.0f} (right - {args.wrong_cost} x wrong)"
    )
    model = fit(items)
    print("coefficients (standardised):", dict(zip(TYPED_BAR_FEATURES, np.round(model.coef, 3).tolist())))
    bar = TypedBar(
        model,
        chosen,
        {
            **answer_sources.fit_meta("fit_typed_bar.py", argv, items, seed=SEED, c=C),
            "wrong_cost": args.wrong_cost,
            "held_out_by_source_at_threshold": {
                "right": table[chosen][0],
                "wrong": table[chosen][1],
                "precision": round(table[chosen][2], 4),
            },
        },
    )
    answer_sources.write_model(args, MODEL_FILE, bar.to_json())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
