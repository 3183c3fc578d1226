"""Answer candidates: the clauses of retrieved sentences and the typed spans inside them.

A long sentence often packs several facts ("... 8.100 doanh nghiệp ...; 163.600 lượt lao động được hỗ trợ tiền
thuê nhà ..."): each clause is a candidate of its own, so the scorer can tell the rent-support figure from the
Covid-19 one. Offsets stay inside the sentence; the answerer turns them into article offsets for citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from answer.extract import Span, spans_of
from index.models import Hit

# ";" and ":" end a clause; so does a list dash or bullet. A ":" between digits is a time (10:30), not a boundary.
_BOUNDARY_RE = re.compile(r";|(?<!\d):(?!\d)|\n+|\s[–—-]\s|\s•\s")
_MIN_CLAUSE_CHARS = 12  # shorter pieces ("Cụ thể:") join the clause that follows

# Span kinds worth offering for each expected answer type (a "list" is often a run of places).
SPAN_KINDS: dict[str, tuple[str, ...]] = {
    "quantity": ("quantity",),
    "percentage": ("percentage", "quantity"),
    "date": ("date", "year"),
    "year": ("year", "date"),
    "person": ("person",),
    "role": ("role",),
    "document": ("document",),
    "list": ("list", "place"),
    "place": ("place",),
}


@dataclass(frozen=True)
class Clause:
    """[start, end) of a sentence: one fact of it."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """One possible answer: a clause of a retrieved sentence, or a typed span inside that clause."""

    hit: Hit
    rank: int  # the hit's rank in retrieval, 0 = best
    clause: Clause
    n_clauses: int
    span: Span | None = None  # None: the clause itself is the answer (free-form questions)

    @property
    def text(self) -> str:
        return self.span.text if self.span is not None else self.clause.text


def split_clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence with their offsets; a sentence without boundaries is one clause."""
    cuts = [0]
    for match in _BOUNDARY_RE.finditer(sentence):
        cuts.append(match.end())
    pieces: list[tuple[int, int]] = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(sentence)
        pieces.append((start, end))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in pieces:
        if carry is not None:
            start, carry = carry, None
        if len(sentence[start:end].strip(" ;:-–—•\n")) < _MIN_CLAUSE_CHARS:
            carry = start  # too short to stand alone: joins the next piece
            continue
        merged.append((start, end))
    if carry is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(sentence))
        else:
            merged.append((carry, len(sentence)))
    clauses = []
    for start, end in merged:
        text = sentence[start:end]
        lead = len(text) - len(text.lstrip(" ;:-–—•\n"))
        body = text.strip(" ;:-–—•\n")
        if body:
            clauses.append(Clause(start + lead, start + lead + len(body), body))
    return clauses or [Clause(0, len(sentence), sentence)]


def dedupe_hits(hits: Sequence[Hit]) -> list[Hit]:
    """Hits in order, each sentence once."""
    seen: set[tuple[str, int]] = set()
    out = []
    for hit in hits:
        key = (hit.doc_id, hit.start)
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out


def candidates_of(hits: Sequence[Hit], expected_type: str) -> list[Candidate]:
    """Every clause of every hit, plus the typed spans of the expected type inside each clause."""
    out: list[Candidate] = []
    kinds = SPAN_KINDS.get(expected_type, ())
    for rank, hit in enumerate(dedupe_hits(hits)):
        clauses = split_clauses(hit.sentence)
        spans = [s for kind in kinds for s in spans_of(hit.sentence, kind)]
        for clause in clauses:
            out.append(Candidate(hit, rank, clause, len(clauses)))
            for span in spans:
                if clause.start <= span.start and span.end <= clause.end:
                    out.append(Candidate(hit, rank, clause, len(clauses), span))
    return out
