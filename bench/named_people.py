"""What reading the articles that name a question's person costs: `ask` timed with and without it, per question.

LabourQA.ask searches once, then, when the question names a Vietnamese person and a retrieved article names them,
searches those articles (at most two) alone and adds their best sentences (service._with_named_people). This times
both ways on the questions of labour question sets that name a person, in one process, the order alternating per
question, the per-process caches (tokens, BM25 counts, title vectors) cleared before every call; prints p50 / p95
of each and how many answers changed.

    python bench/named_people.py data/questions/labour-*.yaml --index <749-article index> [--split dev]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare(LABOUR_QA_TODAY="2017-12-31", LABOUR_QA_EMBED_THREADS="1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    args = parser.parse_args()

    from latency import _cold, print_timings

    from answer.qtypes import analyse_question, vietnamese_names
    from evaluation.questions import load_question_set, select_split
    from service import LabourQA
    from settings import Settings

    qa = LabourQA(Settings(index_dir=args.index), create=False)
    expand = qa._with_named_people
    questions = [
        q.question
        for path in args.sets
        for q in select_split(load_question_set(path), args.split)
        if vietnamese_names(analyse_question(qa.with_marks(q.question)))
    ]
    times: dict[str, list[float]] = {"with": [], "without": []}
    changed = 0
    for i, question in enumerate(questions):
        answers = {}
        for mode in ("with", "without") if i % 2 == 0 else ("without", "with"):
            qa._with_named_people = expand if mode == "with" else (lambda _q, hits, _f: hits)  # type: ignore[method-assign]
            _cold([qa])
            started = time.perf_counter()
            answers[mode] = qa.ask(question).answer
            times[mode].append((time.perf_counter() - started) * 1000)
        changed += answers["with"] != answers["without"]
    print(f"{len(questions)} questions naming a person; answers changed: {changed}")  # noqa: T201
    print_timings("ask", times)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
