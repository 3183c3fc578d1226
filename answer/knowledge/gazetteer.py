"""The bilingual gazetteer (gazetteer.tsv): provinces, countries, ministries and national bodies in text.

Used for agreement features (does the evidence name the place the question asks about?) and to turn the
English names of an English question into Vietnamese for search.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal, cast

from answer.knowledge.matcher import PhraseMatcher, parse_phrase
from answer.knowledge.tables import parse_rows, split_forms

Kind = Literal["province", "country", "ministry", "organisation"]
Agreement = Literal["match", "contradiction", "unknown"]

KINDS: tuple[Kind, ...] = ("province", "country", "ministry", "organisation")
_ROW_KINDS = frozenset((*KINDS, "none"))
# The corpus is Vietnamese news: Việt Nam is the implied setting of every fact, so naming it never
# contradicts a question about another country, and its absence is no evidence of anything.
HOME_COUNTRY = "country.viet_nam"
# Organisations nest and co-occur (Thủ tướng Chính phủ, UBND tỉnh, Sở ... thuộc Bộ ...): naming another
# body is not evidence that the asked one is wrong, so organisations can match but never contradict.
CONTRADICTING_KINDS: frozenset[str] = frozenset(("province", "country", "ministry"))

_PROVINCE_PREFIXES = frozenset({("tinh",), ("thanh", "pho"), ("tp",)})
_PROVINCE_SUFFIXES = frozenset({("province",), ("city",)})


@dataclass(frozen=True)
class Entity:
    """One gazetteer row."""

    entity_id: str
    kind: Kind
    name_vi: str
    aliases_vi: tuple[str, ...]
    aliases_en: tuple[str, ...]


@dataclass(frozen=True)
class EntityMention:
    """An entity named in a text: offsets into the NFC text and the words as written."""

    entity_id: str
    kind: Kind
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class _Alias:
    entity_id: str
    kind: Kind
    english: bool


def gazetteer_rows(text: str) -> Iterator[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]]:
    """The data rows of gazetteer.tsv text: id, kind, name, Vietnamese aliases, English aliases."""
    for entity_id, kind, name, aliases_vi, aliases_en in parse_rows(text, 5):
        yield entity_id, kind, name, split_forms(aliases_vi), split_forms(aliases_en)


class Gazetteer:
    """Entities and the matcher over all their names; build with ``Gazetteer.load()``."""

    def __init__(self, text: str) -> None:
        self.entities: dict[str, Entity] = {}
        seen: set[str] = set()
        phrases = []
        for entity_id, kind, name, aliases_vi, aliases_en in gazetteer_rows(text):
            if kind not in _ROW_KINDS:
                raise ValueError(f"gazetteer row {entity_id!r}: unknown kind {kind!r}")
            if entity_id in seen or not name:
                raise ValueError(f"gazetteer row {entity_id!r}: duplicate id or no name")
            seen.add(entity_id)
            if kind != "none":
                # the entity is shown by its names without the matching marks ("=Thai Binh": exact case)
                plain = name.lstrip("=~").strip()
                shown_vi, shown_en = (tuple(a.lstrip("=~").strip() for a in aliases) for aliases in (aliases_vi, aliases_en))
                self.entities[entity_id] = Entity(entity_id, cast(Kind, kind), plain, shown_vi, shown_en)
            prefixes = _PROVINCE_PREFIXES if kind == "province" else frozenset()
            suffixes = _PROVINCE_SUFFIXES if kind == "province" else frozenset()
            for english, aliases in ((False, (name, *aliases_vi)), (True, aliases_en)):
                for alias in aliases:
                    # a blocker (kind "none") matches like an alias and names nothing
                    value = None if kind == "none" else _Alias(entity_id, cast(Kind, kind), english)
                    phrase = parse_phrase(
                        alias,
                        value,
                        single="exact",
                        relax_prefixes=prefixes,
                        relax_suffixes=suffixes,
                        capitalised=kind in ("province", "country"),
                    )
                    phrases.append(phrase)
        self._matcher: PhraseMatcher[_Alias] = PhraseMatcher(phrases)

    @classmethod
    @functools.cache
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, read and compiled once per process."""
        return cls(resources.files("answer.knowledge").joinpath("gazetteer.tsv").read_text(encoding="utf-8"))

    def mentions(self, text: str) -> list[EntityMention]:
        """Entities named in a text, left to right; offsets refer to the NFC form of ``text``."""
        out = []
        for m in self._matcher.find(text):
            alias = m.phrase.value
            if alias is not None:
                out.append(EntityMention(alias.entity_id, alias.kind, m.start, m.end, m.surface))
        return out

    def agreement_by_kind(self, question_text: str, evidence_text: str) -> dict[Kind, Agreement]:
        """Per kind the question names: 'match', 'contradiction' or 'unknown' (see ``agreement``)."""
        asked = _ids_by_kind(self.mentions(question_text))
        stated = _ids_by_kind(self.mentions(evidence_text))
        out: dict[Kind, Agreement] = {}
        for kind, ids in asked.items():
            present = stated.get(kind, set())
            others = present - ids - {HOME_COUNTRY}
            if ids & present:
                out[kind] = "match"
            elif kind in CONTRADICTING_KINDS and others and ids - {HOME_COUNTRY}:
                out[kind] = "contradiction"
            else:
                out[kind] = "unknown"
        return out

    def agreement(self, question_text: str, evidence_text: str) -> Agreement:
        """Do the entities of the question agree with the evidence?

        'contradiction' when, for some kind (province, country, ministry), the question names an entity
        and the evidence names a different one of that kind but not the asked one; otherwise 'match' when
        the evidence names an entity the question names; otherwise 'unknown' (the evidence is silent).
        """
        verdicts = self.agreement_by_kind(question_text, evidence_text).values()
        if "contradiction" in verdicts:
            return "contradiction"
        return "match" if "match" in verdicts else "unknown"


def _ids_by_kind(mentions: list[EntityMention]) -> dict[Kind, set[str]]:
    out: dict[Kind, set[str]] = {}
    for m in mentions:
        out.setdefault(m.kind, set()).add(m.entity_id)
    return out
