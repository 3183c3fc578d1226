"""Words after which a number is a label, not a quantity (number_labels.tsv): "năm 2016", "quận 9", "Điều 21"."""

from __future__ import annotations

import functools
import re

from answer.knowledge.tables import read_rows


@functools.cache
def number_label_pattern() -> re.Pattern[str]:
    """Matches a lower-cased text that ends with a label (and the spaces before its number)."""
    forms = []
    for form, example in read_rows("number_labels.tsv", 2):
        if not form or form != form.lower() or not example:
            raise ValueError(f"number_labels.tsv: a row needs a lower-case form and an example: {form!r}")
        forms.append(form)
    if len(forms) != len(set(forms)):
        raise ValueError("number_labels.tsv: a form is listed twice")
    # longest first, so "nhiệm kỳ" is tried before any form it holds
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\s*$")
