"""Kinds of legal document a question may ask for (document_kinds.tsv): "nghị quyết", "which decree"."""

from __future__ import annotations

import functools
import re

from answer.knowledge.tables import read_rows
from ingest.vietnamese import plain_words


@functools.cache
def document_kinds() -> tuple[tuple[str, str | None], ...]:
    """(the kind as the articles write it, its English word or None), in the file's order; a bad row is an error."""
    out = []
    for vi, en, example_vi, example_en in read_rows("document_kinds.tsv", 4):
        if not vi or not en or not example_vi or (en == "-") != (example_en == "-"):
            raise ValueError(f"document_kinds.tsv: bad row {vi!r} {en!r}")
        out.append((vi, None if en == "-" else en))
    return tuple(out)


@functools.cache
def _kind_patterns() -> tuple[tuple[str, str, re.Pattern[str] | None], ...]:
    """Each kind with its folded words and its English pattern (plural allowed), built once rather than per question."""
    return tuple(
        (vi, plain_words(vi), re.compile(rf"\b{re.escape(en)}s?\b") if en else None) for vi, en in document_kinds()
    )


def document_kind_asked(question: str, language: str) -> str | None:
    """The kind of document a question names, as the articles write it ("nghị định"), or None."""
    if language == "en":
        lowered = question.lower()
        return next((vi for vi, _, english in _kind_patterns() if english is not None and english.search(lowered)), None)
    plain = plain_words(question)
    named = [(vi, plain.find(folded) + len(folded)) for vi, folded, _ in _kind_patterns() if folded in plain]
    # of two kinds named, the one the question word follows is asked for: "theo Nghị quyết 39-NQ/TW và nghị định số
    # hiệu gì" asks for a decree
    asked = [vi for vi, end in named if _ASKED_AFTER_KIND.match(plain, end)]
    return asked[0] if asked else (named[0][0] if named else None)


_ASKED_AFTER_KIND = re.compile(r"(?:so )?(?:hieu )?(?:la )?(?:gi|nao|may|bao nhieu) ")
