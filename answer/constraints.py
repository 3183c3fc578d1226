"""Year, period, place and name constraints: what a question pins down and what evidence is about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.vietnamese import UPPER, fold, nfc

# Vietnam's provinces and centrally-run cities, plus places often named in labour news (export markets).
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
    "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Huế", "Tiền Giang", "TP Hồ Chí Minh", "Hồ Chí Minh", "TP HCM", "TP.HCM", "TPHCM",
    "Sài Gòn", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hanoi", "Ho Chi Minh City",
    "Saigon", "Da Nang", "Hai Phong", "Can Tho",
)
COUNTRIES = (
    "Hàn Quốc", "Nhật Bản", "Đài Loan", "Trung Đông", "Trung Quốc", "Malaysia", "Singapore", "Thái Lan",
    "Lào", "Campuchia", "Ả Rập Xê Út", "Đức", "Úc", "Mỹ", "Hoa Kỳ", "Nga", "Rumani", "Ba Lan", "Séc",
    "Korea", "South Korea", "Japan", "Taiwan", "Middle East", "China", "Germany", "Australia", "Russia",
    "Romania", "Poland", "Saudi Arabia", "United States",
)
# English country names map to the Vietnamese ones the articles use.
_PLACE_ALIASES = {
    "korea": "han quoc", "south korea": "han quoc", "japan": "nhat ban", "taiwan": "dai loan",
    "middle east": "trung dong", "china": "trung quoc", "germany": "duc", "australia": "uc",
    "russia": "nga", "romania": "rumani", "poland": "ba lan", "saudi arabia": "a rap xe ut",
    "united states": "my", "hanoi": "ha noi", "ho chi minh city": "ho chi minh", "saigon": "ho chi minh",
    "tp hcm": "ho chi minh", "tp.hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh",
    "da nang": "da nang", "hai phong": "hai phong", "can tho": "can tho",
}
SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đinh", "đoàn", "trương", "lâm", "mai", "trịnh", "đào", "cao", "lương", "hà", "tạ", "lưu",
    "chu", "châu", "quách", "thái", "vương", "tô", "triệu", "la", "kiều", "văn", "tăng", "lại", "từ", "khúc",
    # less common ones that labour news names often (Tống Hải Nam, Doãn Mậu Diệp, Phùng Quang Thanh)
    "tống", "doãn", "phùng", "thân", "nghiêm", "mạc", "hứa", "tôn", "khổng", "lã", "lò", "bạch", "diệp",
    "đàm", "đậu", "giáp", "cù", "hầu", "khương", "lục", "mẫn", "nông", "bế", "thạch", "tiêu", "ninh", "âu",
}

_COMPARISON_BEFORE = re.compile(r"(so với|cùng kỳ|compared (?:with|to)|than)\s*(?:cùng kỳ\s*)?(?:năm\s*)?$", re.I)
_YEAR_RE = re.compile(r"(?<![\d/.,\-])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d/\-]|/[A-ZĐ])")
_PERIOD_RE = re.compile(
    r"(cuối năm|đầu năm|giữa năm|\d+ tháng đầu năm|\d+ tháng cuối năm|quý [IV1-4]+|tháng \d{1,2}|"
    r"end of|beginning of|first (?:half|quarter)|first \d+ months|quarter)",
    re.I,
)


def _years_in(text: str, *, drop_comparisons: bool) -> list[int]:
    """Four-digit years in text (ranges expanded), skipping document numbers and dd/mm/yyyy dates."""
    years: list[int] = []
    for match in _YEAR_RE.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if drop_comparisons and _COMPARISON_BEFORE.search(before):
            continue
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if last < first or last - first > 15:
            last = first
        years.extend(range(first, last + 1))
    return list(dict.fromkeys(years))


def question_years(question: str) -> tuple[tuple[int, ...], str | None]:
    """The years a question asks about ("năm 2022", "in 2021", "giai đoạn 2021-2025") and any period words."""
    text = nfc(question)
    years = _years_in(text, drop_comparisons=True)
    period = _PERIOD_RE.search(text)
    return tuple(years), period.group(1).lower() if period else None


def sentence_years(sentence: str) -> list[int]:
    """The years a sentence reports on: comparison years ("so với cùng kỳ năm 2019") are not its subject."""
    return _years_in(nfc(sentence), drop_comparisons=True)


@dataclass(frozen=True)
class EvidenceYears:
    """The years a piece of evidence is about and where that was read ("sentence", "context", "date")."""

    years: tuple[int, ...]
    level: str


@lru_cache(maxsize=8192)
def evidence_years(sentence: str, context: str = "", date: str | None = None) -> EvidenceYears:
    """Years of the sentence, else of the nearest earlier sentence of its context, else the article date."""
    own = sentence_years(sentence)
    if own:
        return EvidenceYears(tuple(own), "sentence")
    if context:
        pos = context.find(sentence)
        before = context[:pos] if pos >= 0 else context
        # the nearest earlier sentence that names a year sets the frame for this one
        for piece in reversed(re.split(r"(?<=[.!?…])\s+|\n+", before)):
            found = sentence_years(piece)
            if found:
                return EvidenceYears(tuple(found), "context")
        if pos < 0:
            found = sentence_years(context)
            if found:
                return EvidenceYears(tuple(found), "context")
    if date:
        match = re.match(r"((?:19|20)\d\d)", date)
        if match:
            year = int(match.group(1))
            # a report dated early in a year usually reviews the year before
            return EvidenceYears((year - 1, year), "date")
    return EvidenceYears((), "none")


def years_match(wanted: tuple[int, ...], evidence: EvidenceYears) -> bool | None:
    """True/False when the evidence is about (not) one of the wanted years; None when it cannot tell."""
    if not wanted:
        return True
    if not evidence.years:
        return None
    return any(y in evidence.years for y in wanted)


def _plain(text: str) -> str:
    return " " + re.sub(r"[^\w]+", " ", fold(nfc(text)).lower()).strip() + " "


def _marked(text: str) -> str:
    """_plain with the marks kept: the same words at the same offsets (NFC letters fold one to one)."""
    return " " + re.sub(r"[^\w]+", " ", nfc(text).lower()).strip() + " "


@lru_cache(maxsize=1)
def _marked_forms() -> dict[str, str]:
    """Each gazetteer place's unaccented key -> how Vietnamese writes it ("nhat ban" -> "nhật bản")."""
    forms: dict[str, str] = {}
    for place in PROVINCES + COUNTRIES:
        key, written = _plain(place).strip(), _marked(place).strip()
        if key not in forms or written != key:  # the Vietnamese spelling over an unaccented alias
            forms[key] = written
    return forms


def _names(plain: str, marked: str, key: str, place: str) -> bool:
    """Whether a text (its _plain and _marked forms) holds the place's unaccented key where it writes the place
    with the place's own marks or with none (typed unaccented): "diễn biến" folds to "dien bien" but is not
    Điện Biên, "cao bằng" is."""
    if len(plain) != len(marked):  # marks NFC could not compose: compare unaccented only
        return f" {key} " in plain
    own = _marked_forms().get(key, _marked(place).strip())
    start = plain.find(f" {key} ")
    while start >= 0:
        written = marked[start + 1 : start + 1 + len(key)]
        if written == own or written == fold(written):
            return True
        start = plain.find(f" {key} ", start + 1)
    return False


def place_key(place: str) -> str:
    """Comparable form of a place name (unaccented, English aliases mapped to Vietnamese)."""
    key = _plain(place).strip()
    return _PLACE_ALIASES.get(key, key)


def question_places(question: str) -> tuple[str, ...]:
    """Provinces, cities and countries a question names (diacritic-insensitive gazetteer match)."""
    plain, marked = _plain(question), _marked(question)
    found: list[str] = []
    for place in sorted(PROVINCES + COUNTRIES, key=len, reverse=True):
        key = _plain(place)
        if len(key.strip()) < 3:
            continue
        if key in plain and _names(plain, marked, key.strip(), place) and not any(key.strip() in _plain(f) for f in found):
            # an unaccented single-word match ("lao", "nga", "duc") is too ambiguous to trust
            if " " not in key.strip() and nfc(place) not in nfc(question):
                continue
            found.append(place)
    return tuple(found)


def mentions_place(place: str, text: str) -> bool:
    """Whether text names the place (diacritic-insensitive, English aliases allowed)."""
    key = place_key(place)
    own = _plain(place).strip()
    plain, marked = _plain(text), _marked(text)
    return _names(plain, marked, key, place) or (own != key and _names(plain, marked, own, place))


_NAME_RE = re.compile(rf"\b([{UPPER}]\w*(?:\s+[{UPPER}]\w*){{1,3}})")


def question_names(question: str) -> tuple[str, ...]:
    """Person names in a question: a Vietnamese surname followed by one to three capitalised syllables."""
    names: list[str] = []
    for match in _NAME_RE.finditer(nfc(question)):
        words = match.group(1).split()
        # the name starts at the first surname of the run ("Ông Nguyễn Văn A" -> "Nguyễn Văn A")
        for i, word in enumerate(words):
            if word.lower() in SURNAMES and len(words) - i >= 2:
                name = " ".join(words[i:])
                if not question_places(name):
                    names.append(name)
                break
    return tuple(names)


# A Vietnamese syllable: an onset, one vowel group, at most one final consonant (checked without marks, so
# "Long", "An", "Nam", "Đắk" are Vietnamese and "Ford", "Unilever", "Nestlé", "Lima" are not).
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnptk])?")
_CAPITALISED = re.compile(rf"(?<![\w.])([{UPPER}][\w'’&]*(?:\s+[{UPPER}][\w'’&]*)*)")


def is_vietnamese_syllable(word: str) -> bool:
    """Whether a word could be one Vietnamese syllable (its form, without marks)."""
    return bool(_VI_SYLLABLE.fullmatch(fold(word).lower()))


def question_foreign_names(question: str) -> tuple[str, ...]:
    """Foreign proper names in a Vietnamese question ("Unilever", "General Motors", "Nestlé"): capitalised
    words that cannot be Vietnamese syllables, run together; acronyms (ILO, BHXH) and numbers are left out.

    An English question is all such words ("Southern Power Corporation" names a Vietnamese company the
    articles call otherwise), so only a Vietnamese one is read: there, a brand or company keeps its own name.
    """
    names: list[str] = []
    for match in _CAPITALISED.finditer(nfc(question)):
        run: list[str] = []
        for word in [*match.group(1).split(), ""]:
            foreign = len(word) >= 3 and not word.isupper() and word.isalpha() and not is_vietnamese_syllable(word)
            if foreign:
                run.append(word)
            elif run:
                names.append(" ".join(run))
                run = []
    return tuple(dict.fromkeys(names))


def mentions_name(name: str, text: str) -> bool:
    """Whether text names the person (diacritic-insensitive)."""
    return _plain(name) in _plain(text)
