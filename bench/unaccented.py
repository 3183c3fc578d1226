"""Vietnamese questions typed without marks: how well the marks come back, and what that does to the answers.

Each Vietnamese question of a set that is written with marks is folded to what a user typing without them would
send ("bao nhiêu" -> "bao nhieu"), then asked three ways over the same index:
- as written, with marks (the ceiling);
- unmarked, with the marks put back from the index (the product: LabourQA.with_marks, index/marks.py);
- unmarked, as typed (what the product did before).
It prints the share of words whose marks came back right (a word's spelling against the question as written) and,
per way, the answerable questions answered right and the traps refused.

Usage:
  python bench/unaccented.py data/questions/labour-dev.yaml --index IDX [--split dev|heldout|all] \\
      [--hits H.pkl [--replay]]
--hits keeps every search (all three ways) so a later --replay re-scores an answerer change without retrieval.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bench_env import prepare  # bench/bench_env.py: sys.path and offline defaults

prepare(LABOUR_QA_TODAY="2017-12-31", LABOUR_QA_EMBED_THREADS="1")

if TYPE_CHECKING:
    from evaluation.runner import GroupMetrics

_WORD_RE = re.compile(r"[^\W\d_]+")


def word_accuracy(pairs: Sequence[tuple[str, str]]) -> tuple[int, int]:
    """(words spelt as written, words) over (written, restored) question pairs; the two hold the same words
    unmarked, so they are compared word by word."""
    right = total = 0
    for written, restored in pairs:
        a, b = _WORD_RE.findall(written.lower()), _WORD_RE.findall(restored.lower())
        total += len(a)
        right += sum(x == y for x, y in zip(a, b))
    return right, total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--hits", type=Path, help="recorded search hits (written, or read with --replay)")
    parser.add_argument("--replay", action="store_true", help="answer from the recorded hits")
    args = parser.parse_args(argv)

    from recorded_hits import RecordedSearch

    from answer.language import detect_language
    from evaluation.questions import load_question_set, select_split
    from evaluation.runner import evaluate
    from ingest.vietnamese import fold, has_diacritics
    from service import LabourQA
    from settings import Settings

    qa = LabourQA(Settings(index_dir=args.index), create=False)
    recording = RecordedSearch(qa, args.hits, replay=args.replay) if args.hits else None
    marked = [
        q
        for q in select_split(load_question_set(args.questions), args.split)
        if has_diacritics(q.question) and detect_language(q.question) == "vi" and not q.follows
    ]
    typed = [dataclasses.replace(q, question=fold(q.question)) for q in marked]
    read_back = [(q.question, qa.with_marks(t.question)) for q, t in zip(marked, typed)]
    right, total = word_accuracy(read_back)
    whole = sum(written.lower() == restored.lower() for written, restored in read_back)
    print(  # noqa: T201
        f"{args.questions.stem} ({args.split}): {len(marked)} Vietnamese questions; marks back right on "
        f"{right}/{total} words ({right / max(total, 1):.3f}), whole question {whole}/{len(marked)}"
    )
    ways = {"with marks": marked, "unmarked, marks put back": typed}
    for way, questions in ways.items():
        _report(way, evaluate(qa, questions, split=args.split).overall)
    with_marks = qa.with_marks
    qa.with_marks = lambda question: question  # type: ignore[method-assign]  # what the product did before
    _report("unmarked, as typed", evaluate(qa, typed, split=args.split).overall)
    qa.with_marks = with_marks  # type: ignore[method-assign]
    if recording is not None:
        recording.save()
    return 0


def _report(way: str, o: GroupMetrics) -> None:
    print(  # noqa: T201
        f"  {way:26} right {o.answerable_correct}/{o.answerable}, traps refused {o.traps_refused}/{o.traps}, "
        f"found {o.found} of which right {o.found_correct}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
