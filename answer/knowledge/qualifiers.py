"""Words that qualify a figure right before it (qualifiers.tsv): "hơn", "khoảng", "more than"."""

from __future__ import annotations

import functools
import re

from answer.knowledge.tables import read_rows


@functools.cache
def qualifier_alternation() -> str:
    """The forms as one regex alternation, longest first (a qualifier is followed by its figure, so which of two
    forms that open alike is tried first changes no match; longest first says so plainly)."""
    forms = []
    for form, example in read_rows("qualifiers.tsv", 2):
        if not form or form != form.lower() or not example:
            raise ValueError(f"qualifiers.tsv: a row needs a lower-case form and an example: {form!r}")
        forms.append(form)
    if len(forms) != len(set(forms)):
        raise ValueError("qualifiers.tsv: a form is listed twice")
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
