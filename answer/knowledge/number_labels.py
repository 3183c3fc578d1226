"""Words after which a number is a label, not a quantity (number_labels.tsv): "năm 2016", "quận 9", "Điều 21"."""

from __future__ import annotations

import functools
import re

from answer.knowledge.tables import form_alternation


@functools.cache
def number_label_pattern() -> re.Pattern[str]:
    """Matches a lower-cased text that ends with a label (and the spaces before its number)."""
    return re.compile(rf"(?:{form_alternation('number_labels.tsv')})\s*$")
