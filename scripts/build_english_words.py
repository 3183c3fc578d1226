"""Build answer/knowledge/english_words.txt.gz: common English words, to tell a name in an English question
("Kuwait", "Viettel", "Samsung") from an English word in title case ("State Audit", "Southern Power").

The source is a spelling dictionary that writes proper nouns capitalised and common words in lower case: SCOWL's
American English list as Debian ships it (package wamerican, /usr/share/dict/american-english; the committed
file was built from wamerican 2020.12.07-2). Kept: its lower-case alphabetic words of three letters or more, plus
the month and weekday names (capitalised in the dictionary, yet no names of a place or a company).

    apt-get download wamerican && dpkg-deb -x wamerican_*.deb /tmp/wam
    python scripts/build_english_words.py /tmp/wam/usr/share/dict/american-english
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "answer" / "knowledge" / "english_words.txt.gz"
CALENDAR = """january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday""".split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="a words file, one word per line (e.g. american-english)")
    args = parser.parse_args()
    raw = args.dictionary.read_bytes()
    words = {w for w in raw.decode("utf-8").split("\n") if re.fullmatch(r"[a-z]{3,}", w)} | set(CALENDAR)
    header = f"# common English words, one per line; built by scripts/build_english_words.py from {args.dictionary.name} (sha256 {hashlib.sha256(raw).hexdigest()[:16]})\n"
    # mtime=0: the same words give the same bytes
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write((header + "\n".join(sorted(words)) + "\n").encode("utf-8"))
    print(f"wrote {OUT} ({len(words)} words, {OUT.stat().st_size // 1024} KiB)")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
