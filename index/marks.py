"""Put back the tone and vowel marks of a Vietnamese question typed without them, from the corpus's own usage.

Staff often type without marks ("hoc phi cao dang bao nhieu"). The lexical side already matches such words through
its fold map, but the embedding, the question's analysis and the answer's word matching read the marks: unmarked,
"hoc ky" is neither "học kỳ" nor anything the articles say. Each unmarked syllable may be several syllables
("ky": kỳ, kỹ, ký, kế...); which one the writer meant is read from the indexed articles, as a bigram language model
over the syllables that fold to each word: how often each spelling occurs, and how often it follows the previous
word's spelling. The best sequence is found exactly (Viterbi). A question with a word the corpus never writes
stays as typed, whole.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from ingest.vietnamese import fold

# How strongly a pair seen in the corpus outweighs its syllables' own frequency (Dirichlet smoothing, in sentences)
_PAIR_PRIOR = 5.0

# Question phrases: every question has one, articles seldom write them, so the corpus alone reads "bao nhieu nguoi"
# as "báo nhiều người". Typed without marks, each stands for its one spelling here. Single syllables that are also
# common words unmarked differently are left to the corpus ("dau": đâu or đầu năm; "may": mấy, máy or may mặc).
QUESTION_PHRASES: tuple[str, ...] = (
    "bao nhiêu",
    "bao lâu",
    "bao giờ",
    "khi nào",
    "lúc nào",
    "năm nào",
    "ngày nào",
    "ở đâu",
    "là gì",
    "là ai",
    "vì sao",
    "tại sao",
    "thế nào",
    "thì sao",
)
_WORD_RE = re.compile(r"[A-Za-z]+")


class SpellingCounts(Protocol):
    """What the decoder reads of a corpus (LexicalIndex provides it)."""

    def spellings(self, folded: str) -> Sequence[tuple[str, int]]:
        """The corpus's spellings of an unmarked syllable, with the number of sentences holding each."""
        ...

    def pair_count(self, left: str, right: str) -> int:
        """Sentences in which `right` directly follows `left`."""
        ...

    def sentences(self) -> int:
        """How many sentences the counts are over."""
        ...


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    typed: str
    options: tuple[tuple[str, int], ...]  # (spelling, sentence count); empty: the corpus never writes it
    joined: bool  # only blanks separate it from the previous word: the two may form a pair


def restore_marks(text: str, counts: SpellingCounts, counted: Collection[str] = ()) -> str:
    """text with each unmarked word replaced by the spelling the corpus makes most likely in its context; the case
    of each word and everything between words are kept.

    All or nothing: when the corpus never writes some word of the question, the text comes back as typed. Marks on
    some words only would cost the unmarked rest their match (a marked query is matched as written), and a corpus
    too small to know the question's words ("nhiêu" in two articles) knows too little to choose their marks."""
    words = _prefer_counted(_words(text, counts), counted)
    if not words or not all(w.options for w in words):
        return text
    total = max(counts.sentences(), 1)
    chosen = _best_path(words, counts, total)
    out: list[str] = []
    last = 0
    for word, spelling in zip(words, chosen):
        out.append(text[last : word.start])
        out.append(_cased(spelling, word.typed))
        last = word.end
    out.append(text[last:])
    return "".join(out)


def _words(text: str, counts: SpellingCounts) -> list[_Word]:
    words: list[_Word] = []
    previous_end: int | None = None
    for match in _WORD_RE.finditer(text):
        typed = match.group()
        between = text[previous_end : match.start()] if previous_end is not None else None
        options = tuple((s, n) for s, n in counts.spellings(typed.lower()) if n > 0)
        words.append(_Word(match.start(), match.end(), typed, options, between is not None and between.isspace()))
        previous_end = match.end()
    return _pin_question_phrases(words, counts)


def _prefer_counted(words: list[_Word], counted: Collection[str]) -> list[_Word]:
    """The word right after "bao nhiêu" (pinned by _pin_question_phrases) is the noun counted: when one of its
    spellings is a counted noun's first syllable (counted: the unit table's), it is that one ("bao nhieu tuan" ->
    "tuần", not the name "Tuấn"). "may" stays the corpus's call: unmarked it is also "máy", "may"."""
    if not counted:
        return words
    out = list(words)
    for i in range(2, len(out)):
        word = out[i]
        asked = [w.options[0][0] if len(w.options) == 1 else "" for w in out[i - 2 : i]]
        if asked != ["bao", "nhiêu"] or not (out[i - 1].joined and word.joined):
            continue
        preferred = tuple(option for option in word.options if option[0] in counted)
        if preferred:
            out[i] = replace(word, options=preferred)
    return out


def _pin_question_phrases(words: list[_Word], counts: SpellingCounts) -> list[_Word]:
    """Words that spell a question phrase unmarked get the phrase's spelling as their only option."""
    out = list(words)
    for phrase in QUESTION_PHRASES:
        marked = phrase.split()
        plain = [fold(w) for w in marked]
        for i in range(len(out) - len(plain) + 1):
            run = out[i : i + len(plain)]
            if [w.typed.lower() for w in run] != plain or not all(w.joined for w in run[1:]):
                continue
            for j, (word, spelling) in enumerate(zip(run, marked)):
                seen = dict(word.options).get(spelling, 0)
                out[i + j] = replace(word, options=((spelling, max(seen, 1)),))
    return out


def _best_path(words: list[_Word], counts: SpellingCounts, total: int) -> list[str]:
    """The most likely spelling of every word (each has options) under a smoothed bigram model."""

    def alone(count: int) -> float:
        return math.log((count + 1) / (total + 1))

    # per word: {spelling: (log probability of the best path ending in it, the previous word's spelling on it)}
    columns: list[dict[str, tuple[float, str]]] = []
    for i, word in enumerate(words):
        column: dict[str, tuple[float, str]] = {}
        for spelling, count in word.options:
            if not columns:
                column[spelling] = (alone(count), "")
                continue
            best: tuple[float, str] | None = None
            for before, (score, _) in columns[-1].items():
                step = alone(count)
                if word.joined:
                    before_count = dict(words[i - 1].options)[before]
                    pair = counts.pair_count(before, spelling)
                    step = math.log((pair + _PAIR_PRIOR * math.exp(alone(count))) / (before_count + _PAIR_PRIOR))
                if best is None or score + step > best[0]:
                    best = (score + step, before)
            assert best is not None
            column[spelling] = best
        columns.append(column)
    path: list[str] = []
    spelling = max(columns[-1], key=lambda s: columns[-1][s][0])
    for column in reversed(columns):
        path.append(spelling)
        spelling = column[spelling][1]
    return path[::-1]


def _cased(spelling: str, typed: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return spelling.upper()
    if typed[:1].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling
