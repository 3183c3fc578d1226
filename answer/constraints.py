"""Year, period, place and name constraints: what a question pins down and what evidence is about."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from answer.knowledge.abbreviations import is_generic
from answer.knowledge.currency_words import currency_words
from answer.knowledge.english_words import is_english_word
from answer.knowledge.foreign_places import ForeignPlace, foreign_place
from answer.knowledge.gazetteer import EntityMention, Gazetteer
from answer.knowledge.matcher import HONORIFICS
from answer.knowledge.stopwords import stopwords
from ingest.vietnamese import UPPER, fold, is_vietnamese_syllable, nfc, plain_words

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
    "Saigon", "HCMC", "Da Nang", "Hai Phong", "Can Tho",
)


def _gazetteer_countries() -> tuple[str, ...]:
    """The other countries the gazetteer knows, by their Vietnamese name and every English one ("Triều Tiên", "North
    Korea", "DPRK"; "US", "American": "the US unemployment rate" is the United States'); Vietnam itself is where the
    news is written, no place a question narrows its fact to."""
    return tuple(
        name
        for entity in Gazetteer.load().entities.values()
        if entity.kind == "country" and entity.entity_id != "country.viet_nam"
        for name in (entity.name_vi, *entity.aliases_en)
    )


COUNTRIES = tuple(
    dict.fromkeys(
        (
            "Hàn Quốc", "Nhật Bản", "Đài Loan", "Trung Đông", "Trung Quốc", "Malaysia", "Singapore", "Thái Lan",
            "Lào", "Campuchia", "Ả Rập Xê Út", "Đức", "Úc", "Mỹ", "Hoa Kỳ", "Nga", "Rumani", "Ba Lan", "Séc",
            "Korea", "South Korea", "Japan", "Taiwan", "Middle East", "China", "Germany", "Australia", "Russia",
            "Romania", "Poland", "Saudi Arabia", "United States",
            *_gazetteer_countries(),
        )
    )
)
# Continents and world regions: a figure stated for one ("châu Á - Thái Bình Dương") is not another's ("châu Âu"). Only
# another region contradicts a region asked (a sentence about Germany says nothing against Europe).
REGIONS = (
    "châu Âu", "châu Á", "châu Phi", "châu Mỹ", "châu Đại Dương", "châu Á - Thái Bình Dương", "Đông Nam Á",
    "Mỹ Latinh", "Bắc Mỹ", "Europe", "Asia", "Africa", "Asia-Pacific", "Southeast Asia", "Latin America",
    "North America",
)
PLACES = PROVINCES + COUNTRIES + REGIONS


def place_kind(place: str) -> tuple[str, ...]:
    """The table a place belongs to (PROVINCES, COUNTRIES or REGIONS): only a place of its kind contradicts it."""
    return PROVINCES if place in PROVINCES else REGIONS if place in REGIONS else COUNTRIES
# English country names map to the Vietnamese ones the articles use.
_PLACE_ALIASES = {
    "korea": "han quoc", "south korea": "han quoc", "japan": "nhat ban", "taiwan": "dai loan",
    "middle east": "trung dong", "china": "trung quoc", "germany": "duc", "australia": "uc",
    "russia": "nga", "romania": "rumani", "poland": "ba lan", "saudi arabia": "a rap xe ut",
    "united states": "my", "hanoi": "ha noi", "ho chi minh city": "ho chi minh", "saigon": "ho chi minh",
    "tp hcm": "ho chi minh", "hcmc": "ho chi minh", "tp.hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh",
    "da nang": "da nang", "hai phong": "hai phong", "can tho": "can tho",
    "europe": "chau au", "asia": "chau a", "africa": "chau phi", "asia pacific": "chau a thai binh duong",
    "southeast asia": "dong nam a", "latin america": "my latinh", "north america": "bac my",
}
SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đinh", "đoàn", "trương", "lâm", "mai", "trịnh", "đào", "cao", "lương", "hà", "tạ", "lưu",
    "chu", "châu", "quách", "thái", "vương", "tô", "triệu", "la", "kiều", "văn", "tăng", "lại", "từ", "khúc",
    # less common ones that labour news names often (Tống Hải Nam, Doãn Mậu Diệp, Phùng Quang Thanh)
    "tống", "doãn", "phùng", "thân", "nghiêm", "mạc", "hứa", "tôn", "khổng", "lã", "lò", "bạch", "diệp",
    "đàm", "đậu", "giáp", "cù", "hầu", "khương", "lục", "mẫn", "nông", "bế", "thạch", "tiêu", "ninh", "âu",
}

# "so với năm 2016", "so với tháng 12 năm 2016", "tương đương con số của năm 2016", "bằng năm 2016": the year a figure
# is measured against
_COMPARISON_BEFORE = re.compile(
    r"(so với|cùng kỳ|compared (?:with|to)|than|(?:tương đương|bằng)(?: với)?(?: con số| mức)?(?: của)?)\s*(?:cùng kỳ\s*)?"
    r"(?:(?:tháng|quý)\s+(?:\d{1,2}|I{1,3}|IV)\s+)?(?:năm\s*)?$",
    re.I,
)
# "(tăng) từ 23 triệu đồng/tháng năm 2015 lên ...", "from 23 million in 2015 to ...": a figure's year that a change
# starts from, whose result the sentence states for another
_BASE_BEFORE = re.compile(r"(?<!\w)(?:từ|from)\s+(?:mức\s+)?\d[\d.,]*[^\d;:]{0,30}?\s(?:năm|in)\s*$", re.I)
_RISE_AFTER = re.compile(r"\s*,?\s*(?:(?:tăng\s+)?lên|(?:giảm\s+)?xuống(?:\s+còn)?|còn|to)\s+(?:mức\s+|khoảng\s+|gần\s+|hơn\s+)?\d")
_YEAR_RE = re.compile(r"(?<![\d/.,\-])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d/\-]|/[A-ZĐ])")
_FULL_DATE_YEAR = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]((?:19|20)\d\d)(?![\d/])")
# "tháng 1/2017", "quý I/2017", "6-2017", "tháng 10.2007": a month or quarter of a year (a document's
# "05/2015/TT-BLĐTBXH" goes on; four digits after a dot are no thousands group, which has three)
_MONTH_YEAR = re.compile(r"(?<![\d/.,\-])(0?[1-9]|1[0-2]|I{1,3}|IV)(?:\s*[/\-]\s*|\.)((?:19|20)\d\d)(?![\d/\-.,]\d|[\d/\-])")
# "Nguyễn Bá Nhu (SN 1966)", "sinh năm 1976", "born in 1990": a person's birth year dates no fact ("tuyển sinh năm
# 2017" is an intake year, and does)
_BIRTH_BEFORE = re.compile(r"(?<!\w)(?<!tuyển )(?:SN|[Ss]inh(?:\s+(?:năm|ngày))?|[Nn]gày\s+sinh:?|born(?:\s+(?:in|on))?)\s*$")
_DOCUMENT_BEFORE = re.compile(
    r"(?:quyết định|nghị định|nghị quyết|thông tư|chỉ thị|công văn|decision|decree|resolution|circular|directive)"
    r"(?:\s+(?:số|no\.?))?\s*$",
    re.IGNORECASE,
)
_PERIOD_RE = re.compile(
    r"(cuối năm|đầu năm|giữa năm|\d+ tháng đầu năm|\d+ tháng cuối năm|quý [IV1-4]+|tháng \d{1,2}|"
    r"end of|beginning of|first (?:half|quarter)|first \d+ months|quarter)",
    re.I,
)


# The lunar year's name ("Tết Mậu Tuất", "Xuân Đinh Dậu"): a heavenly stem and an earthly branch, which repeat every
# 60 years. Read as the year of that name in _LUNAR_WINDOW (the press names the coming or a recent Tết this way);
# a name followed by its own year ("Tết Mậu Thân 1968") is read by that year instead.
_STEMS = ("canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ")  # year % 10
_BRANCHES = ("thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi")  # year % 12
_BRANCH_ALIASES = {"mẹo": "mão", "tị": "tỵ", "tí": "tý"}
_LUNAR_WINDOW = range(1984, 2044)  # Giáp Tý 1984 to Quý Hợi 2043
_LUNAR_YEAR = re.compile(
    rf"(?<!\w)(?:tết|xuân|năm)\s+(?:nguyên\s+đán\s+)?({'|'.join(_STEMS)})\s+({'|'.join((*_BRANCHES, *_BRANCH_ALIASES))})(?!\w)(?!\s*,?\s*(?:19|20)\d\d)",
    re.I,
)


def lunar_year(stem: str, branch: str) -> int:
    """The year in _LUNAR_WINDOW that a stem and a branch name ("mậu", "tuất" -> 2018)."""
    branch = _BRANCH_ALIASES.get(branch.lower(), branch.lower())
    s, b = _STEMS.index(stem.lower()), _BRANCHES.index(branch)
    return next(y for y in _LUNAR_WINDOW if y % 10 == s and y % 12 == b)


# "Từ năm 2010, Cty đã tổ chức ...": the year something began, which does not date what the sentence says (it goes on
# to this day) unless the sentence also says until when
_SINCE_BEFORE = re.compile(r"(?<!\w)(?:từ|kể từ|since)\s+(?:năm\s+)?$", re.I)
_UNTIL_AFTER = re.compile(r"^\s*(?:đến|tới|to|until|through)(?!\w)", re.I)


# a question about a birth ("sinh năm nào", "năm sinh", "when was he born") is answered by a birth year
_ASKS_BIRTH = re.compile(r"(?<!\w)(?:(?:năm|ngày)\s+sinh|sinh\s+(?:năm|ngày|ra|vào|khi|lúc)|born|birth)(?!\w)", re.I)


# a question about a death ("mất năm nào", "qua đời khi nào", "when did he die") and the words that state one
_ASKS_DEATH = re.compile(
    r"(?<!\w)(?:(?:mất|qua đời|từ trần|tạ thế|hy sinh|tử vong)\s+(?:năm|ngày|khi|lúc|vào|hồi|ở|tại)|"
    r"(?:năm|ngày)\s+(?:mất|qua đời|từ trần)|(?:date|year|place) of (?:his |her |their )?death|"
    r"(?:when|where|which year|what year)\b.*\b(?:die|died|pass(?:ed)? away))(?!\w)",
    re.I,
)
_STATES_DEATH = re.compile(r"(?<!\w)(?:mất|qua đời|từ trần|tạ thế|hy sinh|tử vong|chết|died|death)(?!\w)", re.I)


def asks_death(question: str) -> bool:
    """Whether a question asks when or where someone died, which only a sentence that tells a death answers."""
    return bool(_ASKS_DEATH.search(nfc(question)))


def states_death(sentence: str) -> bool:
    """Whether a sentence tells of a death (the year or place of something else answers no question about one)."""
    return bool(_STATES_DEATH.search(sentence))


# a birth told: "sinh ngày 7/7/1917", "sinh năm 1980", "sinh ra tại", "(SN 1987)", "born in"; not "sinh sống" (lives)
_STATES_BIRTH = re.compile(r"(?<!\w)(?:sinh\s+(?:ngày|năm|ra|tại|ở|vào|trong|\d+)|SN\s*\d+|năm\s+sinh|quê\s+(?:ở|tại|gốc)|born)(?!\w)", re.I)


def states_birth(sentence: str) -> bool:
    """Whether a sentence tells of a birth: the place someone lives ("sinh sống tại Lào") is not where he was born."""
    return bool(_STATES_BIRTH.search(sentence))


def tells_the_asked_life_event(question: str, sentence: str) -> bool:
    """False when the question asks about a birth or a death and the sentence tells of none."""
    if asks_death(question) and not states_death(sentence):
        return False
    return not (asks_birth(question) and not states_birth(sentence))


def is_birth_year(sentence: str, start: int) -> bool:
    """Whether the year or day at `start` is a person's birth's ("Phạm Trung Hiếu (SN 1987)", "sinh năm 1976", "bà
    Nguyễn Thị Huyền, sinh ngày 11/6/1989")."""
    return bool(_BIRTH_BEFORE.search(sentence[max(0, start - 25) : start]))


def asks_birth(question: str) -> bool:
    """Whether a question asks about someone's birth, which only a birth year answers."""
    return bool(_ASKS_BIRTH.search(nfc(question)))


def _years_in(text: str, *, drop_comparisons: bool, drop_starts: bool = False) -> list[int]:
    """Four-digit years in text (ranges expanded), skipping document numbers and dd/mm/yyyy dates."""
    years: list[int] = []
    for match in _YEAR_RE.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if drop_comparisons:
            leading = text[max(0, match.start() - 40) : match.start()]
            if _COMPARISON_BEFORE.search(leading):
                continue
            if _BASE_BEFORE.search(leading) and _RISE_AFTER.match(text, match.end()):
                continue  # "tăng từ 23 triệu đồng/tháng năm 2015 lên 25,5 triệu đồng/tháng": the base figure's year
        if drop_starts and not match.group(2) and _SINCE_BEFORE.search(before) and not _UNTIL_AFTER.match(text[match.end() :]):
            continue
        if _DOCUMENT_BEFORE.search(before):
            continue  # "Quyết định 2085", "Decision No. 2085": a document's number, not a year
        if not match.group(2) and _BIRTH_BEFORE.search(before):
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
    period = _PERIOD_RE.search(text)
    return tuple(sentence_years(text, starts=True)), period.group(1).lower() if period else None


def sentence_years(sentence: str, *, starts: bool = False) -> list[int]:
    """The years a sentence (or question) reports on: comparison years ("so với cùng kỳ năm 2019") are not its
    subject, nor, unless `starts` (a question's "từ năm 2018" asks about it), a year something began in ("từ năm
    2010, ..."); a full date's year is ("từ ngày 1/7/2018"). Years in brackets qualify the word before them ("Quyết
    định 50/2016 của Thủ tướng Chính phủ (giai đoạn 2016 - 2020)"): they count only when no year stands outside."""
    text = nfc(sentence)
    outside = _BRACKETED.sub(" ", text)
    if outside != text:
        years = _sentence_years(outside, starts)
        if years:
            return years
    return _sentence_years(text, starts)


_BRACKETED = re.compile(r"\([^()]*\)")


def _sentence_years(text: str, starts: bool) -> list[int]:
    years = _years_in(text, drop_comparisons=True, drop_starts=not starts)
    years += [int(y) for y in _FULL_DATE_YEAR.findall(text) if int(y) not in years]
    years += [y for y in (lunar_year(*m.groups()) for m in _LUNAR_YEAR.finditer(text)) if y not in years]
    for match in _MONTH_YEAR.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if _DOCUMENT_BEFORE.search(before) or _COMPARISON_BEFORE.search(re.sub(r"(?:tháng|quý)\s*$", "", before, flags=re.I)):
            continue  # "Thông tư 23/2015": a document's number; "so với tháng 6/2016": a comparison
        if not starts and _begins_in(text, match):
            continue  # "cao nhất trong 9 năm kể từ tháng 3/2008": a beginning, as "từ năm 2008" is
        year = int(match.group(2))
        if year not in years:
            years.append(year)
    return years


# "kể từ tháng 3/2008", "since March 2008": a month something is measured since (a plain "từ tháng 7/2019" is when a
# rule applies from, dated as a day is: "từ ngày 1/7/2019")
_SINCE_MONTH_BEFORE = re.compile(r"(?<!\w)(?:kể từ|since)\s+(?:tháng|quý)?\s*$", re.I)


def _begins_in(text: str, month: re.Match[str]) -> bool:
    """Whether a month of a year is one something is measured since ("cao nhất trong 9 năm kể từ tháng 3/2008"), not a
    period that runs to another ("kể từ tháng 1/2017 đến nay")."""
    before = text[max(0, month.start() - 25) : month.start()]
    return _SINCE_MONTH_BEFORE.search(before) is not None and not _UNTIL_AFTER.match(text[month.end() :])


@dataclass(frozen=True)
class EvidenceYears:
    """The years a piece of evidence is about and where that was read ("sentence", "context", "date"; the answerer
    adds "lead" and "article")."""

    years: tuple[int, ...]
    level: str


# a question about when or with what something began ("bắt đầu làm tổ thêu năm 1996 với bao nhiêu vốn", "Since
# 2011, how much ...") asks about the year it began in, which its evidence states as a beginning ("Khởi nghiệp từ
# năm 1996 với số vốn ...")
_ASKS_A_BEGINNING = re.compile(
    r"(?<!\w)(?:bắt đầu|khởi nghiệp|khởi đầu|khởi sự|từ năm|kể từ|since|began|begun|begin|started|start)(?!\w)", re.I
)


def asks_a_beginning(question: str) -> bool:
    """Whether a question asks about when or with what something began ("bắt đầu ...", "Since 2011, ...")."""
    return _ASKS_A_BEGINNING.search(question) is not None


def begun_years(asked: Collection[int], sentence: str) -> tuple[int, ...]:
    """The asked years (question_years of a question that asks_a_beginning) a sentence says something began in: the
    sentence states them as its own, though a beginning is otherwise no year a sentence reports on."""
    return tuple(y for y in _start_years(sentence) if y in asked)


def _start_years(sentence: str) -> list[int]:
    """The years a sentence says something begins in ("từ năm 2019"), which sentence_years leaves out."""
    text = nfc(sentence)
    kept = set(_years_in(text, drop_comparisons=True, drop_starts=True))
    started = [y for y in _years_in(text, drop_comparisons=True) if y not in kept]
    months = [int(m.group(2)) for m in _MONTH_YEAR.finditer(text) if _begins_in(text, m)]
    return [*started, *(y for y in dict.fromkeys(months) if y not in started and y not in kept)]


@lru_cache(maxsize=8192)
def evidence_years(sentence: str, context: str = "", date: str | None = None) -> EvidenceYears:
    """Years of the sentence, else of the nearest earlier sentence of its context, else the article date (but see
    planned_or)."""
    own = sentence_years(sentence)
    if own:
        return EvidenceYears(tuple(own), "sentence")
    return planned_or(sentence, _framing_years(sentence, context, date))


def reported_in(sentence: str, context: str = "", date: str | None = None) -> EvidenceYears | None:
    """The years a sentence is reported in when every year it names is later than they are: a plan or forecast told
    at an event of those years ("năm 2018 mức đóng BHYT vẫn giữ nguyên song từ năm 2019 ..." said at a conference of
    15/5/2017). None when it names an earlier or the same year, none, or nothing frames it."""
    own = sentence_years(sentence)
    if not own:
        return None
    frame = _framing_years(sentence, context, date)
    if not frame.years or min(own) <= max(frame.years):
        return None
    return frame


def planned_or(sentence: str, frame: EvidenceYears) -> EvidenceYears:
    """The years a sentence that names no year of its own inherits (frame: its context's, article date's, lead's),
    unless it says something begins in a year after all of them: a beginning still to come is a plan for that year
    ("Dự kiến từ năm 2019 sẽ tăng mức đóng BHYT" in a 2018 report is about 2019, not 2018)."""
    if not frame.years:
        return frame  # nothing inherited: no need to read the sentence's beginnings
    starts = _start_years(sentence)
    if starts and min(starts) > max(frame.years):
        return EvidenceYears(tuple(starts), "sentence")
    return frame


def _framing_years(sentence: str, context: str, date: str | None) -> EvidenceYears:
    """The years a sentence that names none inherits: its context's nearest earlier year, else its article's date."""
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


def _marked(text: str) -> str:
    """plain_words with the marks kept: the same words at the same offsets (NFC letters fold one to one)."""
    return " " + re.sub(r"[^\w]+", " ", nfc(text).lower()).strip() + " "


@lru_cache(maxsize=1)
def _marked_forms() -> dict[str, str]:
    """Each gazetteer place's unaccented key -> how Vietnamese writes it ("nhat ban" -> "nhật bản")."""
    forms: dict[str, str] = {}
    for place in PLACES:
        key, written = plain_words(place).strip(), _marked(place).strip()
        if key not in forms or written != key:  # the Vietnamese spelling over an unaccented alias
            forms[key] = written
    return forms


def _names(plain: str, marked: str, key: str, place: str) -> bool:
    """Whether a text (its plain_words and _marked forms) holds the place's unaccented key where it writes the place
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
    key = plain_words(place).strip()
    return _PLACE_ALIASES.get(key, key)


def question_places(question: str) -> tuple[str, ...]:
    """Provinces, cities and countries a question names (diacritic-insensitive gazetteer match)."""
    return _places_named(question, gazetteer_reads=True)


def _places_named(question: str, *, gazetteer_reads: bool) -> tuple[str, ...]:
    """question_places; gazetteer_reads: a place of several words must also be read by the gazetteer there (else
    the tables' match is enough: "Thái Bình Dương" writes a place name, whatever it names)."""
    plain, marked = plain_words(question), _marked(question)
    outside: tuple[str, str] | None = None  # the question without its bodies' names, read once if a region matches
    guarded: set[str] | None = None  # the words the gazetteer reads as names (its name guards applied), read once if needed
    found: list[str] = []
    for place in sorted(PLACES, key=len, reverse=True):
        key = plain_words(place)
        if len(key.strip()) < 3 and nfc(place) not in nfc(question):
            continue  # "my", "uc" unaccented are other words; "Mỹ", "Úc" as written are countries (guarded below)
        if key in plain and _names(plain, marked, key.strip(), place) and not any(key.strip() in plain_words(f) for f in found):
            # an unaccented single-word match ("lao", "nga", "duc") is too ambiguous to trust
            if " " not in key.strip() and nfc(place) not in nfc(question):
                continue
            if " " not in key.strip():
                guarded = guarded if guarded is not None else _gazetteer_surfaces(question)
                if nfc(place) not in guarded:
                    continue  # "Đức" of the district "Mỹ Đức", "Nga" of "anh Nga": the gazetteer's name guards refuse it
            if _only_inside_names(nfc(question), nfc(place)):
                continue
            if gazetteer_reads and " " in key.strip() and not _gazetteer_reads(question, place):
                continue  # "Thái Bình" of "Thái Bình Dương": the gazetteer's blockers read another name there
            if place in REGIONS:
                outside = outside or _outside_bodies(question)
                if not _names(*outside, key.strip(), place):
                    continue  # "Liên minh châu Âu", "Ngân hàng Phát triển châu Á": a body, not the region
            found.append(place)
    return tuple(found)


def _gazetteer_reads(text: str, place: str) -> bool:
    """Whether the gazetteer reads a place in a text where the tables match its name; True for a place it has no
    province or country for (a region: "châu Á - Thái Bình Dương")."""
    ids = place_entity_ids(place)
    return not ids or any(m.entity_id in ids for m in gazetteer_mentions(text))


def _gazetteer_surfaces(question: str) -> set[str]:
    """The names the gazetteer's matcher reads in a question, as written: it refuses a one-syllable name next to
    another capitalised syllable or after an honorific."""
    return {m.surface for m in Gazetteer.load().mentions(nfc(question))}


def _outside_bodies(text: str) -> tuple[str, str]:
    """plain_words and _marked of a text whose organisations (gazetteer) are blanked out."""
    text = nfc(text)
    for m in Gazetteer.load().mentions(text):
        if m.kind == "organisation":
            text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    return plain_words(text), _marked(text)


# The capitalised words right before a point ("Phó Thủ tướng Vũ " before "Đức Đam"); punctuation ends them.
_CAPITALISED_BEFORE = re.compile(rf"(?:[{UPPER}]\w*\s+)+$")


def inside_name(text: str, start: int) -> bool:
    """Whether a place word at start continues a person's name a surname opened, or is a name an honorific calls
    someone by: "Đức" of "Phó Thủ tướng Vũ Đức Đam", "Nga" of "bà Nguyễn Thị Nga", "Hà Lan" of "chị Hà Lan"; not "Hà
    Nội" of "UBND Hà Nội", "Đức" of "sang Đức" or "Úc" of "châu Úc"."""
    called = text[max(0, start - 12) : start].split()[-1:]
    if called and called[0].lower() in HONORIFICS - {"châu"}:
        return True
    run = _CAPITALISED_BEFORE.search(text[max(0, start - 40) : start])
    return run is not None and any(word.lower() in SURNAMES for word in run.group(0).split())


def _only_inside_names(text: str, place: str) -> bool:
    """Whether every time a text writes a place it is inside a person's name (inside_name) or a currency's ("in US
    dollars", "đô la Singapore"); False if it never does."""
    found = list(re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", text))
    return bool(found) and all(inside_name(text, m.start()) or _names_a_currency(text, m) for m in found)


_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|cents?)\b", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:đô\s?la|dollars?)\s+$", re.IGNORECASE)


def _names_a_currency(text: str, place: re.Match[str]) -> bool:
    """Whether a place's name is part of a currency's ("US dollars", "đô la Mỹ"), which names no place asked about."""
    return bool(_CURRENCY_AFTER.match(text, place.end()) or _CURRENCY_BEFORE.search(text[max(0, place.start() - 12) : place.start()]))


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each place key -> every (unaccented form, place) the tables write it as ("ho chi minh" -> TP.HCM, TPHCM,
    HCMC, Sài Gòn, ...)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for place in PLACES:
        out.setdefault(place_key(place), []).append((plain_words(place).strip(), place))
    return {key: tuple(dict.fromkeys(forms)) for key, forms in out.items()}


def mentions_place(place: str, text: str) -> bool:
    """Whether text names the place in any of its spellings (diacritic-insensitive, English aliases allowed):
    "TP.HCM" names Ho Chi Minh City."""
    key = place_key(place)
    plain, marked = plain_words(text), _marked(text)
    forms = ((key, place), (plain_words(place).strip(), place), *_spellings().get(key, ()))
    ids = place_entity_ids(place)
    # a one-word name the gazetteer knows is left to it: it reads "Đức" in "Thủ Đức" or "anh Minh Đức" as no Germany
    if any(_names(plain, marked, form, spelt) for form, spelt in forms if not (ids and " " not in form)):
        return True
    # any other name the gazetteer knows it by ("Nhật" for Japan, "Ma-lai-xi-a" for Malaysia)
    return bool(ids) and any(m.entity_id in ids for m in gazetteer_mentions(text))


@lru_cache(maxsize=1024)
def place_entity_ids(place: str) -> frozenset[str]:
    """The gazetteer ids of the provinces and countries a place name reads as ("Japan", "Nhật Bản": country.japan)."""
    return frozenset(m.entity_id for m in Gazetteer.load().mentions(nfc(place)) if m.kind in ("province", "country"))


@lru_cache(maxsize=8192)
def gazetteer_mentions(text: str) -> tuple[EntityMention, ...]:
    """The gazetteer's mentions in a text (NFC offsets), read once per text: evidence is read for many pins."""
    return tuple(Gazetteer.load().mentions(nfc(text)))


_NAME_RE = re.compile(rf"\b([{UPPER}]\w*(?:\s+[{UPPER}]\w*){{1,3}})")


def is_lunar_year(words: list[str]) -> bool:
    """Whether two syllables are a year of the sexagenary cycle: "Đinh Dậu", "Mậu Tuất" name a lunar year ("Tết
    Đinh Dậu"), never a person, though "Đinh" is a surname."""
    if len(words) != 2:
        return False
    branch = words[1].lower()
    return words[0].lower() in _STEMS and _BRANCH_ALIASES.get(branch, branch) in _BRANCHES


# The levels a Youth Union ("Đoàn") is named by before it: "Tỉnh Đoàn", "Thị Đoàn", "Huyện Đoàn"
_YOUTH_UNION_LEVELS = frozenset({"tỉnh", "thành", "thị", "huyện", "quận"})


def question_names(question: str) -> tuple[str, ...]:
    """Person names in a question: a Vietnamese surname followed by one to three capitalised syllables. An acronym
    ends a run of capitalised words: "Đoàn ĐBQH tỉnh Sơn La", "Đoàn TNCS" name bodies, not a person called Đoàn."""
    names: list[str] = []
    # a district's or commune's name is no person's ("quận Nam Từ Liêm" holds no "Từ Liêm")
    local = [f" {loc.name} " for loc in localities(question)]
    for match in _NAME_RE.finditer(_ACRONYM_WORD.sub(",", nfc(question))):
        words = match.group(1).split()
        # the name starts at the first surname of the run ("Ông Nguyễn Văn A" -> "Nguyễn Văn A")
        for i, word in enumerate(words):
            if i and word.lower() == "đoàn" and words[i - 1].lower() in _YOUTH_UNION_LEVELS:
                continue  # "Thị Đoàn Đông Triều", "Huyện Đoàn Hải Hà": a Youth Union, no one called Đoàn
            if word.lower() in SURNAMES and len(words) - i >= 2:
                name = " ".join(words[i:])
                # a place's name is no person's, even where it names something else ("Thái Bình Dương"), nor is a
                # run that goes on in English ("Quang Ninh People's Committee" holds no "Ninh People")
                if (
                    not _places_named(name, gazetteer_reads=False)
                    and not any(f" {name} " in place for place in local)
                    and not is_lunar_year(words[i:])
                    and all(is_vietnamese_syllable(w) for w in words[i:])
                ):
                    names.append(name)
                break
    return tuple(names)


_CAPITALISED = re.compile(rf"(?<![\w.])([{UPPER}][\w'’&]*(?:\s+[{UPPER}][\w'’&]*)*)")


def question_foreign_names(question: str) -> tuple[str, ...]:
    """Foreign proper names in a Vietnamese question ("Unilever", "General Motors", "Nestlé"): capitalised
    words that cannot be Vietnamese syllables, run together with the capitalised syllables right after them ("Jack
    Ma"); acronyms (ILO, BHXH) and numbers are left out.

    An English question is all such words ("Southern Power Corporation" names a Vietnamese company the
    articles call otherwise), so only a Vietnamese one is read: there, a brand or company keeps its own name.
    """
    names: list[str] = []
    text = nfc(question).strip()
    read = gazetteer_mentions(text)
    for match in _CAPITALISED.finditer(text):
        run: list[str] = []
        run_start = match.start()
        words = [(match.start() + w.start(), w.group()) for w in re.finditer(r"\S+", match.group(1))]
        for i, (start, word) in enumerate([*words, (match.end(), "")]):
            foreign = len(word) >= 3 and not word.isupper() and word.isalpha() and not is_vietnamese_syllable(word)
            if foreign or (run and word and _continues_foreign_name(word, start, read)):
                if len(run) == 1 and any(m.kind == "country" and m.start <= run_start < m.end for m in read):
                    run = []  # a country named before a name is where the person is from ("Thủ tướng Canada Justin Trudeau")
                if not run:
                    run_start = start
                run.append(word)
            elif run:
                opening = match.start() == 0 and i == 1  # the question's first word, alone in its run
                if not (opening and run[0].lower() in stopwords().en):
                    names.append(" ".join(run))  # "How many lao động ..." opens with an English word, no name
                run = []
    return tuple(dict.fromkeys(names))


def _continues_foreign_name(word: str, start: int, read: Sequence[EntityMention]) -> bool:
    """Whether a capitalised word right after a foreign one is more of its name ("Ma" of "Jack Ma"): not an acronym,
    a surname opening a Vietnamese person's name, nor a place or body the gazetteer reads there ("Unilever Việt
    Nam")."""
    return not word.isupper() and word.lower() not in SURNAMES and not any(m.start <= start < m.end for m in read)


_HOME_COUNTRY = {"vietnam", "vietnamese", "viet"}


# months and weekdays as English writes them short ("Feb 2", "Sept 30", "Wed"), which no word list holds
_CALENDAR_SHORT_FORMS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)
# a company's legal form and a person's title as English writes them short ("Co., Ltd", "Mrs Lan"): no name either
_SHORT_FORMS = frozenset("ltd co corp inc plc llc mr mrs ms dr prof assoc dept gov".split())


def question_english_names(question: str) -> tuple[str, ...]:
    """Names an English question writes that no table reads: title-case words that are neither Vietnamese
    syllables typed without marks ("Dung Quat", "Hoa Phat") nor common English words ("State Audit", "Southern
    Power Corporation", "June"): "Kuwait", "Viettel", "Samsung", "Somali". The question's first word is left out
    (capitalised anyway), and so are acronyms (question_acronyms reads them)."""
    text = nfc(question).strip()
    names: list[str] = []
    last_end = -2
    for match in re.finditer(r"(?<![\w.'’-])([A-Z][a-z]+)(?:['’]s?)?(?![\w-])", text):
        word = match.group(1)
        if match.start() == 0 or len(word) < 3 or is_vietnamese_syllable(word) or is_english_word(word):
            continue
        if word.lower() in _CALENDAR_SHORT_FORMS or word.lower() in _SHORT_FORMS:
            continue  # "between Feb 2 and Feb 8": a date; "Co., Ltd", "Mrs": a company's form, a title
        if word.lower() in _HOME_COUNTRY or re.search(r"(?:ese|eans?|ians?|ish)$", word):
            # every article is about Vietnam, and few say so where the figure is; "Korean", "Japanese" qualify
            # (a language, a company) more often than they name the country
            continue
        if names and text[last_end : match.start()] == " ":
            names[-1] = f"{names[-1]} {word}"  # one name of several words ("Tammy Lewis"), as a person's is
        else:
            names.append(word)
        last_end = match.start() + len(word)
    return tuple(dict.fromkeys(names))


def question_unmarked_names(question: str) -> tuple[str, ...]:
    """Vietnamese names an English question writes without marks: runs of two or more capitalised words that
    could each be one Vietnamese syllable ("Nhat Huy Khang", "Dung Quat", "Viet Tri"). The question's first word is
    left out, as question_english_names does ("In Long An ..."); places are among them (the caller drops those
    its tables read)."""
    text = nfc(question).strip()
    names: list[str] = []
    # a possessive ends the name ("Pham Van Hoan's farm")
    for match in re.finditer(r"(?<![\w.'’-])[A-Z][a-z]*(?:[ \t]+[A-Z][a-z]*)+(?=['’]s\b|(?![\w'’-]))", text):
        words = match.group(0).split()
        if match.start() == 0:
            words = words[1:]
        run: list[str] = []
        for word in [*words, ""]:
            if word and is_vietnamese_syllable(word):
                run.append(word)
                continue
            if len(run) >= 2:
                names.append(" ".join(run))
            run = []
    return tuple(dict.fromkeys(names))


def mentions_english_name(name: str, text: str) -> bool:
    """Whether text names what an English question calls it: the name as written, or begun ("Somali" pirates,
    "Somalia" in the article), diacritic-insensitive, or the gazetteer's Vietnamese name for it ("Cô-oét")."""
    if plain_words(name).rstrip() in plain_words(text):
        return True
    place = foreign_place(name)
    if place is not None:
        # a foreign city or region by the press's Vietnamese form ("Mát-xcơ-va", "châu Á"), or a city by its country
        return names_foreign_place(place, text)
    named = entities_named(name)
    parts = name.split()
    if not named and len(parts) > 1 and not any(is_vietnamese_syllable(p) for p in parts):
        # a foreign name of several words is named when each of them is ("Tammy" in the lead, "Lewis" at the fact);
        # not a Vietnamese one typed without marks, whose syllables ("Huong", "Hoa") stand in many other names
        return all(mentions_english_name(part, text) for part in parts)
    if not named and len(name) > 4 and name.endswith("i") and " " not in name:
        # a people named after its country ("Yemeni", "Kuwaiti", "Iraqi"): the country names it
        country = name[:-1]
        if f" {plain_words(country).strip()} " in plain_words(text):
            return True
        named = entities_named(country)
    return bool(named) and any(m.entity_id in named for m in gazetteer_mentions(text))


def names_foreign_place(place: ForeignPlace, text: str) -> bool:
    """Whether text names a foreign city or region by one of its Vietnamese forms, or a city by its country."""
    if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", nfc(text), re.IGNORECASE) for form in place.vietnamese):
        return True
    return place.country is not None and any(m.entity_id == place.country for m in gazetteer_mentions(text))


def reads_entity(name: str) -> bool:
    """Whether the gazetteer reads a name as one of its places, countries or bodies ("Ho Chi Minh", "Long An")."""
    return bool(entities_named(name))


@lru_cache(maxsize=256)
def entities_named(name: str) -> frozenset[str]:
    """The gazetteer entities a name stands for (read once per name, not once per piece of evidence)."""
    return frozenset(m.entity_id for m in Gazetteer.load().mentions(name))


def mentions_name(name: str, text: str) -> bool:
    """Whether text names the person (diacritic-insensitive)."""
    return plain_words(name) in plain_words(text)


# Administrative units below a province, by level: a district's figure is never another district's.
_LOCAL_LEVELS = {
    "huyện": "district", "quận": "district", "thị xã": "district", "district": "district", "town": "district",
    "xã": "commune", "phường": "commune", "thị trấn": "commune", "commune": "commune", "ward": "commune",
}
_LOCAL_NAME = rf"(?:[{UPPER}][\w'’]*(?:[ \t]+[{UPPER}][\w'’]*){{0,3}}|\d{{1,2}}(?!\w))"
_LOCAL_BEFORE = re.compile(rf"(?<!\w)(?i:(huyện|quận|thị xã|thị trấn|xã|phường))[ \t]+({_LOCAL_NAME})")
_LOCAL_AFTER = re.compile(rf"(?<![\w'’])({_LOCAL_NAME})[ \t]+(district|commune|ward|town)\b")
# Ho Chi Minh City's numbered districts and wards in English: "District 3", "Ward 12"
_NUMBERED_LOCAL = re.compile(r"(?<![\w'’])(?i:(district|ward))[ \t]+(\d{1,2})(?!\w)")
# English words capitalised at a clause's start, never a place's first syllable: "Which district ...", "In Hoa Thanh
# commune ..." name no district "Which" and no commune "In Hoa Thanh" ("An", "Long", "Tan" are place syllables)
_ENGLISH_LEAD_WORDS = frozenset(
    "which what whose where how when who in on at of for from the to by under did does do is was were and".split()
)


@dataclass(frozen=True)
class Locality:
    """A district or commune a text names by its level word: "huyện Quỳnh Lưu", "Quynh Luu district"."""

    level: str  # "district" or "commune"
    name: str


def localities(text: str) -> tuple[Locality, ...]:
    """The districts and communes a text names with their level word ("huyện Yên Thành", "phường 5")."""
    text = nfc(text)
    found = [
        Locality(_LOCAL_LEVELS[m.group(1).lower()], m.group(2))
        for pattern in (_LOCAL_BEFORE, _NUMBERED_LOCAL)
        for m in pattern.finditer(text)
    ]
    for m in _LOCAL_AFTER.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _ENGLISH_LEAD_WORDS:
            words = words[1:]
        if words:
            found.append(Locality(_LOCAL_LEVELS[m.group(2)], " ".join(words)))
    return tuple(dict.fromkeys(found))


# The Vietnamese level words' syllables ("thị xã" -> "thị", "xã"), and the level words as the press abbreviates them
# before a name: "P. Bình Hiên", "H. Hòa Vang", "TX. Dĩ An"
LEVEL_SYLLABLES = frozenset(s for word in _LOCAL_LEVELS if not word.isascii() for s in word.split())
_LEVEL_ABBREVIATIONS = {"H": "district", "Q": "district", "TX": "district", "P": "commune", "TT": "commune"}
_LOCAL_SPAN = re.compile(
    rf"(?<!\w)(?:(?i:(huyện|quận|thị xã|thị trấn|xã|phường))[ \t]+|(H|Q|P|TX|TT)\.[ \t]*)({_LOCAL_NAME})"
)


@dataclass(frozen=True)
class LocalityMention:
    """Where a text names a district or commune with its level word: "thị xã Bến Cát", "P. Bình Hiên"."""

    start: int
    end: int
    level: str  # "district" or "commune"


def locality_mentions(text: str) -> list[LocalityMention]:
    """The districts and communes an NFC text names with their Vietnamese level word, written out or abbreviated."""
    return [
        LocalityMention(m.start(), m.end(), _LOCAL_LEVELS[m.group(1).lower()] if m.group(1) else _LEVEL_ABBREVIATIONS[m.group(2)])
        for m in _LOCAL_SPAN.finditer(text)
    ]


def mentions_locality(asked: Locality, text: str) -> bool:
    """Whether a text names the district (commune) with its level word ("Quận 3", "huyện Yên Thành")."""
    return any(o.level == asked.level and plain_words(o.name) == plain_words(asked.name) for o in localities(text))


# Words that state a figure for a whole province, city or country ("toàn tỉnh có khoảng 13.000 lao động"), or for
# a whole district (which a commune's question does not ask about either).
# (a whole sector, "Toàn ngành y tế hiện còn 106 bác sỹ ...", is at least a province's: a district's own sector is
# named with the district, "toàn ngành giáo dục huyện ...")
_WHOLE_PROVINCE = r"toàn tỉnh|cả tỉnh|toàn thành phố|cả thành phố|toàn TP|cả nước|toàn quốc|trên cả nước|toàn ngành|cả ngành"
_WHOLE_SCOPE = {
    "district": re.compile(rf"(?<!\w)(?:{_WHOLE_PROVINCE})(?!\w)", re.I),
    "commune": re.compile(rf"(?<!\w)(?:{_WHOLE_PROVINCE}|toàn huyện|cả huyện|toàn quận|cả quận|toàn thị xã)(?!\w)", re.I),
}


# A figure stated for the whole country ("cả nước có 1.200 vụ xâm hại trẻ em"), not one it is set against: a rank
# or a comparison within the last few words ("cao nhất cả nước", "cao hơn mức bình quân chung cả nước", "so với
# toàn quốc", "chiếm 10% của cả nước") places a province's own figure.
_NATIONWIDE = re.compile(r"(?<!\w)(?:cả nước|toàn quốc)(?!\w)", re.I)
_SET_AGAINST = {"nhất", "đầu", "với", "hơn", "chung", "quân", "bình", "của", "kém"}


def names_the_whole_country(text: str) -> bool:
    """Whether a text states its figure for the whole country ("cả nước", "toàn quốc"), not a province's rank in it
    or its comparison with it."""
    return any(
        not _SET_AGAINST.intersection(w.lower() for w in text[: m.start()].split()[-3:]) for m in _NATIONWIDE.finditer(text)
    )


def names_a_whole_province(text: str) -> bool:
    """Whether a text states its figure for a whole province, city or the country ("toàn tỉnh", "cả nước")."""
    return _WHOLE_SCOPE["district"].search(text) is not None


def states_another_locality(asked: Locality, sentence: str) -> bool:
    """Whether a sentence names another district (commune) than the asked one, and not the asked one: "UBND
    huyện Yên Thành ... Yên Thành hiện có 11.226 người" does not count Quỳnh Lưu's workers; nor does a figure it
    states for a wider whole before any other figure ("Theo Sở, hiện toàn tỉnh có khoảng 13.000 lao động")."""
    if mentions_name(asked.name, sentence):
        return False
    if any(o.level == asked.level and plain_words(o.name) != plain_words(asked.name) for o in localities(sentence)):
        return True
    whole = _WHOLE_SCOPE[asked.level].search(sentence)
    first_figure = re.search(r"\d", sentence)
    return whole is not None and (first_figure is None or whole.start() < first_figure.start())


# An acronym: two or more capitals (Đ included), maybe with digits, maybe joined ("EVNNPC", "VTV1", "LĐ-TB&XH").
_ACRONYM_PART = rf"[{UPPER}]{{2,}}\d*"
# a word written in capitals ("ĐBQH", "TNCS", "BIDV"): no syllable of a person's name
_ACRONYM_WORD = re.compile(rf"(?<!\w){_ACRONYM_PART}(?!\w)")
_ACRONYM = re.compile(rf"(?<![\w.&,/-])({_ACRONYM_PART}(?:[-&/,][{UPPER}]+\d*)*)(?![\w&/-]|[.,]\w)")


def question_acronyms(question: str) -> tuple[str, ...]:
    """The acronyms a question writes that name one body ("BIDV", "VTV"): not the generic abbreviations of
    abbreviations.tsv ("UBND", "BHXH"), the currencies of currency_words.tsv ("USD"), the places the tables know
    (TP.HCM, HCMC) or roman numerals."""
    text = nfc(question)
    places = " ".join(plain_words(p) for p in question_places(text))  # "TP HCM" writes HCM as part of a place
    currencies = currency_words().codes
    out = [
        a
        for a in _ACRONYM.findall(text)
        if not is_generic(a)
        and a.lower() not in currencies
        and plain_words(a) not in places
        and not re.fullmatch(r"[IVXLC]+", a)
    ]
    return tuple(dict.fromkeys(out))


def mentions_acronym(acronym: str, text: str) -> bool:
    """Whether text names what an acronym stands for: the acronym itself (any case), or a run of syllables whose
    initials spell it, "và" and "của" left out ("bảo hiểm xã hội" for BHXH, "Lao động - Thương binh và Xã hội"
    for LĐTBXH). A number run on names the body's term or channel ("UBTVQH14" in "379/2017/UBTVQH14", "VTV1")."""
    key = plain_words(acronym).strip()
    plain = plain_words(text)
    if re.search(rf"(?<![^\W\d_]){re.escape(key)}\d*(?![^\W_])", plain):
        return True
    # an English acronym of a body the gazetteer knows is named by the body's Vietnamese names: the press writes
    # "Bộ GD&ĐT" or "Bộ Giáo dục và Đào tạo" for the "MOET" an English question writes
    bodies = {m.entity_id for m in gazetteer_mentions(acronym) if (m.start, m.end) == (0, len(acronym))}
    if bodies and any(m.entity_id in bodies for m in gazetteer_mentions(text)):
        return True
    key = key.replace(" ", "")
    words = [w for w in plain.split() if w not in ("va", "cua")]
    initials = "".join(w[0] for w in words)
    return key in initials and any("".join(w[0] for w in words[i : i + len(key)]) == key for i in range(len(words)))
