"""Vietnamese sentence splitting into offset spans of the article text, in linear time."""

from __future__ import annotations

import re

from ingest.line_kinds import classify_sentence
from ingest.models import Sentence

# A run of sentence-final punctuation, its closing quotes/brackets, then whitespace or the line end.
_TERMINATOR = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s|$)")
# Abbreviations that end in "." without ending the sentence (compared in lower case).
_ABBREVIATIONS = frozenset(
    {
        "ts", "ths", "th.s", "pgs", "gs", "bs", "ks", "tp", "tr", "v.v", "vv", "nxb", "sđd",
        "mr", "mrs", "ms", "dr", "st", "ts.bs", "ths.bs", "bsckii", "bscki", "bsck",
    }
)
_ROMAN = re.compile(r"[IVXLC]+")
# A photo credit inside a paragraph: the caption above the text, flattened into one line by the page's reader
# ("... làm việc Ảnh: Trần Duy Ông Nguyễn Lương Trào cho biết ..."). The credit ends the caption's sentence.
_CREDIT = re.compile(r"(?<!\w)Ảnh(?: minh h(?:ọa|oạ))?\s*:\s*|(?<!\w)Ảnh minh h(?:ọa|oạ)(?=\s)")
_CREDIT_IN_BRACKETS = re.compile(r"\(\s*(?:Ảnh|Nguồn|Theo)\b[^()\n]{0,60}\)")  # "(Ảnh: Công an cung cấp)"
_AGENCY_DASH = re.compile(r"[-–]\S*")  # "Doãn Tấn - TTXVN", "Nguyễn Dân -TTXVN"
_TOKEN = re.compile(r"\S+")
_QUOTES = "\"“‘«"  # what may open a sentence after a credit, besides a capital
_OPENERS = _QUOTES + "(['"  # what may precede a word before its period
_LOOKBACK = 40  # longest "word" inspected before a period; keeps each decision O(1)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceSplitter:
    """Split clean article text into sentences whose offsets index into that text."""

    def __init__(self, max_chars: int = 1000) -> None:
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 20:
            raise ValueError(f"max_chars must be an int >= 20, got {max_chars!r}")
        self.max_chars = max_chars

    def split(self, text: str, doc_id: str) -> list[Sentence]:
        """Return the sentences of `text` in order; every line break ends a sentence.

        Each sentence gets its kind (text, caption, byline, ...) from its form, see ingest.line_kinds.
        """
        spans: list[tuple[int, int]] = []
        whole_lines: set[int] = set()  # positions in spans of sentences that are a whole line
        pos = 0
        n = len(text)
        while pos < n:
            nl = text.find("\n", pos)
            line_end = n if nl == -1 else nl
            before = len(spans)
            self._split_line(text, pos, line_end, spans)
            if len(spans) == before + 1:
                whole_lines.add(before)
            pos = line_end + 1
        return [
            Sentence(
                doc_id=doc_id,
                index=i,
                start=s,
                end=e,
                text=text[s:e],
                kind=classify_sentence(text[s:e], whole_line=i in whole_lines),
            )
            for i, (s, e) in enumerate(spans)
        ]

    def _split_line(self, text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
        start, end = _strip_span(text, start, end)
        if start == end:
            return
        cuts = [
            m.end() for m in _TERMINATOR.finditer(text, start, end) if m.end() < end and self._is_boundary(text, m, start, end)
        ]
        line = text[start:end]
        if "Ảnh" in line or "(" in line:  # most lines hold no credit: the regexes skip them
            cuts = sorted({*cuts, *_credit_ends(text, start, end)})
        sent_start = start
        for cut in cuts:
            self._emit(text, sent_start, cut, spans)
            sent_start = cut
        self._emit(text, sent_start, end, spans)

    def _is_boundary(self, text: str, m: re.Match[str], line_start: int, line_end: int) -> bool:
        j = m.end()
        while j < line_end and text[j].isspace():
            j += 1
        if j >= line_end:
            return False
        nxt = text[j]
        # A lower-case word or continuing punctuation after "." / "..." / "?" means the sentence goes on.
        if nxt.islower() or nxt in ",;:)]}%":
            return False
        punct = m.group().rstrip("\"”’»)]")
        if punct != ".":
            return True  # "?", "!", "...", "…" before an upper-case word or a number
        word_start = m.start()
        lower_bound = max(line_start, m.start() - _LOOKBACK)
        while word_start > lower_bound and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : m.start()].lstrip(_OPENERS)
        if not word:
            return True
        low = word.lower()
        if low in _ABBREVIATIONS or low.rsplit(".", 1)[-1] in _ABBREVIATIONS:
            return False
        if len(word) == 1 and word.isupper():
            return False  # an initial: "Nguyễn V. An", "Q. 1"
        at_line_start = text[line_start:word_start].strip() == ""
        if at_line_start and (word.isdigit() and len(word) <= 3 or _ROMAN.fullmatch(word)):
            return False  # a list marker: "1. Tăng cường ...", "II. Nhiệm vụ"
        return True

    def _emit(self, text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
        start, end = _strip_span(text, start, end)
        while end - start > self.max_chars:
            cut = self._best_cut(text, start, start + self.max_chars)
            piece = _strip_span(text, start, cut)
            if piece[0] < piece[1]:
                spans.append(piece)
            start, end = _strip_span(text, cut, end)
        if start < end:
            spans.append((start, end))

    @staticmethod
    def _best_cut(text: str, start: int, limit: int) -> int:
        """Where to end a piece of an over-long sentence: after ; : , or at a space, else at the limit."""
        for lo in (start + (limit - start) // 2, start + 1):
            for sep in ("; ", ": ", ", "):
                idx = text.rfind(sep, lo, limit + 1)
                if idx != -1:
                    return idx + 1
            idx = max(text.rfind(" ", lo, limit), text.rfind("\t", lo, limit))
            if idx > start:
                return idx
        return limit


def _credit_ends(text: str, start: int, end: int) -> list[int]:
    """Where photo credits inside a line end, when a new sentence follows them.

    A credit is "Ảnh:" and one agency or initials ("Ảnh: TTO", "Ảnh: P.ĐIỀN", "(Ảnh: VOV)"; all capitals are
    tried first: "Ảnh: CTV Bà Hằng"), or two capitalised words (press pen names are mostly two syllables: "Ảnh:
    Thu Huyền"), or a bare "Ảnh minh họa"; it ends where a sentence of two words or more follows, opening with a
    capitalised word or a quote. A three-syllable name leaves its last syllable at the start of the next sentence,
    as all of it was before; a one-word name ("Ảnh: Vnexpress") cannot be told from a sentence's first word and is
    left as it was.
    """
    ends = []
    for m in _CREDIT.finditer(text, start, end):
        words = [(t.group(), t.end()) for _, t in zip(range(6), _TOKEN.finditer(text, m.end(), end))]
        if not m.group().rstrip().endswith(":"):  # "Ảnh minh họa" and no credit
            if len(words) >= 2 and _opens_sentence(words[0][0]):
                ends.append(m.end())
            continue
        if len(words) >= 3 and _all_capitals(words[0][0]) and _opens_sentence(words[1][0]):
            ends.append(words[0][1])  # "Ảnh: CTV Bà Phạm Thị Hằng ...": an agency or initials alone
            continue
        if len(words) >= 4 and words[0][0][0].isupper() and words[1][0][0].isupper():
            name_end = 2
            # the agency after the name: "Doãn Tấn - TTXVN", "Nguyễn Dân -TTXVN"
            if words[2][0] in ("-", "–") and len(words) >= 6 and _agency_or_initials(words[3][0]):
                name_end = 4
            elif _AGENCY_DASH.fullmatch(words[2][0]) and _agency_or_initials(words[2][0][1:]) and len(words) >= 5:
                name_end = 3
            if _opens_sentence(words[name_end][0]):
                ends.append(words[name_end - 1][1])
                continue
        if len(words) >= 3 and _agency_or_initials(words[0][0]) and _opens_sentence(words[1][0]):
            ends.append(words[0][1])
    for m in _CREDIT_IN_BRACKETS.finditer(text, start, end):
        after = [t.group() for _, t in zip(range(2), _TOKEN.finditer(text, m.end(), end))]
        if len(after) == 2 and _opens_sentence(after[0]):
            ends.append(m.end())
    return ends


def _agency_or_initials(word: str) -> bool:
    """"TTO", "P.ĐIỀN", "EPA/TTXVN", "VOV)": no plain capitalised syllable ("Huyền")."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and word[0].isupper() and (any(ch.isupper() for ch in letters[1:]) or any(ch in "./" for ch in word))


def _all_capitals(word: str) -> bool:
    """"CTV", "TTO", "P.ĐIỀN", "EPA/TTXVN": every letter upper case, two or more."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _opens_sentence(word: str) -> bool:
    return word[0].isupper() or word[0] in _QUOTES
