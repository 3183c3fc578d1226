"""What a question asks, read through the data tables (answer/knowledge/): no rules fitted to sample questions.

- the expected answer type comes from the question-word table;
- the content terms are the question's words minus the stop-word table; an English question's terms are the
  Vietnamese names of the places, bodies and units it names (gazetteer and unit tables), its numbers and
  names; its other content words are "unknown" (asked for, never matched lexically: dense similarity and
  the learned scorer carry them);
- the unit is the head noun or unit the question counts ("bao nhiêu giáo viên" -> giáo viên);
- years, places and person names are the constraints the evidence is checked against (as features).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer.constraints import question_names, question_years
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.question_words import expected_type, question_words
from answer.knowledge.stopwords import stopwords
from answer.knowledge.units import unit_mentions, units
from answer.language import Language, detect_language, nfc, tokens
from ingest.vietnamese import fold

# The table's answer types -> the kinds of span the candidate extractor offers ("sentence": the clause itself).
SPAN_KIND = {
    "quantity": "quantity",
    "money": "quantity",
    "duration": "quantity",
    "percentage": "percentage",
    "date": "date",
    "year": "year",
    "person": "person",
    "role": "role",
    "place": "place",
    "document": "document",
    "list": "list",
    "organisation": "sentence",
    "reason": "sentence",
    "method": "sentence",
    "free": "sentence",
}
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks: its language, expected answer type and the terms an answer must match."""

    text: str
    language: Language
    answer_type: str  # a span kind of answer/candidates.py, or "sentence"
    table_type: str  # the question-word table's type (money, reason, ...)
    terms: tuple[str, ...]  # Vietnamese content syllables (English questions: what the tables translate)
    phrases: tuple[str, ...]  # runs of content syllables, for bigram matching
    unit: tuple[str, ...]  # the counted noun's Vietnamese syllables ("giáo viên"), () when none
    unit_id: str | None
    head: tuple[str, ...]  # what is asked about (the unit, else the first phrase): follow-ups reuse it
    years: tuple[int, ...]
    period: str | None
    places: tuple[str, ...]  # gazetteer entity ids of the places and bodies the question names
    names: tuple[str, ...]  # person names
    unknown: tuple[str, ...]  # English content words no table translates


def is_stopword(token: str, language: Language) -> bool:
    table = stopwords()
    if language == "en":
        return token in table.en
    return token in table.vi or (token == fold(token) and token in table.folded)


def _vietnamese_terms(text: str) -> tuple[list[str], list[str]]:
    """Content syllables and runs of them (phrases) of Vietnamese text."""
    terms: list[str] = []
    phrases: list[str] = []
    run: list[str] = []
    for tok in tokens(text):
        if is_stopword(tok, "vi") or _YEAR.fullmatch(tok):
            if len(run) > 1:
                phrases.append(" ".join(run))
            run = []
            continue
        terms.append(tok)
        run.append(tok)
    if len(run) > 1:
        phrases.append(" ".join(run))
    return terms, phrases


def _english_terms(text: str, gazetteer: Gazetteer) -> tuple[list[str], list[str], list[str]]:
    """(Vietnamese terms, phrases, unknown English words) of an English question, through the tables."""
    covered: list[tuple[int, int]] = []
    phrases: list[str] = []
    for mention in gazetteer.mentions(text):
        covered.append((mention.start, mention.end))
        phrases.append(nfc(gazetteer.entities[mention.entity_id].name_vi).lower())
    table = units()
    for unit in unit_mentions(text):
        covered.append((unit.start, unit.end))
        forms = table[unit.unit_id].forms_vi
        if forms:
            phrases.append(nfc(forms[0]).lower())
    for name in question_names(text):
        phrases.append(name.lower())
    terms = [t for p in phrases for t in tokens(p) if not is_stopword(t, "vi")]
    unknown: list[str] = []
    for match in re.finditer(r"[^\W_]+(?:[.,/\-][^\W_]+)*", text):
        if any(s <= match.start() < e for s, e in covered):
            continue
        word = match.group(0).lower()
        if any(ch.isdigit() for ch in word):
            if not _YEAR.fullmatch(word):
                terms.append(word)  # numbers are written alike in both languages
        elif not is_stopword(word, "en") and len(word) > 2:
            unknown.append(word)
    return list(dict.fromkeys(terms)), [p for p in dict.fromkeys(phrases) if " " in p], unknown


def _unit(text: str, language: Language) -> tuple[tuple[str, ...], str | None]:
    """The unit or head noun the question counts: the first one after its question word, else the first."""
    mentions = unit_mentions(text)
    if not mentions:
        return (), None
    asked_at = min((start for _, start, _ in question_words(text)), default=0)
    after = [m for m in mentions if m.start >= asked_at]
    mention = (after or mentions)[0]
    if language == "vi":
        return tuple(tokens(mention.surface)), mention.unit_id
    forms = units()[mention.unit_id].forms_vi
    return (tuple(tokens(forms[0])) if forms else ()), mention.unit_id


def analyse_question(question: str) -> QuestionAnalysis:
    """Type a question and collect the terms, unit and constraints an answer is scored against."""
    text = nfc(question).strip()
    language = detect_language(text)
    gazetteer = Gazetteer.load()
    table_type = expected_type(text)
    if language == "vi":
        terms, phrases = _vietnamese_terms(text)
        unknown: list[str] = []
    else:
        terms, phrases, unknown = _english_terms(text, gazetteer)
    unit, unit_id = _unit(text, language)
    names = question_names(text)
    kind = SPAN_KIND.get(table_type, "sentence")
    if kind == "person" and names:
        kind = "role"  # "who is Lê Thị Thêu?" asks for the title of someone named
    years, period = question_years(text)
    places = tuple(dict.fromkeys(m.entity_id for m in gazetteer.mentions(text)))
    head = unit or (tuple(phrases[0].split()) if phrases else ())
    return QuestionAnalysis(
        text=text,
        language=language,
        answer_type=kind,
        table_type=table_type,
        terms=tuple(dict.fromkeys(terms)),
        phrases=tuple(dict.fromkeys(phrases)),
        unit=unit,
        unit_id=unit_id,
        head=head,
        years=years,
        period=period,
        places=places,
        names=names,
        unknown=tuple(dict.fromkeys(unknown)),
    )


def retrieval_query(question: str) -> str:
    """The search text: an English question also carries the Vietnamese names of what it names.

    The articles are Vietnamese: the lexical index cannot match English words, and the multilingual embedding
    alone ranks short Vietnamese sentences low for an English question.
    """
    text = nfc(question).strip()
    if detect_language(text) != "en":
        return text
    analysis = analyse_question(text)
    extra = " ".join(analysis.phrases or analysis.terms)
    return f"{text} {extra}" if extra else text
