"""A Vietnamese figure, date or place written for an English reader: "hơn 163.600 lượt lao động" -> "more than
163,600 workers", "2/7" -> "2 July", "Đài Loan" -> "Taiwan".

Why: the articles write 163.600 for one hundred sixty-three thousand six hundred and 1,31% for a decimal, so an
English reader takes "163.600" for a decimal. An English question's answer states its figure the English way and
keeps the article's words beside it, since those are what the citation quotes. Only what the tables know is
written in English (a qualifier, the number, its magnitude, currency, unit and rate period; a province's or
country's name from the gazetteer); the rest of the Vietnamese span is left to the words beside it. A day-first date
("2/7", which a US reader takes for February 7) is written in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from answer.extract import RATIO_BASES, names_currency
from answer.knowledge.currency_words import currency_words
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.qualifiers import qualifier_english
from answer.knowledge.rate_periods import period_words
from answer.knowledge.titles import shown_titles
from answer.knowledge.units import MONEY_UNITS, unit_mentions, units
from ingest.vietnamese import NUMBER_TOKEN, VI_MULTIPLIERS, fold, nfc, read_number

_MAGNITUDE_NAMES = {10**2: "hundred", 10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}
_FIGURE = re.compile(rf"(?P<low>{NUMBER_TOKEN})(?:\s*(?P<dash>[-–])\s*(?P<high>{NUMBER_TOKEN}))?(?P<percent>\s*%)?")
_MAGNITUDE = re.compile(
    r"\s+(?P<word>{})(?!\w)".format("|".join(sorted(VI_MULTIPLIERS, key=len, reverse=True))), re.IGNORECASE
)
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_]+)(?P<after>\s+[^\W\d_]+)?")
_PER = re.compile(r"\s*/\s*(?P<word>[^\W\d_][^\W_]*)")  # "/tháng", "/người", "/m2" ("/mét vuông": its first word)
_RATIO_BASE = re.compile(rf"\s*/\s*(?P<base>{RATIO_BASES})\s+")  # "/100 trẻ gái": a ratio's base
_TWO_COUNTS = re.compile(r"\D{0,12}\d[\d.,]*\D*? và \D{0,12}\d[\d.,]*\D*")  # "4 chương và 35 điều"
_NUMBER_GOES_ON = re.compile(r"\s*[/:.,\-–]\s*\d")
_RANGE_GOES_ON = re.compile(r"\s*[-–]\s*\d")  # "12 nghìn-15 nghìn": a range
_JOINS = re.compile(r"(?:\s*(?:,|;|\bvà\b)\s*)*|\s*", re.IGNORECASE)  # what may stand between places of a list
_JOIN_WORD = re.compile(r"\bvà\b", re.IGNORECASE)


def english_number(token: str) -> str | None:
    """A number token read the Vietnamese way, written the English way: "163.600" -> "163,600", "1,31" -> "1.31".

    Digits alone up to four stay as written ("2014", "08"); None for a token that is no number.
    """
    if token.isdigit() and len(token) <= 4:
        return token
    value = read_number(token)
    if value is None:
        return None
    whole, _, decimals = format(value, "f").partition(".")
    return f"{int(whole):,}" + (f".{decimals}" if decimals else "")


@dataclass(frozen=True)
class _OpeningFigure:
    """The figure a span opens with, as written: its qualifier's English, the number or range, a percent sign, the
    magnitude word's factor, and the text after them (its currency, unit and rate periods, unread)."""

    qualifier: str | None
    low: str
    high: str | None
    dash: str
    percent: bool
    factor: int | None
    rest: str

    def in_thousands(self) -> int | None:
        """The count of a single figure in thousands as a whole number ("138,8 nghìn" -> 138800); None for any
        other magnitude, a range or a percentage, and past the counts a reader takes in digits."""
        if self.factor != 10**3 or self.high or self.percent or _RANGE_GOES_ON.match(self.rest) or _MAGNITUDE.match(self.rest):
            return None
        value = read_number(self.low)
        return None if value is None else _in_full(value, self.factor)


def _opening_figure(text: str) -> _OpeningFigure | None:
    """The figure an answer span opens with, after at most one qualifier ("gần 200 tỷ đồng", "hơn 110 nghìn
    doanh nghiệp"); None when the span opens with anything else or its number goes on as a date or fraction."""
    rest, qualifier = nfc(text).strip(), None
    for form, english in sorted(qualifier_english().items(), key=lambda item: -len(item[0])):
        if rest.lower().startswith(f"{form} "):
            qualifier, rest = english, rest[len(form) :].lstrip()
            break
    figure = _FIGURE.match(rest)
    if figure is None:
        return None
    rest = rest[figure.end() :]
    if _NUMBER_GOES_ON.match(rest):
        return None  # "gần 2/3" is two thirds, "12-7-2017" a date: not a number this reads
    factor = None
    if not figure["percent"] and (magnitude := _MAGNITUDE.match(rest)) is not None:
        factor, rest = VI_MULTIPLIERS[magnitude["word"].lower()], rest[magnitude.end() :]
    return _OpeningFigure(
        qualifier, figure["low"], figure["high"], figure["dash"] or "", bool(figure["percent"]), factor, rest
    )


def figure_in_english(text: str) -> str | None:
    """The figure a Vietnamese answer span opens with, in English ("gần 200 tỷ đồng" -> "nearly 200 billion VND",
    "1,31%" -> "1.31%", "hơn 110 nghìn doanh nghiệp" -> "more than 110,000 businesses"); None when the span opens
    with no figure or its English reads the same."""
    figure = _opening_figure(text)
    if figure is None:
        return None
    low, high = english_number(figure.low), english_number(figure.high) if figure.high else None
    if low is None or (figure.high and high is None):
        return None
    parts = [figure.qualifier] if figure.qualifier else []
    if (whole := figure.in_thousands()) is not None:
        parts.append(f"{whole:,}")  # English writes "110,000", not "110 thousand"
    else:
        parts.append((f"{low}{figure.dash}{high}" if high else low) + ("%" if figure.percent else ""))
        if figure.factor:
            parts.append(_MAGNITUDE_NAMES[figure.factor])
    if not figure.percent:
        _name_the_count(figure.rest, parts)
    english = " ".join(parts)
    return None if nfc(text).strip().lower().startswith(english.lower()) else english  # "50 khu công nghiệp": nothing to rewrite


def _name_the_count(rest: str, parts: list[str]) -> None:
    """Append the English of the currency, unit and rate periods that follow a figure; the rest unread."""
    word = _NEXT_WORD.match(rest)
    if word is not None and word["word"].lower() in currency_words().codes:
        # "25 triệu đồng" names its currency, "50 đồng bào" none (extract.names_currency)
        if code := names_currency("", word["word"].lower(), (word["after"] or "").strip().lower()):
            parts.append(code.upper())
            rest = rest[word.end("word") :]
    else:
        mentions = [m for m in unit_mentions(rest) if m.unit_id not in MONEY_UNITS]
        if mentions and not rest[: mentions[0].start].strip():
            counted = mentions[0]
            if units()[counted.unit_id].kind == "any" and len(mentions) > 1 and not rest[counted.end : mentions[1].start].strip():
                counted = mentions[1]  # "163.600 lượt lao động": times a worker was helped; the workers are counted
            forms = units()[counted.unit_id].forms_en
            parts.append(_singular(forms) if parts[-1] == "1" else forms[0])  # "1 day", not "1 days"
            rest = rest[counted.end :]
    if (base := _RATIO_BASE.match(rest)) is not None:
        # "114 trẻ trai/100 trẻ gái": 114 boys per 100 girls
        # ("8 bác sĩ/10.000 dân", a base no unit names: 8 doctors per 10,000, the article's words beside it)
        over = next(iter(unit_mentions(rest[base.end() :])), None)
        named = over is not None and not rest[base.end() : base.end() + over.start].strip()
        parts.append(f"per {english_number(base['base'])}")
        if over is not None and named:
            parts.append(units()[over.unit_id].forms_en[0])
        return
    periods = period_words()
    while (per := _PER.match(rest)) is not None:
        per_word = per["word"].lower()
        mention = next(iter(unit_mentions(rest[per.start("word") :])), None)
        if per_word in periods:
            parts[-1] += f"/{periods[per_word]}"
            rest = rest[per.end() :]
        elif mention is not None and mention.start == 0 and mention.end >= len(per["word"]):
            # a unit of one word or more ("/người", "/m2", "/mét vuông")
            parts[-1] += f"/{_singular(units()[mention.unit_id].forms_en)}"
            rest = rest[per.start("word") + mention.end :]
        else:
            break


def _singular(forms: tuple[str, ...]) -> str:
    """The singular among a unit's English forms ("worker" of "workers|worker"), else its first form."""
    return next((form for form in forms if f"{form}s" in forms), forms[0])


# The English month names, January first (how an answer writes a day-first date; a question's month is read with them)
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"(?:(?P<first>\d{1,2})\s*[-–]\s*)?(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}))?")
_MONTH_YEAR = re.compile(r"(?:tháng\s+)?(?P<month>\d{1,2})\s*(?:/|\.|-|năm)\s*(?P<year>\d{4})", re.IGNORECASE)


def date_in_english(text: str) -> str | None:
    """A date written day first with slashes, in English words: "2/7" -> "2 July", "30/5/2017" -> "30 May 2017",
    "29-31/5" -> "29-31 May", "tháng 5/2017" -> "May 2017", "tháng 10.2012" -> "October 2012" (a US reader takes 2/7 for February 7); None for any
    other text."""
    text = nfc(text).strip()
    if (found := _DAY_MONTH_YEAR.fullmatch(text)) and 1 <= int(found["day"]) <= 31 and 1 <= int(found["month"]) <= 12:
        days = f"{int(found['first'])}-{int(found['day'])}" if found["first"] else str(int(found["day"]))
        return " ".join(part for part in (days, MONTHS[int(found["month"]) - 1], found["year"]) if part)
    if (found := _MONTH_YEAR.fullmatch(text)) and 1 <= int(found["month"]) <= 12:
        return f"{MONTHS[int(found['month']) - 1]} {found['year']}"
    return None


def _in_full(number: Decimal, factor: int) -> int | None:
    """A number times its magnitude as a whole number (138.8 thousand -> 138800); None for a fraction of a unit or a
    number past the thousands a reader counts in digits."""
    value = number * factor
    return int(value) if value == value.to_integral_value() and value < 10**7 else None


def figure_in_digits(figure: str) -> str | None:
    """The count a Vietnamese figure states in thousands, in digits: "hơn 110 nghìn doanh nghiệp" -> "110.000",
    "138,8 nghìn người" -> "138.800". Statistics tables and other articles write such counts in digits, so the reader
    (and a search for the figure) sees both; None when the figure names no thousands or is a range."""
    opening = _opening_figure(figure)
    whole = None if opening is None else opening.in_thousands()
    return None if whole is None else f"{whole:,}".replace(",", ".")


def for_reader(language: str, figure: str) -> str:
    """A figure as a reader of the question's language reads it: in English with the article's words beside it
    ("more than 163,600 workers (hơn 163.600 lượt lao động)"); in Vietnamese as the article writes it, with a count
    in thousands also in digits ("Hơn 110 nghìn doanh nghiệp (110.000)")."""
    if language == "en":
        # two counts asked together ("25 tiêu chuẩn và 111 tiêu chí"), each in English
        parts = figure.split(" và ") if _TWO_COUNTS.fullmatch(figure) else [figure]
        english = [figure_in_english(part) for part in parts]
        if not any(english):
            return figure
        return f"{' and '.join(e or p for e, p in zip(english, parts))} ({figure})"
    digits = figure_in_digits(figure)
    return f"{figure} ({digits})" if digits else figure


def in_reader_terms(language: str, kind: str, extracted: str) -> str:
    """An answer's span for the reader of the question's language: a figure (quantity, percentage) as for_reader
    writes it, and to an English question a date in words beside the article's ("2 July (2/7)"), places (one or a
    list of them) and titles under their English names beside the article's words."""
    if kind in ("quantity", "percentage"):
        return for_reader(language, extracted)
    if kind == "date" and language == "en" and (english := date_in_english(extracted)):
        return f"{english} ({extracted})"
    # a list of places is read like one ("Hàn Quốc, Nhật Bản, Đài Loan" -> "South Korea, Japan, Taiwan")
    if kind in ("place", "list") and language == "en" and (english := place_in_english(extracted)):
        return f"{english} ({extracted})"
    if kind == "role" and language == "en" and (english := role_in_english(extracted)):
        return f"{english} ({extracted})"
    if kind == "person" and language == "en" and (named := _person_with_role(extracted)):
        name, role, english = named
        return f"{name}, {english} ({role})"
    return extracted


# Words that may stand between a title, the body it heads and the province the body serves ("Giám đốc Sở LĐ-TB&XH
# tỉnh Hà Tĩnh", "Chủ tịch UBND TP. Hồ Chí Minh").
_ROLE_JOINS = re.compile(r"[\s,\-–]*(?:(?:tỉnh|thành phố|TP\.?)\s+)?", re.IGNORECASE)
_BODY_KINDS = ("organisation", "ministry")
_THE_LOCALITY = {"tỉnh": "of the province", "thành phố": "of the city", "tp": "of the city"}


def role_in_english(role: str) -> str | None:
    """A post as an English answer writes it, when the tables know every part of it: the title (titles.tsv), then
    the bodies and provinces the gazetteer names ("Giám đốc Sở Lao động Thương binh và Xã hội tỉnh Hà Tĩnh" ->
    "Director of the Department of Labour, Invalids and Social Affairs of Ha Tinh"); None when a part is unknown
    ("Bí thư Tỉnh ủy"), which the article's words say best."""
    text = nfc(role).strip()
    lowered = text.lower()
    title = max(
        (vi for vi in shown_titles() if lowered.startswith(vi) and not lowered[len(vi) : len(vi) + 1].isalnum()),
        key=len,
        default=None,
    )
    if title is None:
        return None
    gazetteer = Gazetteer.load()
    parts, last = [shown_titles()[title]], len(title)
    for mention in gazetteer.mentions(text):
        if mention.end <= len(title):
            continue  # the title names its office ("Thủ tướng"): the title says it
        if mention.start < last:
            return None  # a title that opens a body's name ("Chủ tịch nước"): not a title and its body
        aliases = gazetteer.entities[mention.entity_id].aliases_en
        if mention.kind not in (*_BODY_KINDS, "province") or not aliases or not _ROLE_JOINS.fullmatch(text[last : mention.start]):
            return None
        if mention.kind == "province":
            parts.append(f"of {aliases[0]}")  # a province goes by its first English name ("Hanoi")
        elif parts[-1].endswith("Minister") and (body := _full_english(aliases)).startswith("Ministry of "):
            parts.append(body.removeprefix("Ministry "))  # "Minister of Finance", not "of the Ministry of Finance"
        else:
            parts.append(f"of the {_full_english(aliases)}")
        last = mention.end
    rest = text[last:].strip(" .,").lower()
    if rest in _THE_LOCALITY and len(parts) > 1:
        parts.append(_THE_LOCALITY[rest])  # "Sở ... tỉnh": the province the article is about
        rest = ""
    return " ".join(parts) if not rest else None


def _full_english(aliases: tuple[str, ...]) -> str:
    """The English name a body is written out by: its first alias of several words that is no abbreviation or
    article-led form, else its first alias ("Department of Labour, Invalids and Social Affairs" of "DOLISA|Department
    of ..."), as a name is capitalised ("labour federation" -> "Labour Federation")."""
    spelt = [name for name in aliases if " " in name and not name.lower().startswith("the ") and not name.isupper()]
    name = (spelt or list(aliases))[0]
    return name.title() if name == name.lower() else name


_NAME_THEN_ROLE = re.compile(r"(?P<name>[^,–—:-]+?)\s*(?:[,–—:]|\s-)\s*(?P<role>.+)")


def _person_with_role(person: str) -> tuple[str, str, str] | None:
    """A person answer written name first then post ("Lê Thị Thêu – Giám đốc Sở ..."): the name, the post as the
    article writes it and in English; None when the post is not one role_in_english writes."""
    found = _NAME_THEN_ROLE.fullmatch(nfc(person).strip())
    if found is None:
        return None
    english = role_in_english(found["role"])
    return (found["name"], found["role"], english) if english else None


def place_in_english(text: str) -> str | None:
    """A place answer that is provinces and countries only, under their English names (the gazetteer's first
    English alias): "Đài Loan" -> "Taiwan", "Hàn Quốc và Nhật Bản" -> "South Korea and Japan"; None for anything
    else ("huyện Nam Đàn"), which the article's words say best."""
    text = nfc(text).strip()
    gazetteer = Gazetteer.load()
    out, last = [], 0
    for mention in gazetteer.mentions(text):
        english = gazetteer.entities[mention.entity_id].aliases_en
        between = text[last : mention.start]
        if mention.kind not in ("province", "country") or not english or not _JOINS.fullmatch(between):
            return None
        # the place as written, unaccented, when English writes it so ("Huế" is "Hue", not the whole province)
        written = next((alias for alias in english if alias.lower() == fold(mention.surface).lower()), english[0])
        out.append(_JOIN_WORD.sub("and", between) + written)
        last = mention.end
    return "".join(out) if out and not text[last:].strip(" .") else None


def shown_for(language: str, kind: str, extracted: str) -> str:
    """An answer's span as the answer text opens with it: in_reader_terms, capitalised."""
    shown = in_reader_terms(language, kind, extracted)
    return shown[:1].upper() + shown[1:]
