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
    # The clause of the sentence that holds the answer, in the same (article) coordinates as start/end and
    # inside them; None when the whole sentence is the evidence. The UI highlights it strongly.
    clause_start: int | None = None
    clause_end: int | None = None


# The longest question the product accepts, in the chat and on the command line alike: longer text is a
# pasted document, not a question, and would hold a worker for seconds of embedding and matching.
MAX_QUESTION_CHARS = 1000


AlternativeLabel = Literal["estimate", "target", "proposal", "partial_period", "other_source", "other_date"]


@dataclass(frozen=True)
class Alternative:
    """Another figure the evidence gives for the same question (older, an estimate, a partial period...)."""

    answer: str  # the figure or span as the article writes it
    period: str | None  # the period the figure is about, e.g. "2023", "6 tháng đầu năm 2023", "quý I/2024"
    date: str | None  # the article's publication date (YYYY-MM-DD) or None when unknown
    source: str | None
    citation: Citation
    labels: tuple[AlternativeLabel, ...] = ()


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
    confidence: float | None = None  # calibrated probability that the answer is right (extractive mode)
    alternatives: tuple[Alternative, ...] = ()  # other figures for the same question, newest first
    filters: dict[str, str] = field(default_factory=dict)  # the search filters applied (since, until, source)
    period: str | None = None  # the period the answer's figure is about, when known
    answer_labels: tuple[AlternativeLabel, ...] = ()  # ("estimate",), ("target",) or ("proposal",) for such a figure
    language: Literal["vi", "en"] | None = None  # the question's, as the answerer read it (None: not recorded)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape; extra keys beyond the contract are additive."""
        data = asdict(self)
        data["citations"] = [asdict(c) for c in self.citations]
        data["related"] = [asdict(c) for c in self.related]
        data["alternatives"] = [asdict(a) for a in self.alternatives]
        return data


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept so follow-ups can be resolved against it."""

    question: str
    answer: Answer
