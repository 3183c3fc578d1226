"""Build answer/knowledge/verb_openers.tsv.gz: the Vietnamese syllables and syllable pairs that open a verb phrase.

Why: the noun a figure counts runs until the clause's verb ("150 công nhân | leo lên mái nhà", "7.915 hộ nghèo |
vươn lên thoát nghèo"), and no hand-written stop list holds every verb. Vietnamese marks tense and aspect with
words placed right before a verb (đã, đang, sẽ, chưa, vừa, đều): how often a word follows one of them, out of all its
occurrences, tells a verb ("leo" 7%, "mất" 8%) from a noun ("người" 0.01%, "công nhân" 0%). A pair is read before
its first syllable, which may open both ("công bố" 23% is a verb, "công nhân" a noun).

Rows: "pair" (two syllables) or "word" (one), with the share and whether it opens a verb (share >= --min-share
over at least --min-count occurrences). Pairs are kept when they open a verb, or when they do not but their first
syllable alone would (so "công nhân" stays a noun). No labels, no questions: counts of the news text only.

    python scripts/build_verb_openers.py ../shared/data/news/baomoi.jsonl.gz
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "answer" / "knowledge" / "verb_openers.tsv.gz"
MARKERS = frozenset({"đã", "đang", "sẽ", "chưa", "vừa", "đều"})  # tense and aspect words that stand before a verb
_CLAUSE_BREAK = re.compile(r"[^\w\s]|\d")


def count(news: Path) -> tuple[collections.Counter, collections.Counter, collections.Counter, collections.Counter]:
    """Occurrences of every syllable and pair within a clause, and how many of them follow a tense marker."""
    words: collections.Counter[str] = collections.Counter()
    words_after: collections.Counter[str] = collections.Counter()
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    pairs_after: collections.Counter[tuple[str, str]] = collections.Counter()
    with gzip.open(news, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = unicodedata.normalize("NFC", " ".join(str(article.get(f) or "") for f in ("title", "sapo", "body")))
            for clause in _CLAUSE_BREAK.split(text.lower()):
                syllables = clause.split()
                words.update(syllables)
                pairs.update(zip(syllables, syllables[1:]))
                for i in range(1, len(syllables)):
                    if syllables[i - 1] in MARKERS:
                        words_after[syllables[i]] += 1
                        if i + 1 < len(syllables):
                            pairs_after[(syllables[i], syllables[i + 1])] += 1
    return words, words_after, pairs, pairs_after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", type=Path, help="baomoi.jsonl.gz")
    parser.add_argument("--min-count", type=int, default=30)
    parser.add_argument("--min-share", type=float, default=0.01)
    args = parser.parse_args(argv)
    words, words_after, pairs, pairs_after = count(args.news)
    opens_word = {w: words_after[w] / n for w, n in words.items() if n >= args.min_count and w.isalpha()}
    verbs = {w for w, share in opens_word.items() if share >= args.min_share}
    rows = [f"word\t{w}\t{opens_word[w]:.4f}\t1" for w in sorted(verbs)]
    for (a, b), n in sorted(pairs.items()):
        if n < args.min_count or not (a.isalpha() and b.isalpha()):
            continue
        share = pairs_after[(a, b)] / n
        opens = share >= args.min_share
        if opens or a in verbs:
            rows.append(f"pair\t{a} {b}\t{share:.4f}\t{int(opens)}")
    digest = hashlib.sha256(args.news.read_bytes()).hexdigest()[:16]
    header = [
        "# Vietnamese syllables and pairs that open a verb phrase: the share of their occurrences right after a tense",
        f"# marker ({', '.join(sorted(MARKERS))}); built by scripts/build_verb_openers.py from {args.news.name}",
        f"# (sha256 {digest}), min-count {args.min_count}, min-share {args.min_share}",
        "# columns: kind (word|pair)<TAB>text<TAB>share<TAB>opens a verb (1|0)",
        "kind\ttext\tshare\topens",
    ]
    OUT.write_bytes(gzip.compress(("\n".join(header + rows) + "\n").encode("utf-8"), mtime=0))
    print(f"wrote {OUT}: {len(verbs)} words, {len(rows) - len(verbs)} pairs")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
