"""Traps made from answerable labour questions: the same question about another place, year or counted unit.

The hand-written traps are few (53 in the dev parts) and were tuned on; these are many and mechanical, so
they show whether the constraint checks generalise. Each trap changes one thing the question pins down:

- wrong_place: a province the question names becomes a province its source article never names;
- wrong_org: a ministry or national body the question names becomes another its article never names;
- wrong_year: a year the question names moves back three years, to a year the article never writes;
- wrong_unit: the counted unit ("bao nhiêu lao động", "how many workers") becomes a unit of another kind
  (households, businesses, people) that the article never writes.

The article is the question's `doc`; another article could still hold the changed fact (rare; the script
cannot know), so a few answers may be right. Writes a question set `labour-qa eval` reads:

    python bench/synthetic_traps.py data/questions/labour-*.yaml --articles DIR --split dev --out traps.yaml
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from bench_env import prepare

prepare()

from answer.constraints import question_years  # noqa: E402
from answer.extractive import MEASURE_UNITS  # noqa: E402
from answer.knowledge.gazetteer import Gazetteer  # noqa: E402
from answer.knowledge.units import unit_mentions, units  # noqa: E402
from evaluation.questions import EvalQuestion, load_question_set, select_split  # noqa: E402
from ingest.vietnamese import fold, nfc  # noqa: E402

# What a counted unit becomes: a unit of another kind (units.tsv), as the question's language writes it.
_SWAPS = (
    ("household", "hộ gia đình", "households"),
    ("enterprise", "doanh nghiệp", "businesses"),
    ("teacher", "giáo viên", "teachers"),
    ("project", "dự án", "projects"),
    ("school", "trường học", "schools"),
)


_ASKED = re.compile(r"\b(?:bao nhiêu|mấy|how many)\b", re.IGNORECASE)


def _plain(text: str) -> str:
    return " " + re.sub(r"[^\w]+", " ", fold(nfc(text)).lower()) + " "


def _writes(article: str, forms: tuple[str, ...]) -> bool:
    plain = _plain(article)
    return any(_plain(form) in plain for form in forms)


def _entity_trap(q: EvalQuestion, article: str, rng: random.Random, kinds: frozenset[str]) -> str | None:
    gazetteer = Gazetteer.load()
    named_here = [m for m in gazetteer.mentions(q.question) if m.kind in kinds]
    if len(named_here) != 1:
        return None
    mention = named_here[0]
    named = {m.entity_id for m in gazetteer.mentions(article)}
    others = sorted(e for e, ent in gazetteer.entities.items() if ent.kind == mention.kind and e not in named)
    if not others:
        return None
    other = gazetteer.entities[rng.choice(others)]
    name = other.name_vi if q.lang == "vi" else (other.aliases_en[0] if other.aliases_en else None)
    if not name:
        return None
    name = name.lstrip("=~")  # the gazetteer's matching marks, not part of the name
    return q.question[: mention.start] + name + q.question[mention.end :]


def _year_trap(q: EvalQuestion, article: str) -> str | None:
    years, _ = question_years(q.question)
    if len(years) != 1:
        return None
    year = years[0]
    moved = year - 3
    if str(moved) in article or len(re.findall(str(year), q.question)) != 1:
        return None
    return q.question.replace(str(year), str(moved))


def _unit_trap(q: EvalQuestion, article: str, rng: random.Random) -> str | None:
    if q.type not in {"quantity", None}:
        return None
    table = units()
    asked = _ASKED.search(q.question)
    if asked is None:
        return None
    # the unit the question counts stands right after its question word, not inside a name ("công ty ...")
    mentions = [
        m
        for m in unit_mentions(q.question)
        # a unit that measures (money, time, area, weight, age) or "phần trăm" counts nothing to swap
        if 0 <= m.start - asked.end() <= 1 and m.unit_id not in MEASURE_UNITS and m.unit_id != "percent"
    ]
    if not mentions:
        return None
    mention = mentions[0]
    kind = table[mention.unit_id].kind
    swaps = [
        s for s in _SWAPS if table[s[0]].kind not in {kind, "any"} and not _writes(article, table[s[0]].forms_vi)
    ]
    if not swaps:
        return None
    _, vi, en = rng.choice(swaps)
    return q.question[: mention.start] + (vi if q.lang == "vi" else en) + q.question[mention.end :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path, help="labour question sets (their answerable questions are changed)")
    parser.add_argument("--articles", type=Path, required=True, help="the folder of article .txt files the sets cite")
    parser.add_argument("--split", default="dev", choices=("dev", "heldout", "all"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    traps: list[dict[str, object]] = []
    for path in args.sets:
        for q in select_split(load_question_set(path), args.split):
            if not q.answerable or q.follows is not None or q.doc is None:
                continue
            article_path = args.articles / q.doc
            if not article_path.exists():
                continue
            article = nfc(article_path.read_text(encoding="utf-8"))
            for trap, text in (
                ("wrong_place", _entity_trap(q, article, rng, frozenset({"province"}))),
                ("wrong_org", _entity_trap(q, article, rng, frozenset({"ministry", "organisation"}))),
                ("wrong_year", _year_trap(q, article)),
                ("wrong_unit", _unit_trap(q, article, rng)),
            ):
                if text is None or text == q.question:
                    continue
                traps.append(
                    {
                        "id": f"syn-{trap}-{q.id}",
                        "question": text,
                        "lang": q.lang or "vi",
                        "split": q.split,
                        "trap": trap,
                        "answerable": False,
                        "note": f"from {q.id}: {q.question}",
                    }
                )
    header = f"# Synthetic traps (bench/synthetic_traps.py, seed {args.seed}, split {args.split}) from: "
    body = yaml.safe_dump({"questions": traps}, allow_unicode=True, sort_keys=False, width=1000)
    args.out.write_text(header + ", ".join(p.name for p in args.sets) + "\n" + body, encoding="utf-8")
    counts = Counter(str(t["trap"]) for t in traps)
    print(f"{len(traps)} traps ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
