"""Question words (question_words.tsv): which type of answer a question expects."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal, cast, get_args

from answer.knowledge.matcher import PhraseMatcher, parse_phrase
from answer.knowledge.tables import read_rows

AnswerType = Literal[
    "quantity", "money", "percentage", "date", "year", "duration", "person", "role", "organisation",
    "place", "document", "list", "reason", "method", "free",
]
ANSWER_TYPES: tuple[str, ...] = get_args(AnswerType)


@dataclass(frozen=True)
class QuestionWord:
    """One row of question_words.tsv."""

    phrase: str
    answer_type: AnswerType
    language: Literal["vi", "en"]
    priority: int


@functools.cache
def question_word_matcher() -> PhraseMatcher[QuestionWord]:
    """The matcher over every row, built once per process."""
    phrases = []
    for phrase, answer_type, language, priority in read_rows("question_words.tsv", 4):
        if answer_type not in ANSWER_TYPES or language not in ("vi", "en") or not priority.isdigit():
            raise ValueError(f"question_words.tsv: bad row {phrase!r} {answer_type!r} {language!r} {priority!r}")
        word = QuestionWord(phrase, cast(AnswerType, answer_type), cast(Literal["vi", "en"], language), int(priority))
        phrases.append(parse_phrase(phrase, word, single="accent"))
    return PhraseMatcher(phrases)


def question_words(question: str) -> list[tuple[QuestionWord, int, int]]:
    """The question words of a question with their offsets (in the NFC question), left to right."""
    return [(word, start, start + len(surface)) for word, start, surface in _found(question)]


def question_types(question: str) -> list[tuple[str, str, int]]:
    """(answer type, the phrase as written, start offset) for each question word, longest phrase first."""
    found = [(word.answer_type, surface, start) for word, start, surface in _found(question)]
    return sorted(found, key=lambda t: (-len(t[1]), t[2]))


def expected_type(question: str) -> str:
    """The answer type of the most specific question word (highest priority, then longest); 'free' if none."""
    words = question_words(question)
    if not words:
        return "free"
    word, _, _ = max(words, key=lambda w: (w[0].priority, w[2] - w[1], -w[1]))
    return word.answer_type


def _found(question: str) -> list[tuple[QuestionWord, int, str]]:
    out = []
    for m in question_word_matcher().find(question):
        if m.phrase.value is None:
            continue
        if len(m.phrase.tokens) == 1 and len(m.surface) > 1 and m.surface.isupper():
            continue  # an acronym: "WHO khuyến cáo", "AI"
        out.append((m.phrase.value, m.start, m.surface))
    return out
