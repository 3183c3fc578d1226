"""Vietnamese text helpers, one copy each: NFC, diacritic folding, and reading numbers.

Low in the import order on purpose: ingest, index and answer all import from here (never the reverse).
Numbers follow Vietnamese conventions: "163.600" groups thousands, "1,31" is a decimal comma,
multiplier words (nghìn, triệu, tỷ) scale the figure before them.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# ---- Unicode -------------------------------------------------------------------------------------

_COMBINING_RE = re.compile(r"[\u0300-\u036f]")


def nfc(text: str) -> str:
    """NFC-normalise text (the project's one Unicode form)."""
    return unicodedata.normalize("NFC", text)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        stripped = _COMBINING_RE.sub("", unicodedata.normalize("NFD", char))
        if stripped != char and stripped.isascii() and stripped:
            table[code] = stripped
    return table


_FOLD_TABLE = _build_fold_table()


# Latin letters with and without marks, by case, for regex character classes ("[" + UPPER + "]"). A range
# such as À-Ỹ holds small letters too ("đ", "ã"), which made "Dung đã" read as a capitalised name.
UPPER = "A-Z" + "".join(sorted(chr(c) for c in _FOLD_TABLE if chr(c).isupper()))
LOWER = "a-z" + "".join(sorted(chr(c) for c in _FOLD_TABLE if chr(c).islower()))


def fold(text: str) -> str:
    """Drop Vietnamese tone and vowel marks (and đ -> d), keeping case: 'Hỗ trợ' -> 'Ho tro'; NFC in and out."""
    folded = nfc(text).translate(_FOLD_TABLE)
    # a mark NFC could not compose onto its letter survives the table: drop it too
    return unicodedata.normalize("NFC", _COMBINING_RE.sub("", folded)) if _COMBINING_RE.search(folded) else folded


# A Vietnamese syllable: an onset, one vowel group, at most one final consonant (checked without marks, so
# "Long", "An", "Nam", "Đắk" are Vietnamese and "Ford", "Unilever", "Nestlé", "Lima" are not).
# the spelling rules too: "k", "gh", "ngh" only before e, ê, i, y, and "c", "g", "ng" never before e, ê, i ("Ku", "Ko" of
# a Korean name are no Vietnamese syllables: Vietnamese writes "cu", "co")
_VI_SYLLABLE = re.compile(
    r"(?:ngh(?=[eiy])|ng(?![ei])|gh(?=[ei])|gi|kh|nh|ph|qu|th|tr|ch|k(?=[eiy])|c(?![eiy])|g(?![e])|[bdhlmnprstvx])?"
    r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnptk])?"
)


def is_vietnamese_syllable(word: str) -> bool:
    """Whether a word could be one Vietnamese syllable (its form, without marks)."""
    return bool(_VI_SYLLABLE.fullmatch(fold(word).lower()))


def plain_words(text: str) -> str:
    """A text's words without marks, lower case, one space between and one either side: " bao nhieu tien ", so
    that a phrase is found whole with f" {phrase} " in it."""
    return " " + re.sub(r"[^\w]+", " ", fold(text).lower()).strip() + " "


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese mark that fold() would remove."""
    return fold(text) != nfc(text)


# ---- numbers -------------------------------------------------------------------------------------

NUMBER_TOKEN = r"\d+(?:[.,]\d+)*"

# Multiplier words as written; the Vietnamese ones are also matched without marks (fold).
VI_MULTIPLIERS: dict[str, int] = {
    "trăm": 10**2,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "nghìn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỷ": 10**12,
    "ngàn tỉ": 10**12,
}
EN_MULTIPLIERS: dict[str, int] = {
    "hundred": 10**2,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
MULTIPLIERS: dict[str, int] = VI_MULTIPLIERS | EN_MULTIPLIERS

_INTEGER = re.compile(r"\d+")
_VI_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 163.600 / 1.234.567,5
_EN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")  # 12,345,678 / 163,600.5
_DECIMAL_COMMA = re.compile(r"\d+,\d+")  # 1,31 (and 163,600: Vietnamese wins on one comma)
_DECIMAL_DOT = re.compile(r"\d+\.\d+")  # 1.31 (not a thousands group)


def read_number(token: str) -> Decimal | None:
    """The value of one numeric token, Vietnamese reading first: '163.600' -> 163600, '1,31' -> 1.31.

    An English grouping is accepted only where Vietnamese cannot mean it ('12,345,678', '163,600.5');
    a single comma is always a decimal mark, so '163,600' reads 163.6.
    """
    token = token.strip()
    if not token or not token[0].isdigit():
        return None
    if _INTEGER.fullmatch(token):
        return Decimal(token)
    if _VI_THOUSANDS.fullmatch(token):
        return Decimal(token.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.fullmatch(token) and ("." in token or token.count(",") > 1):
        return Decimal(token.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(token):
        return Decimal(token.replace(",", "."))
    if _DECIMAL_DOT.fullmatch(token):
        return Decimal(token)
    return None


def normalise_number(token: str) -> str:
    """Canonical spelling of a number token for matching: '163.600' -> '163600', '1,31' -> '1.31'.

    Digits alone stay as written ('08' is a document number); a token that is no number by
    read_number ('1.2.3') loses its separators.
    """
    if token.isdigit():
        return token
    value = read_number(token)
    if value is None:
        return token.replace(".", "").replace(",", "")
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_readings(digits: str, *, vietnamese_only: bool = False) -> set[Decimal]:
    """Every value a digit string can mean: Vietnamese (163.600, 1,31) or English (163,600, 1.31).

    With vietnamese_only (for the articles themselves), "." is only ever a thousands separator
    and "," only a decimal one, so "163.600" cannot be read as 163.6.
    """
    groups = re.split(r"[.,]", digits)
    seps = re.findall(r"[.,]", digits)
    if not seps:
        return {Decimal(digits)}
    values: set[Decimal] = set()
    if vietnamese_only:
        if all(s == "." for s in seps) and all(len(g) == 3 for g in groups[1:]):
            values.add(Decimal("".join(groups)))
        elif seps[-1] == "," and all(s == "." for s in seps[:-1]) and all(len(g) == 3 for g in groups[1:-1]):
            values.add(Decimal("".join(groups[:-1]) + "." + groups[-1]))
        if values:
            return values
        # A spelling that is not Vietnamese (e.g. "8.5") is read the ambiguous way below.
    if len(set(seps)) == 1:
        if all(len(g) == 3 for g in groups[1:]):
            values.add(Decimal("".join(groups)))  # thousands separators
        if len(seps) == 1:
            values.add(Decimal(f"{groups[0]}.{groups[1]}"))  # decimal comma or point
    else:
        thousands, decimal = seps[0], seps[-1]
        if thousands != decimal and all(s == thousands for s in seps[:-1]) and all(
            len(g) == 3 for g in groups[1:-1]
        ):
            values.add(Decimal("".join(groups[:-1]) + "." + groups[-1]))
    return values
