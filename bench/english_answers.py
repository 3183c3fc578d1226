"""English → Vietnamese benchmark: English translations of UIT-ViNewsQA dev questions asked over the Vietnamese
articles (issue 8's "English→Vietnamese" check, on data we can share).

`data/questions/vinewsqa-english.jsonl` holds 640 questions from the two halves of bench/answers.py's split by
article (dev = even-numbered articles, tuned on: 520; held-out = odd-numbered, scored once at the end of a
session: 120), translated by helpers who never saw the product's output: the first 240 lines (120 per half) on
2026-12-02, 400 more dev questions (seeded sample 20261202 of the untranslated ones) a session later. One line
each: {"qid", "split", "question"}. The gold
answers are the Vietnamese ones of the shared ViNewsQA file, read by qid.

Every question goes through LabourQA.ask over the index bench/answers.py builds (`--distractors 0`: the 500
ViNewsQA articles alone, as in the Wikipedia-style check; 1000: with Baomoi distractors). Reported per split:
- answer holds gold: the answer text contains a gold span (bench/retrieval.py's normalisation);
- precision when found and coverage (found answers / questions);
- gold first / in the top 8: where the first sentence holding a gold span ranks among the hits.

Usage: python bench/english_answers.py [--split dev|held-out|all] [--distractors 0] [--hits H.pkl [--replay]]
(--hits keeps every question's search hits; with --replay the answerer reads them back: seconds instead of a
minute or more, for answerer changes; a glossary change alters English search text and needs a new recording.)
The index is bench/answers.py's cache: build it first with `python bench/answers.py --distractors 0 --build-only
--engines service`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

# see bench/answers.py: one thread keeps query latency steady
ROOT = prepare(OMP_NUM_THREADS="1")

from answers import split_of  # noqa: E402  (bench/answers.py)
from recorded_hits import RecordedSearch  # noqa: E402
from retrieval import CACHE, Question, contains_answer, corpus_key, load_data, missing_data  # noqa: E402

QUESTIONS = ROOT / "data" / "questions" / "vinewsqa-english.jsonl"


@dataclass(frozen=True)
class EnglishQuestion:
    """One translated question and the Vietnamese gold answers of its original."""

    qid: str
    split: str
    text: str
    answers: tuple[str, ...]


def translations(originals: Sequence[Question]) -> list[tuple[Question, str, str]]:
    """Every translated question as (its Vietnamese original, its split, the English text); the file's split is
    checked against the original's article."""
    by_id = {q.qid: q for q in originals}
    out = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        original = by_id[row["qid"]]
        if split_of(original) != row["split"]:
            raise ValueError(f"{row['qid']}: the file says {row['split']}, its article is in {split_of(original)}")
        out.append((original, row["split"], row["question"]))
    return out


def load_questions(split: str, distractors: int) -> tuple[list, list[EnglishQuestion]]:
    """The articles and the translated questions of one split, each with its Vietnamese gold answers."""
    articles, questions = load_data(distractors, None)
    out = [
        EnglishQuestion(original.qid, part, text, original.answers)
        for original, part, text in translations(questions)
        if split in ("all", part)
    ]
    return articles, out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("all", "dev", "held-out"), default="dev")
    parser.add_argument("--distractors", type=int, default=0)
    parser.add_argument("--hits", type=Path, help="keep each question's search hits here (read back with --replay)")
    parser.add_argument("--replay", action="store_true", help="answer from the --hits recording: answerer changes only")
    args = parser.parse_args(argv)
    if args.replay and args.hits is None:
        parser.error("--replay needs --hits")
    problem = missing_data(args.distractors)
    if problem:
        print(problem, file=sys.stderr)  # noqa: T201
        return 2
    articles, questions = load_questions(args.split, args.distractors)
    index = CACHE / f"answers-service-{corpus_key(articles)}" / "index"
    if not index.is_dir():
        print(f"no index at {index}: run python bench/answers.py --distractors {args.distractors} --build-only --engines service", file=sys.stderr)  # noqa: T201
        return 2

    from service import LabourQA
    from settings import Settings

    qa = LabourQA(Settings(index_dir=index))
    recording = RecordedSearch(qa, args.hits, replay=args.replay) if args.hits is not None else None
    counts = {"questions": 0, "right": 0, "found": 0, "gold_first": 0, "gold_top8": 0}
    for q in questions:
        answer = qa.ask(q.text)
        hits = qa.search(q.text, k=8)
        rank = next((i for i, h in enumerate(hits) if contains_answer(h.sentence, q.answers)), None)
        counts["questions"] += 1
        counts["found"] += answer.found
        counts["right"] += answer.found and contains_answer(answer.answer, q.answers)
        counts["gold_first"] += rank == 0
        counts["gold_top8"] += rank is not None
    if recording is not None:
        recording.save()
    n = max(counts["questions"], 1)
    print("| split | questions | answer holds gold | precision when found | coverage | gold first | gold in top 8 |")  # noqa: T201
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")  # noqa: T201
    print(  # noqa: T201
        f"| {args.split} ({args.distractors} distractors) | {counts['questions']} | {counts['right'] / n:.3f} | "
        f"{counts['right'] / max(counts['found'], 1):.3f} | {counts['found'] / n:.3f} | {counts['gold_first'] / n:.3f} | "
        f"{counts['gold_top8'] / n:.3f} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
