"""Questions that ask which body (asked_bodies.tsv): "Nhà thầu nào ...?", "Which ministry ...?", and whether a sentence
names a body such a question does not."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from answer.constraints import question_acronyms
from answer.knowledge.abbreviations import abbreviations, replace_written
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.organisation_kinds import BEFORE_A_KIND, organisation_kinds, organisations_named
from answer.knowledge.tables import read_rows, split_forms
from answer.language import english_plural
from ingest.vietnamese import has_diacritics, nfc, plain_words

ANY_BODY = frozenset({"*"})


@dataclass(frozen=True)
class AskedWord:
    word: str
    language: str
    kinds: frozenset[str]  # organisation_kinds.tsv kinds, or ANY_BODY


@functools.cache
def asked_words() -> tuple[AskedWord, ...]:
    """The table's rows, then every kind of organisation_kinds.tsv asking for itself in Vietnamese; a row naming an
    unknown kind or language is an error naming it."""
    known = organisation_kinds()
    rows = []
    for word, language, kinds, example in read_rows("asked_bodies.tsv", 4):
        forms = frozenset(split_forms(kinds))
        if language not in {"vi", "en"} or not example or not forms or not (forms == ANY_BODY or forms <= set(known)):
            raise ValueError(f"asked_bodies.tsv: bad row {word!r}")
        rows.append(AskedWord(word, language, forms))
    listed = {row.word for row in rows if row.language == "vi"}
    rows.extend(AskedWord(kind, "vi", frozenset({kind})) for kind in known if kind not in listed)
    return tuple(rows)


@functools.cache
def _patterns() -> dict[str, tuple[tuple[re.Pattern[str], frozenset[str]], ...]]:
    """Per language ("vi", "vi-unmarked", "en") each row's pattern and kinds."""
    out: dict[str, list[tuple[re.Pattern[str], frozenset[str]]]] = {"vi": [], "vi-unmarked": [], "en": []}
    for row in asked_words():
        if row.language == "vi":
            # the kind, then "nào"; a kind of several syllables may have up to three words that describe it between
            # ("tổ hợp tác trồng nhân sâm nào"), one of one syllable none ("bộ trưởng nào" asks for a minister), nor a
            # generic word ("cơ quan BHXH cấp nào" asks for a level). With
            # its marks ("trưởng" is no "trường"), or unmarked in a question typed without them.
            several = " " in row.word
            gap = 3 if several and row.word in organisation_kinds() else 0
            for language, word, which in (("vi", row.word, "nào"), ("vi-unmarked", plain_words(row.word).strip(), "nao")):
                # a kind of one syllable opens the question or follows a word that cannot make a compound of it
                # ("của hội nào"; "Quốc hội nào" asks for a delegate)
                before = r"(?<!\w)" if several else rf"(?:^|(?<!\w)(?:{'|'.join(_before_one_syllable(language))}) )"
                # (not "như thế nào": how)
                how = "thế" if language == "vi" else "the"
                pattern = rf"{before}{re.escape(word)}(?: (?!{how}(?!\w))\w+){{0,{gap}}}? {which}(?!\w)"
                out[language].append((re.compile(pattern), row.kinds))
        else:
            # which or what, at most two words before the noun ("which Russian company", "what state-owned firm"),
            # none a verb or an article ("what did the company promise" asks what)
            between = rf"(?: (?!(?:{_NOT_BETWEEN})\b)[\w'’-]+){{0,2}}?"
            forms = "|".join(re.escape(form) for form in (english_plural(row.word), row.word))
            pattern = rf"\b(?:which|what){between} (?:{forms})\b"
            out[row.language].append((re.compile(pattern), row.kinds))
    return {language: tuple(patterns) for language, patterns in out.items()}


_NOT_BETWEEN = "is|was|are|were|be|been|did|does|do|has|have|had|will|would|can|could|should|must|may|the|a|an|of|to|for"


def _before_one_syllable(language: str) -> list[str]:
    # and the verbs a school is asked after ("tốt nghiệp trường nào", "học trường nào")
    words = sorted(BEFORE_A_KIND | {"ở", "học", "vào", "nghiệp"})
    return [plain_words(w).strip() for w in words] if language == "vi-unmarked" else words


def asked_body_kinds(question: str, language: str) -> frozenset[str] | None:
    """The kinds of body a question asks for (every matching row's: "trường đại học nào" is a school or a
    university; ANY_BODY when one row takes any), or None when it asks for no body."""
    text = " ".join(nfc(question).lower().split())
    if language == "vi" and not has_diacritics(text):
        language, text = "vi-unmarked", plain_words(text).strip()
    kinds = [k for pattern, k in _patterns().get(language, ()) if pattern.search(text)]
    if not kinds:
        return None
    return ANY_BODY if ANY_BODY in kinds else frozenset().union(*kinds)


# the rest of a body's name within its clause, then a capitalised short name in brackets: "(Vinamotor)", "(PVTex)"
_SHORT_NAME_AFTER = re.compile(r"[^(),;:.]{0,40}?\(([A-ZĐ][\w&.-]*(?: [A-ZĐ][\w&.-]*){0,3})\)")


def names_another_body(kinds: frozenset[str], question: str, sentence: str) -> bool:
    """Whether a sentence names a body of the asked kinds that the question does not name: a kind before a name
    ("nhà thầu POSCO E&C"); for any kind also an organisation of the gazetteer or an acronym that names one body
    (constraints.question_acronyms: not a generic abbreviation or a place, "EVN"), for a kind such an acronym in a
    sentence that writes the kind."""
    asked = plain_words(question)

    def unasked(name: str) -> bool:
        words = plain_words(name).split()
        return bool(words) and not all(f" {w} " in f" {asked} " for w in words)

    spelled = _kinds_spelled_out(sentence)
    bodies = organisations_named(sentence) + (organisations_named(spelled) if spelled != sentence else [])
    for body in bodies:
        if not (kinds == ANY_BODY or body.kind.kind in kinds):
            continue
        if body.words and unasked(" ".join(body.words)):
            return True
        # a name in lower case after its first word ("Tổng công ty Công nghiệp ô tô") is told by the short name the
        # press adds in brackets ("... - CTCP (Vinamotor)")
        short = _SHORT_NAME_AFTER.match(sentence, body.end)
        if short and unasked(short.group(1)):
            return True
    gazetteer = Gazetteer.load()
    mentions = gazetteer.mentions(sentence)
    for m in mentions:
        # a body the gazetteer reads ("Bộ LĐTBXH", "Tổng cục Thống kê"), of the asked kind when one is asked
        if m.kind in {"organisation", "ministry"} and unasked(m.surface) and (kinds == ANY_BODY or _of_kind(m.surface, kinds)):
            return True
    acronyms = [a for a in question_acronyms(sentence) if unasked(a)]
    if kinds != ANY_BODY:
        # "Chưa doanh nghiệp nào lên tiếng, ngoại trừ Becamex IDC": a body named by its acronym where the sentence
        # speaks of the asked kind
        plain = plain_words(sentence)  # both padded with spaces
        return bool(acronyms) and any(plain_words(kind) in plain for kind in kinds)
    return bool(acronyms)


def _kinds_spelled_out(sentence: str) -> str:
    """A sentence with the generic abbreviations that stand for a kind of body written out, capitalised as a kind
    before a name is ("THT Nông nghiệp nhân sâm Kang Hwa" -> "Tổ hợp tác Nông nghiệp ..."); an ambiguous one ("CĐ":
    cao đẳng or công đoàn) stays as written."""
    kinds = organisation_kinds()

    def written_out(abbreviation: str) -> str:
        meanings = abbreviations()[abbreviation]
        if len(meanings) == 1 and meanings[0] in kinds:
            return meanings[0][0].upper() + meanings[0][1:]
        return abbreviation

    return replace_written(sentence, written_out)


def _of_kind(name: str, kinds: frozenset[str]) -> bool:
    """Whether a body's name opens with one of the kinds ("Bộ Nội vụ" is a "bộ")."""
    plain = plain_words(name)
    return any(plain.startswith(plain_words(kind)) for kind in kinds)
