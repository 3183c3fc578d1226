"""Kinds of organisation (organisation_kinds.tsv): the bodies a text names by their kind and name ("Tổng Công ty
Điện lực miền Nam", "nhà thầu POSCO E&C"), and the words of a name evidence must write to be about that body."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from answer.knowledge.abbreviations import is_generic
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.tables import read_rows
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
    end: int  # where the name ends in the text (the kind's end when the kind alone names it)


@functools.cache
def organisation_kinds() -> dict[str, OrganisationKind]:
    """kind -> its row; a bad row is an error naming it."""
    out: dict[str, OrganisationKind] = {}
    for kind, pinned, example, name in read_rows("organisation_kinds.tsv", 4):
        if not kind or pinned not in {"yes", "no"} or not example or not name or kind.lower() in out:
            raise ValueError(f"organisation_kinds.tsv: bad row {kind!r}")
        out[kind.lower()] = OrganisationKind(kind.lower(), pinned == "yes")
    return out


_NAME_WORD = rf"[{UPPER}0-9][\w&.'’-]*"  # a capitalised word, an acronym or a number ("Đoàn 584")
# the words that end a name rather than join its words ("Công ty Pouchen Việt Nam ở Biên Hòa", "Bệnh viện Phụ sản Cần
# Thơ trưa 16/2")
_NAME_ENDS = "ở|tại|của|cho|với|thuộc|là|có|đã|được|bị|từ|đến|trong|khi|nay|vừa|sẽ|đang|sáng|trưa|chiều|tối|đêm|ngày|hôm|lúc|vào"
# a name's capitalised words, with at most two lower-case words between them ("Điện lực miền Nam")
_NAME_RUN = re.compile(
    rf"\s+({_NAME_WORD}(?:(?:\s+(?!(?:{_NAME_ENDS})(?!\w))[{LOWER}]+){{0,2}}\s+{_NAME_WORD})*)"
)
# the words in lower case a capitalised kind may stand before its name ("Tổ hợp tác nông nghiệp nhân sâm Kang Hwa")
_BEFORE_NAME = re.compile(rf"(?:\s+[{LOWER}]+){{1,4}}(?=\s+{_NAME_WORD})")
_PEOPLE_BEFORE = {"anh", "chị", "ông", "bà", "em", "cô", "chú", "bác", "cháu", "thầy"}  # "anh Trường Giang" is a man
# the words after which a one-syllable kind in lower case is the kind, not the end of a compound ("cho hãng HP",
# not "cán bộ Nguyễn Văn A" or "toàn bộ Công ty")
BEFORE_A_KIND = {"cho", "của", "với", "và", "do", "bởi", "tại", "từ", "là", "các", "những", "một", "thuộc", "như"}
# a company's legal form, which the press writes or leaves out ("Công ty TNHH Minh Phát", "Công ty Minh Phát")
_LEGAL_FORMS = {"tnhh", "cp", "ctcp", "mtv", "jsc", "ltd", "co", "corp", "tm", "dv", "xnk", "cổ", "phần"}


@functools.cache
def _kind_pattern() -> re.Pattern[str]:
    kinds = sorted(organisation_kinds(), key=len, reverse=True)
    return re.compile(rf"(?<![\w])({'|'.join(re.escape(k) for k in kinds)})(?![\w])", re.IGNORECASE)


def _own_words(name: str) -> tuple[str, ...]:
    """The words that tell one body of a kind from another: the name's capitalised words and acronyms, without a
    legal form, a generic abbreviation ("THPT"), another kind's words ("Đại học" of "Trường Đại học Bách khoa") or the
    province or country it is in, which the press often leaves out ("Công ty Pouchen Việt Nam" is "Pouchen"), unless
    that is all the name says ("Ngân hàng Hà Nội")."""
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
    placed = _place_words(" ".join(out))
    own = [word for word in out if word not in placed]
    return tuple(own or out)


def _place_words(text: str) -> set[str]:
    """The words of a text that name a province or country (the gazetteer's, "Việt Nam" included)."""
    return {
        word
        for m in Gazetteer.load().mentions(text)
        if m.kind in {"province", "country"}
        for word in text[m.start : m.end].split()
    }


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
            if single and not capital and before and previous not in BEFORE_A_KIND:
                continue
            name = name_match.group(1)
            out.append(Organisation(kind, name, _own_words(name), m.start(), name_match.end(1)))
        elif capital and not single:
            described = _BEFORE_NAME.match(text, m.end())
            late = _NAME_RUN.match(text, described.end()) if described else None
            if late:
                out.append(Organisation(kind, late.group(1), _own_words(late.group(1)), m.start(), late.end(1)))
            elif before:
                out.append(Organisation(kind, "", (), m.start(), m.end()))
    return out


def pinned_organisations(question: str) -> list[Organisation]:
    """The bodies a question names whose kind pins its fact to them and whose name has words of its own."""
    return [body for body in organisations_named(question) if body.kind.pinned and body.words]


def _plain_tokens(text: str) -> list[str]:
    return [fold(w).lower() for w in re.findall(r"[\w&]+", text)]


_NEAR = 3  # words a name's own words may have between them ("Điện lực miền Bắc" for "Điện", "Bắc")


def writes_words(words: tuple[str, ...], text: str) -> bool:
    """Whether text writes every one of a name's own words, diacritics and case aside ("A.C" as "A.C"), close
    together as a name is written: "xăng" in one sentence and "Việt Nam" in another name no "Xăng dầu Việt Nam"."""
    written = _plain_tokens(text)
    word_tokens = [_plain_tokens(word) for word in words]
    places: list[list[tuple[int, int]]] = []  # for each word, where it starts and ends in the text
    for tokens in word_tokens:
        n = len(tokens)
        found = [(i, i + n) for i in range(len(written) - n + 1) if tokens and written[i : i + n] == tokens]
        if not found:
            return False
        places.append(found)
    span = sum(map(len, word_tokens)) + _NEAR * (len(words) - 1)
    return any(
        all(any(start >= first - span and end <= first + span for start, end in found) for found in places)
        for first, _ in places[0]
    )


def pinned_names(text: str) -> list[str]:
    """The own words of each pinned body a text names, as one string each ("Sông Đà"): what a section of an article
    is about when it names one ("Tổng công ty Sông Đà cho biết ...")."""
    return [" ".join(body.words) for body in pinned_organisations(text)]  # read back by writes_words, word by word
