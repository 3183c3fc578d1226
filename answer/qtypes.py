"""Question typing: what kind of answer a question wants, its content terms and its head phrase."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from answer.constraints import (
    LEVEL_SYLLABLES,
    SURNAMES,
    Locality,
    gazetteer_mentions,
    localities,
    question_acronyms,
    question_english_names,
    question_foreign_names,
    question_names,
    question_places,
    question_unmarked_names,
    question_years,
    reads_entity,
)
from answer.extract import names_currency
from answer.knowledge.asked_bodies import asked_body_kinds
from answer.knowledge.document_kinds import document_kind_asked, document_kinds
from answer.knowledge.english_lexicon import guess_vietnamese
from answer.knowledge.english_words import is_english_word
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.glossary import common_words, glossary
from answer.knowledge.matcher import HONORIFICS
from answer.knowledge.money import how_much_measures, money_asked, money_mentions, money_nouns
from answer.knowledge.organisation_kinds import pinned_organisations
from answer.knowledge.person_questions import english_forms, person_question_words
from answer.knowledge.question_heads import question_heads
from answer.knowledge.rate_periods import period_words
from answer.knowledge.titles import titles, titles_longest_first
from answer.knowledge.units import (
    DOLLAR_UNITS,
    MONEY_UNITS,
    TIME_UNITS,
    counted_unit,
    ends_english_noun_phrase,
    english_counted_phrase,
    names_one,
    unit_mentions,
    units,
)
from answer.language import Language, capitalised, detect_language, english_plural, tokens
from ingest.vietnamese import UPPER, fold, nfc

ANSWER_TYPES = ("quantity", "percentage", "date", "year", "person", "role", "document", "list", "place", "sentence")

# Vietnamese words that carry no topic (question words, fillers, grammar). The learned answerer reads its own table
# (knowledge/stopwords.tsv); these lists stay the rules answerer's, as fitted: they also drop "đồng", "chí", "diễn" and
# more unaccented syllables ("ba", "la", "nam"), and the English one keeps "without", "within", "even"... as words the
# search text translates (knowledge/common_words.tsv), which the table drops.
VI_STOPWORDS = {
    "bao", "nhiêu", "mấy", "ai", "gì", "nào", "đâu", "sao", "thế", "là", "có", "không", "được", "đã",
    "đang", "sẽ", "của", "và", "các", "những", "cho", "với", "trong", "tại", "ở", "theo", "này", "đó",
    "thì", "mà", "như", "về", "để", "khi", "từ", "đến", "bị", "hay", "hoặc", "cũng", "còn", "lại", "rồi",
    "vào", "ra", "một", "số", "lượng", "năm", "hỏi", "biết", "vậy", "à", "hả", "nhỉ", "ơi", "xin", "tôi",
    "bạn", "mình", "chúng", "ta", "tất", "cả", "gồm", "nhất", "ấy", "kia", "điều", "lúc", "giờ", "hôm",
    "ngày", "tháng", "do", "bởi", "qua", "hãy", "nêu", "nhiều", "đồng", "chí",
    "ông", "bà", "diễn",
}
# The same list unaccented: applied only to syllables typed without diacritics.
VI_STOPWORDS_PLAIN = {fold(w) for w in VI_STOPWORDS} - {"ho", "viec", "lam", "the", "luong", "dong", "thi"}
# Syllables so common in this domain that they say little about which sentence answers.
VI_LOW_WEIGHT = {"người", "lao", "động", "tỉnh", "hỗ", "trợ", "ngành", "năm", "tổng", "công", "tác", "thực", "hiện"}

EN_STOPWORDS = {
    "the", "a", "an", "of", "in", "on", "for", "to", "by", "with", "and", "or", "is", "are", "was", "were",
    "be", "been", "being", "did", "do", "does", "how", "many", "much", "what", "which", "who", "whom",
    "whose", "when", "where", "why", "has", "have", "had", "their", "its", "it", "that", "this", "these",
    "those", "there", "from", "at", "as", "about", "get", "got", "please", "tell", "me", "under",
    "according", "year", "per", "cent", "number", "total", "amount", "s", "they", "them", "he", "she",
    "his", "her", "any", "all", "than", "more", "over", "during", "into", "out", "up", "so", "then", "also", "can", "could", "would", "should", "will", "through", "people", "persons", "person", "i", "we",
    "you", "our", "your", "date", "day", "held", "take", "place", "took",
}

# The bilingual domain glossary (answer/knowledge/glossary.tsv): English phrase -> Vietnamese phrases.
GLOSSARY: dict[str, tuple[str, ...]] = glossary()

# A possessive reads as its noun, in keys and questions alike: "patient's", "Social Security's", "workers’".
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s|$)")


@dataclass(frozen=True)
class _PhraseReader:
    """An English -> Vietnamese phrase table made ready for matching: one pattern per key length in words, longest
    first (a longer key blanks the shorter ones inside it); each finds every position a key of that length starts
    at, overlapping ones included."""

    table: dict[str, tuple[str, ...]]
    as_matched: dict[str, str]  # a key without its possessives -> the key (the first of equal ones)
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, table: dict[str, tuple[str, ...]]) -> _PhraseReader:
        as_matched: dict[str, str] = {}
        for key in table:
            as_matched.setdefault(_POSSESSIVE.sub("", key), key)
        # a phrase's head noun is its last word, and questions ask in the plural as often ("collective labour
        # agreements"); single words get their endings stripped where they are read (gloss_word)
        for key in list(as_matched):
            if " " in key:
                as_matched.setdefault(english_plural(key), as_matched[key])
        lengths = sorted({len(k.split()) for k in as_matched}, reverse=True)
        patterns = tuple(
            re.compile(
                "(?= ("
                + "|".join(re.escape(k) for k in sorted((k for k in as_matched if len(k.split()) == n), key=len, reverse=True))
                + ")(?= ))"
            )
            for n in lengths
        )
        return cls(table, as_matched, patterns)


# How the answerer reads an English question: the domain glossary alone (its weights and bars were fitted on it).
_READER = _PhraseReader.of(GLOSSARY)
# How an English question is searched: the domain glossary, then the first (most common) press wording of the
# general words (answer/knowledge/common_words.tsv) for the words it leaves unread. More Vietnamese in the search
# text finds the evidence more often; every wording of a word adds loose matches (ViNewsQA-English dev, gold
# sentence first: 0.433 before, 0.463 with every wording, 0.471 with the first). Read by the answerer too, the
# general words lowered every overlap score it was fitted on (answer holds gold 0.373 -> 0.256), so it does not.
_SEARCH_READER = _PhraseReader.of({**{k: v[:1] for k, v in common_words().items()}, **GLOSSARY})

# Words that ask for an amount of money besides the money nouns (knowledge/money_nouns.tsv): "how much", except
# "by how much" (a change) and "how much of the workers"; "dong" only after a figure or a magnitude ("Dong Van" is
# a place).
# "how much" before what is measured otherwise asks no money: a comparative of a measure or a substance
# (knowledge/how_much_measures.tsv: "how much cooler", "how much water")
# The measure may close the noun phrase "how much" opens ("how much total social housing floor area"), whose words
# run up to the verb; "money" or a verb ends it first ("how much money did the land sale bring" asks money), and a
# measure word after other words that does not end the phrase is no head ("how much total land rent" asks money).
# Nor does one whose verb weighs.
_PHRASE_ENDS = r"is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|must|may|might|of|in|for|per|to|at|on|from|than"
_MEASURE_WORDS = "|".join(how_much_measures())
_NOT_MONEY_AFTER_HOW_MUCH = (
    r"(?! \w+ (?:workers|people))"
    # "how much did the boy weigh at birth": a weight
    + r"(?![^?]*\bweigh(?:s|ed)?\b)"
    + rf"(?! (?:{_MEASURE_WORDS})\b)"
    + rf"(?! (?:(?!(?:{_PHRASE_ENDS}|money)\b)\w+ ){{1,4}}(?:{_MEASURE_WORDS})(?=\s*(?:[?,.;]|$)|\s+(?:{_PHRASE_ENDS})\b))"
)
_MONEY_EN = re.compile(
    r"(?<!\bby )\bhow much\b" + _NOT_MONEY_AFTER_HOW_MUCH + r"|\b(?:spent|vnd)\b"
    r"|\d[- ]dong\b|\b(?:thousand|million|billion|trillion)[- ]dong\b"
)

DOCUMENT_KINDS = tuple(vi for vi, _ in document_kinds())  # how the articles name the kinds of document asked for


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks: its language, expected answer type and the terms an answer must match."""

    text: str
    language: Language
    answer_type: str
    terms: tuple[str, ...]  # Vietnamese content syllables (English questions: glossary translations)
    phrases: tuple[str, ...]  # multi-syllable Vietnamese phrases of the question, for bigram alignment
    # an English question's words the glossary gives several Vietnamese phrases for, each word's phrases together:
    # a sentence that writes one of them says what the word says ("sent abroad" is "xuất khẩu lao động" or "đi làm
    # việc ở nước ngoài", never both)
    alternatives: tuple[tuple[str, ...], ...]
    unit: tuple[str, ...]  # the counted noun right after "bao nhiêu"/"how many" (Vietnamese syllables)
    head: tuple[str, ...]  # the phrase naming what is asked ("người thuộc hộ cận nghèo", "hộ nghèo" of tỷ lệ)
    verb: str | None  # the syllable right before "bao nhiêu" ("giảm", "đạt"), matched before the figure
    money: bool  # the question asks for an amount of money
    doc_kind: str | None  # "nghị quyết", "quyết định", ... when a document is asked for
    years: tuple[int, ...]
    period: str | None  # "cuối năm", "6 tháng đầu năm", ... when the question narrows the year
    places: tuple[str, ...]
    names: tuple[str, ...]  # person names in the question
    unknown: tuple[str, ...]  # English content words with no glossary entry
    foreign_names: tuple[str, ...] = ()  # brands and companies a Vietnamese question names ("Unilever")
    english_names: tuple[str, ...] = ()  # names an English question writes that no table reads ("Kuwait")
    unread: float = 0.0  # share of an English question's content words no table translates (0 for Vietnamese)
    localities: tuple[Locality, ...] = ()  # districts and communes named with their level word
    acronyms: tuple[str, ...] = ()  # acronyms no table reads ("BIDV", "VTV"), pinned down like names
    counted: str | None = None  # the units.tsv id the question word counts (knowledge.units.counted_unit)
    currency: str | None = None  # "usd", "vnd" ... when the question names the currency it asks the amount in
    asks_change: bool = False  # it asks how much something rose or fell ("mức tăng ... là bao nhiêu", "tăng bao nhiêu")
    asks_clock: bool = False  # it asks for a time of day ("từ mấy giờ", "what time"): a date answered by the hour
    counts_things: bool = False  # an English "how many" that counts things, not money ("how many dollars" is money)
    guessed: tuple[str, ...] = ()  # Vietnamese guesses for the unknown words (knowledge.english_lexicon)
    # how the press writes each unknown lower-case word the general words translate (common_words.tsv: "founded" ->
    # "thành lập", "sáng lập"), one group a word: only to tell which of a sentence's spans the question asks about
    general: tuple[tuple[str, ...], ...] = ()
    # a district or commune is asked for ("thuộc huyện nào", "những phường, xã nào"); a country or province, which
    # none of them is ("sang nước nào", "which province")
    asks_locality: bool = False
    asks_above_locality: bool = False
    # the own words of each company, bank, school or hospital a Vietnamese question names, which evidence about it
    # writes ("Sông", "Hồng" of "Tổng công ty Sông Hồng": knowledge/organisation_kinds.tsv)
    bodies: tuple[tuple[str, ...], ...] = ()
    # the kinds of body the question asks for ("nhà thầu nào", "which ministry": knowledge/asked_bodies.tsv), None
    # when it asks for none
    asked_bodies: frozenset[str] | None = None

    @property
    def mostly_unread(self) -> bool:
        """More of the question's content is untranslated than translated: its words cannot choose the evidence."""
        return self.unread > _MOSTLY_UNREAD


def _plain(text: str) -> str:
    return " " + " ".join(fold(t) for t in tokens(text)) + " "


# The accented syllables the question-word patterns below are written for. Any other accented syllable is
# masked before matching, so "máy" (machine) is not "mấy", "đầu" (head) not "đâu", "não" (brain) not "nào";
# syllables typed without diacritics still match as they are.
_QWORD_SYLLABLES = set(
    "tỷ tỉ lệ phần trăm bao nhiêu nghị quyết định thông tư chỉ thị công văn bản luật số nào gì mấy theo chính "
    "sách khi lúc giờ ngày hôm thời gian điểm vào dịp năm ai người vị đồng chí ông bà ở tại đâu nơi địa phương "
    "tỉnh nước quốc gia những các trường đơn lĩnh vực đối tượng chương trình nhóm tổng lượng kinh phí tiền cộng là "
    "như thế vì sao do ra bằng cách làm nguyên nhân tuổi lãi suất lãnh đạo cán bộ quan chức chuyên gia đại biểu "
    "huyện xã phường quận thị trấn cơ hiệu mức lên xuống tốc độ tăng giảm trưởng với gấp lần".split()
)
# Questions asking for an explanation, a manner or a description: the answer is a sentence, whatever
# else the question names ("Vì sao tỷ lệ ... cao", "Tỷ lệ ... như thế nào", "Do đâu ...").
_FREE_RE = re.compile(r" (vi sao|tai sao|do dau|vi dau|nhu the nao|the nao|ra sao|bang cach nao|cach nao|lam sao|nguyen nhan) ")
_ASKS_RE = re.compile(r" (bao nhieu|may|nao|gi|ai|dau|khi|sao) ")


def _question_words(text: str) -> str:
    """The question's syllables unaccented, with accented syllables outside the question vocabulary masked."""
    toks = tokens(text)
    # in a question typed with diacritics an unaccented "may" is "may" (luck), not "mấy"
    accented = any(tok != fold(tok) for tok in toks)
    out = []
    for tok in toks:
        plain = fold(tok)
        keep = tok in _QWORD_SYLLABLES or (tok == plain and (not accented or not plain.isalpha()))
        out.append(plain if keep else "x")
    return " " + " ".join(out) + " "


# Who a question asks the name of, by the noun it opens with ("Mẹ của bé ... tên là gì", "the names of the three young
# men"): kin and the people units count (units.tsv), not a company or a disease ("Công ty ... tên là gì")
# ("Ông chủ Foxconn ... tên là gì" opens with a title, which the answer sentence may write with a foreign name)
_KIN_VI = frozenset({"mẹ", "bố", "cha", "vợ", "chồng", "con", "cháu", "bé"})
_OWNER_VI = re.compile(r"chủ\s+(?!đầu tư|quản|sở hữu|trì|tịch|nhiệm|đề|trương|động|yếu)\w")
_NAME_ASKED_VI = re.compile(r"(?:họ\s+và\s+tên|họ\s+tên|tên)\s+(?:là\s+)?gì\s*\??\s*$", re.I)
_NAME_ASKED_EN = re.compile(r"\bwhat (?:is|are|was|were) the (?:full )?names? of (?:the |his |her |their )?(?P<who>(?:[\w-]+ ){0,3}[\w-]+)\b")


_PEOPLE_EN = frozenset(
    {
        "men", "man", "women", "woman", "boy", "boys", "girl", "girls", "mother", "father", "wife", "husband", "son",
        "daughter", "brother", "sister", "grandmother", "grandfather", "victim", "suspect",
    }
)


@functools.cache
def _people_units() -> tuple[frozenset[str], frozenset[str]]:
    """The units.tsv ids that count people, and their English forms."""
    people = frozenset(u.unit_id for u in units().values() if u.kind == "people")
    return people, frozenset(form for unit_id in people for form in units()[unit_id].forms_en)


def asks_a_persons_name(text: str, language: Language) -> bool:
    """Whether a question asks for the name of a person it describes ("Mẹ của bé Quách Khả Hân ... tên là gì?", "What
    are the names of the three young men who ...?"): a person answers it, as "ai" would be."""
    people, nouns = _people_units()
    if language == "vi":
        if not _NAME_ASKED_VI.search(text):
            return False
        first = text.split()[0].lower() if text.split() else ""
        opening = unit_mentions(text[:30])
        if first in _KIN_VI or bool(opening and opening[0].start == 0 and opening[0].unit_id in people):
            return True
        # an owner ("Chủ cơ sở massage ... tên là gì?"; an investor, "chủ đầu tư", is mostly a company) or a post
        # ("Giám đốc trung tâm ... tên là gì?") is a person
        return bool(_OWNER_VI.match(text.lower())) or _opening_title(text) is not None
    asked = _NAME_ASKED_EN.search(text.lower())
    # kin by marriage is kin: "mother-in-law"
    return asked is not None and any(
        w in nouns or w in _PEOPLE_EN or w.split("-")[0] in _PEOPLE_EN for w in asked.group("who").split()
    )


# a time of day asked: "lúc/từ/vào/đến mấy giờ", "mấy giờ sáng", "vào giờ nào", "what time", "at what hour"; not "mấy giờ
# mỗi ngày" or "bao nhiêu giờ", lengths of time
_ASKS_CLOCK = re.compile(
    r"(?<!\w)(?:lúc|từ|vào|đến|tới|trước|sau|khoảng)\s+mấy\s+giờ(?!\w)|(?<!\w)mấy\s+giờ\s+(?:sáng|trưa|chiều|tối|đêm)(?!\w)"
    r"|(?<!\w)vào\s+giờ\s+nào(?!\w)|\b(?:what|which) time\b|\bat what hour\b",
    re.IGNORECASE,
)
_ASKS_THE_YEAR = re.compile(r"(?<!\w)năm (?:nào|bao nhiêu|mấy)(?!\w)(?! cũng)|\b(?:which|what) year\b|\bin what year\b")
_EVERY_YEAR = re.compile(r"(?<!\w)năm nào cũng(?!\w)", re.IGNORECASE)
_ASK_THEN = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+", re.IGNORECASE)


def _counts_a_ratio(question: str) -> bool:
    """Whether a rate question counts things per other things ("tỷ lệ sinh bao nhiêu em bé trên mỗi bà mẹ", "bao
    nhiêu bé trai trên 100 bé gái"): the question word stands before a counted noun of the units table, so the
    answer is a count over a base ("2,1 em bé/bà mẹ"), not a per cent."""
    text = nfc(question)
    for ask in _ASK_THEN.finditer(text):
        noun = next(iter(unit_mentions(text[ask.end() :])), None)
        if noun is not None and noun.start == 0 and noun.unit_id != "percent":
            return True
    return False


# "bao nhiêu", "mấy", or "lên/xuống mức nào" (the level a figure went to), folded and spaced
_ASKS_AN_AMOUNT = re.compile(r" (bao nhieu|may|len muc nao|xuong muc nao) ")


# "bao nhiêu %", "mấy%": a share asked by its sign, which the question's syllables (_question_words) do not keep
_ASKS_A_PERCENT_SIGN = re.compile(r"\b(?:bao nhiêu|mấy)\s*%", re.I)


# the pace of a rise or fall ("tăng với tốc độ bao nhiêu", "tốc độ tăng trưởng"): a percentage, where a speed alone
# ("tốc độ trung bình") may be km/h
# growth asked without a unit at the question's end ("kinh tế tỉnh tăng trưởng ở mức bao nhiêu?") is one too
_ASKS_A_GROWTH_RATE = re.compile(
    r" (toc do (tang|giam)|(tang|giam)( truong)? (voi|o) (muc )?toc do) |tang truong (o |voi |dat )?(muc )?(bao nhieu|may) $"
)


def _vi_answer_type(plain: str, titled: bool = False, doc_kind: str | None = None, asks_money: bool = False) -> str:
    """The expected answer type of a Vietnamese question, from its masked unaccented form (_question_words).

    Args:
        titled: a title noun asks for a person with "nào" (_asks_by_title), which the masked form cannot show.
        doc_kind: the kind of document the question names (document_kind_asked), if any.
        asks_money: the question word asks for an amount of money (_asks_money_noun), or its "lãi suất" only
            qualifies a money noun (_rate_of_a_money_noun).
    """
    if _FREE_RE.search(plain):
        return "sentence"
    if re.search(r" (ty le|ti le|phan tram)", plain) and (_ASKS_AN_AMOUNT.search(plain) or not _ASKS_RE.search(plain)):
        return "percentage"
    if _ASKS_A_GROWTH_RATE.search(plain) and _ASKS_AN_AMOUNT.search(plain) and not re.search(r" (gap|lan) ", plain):
        return "percentage"
    kind_asked = re.search(r" (nghi quyet|quyet dinh|nghi dinh|thong tu|chi thi|cong van|cong dien|van ban|luat) (so )?(nao|gi|may|bao nhieu) ", plain)
    # "văn phòng luật nào" asks for a law firm: a "luật" that names no document (document_kind_asked) asks for none
    if (kind_asked and (kind_asked.group(1) != "luat" or doc_kind is not None)) or re.search(
        r" theo (nghi quyet|quyet dinh|nghi dinh|thong tu|chi thi|van ban|chinh sach) nao ", plain
    ):
        return "document"
    # "Quyết định ... do Chủ tịch UBND tỉnh ký có số hiệu gì?": the number asked is the named document's, wherever
    # the question names its kind
    if doc_kind is not None and re.search(r" so (hieu (la )?(gi|nao)|may|bao nhieu) ", plain):
        return "document"
    if re.search(r" (khi nao|luc nao|bao gio|ngay nao|ngay may|hom nao|thoi gian nao|thoi diem nao|vao ngay nao|dip nao) ", plain):
        return "date"
    # an interest rate is a percentage ("lãi suất cho vay ... là bao nhiêu": "4,8%/năm"), unless the question asks
    # for the decision or the date that set it (above), or for money ("huy động được bao nhiêu tiền bằng chiêu gửi
    # tiết kiệm lãi suất cao": a rate asked as such, "tỷ lệ", is read above)
    if re.search(r" lai suat ", plain) and re.search(r" (bao nhieu|may) ", plain) and not asks_money:
        return "percentage"
    if re.search(r" ngay,? (thang|x),? nam nao ", plain):
        return "date"  # "vào ngày tháng năm nào" asks the whole date ("tháng" is masked as a period word)
    if re.search(r" (nam nao|nam bao nhieu) ", plain):
        return "year"
    # "lên mức nào" asks the level a figure went to, as "lên bao nhiêu" does ("ở mức nào", "tệ đến mức nào" may ask
    # how good or bad)
    if _ASKS_AN_AMOUNT.search(plain) or re.search(r" tuoi nao ", plain):  # an age: "ở độ tuổi nào"
        return "quantity"
    if re.search(r" (nhung|cac|nhom|loai) (nhom |loai )?(nguoi |doi tuong )?(nao|ai) ", plain):
        # a category of people ("những ai", "nhóm người nào", "những đối tượng nào"), not one named person:
        # answered by the sentence that lists them, like other lists
        return "list"
    # "vị nào" asks for a person, "đơn vị nào" for a body
    if titled or re.search(r" (ai|nguoi nao|(?<! don )vi nao|dong chi nao|ong nao|ba nao) ", plain) or re.search(
        r"(?<! nhung)(?<! cac) (lanh dao|can bo|quan chuc|chuyen gia|dai bieu) nao ", plain
    ):
        return "person"
    # a locality by its level word ("ở xã nào", "huyện nào"; not "cơ quan nào", an agency); "đâu là thách thức lớn
    # nhất" asks which thing is, not where
    if re.search(r" (o dau|tai dau|noi nao|dia diem nao|dia phuong nao|tinh nao|nuoc nao|quoc gia nao|dau(?! la )) ", plain) or re.search(
        r" (huyen|xa|phuong|(?<! co )quan|thi xa|thi tran) nao ", plain
    ):
        if re.search(r" (nhung|cac) [a-z ]*(nuoc|quoc gia|dia phuong|tinh|huyen|xa|phuong|quan|thi tran) nao ", plain):
            return "list"
        return "place"
    if re.search(r" (nhung|cac) [a-z ]{1,40}? nao ", plain) or re.search(r" (nhung|cac) gi ", plain):
        return "list"
    if re.search(r" (thi truong|linh vuc|doi tuong|chuong trinh|nhom) nao ", plain):
        return "list"
    # keyword-style queries naming a figure: "tổng kinh phí hỗ trợ tiền thuê nhà", "số lao động được ..."
    if re.match(r" (tong so|so luong|so|tong kinh phi|kinh phi|tong tien|so tien|tong cong) ", plain) and not re.search(
        r" (la gi|nhu the nao|the nao|vi sao|tai sao) ", plain
    ):
        return "quantity"
    return "sentence"


def _noun_phrase(words: str) -> str:
    """The leading noun phrase of some words ("what was X total revenue | in 2015", "which groups | received timely
    allowances"): up to a word that ends it (units.ends_english_noun_phrase), or "according" / "received"."""
    kept: list[str] = []
    split = words.split()
    for i, word in enumerate(split):
        if word == "per" and split[i + 1 : i + 2] == ["capita"]:
            kept.append(word)  # "GDP per capita", "per capita income": an adjective, no preposition
            continue
        if word in {"according", "received"} or ends_english_noun_phrase(word, kept):
            break
        kept.append(word)
    return " ".join(kept)


# "who" asking for a person: the question's first word, after a clause break ("According to the ministry, who ..."),
# or after a preposition ("to whom"); not a relative pronoun ("people who eat raw vegetables") nor the World Health
# Organization ("According to WHO, what ...")
_ASKS_WHO_RE = re.compile(r"(?:^|[,;:(]\s*|\b(?i:by|to|for|with|from|of|among)\s+)(?:[Ww]ho(?:m|se)?)\b")


# Nouns for one person an English "which ..." asks for (leader, official, minister ...), longest first: "deputy
# minister" is read before "deputy".
_ENGLISH_PERSON_NOUNS = {*english_forms("asker"), *(en for forms in titles().values() for en in forms)}
_AUXILIARIES_EN = r"(?:is|was|are|were|be|been|did|does|do|has|have|had|will|would|can|could|should|must|may|might)"
_PERSON_NOUNS_EN = "(?:{})".format("|".join(re.escape(n) for n in sorted(_ENGLISH_PERSON_NOUNS, key=lambda n: (-len(n), n))))


# Not followed by a noun it modifies ("the poverty reduction period", "the growth target"): those ask for that noun
_NOT_A_MODIFIER = (
    r"(?!\s+(?:period|periods|phase|stage|target|targets|goal|goals|plan|plans|programme|programs?|policy|policies|scheme"
    r"|schemes|roadmap|project|projects|package|packages|campaign|fund|funds|model|strategy|measures?)\b)"
)


_DOCUMENT_NOUNS_EN = r"(?:document|decision|decree|dispatch|official letter|circular|directive|resolution|plan|instruction|ordinance|code|law)"
# "which Ministry of Finance circular", "which Prime Minister's decision": "which", the issuer's name (capitalised
# words, joined by "of", "and", "the"), then a kind of legal document; "which State President signed the decision"
# asks for the president (a verb stands between)
_ISSUER_DOCUMENT_EN = re.compile(
    r"\b[Ww](?:hich|hat) (?:(?:[A-Z][\w'’.&-]*|of|and|the)\s+){1,5}?(?:decrees?|circulars?|decisions?|resolutions?|directives?)\b"
)


# an age asked: "how old", "at what age do people retire" (not "what is the retirement age", which the press often
# states bare: "nữ tăng lên 62,5")
_HOW_OLD = re.compile(r"\bhow old\b|\bat (?:what|which) age\b")


def _en_answer_type(lowered: str, asks_who: bool = True) -> str:
    """The expected answer type of an English question; asks_who: the question asks "who" (_ASKS_WHO_RE)."""
    if re.search(r"\b(what|which) (?:(?:minimum|maximum|average|total|overall|largest|smallest|combined) )?(percentage|percent|rate|proportion|share|ratio|probability|likelihood|chance)\b|\bhow many percent\b|\b(?:poverty|interest) rate\b|\brate of\b|\bpercentage\b", lowered):
        return "percentage"
    # "what was the province's unemployment rate", "how much did the US unemployment rate rise to": a rate the
    # question names is stated in per cent
    if re.search(r"\bwhat (?:is|was|are|were|will be) (?:the )?(?:[\w'’-]+ ){0,4}?rates?\b(?! of exchange)", lowered) or re.search(
        r"\bhow much (?:did|does|has|had|will|would|is|was) (?:the )?(?:[\w'’-]+ ){0,4}?rates?\b(?! of exchange)", lowered
    ):
        return "percentage"
    # "what increase", "what was the largest rise": a change, which the press states in per cent
    # ... as the noun asked, not a modifier of it ("what is the poverty reduction period" asks for a period)
    if re.search(r"\bwhat (?:(?:is|was|are|were) )?(?:the )?(?:[\w-]+ ){0,2}?(?:increase|rise|raise|hike|cut|reduction|decrease|drop|growth)\b" + _NOT_A_MODIFIER, lowered):
        return "percentage"
    if re.search(r"\b(which|what) (resolution|decision|decree|circular|directive|document|law|legal document)", lowered) or re.search(
        r"\bunder (which|what)\b", lowered
    ):
        return "document"
    # "what is the number of the Politburo's resolution ...", "what number is the plan": the document's number
    if re.search(rf"\bnumber of the (?:[\w'’-]+ ){{0,12}}?{_DOCUMENT_NOUNS_EN}\b|\bwhat number (?:is|was) the\b", lowered):
        return "document"
    if re.search(r"\b(what|which) year\b|\bin which year\b", lowered):
        return "year"
    # "when" asks for a date only as a question word, before its verb ("When did ...", "by when will ..."); "what
    # happens when X enters the body" and "When you eat mango, what happens ..." ask what, not when
    if re.search(r"\bwhen (?:is|was|are|were|did|does|do|will|would|can|could|should|has|have|had|must)\b", lowered) or re.search(
        r"\bwhat (date|day|time)\b|\bwhich (date|day)\b|\bon what\b", lowered
    ):
        return "date"
    # "What did the department propose about how much people pay?" asks what was proposed: "how much" after
    # "about" opens a clause, not the question
    embedded = re.match(r"\s*(?:what|which|why)\b.*\b(?:about|regarding) how (?:many|much)\b", lowered)
    if (re.search(r"\bhow (many|much)\b", lowered) and not embedded) or re.search(
        r"\bwhat (?:was|is|were|are) the (?:total )?(?:amount|funding|budget|cost|number|sum|figure|total|spending)\b", lowered
    ):
        return "quantity"
    # a term, a value, a size or an age limit is a figure: "how long a prison term", "what was the value of the
    # phone", "how big is the plot", "what is the maximum age"
    if re.search(
        r"\bhow long (?:a |an )?(?:prison |jail )?(?:term|sentence)\b|\bhow many (?:years|months) (?:in|of) (?:prison|jail)\b"
        r"|\bwhat (?:is|was|were|are) the (?:total |estimated |market )?(?:value|worth|price|cost) of\b"
        r"|\bhow (?:big|large) (?:is|was|were|are) the\b|\bwhat (?:is|was) the (?:total )?area of\b"
        r"|\bwhat (?:is|was) the (?:maximum|minimum) age\b"
        # a measure: "what total distance did she cover", "how far", "what is the length of the bridge"
        r"|\bwhat (?:(?:is|was|are|were) )?(?:the )?(?:total |overall |combined )?(?:distance|length|height|depth|width)\b"
        r"|\bhow far\b",
        lowered,
    ) or _HOW_OLD.search(lowered):
        return "quantity"
    # "what monthly rent", "what price per square metre", "what is the maximum loan": an amount of money; "which
    # rising labour costs" picks among kinds of cost, not an amount
    asked = re.search(r"\bwhat (?:(?:is|was|are|were) )?(?:the )?((?:[\w-]+ ){0,5}[\w-]+)", lowered)
    if asked and money_nouns(_noun_phrase(asked.group(1))):
        return "quantity"
    if asks_who and re.search(r"\bwho(m|se)?\b", lowered):
        return "person"
    # "Which provincial leader attended ...", "which official said ...": a person, as "lãnh đạo nào" is
    # "Which Ministry of Health official ...", "which Binh Duong provincial vice chairman ...": the noun may stand
    # a few words after "which", never past a verb ("which province did the minister visit" asks for a province)
    # nor past the noun "which" asks for ("which district visited Deputy Prime Minister ...")
    if not re.search(r"\bwhich (?:country|place|province|city|district|commune|market|locality|company|unit)\b", lowered) and re.search(rf"\bwhich (?:(?!{_AUXILIARIES_EN}\b)[\w-]+ ){{0,4}}?{_PERSON_NOUNS_EN}\b", lowered):
        return "person"
    if re.search(r"\b(which|what) (countries|markets|places|provinces|localities|groups|programmes|programs|fields|areas|sectors)\b", lowered):
        return "list"
    if _asks_where(lowered) or re.search(r"\b(which|what) (country|place|province|city|market|locality|district|commune|ward|town)\b", lowered):
        return "place"
    # "in which French city", "which coastal province": one modifier before the place noun
    if re.search(rf"\b(?:which|what) (?!{_AUXILIARIES_EN}\b)[\w-]+ (?:country|province|city|district|commune|town)\b", lowered):
        return "place"
    return "sentence"


def _asks_where(lowered: str) -> bool:
    """Whether "where" is the question's word: not a relative one after another question word ("Which contractor was
    building the section where a steel pipe fell?" asks for the contractor)."""
    where = re.search(r"\bwhere\b", lowered)
    return where is not None and not re.search(r"\b(?:what|which|who|whom|whose|how|when|why)\b", lowered[: where.start()])


def _vi_money(plain: str, unit: tuple[str, ...]) -> bool:
    """Whether a Vietnamese question asks for an amount of money (its unit decides when it has one)."""
    if unit:
        # "bao nhiêu tiền", "bao nhiêu tỷ", or a noun that prices ("bao nhiêu vốn": knowledge/money_nouns.tsv); not
        # one that measures it in another unit ("mấy tháng lương")
        return (
            fold(unit[0]) in {"tien", "ty", "trieu", "nghin", "ngan", "dong", "usd", "kinh"}
            or any(" ".join(unit).startswith(noun) for noun in money_nouns(" ".join(unit)))
            or _unit_currency(unit) is not None  # "bao nhiêu nhân dân tệ", "bao nhiêu yên"
        )
    return money_asked(plain)  # knowledge/money_asks.tsv


def _prices_first(question: str) -> bool:
    """Whether a question that counts nothing after its question word names a thing priced before any thing
    counted: "học phí ... bao nhiêu một học kỳ", "lượng kiều hối người Yên Thành ... bao nhiêu" ask for money;
    "tổng số lao động được hỗ trợ tiền thuê nhà là bao nhiêu" counts workers."""
    priced = [m.start for m in money_mentions(question)]
    if not priced:
        return False
    counted = [m.start for m in unit_mentions(question) if m.unit_id not in TIME_UNITS and not names_one(question, m)]
    return not counted or min(priced) < min(counted)


# a money noun asked for right away, after at most three words ("mức lương bình quân bao nhiêu mỗi tháng")
_ASKED_RIGHT_AFTER = re.compile(r"^(?:\s+[^\s,;:?]+){0,3}?\s+(?:là\s+)?(?:khoảng\s+|chừng\s+)?(?:bao\s+nhiêu|mấy)\b", re.I)
_COUNT_OPENING = re.compile(r"^\W*(?:tổng\s+số|số\s+lượng|số)\s", re.I)


def _money_asked_directly(question: str) -> str | None:
    """The money noun a question asks the amount of right after naming it, whatever it names before ("Lao động
    ... có mức lương bình quân bao nhiêu mỗi tháng" -> "mức lương"); None for a question opening with a count
    ("Tổng số lao động được hỗ trợ tiền thuê nhà là bao nhiêu") or asking no money so."""
    text = nfc(question)
    if _COUNT_OPENING.match(text):
        return None
    return next((m.surface for m in money_mentions(text) if _ASKED_RIGHT_AFTER.match(text[m.end :])), None)


# Function words that end a head noun, as written with marks (knowledge/question_heads.tsv); folded, for questions
# typed without them
_HEAD_STOP_MARKED = question_heads()["stop"]
_HEAD_STOP = {fold(word).lower() for word in _HEAD_STOP_MARKED}


def _stops_head(token: str, unmarked: bool) -> bool:
    """Whether a syllable ends the head noun. With marks, the syllable as written ("thí sinh" is no "thì", "tai nạn"
    no "tại", "da giày" no "đã"); in a question typed without marks, its folded form."""
    return fold(token).lower() in _HEAD_STOP if unmarked else token.lower() in _HEAD_STOP_MARKED


def _typed_unmarked(toks: Sequence[str]) -> bool:
    """Whether a question is typed without diacritics."""
    return all(t == fold(t) for t in toks)


# Verbs of change before "bao nhiêu" ("giảm bao nhiêu người") that must also precede the figure (question_heads.tsv)
_CHANGE_VERBS = question_heads()["change"]
# the words that may stand between a verb of change and "bao nhiêu" ("tăng lên mức bao nhiêu")
_CHANGE_FILLERS = frozenset({"lên", "xuống", "mức", "tới", "đến"})
# An English question asking by how much something changed: "by how many ...", "how much did X rise"
_EN_CHANGE_ASK = re.compile(
    r"\bby how (?:many|much)\b|\bhow (?:many|much)\b(?:\s+[\w-]+){0,8}?\s+(?:did|does|do|has|have|had|will)\s+"
    r"(?:[\w-]+\s+){0,6}?(?:fall|rise|increase|decrease|drop|decline|grow|go (?:up|down))\b"
)


def _is_ask(toks: list[str], plain: list[str], i: int) -> int:
    """Length of a "bao nhiêu"/"mấy" (or a "lên mức nào" that asks a level as they do) at position i (0 when none
    there)."""
    if plain[i] == "bao" and i + 1 < len(toks) and plain[i + 1] == "nhieu":
        return 2
    if toks[i] in {"mức", "muc"} and i + 1 < len(toks) and plain[i + 1] == "nao" and i > 0 and plain[i - 1] in {"len", "xuong"}:
        return 2
    if toks[i] == "mấy" or (toks[i] == "may" and all(tok == fold(tok) for tok in toks)):
        # typed without marks, "may" is "mấy"; in a question with marks it is "may" ("công ty may", garments)
        if _recent_period(toks, i) and any(_is_ask(toks, plain, j) for j in range(i + 2, len(toks))):
            return 0  # "Mấy năm gần đây điểm chuẩn ... từ bao nhiêu điểm": when, not what is asked
        return 1
    return 0


# The words that make "mấy <period>" a time adverbial ("mấy năm gần đây", "mấy tháng qua", "mấy ngày nay"); the
# periods are rate_periods.tsv's
_RECENT = (("gần", "đây"), ("qua",), ("vừa", "qua"), ("nay",), ("trở", "lại"))
_PERIODS = frozenset(period_words())


def _recent_period(toks: list[str], i: int) -> bool:
    """Whether "mấy" at position i opens a recent period ("mấy năm gần đây"); folded only in a question typed without
    marks."""
    unmarked = _typed_unmarked(toks)

    def same(words: Sequence[str], forms: Sequence[str]) -> bool:
        return tuple(words) == tuple(forms) or (unmarked and tuple(fold(w) for w in words) == tuple(fold(f) for f in forms))

    if i + 1 >= len(toks) or not any(same(toks[i + 1 : i + 2], (period,)) for period in _PERIODS):
        return False
    return any(same(toks[i + 2 : i + 2 + len(tail)], tail) for tail in _RECENT)


# After the head noun, these open a modifier, not more of the noun: "người | trên toàn thế giới", "công nhân |
# các khu công nghiệp tỉnh Hòa Bình", "lao động | tỉnh Nghệ An" (what is counted is the workers, wherever they are);
# knowledge/question_heads.tsv
_MODIFIER_OPENERS = question_heads()["modifier"]


def _run_after(toks: list[str], start: int, limit: int) -> tuple[str, ...]:
    run: list[str] = []
    unmarked = _typed_unmarked(toks)
    plain = [fold(t) for t in toks]
    for at, tok in enumerate(toks[start:], start):
        if _stops_head(tok, unmarked) or re.fullmatch(r"(19|20)\d\d", tok) or (run and tok.lower() in _MODIFIER_OPENERS):
            break
        if run and _is_ask(toks, plain, at):
            break  # "bao nhiêu chương, bao nhiêu điều": the second count's question word ends the first noun
        if plain[at] in {"doi", "so"} and at + 1 < len(toks) and plain[at + 1] == "voi":
            break  # "tăng bao nhiêu so với năm 2016", "tối đa bao nhiêu đối với quỹ": a preposition, no counted noun
        run.append(tok)
        if len(run) == limit:
            break
    return tuple(run)


def _vi_head(question: str, answer_type: str, phrases: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """(unit, head, verb): the counted noun after "bao nhiêu", the phrase naming what is asked, the verb before."""
    toks = tokens(question)
    plain = [fold(t) for t in toks]
    unit: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    verb = None
    for i in range(len(toks)):
        n = _is_ask(toks, plain, i)
        if not n:
            continue
        after = _run_after(toks, i + n, 5)
        if after and fold(after[0]) in {"mot", "moi"}:
            after = ()  # "bao nhiêu một học kỳ / mỗi tháng": a rate per something; what is priced comes before
        unit, head = after[:3], after
        if after and after[0] == "tiền":
            # "bao nhiêu tiền (một mét vuông)": money, whose figure carries its currency; no noun stands beside it
            head = ()
        before = i - 1
        while before > 0 and before >= i - 2 and toks[before] in _CHANGE_FILLERS and toks[before] not in _CHANGE_VERBS:
            before -= 1  # "tăng lên mức bao nhiêu": the change still stands before the figure ("tăng lên 9,2 triệu")
        if i > 0 and toks[before] in _CHANGE_VERBS:
            verb = toks[before]
        break
    if answer_type == "quantity" and not unit:
        for i in range(len(toks) - 1):
            if plain[i] == "tuoi" and plain[i + 1] == "nao":  # "ở độ tuổi nào": an age, counted in tuổi
                unit = head = (toks[i],)
                break
    if answer_type == "percentage":
        for i in range(len(toks) - 1):
            if plain[i] in {"ty", "ti"} and plain[i + 1] == "le":
                head = _before_ask(toks, plain, i + 2, _run_after(toks, i + 2, 4))
                break
            if plain[i] == "phan" and plain[i + 1] == "tram":
                if i >= 3 and plain[i - 3] == "chiem" and _is_ask(toks, plain, i - 2):
                    # "X chiếm bao nhiêu phần trăm Y": Y is the whole, X what is measured
                    head = _measured_before(question)
                else:
                    head = _before_ask(toks, plain, i + 2, _run_after(toks, i + 2, 4))
                break
        unit = ()
    if answer_type in {"list", "place"}:
        # "những thị trường nào" -> "thị trường"
        for i in range(len(toks)):
            if plain[i] in {"nhung", "cac"}:
                for j in range(i + 1, min(i + 6, len(toks))):
                    if plain[j] == "nao" or plain[j] == "gi":
                        if j > i + 1:
                            head = tuple(toks[i + 1 : j])
                        break
                if head:
                    break
    if answer_type == "person":
        head = _vi_predicate(toks, plain, capitalised(question)) or _copula_subject(question, _COPULA_WHO) or head
    # a fronted source ("Theo đại biểu Nguyễn Tạo (Lâm Đồng), số người di dân ... bao nhiêu") says who told, a
    # fronted time ("Sau 10 năm thành lập, tiền lương bình quân ... bao nhiêu") when: neither is what is counted
    source = _FRONTED_SOURCE.match(question) or _TIME_OPENING_QUESTION.match(question)
    core = question[source.end() :] if source else question
    if source:
        told = " ".join(tokens(source.group()))
        said = " ".join(tokens(core))
        phrases = [p for p in phrases if p not in told and p in said]
    # a sum of money has no head noun to find beside its figure ("mức lương cơ sở" is not written next to it)
    money = answer_type == "quantity" and _vi_money(" " + " ".join(plain) + " ", ())
    if not head and answer_type in {"quantity", "percentage"} and not money:
        head = _copula_subject(core)
    if not head and answer_type in {"quantity", "percentage"} and not money:
        head = _caused_to_change(core)
    if not head and answer_type == "percentage":
        head = _measured_before(core)
    if not head and phrases and not money:
        # a name ("Matthew Miller bị tuyên án bao nhiêu năm ...") pins the evidence; what is asked about is the
        # first phrase the question writes in lower case, when it has one
        common = [p for p in phrases if not _written_as_name(question, p)]
        head = tuple((common or phrases)[0].split()[:3])
    return unit, head, verb


def _written_as_name(question: str, phrase: str) -> bool:
    """Whether the question writes every word of a phrase capitalised ("Matthew Miller", "Bôxit Nhân Cơ")."""
    match = re.search(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)", question, re.I)
    return match is not None and all(w[:1].isupper() for w in match.group(0).split())


_FRONTED_SOURCE = re.compile(r"\s*(?:Theo|Dẫn lời|Trả lời)\s[^,?]+,\s*")


def fronted_source(question: str) -> str:
    """Who a Vietnamese question says told the fact, when it opens with them ("Theo Quỹ phòng chống tác hại thuốc lá
    Việt Nam, ..." -> "Quỹ phòng chống tác hại thuốc lá Việt Nam"); "" when it does not."""
    m = _FRONTED_SOURCE.match(nfc(question))
    return m.group().strip().split(None, 1)[1].rstrip(", ").removeprefix("lời ").strip() if m else ""
# a question's fronted time opens with a time word ("Sau 10 năm thành lập, ..."); a sentence's is read more loosely
# (answer/extractive.py, _TIME_OPENING_SENTENCE)
_TIME_OPENING_QUESTION = re.compile(
    r"\s*(?:Sau|Trong|Tính đến|Tính tới|Đến|Từ|Năm|Tháng|Ngày|Hết|Cuối|Đầu|Giai đoạn|Quý|Hiện nay|Hiện)\s[^,?]{0,40},\s*"
)


_MEASURED_SYLLABLES = 3
_MEASURING_VERBS = {"chiem", "dat"}  # folded: "chiếm", "đạt" before "bao nhiêu phần trăm"


def _rate_of_a_money_noun(question: str) -> bool:
    """Whether "lãi suất" in the question only qualifies a money noun right before it ("gói vay lãi suất thấp", "vốn vay
    lãi suất ưu đãi"): the question asks about the loan, not its rate."""
    at = re.search(r"(?i)\blãi suất\b", question)
    if at is None:
        return False
    before = question[: at.start()].rstrip()
    return any(m.end == len(before) for m in money_mentions(before))


def _asks_money_noun(question: str) -> bool:
    """Whether the question word asks for an amount of money by the noun right after it: a unit of money ("bao nhiêu
    tiền", "bao nhiêu tỷ đồng", as _vi_money reads them) or a money noun (knowledge/money_nouns.tsv: "bao nhiêu vốn")."""
    toks = tokens(question)
    plain = [fold(t) for t in toks]
    for i in range(len(toks)):
        n = _is_ask(toks, plain, i)
        if n:
            after = _run_after(toks, i + n, 3)
            return bool(after) and (_vi_money("", after) or any(m.start == 0 for m in money_mentions(" ".join(after))))
    return False


def _before_ask(toks: list[str], plain: list[str], start: int, run: tuple[str, ...]) -> tuple[str, ...]:
    """A head run cut where the question word starts: "tỷ lệ hộ nghèo | bao nhiêu phần trăm"."""
    for j in range(len(run)):
        if _is_ask(toks, plain, start + j):
            return run[:j]
    return run


def _measured_before(question: str) -> tuple[str, ...]:
    """What "bao nhiêu phần trăm" measures when the words before it say it without a copula ("Ông Nguyễn Thành
    Phương bị thương tật bao nhiêu phần trăm?" -> thương tật): the last content syllables of its clause, the
    people named after an honorific left out (the name pins the evidence; the figure's clause names the person
    briefly or not at all)."""
    unmarked = _typed_unmarked(tokens(question))
    folded = fold(question).lower()  # the same length: offsets carry over
    m = re.search(r"\bbao\s+nhieu\b" if unmarked else r"\b(?:bao\s+nhieu|may)\b", folded)
    if m is None or (not unmarked and m.group(0) == "may" and question[m.start() : m.end()].lower() != "mấy"):
        return ()
    clause = re.split(r"[,;:()?]", question[: m.start()])[-1].split()
    honorifics = {fold(h) for h in HONORIFICS} if unmarked else HONORIFICS
    unnamed: list[str] = []
    i = 0
    while i < len(clause):
        if clause[i].lower() in honorifics and i + 1 < len(clause) and clause[i + 1][:1].isupper():
            i += 1  # "ông Nguyễn Thành Phương", "bà Lan": a person, not what is measured
            while i < len(clause) and clause[i][:1].isupper():
                i += 1
            continue
        unnamed.append(clause[i])
        i += 1
    if len(unnamed) >= 2 and fold(f"{unnamed[-2]} {unnamed[-1]}").lower() in {"ty le", "ti le"}:
        del unnamed[-2:]  # "hộ nghèo chiếm tỷ lệ bao nhiêu": the rate word says it is a share, not of what
    if unnamed and fold(unnamed[-1]).lower() in _MEASURING_VERBS:
        unnamed.pop()  # "lao động nữ chiếm": the verb says how, not what
    words = [
        t
        for t in tokens(" ".join(unnamed))
        if not _stops_head(t, unmarked) and fold(t).lower() not in _SUBJECT_SKIP and not any(c.isdigit() for c in t)
    ]
    return tuple(words[-_MEASURED_SYLLABLES:])


# "..., phần người lao động phải đóng là bao nhiêu phần trăm?", "..., lao động nữ chiếm bao nhiêu phần trăm?": the
# clause before a closing "là / chiếm / đạt / ở mức bao nhiêu" names what is asked when nothing follows the question
# word; a scope the question opens with ("trong tổng mức đóng ...", "Ở công ty ...") does not.
_COPULA_ASK = re.compile(
    r"([^,;:?]+?)\s+(?:là|chiếm|đạt|ở\s+mức)\s+(?:khoảng\s+)?(?:bao\s+nhiêu|mấy)(?:\s+(?:phần\s+trăm|%))?\s*\??\s*$",
    re.I,
)
# "..., đại biểu lớn tuổi nhất là ai?": who is asked for is the clause's subject
_COPULA_WHO = re.compile(r"([^,;:?]+?)\s+là\s+(?:ai|người\s+nào)\s*\??\s*$", re.I)
# besides the head stops: a time adverbial ("Từ ngày 1/7/2018", "hiện nay") sets when, not what; "phải" is a modal
# (knowledge/question_heads.tsv, kind "skip"; folded)
_SUBJECT_SKIP = {fold(word) for word in question_heads()["skip"]}


# "Đợt nắng nóng ... làm số bệnh nhi đến khám ... tăng bao nhiêu?": a cause makes something change; what changes
# (the object of "làm", "khiến") is what the figure measures, not the cause the question opens with
_CAUSED_CHANGE = re.compile(
    r"(?<!\w)(?:làm|khiến)(?:\s+cho)?\s+(?P<what>[^,;:?]+?)\s+(?:tăng|giảm)(?:\s+(?:thêm|lên|xuống|đi))?\s+"
    r"(?:khoảng\s+)?(?:bao\s+nhiêu|mấy)(?!\w)",
    re.I,
)


def _caused_to_change(question: str) -> tuple[str, ...]:
    """The content words (at most three) of what a cause makes rise or fall ("làm số bệnh nhi ... tăng bao nhiêu")."""
    m = _CAUSED_CHANGE.search(question)
    if m is None:
        return ()
    unmarked = _typed_unmarked(tokens(question))
    words = [
        t
        for t in tokens(m.group("what"))
        if not _stops_head(t, unmarked) and fold(t).lower() not in _SUBJECT_SKIP and not any(c.isdigit() for c in t)
    ]
    return tuple(words[:3])


def _copula_subject(question: str, ask: re.Pattern[str] = _COPULA_ASK) -> tuple[str, ...]:
    """The content words (at most four, the first: a Vietnamese noun phrase opens with its head) of the clause
    before a closing "là / chiếm bao nhiêu" (or another closing ask)."""
    m = ask.search(question)
    if m is None:
        return ()
    unmarked = _typed_unmarked(tokens(question))
    words = [
        t
        for t in tokens(m.group(1))
        if not _stops_head(t, unmarked) and fold(t).lower() not in _SUBJECT_SKIP and not any(c.isdigit() for c in t)
    ]
    return tuple(words[:4])


# Auxiliaries between "ai" and what the person did ("ai đã chủ trì", "ai là Giám đốc"), and the nouns that ask for a
# person with "nào" as "ai" does ("Lãnh đạo nào ...", "Ông nào ..."): knowledge/person_questions.tsv, folded
_PREDICATE_SKIP = person_question_words()["auxiliary"]
_ASKING_NOUNS = person_question_words()["asker"]
# A title noun asks for a person with "nào" too ("Thứ trưởng nào làm Chủ tịch Hội đồng kỷ luật?"): knowledge/titles.tsv,
# as syllables with marks (folded, "bo truong" would also be "bỏ trường")
_TITLE_WORDS = tuple(tuple(title.split()) for title in titles_longest_first())


def _title_before(toks: list[str], i: int) -> int:
    """The length in syllables of a title noun of the titles table that ends right before position i, 0 if none (the
    longest: "phó chủ tịch" over "chủ tịch"); compared folded only in a question typed without marks."""
    unmarked = _typed_unmarked(toks)
    for words in _TITLE_WORDS:
        before = tuple(toks[max(0, i - len(words)) : i])
        if before == words or (unmarked and tuple(fold(t) for t in before) == tuple(fold(w) for w in words)):
            return len(words)
    return 0


def _plural_marker(word: str) -> bool:
    """Whether a word makes the noun after it a list ("những", "các", with or without marks)."""
    return fold(word).lower() in {"nhung", "cac"}


def _asks_by_title(question: str) -> bool:
    """Whether a Vietnamese question asks for a person by a title noun and "nào" ("Giám đốc nào ..."); not "những /
    các Giám đốc nào", a list."""
    toks = tokens(question)
    asks = {"nào", "nao"} if _typed_unmarked(toks) else {"nào"}
    for i, tok in enumerate(toks):
        length = _title_before(toks, i) if tok in asks else 0
        if length and (i == length or not _plural_marker(toks[i - length - 1])):
            return True
    # the body a title heads may stand between them, capitalised ("Phó Chủ tịch Quốc hội nào điều hành ...", "Giám
    # đốc Sở LĐ-TB&XH nào"), and a question may open on one person of a kind ("Người công nhân nào của Công ty ...")
    for match in _TITLED_BODY_ASK.finditer(question):
        before = question[: match.start()].split()[-1:]
        if not before or not _plural_marker(before[0]):
            return True
    return _ONE_PERSON_OF_A_KIND.match(question) is not None


_TITLED_BODY_ASK = re.compile(
    r"(?<!\w)(?i:{})(?:\s+[{}][\w&-]*(?:\s+hội)?){{1,4}}\s+nào(?!\w)".format(
        "|".join(re.escape(" ".join(words)) for words in _TITLE_WORDS), UPPER
    )
)
_ONE_PERSON_OF_A_KIND = re.compile(r"\s*Người\s+[^\W\d]+(?:\s+[^\W\d]+)?\s+nào(?!\w)")


def _vi_predicate(toks: list[str], plain: list[str], upper: Sequence[bool] = ()) -> tuple[str, ...]:
    """What a "who" question says the person did or is, right after "ai"/"người nào": "dự và chỉ đạo"; upper:
    which of toks the question capitalises (language.capitalised)."""
    for i in range(len(plain)):
        # exact syllables: unaccented "ai"/"nao" would also be "ải", "não"
        asker = i > 0 and (plain[i - 1] in _ASKING_NOUNS or " ".join(plain[i - 2 : i]) in _ASKING_NOUNS or bool(_title_before(toks, i)))
        if toks[i] == "ai" or (toks[i] in {"nào", "nao"} and asker):
            start = i + 1
            if start < len(toks) and plain[start] == "cua" and len(upper) == len(toks):
                # "Lãnh đạo nào của Tổng Liên đoàn Lao động Việt Nam lo ngại ...": the body named, then the deed,
                # which starts at the first two lower-case syllables in a row
                start = next((j for j in range(start + 1, len(toks) - 1) if not upper[j] and not upper[j + 1]), start)
            while start < len(toks) and plain[start] in _PREDICATE_SKIP:
                start += 1
            run: list[str] = []
            for j in range(start, len(toks)):
                # coordinated verbs ("dự và chỉ đạo") are one predicate
                if plain[j] == "va" and run and j + 1 < len(toks) and plain[j + 1] not in _HEAD_STOP:
                    continue
                if plain[j] in _HEAD_STOP or re.fullmatch(r"(19|20)\d\d", toks[j]) or len(run) == 3:
                    break
                run.append(toks[j])
            return tuple(run)
    return ()


_INFLECTIONS = (("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))


def gloss_word(word: str, table: dict[str, tuple[str, ...]] = GLOSSARY) -> tuple[str, ...]:
    """Table phrases (the domain glossary's by default) for an English word, also one no key matches as written:
    hyphenated ("people-with-merit") or inflected ("workers" -> "lao động", ...); () when it has none."""
    if word in table:
        return table[word]
    if "-" in word:
        spaced = word.replace("-", " ")
        if spaced in table:
            return table[spaced]
        return tuple(v for part in spaced.split() if part not in EN_STOPWORDS for v in gloss_word(part, table))
    for suffix, repl in _INFLECTIONS:
        stem = word[: -len(suffix)] + repl if word.endswith(suffix) else ""
        if len(stem) >= 3 and stem in table:
            return table[stem]
    return ()


_EN_WORD = re.compile(r"[a-z][a-z'\-]*")


def _english_lowered(question: str) -> str:
    """An English question lower-cased, punctuation but apostrophes and hyphens blanked, possessives dropped,
    single-spaced and padded with a space each side (glossary keys match between spaces)."""
    kept = re.sub(r"[^\w\s'’\-]", " ", nfc(question).lower())
    return re.sub(r"\s+", " ", " " + _POSSESSIVE.sub("", kept) + " ")


def _is_content_word(word: str) -> bool:
    return word not in EN_STOPWORDS and len(word) > 2


def english_content_words(question: str) -> list[str]:
    """An English question's content words as translate_english counts them (no stopwords, 3+ letters)."""
    return [w for w in _EN_WORD.findall(_english_lowered(question)) if _is_content_word(w)]


def translate_english(question: str, reader: _PhraseReader = _READER) -> tuple[list[str], list[str], list[str]]:
    """Vietnamese terms and phrases (in question order) for an English question, plus unmapped words; reader: the
    tables read (the answerer's by default)."""
    terms, phrases, unknown, _ = _translated(question, reader)
    return terms, phrases, unknown


def _translated(
    question: str, reader: _PhraseReader = _READER
) -> tuple[list[str], list[str], list[str], list[tuple[str, ...]]]:
    """translate_english's terms, phrases and unmapped words, and the Vietnamese alternatives of each English word
    or phrase the tables give several for ("sent abroad" -> "đi làm việc ở nước ngoài", "xuất khẩu lao động")."""
    lowered = _english_lowered(question)
    alternatives: list[tuple[str, ...]] = []
    found: list[tuple[int, str]] = []
    # a Vietnamese person's name typed without marks holds no English word ("Van" of "Pham Van Hoan" is no "xe
    # van"); a key of several words still reads a name it holds ("Ho Chi Minh City")
    in_names = [
        (m.start(), m.end())
        for name in question_unmarked_names(question)
        if _reads_as_vietnamese_name(name)
        for m in re.finditer(rf"(?<= ){re.escape(name.lower())}(?= )", lowered)
    ]
    for pattern in reader.patterns:
        # every key of this length where it starts; keys of one length that overlap are each read ("director of
        # the Department of Overseas Labour" is "cục trưởng" of "cục quản lý lao động ngoài nước"; "trade union
        # members" are "đoàn viên" of a "công đoàn"): neither is the better reading of the word they share
        taken: list[tuple[int, int]] = []
        for match in pattern.finditer(lowered):
            start, as_written = match.start(), match.group(1)
            end = start + 1 + len(as_written)
            if " " not in as_written and any(s <= start < e for s, e in in_names):
                continue
            taken.append((start, end))
            found.extend((start, vi) for vi in reader.table[reader.as_matched[as_written]])
            alternatives.append(reader.table[reader.as_matched[as_written]])
        # blank the phrases out (same length) so shorter keys cannot match inside them
        for start, end in taken:
            lowered = lowered[:start] + " " + "#" * (end - start - 1) + lowered[end:]
    unknown = []
    for match in _EN_WORD.finditer(lowered):
        word = match.group(0)
        if not _is_content_word(word) or any(s <= match.start() < e for s, e in in_names):
            continue
        vi = gloss_word(word, reader.table)
        if vi:
            found.extend((match.start(), v) for v in vi)
            alternatives.append(vi)
        else:
            unknown.append(word)
    found.sort(key=lambda x: x[0])
    phrases = [vi for _, vi in found]
    terms = [t for vi in phrases for t in tokens(vi)]
    # Vietnamese words inside an English question (names, places) are content too.
    for tok in tokens(question):
        if tok != fold(tok) and tok not in terms:
            terms.append(tok)
    return terms, phrases, unknown, [group for group in dict.fromkeys(alternatives) if len(group) > 1]


def _clause_breaks(question: str, toks: Sequence[str]) -> set[int]:
    """The indexes of the tokens that open a new clause of the question: the first token after a comma, semicolon,
    colon or bracket (tokens are matched to the text left to right)."""
    breaks: set[int] = set()
    text = nfc(question).lower()
    at = 0
    for i, tok in enumerate(toks):
        found = text.find(tok, at)
        if found < 0:
            continue
        if i and re.search(r"[,;:()\[\]]", text[at:found]):
            breaks.add(i)
        at = found + len(tok)
    return breaks


def _vi_terms(question: str) -> tuple[list[str], list[str]]:
    """Content syllables and contiguous content phrases of a Vietnamese question."""
    terms: list[str] = []
    phrases: list[str] = []
    current: list[str] = []
    toks = tokens(question)
    # a phrase never runs over punctuation ("Sau 10 năm thành lập, tiền lương bình quân ..."): each clause's own
    breaks = _clause_breaks(question, toks)
    for i, tok in enumerate(toks):
        if i in breaks:
            if len(current) > 1:
                phrases.append(" ".join(current))
            current = []
        plain = fold(tok)
        is_year = bool(re.fullmatch(r"(19|20)\d\d", tok))
        # "cùng với" (along with) is a preposition; "cùng" alone ("cùng kỳ") still counts
        along = tok == "cùng" and i + 1 < len(toks) and toks[i + 1] == "với"
        # other numbers stay: "Nghị quyết 68" must not match "Nghị quyết số 08"
        stop = tok in VI_STOPWORDS or (tok == plain and plain in VI_STOPWORDS_PLAIN) or is_year or along
        if stop:
            if len(current) > 1:
                phrases.append(" ".join(current))
            current = []
            continue
        terms.append(tok)
        current.append(tok)
    if len(current) > 1:
        phrases.append(" ".join(current))
    return terms, phrases


_EN_COPULA = {"is", "was", "are", "were", "be", "has", "had", "have", "s"}
_PHRASE_CLOSING_ADVERBS = "worldwide|nationwide|globally|overall|currently|now|today|annually|alone|here|there"
_EN_OF_HEAD = re.compile(
    r"\b(?:percentage|percent|rate|proportion|share|ratio) of (?:the |a |an )?([a-z\-' ]+?)"
    r"(?= (?:was|were|is|are|did|does|has|have|had|in|at|for|during|by|achieved|reached|that|which)\b| ?$)"
)


_EN_NARROWED_BY = re.compile(r"\s+(?:from|of|in|belonging to)\s+(?:the\s+)?", re.I)


def _households_narrowing(question: str, end: int) -> tuple[str, ...]:
    """The sort of household the people an English question counts belong to, as the articles write it: "how many
    people from near-poor households" counts "người thuộc hộ cận nghèo", not the poor households' people beside them."""
    after = _EN_NARROWED_BY.match(question, end)
    if after is None:
        return ()
    mention = next((m for m in unit_mentions(question) if m.start == after.end()), None)
    if mention is None or units()[mention.unit_id].kind != "household" or not units()[mention.unit_id].forms_vi:
        return ()
    return tuple(tokens(units()[mention.unit_id].forms_vi[0]))


def _en_predicate(lowered: str) -> tuple[str, ...]:
    """What a "who" (or "which leader") question says the person did ("attended and directed" -> dự, chỉ đạo); ()
    for "who is"."""
    plain = re.sub(r"[^\w\s'\-]", " ", lowered)
    # "who attended ...", or "which provincial leader attended ..."
    match = re.search(r"\bwho ([a-z\-' ]+)", plain) or re.search(rf"\bwhich (?:[\w-]+ ){{0,2}}?{_PERSON_NOUNS_EN} ([a-z\-' ]+)", plain)
    if not match:
        return ()
    out: list[str] = []
    for word in match.group(1).split():
        if word == "and" and out:
            continue
        if word in _EN_COPULA or word in EN_STOPWORDS or word.isdigit():
            break
        gloss = gloss_word(word)
        if not gloss:
            break
        out.extend(tokens(gloss[0]))  # the first sense only: alternatives are not all required
    return tuple(out)


_EN_POSSESSOR = re.compile(r"\b([a-z][\w-]*)(?:'s|’s)\s")


def _possessors(lowered: str) -> set[str]:
    """The glossary phrases of the nouns an English question puts in the possessive ("the province's" -> "tỉnh")."""
    return {phrase for m in _EN_POSSESSOR.finditer(lowered) for phrase in translate_english(m.group(1))[1]}


def _en_of_head(lowered: str) -> tuple[str, ...]:
    """The head of "percentage of the annual job creation plan": the last glossary phrase (English heads go last)."""
    match = _EN_OF_HEAD.search(re.sub(r"[^\w\s'\-]", " ", lowered).rstrip())
    if not match:
        return ()
    # an adverb of place or time ends the noun phrase ("share of women worldwide work in paid jobs": women)
    phrase = re.split(rf"\b(?:{_PHRASE_CLOSING_ADVERBS})\b", match.group(1))[0].strip() or match.group(1)
    _, phrases, _ = translate_english(phrase)
    return tuple(phrases[-1].split()) if phrases else ()


def _opening_title(text: str) -> str | None:
    """The title of the titles table a question opens with ("giám đốc" of "Giám đốc trung tâm ... tên là gì?"), the
    longest, lower-cased; None when it opens with none."""
    lowered = nfc(text).lower().lstrip()
    return next((t for t in titles_longest_first() if lowered.startswith(t + " ")), None)


# Questions about a named person's position: "X giữ chức vụ gì?", "X là ai?", "What is X's position?".
def _opens_with_a_post_held_by_no_name(text: str, names: Sequence[str]) -> bool:
    """Whether a Vietnamese question opens with a post that no name it writes follows ("Bộ trưởng Bộ GD-ĐT làm việc với
    Phó thủ tướng Vương Đình Huệ ... là ai?"): it asks who holds that post, not what the person it names is."""
    opening = _opening_title(text)
    if opening is None:
        return False
    rest = nfc(text).lstrip()[len(opening) :]
    # the body the post heads ("Bộ GD-ĐT"), then the name, if any, of who holds it
    return not any(re.match(rf"\s+(?:\S+\s+){{0,6}}?{re.escape(name)}\s+là\s+ai\b", rest) for name in names)


# The role words are knowledge/person_questions.tsv's (kind "role"), folded; "who is X" asks it in English too.
_ROLE_VI = re.compile(" ({}) ".format("|".join(sorted(person_question_words()["role"], key=lambda w: (-len(w), w)))))
# "who is X" asks X's post; "who is the head of X" asks for a person, whoever else the question names
_ROLE_EN = re.compile(r"\b({})\b|^\s*who (is|was) (?!the |a |an )".format("|".join(english_forms("role"))))


@functools.lru_cache(maxsize=256)
def analyse_question(question: str) -> QuestionAnalysis:
    """Type a question and collect the terms, unit, constraints an answer has to satisfy. Cached (the analysis is
    immutable and reads the question alone): LabourQA.ask reads the question's people before the answerer reads it
    all."""
    text = nfc(question).strip()
    language = detect_language(text)
    places = question_places(text)
    counted = counted_unit(text)
    plain = _plain(text)
    lowered = " " + text.lower() + " "
    doc_kind = document_kind_asked(text, language)
    if language == "vi":
        titled = _asks_by_title(text) or asks_a_persons_name(text, language)
        # "năm nào cũng đề xuất": every year, no question word
        asks_money = _asks_money_noun(text) or _rate_of_a_money_noun(text)
        answer_type = _vi_answer_type(_question_words(_EVERY_YEAR.sub("hằng năm", text)), titled, doc_kind, asks_money)
        if answer_type == "quantity" and _ASKS_A_PERCENT_SIGN.search(text):
            answer_type = "percentage"  # "tối đa bao nhiêu % số thu": the sign the syllables drop asks a share
        if answer_type == "percentage" and _counts_a_ratio(text):
            answer_type = "quantity"
        if _ASKS_CLOCK.search(text):
            answer_type = "date"  # "hết vàng từ mấy giờ": a time of day, not a count of hours
        terms, phrases = _vi_terms(text)
        unit, head, verb = _vi_head(text, answer_type, phrases)
        priced = _money_asked_directly(text) if answer_type == "quantity" and not unit else None
        money = _vi_money(plain, unit) or (answer_type == "quantity" and not unit and (_prices_first(text) or bool(priced)))
        if priced and not money_nouns(" ".join(head)):
            # what is priced is what the figure stands beside ("giá thuê chỉ 1,5 triệu/tháng"), not the subject
            # the question opens with ("Một nữ công nhân ... với giá bao nhiêu")
            head = tuple(tokens(priced))
        unknown: list[str] = []
        alternatives: list[tuple[str, ...]] = []
        counts = None
    else:
        answer_type = _en_answer_type(_english_lowered(text), bool(_ASKS_WHO_RE.search(nfc(text).strip())))  # "Vietnam Social Security's revenue": the noun, bare
        if _ASKS_CLOCK.search(text):
            answer_type = "date"  # "from what time": a time of day
        if answer_type == "sentence" and asks_a_persons_name(text, language):
            answer_type = "person"
        if answer_type in ("sentence", "person") and _ISSUER_DOCUMENT_EN.search(nfc(text)):
            answer_type = "document"
        terms, phrases, unknown, alternatives = _translated(text)
        # "how many months of salary" counts months; "how many dong" is money
        # "how much did the number of people given jobs fall" counts people too
        counts = re.search(
            r"\b(?:how many|how much (?:did|does|has|had|was|is) the number of)\b(?! (?:dong|vnd|usd|dollars|thousand|million|billion))",
            lowered,
        )
        money_en = bool(_MONEY_EN.search(lowered) or money_nouns(text)) and not counts
        unit = ()
        # "By how many people did job creation fall?": the figure that answers follows the change ("giảm 8.136 người")
        verb = next((t for t in terms if t in _CHANGE_VERBS), None) if _EN_CHANGE_ASK.search(lowered) else None
        counted_phrase = english_counted_phrase(text) if re.search(r"\bhow many\b", lowered) else []
        if counted_phrase:
            # what is counted is the phrase's head, its last word: "trade union facilities" are facilities
            head_words = units()[counted].forms_vi[0] if counted else counted_phrase[-1].group()
            unit = tuple((tokens(head_words) if counted else translate_english(head_words)[0])[:3])
        if answer_type == "quantity" and _HOW_OLD.search(lowered):
            unit = ("tuổi",)  # "How old is Nguyen Thi Huyen?" counts years of age: "27 tuổi"
        head = unit or (tuple(phrases[0].split()) if phrases and not money_en else ())
        if counted_phrase and counted is not None and units()[counted].kind == "people":
            head += _households_narrowing(text, counted_phrase[-1].end())
        if answer_type == "percentage":
            tail = [p for p in phrases if p not in {"%", "tỷ lệ"}]
            # the rate the glossary reads whole says what is measured ("poverty rate" -> "tỷ lệ hộ nghèo"); a noun
            # before it names whose rate it is ("the province's poverty rate"), and so does a possessor before any
            # other measure ("the province's GDP growth" measures GDP, not the province)
            possessors = _possessors(lowered)
            tail = [p for p in tail if p.startswith("tỷ lệ ")] or [p for p in tail if p not in possessors] or tail
            head = _en_of_head(lowered) or (tuple(re.sub(r"^tỷ lệ ", "", tail[0]).split()) if tail else ())
        elif answer_type == "person":
            head = _en_predicate(lowered) or head
        money = money_en
    # "bao nhiêu đô la Mỹ", "how many US dollars": the counted unit is money
    money = money or (answer_type == "quantity" and counted in MONEY_UNITS)
    if answer_type == "percentage":
        money = False
    names = question_names(text)
    role_asked = answer_type in {"person", "sentence"} and bool(
        _ROLE_VI.search(plain) if language == "vi" else _ROLE_EN.search(lowered)
    )
    if role_asked and not names and language == "en":
        # "What position does Le Thi Theu hold?": the post of someone named without marks; only here is such a name
        # read as a person's (elsewhere it stays an English name the evidence must write: a pin either way)
        # (not a place's name read as one: "Ho Chi Minh" of "Ho Chi Minh City FC")
        names = tuple(
            n for n in question_unmarked_names(text) if _reads_as_vietnamese_name(n) and not any(n in place for place in places)
        )
    if names and role_asked and not (language == "vi" and _opens_with_a_post_held_by_no_name(text, names)):
        answer_type = "role"
    years, period = question_years(text)
    if answer_type in {"year", "date"} and _ASKS_THE_YEAR.search(lowered):
        # the year is what is asked ("ra Lời kêu gọi vào ngày tháng năm nào, theo bài phát biểu tại lễ tuyên dương năm
        # 2017?"): a year the question names dates its source or setting, not the fact
        years = ()
    foreign = _foreign_names(text, places) if language == "vi" else ()
    seen: set[str] = set()
    terms = [t for t in terms if not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]
    return QuestionAnalysis(
        text=text,
        language=language,
        answer_type=answer_type,
        terms=tuple(terms),
        phrases=tuple(dict.fromkeys(phrases)),
        alternatives=tuple(alternatives),
        unit=unit,
        head=head,
        verb=verb,
        money=money,
        doc_kind=doc_kind,
        years=years,
        period=period,
        places=places,
        names=names,
        unknown=tuple(unknown),
        guessed=_guessed_vietnamese(text, unknown),
        general=_general_wordings(text, unknown),
        foreign_names=foreign,
        english_names=_english_names(text, places, names) if language == "en" else (),
        unread=_unread_share(text, unknown) if language == "en" else 0.0,
        localities=localities(text),
        # an English question's acronyms the glossary translates (VGCL, MOLISA) are read, not pinned
        acronyms=tuple(a for a in question_acronyms(text) if language == "vi" or a.lower() in unknown),
        counted=counted,
        currency=_asked_currency(text, language, unit) if money else None,
        asks_change=answer_type == "quantity" and not unit and _asks_change(text, language, money),
        asks_clock=answer_type == "date" and _ASKS_CLOCK.search(text) is not None,
        counts_things=language == "en" and not money and counts is not None,
        asks_locality=_asks_locality(text, head),
        asks_above_locality=_ASKS_ABOVE_LOCALITY.search(text) is not None,
        bodies=_named_bodies(text, foreign) if language == "vi" else _english_named_bodies(text),
        asked_bodies=asked_body_kinds(text, language) if answer_type == "sentence" else None,
    )


# "Chợ Rẫy Hospital", "Cho Ray Hospital": the name an English question writes before a hospital's kind noun
_ENGLISH_HOSPITAL = re.compile(r"((?:[A-ZĐ][\w'’.-]*\s+){1,4})Hospital\b")


def _english_named_bodies(text: str) -> tuple[tuple[str, ...], ...]:
    """The own words of the hospitals an English question names ("Chợ Rẫy Hospital" -> ("Chợ", "Rẫy")), which the
    press writes after "Bệnh viện": the name's words that are no English word ("General", "Sports"), no place the
    gazetteer reads ("Vietnam", "Hoa Binh": the press writes them otherwise) and no acronym."""
    out = []
    for m in _ENGLISH_HOSPITAL.finditer(nfc(text)):
        name = m.group(1)
        places = [(p.start, p.end) for p in Gazetteer.load().mentions(name)]
        words = tuple(
            w.group()
            for w in re.finditer(r"\S+", name)
            if not is_english_word(w.group())
            and not (len(w.group()) > 1 and w.group().isupper())
            and not any(start < w.end() and w.start() < end for start, end in places)
        )
        if words:
            out.append(words)
    return tuple(dict.fromkeys(out))


def _named_bodies(text: str, foreign: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The own words of the companies, banks, schools and hospitals a Vietnamese question names by kind and name, but
    not those the gazetteer reads as a body or whose words are all foreign names (pinned as such already: "công ty
    Zamil"); a place in a name ("Tập đoàn Xăng dầu Việt Nam") is part of it."""
    read = [(m.start, m.end) for m in Gazetteer.load().mentions(text) if m.kind in {"organisation", "ministry"}]
    pinned = {word for name in foreign for word in name.split()}
    out = []
    for body in pinned_organisations(text):
        if not any(start < body.end and body.start < stop for start, stop in read) and not set(body.words) <= pinned:
            out.append(body.words)
    return tuple(dict.fromkeys(out))



# Questions for a district or commune ("thuộc huyện nào", "which district"), and for a place none of them is
ASKS_LOCALITY = re.compile(
    r"(?<!\w)(?:(?:huyện|quận|thị xã|thị trấn|xã|phường)\s+nào|which\s+(?:districts?|communes?|wards?|towns?))(?!\w)",
    re.IGNORECASE,
)
_ASKS_ABOVE_LOCALITY = re.compile(
    r"(?<!\w)(?:(?:nước|quốc gia|tỉnh|thành phố|tỉnh thành)\s+nào|which\s+(?:countr(?:y|ies)|provinces?|cit(?:y|ies)))(?!\w)",
    re.IGNORECASE,
)


def _asks_locality(text: str, head: tuple[str, ...]) -> bool:
    """Whether a district or commune is asked for: the question word is one ("thuộc huyện nào"), or what is asked is
    named by level words only ("những phường, xã nào")."""
    return bool(ASKS_LOCALITY.search(text)) or (bool(head) and all(w.strip(",") in LEVEL_SYLLABLES for w in head))


# The size of a rise or fall, which the press gives as a share as often as an amount: "mức tăng lương tối thiểu vùng
# ... là bao nhiêu" is "15%" or "180.000 đồng"
# ("tăng khoảng bao nhiêu": an approximation between the verb and the question word asks the change too)
_ASKS_CHANGE = re.compile(
    r"(?<!\w)(?:mức\s+(?:tăng|giảm)|(?:tăng|giảm)(?:\s+(?:thêm|khoảng|chừng|xấp\s+xỉ))*\s+(?:bao\s+nhiêu|mấy))(?!\w)", re.I
)


# "đồng" names the currency only as a figure's unit: not in "đồng chí", "hợp đồng", "Hội đồng"
_VI_DONG_ASKED = re.compile(r"(?<!\w)(?:bao\s+nhiêu|mấy|nghìn|ngàn|triệu|tỷ|tỉ)\s+đồng(?!\w)", re.IGNORECASE)


def _unit_currency(unit: Sequence[str]) -> str | None:
    """The currency a question's counted words name ("nhân dân tệ" -> "cny", "euro" -> "eur"), if any."""
    words = [w.lower() for w in unit]
    # not a compound that only holds a currency syllable ("bao nhiêu hợp đồng")
    codes = (names_currency(words[i - 1] if i else "", w, words[i + 1] if i + 1 < len(words) else "") for i, w in enumerate(words))
    return next((code for code in codes if code is not None), None)


def _asks_change(text: str, language: Language, money: bool) -> bool:
    """Whether a question asks how much something rose or fell ("mức tăng ... bao nhiêu", "by how much did average
    CPI rise"): a share answers it as well as a count. Not an English question for money ("by how much did wages
    rise" is asked in dong)."""
    if language == "en":
        return not money and bool(_EN_CHANGE_ASK.search(f" {text.lower()} "))
    return bool(_ASKS_CHANGE.search(text))


def _asked_currency(text: str, language: Language, unit: Sequence[str] = ()) -> str | None:
    """The currency a money question asks its amount in, when it names one: "usd" ("bao nhiêu đô la Mỹ", "in US
    dollars"), "vnd" ("bao nhiêu triệu đồng", "VND", "dong"); None for "bao nhiêu tiền", "how much"."""
    ids = {m.unit_id for m in unit_mentions(text)}
    counted_in = _unit_currency(unit)
    if counted_in not in (None, "vnd", "usd"):
        return counted_in  # another currency the question counts in: "bao nhiêu nhân dân tệ"
    if ids & DOLLAR_UNITS:
        return "usd"
    if "vnd" in ids or (_VI_DONG_ASKED.search(text) if language == "vi" else re.search(r"\bdong\b", text, re.I)):
        return "vnd"
    return None


def _english_names(text: str, places: tuple[str, ...], names: tuple[str, ...]) -> tuple[str, ...]:
    """An English question's names that no table reads (not part of its places, pinned as places, nor glossary
    words): foreign ones ("Kuwait") and Vietnamese ones written without marks ("Nhat Huy Khang"), unless the
    gazetteer reads them or the name they are part of (a province, a ministry) or they are a person's name the
    question already pins."""
    pinned = " ".join(fold(p).lower() for p in places)
    persons = [fold(n).lower() for n in names]
    unmarked = [
        n
        for n in question_unmarked_names(text)
        if n.replace(" ", "").lower() != "vietnam"  # every article's setting
        and not reads_entity(n)
        and not any(p in n.lower() or n.lower() in p for p in persons)
    ]
    # a word of a body's name the gazetteer reads whole ("Telematics" of "Ministry of Posts and Telematics")
    read = [text[m.start : m.end] for m in gazetteer_mentions(text)]
    found = [n for n in (*question_english_names(text), *unmarked) if not any(n in r for r in read)]
    return tuple(dict.fromkeys(n for n in found if n.lower() not in pinned and n.lower() not in GLOSSARY))


def vietnamese_names(q: QuestionAnalysis) -> tuple[str, ...]:
    """The Vietnamese people a question names: as a Vietnamese question writes them, or typed without marks in an
    English one ("Nguyen Danh Tai")."""
    return (*q.names, *(n for n in q.english_names if _reads_as_vietnamese_name(n)))


_FOLDED_SURNAMES = frozenset(fold(s).lower() for s in SURNAMES)


def _reads_as_vietnamese_name(name: str) -> bool:
    """Whether a name typed without marks (question_unmarked_names: Vietnamese syllables, two or more) reads as a
    Vietnamese person's: a surname and one to three more syllables."""
    words = name.split()
    return len(words) <= 4 and words[0].lower() in _FOLDED_SURNAMES


def _foreign_names(text: str, places: tuple[str, ...]) -> tuple[str, ...]:
    """The question's foreign proper names that are not places the tables know ("Malaysia" is a place)."""
    pinned = {fold(p).lower() for p in places}
    return tuple(n for n in question_foreign_names(text) if fold(n).lower() not in pinned)


# The lexicon's bar and depth, set on ViNewsQA-English dev: on its first 120 questions a bar of 0.01 answered 0.242
# right against 0.258 at 0.0. Two guesses a word: the table's scores sit close together.
_GUESS_MIN_SCORE = 0.0
_GUESS_TOP = 2


def _guessed_vietnamese(question: str, words: list[str]) -> tuple[str, ...]:
    """The lexicon's Vietnamese guesses for English words no glossary row covers, in word order; only for words
    the question writes in lower case (a capitalised one is a name: "Binh Duong", "Long An")."""
    return tuple(
        dict.fromkeys(vi for w in _written_in_lower_case(question, words) for vi in guess_vietnamese(w, _GUESS_MIN_SCORE, _GUESS_TOP))
    )


def _written_in_lower_case(question: str, words: list[str]) -> list[str]:
    """The words (unknown to the glossary) the question writes in lower case, in order, once each; none for a
    Vietnamese question or an English one the glossary reads in full."""
    if not words:
        return []
    lower = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’\-]*", question))
    return list(dict.fromkeys(w for w in words if w in lower))


def _general_wordings(question: str, words: list[str]) -> tuple[tuple[str, ...], ...]:
    """The general words' wordings (common_words.tsv, every one) of the unknown words an English question writes in
    lower case, one group a word; a bare verb is also read by its past form's row ("arrive" -> "arrived")."""
    table = common_words()
    groups = []
    for word in _written_in_lower_case(question, words):
        found = gloss_word(word, table) or next((table[f] for f in (f"{word}d", f"{word}ed") if f in table), ())
        if found:
            groups.append(found)
    return tuple(dict.fromkeys(groups))


_MOSTLY_UNREAD = 0.5  # above this share of untranslated content words, an English question is mostly unread


def _unread_share(question: str, unknown: list[str]) -> float:
    """The share of an English question's content words that no table translates (`unknown`: translate_english's)."""
    return len(unknown) / max(1, len(english_content_words(question)))


def asked_words(question: str) -> frozenset[str]:
    """The Vietnamese words a question asks with: its own, or for an English one its words' Vietnamese in the search
    tables ("how many standards and criteria" -> "tiêu", "chuẩn", "chí", ...)."""
    text = nfc(question).strip()
    words = set(tokens(text))
    if detect_language(text) == "en":
        _, phrases, _ = translate_english(text, _SEARCH_READER)
        words.update(word for phrase in phrases for word in tokens(phrase))
    return frozenset(words)


def retrieval_query(question: str) -> str:
    """The search text for a question: an English one also carries its Vietnamese glossary phrases.

    The articles are Vietnamese: the lexical index cannot match English words at all, and the multilingual
    embedding ranks short Vietnamese sentences ("X ... dự và chỉ đạo.") low for an English question.
    """
    text = nfc(question).strip()
    if detect_language(text) != "en":
        return text
    _, phrases, _ = translate_english(text, _SEARCH_READER)
    return f"{text} {' '.join(dict.fromkeys(phrases))}" if phrases else text
