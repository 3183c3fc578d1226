"""How a question asks for a person with "nào" (or "which" in English), the auxiliaries before the deed, and the
words that ask for a named person's post (person_questions.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows, split_forms
from ingest.vietnamese import fold

_KINDS = ("asker", "auxiliary", "role")


@functools.cache
def person_question_words() -> dict[str, frozenset[str]]:
    """kind ("asker", "auxiliary", "role") -> its forms, folded (no marks, lower case); a bad row is an error naming it."""
    out: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    for form, kind, _ in _rows():
        out[kind].add(fold(form).lower())
    return {kind: frozenset(forms) for kind, forms in out.items()}


@functools.cache
def english_forms(kind: str) -> tuple[str, ...]:
    """The English forms of one kind's rows: an asker's ("leader", "official") asks for a person after "which" as the
    asker does; a role word's ("position") asks for a named person's post."""
    return tuple(form for _, row_kind, en in _rows() if row_kind == kind for form in split_forms(en))


@functools.cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for form, kind, en in read_rows("person_questions.tsv", 3):
        words = form.split()
        bad_english = (kind == "auxiliary" and en) or en != en.lower()
        too_long = len(words) > (1 if kind == "auxiliary" else 2)
        if kind not in _KINDS or not words or form != form.lower() or bad_english or too_long:
            raise ValueError(f"person_questions.tsv: bad row {form!r} {kind!r} {en!r}")
        rows.append((form, kind, en))
    return tuple(rows)
