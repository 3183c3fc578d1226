"""Question language detection, Vietnamese text normalisation and the answer strings in both languages."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from answer.constraints import is_vietnamese_syllable
from answer.knowledge.english_words import is_english_word
from ingest.vietnamese import fold, nfc

Language = Literal["vi", "en"]

# Letters only Vietnamese uses (beyond plain ASCII); one of them settles the question's language.
_VI_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)
# Unaccented Vietnamese function words, for questions typed without diacritics.
_VI_ASCII_WORDS = {
    "bao", "nhieu", "may", "ai", "nao", "dau", "gi", "la", "cua", "nhung", "cac", "duoc", "nam",
    "nguoi", "lao", "dong", "thi", "sao", "con", "khi", "ngay", "tinh", "ho", "tro", "viec", "lam",
    "trong", "cho", "voi", "khong", "theo", "nghi", "quyet", "ty", "le",
}
_EN_WORDS = {
    "the", "what", "how", "who", "when", "where", "which", "many", "much", "is", "are", "was", "were",
    "did", "does", "do", "of", "in", "and", "to", "for", "with", "by", "on", "people", "workers",
    "year", "rate", "about", "it", "that", "chaired", "received", "households",
}

_TOKEN_RE = re.compile(r"[^\W_]+(?:[/.,\-][^\W_]+)*", re.UNICODE)
_DIGIT_RE = re.compile(r"\d")
_BETWEEN_POINTS = re.compile(r"[^.,]+")


# The two tone placements of an open "oa", "oe", "uy" syllable ("hóa"/"hoá", "khỏe"/"khoẻ", "thủy"/"thuỷ"): the
# press writes both, so words are read with the mark on the first vowel. "qu" + "y" is no such pair ("quý").
_NEW_TONE_PLACEMENT = re.compile(r"(?<!q)(?:o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ])(?!\w)")
_OLD_PLACEMENT = {
    f"{vowel}{new}": f"{old}{bare}"
    for vowel, marks, olds, bare in (
        ("o", "áàảãạ", "óòỏõọ", "a"), ("o", "éèẻẽẹ", "óòỏõọ", "e"), ("u", "ýỳỷỹỵ", "úùủũụ", "y")
    )
    for new, old in zip(marks, olds)
}


def _old_tone_placement(match: re.Match[str]) -> str:
    return _OLD_PLACEMENT[match.group(0)]


def _lowered(text: str) -> str:
    """NFC, lower case, with an open syllable's tone mark on its first vowel: the text tokens() reads."""
    return _NEW_TONE_PLACEMENT.sub(_old_tone_placement, nfc(text).lower())


def capitalised(text: str) -> list[bool]:
    """For each of tokens(text), whether the text writes it capitalised ("Tổng", "LĐLĐ"); all False when the
    lower-cased text does not keep the offsets."""
    base = nfc(text)
    lowered = _lowered(base)
    if len(lowered) != len(base):
        return [False] * len(tokens(text))
    out: list[bool] = []
    for match in _TOKEN_RE.finditer(lowered):
        tok = match.group(0)
        # split where tokens() splits: a "," or "." inside the token pattern only binds digits ("1,31")
        several = ("." in tok or "," in tok) and not _DIGIT_RE.search(tok)
        starts = [m.start() for m in _BETWEEN_POINTS.finditer(tok)] if several else [0]
        out.extend(base[match.start() + at].isupper() for at in starts)
    return out


def tokens(text: str) -> list[str]:
    """Lower-cased syllables and identifiers ("154/nq-cp", "163.600", "covid-19") of a text; an open "oa", "oe",
    "uy" syllable carries its tone mark on the first vowel ("hoá" reads as "hóa")."""
    out: list[str] = []
    for tok in _TOKEN_RE.findall(_lowered(text)):
        # a "," or "." inside the token pattern only binds digits ("1,31"); words split there
        if ("." in tok or "," in tok) and not _DIGIT_RE.search(tok):
            out.extend(_BETWEEN_POINTS.findall(tok))
        else:
            out.append(tok)
    return out


unaccent = lru_cache(maxsize=1 << 16)(fold)


_FULL_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(?:\d{2}|\d{4})")


class TermBag:
    """A text's syllables, unaccented syllables and adjacent pairs, for matching a question's terms with
    diacritic tolerance: a term typed without marks matches its accented form fully, while an accented term
    that meets only another accented form of its letters (a diacritic clash: "lao" vs "lào") counts `clash`
    (`bigram_clash` for a pair). Each answerer keeps the weights its scores were set or fitted with."""

    __slots__ = ("toks", "plain", "bigrams", "plain_bigrams", "clash", "bigram_clash")

    def __init__(self, text: str, *, clash: float, bigram_clash: float) -> None:
        toks = [one_spelling(t) for t in tokens(text)]
        plain = [unaccent(t) for t in toks]
        self.toks = set(toks)
        self.plain = set(plain)
        # a day and month the question writes ("ngày 6/2") is said by a full date ("6/2/2017", "06/02/2017")
        days = {f"{int(m.group(1))}/{int(m.group(2))}" for t in toks if (m := _FULL_DATE.fullmatch(t))}
        self.toks |= days
        self.plain |= days
        self.bigrams = {f"{a} {b}" for a, b in zip(toks, toks[1:])}
        self.plain_bigrams = {f"{a} {b}" for a, b in zip(plain, plain[1:])}
        self.clash = clash
        self.bigram_clash = bigram_clash

    def match(self, term: str) -> float:
        return _graded(one_spelling(term), self.toks, self.plain, self.clash)

    def has_bigram(self, bigram: str) -> float:
        return _graded(one_spelling(bigram), self.bigrams, self.plain_bigrams, self.bigram_clash)


# An open syllable of one initial consonant and "y" is also written with "i" ("tỷ"/"tỉ", "lý"/"lí", "kỹ"/"kĩ",
# "sỹ"/"sĩ"): matching reads both as the "i" form. "uy", "ay", "ây" and a lone "y" ("y tế") are other vowels.
_Y_SPELLING = re.compile(r"(?<![\w])(b|ch|c|d|đ|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|r|s|th|tr|t|v|x)([yýỳỷỹỵ])(?![\w])")
_AS_I = dict(zip("yýỳỷỹỵ", "iíìỉĩị"))


@lru_cache(maxsize=1 << 16)
def one_spelling(words: str) -> str:
    """Lower-case syllables (one, or several spaced) with "y" after a lone initial consonant written "i"."""
    return _Y_SPELLING.sub(lambda m: m.group(1) + _AS_I[m.group(2)], words)


def _graded(item: str, exact: set[str], unaccented: set[str], clash: float) -> float:
    """1 for the item as written (or typed without marks), `clash` when only its letters match, else 0."""
    if item in exact:
        return 1.0
    plain = unaccent(item)
    if plain in unaccented:
        return 1.0 if plain == item else clash
    return 0.0


_QUOTED = re.compile(r'"[^"]{3,}"|“[^”]{3,}”|«[^»]{3,}»')


def detect_language(text: str) -> Language:
    """'vi' or 'en' for a question; Vietnamese wins on any Vietnamese letter or unaccented function words."""
    # a quoted title or slogan ('the campaign "Xứng danh Bộ đội Cụ Hồ"') is in the articles' language, not the
    # asker's: the words around it decide, when there are some
    unquoted = _QUOTED.sub(" ", nfc(text))
    if len(re.findall(r"[^\W\d_]+", unquoted)) >= 3:
        text = unquoted
    lowered = nfc(text).lower()
    # proper nouns ("Who is Lê Thị Thêu?") carry no language; Vietnamese letters elsewhere settle it
    common = " ".join(w for w in re.findall(r"[^\W\d_]+", nfc(text)) if not w[:1].isupper())
    if any(ch in _VI_LETTERS for ch in common.lower()):
        return "vi"
    if any(ch in _VI_LETTERS for ch in lowered) and not re.search(r"\b(what|who|how|when|which|where|is|was|the)\b", lowered):
        return "vi"
    words = re.findall(r"[a-z]+", lowered)
    if not words:
        return "vi"
    en = sum(w in _EN_WORDS for w in words)
    vi = sum(w in _VI_ASCII_WORDS for w in words)
    if en != vi:
        return "en" if en > vi else "vi"
    # neither list decides ("Why can duck eggs be stored longer?", "Who is Le Thi Theu?", whose name's syllables are
    # Vietnamese function words typed without marks): the question's own words do, English words that cannot be a
    # Vietnamese syllable against syllables that are no English word
    own = re.findall(r"[a-z]+", common.lower()) or words
    english = sum(1 for w in own if (w in _EN_WORDS or is_english_word(w)) and not is_vietnamese_syllable(w))
    vietnamese = sum(1 for w in own if is_vietnamese_syllable(w) and not is_english_word(w))
    return "en" if english > vietnamese else "vi"


MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        "not_found": "Không tìm thấy thông tin này trong các bài viết.",
        "wrong_year": "Không có số liệu {wanted}; bài viết chỉ có số liệu {found}: {figure} ({sentence})",
        "wrong_year_plain": "Không có thông tin {wanted}; bài viết chỉ có thông tin {found}: {sentence}",
        "wrong_year_closest": "Không tìm thấy thông tin này cho {wanted}; đoạn gần nhất nói về {found}: {sentence}",
        "wrong_year_proposal": "Không tìm thấy số liệu đã chốt cho {wanted}; gần nhất là một mức đề xuất: {figure} ({sentence})",
        "wrong_year_article": "Không tìm thấy thông tin này cho {wanted}; bài viết gần nhất chỉ nhắc đến {found}: {sentence}",
        "place_missing": "Không tìm thấy thông tin về {place} trong các bài viết.",
        "no_articles_in_filters": (
            "Không có bài viết nào khớp bộ lọc đã chọn, nên không có gì để trả lời. "
            "Hãy nới rộng khoảng thời gian hoặc bỏ chọn nguồn."
        ),
        "undated_left_out": " {count} bài viết không có ngày đăng không được tính khi lọc theo ngày.",
        "below_confidence": (
            "Không tìm thấy câu trả lời đủ chắc chắn (độ tin cậy {confidence}, dưới ngưỡng {threshold}). "
            "Các câu gần nhất được liệt kê bên dưới."
        ),
        "year": "năm {year}",
        "found": "{extracted} [1].\n\n“{sentence}”",
        "found_sentence": "{sentence} [1]",
        "estimate_label": "số liệu ước tính",
        "target_label": "mục tiêu",
        "proposal_label": "đề xuất",
        "source_label": "Nguồn",
        "related_label": "Liên quan",
        "clause_label": "mệnh đề",
    },
    "en": {
        "not_found": "Not found in the articles.",
        "wrong_year": "No figures for {wanted}; the articles only have figures for {found}: {figure} ({sentence})",
        "wrong_year_plain": "No information for {wanted}; the articles only cover {found}: {sentence}",
        "wrong_year_closest": "Not found for {wanted}; the closest passage is about {found}: {sentence}",
        "wrong_year_proposal": "No decided figure found for {wanted}; the closest is a proposal: {figure} ({sentence})",
        "wrong_year_article": "Not found for {wanted}; the closest article only mentions {found}: {sentence}",
        "place_missing": "The articles say nothing about {place}.",
        "no_articles_in_filters": (
            "No article matches the filters chosen, so there is nothing to answer from. "
            "Widen the dates or clear the source."
        ),
        "undated_left_out": " Articles without a publication date ({count}) are left out when filtering by date.",
        "below_confidence": (
            "No answer sure enough (confidence {confidence}, below the threshold {threshold}). "
            "The closest sentences are listed below."
        ),
        "year": "{year}",
        "found": "{extracted} [1].\n\n“{sentence}”",
        "found_sentence": "{sentence} [1]",
        "estimate_label": "estimate",
        "target_label": "target",
        "proposal_label": "proposal",
        "source_label": "Source",
        "related_label": "Related",
        "clause_label": "clause",
    },
}


def message(language: Language, key: str, **values: str) -> str:
    """A user-facing answer string in the question's language."""
    return MESSAGES[language][key].format(**values)


def join_years(language: Language, years: list[int]) -> str:
    """'năm 2020' / 'năm 2020, 2021' (vi) or '2020' / '2020, 2021' (en)."""
    listed = ", ".join(str(y) for y in years)
    return message(language, "year", year=listed)


def english_plural(phrase: str) -> str:
    """A phrase with its last word in the regular English plural ("agency" -> "agencies", "tax" -> "taxes")."""
    if re.search(r"[^aeiou]y$", phrase):
        return phrase[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", phrase):
        return phrase + "es"
    return phrase + "s"
