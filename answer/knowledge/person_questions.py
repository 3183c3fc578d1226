"""How a question asks for a person with "nào" (or "which" in English), and the auxiliaries before the deed
(person_questions.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows, split_forms
from ingest.vietnamese import fold


@functools.cache
def person_question_words() -> dict[str, frozenset[str]]:
    """kind ("asker", "auxiliary") -> its forms, folded (no marks, lower case); a bad row is an error naming it."""
    out: dict[str, set[str]] = {"asker": set(), "auxiliary": set()}
    for form, kind, _ in _rows():
        out[kind].add(fold(form).lower())
    return {kind: frozenset(forms) for kind, forms in out.items()}


@functools.cache
def english_askers() -> tuple[str, ...]:
    """The askers' English forms ("leader", "official"): each asks for a person after "which" as its asker does."""
    return tuple(form for _, _, en in _rows() for form in split_forms(en))


@functools.cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for form, kind, en in read_rows("person_questions.tsv", 3):
        words = form.split()
        bad_english = (kind != "asker" and en) or en != en.lower()
        too_long = len(words) > (2 if kind == "asker" else 1)
        if kind not in ("asker", "auxiliary") or not words or form != form.lower() or bad_english or too_long:
            raise ValueError(f"person_questions.tsv: bad row {form!r} {kind!r} {en!r}")
        rows.append((form, kind, en))
    return tuple(rows)
