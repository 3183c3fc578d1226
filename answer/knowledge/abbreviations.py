"""Generic Vietnamese abbreviations (abbreviations.tsv): kinds of bodies and common nouns ("UBND", "BHXH", "KCN").

Every province has a UBND and most labour articles speak of BHXH, so a question writing one pins nothing down.
Any other abbreviation a question writes names one body ("BIDV", "VTV"), and the evidence must name the same
one (answer.constraints.question_acronyms).
"""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows, split_forms


@functools.cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Abbreviation as news writes it -> the Vietnamese phrases it stands for."""
    out: dict[str, tuple[str, ...]] = {}
    for abbreviation, expansions in read_rows("abbreviations.tsv", 2):
        if abbreviation in out:
            raise ValueError(f"abbreviations.tsv: duplicate abbreviation {abbreviation!r}")
        phrases = split_forms(expansions)
        if not abbreviation or not phrases:
            raise ValueError(f"abbreviations.tsv: a row needs an abbreviation and its phrases: {abbreviation!r}")
        out[abbreviation] = phrases
    return out


def is_generic(abbreviation: str) -> bool:
    """Whether an abbreviation (as written, NFC) is a kind of body or a common noun, not one body's name."""
    return abbreviation in abbreviations()
