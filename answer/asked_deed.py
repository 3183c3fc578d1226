"""What a how-many question says its counted things did or underwent ("bao nhiêu người [được đào tạo nghề]", "how
many workers [lost their jobs]"), and whether a sentence says it.

A figure counts what its sentence says was done: "21.000 người ... được giải quyết việc làm" are people given jobs,
not people trained. Word overlap with the rest of the question (the year, "người", the province) lets such a figure
through; the deed, read right after the counted noun, tells them apart. A question with no such words, or a deed of
one syllable, asks nothing this module checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer.knowledge.units import ends_english_noun_phrase, unit_mentions
from answer.language import tokens
from answer.qtypes import QuestionAnalysis, english_wordings
from ingest.vietnamese import fold

# Words between a Vietnamese counted noun and its deed: voice and aspect ("được", "bị", "đã") say nothing of it.
_VI_LEADS = frozenset({"được", "bị", "đã", "đang", "sẽ", "vừa", "mới", "phải"})
# Words that end the deed: when, where, whose, for whom, and a year.
_VI_ENDS = re.compile(r"(?:19|20)\d\d|năm|tháng|tại|ở|trong|của|từ|đến|cho|với|theo|và|là|trên|dưới|khi|sau|trước")
_VI_MAX_SYLLABLES = 3
# verbs that say little of a deed alone ("làm giả", "đi làm", "ra quyết định"), or whose converse the press writes as
# often ("nhận quà" is "quà ... được trao cho"), folded
_LIGHT_VERBS = frozenset({"lam", "di", "ra", "co", "dua", "cho", "tien", "thuc", "nhan"})
_VI_HOW_MANY = re.compile(r"bao nhiêu\s+", re.IGNORECASE)
_EN_HOW_MANY = re.compile(r"\bhow many\s+")
_EN_WORD = re.compile(r"[a-z][a-z'\-]*")
# English words around a deed that the glossary reads as no part of it: auxiliaries and determiners
_EN_FILLERS = frozenset("were was are is have has had been be being did do does the their its a an".split())
# a participle with its agent right after the counted noun, up to the question's own auxiliary
_EN_MODIFIER = re.compile(r"[a-z]+ed\s+by\b.*?\b(?:were|was|are|is|have|has|had)\b")
_EN_ENDS = re.compile(
    r"\b(?:in|during|at|by|from|since|for|of|because|due|after|before|under|with|than|last|this|so|as|to|on)\b|[,;?]"
)


@dataclass(frozen=True)
class AskedDeed:
    """The deed's wordings: groups of folded syllable forms, any form of a group saying it."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    # a Vietnamese deed is the question's own words, which the press words a little differently ("hưởng mức lương"
    # vs "được xếp hưởng mức lương"): half of its syllables say it. An English deed is the glossary's press wording.
    partial: bool

    def said_in(self, text: str) -> bool:
        """Whether a text (folded syllables, any case) says the deed."""
        have = set(tokens(fold(text).lower()))
        if self.partial:
            # its verb and half of its words: "mất việc làm" is not said by "giải quyết việc làm"; a light verb
            # ("làm giả hồ sơ" said as "giả mạo hồ sơ") is not required
            form = self.groups[0][0]
            return (form[0] in have or form[0] in _LIGHT_VERBS) and sum(t in have for t in form) * 2 >= len(form)
        return any(all(t in have for t in form) for group in self.groups for form in group)


def asked_deed(q: QuestionAnalysis) -> AskedDeed | None:
    """The deed of a how-many question that counts things (not money), when it has one of two syllables or more."""
    if q.answer_type != "quantity" or q.money:
        return None
    if q.language == "vi":
        return _vietnamese_deed(q)
    return _english_deed(q.text)


def _vietnamese_deed(q: QuestionAnalysis) -> AskedDeed | None:
    asked = _VI_HOW_MANY.search(q.text)
    if asked is None or not q.unit:
        return None
    noun_end = _table_nouns_end(q.text, asked.end())
    if noun_end is None:
        words = re.findall(r"[^\W_]+|[^\w\s]", q.text[asked.end() :])
        unit = [u.lower() for u in q.unit]
        if [w.lower() for w in words[: len(unit)]] != unit:
            return None  # the counted noun is not right after "bao nhiêu": no deed read here
        words = words[len(unit) :]
    else:
        words = re.findall(r"[^\W_]+|[^\w\s]", q.text[noun_end:])
    run: list[str] = []
    for word in words:
        low = word.lower()
        if not run and low in _VI_LEADS:
            continue
        if not re.fullmatch(r"[^\W\d_]+", word) or _VI_ENDS.fullmatch(low) or len(run) == _VI_MAX_SYLLABLES:
            break
        run.append(fold(low))
    return AskedDeed(((tuple(run),),), partial=True) if len(run) >= 2 else None


def _table_nouns_end(text: str, start: int) -> int | None:
    """Where the table nouns written one after another from start end ("lượt lao động", "người"), so that a verb
    the question's head took in ("người ủng hộ") is read as the deed; None when no table noun starts there."""
    end = None
    for mention in unit_mentions(text):  # left to right
        at = start if end is None else end
        if mention.start < at:
            continue
        if text[at : mention.start].strip():
            break
        end = mention.end
    return end


def _english_deed(question: str) -> AskedDeed | None:
    lowered = question.lower()
    asked = _EN_HOW_MANY.search(lowered)
    if asked is None:
        return None
    words = list(_EN_WORD.finditer(lowered, asked.end()))
    if not words or ends_english_noun_phrase(words[0].group(0), ()):
        return None  # "how many are paid ...": no noun counted
    end = next((w.start() for w in words[1:] if ends_english_noun_phrase(w.group(0), words[:1])), None)
    if end is None:
        return None
    rest = lowered[end:]
    modified = _EN_MODIFIER.match(rest)
    if modified:
        # "workers affected by the pandemic were supported": the participle describes the workers; the deed
        # asked about follows the auxiliary
        rest = rest[modified.end() :]
    cut = _EN_ENDS.search(rest)
    piece = " ".join(w for w in (rest[: cut.start()] if cut else rest).split() if w not in _EN_FILLERS)
    if not piece:
        return None
    groups = tuple(
        tuple(tuple(fold(t).lower() for t in tokens(form)) for form in group) for group in english_wordings(piece)
    )
    if not groups or sum(len(group[0]) for group in groups) < 2:
        return None
    return AskedDeed(groups, partial=False)
