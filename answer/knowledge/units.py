"""Units and head nouns (units.tsv): one id for "giáo viên", "GV" and "teachers"."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from answer.knowledge.matcher import PhraseMatcher, parse_phrase
from answer.knowledge.tables import read_rows, split_forms

BLOCKER_ID = "-"


@dataclass(frozen=True)
class Unit:
    """One row of units.tsv."""

    unit_id: str
    forms_vi: tuple[str, ...]
    forms_en: tuple[str, ...]


@dataclass(frozen=True)
class UnitMention:
    """A unit or head noun in a text: its id, offsets into the NFC text, the words as written."""

    unit_id: str
    start: int
    end: int
    surface: str


@functools.cache
def units() -> dict[str, Unit]:
    """Every unit of units.tsv by id (blockers left out)."""
    out: dict[str, Unit] = {}
    for unit_id, forms_vi, forms_en in read_rows("units.tsv", 3):
        if unit_id in out:
            raise ValueError(f"units.tsv: duplicate id {unit_id!r}")
        out[unit_id] = Unit(unit_id, split_forms(forms_vi), split_forms(forms_en))
    out.pop(BLOCKER_ID, None)
    return out


@functools.cache
def unit_matcher() -> PhraseMatcher[str]:
    """The matcher over every form of every unit and blocker, built once per process."""
    phrases = []
    for unit_id, forms_vi, forms_en in read_rows("units.tsv", 3):
        value = None if unit_id == BLOCKER_ID else unit_id
        for form in (*split_forms(forms_vi), *split_forms(forms_en)):
            phrases.append(parse_phrase(form, value, single="accent"))
    return PhraseMatcher(phrases)


def unit_mentions(text: str) -> list[UnitMention]:
    """Units and head nouns named in a text, left to right (offsets into the NFC text)."""
    return [UnitMention(m.phrase.value, m.start, m.end, m.surface) for m in unit_matcher().find(text) if m.phrase.value]
