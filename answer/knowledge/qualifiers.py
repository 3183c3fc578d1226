"""Words that qualify a figure right before it (qualifiers.tsv): "hơn", "khoảng", "more than"."""

from __future__ import annotations

import functools

from answer.knowledge.tables import form_alternation


@functools.cache
def qualifier_alternation() -> str:
    """The forms as one regex alternation (a qualifier is followed by its figure, so which of two forms that open
    alike is tried first changes no match)."""
    return form_alternation("qualifiers.tsv")
