"""Closed kinds of answer (answer_classes.tsv): disciplinary forms, prison terms, provisions of a law. A question
asking for one is answered only by evidence stating one."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from answer.knowledge.tables import read_rows
from answer.language import Language, nfc


@dataclass(frozen=True)
class AnswerClass:
    name: str
    asks_vi: tuple[re.Pattern[str], ...]
    asks_en: tuple[re.Pattern[str], ...]
    states: tuple[re.Pattern[str], ...]


@functools.cache
def answer_classes() -> tuple[AnswerClass, ...]:
    """The table's kinds, in its order; a bad row is an error."""
    rows: dict[str, dict[str, list[re.Pattern[str]]]] = {}
    for name, role, language, pattern, example in read_rows("answer_classes.tsv", 5):
        if role not in ("asks", "states") or language not in ("vi", "en", "any"):
            raise ValueError(f"answer_classes.tsv: bad row {name!r} {role!r} {language!r}")
        compiled = re.compile(pattern, re.IGNORECASE)
        if not compiled.search(nfc(example)):
            raise ValueError(f"answer_classes.tsv: {pattern!r} does not match its example {example!r}")
        key = role if role == "states" else f"asks_{language}"
        rows.setdefault(name, {}).setdefault(key, []).append(compiled)
    return tuple(
        AnswerClass(name, tuple(k.get("asks_vi", ())), tuple(k.get("asks_en", ())), tuple(k.get("states", ())))
        for name, k in rows.items()
    )


def asked_class(question: str, language: Language) -> AnswerClass | None:
    """The closed kind a question asks for, or None."""
    text = nfc(question)
    for kind in answer_classes():
        if any(p.search(text) for p in (kind.asks_en if language == "en" else kind.asks_vi)):
            return kind
    return None


def states_class(kind: AnswerClass, sentence: str) -> bool:
    """Whether a sentence states a value of the kind."""
    text = nfc(sentence)
    return any(p.search(text) for p in kind.states)
