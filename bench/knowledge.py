"""Speed of the knowledge tables: load time, and matching time per 300 characters of real news.

    python bench/knowledge.py                       # the labour articles in ../shared/data/news
    python bench/knowledge.py --articles 200 --news ../shared/data/news/baomoi-labour.jsonl.gz

Prints one table: load time of each table (first call, compiled once per process) and the matching
time per 300 characters over the articles' text (best of --repeat passes); without the articles, over
one typical 309-character labour sentence.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "baomoi-labour.jsonl.gz"
SENTENCE = (
    "Theo Tổng cục Thống kê, 6 tháng đầu năm 2023, TP.HCM đã giải quyết việc làm cho 163.600 lượt lao động, "
    "trong đó Bộ LĐ-TB&XH hỗ trợ 1.200 tỷ đồng cho người lao động tại các khu công nghiệp ở Bình Dương, "
    "Đồng Nai và Bà Rịa - Vũng Tàu; lao động đi làm việc ở nước ngoài chủ yếu sang Nhật Bản, Hàn Quốc, Đài Loan."
)


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _best_per_300(match: Callable[[str], object], texts: list[str], repeat: int) -> float:
    chars = sum(len(t) for t in texts)
    best = min(_timed(lambda: [match(t) for t in texts]) for _ in range(repeat))
    return best / chars * 300 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=749)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--news", type=Path, default=NEWS, help="a JSONL.gz of articles (title, sapo, body)")
    args = parser.parse_args()

    import index.lexical  # noqa: F401  numpy and the fold table, shared with the answerer: not counted
    from answer.knowledge.gazetteer import Gazetteer
    from answer.knowledge.question_words import question_word_matcher, question_words
    from answer.knowledge.units import unit_matcher, unit_mentions

    loads = {
        "gazetteer": _timed(Gazetteer.load),
        "question words": _timed(question_word_matcher),
        "units": _timed(unit_matcher),
    }
    gazetteer = Gazetteer.load()
    texts = [SENTENCE] * 200
    if args.news.exists():
        with gzip.open(args.news, "rt", encoding="utf-8") as f:
            rows = [json.loads(line) for _, line in zip(range(args.articles), f)]
        texts = ["\n".join((r["title"], r["sapo"], r["body"])) for r in rows]
    matchers = {"gazetteer": gazetteer.mentions, "question words": question_words, "units": unit_mentions}
    print(f"{'table':<16}{'load ms':>10}{'ms / 300 chars':>16}   ({len(texts)} texts, {sum(map(len, texts))} chars)")
    for name, match in matchers.items():
        print(f"{name:<16}{loads[name] * 1000:>10.1f}{_best_per_300(match, texts, args.repeat):>16.3f}")
    sentence = _best_per_300(gazetteer.mentions, [SENTENCE] * 500, args.repeat)
    print(f"gazetteer.mentions on one {len(SENTENCE)}-char sentence: {sentence:.3f} ms per 300 chars")


if __name__ == "__main__":
    main()
