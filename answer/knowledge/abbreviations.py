"""Generic Vietnamese abbreviations (abbreviations.tsv): kinds of bodies and common nouns ("UBND", "BHXH", "KCN").

Every province has a UBND and most labour articles speak of BHXH, so a question writing one pins nothing down.
Any other abbreviation a question writes names one body ("BIDV", "VTV"), and the evidence must name the same
one (answer.constraints.question_acronyms).

Evidence that writes one says its full wording too (spelled_out): "20% DNNN" answers a question about
"doanh nghiệp nhà nước", and an English one the glossary reads as that.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from answer.knowledge.tables import read_phrase_table


@functools.cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Abbreviation as news writes it -> the Vietnamese phrases it stands for."""
    return read_phrase_table("abbreviations.tsv")


def is_generic(abbreviation: str) -> bool:
    """Whether an abbreviation (as written, NFC) is a kind of body or a common noun, not one body's name."""
    return abbreviation in abbreviations()


@functools.cache
def _written() -> re.Pattern[str]:
    # longest first, so "CNVC-LĐ" and "LĐ-TB&XH" are read whole before "LĐ"; a letter, digit or "&" may not
    # touch either end, while "-", "." or "/" may ("BHXH-BHYT", "TP.HCM")
    keys = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w&])")


def replace_written(text: str, replacement: Callable[[str], str]) -> str:
    """The text with each generic abbreviation it writes replaced by replacement(abbreviation)."""
    return _written().sub(lambda match: replacement(match.group(0)), text)


@functools.lru_cache(maxsize=1 << 12)  # an answer reads the same sentence and paragraph many times
def spelled_out(text: str) -> str:
    """The full wording of the generic abbreviations a text writes ("DNNN" -> "doanh nghiệp nhà nước"), every
    meaning of an ambiguous one, once each, joined by spaces; "" when it writes none."""
    if text.islower() or not any(ch.isupper() for ch in text):
        return ""
    table = abbreviations()
    seen: dict[str, None] = {}
    for match in _written().finditer(text):
        for phrase in table[match.group(0)]:
            seen.setdefault(phrase)
    return " ".join(seen)


@functools.cache
def _expansions() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    # each full wording (lower case) -> the abbreviations that stand for it; longest first, whole words only
    written: dict[str, dict[str, None]] = {}
    for abbreviation, phrases in abbreviations().items():
        for phrase in phrases:
            written.setdefault(phrase.lower(), {}).setdefault(abbreviation.lower())
    keys = sorted(written, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")
    return pattern, {phrase: tuple(found) for phrase, found in written.items()}


@functools.lru_cache(maxsize=1 << 12)
def abbreviated(text: str) -> str:
    """The generic abbreviations of the full wordings a text writes ("Nghị quyết của Chính phủ" -> "nq cp"), lower
    case, once each, joined by spaces; "" when it writes none. spelled_out's other direction: a question that writes
    "NQ 154 của CP" asks about what the evidence writes in full."""
    pattern, written = _expansions()
    seen: dict[str, None] = {}
    for match in pattern.finditer(text.lower()):
        for abbreviation in written[match.group(0)]:
            seen.setdefault(abbreviation)
    return " ".join(seen)

