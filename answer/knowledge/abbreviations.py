"""Generic Vietnamese abbreviations (abbreviations.tsv): kinds of bodies and common nouns ("UBND", "BHXH", "KCN").

Every province has a UBND and most labour articles speak of BHXH, so a question writing one pins nothing down.
Any other abbreviation a question writes names one body ("BIDV", "VTV"), and the evidence must name the same
one (answer.constraints.question_acronyms).
"""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_phrase_table


@functools.cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Abbreviation as news writes it -> the Vietnamese phrases it stands for."""
    return read_phrase_table("abbreviations.tsv")


def is_generic(abbreviation: str) -> bool:
    """Whether an abbreviation (as written, NFC) is a kind of body or a common noun, not one body's name."""
    return abbreviation in abbreviations()
