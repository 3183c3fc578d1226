"""How a Vietnamese question asks for a person with "nào", and the auxiliaries before the deed (person_questions.tsv)."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows
from ingest.vietnamese import fold


@functools.cache
def person_question_words() -> dict[str, frozenset[str]]:
    """kind ("asker", "auxiliary") -> its forms, folded (no marks, lower case); a bad row is an error naming it."""
    out: dict[str, set[str]] = {"asker": set(), "auxiliary": set()}
    for form, kind in read_rows("person_questions.tsv", 2):
        words = form.split()
        if kind not in out or not words or form != form.lower() or len(words) > (2 if kind == "asker" else 1):
            raise ValueError(f"person_questions.tsv: bad row {form!r} {kind!r}")
        out[kind].add(fold(form).lower())
    return {kind: frozenset(forms) for kind, forms in out.items()}
