"""Re-score a labour question set on recorded search hits: an answerer change measured in seconds, not minutes.

The first run (without --replay) asks every question through LabourQA as `labour-qa eval` does and keeps the hits
each search returned in --hits; later runs with --replay answer from those hits (no embedding, no retrieval), so
only the answerer's changes move the figures. A change to retrieval (the glossary joins English search text)
needs a new recording. --dump writes one row per question; --against an earlier dump lists the questions whose
answer changed.

Usage:
  python bench/labour_replay.py data/questions/labour-dev.yaml --index IDX --hits H.pkl [--split dev] [--dump D.json]
  python bench/labour_replay.py data/questions/labour-dev.yaml --index IDX --hits H.pkl --replay --against D.json

Evaluations of our sets use LABOUR_QA_TODAY=2017-12-31 (the articles are of 2016-2017); this script sets it
unless the environment does.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare(LABOUR_QA_TODAY="2017-12-31", LABOUR_QA_EMBED_THREADS="1")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--hits", type=Path, required=True, help="recorded search hits (written, or read with --replay)")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--replay", action="store_true", help="answer from the recorded hits")
    parser.add_argument("--dump", type=Path, help="write one row per question (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier dump: list the questions whose answer changed")
    args = parser.parse_args(argv)

    from recorded_hits import RecordedSearch

    from evaluation.questions import load_question_set, select_split
    from evaluation.runner import evaluate
    from service import LabourQA
    from settings import Settings

    qa = LabourQA(Settings(index_dir=args.index), create=False)
    recording = RecordedSearch(qa, args.hits, replay=args.replay)
    report = evaluate(qa, select_split(load_question_set(args.questions), args.split), split=args.split)
    recording.save()
    rows = [
        {"id": r.id, "question": r.question, "lang": r.lang, "trap": r.trap, "right": r.answer_ok, "found": r.found, "answer": r.answer, "confidence": r.confidence}
        for r in report.results
    ]
    if args.dump:
        args.dump.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    o = report.overall
    print(  # noqa: T201
        f"{args.questions.stem} ({args.split}): right {o.answerable_correct}/{o.answerable} answerable, "
        f"traps refused {o.traps_refused}/{o.traps}, found {o.found} of which right {o.found_correct}"
    )
    if args.against:
        before = {row["id"]: row for row in json.loads(args.against.read_text(encoding="utf-8"))}
        for row in rows:
            old = before.get(row["id"])
            if old is not None and (old["right"], old["answer"]) != (row["right"], row["answer"]):
                print(f"- {row['id']} [{row['lang']}{', trap' if row['trap'] else ''}] right {old['right']} -> {row['right']}")  # noqa: T201
                print(f"    before: {old['answer'][:160]!r}\n    now:    {row['answer'][:160]!r}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
