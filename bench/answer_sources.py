"""The questions the answerer's models are fitted on (bench/fit_typed_bar.py, bench/fit_sentence_confidence.py).

Each source gives the product's answerer, built as the product builds it, and its questions: how to ask one and
whether a sentence says its expected answer. A fitting script swaps the answerer's class for one that records
what it needs, then asks every question. Dev splits and probe files only: never a held-out part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from bench_env import ROOT


@dataclass(frozen=True)
class Asked:
    """One question of a source: ask() answers it through the source's answerer; says(sentence) is whether a
    sentence says its expected answer (never, for a trap or an off-topic question)."""

    group: str
    qid: str
    ask: Callable[[], Any]
    says: Callable[[str], bool]
    article: str | None = None  # the question's article, where the source knows it


@dataclass(frozen=True)
class Source:
    answerer: Any  # the ExtractiveAnswerer every ask() goes through
    questions: list[Asked]


def labour_service(index: Path, hits: Path | None) -> Any:
    """LabourQA over an index, its searches served from recorded hits where they hold the question (dict keyed by
    (question, k), as bench/recorded_hits.py writes), with its answerer built."""
    from service import LabourQA
    from settings import Settings

    qa = LabourQA(Settings(index_dir=index), create=False)
    if hits is not None:
        store = pickle.loads(hits.read_bytes())
        real = qa._search

        def search(question: str, k: int | None = None, filters: Any = None, within: Any = None) -> Any:
            key = (question, k) if within is None else (question, k, tuple(sorted(within)))
            if key not in store:
                store[key] = real(question, k, filters, within)
            return list(store[key])

        qa._search = search
    qa.ask("Có bao nhiêu lao động?")  # builds the answerer
    return qa


def labour(spec: str) -> Source:
    """SET.yaml:INDEX[:HITS.pkl]: a labour question set's dev split (answerable and traps; not follow-ups)."""
    from evaluation import scoring
    from evaluation.questions import load_question_set, select_split

    path, index, *hits = spec.split(":")
    qa = labour_service(Path(index), Path(hits[0]) if hits else None)
    group = Path(path).stem
    return Source(
        qa._answerer,
        [
            Asked(
                group,
                q.id,
                lambda q=q: qa.ask(q.question),
                lambda sentence, q=q: q.answerable and scoring.says_expected(q, sentence),
            )
            for q in select_split(load_question_set(path), "dev")
            if q.follows is None
        ],
    )


def _written_forms(expected: str) -> tuple[str, ...]:
    """An expected answer as a sentence may write it: as given, and its figures with the other grouping and decimal
    marks ("163.600" / "163,600", "1,46" / "1.46")."""
    forms = {expected, re.sub(r"(?<=\d)\.(?=\d{3})", ",", expected), re.sub(r"(?<=\d),(?=\d)", ".", expected)}
    return tuple(sorted(forms))


def probes(spec: str) -> list[Source]:
    """TSV[,TSV...]:INDEX[:HITS.pkl]: probe questions (data/probes/*.tsv: article, question, expected or TRAP), one
    source per file; a sentence says the answer when it holds the expected text (a trap's, never)."""
    from evaluation.scoring import contains

    paths, index, *hits = spec.split(":")
    qa = labour_service(Path(index), Path(hits[0]) if hits else None)
    out = []
    for path in paths.split(","):
        asked = []
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            doc, question, expected = line.split("\t")[:3]
            forms = () if expected.strip() == "TRAP" else _written_forms(expected.strip())
            asked.append(
                Asked(
                    Path(path).stem,
                    str(n),
                    lambda question=question: qa.ask(question),
                    lambda sentence, forms=forms: any(contains(sentence, f) for f in forms),
                    doc.removesuffix(".txt"),
                )
            )
        out.append(Source(qa._answerer, asked))
    return out


def vinewsqa() -> Source:
    """ViNewsQA dev over bench/answers.py's recorded 0-distractor hits, through a bare answerer (as its replay)."""
    from answers import split_of
    from retrieval import CACHE, contains_answer, corpus_key, load_data

    from answer.extractive import ExtractiveAnswerer

    articles, questions = load_data(0, None)
    kept = pickle.loads((CACHE / f"answers-hits-{corpus_key(articles)}.pkl").read_bytes())
    answerer = ExtractiveAnswerer()
    return Source(
        answerer,
        [
            Asked(
                "vinewsqa",
                q.qid,
                lambda q=q: answerer.answer(q.text, kept[q.qid]),
                lambda sentence, q=q: contains_answer(sentence, q.answers),
                q.article,
            )
            for q in questions
            if split_of(q) == "dev"
        ],
    )


def english(hits: Path) -> Source:
    """ViNewsQA-English dev over bench/english_answers.py's recorded hits."""
    from english_answers import load_questions
    from recorded_hits import RecordedSearch
    from retrieval import CACHE, contains_answer, corpus_key, load_data

    from service import LabourQA
    from settings import Settings

    articles, questions = load_questions("dev", 0)
    article_of = {q.qid: q.article for q in load_data(0, None)[1]}  # the Vietnamese original's article
    qa = LabourQA(Settings(index_dir=CACHE / f"answers-service-{corpus_key(articles)}" / "index"))
    RecordedSearch(qa, hits, replay=True)
    qa.ask(questions[0].text)  # builds the answerer
    return Source(
        qa._answerer,
        [
            Asked(
                "vinewsqa-english",
                q.qid,
                lambda q=q: qa.ask(q.text),
                lambda sentence, q=q: contains_answer(sentence, q.answers),
                article_of[q.qid],
            )
            for q in questions
        ],
    )


def off_topic(spec: str) -> list[Source]:
    """INDEX[:EN_HITS.pkl[:VI_HITS.pkl]]: ViNewsQA dev questions asked of the labour articles, English then
    Vietnamese (bench/off_topic.py); no sentence answers them."""
    import off_topic as questions_of

    index, *hits = spec.split(":")
    out = []
    for i, language in enumerate(("en", "vi")):
        qa = labour_service(Path(index), Path(hits[i]) if len(hits) > i else None)
        asked = [
            Asked(f"off-topic-{language}", str(n), lambda text=text, qa=qa: qa.ask(text), lambda sentence: False)
            for n, text in enumerate(questions_of.questions(language, 200))
        ]
        out.append(Source(qa._answerer, asked))
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sources a fitting script reads, as options."""
    parser.add_argument("--labour", action="append", default=[], help="SET.yaml:INDEX[:HITS.pkl] (dev split)")
    parser.add_argument("--vinewsqa", action="store_true", help="ViNewsQA dev on bench/answers.py's recorded hits")
    parser.add_argument("--english", type=Path, help="recorded hits of bench/english_answers.py's dev questions")
    parser.add_argument("--off-topic", help="INDEX[:EN_HITS.pkl[:VI_HITS.pkl]] of the labour articles")
    parser.add_argument("--probes", action="append", default=[], help="TSV[,TSV...]:INDEX[:HITS.pkl] (data/probes)")


def chosen(args: argparse.Namespace) -> Iterator[Source]:
    """The sources the options name, each built when its turn comes: labour sets, ViNewsQA, English, off-topic."""
    for spec in args.labour:
        yield labour(spec)
    if args.vinewsqa:
        yield vinewsqa()
    if args.english is not None:
        yield english(args.english)
    if args.off_topic:
        yield from off_topic(args.off_topic)
    for spec in args.probes:
        yield from probes(spec)


def data_hash(items: Sequence[dict[str, Any]]) -> str:
    """What a model was fitted on, in 16 hex digits: each row's source, question, label and features."""
    digest = hashlib.sha256()
    for r in items:
        features = np.round(np.nan_to_num(r["x"], nan=-999.0), 6).tolist()
        digest.update(f"{r['group']}\t{r['qid']}\t{int(r['label'])}\t{features}\n".encode())
    return digest.hexdigest()[:16]


def add_output_arguments(parser: argparse.ArgumentParser, model_file: str) -> None:
    """Where a fitting script writes its model: answer/model/<model_file> with --write, or --out."""
    parser.add_argument("--write", action="store_true", help=f"write answer/model/{model_file}")
    parser.add_argument("--out", type=Path, help="write the model here instead (implies --write)")


def fit_meta(
    script: str, argv: Sequence[str] | None, items: Sequence[dict[str, Any]], *, seed: int, c: float
) -> dict[str, Any]:
    """What every fitted model records of its fitting: the command, the data hash, rows per source, seed and C."""
    return {
        "command": f"python bench/{script} " + " ".join(sys.argv[1:] if argv is None else argv),
        "data_hash": data_hash(items),
        "rows": dict(Counter(r["group"] for r in items)),
        "seed": seed,
        "C": c,
    }


def write_model(args: argparse.Namespace, model_file: str, data: dict[str, Any]) -> None:
    """The model's JSON where add_output_arguments' options say, if they say to write it."""
    if args.write or args.out is not None:
        out = args.out or ROOT / "answer" / "model" / model_file
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", out)  # noqa: T201
