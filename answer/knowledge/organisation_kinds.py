"""Kinds of organisation (organisation_kinds.tsv): the bodies a text names by their kind and name ("Tổng Công ty
Điện lực miền Nam", "nhà thầu POSCO E&C"), and the words of a name evidence must write to be about that body."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from answer.knowledge.abbreviations import is_generic
from answer.knowledge.tables import read_rows, split_forms
from ingest.vietnamese import LOWER, UPPER, fold


@dataclass(frozen=True)
class OrganisationKind:
    kind: str  # as the articles write it before a name, lower case ("nhà thầu")
    pinned: bool  # a question naming a body of this kind pins its fact to that body


@dataclass(frozen=True)
class Organisation:
    """A body a text names: its kind, the name after it as written ("" when the kind alone names it) and the name's
    own words (its capitalised words, without legal forms, generic abbreviations or another kind's words)."""

    kind: OrganisationKind
    name: str
    words: tuple[str, ...]
    start: int


@functools.cache
def organisation_kinds() -> dict[str, OrganisationKind]:
    """kind -> its row; a bad row is an error naming it."""
    out: dict[str, OrganisationKind] = {}
    for kind, pinned, example, name, *_ in read_rows("organisation_kinds.tsv", 7):
        if not kind or pinned not in {"yes", "no"} or not example or not name or kind.lower() in out:
            raise ValueError(f"organisation_kinds.tsv: bad row {kind!r}")
        out[kind.lower()] = OrganisationKind(kind.lower(), pinned == "yes")
    return out


_NAME_WORD = rf"[{UPPER}0-9][\w&.'’-]*"  # a capitalised word, an acronym or a number ("Đoàn 584")
# a name's capitalised words, with at most two lower-case words between them ("Điện lực miền Nam")
_NAME_RUN = re.compile(rf"\s+({_NAME_WORD}(?:(?:\s+[{LOWER}]+){{0,2}}\s+{_NAME_WORD})*)")
# the words in lower case a capitalised kind may stand before its name ("Tổ hợp tác nông nghiệp nhân sâm Kang Hwa")
_BEFORE_NAME = re.compile(rf"(?:\s+[{LOWER}]+){{1,4}}(?=\s+{_NAME_WORD})")
_PEOPLE_BEFORE = {"anh", "chị", "ông", "bà", "em", "cô", "chú", "bác", "cháu", "thầy"}  # "anh Trường Giang" is a man
# the words after which a one-syllable kind in lower case is the kind, not the end of a compound ("cho hãng HP",
# not "cán bộ Nguyễn Văn A" or "toàn bộ Công ty")
_BEFORE_A_KIND = {"cho", "của", "với", "và", "do", "bởi", "tại", "từ", "là", "các", "những", "một", "thuộc", "như"}
# a company's legal form, which the press writes or leaves out ("Công ty TNHH Minh Phát", "Công ty Minh Phát")
_LEGAL_FORMS = {"tnhh", "cp", "ctcp", "mtv", "jsc", "ltd", "co", "corp", "tm", "dv", "xnk", "cổ", "phần"}


@functools.cache
def _kind_pattern() -> re.Pattern[str]:
    kinds = sorted(organisation_kinds(), key=len, reverse=True)
    return re.compile(rf"(?<![\w])({'|'.join(re.escape(k) for k in kinds)})(?![\w])", re.IGNORECASE)


def _own_words(name: str) -> tuple[str, ...]:
    """The words that tell one body of a kind from another: the name's capitalised words and acronyms, without a
    legal form, a generic abbreviation ("THPT") or another kind's words ("Đại học" of "Trường Đại học Bách khoa")."""
    kinds = organisation_kinds()
    words = name.split()
    while words:
        lead = next((k for k in kinds if [w.lower() for w in words[: len(k.split())]] == k.split()), None)
        if lead is None:
            break
        words = words[len(lead.split()) :]
    out = []
    for word in words:
        word = word.strip(".,'’-")
        if word and word[0].isupper() and word.lower() not in _LEGAL_FORMS and not is_generic(word):
            out.append(word)
    return tuple(out)


def organisations_named(text: str) -> list[Organisation]:
    """The bodies a text names by their kind: the kind before a capitalised name or an acronym ("nhà thầu POSCO
    E&C", "cho hãng HP"), or a kind of several syllables written with its capital, inside the text or a few words
    before a name ("... Tổ hợp tác nông nghiệp nhân sâm Kang Hwa"). A kind of one syllable in lower case names one
    only after a word that cannot make a compound of it ("cán bộ Nguyễn Văn A", "toàn bộ" name none)."""
    kinds = organisation_kinds()
    out = []
    for m in _kind_pattern().finditer(text):
        written = m.group(1)
        kind = kinds[written.lower()]
        before = text[: m.start()].split()
        previous = before[-1].lower() if before else ""
        if previous in _PEOPLE_BEFORE:
            continue
        capital = written[0].isupper()
        single = " " not in kind.kind
        name_match = _NAME_RUN.match(text, m.end())
        if name_match:
            if single and not capital and before and previous not in _BEFORE_A_KIND:
                continue
            name = name_match.group(1)
            out.append(Organisation(kind, name, _own_words(name), m.start()))
        elif capital and not single:
            described = _BEFORE_NAME.match(text, m.end())
            late = _NAME_RUN.match(text, described.end()) if described else None
            if late:
                out.append(Organisation(kind, late.group(1), _own_words(late.group(1)), m.start()))
            elif before:
                out.append(Organisation(kind, "", (), m.start()))
    return out


def pinned_organisations(question: str) -> list[Organisation]:
    """The bodies a question names whose kind pins its fact to them and whose name has words of its own."""
    return [body for body in organisations_named(question) if body.kind.pinned and body.words]


def _plain_tokens(text: str) -> list[str]:
    return [fold(w).lower() for w in re.findall(r"[\w&]+", text)]


def writes_words(words: tuple[tuple[str, ...], ...], text: str) -> bool:
    """Whether text writes every word of a name by one of its forms (a Vietnamese name's word as written, an English
    one's Vietnamese forms), diacritics and case aside ("A.C" as "A.C", "Northern" as "miền Bắc")."""
    written = f" {' '.join(_plain_tokens(text))} "
    return all(any(f" {' '.join(_plain_tokens(form))} " in written for form in forms) for forms in words)


def pinned_names(text: str) -> list[str]:
    """The own words of each pinned body a text names, as one string each ("Sông Đà"): what a section of an article
    is about when it names one ("Tổng công ty Sông Đà cho biết ...")."""
    return [" ".join(body.words) for body in pinned_organisations(text)]  # read back by writes_words, word by word


@functools.cache
def _english_pattern() -> re.Pattern[str]:
    words = sorted({w for row in read_rows("organisation_kinds.tsv", 7) if row[4] != "-" for w in split_forms(row[4])}, key=len)
    kinds = "|".join(re.escape(w) for w in reversed(words))
    # up to four capitalised words before the kind word ("Northern Power Corporation")
    return re.compile(rf"((?:[A-Z][\w'’-]*\s+){{1,4}})(?:{kinds})(?![\w])")


def english_body_words(question: str) -> list[tuple[str, ...]]:
    """The words of each body an English question names by English words before a kind ("Northern", "Power" of
    "Northern Power Corporation"), without the question's first word ("Which", "How") and places."""
    from answer.constraints import question_places  # the gazetteer's places; imported late: constraints reads tables

    out = []
    for m in _english_pattern().finditer(question):
        words = m.group(1).split()
        if m.start() == 0 or question[: m.start()].rstrip().endswith((".", "?", "!")):
            words = words[1:]  # the sentence's first word is capitalised whatever it is
        places = " ".join(question_places(" ".join(words)))
        words = [w for w in words if w.lower() not in {"the", "a", "an"} and w not in places]
        if words:
            out.append(tuple(words))
    return out
