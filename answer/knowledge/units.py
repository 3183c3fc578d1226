"""Units and head nouns (units.tsv): one id for "giáo viên", "GV" and "teachers"."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from answer.knowledge.matcher import PhraseMatcher, parse_phrase
from answer.knowledge.question_words import question_words
from answer.knowledge.tables import read_rows, split_forms

BLOCKER_ID = "-"


@dataclass(frozen=True)
class Unit:
    """One row of units.tsv."""

    unit_id: str
    forms_vi: tuple[str, ...]
    forms_en: tuple[str, ...]
    kind: str  # what a figure next to it counts: "people", "household", "any", else the unit id itself


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
    for unit_id, forms_vi, forms_en, kind in read_rows("units.tsv", 4):
        if unit_id in out:
            raise ValueError(f"units.tsv: duplicate id {unit_id!r}")
        out[unit_id] = Unit(unit_id, split_forms(forms_vi), split_forms(forms_en), kind or unit_id)
    out.pop(BLOCKER_ID, None)
    return out


@functools.cache
def counted_syllables() -> frozenset[str]:
    """The first syllables of the units' Vietnamese forms ("tuần", "người"): the nouns a question may count."""
    return frozenset(form.split()[0] for unit in units().values() for form in unit.forms_vi if form)


@functools.cache
def unit_matcher() -> PhraseMatcher[str]:
    """The matcher over every form of every unit and blocker, built once per process."""
    phrases = []
    for unit_id, forms_vi, forms_en, _ in read_rows("units.tsv", 4):
        value = None if unit_id == BLOCKER_ID else unit_id
        for form in (*split_forms(forms_vi), *split_forms(forms_en)):
            phrases.append(parse_phrase(form, value, single="accent"))
    return PhraseMatcher(phrases)


# "tỷ số" (a ratio), "tỷ lệ" (a rate), "tỷ trọng" (a share), "tỷ suất", "tỷ giá": words that hold "tỷ" and name no
# billion
_HOLDS_TY = re.compile(r"\s+(?:số|lệ|trọng|suất|giá)(?!\w)", re.IGNORECASE)


def unit_mentions(text: str) -> list[UnitMention]:
    """Units and head nouns named in a text, left to right (offsets into the NFC text)."""
    return [
        UnitMention(m.phrase.value, m.start, m.end, m.surface)
        for m in unit_matcher().find(text)
        if m.phrase.value and not (m.surface.lower() in {"tỷ", "tỉ"} and _HOLDS_TY.match(text, m.end))
    ]


# Words that end the noun phrase "how many" counts: "how many new grassroots unions | did ... in Workers' Month".
_EN_PHRASE_END = frozenset(
    """did do does were was are is have has had will would can could should may might must in at of for from to by
    on with under during after before per each that who which whose than as against about over between among into
    across through within without towards toward like""".split()
)
# Words that end an English noun phrase besides _EN_PHRASE_END: determiners and common verbs in the past tense
# ("how many workers | lost their jobs"); regular past forms end in "-ed".
_EN_NOUN_PHRASE_END = _EN_PHRASE_END | frozenset(
    """the a an their its his her our your this these those lost got took went came left paid won sent made gave
    found kept held brought built began became spent fell rose grew saw met sought sold bought told felt ran""".split()
)
# Adverbs that may follow the counted noun ("how many hours | straight", "how many people | altogether"); before it
# some are adjectives ("how many daily workers"), so they end only a phrase already begun.
_EN_ADVERBS_AFTER_NOUN = frozenset(
    "straight altogether overall exactly approximately roughly currently already still now ago".split()
)
_COPULAS = frozenset({"are", "were", "is", "was"})
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour"})  # "năm 2022", "mỗi tháng": when, not what is counted
DOLLAR_UNITS = frozenset({"usd", "million_usd", "billion_usd"})
MONEY_UNITS = frozenset({"trillion_vnd", "billion_vnd", "million_vnd", "thousand_vnd", "vnd", *DOLLAR_UNITS})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_HOW_MANY = re.compile(r"\bhow (?:many|much)\b", re.IGNORECASE)
# "mức án", "mức lương tối thiểu", "ở mức" right before a closing "bao nhiêu": the question asks a level
_LEVEL_BEFORE = re.compile(r"(?<!\w)mức(?:\s+[^\W\d_]+){0,3}\s+(?:là\s+|ở\s+)?$", re.IGNORECASE)


def counted_unit(question: str) -> str | None:
    """The unit id a counting question counts: a table unit inside the noun phrase its question word opens ("bao
    nhiêu [chiếc] tàu", "how many new grassroots unions did"), or, when the question word closes the question
    ("số lao động ... năm 2022 là bao nhiêu?"), the first unit that is no span of time. None when that phrase names
    no table unit: a unit further on ("... in Workers' Month") is not what is counted."""
    words = question_words(question)
    mentions = unit_mentions(question)
    if not words or not mentions:
        return None
    _, start, end = min(words, key=lambda w: w[1])
    asked = _HOW_MANY.search(question)
    if asked is not None and re.search(r"[,;:]", question[end : asked.start()]):
        # "When the secretary questioned the police, how many officers ...": the clause before is no question
        start, end = asked.start(), asked.end()
    opened = question[start:end].lower()
    if opened.startswith("how"):
        return _english_head_unit(question, start, mentions)
    max_between = 1  # one Vietnamese classifier ("chiếc")
    for mention in mentions:
        if mention.start < start:
            continue
        between = _WORD.findall(question[end : max(end, mention.start)])
        if mention.start < end or (len(between) <= max_between and not _EN_PHRASE_END & {w.lower() for w in between}):
            return mention.unit_id
        break
    if not _WORD.search(question[end:]):
        if _LEVEL_BEFORE.search(question[:start]):
            # "bị cáo ... nhận mức án bao nhiêu?": a level of something, in whatever unit the evidence gives it, not a
            # count of the "vụ" the question is framed by ("Trong vụ lừa đảo ...")
            return None
        subject = [m for m in mentions if m.end <= start and m.unit_id not in TIME_UNITS and not names_one(question, m)]
        # "số lao động ... của một doanh nghiệp ... là bao nhiêu": what "số" counts, not a noun before it ("Luật Hỗ
        # trợ doanh nghiệp nhỏ và vừa")
        numbered = [m for m in subject if _NUMBER_OF.search(question[: m.start])]
        return (numbered or subject)[0].unit_id if subject else None
    return None


def names_one(text: str, mention: UnitMention) -> bool:
    """Whether a unit noun of things (not people or households) opens a name ("Công ty Jtex Vina", "Bệnh viện Bạch
    Mai", "quận 9"): one thing named, not what is counted."""
    if units()[mention.unit_id].kind in {"people", "household", "any"} or mention.unit_id in MONEY_UNITS:
        return False
    after = re.match(r"\s+(\S)", text[mention.end :])
    # a numbered district or ward ("quận 9", "phường 5") is named by its number
    return after is not None and (after.group(1).isupper() or (after.group(1).isdigit() and mention.unit_id in _NUMBERED))


_NUMBERED = frozenset({"district", "commune"})
_NUMBER_OF = re.compile(r"(?<!\w)(?:số|số lượng)\s+$", re.IGNORECASE)


def ends_english_noun_phrase(word: str, phrase: Sequence[object]) -> bool:
    """Whether a lower-cased word ends the English noun phrase read so far (phrase): a preposition, an auxiliary, a
    determiner, a verb in the past tense ("how many workers | lost their jobs", "which groups | received") or an
    adverb after the noun ("how many hours | straight")."""
    return word in _EN_NOUN_PHRASE_END or (bool(phrase) and (word.endswith("ed") or word in _EN_ADVERBS_AFTER_NOUN))


def english_counted_phrase(question: str, start: int = 0) -> list[re.Match[str]]:
    """The noun phrase an English "how many"/"how much" opens (at most four words), from the first one after
    start: "how many trade union facilities | for workers", "how many people | died", "how many disabled people"."""
    asked = _HOW_MANY.search(question, start)
    if asked is None:
        return []
    phrase: list[re.Match[str]] = []
    after_copula = False
    for word in _WORD.finditer(question, asked.end()):
        lowered = word.group().lower()
        if not phrase and not after_copula and lowered in _COPULAS and word.start() == asked.end() + 1:
            after_copula = True  # "of the 3,000 staff, how many are doctors": what is counted follows the copula
            continue
        if after_copula and not phrase and lowered.endswith(("ed", "ing")):
            break  # "how many were injured", "how many are expected to": a participle, no noun counted
        if ends_english_noun_phrase(lowered, phrase) or len(phrase) == 4:
            break
        if lowered.endswith("ing") and phrase and (phrase[-1].group().lower().endswith("s") or unit_mentions(phrase[-1].group())):
            break  # "how many businesses | going abroad", "how many people | living in": a participle after the noun
        phrase.append(word)
        if re.match(r"['’](?![A-Za-z])", question[word.end() :]) and any(m.unit_id in TIME_UNITS for m in unit_mentions(lowered)):
            # "how many days' notice", "how many months' salary": a length of time in the possessive is what is
            # counted ("how many workers' families" counts families)
            break
    return phrase


def _english_head_unit(question: str, start: int, mentions: list[UnitMention]) -> str | None:
    """The unit an English "how many" counts: the head of its noun phrase, the last word ("how many trade union
    facilities" counts facilities, not unions). None when the head is no table unit."""
    phrase = english_counted_phrase(question, start)
    if not phrase:
        return None
    head_end = phrase[-1].end()
    return next((m.unit_id for m in mentions if phrase[0].start() <= m.start and m.end == head_end), None)
