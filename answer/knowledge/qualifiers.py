"""Words that qualify a figure right before it (qualifiers.tsv): "hơn", "khoảng", "more than", and the English of the
Vietnamese ones."""

from __future__ import annotations

import functools

from answer.knowledge.tables import form_alternation, read_rows


@functools.cache
def qualifier_alternation() -> str:
    """The forms as one regex alternation (a qualifier is followed by its figure, so which of two forms that open
    alike is tried first changes no match)."""
    return form_alternation("qualifiers.tsv", 3)


@functools.cache
def qualifier_english() -> dict[str, str]:
    """Each Vietnamese qualifier -> its English ("hơn" -> "more than"); an English form has none."""
    return {form: en for form, _, en in read_rows("qualifiers.tsv", 3) if en}
