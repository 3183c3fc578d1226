"""Vietnamese number parsing: "163.600" thousands, "1,31" decimals, nghìn/triệu/tỷ multipliers; the digits written
out in words, in Vietnamese and English."""

from __future__ import annotations

import re

from ingest.vietnamese import MULTIPLIERS, NUMBER_TOKEN, fold, nfc, read_number

_NUMBER_RE = re.compile(rf"(?<![\w/]){NUMBER_TOKEN}(?![\w/])")
_MULT_RE = re.compile(r"\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.UNICODE)
# multipliers by their unaccented form, so "ty"/"tỷ"/"tỉ" all parse
_FOLDED_MULTIPLIERS = {fold(word): factor for word, factor in MULTIPLIERS.items()}
# informal abbreviations the press glues to a figure ("500k", "5tr/tháng"); apart they are other words
_GLUED_MULTIPLIERS = {"k": 1e3, "tr": 1e6}

# The digits written out in words ("ba bệnh nhân", "lần thứ hai"); "một", "năm" and "tư" are left out, being
# mostly "một số" (some), "năm" (year) and "đầu tư", "tư nhân" (invest, private).
SPELLED_DIGITS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# The English number words a question writes for a count it states itself ("in the first six months")
ENGLISH_NUMBER_WORDS = {
    **{w: float(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())},
    "fifteen": 15.0, "twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0,
}  # fmt: skip


def parse_number_token(token: str) -> float | None:
    """The value of one numeric token under Vietnamese conventions (see ingest.vietnamese.read_number)."""
    value = read_number(token)
    return None if value is None else float(value)


def multiplier_after(text: str) -> tuple[float, int]:
    """The multiplier word at the start of text (e.g. " nghìn người") and how many characters it spans."""
    match = _MULT_RE.match(text)
    if not match:
        return 1.0, 0
    word = fold(match.group(1).lower())
    if match.group(2):
        pair = f"{word} {fold(match.group(2).lower())}"
        if pair in _FOLDED_MULTIPLIERS:  # "nghìn tỷ"
            return float(_FOLDED_MULTIPLIERS[pair]), match.end()
        if pair in ("ty le", "ti le"):  # "tỷ lệ" is "rate", not "billion"
            return 1.0, 0
    if word in _FOLDED_MULTIPLIERS:
        return float(_FOLDED_MULTIPLIERS[word]), match.end(1)
    if word in _GLUED_MULTIPLIERS and match.start(1) == 0:  # "5k", "5tr" only when glued to the digits
        return _GLUED_MULTIPLIERS[word], match.end(1)
    return 1.0, 0


def parse_vietnamese_number(s: str) -> float | None:
    """The first number in s with its multiplier: "8,5 tỷ" -> 8.5e9, "gần 200 tỷ đồng" -> 2e11."""
    text = nfc(s)
    match = _NUMBER_RE.search(text)
    if not match:
        return None
    value = parse_number_token(match.group(0))
    if value is None:
        return None
    factor, _ = multiplier_after(text[match.end() :])
    return value * factor
