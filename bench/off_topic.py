"""Questions the corpus cannot answer: ViNewsQA questions (health news) asked of the labour articles.

A product that says "not found" when the articles do not answer should refuse nearly all of them: the labour
corpus shares a few topics with health news (health insurance, hospitals), so a handful may be answerable, but
an answer to "How did the ancient Egyptians make lipstick?" from labour news is a guess. Reported: how many were
answered (lower is better) and, with --show, some of those answers to read. The questions are the first --limit of
the dev half (--split held-out: of the held-out half, which no model was fitted on), Vietnamese (the shared ViNewsQA
file) or English (data/questions/vinewsqa-english.jsonl).

The index is a product index over the 749 labour articles, e.g.
  python scripts/labour_corpus.py --all /tmp/labour/articles && labour-qa ingest /tmp/labour/articles --index /tmp/labour/index

Usage: python bench/off_topic.py --index DIR [--language vi|en] [--split dev|held-out] [--limit 200] [--hits H.pkl [--replay]]
       [--show K]
(--hits keeps each question's search hits; --replay answers from them: an answerer change in seconds).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare(LABOUR_QA_TODAY="2017-12-31", LABOUR_QA_EMBED_THREADS="1")

from answers import split_of  # noqa: E402  (bench/answers.py)
from recorded_hits import RecordedSearch  # noqa: E402
from retrieval import load_data, missing_data  # noqa: E402


def questions(language: str, limit: int, split: str = "dev") -> list[str]:
    """The first `limit` ViNewsQA questions of one half (dev, or held-out: never used to fit or tune) in one
    language."""
    if language == "en":
        from english_answers import load_questions

        return [q.text for q in load_questions(split, 0)[1]][:limit]
    _, vietnamese = load_data(0, None)
    return [q.text for q in vietnamese if split_of(q) == split][:limit]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="a product index over the labour articles")
    parser.add_argument("--language", choices=("vi", "en"), default="en")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument(
        "--split", choices=("dev", "held-out"), default="dev", help="which ViNewsQA half the questions come from"
    )
    parser.add_argument("--hits", type=Path, help="keep each question's search hits here (read back with --replay)")
    parser.add_argument("--replay", action="store_true", help="answer from the --hits recording: answerer changes only")
    parser.add_argument("--show", type=int, default=0, help="print this many of the answers given")
    args = parser.parse_args(argv)
    if args.replay and args.hits is None:
        parser.error("--replay needs --hits")
    problem = missing_data(0)
    if problem:
        print(problem, file=sys.stderr)  # noqa: T201
        return 2
    if not args.index.is_dir():
        print(f"no index at {args.index}", file=sys.stderr)  # noqa: T201
        return 2

    from service import LabourQA
    from settings import Settings

    qa = LabourQA(Settings(index_dir=args.index), create=False)
    recording = RecordedSearch(qa, args.hits, replay=args.replay) if args.hits is not None else None
    asked = questions(args.language, args.limit, args.split)
    answered = []
    for question in asked:
        answer = qa.ask(question)
        if answer.found:
            answered.append((question, answer.answer))
    if recording is not None:
        recording.save()
    print(  # noqa: T201
        f"{args.language}: {len(answered)} of {len(asked)} off-topic questions answered "
        f"({len(answered) / max(len(asked), 1):.3f}; lower is better)"
    )
    for question, text in answered[: args.show]:
        print(f"- {question}\n    {' '.join(text.split())[:160]}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
