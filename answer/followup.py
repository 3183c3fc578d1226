"""Follow-up resolution: rewrite "còn năm 2021 thì sao?" or "who chaired it?" against the previous turn."""

from __future__ import annotations

import re
from collections.abc import Sequence

from answer.constraints import question_names, question_places, question_years
from answer.language import detect_language, tokens
from answer.models import Turn
from answer.qtypes import EN_STOPWORDS, analyse_question
from ingest.vietnamese import fold, nfc

# Openers and closers that mark an elliptical follow-up ("còn ... thì sao?", "and in 2021?").
_ELLIPSIS_START = re.compile(r"^\s*(thế còn|vậy còn|còn|và|the con|vay con|con|and|what about|how about|same for)\b", re.I)
_ELLIPSIS_END = re.compile(r"(thì sao|thế nào|thi sao|the nao|nữa|then)\s*\??\s*$", re.I)
# Words that point back to something named in the previous turn.
_ANAPHORA_VI = re.compile(r"\s*\b(đó|này|ấy|kia|nói trên)\b(?=\s*[?.!,]|\s*$)", re.I)
_ANAPHORA_EN = re.compile(r"\b(it|that|this|they|them|there|he|she|his|her|its|their|the same)\b(?=\s*[?.!,]|\s*$)", re.I)
_FRAME_WORDS = re.compile(r"\b(diễn ra|được tổ chức|tổ chức)\b")
# A person named in the previous turn, referred back to ("bà ấy giữ chức vụ gì?", "what is her position?").
_PERSON_VI = re.compile(r"\b(?:ông|bà|anh|chị|cô|đồng chí|vị|người) (?:ấy|ta|này|đó|kia)\b", re.I)
_PERSON_EN = re.compile(r"\b(he|she|him|her|his)\b", re.I)
# "it"/"them" after a preposition point back wherever they stand ("how much was spent on it in total?").
_OBJECT_EN = re.compile(r"\b(?:on|for|to|of|about|with|at|from|by|in|into|under) (it|them)\b", re.I)


def _strip_question_mark(text: str) -> str:
    return text.strip().rstrip("?.! ").strip()


def _replace_years(question: str, old: Sequence[int], new: Sequence[int], language: str) -> str:
    """The question with its years replaced by the new ones (appended when it had none)."""
    new_text = ", ".join(str(y) for y in new)
    if old:
        out = question
        for i, year in enumerate(old):
            out = re.sub(rf"(?<!\d){year}(?:\s*[-–]\s*\d{{4}})?(?!\d)", new_text if i == 0 else "", out, count=1)
        return re.sub(r"\s{2,}", " ", out)
    core = _strip_question_mark(question)
    suffix = f" năm {new_text}" if language == "vi" else f" in {new_text}"
    return f"{core}{suffix}?"


def _replace_places(question: str, old: Sequence[str], new: Sequence[str], language: str) -> str:
    new_text = ", ".join(new)
    if old:
        out = question
        for place in old:
            out = re.sub(re.escape(place), new_text, out, count=1, flags=re.I)
        return out
    core = _strip_question_mark(question)
    return f"{core} {'tại' if language == 'vi' else 'in'} {new_text}?"


def _person_named(turn: Turn) -> str | None:
    """The person the previous turn was about: its extracted person, else a name in its question."""
    answer = turn.answer
    if answer.found and answer.extracted and answer.answer_type == "person":
        names = question_names(answer.extracted)
        if names:
            return names[0]
    names = question_names(answer.resolved_question or turn.question)
    return names[0] if names else None


def _replace_person(text: str, match: re.Match[str], name: str, language: str) -> str:
    """The question with the pronoun replaced by the name ("his"/possessive "her" -> "Name's")."""
    pronoun = match.group(0).lower()
    following = re.match(r"\s+([a-z]+)", text[match.end() :])
    possessive = language == "en" and (
        pronoun == "his" or (pronoun == "her" and following is not None and following.group(1) not in EN_STOPWORDS)
    )
    return text[: match.start()] + (f"{name}'s" if possessive else name) + text[match.end() :]


def _english_topic(prev_q: str, base: str) -> str:
    """The previous English question's content words, in order, that the follow-up does not repeat."""
    have = {w.lower() for w in re.findall(r"[\w'-]+", base)}
    words = [
        w for w in re.findall(r"[\w'-]+", prev_q)
        if w.lower() not in EN_STOPWORDS and w.lower() not in have and w.lower() not in {"held", "happen", "happened"}
    ]
    return f"the {' '.join(words)}" if words else ""


def _topic(turn: Turn, base: str) -> str:
    """What the previous turn was about: its question's content phrases and years, else the cited title."""
    prev_q = turn.answer.resolved_question or turn.question
    analysis = analyse_question(prev_q)
    if analysis.language == "en" and detect_language(base) == "en":
        return _english_topic(prev_q, base)
    have = {fold(t) for t in tokens(base)}
    phrases = []
    for phrase in analysis.phrases or tuple(analysis.terms):
        words = [w for w in phrase.split() if fold(w) not in have]
        if words:
            phrases.append(" ".join(words))
    topic = " ".join(phrases)
    topic = _FRAME_WORDS.sub("", topic).strip()
    years = [str(y) for y in analysis.years if str(y) not in base]
    if not topic and turn.answer.citations:
        topic = turn.answer.citations[0].title
    if years:
        topic = f"{topic} {'năm' if analysis.language == 'vi' else 'in'} {' '.join(years)}".strip()
    return re.sub(r"\s{2,}", " ", topic).strip()


class FollowUpResolver:
    """Rewrites a follow-up question into a self-contained one using the previous turn."""

    def resolve(self, question: str, history: Sequence[Turn]) -> str:
        """The self-contained question (unchanged when it already stands on its own or there is no history)."""
        text = nfc(question).strip()
        if not history or not text:
            return text
        turn = history[-1]
        previous = nfc(turn.answer.resolved_question or turn.question).strip()
        language = detect_language(text)
        person = (_PERSON_VI if language == "vi" else _PERSON_EN).search(text)
        name = _person_named(turn) if person else None
        if person and name:
            return _replace_person(text, person, name, language)
        analysis = analyse_question(text)
        years, _ = question_years(text)
        places = question_places(text)
        elliptic = bool(_ELLIPSIS_START.search(text) or _ELLIPSIS_END.search(text))
        anaphor = (_ANAPHORA_VI if language == "vi" else _ANAPHORA_EN).search(text)
        # content beyond the new year/place and the ellipsis words themselves
        rest = re.sub(r"\d{4}", " ", text)
        for place in places:
            rest = re.sub(re.escape(place), " ", rest, flags=re.I)
        rest = _ELLIPSIS_START.sub(" ", rest)
        rest = _ELLIPSIS_END.sub(" ", rest)
        rest_terms = [
            t for t in analyse_question(rest).terms
            if fold(t) not in {"nam", "in", "tinh", "thanh", "pho", "con", "sao", "nua"}
        ] if rest.strip() else []

        prev_analysis = analyse_question(previous)
        if (years or places) and (elliptic or len(rest_terms) <= 1):
            out = previous
            if years:
                out = _replace_years(out, prev_analysis.years, years, prev_analysis.language)
            if places:
                out = _replace_places(out, prev_analysis.places, places, prev_analysis.language)
            return out
        if anaphor and analysis.answer_type is not None:
            base = (text[: anaphor.start()] + text[anaphor.end() :]).strip()
            base = _strip_question_mark(re.sub(r"\s{2,}", " ", base))
            topic = _topic(turn, base)
            return f"{base} {topic}?".replace(" ?", "?") if topic else text
        pronoun = _OBJECT_EN.search(text) if language == "en" else None
        if pronoun:
            topic = _topic(turn, text)
            if topic:
                out = text[: pronoun.start(1)] + topic + text[pronoun.end(1) :]
                out = _ELLIPSIS_START.sub("", out, count=1).strip()
                return out[:1].upper() + out[1:]
        if elliptic and rest_terms and prev_analysis.head:
            words = list(prev_analysis.head)
            # the new phrase replaces the part of the head it starts with: "người thuộc hộ nghèo" + "hộ cận nghèo"
            # asks for "người thuộc hộ cận nghèo", still counting people
            start_at = words.index(rest_terms[0], 1) if rest_terms[0] in words[1:] else 0
            head = " ".join(words[start_at:])
            new = " ".join(rest_terms)
            if head in previous.lower():
                start = previous.lower().index(head)
                return previous[:start] + new + previous[start + len(head) :]
            return f"{_strip_question_mark(previous)} ({new})?"
        return text
