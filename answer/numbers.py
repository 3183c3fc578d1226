"""Vietnamese number parsing: "163.600" thousands, "1,31" decimals, nghìn/triệu/tỷ multipliers."""

from __future__ import annotations

import re

from answer.language import nfc, strip_diacritics

# Multiplier words, keyed by their unaccented form so "ty"/"tỷ"/"tỉ" all parse.
MULTIPLIERS: dict[str, float] = {
    "tram": 1e2,
    "nghin": 1e3,
    "ngan": 1e3,
    "trieu": 1e6,
    "ty": 1e9,
    "ti": 1e9,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "k": 1e3,
}

NUMBER_TOKEN = r"\d+(?:[.,]\d+)*"
_NUMBER_RE = re.compile(rf"(?<![\w/]){NUMBER_TOKEN}(?![\w/])")
_MULT_RE = re.compile(r"\s*([^\W\d_]+)", re.UNICODE)


def parse_number_token(token: str) -> float | None:
    """The value of one numeric token under Vietnamese conventions (English "163,600" also accepted)."""
    token = token.strip()
    if not token or not token[0].isdigit():
        return None
    if re.fullmatch(r"\d+", token):
        return float(token)
    # 163.600 / 1.234.567 / 1.234,5: dots group thousands, a comma marks decimals
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    # 0,125 and 1,31 are decimals; "163,600" (English-style thousands) only when the integer part is not 0
    if re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?", token) and ("." in token or token.count(",") > 1):
        return float(token.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", token):
        return float(token)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        return float(token.replace(",", ""))
    return None


def multiplier_after(text: str) -> tuple[float, int]:
    """The multiplier word at the start of text (e.g. " nghìn người") and how many characters it spans."""
    match = _MULT_RE.match(text)
    if not match:
        return 1.0, 0
    word = strip_diacritics(match.group(1).lower())
    if word in MULTIPLIERS and word != "k":
        return MULTIPLIERS[word], match.end()
    if word == "k" and match.start(1) == 0:  # "5k" only when glued to the digits
        return 1e3, match.end()
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
