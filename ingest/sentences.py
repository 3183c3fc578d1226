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
_OPENERS = "\"“‘«([\u2018\u201c'"
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
        sent_start = start
        for m in _TERMINATOR.finditer(text, start, end):
            if m.end() >= end or not self._is_boundary(text, m, start, end):
                continue
            self._emit(text, sent_start, m.end(), spans)
            sent_start = m.end()
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
