"""Answer spans inside a sentence: quantities, percentages, dates, people, documents, lists, places."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from answer.constraints import (
    COUNTRIES,
    PROVINCES,
    SURNAMES,
    gazetteer_mentions,
    inside_name,
    is_vietnamese_syllable,
    locality_mentions,
    place_key,
    question_places,
)
from answer.knowledge.currency_words import currency_words
from answer.knowledge.document_kinds import kind_alternation
from answer.knowledge.number_labels import number_label_pattern
from answer.knowledge.organisation_kinds import organisations_named
from answer.knowledge.qualifiers import qualifier_alternation
from answer.knowledge.rate_periods import period_words
from answer.knowledge.titles import titles_longest_first
from answer.knowledge.unit_words import unit_words
from answer.knowledge.units import unit_mentions
from answer.knowledge.verb_openers import joins_noun, opens_verb
from answer.language import tokens
from answer.numbers import multiplier_after, parse_number_token
from ingest.vietnamese import LOWER, NUMBER_TOKEN, UPPER, VI_MULTIPLIERS, nfc


@dataclass(frozen=True)
class Span:
    """A candidate answer inside a sentence: [start, end) are offsets into the sentence."""

    kind: str
    text: str
    start: int
    end: int
    value: float | None = None
    unit: tuple[str, ...] = ()  # quantity: the counted noun's syllables; document: its kind
    left: str = ""  # the clause text before the span (up to the previous delimiter or span)
    right: str = ""  # the clause text after the span (up to the next delimiter or span)
    role: str = ""  # person: the title(s) attached to the name

    @property
    def clause(self) -> str:
        """The span's own clause: the text before it, the span, the text after it."""
        return f"{self.left} {self.text} {self.right}"


_QUALIFIERS = qualifier_alternation()  # "hơn", "khoảng", "more than": knowledge/qualifiers.tsv
# A unit the press glues to a figure: "800.000đ/ngày", "5tr/tháng", "500k", and measures: "300m", "2km", "50ha",
# "20kg", "45m2" ("18g", "8h" are times of day, read as dates and times elsewhere)
_GLUED_UNIT = r"(?=(?:đ|tr|k|km2|km|cm|mm|m2|m3|m²|m|ha|kg)(?![^\W\d_]))"
_QUANTITY_RE = re.compile(
    rf"(?:(?<![\w])(?P<qual>(?:{_QUALIFIERS})\s+))?(?<![\w/.,\-])(?P<num>{NUMBER_TOKEN})(?:(?![\w/]|[.,]\d)|{_GLUED_UNIT})",
    re.IGNORECASE,
)
_MULTIPLIER_WORDS = {word for word in VI_MULTIPLIERS if " " not in word}
# A counted noun ends where the clause's verb or a preposition begins; a unit of measure is a figure's whole unit
# ("3 tháng", "2 tấn"), whatever follows it: knowledge/unit_words.tsv
_UNIT_STOP = unit_words()["stop"]
_MEASURE_WORDS = unit_words()["measure"]
_DELIMS = re.compile(r"[;:,.!?()\n]|\s[–—-]\s|…")

# a run of days is one date ("từ ngày 29-31/5": from 29 to 31 May), read by its last day
_DATE_RE = re.compile(
    r"(?<![\w/.,])(?:\d{1,2}\s*[-–]\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>(?:19|20)?\d\d))?(?![\w/]|\.\d)"
)
_DATE_WORDS_RE = re.compile(
    r"(?<!\w)ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>(?:19|20)\d\d))?", re.IGNORECASE
)
# The press also writes a date with dashes or dots: unambiguous with its year ("1-1-2018", "4.9.2017"), or after
# "ngày" or a time of day ("ngày 4.9", "ngày 6-2", "sáng 4-7"); "6.2" alone may be a decimal and "6-2" a range.
_DATE_DASHED_RE = re.compile(
    r"(?<![\w/.,-])(?P<d>\d{1,2})(?P<sep>[.-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/]|[.,-]\d)"
    r"|(?:(?<=ngày )|(?<=sáng )|(?<=chiều )|(?<=trưa )|(?<=tối )|(?<=đêm )|(?<=hôm ))"
    r"(?P<d2>\d{1,2})[.-](?P<m2>\d{1,2})(?![\w/]|[.,-]\d)",
    re.IGNORECASE,
)
# "tháng 6/2017", "tháng 6 năm 2017", "tháng 10-2016", "tháng 10.2012" (the press's dotted form)
_MONTH_YEAR_RE = re.compile(r"(?<!\w)tháng\s+(?P<m>\d{1,2})\s*(?:/|năm|-|\.)\s*(?P<y>(?:19|20)\d\d)(?![\w/-]|[.,]\d)", re.I)
# a month without its year ("từ tháng 7", "cuối tháng 1"): a date the press writes for this year; "3 tháng" is a length
_MONTH_RE = re.compile(
    r"(?<![\w/.,])(?<!\d )(?:(?:đầu|cuối|giữa)\s+)?tháng\s+(?P<m>\d{1,2})(?![\w/-]|[.,]\d|\s*(?:/|năm\s+\d))", re.I
)
_YEAR_RE = re.compile(r"(?<![\w/.,\-])((?:19|20)\d\d)(?![\w/\-])")

# A numbered document: a kind that starts one (document_kinds.tsv, role "numbered") and its number
_DOC_RE = re.compile(
    rf"(?P<kind>{kind_alternation('numbered')})(?P<so>\s+số)?\s+(?P<num>\d+[\w/\-.]*\w|\d+)", re.IGNORECASE
)

# A document's code with its issuer's letters ("11-NQ/TW", "1584/BTC-VP", "156/CĐ-TTg", "47/2017/NĐ-CP"), and the kind
# words that name what it numbers (document_kinds.tsv, role "code"; "công điện", a dispatch by telegram, included)
_DOC_CODE = re.compile(rf"(?<![\w/.-])(?:số\s+)?(\d+(?:/\d{{4}})?[/-](?:\d{{4}}/)?[{UPPER}]{{2,}}[\w/&.-]*\w)")
_DOC_KIND = re.compile(rf"(?<!\w)({kind_alternation('code')})(?!\w)", re.IGNORECASE)

_NAME_WORD = rf"[{UPPER}][{LOWER}]+"
# a capitalised time of day and its date start the next sentence a caption ran into ("Bộ trưởng Bộ Y tế Nguyễn Thị
# Kim Tiến Chiều 14.6, ..."): never part of the name before them
_TIME_OPENS = r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Lúc|Tháng)\s+\d"
_NAME_RE = re.compile(rf"(?<![\w])(?P<name>{_NAME_WORD}(?:\s+(?!{_TIME_OPENS}){_NAME_WORD}){{1,4}})")
_INITIAL_AFTER = re.compile(rf"\s+[{UPPER}]\.(?!\w)")
_TITLE_HEADS = {
    "phó", "chủ", "giám", "bí", "trưởng", "thứ", "bộ", "tổng", "ủy", "uỷ", "chánh", "đại", "trợ", "chuyên",
    "hiệu", "viện", "cục", "vụ", "thủ", "bác", "tiến", "thạc", "gs", "pgs", "ts", "ths", "nguyên", "quyền",
    "đồng", "phụ", "kế", "thư", "trung", "thượng", "chỉ", "tỉnh",  # "Tỉnh trưởng" of a Chinese province
    "huấn", "hlv",  # "Huấn luyện viên", "HLV Alain Fiard"
}
# Heads that are a title on their own, written right before a name: "GS Nguyễn Văn A", "TS Lê Thị B"
_LONE_TITLE_HEADS = frozenset({"gs", "pgs", "ts", "ths", "hlv"})
# a post the press writes in lower case after another ("Chánh Văn phòng, người phát ngôn Sở Y tế"): the titles.tsv
# rows of several words that open with no title head ("người phát ngôn", "thống đốc", "huấn luyện viên")
_LOWER_CASE_TITLE = re.compile(
    "(?:"
    + "|".join(re.escape(t) for t in titles_longest_first() if " " in t and t.split()[0] not in _TITLE_HEADS | _LONE_TITLE_HEADS)
    + r")(?!\w)"
)
# Lower-case syllables that occur inside titles ("Chủ tịch UBND tỉnh", "Giám đốc Sở ... và Xã hội").
_TITLE_INNER = {
    "tịch", "thư", "đốc", "trưởng", "ban", "phòng", "nhiệm", "tướng", "viên", "tỉnh", "thành", "phố",
    "huyện", "xã", "phường", "quận", "thị", "ủy", "uỷ", "sở", "bộ", "cục", "vụ", "giám", "sĩ", "lý", "tá",
    "tác", "chủ", "trực", "thường", "đoàn", "hội", "đồng", "nhân", "dân", "lao", "động", "thương", "binh",
    "và", "khu", "vực", "phó", "thống", "giao", "sứ", "viện", "khoa",  # "Bệnh viện Đa khoa huyện ...", "Trưởng khoa"
    "ương", "sản",  # "Ủy viên Trung ương Đảng Cộng sản Trung Quốc"
    "an",  # "Trưởng Công an huyện", "Giám đốc Công an tỉnh"
    "sỹ",  # "Tiến sỹ", "Thạc sỹ": the press spells "sĩ" either way
    "luyện",  # "Huấn luyện viên"
}
_ACRONYM_RE = re.compile(r"[A-ZĐ][A-ZĐ0-9]*(?:[,&\-.][A-ZĐ0-9]+)*")
_WORD_RE = re.compile(r"[A-ZĐ][A-ZĐ0-9]*(?:[,&][A-ZĐ0-9]+)+|[^\W_]+(?:-[^\W_]+)*|[,–—\-:;.()]", re.UNICODE)

_PLACE_NAMES = sorted({nfc(p) for p in PROVINCES + COUNTRIES}, key=len, reverse=True)
# the prepositions that put what follows them at or towards a place
_AT_PLACE = "tại|ở|sang|đến|tới"
_PLACE_PREP_RE = re.compile(
    rf"(?<!\w)(?:{_AT_PLACE}|trên địa bàn)\s+(?P<place>(?:(?:tỉnh|thành phố|huyện|xã|thị xã|quận|TP\.?|"
    rf"[Kk]hu (?:công nghiệp|chế xuất|kinh tế)|[Cc]ụm công nghiệp|KCN|KCX|KKT|CCN)\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)


# A capitalised name broken by one lower-case syllable that resumes capitalised or with a number is one name
# ("Bệnh viện Quân y 175", "Học viện Tài chính"): a name cut at the lower-case syllable is a broken answer ("Bệnh").
_WHOLE_NUMBER = r"(?<!\S)\d+(?=[\s,;:)]|\.(?!\d)|$)"  # "175", not the start of "30.5.2017" or "30/5"
_NAME_RESUMES_RE = re.compile(rf"\s+(?P<lower>[{LOWER}]+)\s+(?P<next>{_NAME_WORD}|{_WHOLE_NUMBER})")
_NAME_GOES_ON_RE = re.compile(rf"(?:\s+(?:{_NAME_WORD}|{_WHOLE_NUMBER}))*")  # the capitalised words and numbers after
# lower-case syllables a name never runs through: when ("Móng Cái chiều 30"), besides the unit's stop words
_NOT_IN_NAMES = {"ngày", "tháng", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "lúc", "quý", "tuần", "giờ"}


def _through_name(sentence: str, end: int) -> int:
    """Where a name ending at `end` truly ends: across each single lower-case syllable (not a function word) that
    the name resumes after."""
    while True:
        match = _NAME_RESUMES_RE.match(sentence, end)
        if match is None or match.group("lower") in _UNIT_STOP or match.group("lower") in _NOT_IN_NAMES:
            return end
        goes_on = _NAME_GOES_ON_RE.match(sentence, match.end("next"))  # never None: it matches the empty string
        end = goes_on.end() if goes_on else match.end("next")


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): up to the nearest delimiter on each side."""
    left = 0
    for match in _DELIMS.finditer(sentence, 0, start):
        # a comma inside a number ("8,5") or an acronym ("LĐ,TB&XH") is not a clause boundary
        if match.group(0) in ",." and 0 < match.start() < len(sentence) - 1 and (
            sentence[match.start() - 1].isdigit() and sentence[match.start() + 1].isdigit()
        ):
            continue
        left = match.end()
    right = len(sentence)
    for match in _DELIMS.finditer(sentence, end):
        if match.group(0) in ",." and 0 < match.start() < len(sentence) - 1 and (
            sentence[match.start() - 1].isdigit() and sentence[match.start() + 1].isdigit()
        ):
            continue
        right = match.start()
        break
    return left, right


def segment_bounds(sentence: str, start: int) -> tuple[int, int]:
    """[left, right) of the semicolon-delimited segment of a sentence holding position start, spaces trimmed."""
    left = sentence.rfind(";", 0, start) + 1
    right = sentence.find(";", start)
    right = len(sentence) if right < 0 else right
    while left < right and sentence[left].isspace():
        left += 1
    while right > left and sentence[right - 1].isspace():
        right -= 1
    return left, right


def segment_of(sentence: str, start: int) -> str:
    """The semicolon-delimited segment of a sentence holding position start."""
    left, right = segment_bounds(sentence, start)
    return sentence[left:right]


def _next_word(text: str, pos: int) -> str:
    match = re.match(r"\s*([^\s,.;:!?()…\"“”']+)", text[pos:])
    return match.group(1).lower() if match else ""


def names_currency(before: str, word: str, after: str) -> str | None:
    """The currency code a unit word names, unless it is part of another word with the one before or after it
    ("hợp đồng", "đô thị")."""
    base = word.split("/")[0]  # "đồng/người" is a rate in đồng
    table = currency_words()
    code = table.codes.get(base)
    if code is None or f"{before} {word}" in table.compounds or f"{base} {after}" in table.compounds:
        return None
    return code


# the punctuation around a word of a counted noun, left out of it
_WORD_EDGES = ",.;:!?()…\"“”'"

# a slash and a figure other than 1 inside a counted noun's word: a second figure begins ("đoàn viên/1.517.511")
_SECOND_FIGURE = re.compile(r"/(?!1(?![\d.,]))\d")
RATIO_BASES = r"10|100|1\.000|10\.000|100\.000"  # a ratio's base, a power of ten: "114 trẻ trai/100 trẻ gái"
_RATIO_BASE = re.compile(rf"/(?:{RATIO_BASES})(?![\d.,]\d|\w)")


# the words that go on a dollar's name after "đô" or "đôla": "đô la", "đô la Mỹ", "đôla Úc"
_DOLLAR_OF = r"(?:Mỹ|Úc|Canada|Singapore|Hồng\s+Kông|Đài\s+Loan|New\s+Zealand)(?!\w)"
_CURRENCY_GOES_ON = re.compile(rf"(?<=đô)\s+la(?:\s+{_DOLLAR_OF})?(?!\w)|(?<=đôla)\s+{_DOLLAR_OF}", re.IGNORECASE)


def _unit_after(sentence: str, pos: int) -> tuple[tuple[str, ...], int]:
    """The counted noun after a number: its syllables and where it ends."""
    unit: list[str] = []
    end = pos
    known: int | None = None  # where the known units the noun opens with end: read once, when a verb may begin
    words = list(re.finditer(r"\S+", sentence[pos:]))
    for i, match in enumerate(words):
        raw = match.group(0)
        word = raw.strip(_WORD_EDGES).lower()
        if (
            unit
            and word.isalpha()
            # the figure's first noun syllable may open a verb elsewhere ("chỉ tiêu", "tập thể"): its pair is the noun
            and not (len(unit) == 1 and joins_noun(unit[0], word))
            and _opens_verb_at(word, words[i + 1] if i + 1 < len(words) else None)
        ):
            if known is None:
                known = _known_units_end(sentence[pos:])
            if match.start() >= known:
                break  # the clause's verb begins ("150 công nhân | leo lên", "7.915 hộ nghèo | vươn lên thoát nghèo")
        if not unit and word == "năm" and not re.match(r"\s*(?:19|20)\d\d\b", sentence[pos + match.end() :]):
            # right after the figure, "năm" is its unit ("sau 7 năm", a span of time), not "năm 2016"
            unit.append(word)
            end = _through_smaller_times(sentence, word, pos + match.start() + len(raw.rstrip(_WORD_EDGES)))
            break
        # a stop word inside a known unit that began before it goes on with the noun: "50 ngàn việc làm", not "việc |
        # làm cho Mỹ"
        stops = word in _UNIT_STOP and not (
            unit and any(m.start < match.start() < m.end for m in unit_mentions(sentence[pos : pos + match.end()]))
        )
        if not word or word[0].isdigit() or stops or not any(ch.isalnum() for ch in word):
            break  # (a dash between two counts, "112 bé trai - 100 bé gái", ends the noun)
        if word == "trở" and re.match(r"\s+(?:lên|xuống|lại|về|thành|nên)(?!\w)", sentence[pos + match.end() :], re.I):
            break  # "1.000 lao động trở lên" ("or more"), "3 người trở về": the verb begins, the noun has ended
        if unit and word in _MULTIPLIER_WORDS:
            break
        second = _SECOND_FIGURE.search(raw)
        if second is not None:
            # "1.292.184 đoàn viên/1.517.511 CNVC-LĐ": another figure follows the slash, and the noun ends before it
            # ("20.000 đồng/1 kg" is a price per kilogram, its unit whole)
            before = raw[: second.start()]
            word = before.strip(_WORD_EDGES).lower()
            if word:
                unit.append(word)
                end = pos + match.start() + len(before)
            base = _RATIO_BASE.match(sentence, pos + match.start() + second.start())
            if word and base is not None:
                # "114 trẻ trai/100 trẻ gái", "2,5 bác sĩ/10.000 dân": a ratio reads whole, over its base and its noun
                end = max(end, _unit_after(sentence, base.end())[1])
            break
        if (
            unit
            and raw[:1].isupper()
            and any(ch.islower() for ch in raw)
            and not names_currency(unit[-1], word, _next_word(sentence, pos + match.end()))
            and any(o.start == 0 for o in organisations_named(sentence[pos + match.start() :]))
        ):
            # a body's name begins after the noun: "936 CN | Công ty Keo Hwa Vina"; a place goes with it ("1.800 lao
            # động Việt Nam"), and so do a table noun's capitals ("200 Mẹ Việt Nam anh hùng")
            break
        unit.append(word)
        end = pos + match.start() + len(raw.rstrip(_WORD_EDGES))
        currency = names_currency(unit[-2] if len(unit) > 1 else "", word, _next_word(sentence, pos + match.end()))
        slashed = re.match(r"\s+(\w+)", sentence[pos + match.end() :]) if raw.endswith("/") else None
        if slashed is not None and slashed.group(1).lower() in period_words():
            # "9,2 triệu đồng/người/ tháng": the press may space the slash before the period a rate is counted over
            unit[-1] += slashed.group(1).lower()
            end = pos + match.end() + slashed.end()
            break
        closes = raw[-1] in ",.;:!?)…"  # punctuation ends the noun
        if len(unit) == 4 and not currency and not closes:
            # a table noun longer than four syllables is read whole ("8 cơ sở đào tạo nghề", not "cơ sở đào tạo")
            longer = next((m for m in unit_mentions(sentence[pos:]) if not sentence[pos : pos + m.start].strip()), None)
            if longer is not None and pos + longer.end > end:
                unit, end = list(tokens(longer.surface.lower())), pos + longer.end
            break
        if currency and not closes and (rest := _CURRENCY_GOES_ON.match(sentence, pos + match.end())):
            # "500 tỷ đô la Mỹ", "1.200 đôla Mỹ": the currency's name goes on after its first word
            unit += [w.lower() for w in rest.group(0).split()]
            end = pos + match.end() + rest.end() - rest.start()
            break
        per_unit_end = _per_unit_goes_on(sentence, pos + match.start(), raw)
        if per_unit_end is not None:
            # "84,5 triệu đồng/lao động", "3.853 USD/lao động", "triệu đồng/mét vuông": the unit a rate is counted
            # per goes on after the slash
            unit[-1:] = sentence[pos + match.start() : per_unit_end].strip(_WORD_EDGES).lower().split()
            end = per_unit_end
            break
        if currency or closes:
            break  # "15 triệu đồng/m2 | mà Sở Xây dựng ..."
        if len(unit) == 1 and word in _MEASURE_WORDS:
            end = _through_smaller_times(sentence, word, end)
            break  # "3 tháng | trợ cấp thất nghiệp", "3 ngày | Cụ thể": what is measured is no part of the unit
    return tuple(unit), end


def _per_unit_goes_on(sentence: str, start: int, raw: str) -> int | None:
    """Where a unit written after a slash ends when it goes on past the raw word ("đồng/lao động": the known unit
    "lao động" opens after the slash); None when the raw word holds it all or no known unit opens there."""
    slash = raw.rfind("/")
    if slash < 0 or raw[-1] in ",.;:!?)…":
        return None
    after = start + slash + 1
    first = next(iter(unit_mentions(sentence[after:])), None)
    if first is None or first.start != 0 or after + first.end <= start + len(raw):
        return None
    return after + first.end


# the smaller unit a length of time goes on in ("2 năm 6 tháng tù", "6 tháng 15 ngày", "1 giờ 30 phút")
_SMALLER_TIME = {"năm": "tháng", "tháng": "ngày", "ngày": "giờ", "giờ": "phút", "phút": "giây"}


def _through_smaller_times(sentence: str, unit: str, end: int) -> int:
    """Where a length of time ends that goes on in smaller units: "2 năm 6 tháng" is one length, not "2 năm"."""
    while (smaller := _SMALLER_TIME.get(unit)) is not None:
        more = re.match(rf"\s+(?:và\s+)?\d{{1,2}}\s+{smaller}(?!\w)", sentence[end:])
        if more is None:
            break
        end, unit = end + more.end(), smaller
    return end


def _known_units_end(text: str) -> int:
    """Where the known units (knowledge/units.tsv) the text opens with end: no verb begins inside them ("lao động",
    whose "lao" opens a verb elsewhere); 0 when it opens with none."""
    end = 0
    for mention in unit_mentions(text):
        if text[end : mention.start].strip():
            break
        end = mention.end
    return end


def _opens_verb_at(word: str, following: re.Match[str] | None) -> bool:
    """Whether a word, before the raw word that follows it (None at the sentence's end), opens a verb."""
    after = following.group(0).lower() if following is not None else ""
    return opens_verb(word, after if after.isalpha() else "")


_DATE_LABELS = frozenset({"năm", "ngày", "tháng", "quý", "tuần", "giờ", "sáng", "chiều", "tối", "trưa", "đêm"})
_LOST_EXPONENT = re.compile(r"\d\s?[kcdh]?m\s$")
_AGE_AFTER = re.compile(r"\s+tuổi(?!\w)", re.IGNORECASE)


# the words that make "số" before a figure a count of it ("tổng số", "con số"), not a label ("công văn số"); "4 trong số 5
# bệnh nhân" keeps the whole out of the count (it is no answer to how many died)
_COUNT_BEFORE_SO = re.compile(r"(?<!\w)(?:tổng|con)\s*$", re.IGNORECASE)


def _is_excluded_number(sentence: str, start: int, end: int) -> bool:
    """Numbers that are not quantities: years, parts of dates, document numbers, ordinals ("lần thứ 1"), articles,
    clauses and sections of a law ("Điều 21", "khoản 3 Điều 145", "Mục 2"), numbered districts and wards ("quận 1"),
    Covid-19."""
    before = sentence[max(0, start - 12) : start].lower()
    after = sentence[end : end + 3]
    token = sentence[start:end]
    label = number_label_pattern().search(before)
    if label is not None and label.group(0).split()[0] == "số" and _COUNT_BEFORE_SO.search(before[: label.start()]):
        label = None  # "trong tổng số 21.000 công nhân", "con số 910.000 người": a count, not a number labelling a thing
    if label is not None and label.group(0).split()[0] == "năm" and _AGE_AFTER.match(sentence, end):
        label = None  # "mua cổ phiếu đầu tiên năm 11 tuổi": the year of one's life, an age, not a year's number
    if label is not None:
        # a label counted by the figure before it is a unit ("4 chương 35 điều": 35 articles); a date's words are not
        # ("ngày 15 tháng 6": June), nor a label after another's number ("khoản 3 Điều 145")
        counted = re.search(r"(?<![\w/.,-])\d+\s+$", sentence[: max(0, start - 12) + label.start()])
        return (
            counted is None
            or label.group(0).split()[0] in _DATE_LABELS
            or _is_excluded_number(sentence, counted.start(), counted.start() + len(counted.group(0).rstrip()))
        )
    if after.startswith("/") or before.endswith("/") or before.endswith("-"):
        return True
    if token in {"2", "3"} and _LOST_EXPONENT.search(before):
        return True  # "390.000m 2 nhà ở": the square of m² the text lost its superscript for, not "2 nhà"
    if re.fullmatch(r"(19|20)\d\d", token) and not re.match(r"\s*(người|lao|hộ|đơn|doanh|lượt|trường|tỷ|triệu)", after + sentence[end + 3 : end + 12]):
        return True
    return False


# A range of figures sharing the unit written after the second: "8,6 đến 15 triệu đồng/m2", "5 - 6 triệu", "7-8%".
_RANGE_RE = re.compile(
    rf"(?:(?<![\w])(?P<qual>(?:{_QUALIFIERS}|từ)\s+))?(?<![\w/.,\-])(?P<low>{NUMBER_TOKEN})\s*(?:-|–|đến|tới)\s*"
    rf"(?P<num>{NUMBER_TOKEN})(?:(?![\w/]|[.,]\d)|{_GLUED_UNIT})",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"\s*(%|phần trăm|percent)", re.IGNORECASE)


def _ranges(sentence: str) -> list[re.Match[str]]:
    """Ranges whose low end is a bare figure (no unit of its own) and not a year, date or article number."""
    return [
        m
        for m in _RANGE_RE.finditer(sentence)
        if not _is_excluded_number(sentence, m.start("low"), m.end("low"))
    ]


def quantity_spans(sentence: str) -> list[Span]:
    """Quantities with their qualifier and counted noun: "hơn 163.600 lượt lao động", "gần 200 tỷ đồng", and
    ranges with the unit they share: "8,6 đến 15 triệu đồng/m2"."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []  # the figures of ranges, read once as the range
    for match in _ranges(sentence):
        if _PERCENT_AFTER.match(sentence, match.end("num")):
            taken.append((match.start("low"), match.end("num")))  # a percentage range (percentage_spans)
            continue
        low, high = parse_number_token(match.group("low")), parse_number_token(match.group("num"))
        if low is None or high is None:
            continue
        if low > high and re.fullmatch(r"\d{1,2}", match.group("low")) and re.fullmatch(r"\d{1,2}", match.group("num")):
            # "Ngày 10 và 11-5": a day and its month, no range (a range climbs, "700.000 đến 1,2 triệu" by its
            # shared multiplier); neither number counts anything
            taken.append((match.start("low"), match.end("num")))
            continue
        start = match.start("qual") if match.group("qual") else match.start("low")
        spans.append(_counted(sentence, start, match.end("num"), low))
        taken.append((match.start("low"), match.end("num")))
    for match in _QUANTITY_RE.finditer(sentence):
        num_start, num_end = match.start("num"), match.end("num")
        if any(lo <= num_start < hi for lo, hi in taken) or _is_excluded_number(sentence, num_start, num_end):
            continue
        if _PERCENT_AFTER.match(sentence, num_end):
            continue
        value = parse_number_token(match.group("num"))
        if value is None:
            continue
        spans.append(_counted(sentence, match.start("qual") if match.group("qual") else num_start, num_end, value))
    spans.extend(_parts_of_wholes(sentence))
    # a figure read inside another's length of time ("30 phút" of "1 giờ 30 phút") is no figure of its own
    spans = [s for s in spans if not any(o.start < s.start < o.end for o in spans)]
    return with_clauses(sentence, _compound_amounts(sentence, sorted(spans, key=lambda s: s.start)))


# "221/225 thủ tục", "7/17 Mục tiêu": so many of a whole, counted by the noun after it
_PART_OF_WHOLE = re.compile(r"(?<![\w/.,\-])(?P<n>\d{1,4})/(?P<d>\d{1,4})(?![\w/.,\-]|[.,]\d)")


def _parts_of_wholes(sentence: str) -> list[Span]:
    """Counts written as a part of their whole ("đơn giản hóa 221/225 thủ tục hành chính"): the part is the count. A
    pair that may be a day and month ("7/12"), or a month and year, is a date, not a count."""
    spans = []
    for match in _PART_OF_WHOLE.finditer(sentence):
        part, whole = int(match.group("n")), int(match.group("d"))
        if not part or part > whole or (whole <= 12 and part <= 31) or 1900 <= whole <= 2100:
            continue
        if _DAY_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()]):
            continue
        span = _counted(sentence, match.start(), match.end(), float(part))
        if span.unit:
            spans.append(span)
    return spans


_BARE_MULTIPLIER_END = re.compile(r"(?:tỷ|tỉ|triệu|nghìn|ngàn)$", re.IGNORECASE)


def _compound_amounts(sentence: str, spans: list[Span]) -> list[Span]:
    """Amounts written in two parts joined into one: "1 tỉ 195 triệu đồng" is 1,195 billion đồng, not "1 tỉ" and
    "195 triệu đồng"; the first part ends on its multiplier, names no unit, and is larger than the whole second."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        first = out[-1] if out else None
        if (
            first is not None
            and not first.unit
            and first.value is not None
            and span.value is not None
            and _BARE_MULTIPLIER_END.search(first.text)
            and not sentence[first.end : span.start].strip()
            and span.value < first.value
            and re.match(r"\d", span.text)
        ):
            out[-1] = Span(
                kind="quantity", text=sentence[first.start : span.end], start=first.start, end=span.end,
                value=first.value + span.value, unit=span.unit,
            )
            continue
        out.append(span)
    return out


def _counted(sentence: str, start: int, num_end: int, value: float) -> Span:
    """The quantity from start (its qualifier or first figure) through the multiplier and counted noun after the
    figure ending at num_end; value is the figure before its multiplier ("2,7" of "2,7 triệu đoàn viên")."""
    factor, mult_len = multiplier_after(sentence[num_end:])
    pos = num_end + mult_len
    unit, end = _unit_after(sentence, pos)
    if mult_len and not unit:
        end = pos
    return Span(kind="quantity", text=sentence[start:end].strip(), start=start, end=end, value=value * factor, unit=unit)


def percentage_spans(sentence: str) -> list[Span]:
    """Percentages: "1,31%", "72,4%", "100%", "5 phần trăm", and ranges: "7-8%", "từ 5 đến 7%"."""
    spans = []
    pattern = re.compile(
        rf"(?:(?<![\w])(?P<qual>(?:{_QUALIFIERS})\s+))?(?<![\w/])(?P<num>{NUMBER_TOKEN})\s*(?P<pct>%|phần trăm|percent)",
        re.IGNORECASE,
    )
    lows = {m.end("num"): m for m in _ranges(sentence) if _PERCENT_AFTER.match(sentence, m.end("num"))}
    for match in pattern.finditer(sentence):
        ranged = lows.get(match.end("num"))
        if ranged is not None:
            value = parse_number_token(ranged.group("low"))
            start = ranged.start("qual") if ranged.group("qual") else ranged.start("low")
        else:
            value = parse_number_token(match.group("num"))
            start = match.start("qual") if match.group("qual") else match.start("num")
        spans.append(Span("percentage", sentence[start : match.end()], start, match.end(), value=value))
    for match in _FRACTION_RE.finditer(sentence):
        # a share written as a fraction of a whole ("2/3 sinh viên", "1/3 số lao động"); a date ("ngày 2/3",
        # "7/2 trong giờ làm việc") is followed by no count of the whole
        if int(match.group("n")) >= int(match.group("d")) or _DAY_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()]):
            continue  # a share is less than the whole
        value = 100.0 * int(match.group("n")) / int(match.group("d"))
        start = match.start("qual") if match.group("qual") else match.start("n")
        spans.append(Span("percentage", sentence[start : match.end("d")], start, match.end("d"), value=value))
    return with_clauses(sentence, sorted(spans, key=lambda span: span.start))


# "2/3 sinh viên", "1/5 tổng số lao động": a fraction followed by the whole it divides (a count word or a noun of
# people), never a date's "2/3" with a day word before it or a year after it
_FRACTION_RE = re.compile(
    rf"(?:(?<![\w])(?P<qual>(?:{_QUALIFIERS})\s+))?(?<![\w/.,\-])(?P<n>[1-9])/(?P<d>[2-9]|10)(?![\w/.,\-])"
    r"(?=\s+(?:số|tổng|dân số|sinh viên|học sinh|lao động|người|doanh nghiệp|hộ|công nhân|cán bộ)\b)",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(r"(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|từ|đến|tới|vào|trước|sau|hạn)\s*$", re.IGNORECASE)


def date_spans(sentence: str) -> list[Span]:
    """Dates: "26/11", "13/1", "19/10/2020", "ngày 5 tháng 3 năm 2021", "tháng 3/2021", "1-1-2018", "ngày 4.9",
    "cuối tháng 1"."""
    spans = []
    taken: list[tuple[int, int]] = []
    for regex in (_DATE_WORDS_RE, _MONTH_YEAR_RE, _DATE_RE, _DATE_DASHED_RE, _MONTH_RE):
        for match in regex.finditer(sentence):
            if any(s <= match.start() < e for s, e in taken):
                continue
            groups = match.groupdict()
            day_text, month_text = groups.get("d") or groups.get("d2"), groups.get("m") or groups.get("m2")
            day = int(day_text) if day_text else 1
            month = int(month_text or 0)
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            before = sentence[max(0, match.start() - 14) : match.start()].lower()  # "thương binh " whole
            if regex is _DATE_RE and re.search(r"(số|quyết định|nghị quyết)\s*$", before):
                continue
            if regex is _DATE_RE and re.search(r"(?<!\w)(hạng|loại|bậc|cấp|tỷ số|tỉ số|thương binh|bệnh binh)\s*$", before):
                continue  # "thương binh (hạng) 2/4", "bậc 3/7", "tỷ số 2/1": a grade or a score, no day
            taken.append((match.start(), match.end()))
            # "họp vào ngày thứ Hai, 20/2": the comma after a weekday is inside the date, so its clause goes on left
            weekday = _WEEKDAY_BEFORE_RE.search(sentence, 0, match.start())
            left = sentence[clause_bounds(sentence, weekday.start(), weekday.end())[0] : match.start()] if weekday else ""
            spans.append(Span("date", match.group(0), match.start(), match.end(), left=left.strip()))
    return with_clauses(sentence, spans)


# a time of day: "10h", "8h30", "17 giờ 30 phút", "9 giờ sáng", "17:30", "10h sáng" (read only for a question that asks
# for one: "3 giờ" is as often a length of time)
_CLOCK_RE = re.compile(
    r"(?<![\w/.,:])(?:[01]?\d|2[0-3])(?:\s*(?:h|g|giờ)(?:\s*[0-5]\d(?:\s*phút)?)?|:[0-5]\d)"
    r"(?:\s+(?:sáng|trưa|chiều|tối|đêm))?(?![\w:])",
    re.IGNORECASE,
)


def clock_spans(sentence: str) -> list[Span]:
    """Times of day, as dates of the hour: "10h sáng", "8h30", "17 giờ 30 phút", "17:30"."""
    return with_clauses(sentence, [Span("date", m.group(0), m.start(), m.end()) for m in _CLOCK_RE.finditer(sentence)])


_WEEKDAY_BEFORE_RE = re.compile(r"(?<!\w)(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật)\s*,\s*$")


def year_spans(sentence: str) -> list[Span]:
    """Years named in a sentence, for "năm nào"/"which year" questions."""
    spans = [
        Span("year", m.group(1), m.start(1), m.end(1), value=float(m.group(1))) for m in _YEAR_RE.finditer(sentence)
    ]
    return with_clauses(sentence, spans)


def document_spans(sentence: str) -> list[Span]:
    """Legal documents with a number: "Nghị quyết số 154/NQ-CP", "Quyết định số 32/2020/QĐ-TTg"; laws by name:
    "Luật Việc làm", "Bộ luật Lao động"."""
    spans = []
    for match in _DOC_RE.finditer(sentence):
        if not match.group("kind")[0].isupper():  # "quyết định" as a verb is not a document
            continue
        spans.append(
            Span(
                "document",
                match.group(0),
                match.start(),
                match.end(),
                unit=(match.group("kind").lower(),),
            )
        )
    for match in _DOC_CODE.finditer(sentence):
        # a code with its issuer's letters is a document wherever its kind word stands: "Nghị quyết Trung ương 5 khóa
        # XII (số 11-NQ/TW)", "kế hoạch 199/KH-CAHN-PV11"; the kind is the nearest kind word before it
        kinds = _DOC_KIND.findall(sentence[max(0, match.start() - 160) : match.start()])
        if kinds and not any(s.start <= match.start(1) < s.end for s in spans):
            spans.append(Span("document", match.group(0), match.start(), match.end(), unit=(kinds[-1].lower(),)))
    spans.sort(key=lambda s: s.start)
    for match in _LAW_RE.finditer(sentence):
        if any(s.start <= match.start() < s.end for s in spans):
            continue
        words = match.group("name").split()
        cut = next((i for i, w in enumerate(words) if i and w.lower() in _LAW_NAME_STOP), len(words))
        end = match.start("name") + len(" ".join(words[:cut]))
        spans.append(Span("document", sentence[match.start() : end], match.start(), end, unit=("luật",)))
    return with_clauses(sentence, spans)


# A law named by its subject: "Luật Việc làm", "Bộ luật Lao động", "Luật Tiền lương tối thiểu" (up to six words, to
# a delimiter or a function word); "Luật sư" (a lawyer) names no law: its subject is written capitalised
_LAW_NAME_STOP = {
    "để", "của", "và", "là", "đã", "được", "có", "theo", "tại", "ở", "từ", "năm", "cho", "với", "này", "đó", "khi",
    "nhằm", "về", "đang", "sẽ", "vào", "số", "quy", "hiện", "mới", "trong", "do", "bị", "thì", "mà", "nhưng", "hoặc",
    "hay", "như", "sửa", "đối", "nên", "cần", "phải", "không", "chưa", "cũng", "vẫn", "đến", "trước", "sau",
}
_LAW_RE = re.compile(rf"(?<!\w)(?:Bộ luật|Luật)\s+(?P<name>[{UPPER}][^\W\d_]*(?:[ \t]+[^\W\d_]+){{0,5}})")


def _words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _WORD_RE.finditer(text)]


def _is_title_word(word: str) -> bool:
    return bool(_ACRONYM_RE.fullmatch(word)) or word[:1].isupper() or word.lower() in _TITLE_INNER


# Lower-case syllables a title holds only as part of a word ("Trưởng ban Chỉ đạo", "Giám đốc Công ty cổ phần ...",
# "Tổng công ty", "Giám đốc điều hành", "Ban Thư ký", "Trưởng đoàn đại biểu"): as words of their own they are a verb or the clause going on
# ("... tỉnh chỉ đạo các ngành", "... tỉnh ký quyết định"), so each is read only inside its run
_TITLE_RUNS = (
    ("Chỉ", "đạo"),
    ("Công", "ty"),
    ("cổ", "phần"),
    ("Tổng", "công", "ty"),
    ("đốc", "điều", "hành"),
    ("Thư", "ký"),
    ("thư", "ký"),
    ("đại", "biểu"),  # "Phó Trưởng đoàn đại biểu Quốc hội tỉnh Đắk Lắk"
)


def _title_word_at(words: Sequence[tuple[str, int, int]], i: int) -> bool:
    """Whether words[i] may be part of a title: a title word, or a syllable of one of the title's runs."""
    if _is_title_word(words[i][0]):
        return True
    for run in _TITLE_RUNS:
        for j, syllable in enumerate(run):
            start = i - j
            written = tuple(w for w, _, _ in words[start : start + len(run)]) if start >= 0 else ()
            if syllable == words[i][0] and written == run:
                return True
    return False


def _title_after(sentence: str, pos: int) -> int:
    """End of the title(s) following a name ("– Giám đốc Sở ...", ", Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh")."""
    words = _words(sentence[pos:], pos)
    end = pos
    i = 0
    if i < len(words) and words[i][0] in {",", "–", "—", "-", ":"}:
        i += 1
    else:
        return pos
    in_title = False
    before_head = end  # a head word alone is no title: "Xudong Wang, Đại học Wisconsin" is no "Đại ..."
    while i < len(words):
        word, ws, we = words[i]
        low = word.lower()
        if not in_title:
            if low in _TITLE_HEADS and word[:1].isupper():
                in_title = True
                before_head, end = end, we
                i += 1
                if i < len(words) and not _title_word_at(words, i):
                    return before_head
                continue
            break
        if word == ",":
            nxt = words[i + 1][0] if i + 1 < len(words) else ""
            if nxt.lower() in _TITLE_HEADS and nxt[:1].isupper():
                in_title = False
                i += 1
                continue
            # a second post the press writes in lower case ("Chánh Văn phòng, người phát ngôn Sở Y tế Đồng Tháp")
            if i + 1 < len(words) and (lower := _LOWER_CASE_TITLE.match(sentence, words[i + 1][1])):
                end = lower.end()
                i += 1 + len(lower.group().split())
                continue
            break
        if low == "và":
            nxt = words[i + 1][0] if i + 1 < len(words) else ""
            if nxt[:1].isupper():
                end = we
                i += 1
                continue
            break
        if word in {"–", "—", "-", ":", ";", ".", "(", ")"}:
            break
        if _title_word_at(words, i) or _ends_a_name_with_its_number(words, i):
            end = we
            i += 1
            continue
        break
    return _through_listed_name(sentence, _through_named_body(sentence, _through_bare_body(sentence, end)))


# a body's name that lists its fields ("Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng"): each item a
# capitalised word and its lower-case syllables, the last after "và" (a person's name, all capitalised, is no item)
_LISTED_ITEM = rf"[{UPPER}][{LOWER}]+(?:\s+(?!(?:của|và|với|tại|ở|cho|về|trong|đã|cũng|là|được)(?!\w))[{LOWER}]+){{0,2}}"
_LISTED_NAME_REST = re.compile(rf"(?:\s+[{LOWER}]+){{0,3}}(?:,\s+{_LISTED_ITEM}){{1,6}}\s+và\s+{_LISTED_ITEM}(?![\w])")


def _through_listed_name(sentence: str, end: int) -> int:
    """Where a title that stops at a comma inside a body's name of listed fields ("Phó Chủ nhiệm Ủy ban Văn | hóa, Giáo
    dục, ... và Nhi đồng") truly ends: after the item that "và" adds."""
    rest = _LISTED_NAME_REST.match(sentence, end)
    return rest.end() if rest is not None else end


def _through_named_body(sentence: str, end: int) -> int:
    """Where a title that stops inside a body's name the gazetteer reads ("Viện trưởng Viện Khoa học Lao | động và Xã
    hội", "Thứ trưởng Bộ Lao động | - Thương binh và Xã hội") truly ends: at that name's end."""
    for mention in gazetteer_mentions(sentence):
        if mention.kind in {"organisation", "ministry"} and mention.start < end < mention.end:
            return mention.end
    return end


# The capitalised word that opens a body's name ("Cục", "Sở", "Viện"): a title that ends on it alone is cut
_COMPANY_NAME_OPENS = re.compile(r"(?<!\w)[Cc]ông ty \w+$")
_BODY_OPENERS = {"cục", "sở", "bộ", "ban", "viện", "vụ", "phòng", "hội", "trường", "tổng"}
_BODY_NAME_REST = re.compile(r"(?:\s+[^\W\d_][\w-]*){1,12}?(?=\s*(?:[,;(–—]|\s-\s))")


def _through_bare_body(sentence: str, end: int) -> int:
    """Where a title ending on a body's opening word alone ("Cục trưởng Cục | khảo thí và Kiểm định chất lượng giáo
    dục (Bộ ...)") truly ends: through the body's name, written in lower case, up to the next punctuation."""
    last = sentence[:end].rsplit(None, 1)[-1] if sentence[:end].strip() else ""
    opens = last.lower() in _BODY_OPENERS or _name_goes_on_in_lower_case(sentence, end)
    # or the first word of a company's name ("Tổng công ty Điện | lực miền Bắc")
    if not (last[:1].isupper() and (opens or _COMPANY_NAME_OPENS.search(sentence, 0, end))):
        return end
    rest = _BODY_NAME_REST.match(sentence, end)
    # a body's name capitalises some word of it ("Kiểm định"); "Giám đốc Sở đã ký, ..." goes on with a deed
    if rest is None or not any(word[:1].isupper() for word in rest.group(0).split()):
        return end
    return rest.end()


_POST_ENDS = {"trưởng", "đốc", "tịch", "thư", "phó", "chánh", "nhiệm"}  # "Cục trưởng", "Giám đốc", "Chủ nhiệm" ...


def _name_goes_on_in_lower_case(sentence: str, end: int) -> bool:
    """Whether the capitalised word a title ends on opens a body's name that goes on in lower case ("Phó Giám đốc
    Trung | tâm dịch vụ việc làm Hà Nội", "Cục trưởng Khảo | thí và Kiểm định ..."): the next word is lower case and
    opens no verb ("Chủ tịch UBND tỉnh Hà Giang | cho biết" ends there)."""
    words = sentence[:end].split()
    if len(words) < 2 or words[-2].lower() not in _POST_ENDS:
        return False  # only right after the post ("Giám đốc Trung"), not a place's name ending the title
    following = re.match(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", sentence[end:])
    if following is None or not following.group(1).islower():
        return False
    return not opens_verb(following.group(1), (following.group(2) or "").lower())


def _ends_a_name_with_its_number(words: list[tuple[str, int, int]], i: int) -> bool:
    """Whether words[i] is the number that ends an institution's name ("Bệnh viện Nhân dân 115, ...", "Quân đoàn 4.")
    rather than a count the sentence goes on with ("Sở LĐ-TB&XH 3 năm liền")."""
    word = words[i][0]
    following = words[i + 1][0] if i + 1 < len(words) else ""
    if not word.isdigit() or i == 0:
        return False
    before = words[i - 1][0]
    if before.lower() in _NUMBERED_PLACES:
        return True  # "Trưởng Công an Quận 2 cho biết": a numbered district is named by its number
    return _is_title_word(before) and (not following or following in {",", ".", ";", ")", "–", "—", "-"})


_NUMBERED_PLACES = {"quận", "phường", "khu", "đoàn"}  # "Quận 2", "Phường 7", "Khu 3", "Quân đoàn 4"


def _inside_a_capitalised_name(words: Sequence[tuple[str, int, int]], i: int) -> bool:
    """Whether words[i] is the lower-case syllable of a word inside a body's name, each of whose words opens with a
    capital ("Tập đoàn Dầu khí Quốc gia Việt Nam"): a content syllable between two capitalised ones."""
    if i == 0 or i + 1 >= len(words):
        return False
    word = words[i][0]
    return (
        word[:1].islower()
        and word.isalpha()
        and word not in _UNIT_STOP
        and word not in _NOT_IN_NAMES
        and words[i - 1][0][:1].isupper()
        and words[i + 1][0][:1].isupper()
    )


_NAME_DASH = re.compile(rf"(?<=\w\s)[-–](?=\s+[{UPPER}])")


def _title_before(sentence: str, pos: int) -> int:
    """Start of a title right before a name ("Chủ tịch UBND tỉnh Nguyễn Hương Giang"), or pos."""
    # a dash between two capitalised parts of a body's name is inside the title ("Thứ trưởng Bộ Lao động - Thương binh
    # và Xã hội Doãn Mậu Diệp"): read as a space, every offset kept
    words = _words(_NAME_DASH.sub(" ", sentence[:pos]))
    start = pos
    chosen = pos
    skip = 0
    for i in range(len(words) - 1, -1, -1):
        word, ws, _ = words[i]
        if skip:
            skip -= 1
            continue
        if word == ")" and i >= 3 and words[i - 2][0] == "(" and _ACRONYM_RE.fullmatch(words[i - 1][0]):
            # a body's acronym in brackets after its name: "Chủ tịch Tập đoàn Dầu khí Quốc gia Việt Nam (PVN) Phạm
            # Quốc Khánh"
            skip = 2
            continue
        if word in {",", "–", "—", "-", ":", ";", ".", "(", ")"} or not (
            _title_word_at(words, i) or _inside_a_capitalised_name(words, i)
        ):
            break
        if word.lower() in {"đồng", "chí", "ông", "bà"} and word[:1].islower():
            break
        start = ws
        # a head right before the name is a title only when it is one alone ("GS", "TS"): "Tiến" of "Công ty May
        # Việt Tiến" and "Nguyên" of "Ban Chỉ đạo Tây Nguyên" are the end of a name
        alone = i < len(words) - 1 or word.lower() in _LONE_TITLE_HEADS
        if word.lower() in _TITLE_HEADS and word[:1].isupper() and alone:
            chosen = start
    return chosen


# The words that make the name after them a place's (a locality, a street, a school) however it reads
_PLACE_NAMED_AFTER = re.compile(
    r"(?<!\w)(?:xã|huyện|phường|quận|thị xã|thị trấn|thôn|ấp|bản|tỉnh|thành phố|TP\.?|đường|phố|trường|cầu|chợ"
    r"|ngõ|ngách|hẻm|kiệt)\s+$"
    # a house number before a street ("tại số 7 Nguyễn Hữu Huân", "số nhà 24 Hàng Muối", "ngõ 5 Lê Duẩn")
    r"|(?<!\w)(?:số(?:\s+nhà)?|ngõ|ngách|hẻm|kiệt)\s+\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)*\s+$",
    re.IGNORECASE,
)


def _before_a_title(sentence: str, start: int, end: int) -> int:
    """End of a name run [start, end) without a title's head it ran into ("Trần Thị Phương Lan Phó GĐ Sở ...",
    "Lê Văn A Phó giám đốc"): a last word that is a title's head and that a title's word (an acronym or a title's
    lower-case syllable) follows."""
    words = sentence[start:end].split()
    after = _words(sentence[end:])
    following = after[0][0] if after else ""
    if len(words) > 2 and words[-1].lower() in _TITLE_HEADS and following:
        if _ACRONYM_RE.fullmatch(following) or following in _TITLE_INNER:
            return start + sentence[start:end].rstrip().rfind(" ")
    return end


# a post a person takes up, said after the name: "Hội đồng kỷ luật do Thứ trưởng Trần Quốc Khánh làm Chủ tịch"
_TAKES_POST = re.compile(r"\s+(?:làm|giữ chức|giữ cương vị|được bầu làm|được cử làm)\s+(?=\w)")


# the person's appointment told later in the clause: "Ông Bùi Thế Hùng cũng được Hội đồng Thành viên ... quyết định bổ
# nhiệm giữ chức Tổng giám đốc ..."
_APPOINTED_TO = re.compile(r"\s+(?:cũng\s+|đã\s+|vừa\s+)*được\s[^.;:()]{0,80}?\b(?:bổ nhiệm|bầu)\s+(?:giữ\s+chức(?:\s+vụ)?|làm)?\s*(?=\w)")


def _post_taken(sentence: str, name_end: int) -> str:
    """The post a person is said to take up right after the name ("... Trần Quốc Khánh làm Chủ tịch": "Chủ tịch"), or
    to be appointed to later in the clause ("Ông Bùi Thế Hùng được ... bổ nhiệm giữ chức Tổng giám đốc"), read as a
    title after a comma is; "" when none."""
    taken = _TAKES_POST.match(sentence, name_end) or _APPOINTED_TO.match(sentence, name_end)
    if taken is None:
        return ""
    # the verb read as the comma a title follows, offsets kept
    shadow = f"{sentence[:name_end]},{' ' * (taken.end() - name_end - 1)}{sentence[taken.end():]}"
    end = _title_after(shadow, name_end)
    return sentence[taken.end() : end].strip(" ,–—-:") if end > taken.end() else ""


_BRACKETED = re.compile(r"\s*\(([^()]{2,40})\)")


def person_spans(sentence: str) -> list[Span]:
    """People with their titles: "Lê Thị Thêu – Giám đốc Sở ...", "Chủ tịch UBND tỉnh Nguyễn Hương Giang"."""
    spans = []
    for match in _NAME_RE.finditer(sentence):
        words = match.group("name").split()
        offset = match.start("name")
        # the name begins at its surname ("Đồng chí Lê Thị Thêu" -> "Lê Thị Thêu"), past a place whose first word is
        # one ("Chủ tịch UBND TP Thái Bình Phạm Văn Xuyên", "... Hà Nội Nguyễn Đức Chung")
        i = 0
        while i < len(words):
            place = _place_before_a_surname(words, i)
            if place:
                offset += sum(len(w) + 1 for w in words[i : i + place])
                i += place
                continue
            if words[i].lower() in SURNAMES:
                break
            offset += len(words[i]) + 1
            i += 1
        else:
            continue
        # the run's length limit counts from the surname: capitalised words before it ("Bộ Ngoại giao Việt Nam Lê Thị
        # Thu Hằng") must not cut the given name off
        match = _NAME_RE.match(sentence, offset) or match
        name_end = _before_a_title(sentence, offset, match.end("name"))
        if initial := _INITIAL_AFTER.match(sentence, name_end):
            name_end = initial.end()  # a name the press shortens to its initial: "Nguyễn Thị H.", "Lê Văn T."
        name = sentence[offset:name_end]
        if _PLACE_NAMED_AFTER.search(sentence, 0, offset):
            continue  # "xã Ninh Xuân", "đường Trần Hưng Đạo", "trường Lê Quý Đôn": a place named like a person
        # a run that opens with a surname may be a place ("Hà Nội", "Thái Lan"); question_places reads a place word
        # inside a name as a given name ("Mai Đức Chính", "Nguyễn Thị Nga")
        if len(name.split()) < 2 or question_places(name):
            continue
        # a deputy's province in brackets stands between the name and the title ("Đại biểu Ngô Thị Minh (Quảng Ninh),
        # Phó Chủ nhiệm Ủy ban ...")
        bracket = _BRACKETED.match(sentence, name_end)
        after = bracket.end() if bracket is not None and question_places(bracket.group(1)) else name_end
        title_end = _title_after(sentence, after)
        if title_end == after:
            title_end, after = name_end, name_end
        title_end = _through_name(sentence, title_end) if title_end > name_end else title_end
        title_start = _title_before(sentence, offset)
        if title_end > name_end:
            start, end = offset, title_end
            role = sentence[after : title_end].strip(" ,–—-:")
        elif title_start < offset:
            start, end = title_start, name_end
            role = sentence[title_start:offset].strip()
        else:
            start, end, role = offset, name_end, ""
        if post := _post_taken(sentence, end):
            role = f"{role}, {post}" if role else post
        spans.append(Span("person", sentence[start:end], start, end, role=role, unit=tuple(tokens(name))))
    spans += _foreign_people(sentence, spans)
    return with_clauses(sentence, sorted(spans, key=lambda span: span.start))


def _place_before_a_surname(words: Sequence[str], i: int) -> int:
    """The length in words of a province or country name at words[i] that a surname follows, 0 if none."""
    for size in (3, 2):
        if i + size < len(words) and words[i + size].lower() in SURNAMES and _is_place(" ".join(words[i : i + size])):
            return size
    return 0


# A capitalised word of a foreign name: "Chang-Hee", "O'Neill", "Sziraczki".
# The names of the Central Highlands' peoples open with "Y" (men: "Y Khút Niê") or "H'" (women: "H'Hen Niê").
_FOREIGN_WORD = rf"(?:H['’])?[{UPPER}][{LOWER}'’]+(?:-[{UPPER}{LOWER}][{LOWER}'’]+)*"
_FOREIGN_RUN = re.compile(
    rf"(?<![\w'’-])((?:Y\s+{_FOREIGN_WORD}(?:\s+{_FOREIGN_WORD}){{0,3}}|{_FOREIGN_WORD}(?:\s+{_FOREIGN_WORD}){{1,4}}))(?![\w-])"
)
_HIGHLANDS_NAME = re.compile(r"^(?:Y\s|H['’])")
_HONORIFICS = {"ông", "bà", "ngài"}
_HONORIFIC_BEFORE = re.compile(r"(?:ông|bà|ngài|đồng chí|Mr\.?|Mrs\.?|Ms\.?)\s+$", re.I)


_PLACE_KEYS = frozenset(place_key(place) for place in (*COUNTRIES, *PROVINCES, "Việt Nam"))


def _is_place(text: str) -> bool:
    """Whether text is one country or province name, whole ("Việt Nam", "Mỹ", "Nhật Bản")."""
    return place_key(text) in _PLACE_KEYS


def _foreign_people(sentence: str, found: list[Span]) -> list[Span]:
    """Foreign people, who have no Vietnamese surname: a run of two to four capitalised words, one at least no
    Vietnamese syllable, that an honorific or a title introduces ("Giám đốc ILO Việt Nam Chang-Hee Lee", "bà
    Tammy Lewis") or a title follows ("Gyorgy Sziraczki, Giám đốc ILO"). Without either it may be a company or a
    brand ("General Motors"), which answers no "who"."""
    spans = []
    for match in _FOREIGN_RUN.finditer(sentence):
        words = [(w.group(0), match.start(1) + w.start()) for w in re.finditer(r"\S+", match.group(1))]
        # an honorific or a place may run into the name ("Bà Tammy Lewis", "Tổng thống Mỹ Donald Trump")
        honoured = bool(words) and words[0][0].lower() in _HONORIFICS
        words = words[1:] if honoured else words
        # ("Y" of a Highlands name is no place, though it folds to a province's key)
        highlands = bool(words) and bool(_HIGHLANDS_NAME.match(f"{words[0][0]} "))
        lead = 0 if highlands else next(
            (n for n in (3, 2, 1) if n < len(words) and _is_place(" ".join(w for w, _ in words[:n]))), 0
        )
        words = words[lead:]
        if not words or (len(words) < 2 and "-" not in words[0][0]):
            continue
        offset, end = words[0][1], match.end(1)
        # a name of Vietnamese syllables without a Vietnamese surname (a Chinese name as the press writes it: "đồng
        # chí Vu Vĩ Quốc, Tỉnh trưởng tỉnh Phúc Kiến") is a person's only between an honorific and a title
        introduced = honoured or bool(_HONORIFIC_BEFORE.search(sentence[max(0, offset - 9) : offset]))
        if (
            not highlands  # a name of its own, of Vietnamese-like syllables
            and all(is_vietnamese_syllable(w) for w, _ in words)
            and not (introduced and _title_after(sentence, end) > end)
        ):
            continue
        if any(s.start < end and offset < s.end for s in found) or question_places(sentence[offset:end]):
            continue
        title_end = _title_after(sentence, end)
        title_end = _through_name(sentence, title_end) if title_end > end else title_end
        title_start = _title_before(sentence, offset)
        if title_end > end:
            start, stop, role = offset, title_end, sentence[end:title_end].strip(" ,–—-:")
        elif title_start < offset:
            start, stop, role = title_start, end, sentence[title_start:offset].strip()
        elif honoured or _HONORIFIC_BEFORE.search(sentence[max(0, offset - 6) : offset]):
            start, stop, role = offset, end, ""
        else:
            continue
        name = sentence[offset:end]
        spans.append(Span("person", sentence[start:stop], start, stop, role=role, unit=tuple(tokens(name))))
    return spans


# A person named again later in a report by honorific and given name: "- ông Chính nói", "Theo bà Hồng, ...".
# honorific or title, then the given name alone ("ông Chính", "Bộ trưởng Tân", "ĐB Vân"); a capitalised word after it
# makes a full name, read as such
_NAMED_AGAIN_BY = "|".join(
    ["[Ôô]ng", "[Bb]à", "[Aa]nh", "[Cc]hị", "ĐB", "[Đđ]ại biểu"]
    + [f"(?i:{re.escape(t[0])}){re.escape(t[1:])}" for t in titles_longest_first()]
)
_SHORT_MENTION = re.compile(rf"(?<![\w])(?:{_NAMED_AGAIN_BY})\s+(?P<given>[{UPPER}][{LOWER}]+)(?![\w])(?!\s+[{UPPER}])")


def short_mentions(sentence: str) -> list[Span]:
    """People named only by honorific or title and given name ("ông Chính", "Bộ trưởng Tân"): person spans whose unit is the given name,
    for the caller to resolve to the full name its article gives."""
    spans = []
    for match in _SHORT_MENTION.finditer(sentence):
        given = match.group("given").lower()
        spans.append(Span("person", match.group(0), match.start(), match.end(), unit=(given,)))
    return with_clauses(sentence, spans)


def role_mentions(sentence: str, roles: dict[str, Span]) -> list[Span]:
    """People a report names again by their title alone ("Thứ trưởng Bộ Công thương lưu ý ..."): for each title
    (lower-cased) of `roles` written with no name after it, the person its article gave it to, at the title's
    place in the sentence."""
    spans = []
    lowered = sentence.lower()
    for title, person in roles.items():
        for match in re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", lowered):
            if re.match(rf"\s*[{UPPER}]", sentence[match.end() :]):
                continue  # a name follows: a person span of its own, maybe someone else with that title
            spans.append(Span("person", person.text, match.start(), match.end(), unit=person.unit, role=person.role))
    return with_clauses(sentence, spans)


def role_spans(sentence: str) -> list[Span]:
    """The titles attached to named people ("Phó Chủ tịch UBND tỉnh" of "Đặng Trí Dũng – ..."); unit: the name."""
    spans = []
    for person in person_spans(sentence):
        start = sentence.find(person.role, person.start, person.end) if person.role else -1
        if start < 0:
            continue
        spans.append(Span("role", person.role, start, start + len(person.role), unit=person.unit))
    return with_clauses(sentence, spans)


def list_spans(sentence: str) -> list[Span]:
    """Enumerations after "như", "gồm", ":" with at least two short items: "Hàn Quốc, Nhật Bản, ..."."""
    spans = []
    for trigger in re.finditer(r"(?<!\w)(?:như|gồm|bao gồm|là|including|such as)(?!\w)\s*:?\s*|:\s*", sentence, re.I):
        start = trigger.end()
        stop = re.search(r"[.;!?(…]|\.\.\.|\s[–—-]\s", sentence[start:])
        end = start + (stop.start() if stop else len(sentence) - start)
        body = sentence[start:end]
        items = [i.strip() for i in re.split(r",|\s+và\s+|\s+and\s+", body) if i.strip()]
        if len(items) < 2 or any(len(i.split()) > 6 for i in items):
            continue
        text = body.strip().rstrip(",")
        # what is listed is named before the trigger ("xuất khẩu lao động 250 người tại các thị trường")
        clause_start = max(sentence.rfind(";", 0, trigger.start()), sentence.rfind(". ", 0, trigger.start())) + 1
        left = sentence[clause_start : trigger.start()].strip()
        spans.append(Span("list", text, start, start + len(text), unit=tuple(items), left=left))
    return with_clauses(sentence, spans)


# Kinds of organisation (knowledge/organisation_kinds.tsv) that are places people are taken to, work or study at
_PLACE_KINDS = frozenset({"bệnh viện", "trường", "đại học", "học viện", "trung tâm", "nhà máy", "xí nghiệp"})
# an institution is a place after those and after "vào", "về" ("được đưa vào Bệnh viện ...", "về Trung tâm ...")
_PLACE_BEFORE = re.compile(rf"(?<!\w)(?:{_AT_PLACE}|vào|về)\s+$", re.IGNORECASE)


def place_spans(sentence: str, institutions: bool = True) -> list[Span]:
    """Places: gazetteer names and capitalised names after tại/ở/sang ("tại Hàn Quốc"), plus place lists; with
    institutions, the hospitals, schools and centres the sentence names too."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []
    for body in organisations_named(sentence) if institutions else ():
        # a hospital, school or centre someone is taken to or something happens at ("được đưa vào Bệnh viện Phụ sản
        # Cần Thơ"): the whole name answers "ở đâu", not the province inside it. One that does or says something
        # ("Các bác sĩ Bệnh viện Trung ương Huế dùng ...") is no place of the sentence, nor is the province in its name
        if body.kind.kind in _PLACE_KINDS and body.words:
            taken.append((body.start, body.end))
            if _PLACE_BEFORE.search(sentence[: body.start]):
                spans.append(Span("place", sentence[body.start : body.end], body.start, body.end))
    for span in list_spans(sentence):
        if any(s < span.end and span.start < e for s, e in taken):
            continue
        if all(question_places(item) for item in span.unit):
            spans.append(Span("place", span.text, span.start, span.end, unit=span.unit, left=span.left))
            taken.append((span.start, span.end))
    for place in _PLACE_NAMES:
        for match in re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", sentence):
            if any(s <= match.start() < e for s, e in taken) or inside_name(sentence, match.start()):
                continue
            taken.append((match.start(), match.end()))
            spans.append(Span("place", match.group(0), match.start(), match.end()))
    for start, end, items in _locality_runs(sentence):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        spans.append(Span("place", sentence[start:end], start, end, unit=items if len(items) > 1 else ()))
    for match in _PLACE_PREP_RE.finditer(sentence):
        start, end = match.start("place"), _through_name(sentence, match.end("place"))
        if any(s <= start < e for s, e in taken):
            continue
        if person_spans(match.group("place")) or _EVENT_NOUN.match(sentence, start):
            continue  # "tại Hội nghị Bộ trưởng ...", "ở Lễ khai mạc": an event, not where it was held
        if end == match.end("place") and re.match(rf"\s+[{LOWER}]", sentence[end:]) and " " not in match.group("place"):
            continue  # one capitalised word run into lower case ("đến Bệnh viện", "ở Liên minh"): a name's first word
        taken.append((start, end))
        spans.append(Span("place", sentence[start:end], start, end))
    return with_clauses(sentence, spans)


_LOCALITY_JOIN = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")
# after a plural level word, names without their own ("các thị xã Dĩ An, Thuận An và Tân Uyên") are of that level
_BARE_NAME_AFTER = re.compile(rf"{_LOCALITY_JOIN.pattern}((?:[{UPPER}][\w'’]*)(?:[ \t]+[{UPPER}][\w'’]*){{0,3}})")


def _locality_runs(sentence: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Districts and communes named with their level word, those of one level joined by "," or "và" as one run
    ("thị xã Bến Cát và thị xã Dĩ An", "P. Bình Hiên, P. An Khê"): (start, end, the named units). A locality of
    another level after them says where they are ("xã Kỳ Tân, xã Kỳ Lạc, huyện Kỳ Anh")."""
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    level = ""
    for mention in locality_mentions(sentence):
        start, end = mention.start, mention.end
        joined = bool(runs) and _LOCALITY_JOIN.fullmatch(sentence[runs[-1][1] : start]) is not None
        if joined and mention.level == level:
            first, _, items = runs[-1]
            runs[-1] = (first, end, (*items, sentence[start:end]))
        elif not (runs and start < runs[-1][1]):
            named: tuple[str, ...] = (sentence[start:end],)
            if re.search(r"(?:các|những)\s*$", sentence[max(0, start - 8) : start], re.I):
                while (more := _BARE_NAME_AFTER.match(sentence, end)) is not None:
                    named, end = (*named, more.group(1)), more.end()
            runs.append((start, end, named))
        level = mention.level
    return runs


_EVENT_NOUN = re.compile(
    r"(?:Hội nghị|Hội thảo|Hội thi|Ngày hội|Đại hội|Lễ|Diễn đàn|Phiên|Cuộc|Buổi|Liên hoan|Tọa đàm|Toạ đàm|Chương trình)(?!\w)"
)


def with_clauses(sentence: str, spans: list[Span]) -> list[Span]:
    """Attach each span's local clause, cut at delimiters and at neighbouring spans of the same kind (the extractors'
    spans, and those another reader finds: a count written out in words)."""
    ordered = sorted(spans, key=lambda s: s.start)
    out = []
    for i, span in enumerate(ordered):
        c_left, c_right = clause_bounds(sentence, span.start, span.end)
        if span.kind in {"quantity", "percentage"}:
            if i > 0:
                c_left = max(c_left, min(ordered[i - 1].end, span.start))
            if i + 1 < len(ordered):
                c_right = min(c_right, max(ordered[i + 1].start, span.end))
        left = sentence[c_left : span.start] if c_left <= span.start else ""
        if span.left and len(span.left) > len(left.strip()):
            left = span.left
        right = sentence[span.end : c_right] if c_right >= span.end else ""
        out.append(
            Span(span.kind, span.text, span.start, span.end, span.value, span.unit, left.strip(), right.strip(), span.role)
        )
    return out


EXTRACTORS = {
    "quantity": quantity_spans,
    "percentage": percentage_spans,
    "date": date_spans,
    "year": year_spans,
    "document": document_spans,
    "person": person_spans,
    "role": role_spans,
    "list": list_spans,
    "place": place_spans,
}


def spans_of(sentence: str, kind: str) -> list[Span]:
    """Candidate spans of one answer type in a sentence (NFC)."""
    extractor = EXTRACTORS.get(kind)
    return extractor(nfc(sentence)) if extractor else []


def is_currency(span: Span) -> bool:
    """Whether a quantity is an amount of money."""
    # exact syllables only: unaccented "dong" would also be "động" (lao động); "đồng/người/lần" is a rate in đồng
    return currency_of(span) is not None


def currency_of(span: Span) -> str | None:
    """The currency a figure is written in ("vnd", "usd", ...), None when it names none ("162 tỷ")."""
    words = span.unit
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else _next_word(span.right, 0)
        code = names_currency(words[i - 1] if i else "", word, after)
        if code is not None:
            return code
    return None
