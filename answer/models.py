"""An answer and its citations: the stable JSON contract of `labour-qa ask --json`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Citation:
    """A cited sentence, verbatim at [start, end) of its document's clean text."""

    doc_id: str
    title: str
    date: str | None
    source: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Answer:
    """The answer to one question: found or not, with sentence citations."""

    question: str
    answer: str  # the text shown to the user, in the question's language
    found: bool
    citations: tuple[Citation, ...] = ()
    related: tuple[Citation, ...] = ()  # shown as related, never as support, when not found
    mode: Literal["extractive", "llm"] = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    extracted: str | None = None  # the figure/date/name itself, for prominent display
    answer_type: str | None = None
    resolved_question: str | None = None  # the follow-up rewritten against the previous turn
    note: str | None = None  # e.g. why an LLM answer fell back to the extractive one

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape; extra keys beyond the contract are additive."""
        data = asdict(self)
        data["citations"] = [asdict(c) for c in self.citations]
        data["related"] = [asdict(c) for c in self.related]
        return data


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept so follow-ups can be resolved against it."""

    question: str
    answer: Answer
