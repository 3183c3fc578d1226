"""The fixed question-set format (YAML) and its loader, which names the file and entry of every mistake."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from errors import LabourQAError

_KNOWN_KEYS = frozenset(
    {"id", "question", "expect", "expect_all", "evidence", "doc", "answerable", "follows", "note"}
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
    answerable = entry.raw.get("answerable", True)
    if not isinstance(answerable, bool):
        raise entry.error(f"'answerable' must be true or false, got {answerable!r}")
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
    for number, raw in enumerate(data, 1):
        line = lines[number - 1] if number - 1 < len(lines) else None
        entry = _Entry(path, number, line, raw if isinstance(raw, Mapping) else {})
        if not isinstance(raw, Mapping):
            raise entry.error(f"expected a mapping with 'id' and 'question', got {type(raw).__name__}")
        question = _parse_entry(entry)
        if question.id in seen:
            raise entry.error(f"duplicate id {question.id!r} (first used by entry {seen[question.id]})")
        if question.follows is not None and question.follows not in seen:
            known = any(
                isinstance(r, Mapping) and isinstance(r.get("id"), str) and _nfc(r["id"]).strip() == question.follows
                for r in data
            )
            why = "must refer to an earlier entry" if known else "refers to no question in this file"
            raise entry.error(f"'follows' {question.follows!r} {why}")
        seen[question.id] = number
        questions.append(question)
    return questions
