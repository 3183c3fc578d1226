"""Time periods in Vietnamese and English text: what a sentence or a question is about, and when.

`periods_in` finds period mentions with offsets ("6 tháng đầu năm 2023", "quý I/2024", "năm ngoái",
"first half of 2023"), telling reporting periods from comparison periods ("so với năm 2022"), dates and
document numbers ("Quyết định 32/2020/QĐ-TTg"); `resolve_relative` pins relative ones to a date;
`infer_period` gives the period a fact is about, from its sentence, its context or its article's date;
`figure_status` tells estimates, targets and proposals from official figures. The vocabulary is data
(ingest/data/periods.yaml); this module holds the grammar. Pure functions, no I/O after the first load.

Matching runs on an accent-folded, lower-cased copy of the NFC text with the same offsets, so that
"6 thang dau nam" reads like "6 tháng đầu năm"; the words of each match are then checked against the
pattern's own words, so folding never turns "Mấy" into "May" or "Nam" into "năm" in accented text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

Kind = Literal["year", "years", "half", "quarter", "month", "day", "nine_months", "ytd", "unknown"]
Position = Literal["start", "mid", "end"]
Role = Literal["period", "comparison", "date", "document", "other"]
Unit = Literal["year", "quarter", "month"]
FigureStatus = Literal["estimate", "target", "proposal", "official"]
Lang = Literal["vi", "en"]

_ROMAN = ("", "I", "II", "III", "IV")
_POSITION_VI = {"start": "đầu năm", "mid": "giữa năm", "end": "cuối năm"}
_POSITION_EN = {"start": "early {y}", "mid": "mid-{y}", "end": "end of {y}"}
_POSITION_EN_NO_YEAR = {"start": "early in the year", "mid": "mid-year", "end": "end of the year"}
# the last month a point in the year reaches, for guessing the year of "cuối năm" in an article
_POSITION_LAST_MONTH = {"start": 2, "mid": 7, "end": 12}


@dataclass(frozen=True)
class Period:
    """A period of time a figure can be about; year None when the text does not say which year.

    kind: "year" (a calendar year, or a point in it when position is set: "cuối năm 2023"),
    "years" (year..end_year, "giai đoạn 2021-2025"), "half" (index 1-2), "quarter" (index 1-4),
    "month" (index 1-12), "day" (index = month, day), "nine_months" (January-September),
    "ytd" (from January: first_months months, or up to now when first_months is None), "unknown".
    first_months: for periods that run from January to before December, how many months they span
    (6 for "6 tháng đầu năm", 3 for "quý I", 9 for "9 tháng"); None otherwise.
    """

    year: int | None
    kind: Kind
    index: int | None = None
    first_months: int | None = None
    end_year: int | None = None
    day: int | None = None
    position: Position | None = None

    def __post_init__(self) -> None:
        limits = {"half": 2, "quarter": 4, "month": 12, "day": 12}
        if self.kind in limits:
            # only a relative mention not yet resolved ("tháng trước") lacks its index, and its year
            if self.index is None and (self.year is not None or self.kind in ("half", "day")):
                raise ValueError(f"a {self.kind} needs its index")
            if self.index is not None and not 1 <= self.index <= limits[self.kind]:
                raise ValueError(f"{self.kind} index must be 1..{limits[self.kind]}, got {self.index}")
        if self.kind == "day" and not (self.day is not None and 1 <= self.day <= 31):
            raise ValueError(f"day must be 1..31, got {self.day}")
        if self.kind == "years" and (self.year is None or self.end_year is None or self.end_year < self.year):
            raise ValueError(f"a span of years needs year <= end_year, got {self.year}..{self.end_year}")
        if self.first_months is not None and not 1 <= self.first_months <= 11:
            raise ValueError(f"first_months must be 1..11, got {self.first_months}")

    @classmethod
    def first_months_of(cls, months: int, year: int | None = None) -> Period:
        """The first `months` months of a year, in its usual name: 3 -> quý I, 6 -> half 1, 9 -> 9 tháng."""
        if months == 3:
            return cls(year, "quarter", 1, first_months=3)
        if months == 6:
            return cls(year, "half", 1, first_months=6)
        if months == 9:
            return cls(year, "nine_months", first_months=9)
        if months == 12:
            return cls(year, "year")
        return cls(year, "ytd", first_months=months)

    @classmethod
    def quarter(cls, index: int, year: int | None = None) -> Period:
        """Quarter 1-4 (the first quarter also counts as the first three months)."""
        return cls(year, "quarter", index, first_months=3 if index == 1 else None)

    @classmethod
    def half(cls, index: int, year: int | None = None) -> Period:
        """Half 1 ("6 tháng đầu năm") or 2 ("6 tháng cuối năm")."""
        return cls(year, "half", index, first_months=6 if index == 1 else None)

    def with_year(self, year: int) -> Period:
        """The same period in another year (a span of years keeps its length)."""
        if self.kind == "years" and self.year is not None and self.end_year is not None:
            return replace(self, year=year, end_year=year + self.end_year - self.year)
        return replace(self, year=year)

    def months(self) -> tuple[int, int] | None:
        """First and last month (1-12) of the period within its year; None when unknown or several years."""
        if self.kind == "year":
            return (1, 12)
        if self.kind == "half" and self.index is not None:
            return (1, 6) if self.index == 1 else (7, 12)
        if self.kind == "quarter" and self.index is not None:
            return (3 * self.index - 2, 3 * self.index)
        if self.kind in ("month", "day") and self.index is not None:
            return (self.index, self.index)
        if self.kind in ("nine_months", "ytd") and self.first_months is not None:
            return (1, self.first_months)
        return None

    @property
    def is_full_year(self) -> bool:
        """A whole calendar year; "cuối năm 2023" counts (a year-end figure is the year's result)."""
        return self.kind == "year" and self.position in (None, "end")

    @property
    def is_partial_of_year(self) -> bool:
        """Part of one year: a half, quarter, month, day, "9 tháng", year-to-date, "đầu/giữa năm"."""
        if self.kind == "year":
            return self.position in ("start", "mid")
        return self.kind in ("half", "quarter", "month", "day", "nine_months", "ytd")

    def _bounds(self) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
        if self.year is None:
            return None
        if self.kind == "years" and self.end_year is not None:
            return (self.year, 1, 1), (self.end_year, 12, 31)
        if self.kind == "day" and self.index is not None and self.day is not None:
            return (self.year, self.index, self.day), (self.year, self.index, self.day)
        months = self.months()
        if months is None:
            return None
        return (self.year, months[0], 1), (self.year, months[1], 31)

    def covers(self, other: Period) -> bool:
        """True when `other` lies within this period (2023 covers quý I/2023; H1 covers tháng 3)."""
        if self == other:
            return True
        if self.position is not None or (self.kind == "ytd" and self.first_months is None):
            return False  # a point in the year or an open "so far" covers only itself
        mine, theirs = self._bounds(), other._bounds()
        if mine is None or theirs is None:
            return False
        return mine[0] <= theirs[0] and theirs[1] <= mine[1]

    def label(self, lang: Lang = "vi") -> str:
        """A human label: "6 tháng đầu năm 2023" / "first half of 2023", "quý I/2024" / "Q1 2024"."""
        return _label_vi(self) if lang == "vi" else _label_en(self)


def _label_vi(p: Period) -> str:
    y = f" {p.year}" if p.year is not None else ""
    if p.kind == "year":
        if p.position is not None:
            return _POSITION_VI[p.position] + y
        return f"năm {p.year}" if p.year is not None else "năm (chưa rõ)"
    if p.kind == "years":
        return f"giai đoạn {p.year}-{p.end_year}"
    if p.kind == "half":
        return ("6 tháng đầu năm" if p.index == 1 else "6 tháng cuối năm") + y
    if p.kind == "quarter":
        return f"quý {_ROMAN[p.index]}" + (f"/{p.year}" if p.year is not None else "") if p.index else "quý (chưa rõ)"
    if p.kind == "month":
        return f"tháng {p.index}" + (f"/{p.year}" if p.year is not None else "") if p.index else "tháng (chưa rõ)"
    if p.kind == "day":
        return f"ngày {p.day}/{p.index}" + (f"/{p.year}" if p.year is not None else "")
    if p.kind == "nine_months":
        return "9 tháng đầu năm" + y
    if p.kind == "ytd":
        return (f"{p.first_months} tháng đầu năm" if p.first_months else "từ đầu năm") + y
    return "không rõ thời gian"


def _label_en(p: Period) -> str:
    of_year = f" of {p.year}" if p.year is not None else " of the year"
    if p.kind == "year":
        if p.position is not None:
            if p.year is None:
                return _POSITION_EN_NO_YEAR[p.position]
            return _POSITION_EN[p.position].format(y=p.year)
        return str(p.year) if p.year is not None else "the year (unknown)"
    if p.kind == "years":
        return f"{p.year}-{p.end_year}"
    if p.kind == "half":
        return ("first half" if p.index == 1 else "second half") + of_year
    if p.kind == "quarter":
        return f"Q{p.index}" + (f" {p.year}" if p.year is not None else "") if p.index else "a quarter (unknown)"
    if p.kind == "month" and p.index is None:
        return "a month (unknown)"
    if p.kind in ("month", "day") and p.index is not None:
        name = _vocabulary().month_names[p.index]
        text = f"{name} {p.year}" if p.year is not None else name
        return f"{p.day} {text}" if p.kind == "day" else text
    if p.kind == "nine_months":
        return "first nine months" + of_year
    if p.kind == "ytd":
        if p.first_months:
            return f"first {p.first_months} months" + of_year
        return f"{p.year} to date" if p.year is not None else "year to date"
    return "unknown period"


@dataclass(frozen=True)
class Relative:
    """A period stated relative to a reference date: "năm ngoái" is Relative("year", -1).

    review: "năm qua" / "the past year", the year under review: the previous year when the reference
    date falls in the first months of a year, otherwise the reference year.
    """

    unit: Unit
    offset: int
    review: bool = False


@dataclass(frozen=True)
class PeriodMention:
    """One period named in a text, with [start, end) offsets into the NFC text.

    role: "period" (what the text reports on), "comparison" ("so với năm 2022"), "date" (a day:
    "ngày 13/1/2021"), "document" (a law's or decision's year: "Quyết định 32/2020/QĐ-TTg") or
    "other" (a year that dates something else: "sinh năm 1961").
    relative: set when the year/quarter/month is relative ("quý I năm ngoái"); period.year is None then.
    """

    start: int
    end: int
    text: str
    period: Period
    role: Role = "period"
    relative: Relative | None = None


# ---------------------------------------------------------------------------------------------------
# Vocabulary and grammar


_FOLD_MARKS = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[^\W\d_]+")
_Y = r"(?:19|20)\d\d"
_AFTER_YEAR = r"(?![\d/]|[.,]\d)"  # not 2.023, not 32/2020/..., not 2020123


def _fold_table() -> dict[int, str]:
    """One character to one lower-case ASCII letter, so offsets survive: 'Ế' -> 'e', 'Đ' -> 'd'."""
    table = {ord("đ"): "d", ord("Đ"): "d"}
    table.update((code, chr(code).lower()) for code in range(ord("A"), ord("Z") + 1))
    for code in range(0x00C0, 0x1EFA):
        base = _FOLD_MARKS.sub("", unicodedata.normalize("NFD", chr(code)))
        if len(base) == 1 and base.isascii() and base != chr(code):
            table[code] = base.lower()
    return table


_FOLD = _fold_table()
# for patterns: accents only, so that escapes like \W and \S keep their case
_FOLD_ACCENTS = {code: base for code, base in _FOLD.items() if code > 0x7F}
_ACCENTED = re.compile("[" + "".join(chr(c) for c in _FOLD if c > 0x7F) + "]")


def _keywords_of(*patterns: str) -> frozenset[str]:
    """The words a pattern (written with accents) spells out: what a match may contain in accented text."""
    words: set[str] = set()
    for pattern in patterns:
        literal = re.sub(r"\\[a-zA-Z]|\(\?P[<=]\w+>?|\(\?[:!=<]*|\{[^}]*\}", " ", pattern)
        words.update(w.lower() for w in _WORD.findall(literal))
    return frozenset(words)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases (longest first), spaces matching any run of whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


@dataclass(frozen=True)
class _Pattern:
    """A compiled pattern over folded text, and what its match means."""

    regex: re.Pattern[str]
    what: str
    left: str  # besides letters and digits, the characters that may not come right before a match
    before: re.Pattern[str] | None = None  # optional words right before the match that belong to it
    rows: tuple[dict[str, Any], ...] = ()
    row_patterns: tuple[re.Pattern[str], ...] = ()  # one per row, to tell which row a match is
    first: frozenset[str] = frozenset()  # the (folded) words a match can start with; numbers: see _number_key
    keywords: frozenset[str] = frozenset()  # the words (with accents) a match may contain


class _Vocabulary:
    """The data file, compiled once: regexes over accent-folded text and the words they may match."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.review_months: int = int(data["review_months"])
        numbers = data["numbers"]
        self.number_values = {self.fold(unicodedata.normalize("NFC", str(r["word"]))): int(r["value"]) for r in numbers}
        self.month_names = {0: ""}
        self.month_values: dict[str, int] = {}
        self.month_alone: dict[str, bool] = {}
        for row in data["months_en"]:
            self.month_names.setdefault(int(row["month"]), row["word"].capitalize())
            self.month_values[row["word"]] = int(row["month"])
            self.month_alone[row["word"]] = bool(row["alone"])
        # "tháng Năm": folded name ("nam", "muoi mot") -> month; the match is checked for its capital letter
        self.vietnamese_months = {" ".join(self.fold(unicodedata.normalize("NFC", str(r["word"]))).split()): int(r["month"])
                                  for r in data["months_vi"]}
        roman = [r["word"] for r in numbers if r["use"] == "roman"]
        ordinal = [r["word"] for r in numbers if r["use"] == "ordinal"]
        cardinal = [r["word"] for r in numbers if r["use"] == "cardinal"]
        self._num = rf"(?:\d{{1,2}}|{self._words(cardinal)})"
        rel_vi_year = [r["phrase"].split(" ", 1)[1] for r in data["relative"]
                       if r["lang"] == "vi" and r["unit"] == "year" and r["phrase"].startswith("năm ")]
        rel_en_year = [r["phrase"].rsplit(" ", 1)[0] for r in data["relative"]
                       if r["lang"] == "en" and r["unit"] == "year" and r["phrase"].endswith(" year")]
        year_tail = (
            rf"(?:(?:\s+of)?(?:\s+the\s+year)?\s*[/-]\s*|(?:\s+of)?\s+(?:của\s+)?(?:năm\s+|year\s+)?)"
            rf"(?P<ty>{_Y}){_AFTER_YEAR}"
            rf"|(?:\s+of)?\s+(?:the\s+)?(?P<ten>{self._words(rel_en_year)})\s+year(?!\w)"
            rf"|(?P<tthe>(?:\s+of)?\s+the\s+year)(?!\w)"
        )
        tail = year_tail + rf"|\s+(?:của\s+)?năm\s+(?P<tvi>{self._words(rel_vi_year)})(?!\w)"
        self.tail = self._compile(tail)
        self.tail_keywords = _keywords_of(tail)
        # after a phrase ending in "năm" ("6 tháng đầu năm"), "nay"/"ngoái" follow directly
        self.tail_after_nam = self._compile(year_tail + rf"|\s+(?P<tvi>{self._words(rel_vi_year)})(?!\w)")
        self.tail_rel_vi = {self.fold(r["phrase"].split(" ", 1)[1]): r for r in data["relative"]
                            if r["lang"] == "vi" and r["unit"] == "year" and r["phrase"].startswith("năm ")}
        self.tail_rel_en = {self.fold(r["phrase"].rsplit(" ", 1)[0]): r for r in data["relative"]
                            if r["lang"] == "en" and r["unit"] == "year" and r["phrase"].endswith(" year")}
        self.patterns = self._grammar(roman, ordinal, cardinal)
        # which patterns to try where a word (or a number, keyed by _number_key) starts
        self.by_first_word: dict[str, list[_Pattern]] = {}
        for pat in self.patterns:
            for word in pat.first:
                self.by_first_word.setdefault(word, []).append(pat)
        self.comparison = self._compile(
            rf"(?:{self._words(r['phrase'] for r in data['comparison_cues'])})\s+(?:cùng\s+kỳ\s+)?(?:của\s+)?"
            r"(?:in\s+|the\s+)?(?:same\s+period\s+(?:of|in|last)\s+)?$"
        )
        self.document_word = self._compile(rf"(?<!\w)(?:{self._words(r['word'] for r in data['document_words'])})(?!\w)")
        self.plural_before = self._compile(rf"(?:(?<!\w)(?:{self._words(r['word'] for r in data['plural_words'])})|\d)\s+$")
        self.other_year_cue = self._compile("|".join(
            "".join(rf"(?<!{re.escape(w)}\s)" for w in row.get("unless_before", ()))
            + rf"(?<!\w){self._phrase(str(row['phrase']), 'n')}\s+$"
            for row in data["other_year_cues"]
        ))
        self.anaphora_after = self._compile(rf"\s+(?:{self._words(r['word'] for r in data['anaphora_words'])})(?!\w)")
        self.count_noun = self._compile(rf"\s+(?:{self._words(r['word'] for r in data['count_nouns'])})(?!\w)")
        self.duration_before = self._compile(rf"(?<!\w)(?:{self._words(r['word'] for r in data['duration_words'])})\s+$")
        self.bare_months = {int(n) for n in data["bare_months"]}
        self.markers = [self._marker(row) for row in data["markers"]]

    # -- building blocks
    @staticmethod
    def fold(text: str) -> str:
        """Accent-folded, lower-case text of the same length: 'Năm' -> 'nam'."""
        return text.translate(_FOLD)

    @staticmethod
    def _words(words: Iterable[str]) -> str:
        return _alternation(unicodedata.normalize("NFC", str(w)).lower() for w in words)

    @staticmethod
    def _compile(pattern: str) -> re.Pattern[str]:
        """Compile a pattern written with accents to run on folded text."""
        return re.compile(pattern.translate(_FOLD_ACCENTS))

    def _word_tree(self, phrases: Sequence[str]) -> str:
        """Phrases as a regex factored on shared leading words: "năm (?:nay|ngoái|vừa qua)"."""
        root: dict[str, Any] = {}
        for phrase in phrases:
            node = root
            for word in phrase.split():
                node = node.setdefault(word, {})
            node[""] = {}

        def emit(node: dict[str, Any]) -> str:
            alts = []
            for word in sorted((w for w in node if w), key=len, reverse=True):
                head = self._num if word == "{n}" else re.escape(word)
                rest = emit(node[word])
                alts.append(head + rest)
            if not alts:
                return ""
            body = r"\s+(?:" + "|".join(alts) + ")"
            return f"(?:{body})?" if "" in node else body

        return emit(root).removeprefix(r"\s+")

    def _phrase(self, phrase: str, group: str) -> str:
        """A vocabulary phrase as a regex; "{n}" becomes a number group named `group`."""
        parts = [rf"(?P<{group}>{self._num})" if p == "{n}" else re.escape(p) for p in phrase.split()]
        return r"\s+".join(parts)

    def _grammar(self, roman: list[str], ordinal: list[str], cardinal: list[str]) -> list[_Pattern]:
        # Each pattern is tried only where one of its `first` words (or a number) starts, with .match():
        # scanning the text once per pattern with finditer cost five times more. What may not come right
        # before a match is `left`; optional words before it ("giai đoạn", "năm") are `before` patterns.
        d = self.data
        pats: list[_Pattern] = []
        for what in ("relative", "partial"):
            # one regex for all rows of a section, factored as a tree of words (one big alternation of
            # phrases is ten times slower); the row is then told by each row's own pattern
            tree_source = rf"(?:{self._word_tree([row['phrase'] for row in d[what]])})(?!\w)"
            tree = self._compile(tree_source)
            row_patterns = tuple(self._compile(rf"{self._phrase(row['phrase'], 'n')}$") for row in d[what])
            first = {self.fold(row["phrase"].split()[0]) for row in d[what]}
            if "{n}" in first:
                first |= {"0s"} | {self.fold(w) for w in cardinal}
            pats.append(_Pattern(tree, what, ".,", rows=tuple(d[what]), row_patterns=row_patterns,
                                 first=frozenset(first - {"{n}"}),
                                 keywords=_keywords_of(tree_source, self._num) | self.tail_keywords))
        months_alt = self._words(self.month_values)
        range_alt = self._words(r["word"] for r in d["range_words"])
        # where numbers start: "0s" one or two digits, "0y" a year, "0d" any other (see _number_key)
        small, year_like, number = ["0s"], ["0y"], ["0s", "0y", "0d"]
        date_words = [r["word"] for r in d["date_words"]]
        grammar: list[tuple[str, str, str, str | None, list[str]]] = [
            (rf"\d{{1,4}}/(?P<y>{_Y})/[^\W\d_][\w\-]*", "document", ".,/", None, number),
            (rf"(?P<d>\d{{1,2}})\s*(?P<s>[/.\-])\s*(?P<m>\d{{1,2}})\s*(?P=s)\s*(?P<y>{_Y}){_AFTER_YEAR}", "date", ".,/", None, small),
            (rf"ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?:\s+năm\s+(?P<y>{_Y}){_AFTER_YEAR})?", "date", "", None, ["ngày"]),
            (rf"(?:{self._words(date_words)})\s+(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?![\d/]|[.,]\d)", "date", "", None,
             [w.split()[0] for w in date_words]),
            (rf"(?P<a>{_Y})\s*(?:-|–|—|đến|tới|to)\s*(?:năm\s+)?(?P<b>{_Y}){_AFTER_YEAR}(?:\s+period(?!\w))?", "years", ".,/",
             rf"(?<!\w)(?:(?:{range_alt})\s+)?(?:từ\s+)?(?:năm\s+)?$", year_like),
            (r"(?P<n>\d{1,2})\s+tháng(?!\w)", "bare_months", ".,", None, small),
            (rf"quý\s+(?P<q>{self._words(roman)}|[1-4])(?!\w)", "quarter", "", None, ["quý"]),
            (rf"(?P<q>{self._words(ordinal)})\s+quarter(?!\w)", "quarter", "", None, ordinal),
            (r"q(?P<q>[1-4])(?!\w)", "quarter", "", None, ["q1", "q2", "q3", "q4"]),
            (r"tháng\s+(?P<m>\d{1,2})(?![\w]|[.,]\d)", "month", "", None, ["tháng"]),
            (rf"(?P<m>\d{{1,2}})/(?P<y>{_Y})(?![\d/])", "month", ".,/", None, small),
            (rf"(?P<me>{months_alt})\.?(?!\w)", "month", "", None, list(self.month_values)),
            (rf"tháng\s+(?P<mv>{self._words(r['word'] for r in d['months_vi'])})(?!\w)", "month", "", None, ["tháng"]),
            (rf"(?P<y>{_Y})(?![\w%]|\s*%|[.,]\d|/\w|\s*[-–]\s*\d)", "year", ".,/-+", r"(?<!\w)(?:năm|year)\s+$", year_like),
        ]
        for pattern, what, left, before, starts in grammar:
            pats.append(_Pattern(self._compile(pattern), what, left, self._compile(before) if before else None,
                                 first=frozenset(self.fold(w) for w in starts),
                                 keywords=_keywords_of(pattern, before or "") | self.tail_keywords))
        return pats

    def _marker(self, row: dict[str, Any]) -> _Marker:
        after = r"(?=\s*(?:hơn\s+|gần\s+|over\s+|nearly\s+)?[$]?\d)" if row.get("number_after") else ""
        phrase = self._phrase(row["phrase"], "n")
        unless_before = None
        if row.get("unless_before"):
            alts = [rf"(?<!\w){self._phrase(w, 'n')}" if w[0].isalnum() else re.escape(w) for w in row["unless_before"]]
            # the word right before, or one word earlier: "đạt 105% kế hoạch", "met its target"
            unless_before = self._compile(rf"(?:{'|'.join(alts)})(?:\s+\S+)?\s*$")
        unless_after = None
        if row.get("unless_after"):
            unless_after = self._compile(rf"\s*(?:{self._words(row['unless_after'])})(?!\w)")
        return _Marker(self._compile(rf"(?<!\w)(?:{phrase})(?!\w){after}"), row["phrase"], row["label"],
                       bool(row.get("number_after")), bool(row.get("number_in_clause")), unless_before, unless_after,
                       _keywords_of(phrase))


@dataclass(frozen=True)
class _Marker:
    """An estimate, target or proposal marker of the vocabulary, compiled."""

    regex: re.Pattern[str]
    phrase: str
    label: FigureStatus
    number_after: bool
    number_in_clause: bool
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    keywords: frozenset[str]


def load_vocabulary() -> dict[str, Any]:
    """The raw period vocabulary (ingest/data/periods.yaml), NFC."""
    return _vocabulary().data


@cache
def _vocabulary() -> _Vocabulary:
    raw = resources.files("ingest").joinpath("data/periods.yaml").read_text(encoding="utf-8")
    return _Vocabulary(yaml.safe_load(unicodedata.normalize("NFC", raw)))


# ---------------------------------------------------------------------------------------------------
# Finding mentions


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    period: Period
    relative: Relative | None = None
    role: Role = "period"
    bare: bool = False  # a year or month/year with nothing around it that says it is one


def _number(text: str, v: _Vocabulary) -> int:
    return int(text) if text.isdigit() else v.number_values[text.lower()]


def _relative_of(row: dict[str, Any], n: int | None) -> Relative:
    offset = row["offset"]
    if offset == "review":
        return Relative(row["unit"], 0, review=True)
    if offset == "-n":
        return Relative(row["unit"], -(n or 1))
    return Relative(row["unit"], int(offset))


def _tail(folded: str, pos: int, v: _Vocabulary, after_nam: bool) -> tuple[int, int | None, Relative | None, bool]:
    """The year after a period phrase ("/2024", " năm 2023", " năm nay", " of last year"): end, year, relative, found."""
    m = (v.tail_after_nam if after_nam else v.tail).match(folded, pos)
    if m is None:
        return pos, None, None, False
    if m.group("ty"):
        return m.end(), int(m.group("ty")), None, True
    if m.group("tvi"):
        row = v.tail_rel_vi[re.sub(r"\s+", " ", m.group("tvi"))]
        return m.end(), None, _relative_of(row, None), True
    if m.group("ten"):
        row = v.tail_rel_en[re.sub(r"\s+", " ", m.group("ten"))]
        return m.end(), None, _relative_of(row, None), True
    return m.end(), None, None, False  # "of the year": consumed, no year


def _partial_period(row: dict[str, Any], n: int | None) -> Period | None:
    if "first_months" in row:
        spec = str(row["first_months"])
        months = (n or 0) * 3 if spec == "3n" else (n or 0) if spec == "n" else int(spec)
        return Period.first_months_of(months) if 1 <= months <= 12 else None
    if "last_months" in row:
        return {3: Period.quarter(4), 6: Period.half(2), 12: Period(None, "year")}.get(n or 0)
    if "half" in row:
        return Period.half(int(row["half"]))
    if "position" in row:
        return Period(None, "year", position=row["position"])
    if row.get("ytd"):
        return Period(None, "ytd")
    raise ValueError(f"periods.yaml: partial row {row['phrase']!r} says no period")


_TOKEN = re.compile(r"[^\W_]+")


def _candidates(text: str, folded: str, v: _Vocabulary) -> list[_Candidate]:
    """Every reading of every place where a period can start (a number, or a word that starts a pattern)."""
    accented = _ACCENTED.search(text) is not None
    out: list[_Candidate] = []
    for token in _TOKEN.finditer(folded):
        start = token.start()
        prev = folded[start - 1] if start else " "
        if prev.isalnum() or prev == "_":
            continue  # digits glued to letters ("abc123"), never a period
        word = token.group()
        if word.isdigit():
            word = _number_key(word)
        for pat in v.by_first_word.get(word, ()):
            if prev in pat.left:
                continue
            m = pat.regex.match(folded, start)
            if m is not None:
                cand = _candidate(pat, m, text, folded, v)
                if cand is not None and (cand.role == "document" or _accents_fit(text, cand, pat.keywords, accented)):
                    out.append(cand)
    return out


def _number_key(digits: str) -> str:
    """What a number can start: "0y" a year (2023), "0s" a day, month or count (6, 12), "0d" a document number."""
    if len(digits) <= 2:
        return "0s"
    return "0y" if len(digits) == 4 and digits[:2] in ("19", "20") else "0d"


def _candidate(pat: _Pattern, m: re.Match[str], text: str, folded: str, v: _Vocabulary) -> _Candidate | None:
    what, groups = pat.what, m.groupdict()
    start, end = m.start(), m.end()
    if pat.rows:
        row_match = next((rm for rm in (p.match(m.group()) for p in pat.row_patterns) if rm), None)
        if row_match is None:
            return None
        row = pat.rows[pat.row_patterns.index(row_match.re)]
        n = _number(row_match.group("n"), v) if row_match.groupdict().get("n") else None
    if what == "relative":
        if n is None and v.plural_before.search(folded, max(0, start - 15), start):
            return None  # "nhiều năm nay", "16 năm qua": many years, not this one
        if v.anaphora_after.match(folded, end):
            return None  # "năm trước đó": relative to a time the text names, not to today
        return _Candidate(start, end, Period(None, row["unit"]), _relative_of(row, n))
    if what == "partial":
        period = _partial_period(row, n)
        if period is None:
            return None
        end, year, rel, found = _tail(folded, end, v, folded[start:end].lower().endswith("nam"))
        if row.get("needs_year") and not found:
            return None
        return _Candidate(start, end, period if year is None else period.with_year(year), rel)
    if what == "document":
        return _Candidate(start, end, Period(int(groups["y"]), "year"), role="document")
    if what == "date":
        day, month = int(groups["d"]), int(groups["m"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        year = int(groups["y"]) if groups.get("y") else None
        if not folded.startswith("ngay", start):
            start = m.start("d")  # "Chiều 13/1": the date is "13/1"
        return _Candidate(start, end, Period(year, "day", month, day=day), role="date")
    if what == "years":
        first, last = int(groups["a"]), int(groups["b"])
        if not first < last <= first + 30:
            return None
        return _Candidate(_extend_left(pat, folded, start), end, Period(first, "years", end_year=last))
    if what == "bare_months":
        return _bare_months(m, folded, v)
    if what == "quarter":
        q = _number(groups["q"], v)
        if not 1 <= q <= 4:
            return None
        end, year, rel, found = _tail(folded, end, v, False)
        return _Candidate(start, end, Period.quarter(q, year), rel)
    if what == "month":
        return _month(m, text, folded, v)
    if what == "year":
        year = int(groups["y"])
        start = _extend_left(pat, folded, start)
        bare = start == m.start()
        if bare and (year < 1950 or v.count_noun.match(folded, end) or _phone_like(folded, start, end)):
            return None
        return _Candidate(start, end, Period(year, "year"), bare=bare)
    raise AssertionError(what)


def _extend_left(pat: _Pattern, folded: str, start: int) -> int:
    """Where a match starts once the optional words before it ("giai đoạn", "năm") are counted in."""
    if pat.before is None:
        return start
    found = pat.before.search(folded, max(0, start - 30), start)
    return found.start() if found else start


_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")


def _bare_months(m: re.Match[str], folded: str, v: _Vocabulary) -> _Candidate | None:
    """ "6 tháng năm 2023", "9 tháng qua", "Trong 9 tháng, ..." are periods; "dưới 6 tháng" is a duration."""
    n = int(m.group("n"))
    if v.duration_before.search(folded, max(0, m.start() - 20), m.start()) or _RANGE_BEFORE.search(
        folded, max(0, m.start() - 6), m.start()
    ):
        return None  # "dưới 6 tháng", "từ 1 - 6 tháng": a length of time
    end, year, rel, found = _tail(folded, m.end(), v, False)
    if not found:
        rest = folded[m.end():m.end() + 12].lower()
        qua = re.match(r"\s+(?:vua\s+)?qua(?!\w)", rest)
        if qua:
            end = m.end() + qua.end()
        elif n not in v.bare_months or re.match(r"\s*[\w\d]", rest):
            return None
    if not 1 <= n <= 11:
        return None
    return _Candidate(m.start(), end, Period.first_months_of(n, year), rel)


_AMOUNT_AFTER = re.compile(r"(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?")
_EACH_BEFORE = re.compile(r"(?<!\w)(?:moi|hang|mot)\s+$")  # folded "mỗi", "hàng", "hằng", "một"


def _month(m: re.Match[str], text: str, folded: str, v: _Vocabulary) -> _Candidate | None:
    groups = m.groupdict()
    if groups.get("mv"):
        if not text[m.start("mv")].isupper():
            return None  # "những tháng năm khó khăn": lower-case, the words are not a month's name
        month = v.vietnamese_months[" ".join(groups["mv"].split())]
        end, year, rel, _ = _tail(folded, m.end(), v, False)
        return _Candidate(m.start(), end, Period(year, "month", month), rel)
    if groups.get("me"):
        month = v.month_values[groups["me"]]
        end, year, rel, found = _tail(folded, m.end(), v, False)
        if text[m.start()].islower() and (not found or not v.month_alone[groups["me"]]):
            return None  # "may", "march" in running text are verbs
        if not found and not v.month_alone[groups["me"]]:
            return None
        return _Candidate(m.start(), end, Period(year, "month", month), rel)
    month = int(groups["m"])
    if not 1 <= month <= 12:
        return None
    amount = _AMOUNT_AFTER.match(folded, m.end())
    if amount is not None and v.count_noun.match(folded, amount.end()) and (
        amount.end() > m.end() or _EACH_BEFORE.search(folded, max(0, m.start() - 8), m.start())
    ):
        return None  # "mỗi tháng 9 triệu đồng", "tháng 9 - 10 triệu": an amount a month
    if groups.get("y"):  # "12/2023" with no "tháng": a month only where nothing says it is a number
        return _Candidate(m.start(), m.end(), Period(int(groups["y"]), "month", month), bare=True)
    end, year, rel, _ = _tail(folded, m.end(), v, False)
    return _Candidate(m.start(), end, Period(year, "month", month), rel)


def _phone_like(folded: str, start: int, end: int) -> bool:
    """Digit groups separated by spaces or dots around a four-digit number: "1900 2023", "0912 2023 678"."""
    return bool(re.search(r"\d[\s.]$", folded[max(0, start - 2):start]) or re.match(r"[\s.]\d", folded[end:end + 2]))


def _accents_fit(text: str, span: _Candidate | _MarkerHit, keywords: frozenset[str], accented: bool) -> bool:
    """The words of a match are its pattern's own ("năm", "first"), or plain ASCII in text typed without
    any accents: "nam 2023" is "năm 2023" in "nam 2023 co bao nhieu", never in "Miền Nam 2023"."""
    for word in _WORD.findall(text[span.start : span.end]):
        if word.lower() not in keywords and not (word.isascii() and not accented):
            return False
    return True


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then leftmost; a shorter match inside a longer one is part of it."""
    chosen: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _role(cand: _Candidate, text: str, folded: str, prev_end: int, v: _Vocabulary) -> Role:
    if cand.role != "period":
        return cand.role
    window_start = max(prev_end, cand.start - 90)
    if v.comparison.search(folded, max(prev_end, cand.start - 40), cand.start):
        return "comparison"
    if cand.period.kind == "year" and v.other_year_cue.search(folded, max(prev_end, cand.start - 20), cand.start):
        return "other"
    if cand.period.kind in ("year", "month") and cand.relative is None and cand.period.position is None:
        # document titles are written with a capital ("Luật Việc làm 2013"); case matters here
        window = folded[window_start:cand.start]
        clause_start = window_start + max(window.rfind(c) for c in ".;:!?,()") + 1
        for word in v.document_word.finditer(folded, clause_start, cand.start):
            if text[word.start()].isupper():
                return "document"
        if cand.bare and re.search(r"(?<!\w)(?:so|no)\.?\s*$", folded[window_start:cand.start]):
            return "document"
    return "period"


def periods_in(text: str) -> list[PeriodMention]:
    """Period mentions in a text, in order, with offsets into its NFC form.

    Matching ignores case; accents are ignored only when the whole text is typed without them
    ("6 thang dau nam 2023"), so "Nam" in an accented text is never "năm". Numbers that are not
    years (163.600, 2.023 người, 2022 người, phone numbers, 2023%) are skipped; document numbers'
    years and dates come back with role "document" and "date".
    """
    text = unicodedata.normalize("NFC", text)
    v = _vocabulary()
    folded = v.fold(text)
    cands = _candidates(text, folded, v)
    out: list[PeriodMention] = []
    prev_end = 0
    for cand in _select(cands):
        role = _role(cand, text, folded, prev_end, v)
        out.append(PeriodMention(cand.start, cand.end, text[cand.start:cand.end], cand.period, role, cand.relative))
        prev_end = cand.end
    return out


# ---------------------------------------------------------------------------------------------------
# Resolving relative and yearless periods


def months_named_in_words(text: str) -> list[int]:
    """The months a text names by their Vietnamese names ("trong tháng Năm" -> 5), in order."""
    if "háng" not in text and "HÁNG" not in text:
        return []  # most sentences name no month: skip the full reading
    named = []
    for mention in periods_in(text):
        words = mention.text.split(maxsplit=1)
        # "tháng" and a word, not a number ("tháng 5"), naming one month, not a relative one ("tháng này")
        if mention.period.kind == "month" and mention.period.index is not None and len(words) == 2:
            if words[0].lower() == "tháng" and words[1][:1].isalpha():
                named.append(mention.period.index)
    return named


def _shift(year: int, index: int, per_year: int, offset: int) -> tuple[int, int]:
    total = year * per_year + (index - 1) + offset
    return total // per_year, total % per_year + 1


def _review_year(reference: date, review_months: int) -> int:
    return reference.year - 1 if reference.month <= review_months else reference.year


def _apply_relative(period: Period, rel: Relative, reference: date, review_months: int) -> Period:
    if rel.unit == "year":
        year = _review_year(reference, review_months) if rel.review else reference.year + rel.offset
        return period.with_year(year)
    if rel.unit == "quarter":
        year, quarter = _shift(reference.year, (reference.month - 1) // 3 + 1, 4, rel.offset)
        return Period.quarter(quarter, year)
    year, month = _shift(reference.year, reference.month, 12, rel.offset)
    return Period(year, "month", month)


def _last_month(period: Period) -> int:
    if period.position is not None:
        return _POSITION_LAST_MONTH[period.position]
    months = period.months()
    return months[1] if months else 12


def _year_for_article(period: Period, published: date, review_months: int) -> int:
    """The year of a yearless period in an article: the year before when the article, published early
    in a year, speaks of a period that has not happened yet ("quý IV", "cuối năm" in a January review)."""
    if published.month <= review_months and _last_month(period) > published.month + 2:
        return published.year - 1
    return published.year


def _resolve(mention: PeriodMention, reference: date, review_months: int, *, article: bool) -> Period:
    if mention.relative is not None:
        return _apply_relative(mention.period, mention.relative, reference, review_months)
    if mention.period.year is not None:
        return mention.period
    year = _year_for_article(mention.period, reference, review_months) if article else reference.year
    return mention.period.with_year(year)


def resolve_relative(text_or_mentions: str | Sequence[PeriodMention], today: date) -> list[Period]:
    """The periods a question names, pinned to `today`: "năm ngoái" -> năm 2023 (today in 2024);
    "quý I", "6 tháng đầu năm", "cuối năm" without a year are this year's. Comparison periods are kept
    (in text order); document years and birth years are left out."""
    mentions = periods_in(text_or_mentions) if isinstance(text_or_mentions, str) else text_or_mentions
    review = _vocabulary().review_months
    out: list[Period] = []
    for mention in mentions:
        if mention.role in ("document", "other"):
            continue
        period = _resolve(mention, today, review, article=False)
        if period not in out:
            out.append(period)
    return out


def _as_date(value: date | str | None) -> date | None:
    """A date from a date, "YYYY-MM-DD", "YYYY-MM" or "YYYY" (day/month 1 when missing); None when unreadable."""
    if value is None or isinstance(value, date):
        return value
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _main_mention(mentions: Sequence[PeriodMention]) -> PeriodMention | None:
    """What a sentence reports on: its first reporting period, else its first date."""
    for role in ("period", "date"):
        for mention in mentions:
            if mention.role == role:
                return mention
    return None


def _context_period(pieces: Sequence[str], published: date | None, review_months: int) -> Period | None:
    """The period set by the nearest piece of context that names one (yearless ones take a year from
    earlier pieces or the article date)."""
    for i in range(len(pieces) - 1, -1, -1):
        mention = _main_mention(periods_in(pieces[i]))
        if mention is None:
            continue
        if mention.relative is not None:
            return _resolve(mention, published, review_months, article=True) if published else None
        if mention.period.year is not None:
            return mention.period
        year = _context_year(pieces[:i], published, review_months, mention.period)
        return mention.period.with_year(year) if year is not None else mention.period
    return None


def _context_year(pieces: Sequence[str], published: date | None, review_months: int, period: Period) -> int | None:
    found = _context_period(pieces, published, review_months)
    if found is not None and found.year is not None:
        return found.year
    return _year_for_article(period, published, review_months) if published else None


def infer_period(
    sentence: str, context_before: Sequence[str] | str = (), article_date: date | str | None = None
) -> tuple[Period | None, bool]:
    """The period a fact in `sentence` is about, and whether any of it was inferred.

    Stated in the sentence with its year -> (that, False). Stated without a year ("6 tháng đầu năm") or
    relatively ("năm qua") -> the year from the context, else from the article date: (period, True).
    Not stated -> the nearest context's period (title and previous sentences, in document order, nearest
    last): (period, True). Nothing anywhere -> (None, False); the article date alone says nothing about
    which period a figure reports. An article published early in a year about "năm qua" or "cuối năm"
    reviews the year before.
    """
    pieces = [context_before] if isinstance(context_before, str) else list(context_before)
    published = _as_date(article_date)
    review = _vocabulary().review_months
    own = _main_mention(periods_in(sentence))
    if own is None:
        found = _context_period(pieces, published, review)
        return (found, True) if found is not None else (None, False)
    if own.relative is not None:
        if published is None:
            return own.period, False
        return _resolve(own, published, review, article=True), True
    if own.period.year is not None:
        return own.period, False
    year = _context_year(pieces, published, review, own.period)
    return (own.period.with_year(year), True) if year is not None else (own.period, False)


# ---------------------------------------------------------------------------------------------------
# Estimates, targets and proposals


@dataclass(frozen=True)
class _MarkerHit:
    start: int
    end: int
    phrase: str
    label: FigureStatus


def _marker_hits(text: str) -> list[_MarkerHit]:
    text = unicodedata.normalize("NFC", text)
    v = _vocabulary()
    folded = v.fold(text)
    accented = _ACCENTED.search(text) is not None
    hits: list[_MarkerHit] = []
    for marker in v.markers:
        for m in marker.regex.finditer(folded):
            if marker.unless_before is not None and marker.unless_before.search(folded, max(0, m.start() - 30), m.start()):
                continue
            if marker.unless_after is not None and marker.unless_after.match(folded, m.end()):
                continue
            if marker.number_after and _not_an_amount(folded, m.end(), v):
                continue  # "about 2023 and 2024" is about years, "khoảng 17h30" a time
            if marker.number_in_clause and not _NUMBER_IN_CLAUSE.match(folded, m.end()):
                continue  # "kế hoạch sản xuất phải điều chỉnh": a plan, but no figure to be a target
            hit = _MarkerHit(m.start(), m.end(), marker.phrase, marker.label)
            if _accents_fit(text, hit, marker.keywords, accented):
                hits.append(hit)
    chosen: list[_MarkerHit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


_YEAR_AFTER = re.compile(rf"\s*{_Y}(?![\d.,])")
_TIME_AFTER = re.compile(r"\s*\d{1,2}\s*(?:h\d*|gio|:\d\d)(?!\w)")  # 17h30, 8 giờ, 9:00
_NUMBER_IN_CLAUSE = re.compile(r"[^.;!?\n]*?\d")


def _not_an_amount(folded: str, pos: int, v: _Vocabulary) -> bool:
    """The number after `pos` is a year ("about 2023 and 2024") or a time of day ("khoảng 17h30")."""
    if _TIME_AFTER.match(folded, pos):
        return True
    year = _YEAR_AFTER.match(folded, pos)
    return year is not None and not v.count_noun.match(folded, year.end())


def estimate_markers(text: str) -> list[str]:
    """The estimate and target markers in a text, as the vocabulary writes them ("ước đạt", "khoảng")."""
    return [hit.phrase for hit in _marker_hits(text)]


def figure_status(clause: str, figure_at: int | None = None) -> FigureStatus:
    """"proposal" (someone's proposal, not a decision: "đề xuất tăng 13,3%"), "target" (a goal: "phấn đấu", "kế
    hoạch năm 2024 là"), "estimate" ("ước", "dự kiến", "khoảng 25.500") or "official" (no marker). The least
    settled marker wins: a proposed target is still a proposal, a goal is never a result.

    figure_at: where the figure's number starts in the clause, when one figure's status is asked. Only the markers
    before it count: "đã đạt 79% và sẽ phấn đấu đến năm 2020 đạt trên 90%" sets a goal of 90%, and 79% is a
    result; in "hơn 1.000 chỉ tiêu việc làm" the word after the number names what is counted.
    """
    labels = {hit.label for hit in _marker_hits(clause) if figure_at is None or hit.start < figure_at}
    for status in ("proposal", "target", "estimate"):
        if status in labels:
            return status
    return "official"


def is_estimate(clause: str) -> bool:
    """True when the clause reports an estimate (not a target, not an official figure)."""
    return figure_status(clause) == "estimate"
