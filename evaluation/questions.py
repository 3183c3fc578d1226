"""The fixed question-set format (YAML) and its loader, which names the file and entry of every mistake."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

import yaml

from answer.language import detect_language
from errors import LabourQAError

Split = Literal["dev", "heldout"]
Lang = Literal["vi", "en"]
QuestionType = Literal[
    "quantity", "money", "percentage", "date", "person", "organisation", "place", "document", "list", "free"
]
# what makes a trap unanswerable: the articles give another year, say nothing, name another
# organisation or place, or give the figure in another unit
Trap = Literal["wrong_year", "absent", "wrong_org", "wrong_place", "wrong_unit"]

SPLITS: tuple[str, ...] = get_args(Split)
LANGS: tuple[str, ...] = get_args(Lang)
QUESTION_TYPES: tuple[str, ...] = get_args(QuestionType)
TRAPS: tuple[str, ...] = get_args(Trap)

_KNOWN_KEYS = frozenset(
    {
        "id", "question", "expect", "expect_all", "evidence", "doc", "answerable", "follows", "note",
        "split", "lang", "type", "trap",
    }
)


class QuestionSetError(LabourQAError, ValueError):
    """A question-set file cannot be read or breaks the format; the message says where."""


@dataclass(frozen=True)
class EvalQuestion:
    """One scored question: what a correct answer must say and which sentence must support it."""

    id: str
    question: str
    expect: tuple[str, ...] = ()  # any one of these must appear in the answer text
    evidence: str | None = None  # the cited sentence must contain this text
    doc: str | None = None  # the document the evidence sentence comes from
    answerable: bool = True
    follows: str | None = None  # id of the previous question in the same conversation
    # every group must be matched by one of its alternatives (lists: "Hàn Quốc" or "Korea", ...)
    expect_all: tuple[tuple[str, ...], ...] = ()
    note: str | None = None  # why the expectation is what it is, for whoever reads a failure
    split: Split = "dev"  # "heldout" questions are scored only at the end (`eval --split heldout`)
    lang: Lang | None = None  # the question's language; None: detected from the question text
    type: QuestionType | None = None  # the kind of answer expected; None when the file does not say
    trap: Trap | None = None  # why an unanswerable question is a trap; traps are never answerable

    def __post_init__(self) -> None:
        if self.lang is None:
            # frozen: the detected language is filled in once, here, so every reader sees the same one
            object.__setattr__(self, "lang", detect_language(self.question))
        if self.trap is not None and self.answerable:
            raise ValueError(f"question {self.id!r}: a trap ({self.trap}) cannot be answerable")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Entry:
    """Validation helpers bound to one entry, so every message carries file:line and id."""

    def __init__(self, path: Path, number: int, line: int | None, raw: Mapping[str, Any]) -> None:
        self.path = path
        self.number = number
        self.line = line
        self.raw = raw

    def error(self, message: str) -> QuestionSetError:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        ident = self.raw.get("id")
        label = f"entry {self.number}" + (f" (id {ident!r})" if isinstance(ident, str) else "")
        return QuestionSetError(f"{where}: {label}: {message}")

    def text(self, key: str, *, required: bool) -> str | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                raise self.error(f"missing required field {key!r}")
            return None
        if not isinstance(value, str):
            raise self.error(f"{key!r} must be a string, got {type(value).__name__} {value!r}")
        value = _nfc(value).strip()
        if not value:
            raise self.error(f"{key!r} is empty")
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(key, required=False)
        if value is not None and value not in allowed:
            raise self.error(f"{key!r} must be one of {', '.join(allowed)}; got {value!r}")
        return value

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.error(f"{key!r} must be a list of strings, got {type(value).__name__}")
        out: list[str] = []
        for item in value:
            if not isinstance(item, str):
                # YAML reads an unquoted 21.000 as the float 21.0: the figure would silently change
                raise self.error(
                    f"{key!r} holds {item!r} ({type(item).__name__}); quote it so YAML keeps it as written"
                )
            item = _nfc(item).strip()
            if not item:
                raise self.error(f"{key!r} holds an empty string")
            out.append(item)
        return tuple(out)


def _entry_lines(text: str) -> list[int | None]:
    """1-based line numbers of the question entries, for error messages."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if isinstance(root, yaml.MappingNode):
        root = next((v for k, v in root.value if getattr(k, "value", None) == "questions"), None)
    if not isinstance(root, yaml.SequenceNode):
        return []
    return [node.start_mark.line + 1 for node in root.value]


def _parse_entry(entry: _Entry) -> EvalQuestion:
    unknown = sorted(set(entry.raw) - _KNOWN_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_KNOWN_KEYS))
        raise entry.error(f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {allowed}")
    ident = entry.text("id", required=True)
    question = entry.text("question", required=True)
    trap = entry.choice("trap", TRAPS)
    answerable = entry.raw.get("answerable", trap is None)
    if not isinstance(answerable, bool):
        raise entry.error(f"'answerable' must be true or false, got {answerable!r}")
    if trap is not None and answerable:
        raise entry.error(f"a trap ({trap}) is unanswerable by definition; drop 'answerable: true'")
    expect = entry.strings("expect", entry.raw.get("expect", []))
    groups_raw = entry.raw.get("expect_all", [])
    if not isinstance(groups_raw, list):
        raise entry.error("'expect_all' must be a list (of strings or of lists of alternatives)")
    expect_all = tuple(entry.strings("expect_all", group) for group in groups_raw)
    evidence = entry.text("evidence", required=False)
    doc = entry.text("doc", required=False)
    if answerable:
        if not expect and not expect_all:
            raise entry.error("an answerable question needs 'expect' (or 'expect_all')")
        if evidence is None:
            raise entry.error("an answerable question needs 'evidence' (text its cited sentence must contain)")
    elif expect or expect_all or evidence is not None:
        raise entry.error("an unanswerable question cannot have 'expect', 'expect_all' or 'evidence'")
    return EvalQuestion(
        id=ident or "",
        question=question or "",
        expect=expect,
        evidence=evidence,
        doc=doc,
        answerable=answerable,
        follows=entry.text("follows", required=False),
        expect_all=expect_all,
        note=entry.text("note", required=False),
        split=cast(Split, entry.choice("split", SPLITS) or "dev"),
        lang=cast(Lang | None, entry.choice("lang", LANGS)),
        type=cast(QuestionType | None, entry.choice("type", QUESTION_TYPES)),
        trap=cast(Trap | None, trap),
    )


def load_question_set(path: str | Path) -> list[EvalQuestion]:
    """Read and validate a YAML question set: a list of entries, or a mapping with a `questions` list."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionSetError(f"{path}: cannot read the question set: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QuestionSetError(f"{path}: not valid YAML: {exc}") from exc
    if isinstance(data, dict):
        if "questions" not in data:
            raise QuestionSetError(f"{path}: a mapping at the top level needs a 'questions' list")
        data = data["questions"]
    if not isinstance(data, list):
        raise QuestionSetError(f"{path}: expected a list of questions, got {type(data).__name__}")
    if not data:
        raise QuestionSetError(f"{path}: the question set is empty")
    lines = _entry_lines(text)
    questions: list[EvalQuestion] = []
    seen: dict[str, int] = {}
    by_id: dict[str, EvalQuestion] = {}
    for number, raw in enumerate(data, 1):
        line = lines[number - 1] if number - 1 < len(lines) else None
        entry = _Entry(path, number, line, raw if isinstance(raw, Mapping) else {})
        if not isinstance(raw, Mapping):
            raise entry.error(f"expected a mapping with 'id' and 'question', got {type(raw).__name__}")
        question = _parse_entry(entry)
        if question.id in seen:
            raise entry.error(f"duplicate id {question.id!r} (first used by entry {seen[question.id]})")
        if question.follows is not None and question.follows in by_id and by_id[question.follows].split != question.split:
            # scoring one split alone would ask the follow-up without the conversation it continues
            raise entry.error(
                f"'follows' {question.follows!r} is in split {by_id[question.follows].split!r}, "
                f"this question in {question.split!r}; a conversation stays in one split"
            )
        if question.follows is not None and question.follows not in seen:
            known = any(
                isinstance(r, Mapping) and isinstance(r.get("id"), str) and _nfc(r["id"]).strip() == question.follows
                for r in data
            )
            why = "must refer to an earlier entry" if known else "refers to no question in this file"
            raise entry.error(f"'follows' {question.follows!r} {why}")
        seen[question.id] = number
        by_id[question.id] = question
        questions.append(question)
    return questions


def select_split(questions: Sequence[EvalQuestion], split: str) -> list[EvalQuestion]:
    """The questions of one split ("dev" or "heldout"), or all of them for "all"."""
    if split == "all":
        return list(questions)
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)} or all; got {split!r}")
    chosen = [q for q in questions if q.split == split]
    if not chosen:
        counts = ", ".join(f"{s}: {sum(1 for q in questions if q.split == s)}" for s in SPLITS)
        raise QuestionSetError(f"no questions in split {split!r} ({counts})")
    return chosen
