"""Title, date, source and author stated by a plain article's own text; unknown stays None.

Decision: the crawler's machine header "date 2021-01 " at the very start of a text is metadata, not
prose, so `Metadata.text` drops it; everything else (source tag, lead, byline) stays in the text so
that sentence offsets still point at what the reader sees.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.sentences import SentenceSplitter

TITLE_MAX_CHARS = 120

_MACHINE_HEADER = re.compile(r"date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+|$)")
# "(LĐ online) - ", "(BTV) ": an agency tag in brackets at the start, starting with an upper-case letter.
_SOURCE_TAG = re.compile(r"\(\s*([^\W\d_][^()\n]{0,39}?)\s*\)\s*(?:[-–—]\s*)?")
_LEAD_DATE = re.compile(
    r"(?:(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm)(?:\s+(?:nay|qua|sớm|muộn))?|ngày|hôm\s+(?:nay|qua))"
    r"\s+(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?(?!\d)",
    re.IGNORECASE,
)
# A year-end review ("tổng kết ... năm 2022") held in Oct-Dec belongs to that year, in Jan-Mar to the next.
_REVIEW_YEAR = re.compile(r"tổng\s+kết[^.\n]{0,80}?năm\s+(\d{4})", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"(?:bài\s*(?:và|,|&)\s*ảnh|bài|ảnh|tin\s*(?:và|,|&)\s*ảnh|tin|nhóm\s+pv)\s*:\s*", re.I)
_NAME_SEPARATORS = re.compile(r"\s*[,;&]\s*|\s+[-–]\s+|\s+và\s+")
_NAME_WORD = re.compile(r"[^\W\d_][\w.]*")
_TITLE_END = tuple(".!?…:;")


@dataclass(frozen=True)
class Metadata:
    """What an article's text says about itself; `text` is the article text to keep."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO prefix: "2021-01-13", "2021-01" or "2022"
    source: str | None = None
    author: str | None = None


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _lead_date(lead: str, header: tuple[int, int, int | None] | None, first_sentence: str) -> str | None:
    """Combine the machine header and the lead's "Chiều 13/1" into the most precise date we can trust."""
    header_iso = _iso(*header) if header else None
    m = _LEAD_DATE.match(lead)
    if m is None:
        return header_iso
    day, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        return _iso(int(m.group(3)), month, day) or header_iso
    if header is not None:
        year, h_month, h_day = header
        if h_month == month and h_day in (None, day):
            return _iso(year, month, day) or header_iso
        return header_iso  # the event and the header disagree: trust only the header
    review = _REVIEW_YEAR.search(first_sentence)
    if review is None:
        return None
    year = int(review.group(1))
    if month >= 10:
        return _iso(year, month, day)
    if month <= 3:
        return _iso(year + 1, month, day)
    return None


def _byline(line: str) -> str | None:
    """The author names of a last line such as "N.MINH" or "Trần Cường, Hải Yến", else None."""
    names = _BYLINE_PREFIX.sub("", line, count=1).strip()
    if not names or len(names) > 60 or names[-1] in ".!?:;…," or any(ch.isdigit() for ch in names):
        return None
    if names.lower().startswith("theo "):
        return None
    for name in _NAME_SEPARATORS.split(names):
        words = name.split()
        if not 1 <= len(words) <= 5:
            return None
        for word in words:
            if not _NAME_WORD.fullmatch(word) or not word[0].isupper():
                return None
    return names


def shorten_title(sentence: str, max_chars: int = TITLE_MAX_CHARS) -> str:
    """A sentence as a title: without final punctuation, cut at a clause or word boundary with '…'."""
    title = sentence.strip().rstrip(".!?…;:, ")
    if len(title) <= max_chars:
        return title
    head = title[: max_chars - 1]
    comma = head.rfind(", ")
    if comma >= max_chars // 2:
        cut = head[:comma]
    else:
        space = head.rfind(" ")
        cut = head[:space] if space > 0 else head
    return cut.rstrip(".!?…;:,– -") + "…"


def _title_line(first: str, several: bool) -> str | None:
    if (
        several
        and len(first) <= 150
        and not first.endswith(_TITLE_END)
        and not first.startswith("(")
        and _byline(first) is None
    ):
        return first
    return None


def extract_metadata(text: str) -> Metadata:
    """Extract title, date, source and author from clean article text (see the module docstring)."""
    header: tuple[int, int, int | None] | None = None
    m = _MACHINE_HEADER.match(text)
    if m is not None and _iso(int(m.group(1)), int(m.group(2))) is not None:
        header = (int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        text = text[m.end() :]
    if not text:
        return Metadata(text=text, date=_iso(*header) if header else None)
    split_first, split_last = text.find("\n\n"), text.rfind("\n\n")
    several = split_first != -1
    first_line = text[:split_first] if several else text
    last_line = text[split_last + 2 :] if several else ""
    title = _title_line(first_line, several)
    # The lead (dateline, agency tag) is the first paragraph after a title line, if there is one.
    lead_start = split_first + 2 if title is not None else 0
    source = None
    tag = _SOURCE_TAG.match(text, lead_start)
    if tag is not None:
        source = tag.group(1)
        lead_start = tag.end()
    lead = text[lead_start:]
    # Bounded so that a 20 MB single-paragraph file costs no more than a normal article here.
    first_paragraph = lead[:2000].split("\n", 1)[0]
    first_sentences = SentenceSplitter().split(first_paragraph, "") if first_paragraph else []
    first_sentence = first_sentences[0].text if first_sentences else ""
    # A lead without final punctuation is a photo caption ("Ngày 20/5/1947, Bác Hồ ..."):
    # its date is the photo's, not the article's.
    is_caption = not first_paragraph.rstrip("\"”’)»").endswith(_TITLE_END)
    date = _lead_date("" if is_caption else lead, header, first_sentence)
    author = _byline(last_line) if several else None
    if author is None and several and last_line.lower().startswith("theo ") and source is None:
        candidate = last_line[5:].strip()
        if 0 < len(candidate) <= 60 and not candidate.endswith(_TITLE_END):
            source = candidate
    if title is None and first_sentence:
        title = shorten_title(first_sentence)
    return Metadata(text=text, title=title or None, date=date, source=source, author=author)
