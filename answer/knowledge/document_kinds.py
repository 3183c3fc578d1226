"""Kinds of legal document (document_kinds.tsv): those a question may ask for ("nghị quyết nào", "which decree"),
those that start a numbered document, and those that name the code after them."""

from __future__ import annotations

import functools
import re

from answer.knowledge.tables import read_rows, split_forms
from ingest.vietnamese import plain_words

ROLES = ("asked", "numbered", "code")


@functools.cache
def _rows() -> tuple[tuple[str, str | None, frozenset[str]], ...]:
    """(kind, its English word or None, its roles) in the file's order; a bad row is an error."""
    out = []
    for kind, en, roles, example_vi, example_en in read_rows("document_kinds.tsv", 5):
        role_set = frozenset(split_forms(roles))
        asked = "asked" in role_set
        if (
            not kind
            or kind != kind.lower()
            or not role_set
            or not role_set <= set(ROLES)
            or not en
            or (example_vi != "-") != asked
            or (en == "-") != (example_en == "-")
        ):
            raise ValueError(f"document_kinds.tsv: bad row {kind!r} {en!r} {roles!r}")
        out.append((kind, None if en == "-" else en, role_set))
    return tuple(out)


def document_kinds() -> tuple[tuple[str, str | None], ...]:
    """The kinds a question may ask for: (the kind as the articles write it, its English word or None), in order."""
    return tuple((kind, en) for kind, en, roles in _rows() if "asked" in roles)


@functools.cache
def kinds_in_role(role: str) -> tuple[str, ...]:
    """The kinds with a role ("numbered", "code"), lower case, in the file's order."""
    if role not in ROLES:
        raise ValueError(f"unknown document-kind role {role!r}")
    return tuple(kind for kind, _, roles in _rows() if role in roles)


def kind_alternation(role: str) -> str:
    """A regex alternation of the kinds with a role, in the file's order (a longer kind before one it starts with, as
    the tests check); match it ignoring case."""
    return "|".join(re.escape(kind) for kind in kinds_in_role(role))


@functools.cache
def _kind_patterns() -> tuple[tuple[str, str, re.Pattern[str] | None], ...]:
    """Each kind with its folded words and its English pattern (plural allowed), built once rather than per question."""
    return tuple(
        (vi, plain_words(vi), re.compile(rf"\b{re.escape(en)}s?\b") if en else None) for vi, en in document_kinds()
    )


def document_kind_asked(question: str, language: str) -> str | None:
    """The kind of document a question names, as the articles write it ("nghị định"), or None."""
    if language == "en":
        lowered = question.lower()
        return next((vi for vi, _, english in _kind_patterns() if english is not None and english.search(lowered)), None)
    plain = plain_words(question)
    named = [
        (vi, plain.find(folded) + len(folded))
        for vi, folded, _ in _kind_patterns()
        if folded in plain and (" " in vi or _names_one_syllable_kind(plain, folded))
    ]
    # of two kinds named, the one the question word follows is asked for: "theo Nghị quyết 39-NQ/TW và nghị định số
    # hiệu gì" asks for a decree
    asked = [vi for vi, end in named if _ASKED_AFTER_KIND.match(plain, end)]
    return asked[0] if asked else (named[0][0] if named else None)


_ASKED_AFTER_KIND = re.compile(r"(?:so )?(?:hieu )?(?:la )?(?:gi|nao|may|bao nhieu) ")


# Words that hold a one-syllable kind without naming a document: discipline, the law in general, a lawyer, a rule,
# a law firm or school ("văn phòng luật nào" asks for a firm)
_HOLDS_A_KIND = tuple(
    plain_words(word)
    for word in (
        "kỷ luật", "pháp luật", "luật pháp", "luật sư", "luật lệ", "quy luật", "định luật",
        "văn phòng luật", "công ty luật", "hãng luật", "đại học luật", "trường luật", "ngành luật",
    )
)  # fmt: skip


def _names_one_syllable_kind(plain: str, folded: str) -> bool:
    """Whether a question's folded words name a one-syllable kind ("luật") outside the words that merely hold it
    ("kỷ luật", "pháp luật", "luật sư")."""
    for word in _HOLDS_A_KIND:
        plain = plain.replace(word, " ")
    return folded in plain
