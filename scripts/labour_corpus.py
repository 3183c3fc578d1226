"""Materialise labour articles of the shared Baomoi data as .txt files, the way a new user would store them.

Each article becomes `<id>.txt`: title, blank line, sapo, blank line, body (NFC; an empty sapo is left out).

    python scripts/labour_corpus.py --ids-from data/questions/labour-dev.yaml OUT_DIR   # the articles a set uses
    python scripts/labour_corpus.py --all OUT_DIR                                       # all 749 articles

The data is read-only shared data and is never committed: it is looked up at `<repo>/../shared/data`, then
`/work/shared/data`, or wherever `--data` points.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
LABOUR_FILE = Path("news") / "baomoi-labour.jsonl.gz"
DATA_CANDIDATES = (REPO.parent / "shared" / "data", Path("/work/shared/data"))


class MissingData(Exception):
    """The shared labour articles are not on this machine; the message says where they were looked for."""


@dataclass(frozen=True)
class LabourArticle:
    """One Baomoi labour article as the shared JSON-lines file holds it."""

    id: str
    title: str
    sapo: str
    body: str

    @property
    def file_name(self) -> str:
        return f"{self.id}.txt"

    def text(self) -> str:
        """The file content: title, blank line, sapo, blank line, body, NFC."""
        parts = [self.title.strip(), self.sapo.strip(), self.body.strip()]
        return unicodedata.normalize("NFC", "\n\n".join(part for part in parts if part)) + "\n"


def find_labour_file(data_dir: Path | None = None) -> Path:
    """The labour JSON-lines file, or MissingData naming every place that was tried."""
    candidates = (data_dir,) if data_dir is not None else DATA_CANDIDATES
    for candidate in candidates:
        path = candidate / LABOUR_FILE
        if path.is_file():
            return path
    tried = ", ".join(str(c / LABOUR_FILE) for c in candidates)
    raise MissingData(
        f"The shared labour articles are absent (looked for {tried}). "
        "They are read-only shared data, never committed: copy baomoi-labour.jsonl.gz there or pass --data DIR."
    )


def iter_articles(path: Path) -> Iterator[LabourArticle]:
    """Every article of the file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                yield LabourArticle(
                    id=str(row["id"]),
                    title=row.get("title") or "",
                    sapo=row.get("sapo") or "",
                    body=row.get("body") or "",
                )


def ids_from_question_set(path: Path) -> list[str]:
    """The article ids a question set cites (its `doc` values without `.txt`), in first-use order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("questions", []) if isinstance(data, dict) else data
    ids: dict[str, None] = {}
    for entry in entries or []:
        doc = entry.get("doc") if isinstance(entry, dict) else None
        if isinstance(doc, str) and doc.strip():
            ids[doc.strip().removesuffix(".txt")] = None
    return list(ids)


def materialise(articles: Iterable[LabourArticle], out_dir: Path, ids: Iterable[str] | None = None) -> list[Path]:
    """Write the chosen articles (all when ids is None) into out_dir; KeyError names ids the data lacks."""
    wanted = None if ids is None else list(dict.fromkeys(ids))
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for article in articles:
        if wanted is not None and article.id not in wanted:
            continue
        target = out_dir / article.file_name
        target.write_text(article.text(), encoding="utf-8")
        written[article.id] = target
    if wanted is not None:
        missing = [i for i in wanted if i not in written]
        if missing:
            raise KeyError(f"article id(s) not in the labour data: {', '.join(missing)}")
        return [written[i] for i in wanted]
    return list(written.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--ids-from", type=Path, metavar="QUESTIONS.yaml", help="only the articles this set cites")
    which.add_argument("--all", action="store_true", help="every labour article")
    parser.add_argument("--data", type=Path, help="the shared data folder (holding news/baomoi-labour.jsonl.gz)")
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        source = find_labour_file(args.data)
    except MissingData as exc:
        sys.exit(f"error: {exc}")
    ids = None
    if args.ids_from is not None:
        try:
            ids = ids_from_question_set(args.ids_from)
        except (OSError, yaml.YAMLError) as exc:
            sys.exit(f"error: cannot read the question set {args.ids_from}: {exc}")
        if not ids:
            sys.exit(f"error: {args.ids_from} cites no documents ('doc' fields)")
    try:
        written = materialise(iter_articles(source), args.out_dir, ids)
    except KeyError as exc:
        sys.exit(f"error: {exc.args[0]}")
    sys.stdout.write(f"{len(written)} articles written to {args.out_dir}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
