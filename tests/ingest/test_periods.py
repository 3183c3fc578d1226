"""Time periods in text: every vocabulary row, the forms staff and articles use, and what is not a period."""

from __future__ import annotations

import time
import timeit
from datetime import date
from typing import Any

import pytest

from ingest.periods import (
    Period,
    PeriodMention,
    Relative,
    estimate_markers,
    figure_status,
    infer_period,
    is_estimate,
    load_vocabulary,
    periods_in,
    resolve_relative,
)

VOCAB = load_vocabulary()
TODAY = VOCAB["examples_today"]


def rows(section: str) -> list[Any]:
    return [pytest.param(row, id=str(row.get("phrase", row.get("word")))) for row in VOCAB[section]]


def labels(text: str, role: str = "period") -> list[str]:
    return [m.period.label("vi") for m in periods_in(text) if m.role == role]


# ---- one test per vocabulary row ------------------------------------------------------------------


@pytest.mark.parametrize("row", rows("relative"))
def test_relative_row(row: dict[str, Any]) -> None:
    mention = periods_in(row["example"])[0]
    assert mention.relative is not None and mention.relative.unit == row["unit"]
    assert [p.label("vi") for p in resolve_relative(row["example"], TODAY)] == [row["expect"]]


@pytest.mark.parametrize("row", rows("partial"))
def test_partial_row(row: dict[str, Any]) -> None:
    assert labels(row["example"])[:1] == [row["expect"]]


def test_partial_needs_year_rows_need_a_year() -> None:
    for row in VOCAB["partial"]:
        if row.get("needs_year"):
            assert periods_in(f"{row['phrase']} results") == [], row["phrase"]


@pytest.mark.parametrize("row", rows("numbers"))
def test_number_row(row: dict[str, Any]) -> None:
    assert labels(row["example"])[:1] == [row["expect"]]


@pytest.mark.parametrize("row", rows("months_en"))
def test_english_month_row(row: dict[str, Any]) -> None:
    assert labels(row["example"]) == [row["expect"]]
    without_year = row["example"].replace(row["expect"].split("/")[1], "").replace(" ,", ",")
    assert bool(labels(without_year)) == bool(row["alone"]), without_year


@pytest.mark.parametrize("row", rows("months_vi"))
def test_vietnamese_month_row(row: dict[str, Any]) -> None:
    assert labels(row["example"]) == [row["expect"]]
    # written lower-case, the same words are no month ("những tháng năm khó khăn", "tháng ba lần")
    lowered = row["example"].replace(f"háng {row['word']}", f"háng {row['word'].lower()}")
    assert not any(label.startswith(row["expect"].split("/")[0]) for label in labels(lowered)), lowered


@pytest.mark.parametrize("row", rows("date_words"))
def test_date_word_row(row: dict[str, Any]) -> None:
    assert labels(row["example"], "date") == [row["expect"]]


@pytest.mark.parametrize("row", rows("range_words"))
def test_range_word_row(row: dict[str, Any]) -> None:
    assert labels(row["example"]) == [row["expect"]]


@pytest.mark.parametrize("row", rows("comparison_cues"))
def test_comparison_cue_row(row: dict[str, Any]) -> None:
    assert labels(row["example"], "comparison") == [row["expect"]]
    assert row["expect"] not in labels(row["example"])


@pytest.mark.parametrize("row", rows("document_words"))
def test_document_word_row(row: dict[str, Any]) -> None:
    year = int(row["expect"])
    mentions = periods_in(row["example"])
    assert any(m.role == "document" and m.period.year == year for m in mentions)
    assert not any(m.role == "period" and m.period.year == year for m in mentions)


@pytest.mark.parametrize("row", rows("count_nouns"))
def test_count_noun_row(row: dict[str, Any]) -> None:
    assert periods_in(row["example"]) == []


@pytest.mark.parametrize("row", rows("duration_words"))
def test_duration_word_row(row: dict[str, Any]) -> None:
    assert periods_in(row["example"]) == []


@pytest.mark.parametrize("row", rows("plural_words"))
def test_plural_word_row(row: dict[str, Any]) -> None:
    assert periods_in(row["example"]) == []


@pytest.mark.parametrize("row", rows("anaphora_words"))
def test_anaphora_word_row(row: dict[str, Any]) -> None:
    assert periods_in(row["example"]) == []


@pytest.mark.parametrize("row", rows("other_year_cues"))
def test_other_year_cue_row(row: dict[str, Any]) -> None:
    year = int(row["expect"])
    assert [(m.role, m.period.year) for m in periods_in(row["example"])] == [("other", year)]


def test_other_year_cue_exceptions() -> None:
    assert labels("Chi phí phát sinh năm 2023 là 5 tỷ đồng.") == ["năm 2023"]
    assert labels("Theo quy chế tuyển sinh 2017 của Bộ") == ["năm 2017"]


@pytest.mark.parametrize("row", rows("markers"))
def test_marker_row(row: dict[str, Any]) -> None:
    assert row["phrase"] in estimate_markers(row["example"])
    assert figure_status(row["example"]) == row["expect"]


def test_a_figures_status_reads_only_the_markers_before_its_number() -> None:
    clause = "Tỷ lệ bao phủ đã đạt 79% và sẽ phấn đấu đến năm 2020 đạt trên 90%"
    assert figure_status(clause) == "target"
    assert figure_status(clause, clause.index("79%")) == "official"
    assert figure_status(clause, clause.index("90%")) == "target"
    # a noun after the number is what it counts, not a marker of it
    jobs = "Sẽ có hơn 1.000 chỉ tiêu việc làm cho người lao động"
    assert figure_status(jobs, jobs.index("1.000")) == "official"


def test_bare_months_are_periods() -> None:
    for n in VOCAB["bare_months"]:
        assert labels(f"Trong {n} tháng, toàn tỉnh tạo việc làm cho 12.000 lao động.") == [
            Period.first_months_of(n).label("vi")
        ]


# ---- the forms the answerer meets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "period"),
    [
        ("Năm 2023 tỉnh giải quyết việc làm cho 25.000 lao động", "Năm 2023", Period(2023, "year")),
        ("6 tháng đầu năm 2023, tỉnh tạo việc làm", "6 tháng đầu năm 2023", Period.half(1, 2023)),
        ("6 tháng đầu năm, tỉnh tạo việc làm", "6 tháng đầu năm", Period.half(1)),
        ("quý I/2024 có 2.000 lao động", "quý I/2024", Period.quarter(1, 2024)),
        ("Trong quý 3 năm 2022", "quý 3 năm 2022", Period.quarter(3, 2022)),
        ("Đến tháng 12/2023, có 300 người", "tháng 12/2023", Period(2023, "month", 12)),
        ("Tháng 5 năm 2021 tỉnh tổ chức", "Tháng 5 năm 2021", Period(2021, "month", 5)),
        ("Kết quả 9 tháng: 20.000 lao động", "9 tháng", Period(None, "nine_months", first_months=9)),
        ("9 tháng năm 2023 tăng 5%", "9 tháng năm 2023", Period(2023, "nine_months", first_months=9)),
        ("Ước đến cuối năm 2023 đạt 25.500", "cuối năm 2023", Period(2023, "year", position="end")),
        ("So sánh số liệu năm 2022", "năm 2022", Period(2022, "year")),
        ("Báo cáo 2022 của Sở", "2022", Period(2022, "year")),
        ("Giai đoạn 2021-2025 tỉnh phấn đấu", "Giai đoạn 2021-2025", Period(2021, "years", end_year=2025)),
        ("từ năm 2021 đến năm 2025", "từ năm 2021 đến năm 2025", Period(2021, "years", end_year=2025)),
        ("12,000 jobs were created in 2023", "2023", Period(2023, "year")),
        ("In the first half of 2023 hiring rose", "first half of 2023", Period.half(1, 2023)),
        ("Q1 2024 hiring rose", "Q1 2024", Period.quarter(1, 2024)),
        ("Q3/2023 hiring fell", "Q3/2023", Period.quarter(3, 2023)),
        ("In the first quarter hiring rose", "first quarter", Period.quarter(1)),
        ("In December 2023 the fair was held", "December 2023", Period(2023, "month", 12)),
        ("the first half of the year", "first half of the year", Period.half(1)),
        ("10 tháng đầu năm 2023", "10 tháng đầu năm 2023", Period(2023, "ytd", first_months=10)),
        ("3 tháng đầu năm 2024", "3 tháng đầu năm 2024", Period.quarter(1, 2024)),
        ("Chiều 13/1, Sở tổng kết", "13/1", Period(None, "day", 1, day=13)),
        ("ngày 13/1/2021", "13/1/2021", Period(2021, "day", 1, day=13)),
        ("ngày 5 tháng 3 năm 2022", "ngày 5 tháng 3 năm 2022", Period(2022, "day", 3, day=5)),
        # typed without accents
        ("nam 2023 co bao nhieu lao dong", "nam 2023", Period(2023, "year")),
        ("6 thang dau nam co bao nhieu", "6 thang dau nam", Period.half(1)),
        ("quy I/2024 tuyen bao nhieu", "quy I/2024", Period.quarter(1, 2024)),
        ("cuoi nam 2023", "cuoi nam 2023", Period(2023, "year", position="end")),
        ("QUÝ IV NĂM 2023", "QUÝ IV NĂM 2023", Period.quarter(4, 2023)),
    ],
)
def test_period_forms(text: str, found: str, period: Period) -> None:
    mentions = [m for m in periods_in(text) if m.role in ("period", "date")]
    assert [(m.text, m.period) for m in mentions] == [(found, period)]
    assert text[mentions[0].start : mentions[0].end] == found


def test_relative_mentions_keep_their_offsets_and_meaning() -> None:
    text = "Quý I năm nay so với quý I năm ngoái, tháng trước và last quarter"
    got = [(m.text, m.role, m.period, m.relative) for m in periods_in(text)]
    assert got == [
        ("Quý I năm nay", "period", Period.quarter(1), Relative("year", 0)),
        ("quý I năm ngoái", "comparison", Period.quarter(1), Relative("year", -1)),
        ("tháng trước", "period", Period(None, "month"), Relative("month", -1)),
        ("last quarter", "period", Period(None, "quarter"), Relative("quarter", -1)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tổng số 163.600 người được hỗ trợ",  # thousands
        "Có 2.023 người tham gia",
        "Hỗ trợ 2.023.000 đồng mỗi người",
        "Thực hiện Nghị quyết 154/NQ-CP của Chính phủ",  # a document with no year
        "Gọi đường dây nóng 1900 2023 hoặc 0912 345 678",  # phone numbers
        "Liên hệ 0203.2022.123",
        "Tỷ lệ tăng 20,23% so với kỳ trước",  # percentages
        "tăng 2023%",
        "Đào tạo nghề dưới 3 tháng cho 500 lao động",  # a duration, not the first quarter
        "Hợp đồng 12 tháng",
        "Làm việc trong thời gian ngắn từ 1 - 6 tháng.",
        "Lương mỗi tháng 9 triệu đồng",
        "Mức lương của anh mỗi tháng 9 - 10 triệu đồng",
        "Trẻ em dưới 36 tháng tuổi",
        "Việt Nam đang phát triển",  # "Nam" in accented text is not "năm"
        "Miền Nam 2023 có nhiều sự kiện",
        "Khóa học 6 tháng tại trường",  # a course's length
        "Trong tháng 13 không có",  # no month 13
        "Vào mã 12/2023/ABC",
    ],
)
def test_not_periods(text: str) -> None:
    assert [m for m in periods_in(text) if m.role in ("period", "comparison")] == [], periods_in(text)


def test_a_month_before_people_is_still_a_month() -> None:
    assert labels("Trong tháng 5 người lao động được nghỉ 1 ngày.") == ["tháng 5"]


def test_lower_case_month_words_are_not_months() -> None:
    assert labels("He may 2023 go") == ["năm 2023"]
    assert labels("They march in May 2023") == ["tháng 5/2023"]


def test_document_numbers_are_marked_as_documents() -> None:
    text = "Theo Quyết định 32/2020/QĐ-TTg, năm 2021 tỉnh hỗ trợ 300 người."
    got = [(m.text, m.role, m.period.year) for m in periods_in(text)]
    assert got == [("32/2020/QĐ-TTg", "document", 2020), ("năm 2021", "period", 2021)]


def test_law_year_does_not_reach_past_the_next_mention() -> None:
    got = [(m.text, m.role) for m in periods_in("Bộ luật Lao động 2019 có hiệu lực từ năm 2021.")]
    assert got == [("2019", "document"), ("năm 2021", "period")]


def test_lower_case_law_is_not_a_title() -> None:
    assert labels("Theo quy định của luật năm 2023 tỉnh hỗ trợ 300 người") == ["năm 2023"]


def test_offsets_refer_to_nfc_text() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Trong 6 tháng đầu năm 2023")
    mention = periods_in(decomposed)[0]
    assert unicodedata.normalize("NFC", decomposed)[mention.start : mention.end] == "6 tháng đầu năm 2023"


def test_comparison_in_a_sentence_with_its_own_period() -> None:
    text = "6 tháng đầu năm 2023, toàn tỉnh giải quyết việc làm cho 12.000 lao động, tăng 5% so với cùng kỳ năm 2022."
    assert [(m.period.label("vi"), m.role) for m in periods_in(text)] == [
        ("6 tháng đầu năm 2023", "period"),
        ("năm 2022", "comparison"),
    ]


# ---- Period helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (Period(2023, "year"), "năm 2023", "2023"),
        (Period.half(1, 2023), "6 tháng đầu năm 2023", "first half of 2023"),
        (Period.half(2, 2023), "6 tháng cuối năm 2023", "second half of 2023"),
        (Period.half(1), "6 tháng đầu năm", "first half of the year"),
        (Period.quarter(1, 2024), "quý I/2024", "Q1 2024"),
        (Period(2023, "month", 12), "tháng 12/2023", "December 2023"),
        (Period(2021, "day", 1, day=13), "ngày 13/1/2021", "13 January 2021"),
        (Period(2023, "nine_months", first_months=9), "9 tháng đầu năm 2023", "first nine months of 2023"),
        (Period(2023, "ytd", first_months=10), "10 tháng đầu năm 2023", "first 10 months of 2023"),
        (Period(2024, "ytd"), "từ đầu năm 2024", "2024 to date"),
        (Period(2023, "year", position="end"), "cuối năm 2023", "end of 2023"),
        (Period(2021, "years", end_year=2025), "giai đoạn 2021-2025", "2021-2025"),
        (Period(None, "unknown"), "không rõ thời gian", "unknown period"),
    ],
)
def test_labels(period: Period, vi: str, en: str) -> None:
    assert (period.label("vi"), period.label("en")) == (vi, en)


def test_covers_and_partial() -> None:
    year = Period(2023, "year")
    assert year.covers(Period.half(1, 2023)) and year.covers(Period.quarter(4, 2023))
    assert year.covers(Period(2023, "month", 12)) and year.covers(Period(2023, "day", 2, day=29))
    assert not year.covers(Period.half(1, 2024)) and not year.covers(Period(None, "year"))
    assert Period.half(1, 2023).covers(Period.quarter(2, 2023))
    assert not Period.half(1, 2023).covers(Period(2023, "nine_months", first_months=9))
    assert Period(2021, "years", end_year=2025).covers(year)
    assert not Period.quarter(1, 2023).covers(year)
    assert year.is_full_year and Period(2023, "year", position="end").is_full_year
    assert not Period(2023, "year", position="start").is_full_year
    assert not year.is_partial_of_year
    assert all(p.is_partial_of_year for p in (Period.half(1, 2023), Period.quarter(1), Period(2023, "ytd")))
    assert not Period(2021, "years", end_year=2025).is_partial_of_year


def test_first_months_name_the_usual_periods() -> None:
    assert Period.first_months_of(3, 2024) == Period.quarter(1, 2024)
    assert Period.first_months_of(6, 2024) == Period.half(1, 2024)
    assert Period.first_months_of(12, 2024) == Period(2024, "year")


@pytest.mark.parametrize(
    "bad",
    [
        lambda: Period(2023, "quarter", 5),
        lambda: Period(2023, "month", None),
        lambda: Period(2023, "day", 2, day=40),
        lambda: Period(2025, "years", end_year=2021),
        lambda: Period(2023, "ytd", first_months=12),
    ],
)
def test_invalid_periods_are_rejected(bad) -> None:
    with pytest.raises(ValueError):
        bad()


# ---- relative periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "today", "expected"),
    [
        ("Năm nay tỉnh giải quyết việc làm cho bao nhiêu lao động?", date(2024, 5, 15), ["năm 2024"]),
        ("Năm ngoái có bao nhiêu hộ thoát nghèo?", date(2024, 1, 3), ["năm 2023"]),
        ("Tháng trước có bao nhiêu người?", date(2024, 1, 3), ["tháng 12/2023"]),
        ("Quý trước tuyển bao nhiêu?", date(2024, 2, 1), ["quý IV/2023"]),
        ("Quý I tuyển bao nhiêu?", date(2024, 5, 15), ["quý I/2024"]),
        ("6 tháng đầu năm có bao nhiêu?", date(2024, 8, 1), ["6 tháng đầu năm 2024"]),
        ("6 thang dau nam nay co bao nhieu?", date(2024, 8, 1), ["6 tháng đầu năm 2024"]),
        ("Đến cuối năm có bao nhiêu hộ nghèo?", date(2024, 5, 15), ["cuối năm 2024"]),
        ("quý I năm ngoái", date(2024, 5, 15), ["quý I/2023"]),
        ("How many jobs last year compared with 2021?", date(2024, 5, 15), ["năm 2023", "năm 2021"]),
        ("What happened last month?", date(2024, 3, 31), ["tháng 2/2024"]),
        ("By the end of last year?", date(2024, 3, 31), ["cuối năm 2023"]),
        ("In the first quarter of last year", date(2024, 3, 31), ["quý I/2023"]),
        ("nua cuoi nam ngoai", date(2024, 3, 31), ["6 tháng cuối năm 2023"]),
        ("sáu tháng đầu năm nay", date(2024, 3, 31), ["6 tháng đầu năm 2024"]),
        ("Theo Quyết định 32/2020/QĐ-TTg, năm nay bao nhiêu?", date(2024, 5, 15), ["năm 2024"]),
    ],
)
def test_resolve_relative(question: str, today: date, expected: list[str]) -> None:
    assert [p.label("vi") for p in resolve_relative(question, today)] == expected


def test_resolve_relative_takes_mentions() -> None:
    mentions: list[PeriodMention] = periods_in("năm ngoái")
    assert resolve_relative(mentions, date(2024, 5, 15)) == [Period(2023, "year")]


# ---- the period a fact is about ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "context", "article_date", "expected", "inferred"),
    [
        # stated in the sentence
        ("Năm 2023 tỉnh giải quyết việc làm cho 25.500 lao động.", [], "2024-01-10", "năm 2023", False),
        ("6 tháng đầu năm 2023 có 12.000 lao động có việc làm.", ["Năm 2022 ..."], None, "6 tháng đầu năm 2023", False),
        # a comparison is not what the sentence is about
        ("Tăng 5% so với năm 2022.", ["Năm 2023 tỉnh tạo việc làm cho 25.000 lao động."], None, "năm 2023", True),
        # from the context: title first, nearest sentence last
        ("Đồng chí Chủ tịch UBND tỉnh dự và chỉ đạo.",
         ["Tổng kết công tác năm 2021", "Sáng 10/1, Sở tổ chức hội nghị tổng kết năm 2022."], "2023-01-12", "năm 2022", True),
        # a period without a year takes it from the context, else from the article date
        ("6 tháng đầu năm, tỉnh tạo việc làm cho 12.000 lao động.", ["Kinh tế năm 2023"], "2024-07-05", "6 tháng đầu năm 2023", True),
        ("6 tháng đầu năm, tỉnh tạo việc làm cho 12.000 lao động.", [], "2023-07-05", "6 tháng đầu năm 2023", True),
        ("Quý IV, tỉnh tuyển 3.000 lao động.", [], "2024-01-20", "quý IV/2023", True),
        ("Đến cuối năm, tỷ lệ hộ nghèo còn 2%.", [], "2024-01-20", "cuối năm 2023", True),
        ("Đến cuối năm, tỷ lệ hộ nghèo còn 2%.", [], "2023-12-20", "cuối năm 2023", True),
        ("Quý I, tỉnh tuyển 3.000 lao động.", [], "2024-01-20", "quý I/2024", True),
        # "năm qua" in a review published in January is the year before
        ("Năm qua, toàn tỉnh tạo việc làm cho 25.000 lao động.", [], "2024-01-15", "năm 2023", True),
        ("Trong năm vừa qua, toàn tỉnh tạo việc làm cho 25.000 lao động.", [], date(2023, 12, 28), "năm 2023", True),
        ("Năm nay, tỉnh phấn đấu tạo việc làm cho 26.000 lao động.", [], "2024-02", "năm 2024", True),
        # a date is what the sentence is about when nothing else is
        ("Ngày 13/1/2021, hội nghị có 200 đại biểu.", [], None, "ngày 13/1/2021", False),
    ],
)
def test_infer_period(sentence, context, article_date, expected, inferred) -> None:
    period, was_inferred = infer_period(sentence, context, article_date)
    assert period is not None
    assert (period.label("vi"), was_inferred) == (expected, inferred)


def test_infer_period_without_anything_is_unknown() -> None:
    assert infer_period("Đồng chí Chủ tịch UBND tỉnh dự.", [], "2023-05-01") == (None, False)
    assert infer_period("6 tháng đầu năm có 12.000 lao động.") == (Period.half(1), False)


def test_infer_period_on_the_sample_article() -> None:
    from settings import SAMPLE_CORPUS_DIR

    text = (SAMPLE_CORPUS_DIR / "000_3165cad724f5285f.txt").read_text(encoding="utf-8")
    first = text.split("\n")[0]
    assert "tổng kết nhiệm vụ lao động, người có công năm 2020" in first
    period, inferred = infer_period("Đồng chí Đặng Trí Dũng – Phó Chủ tịch UBND tỉnh đã tham dự.", [first], "2021-01")
    assert (period, inferred) == (Period(2020, "year"), True)


def test_infer_period_on_the_2022_sample_article() -> None:
    """Issue 9: who attended the 2022 review conference is told in a sentence that names no year."""
    from settings import SAMPLE_CORPUS_DIR

    text = (SAMPLE_CORPUS_DIR / "002_d92ff0ca898ecb44.txt").read_text(encoding="utf-8")
    first, second = text.split("\n")[0].split(". ", 1)
    assert second.startswith("Đồng chí Nguyễn Hương Giang")
    assert infer_period(second, [first], None) == (Period(2022, "year"), True)
    assert figure_status(text.split("\n")[2]) == "official"  # "hoàn thành 100% kế hoạch" is a result


# ---- estimates and targets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "status", "markers"),
    [
        ("Năm 2023 toàn tỉnh giải quyết việc làm cho khoảng 25.500 lao động.", "estimate", ["khoảng"]),
        ("Năm 2023 ước đạt 25.500 lao động, đạt 102% kế hoạch.", "estimate", ["ước đạt"]),
        ("Năm 2023 tỉnh giải quyết việc làm cho 25.812 lao động, vượt 3% kế hoạch.", "official", []),
        ("Hoàn thành 100% chỉ tiêu kế hoạch giao.", "official", []),
        ("Năm 2024 phấn đấu giải quyết việc làm cho khoảng 26.000 lao động.", "target", ["phấn đấu", "khoảng"]),
        ("Uoc dat 25.500 lao dong", "estimate", ["ước đạt"]),
        ("Thực hiện tốt các điều ước quốc tế và công ước về lao động.", "official", []),
        ("Người lao động mong ước có việc làm ổn định.", "official", []),
        ("Đưa vào thỏa ước lao động tập thể 12 nội dung có lợi hơn cho lao động nữ.", "official", []),
        ("Nhu cầu lao động ở nước ngoài tăng.", "official", []),  # "nước" holds "ước"
        ("Khoảng thời gian này có nhiều biến động.", "official", []),  # khoảng not before a number
        ("Questions about 2023 and 2024", "official", []),  # about a year, not an amount
        ("The province created about 25,500 jobs.", "estimate", ["about"]),
        ("The province met its target of 26,000 jobs.", "official", []),
        ("The province created 25,812 jobs in 2023.", "official", []),
        ("Bộ Kế hoạch và Đầu tư công bố 25.000 doanh nghiệp mới.", "official", []),  # a ministry's name
        ("Theo Trung tâm Dự báo nhu cầu nhân lực, có 300 người thất nghiệp.", "official", []),
        ("Kế hoạch sản xuất, kinh doanh phải điều chỉnh.", "official", []),  # a plan with no figure
        ("Giáo viên thiếu động lực phấn đấu dạy tốt.", "official", []),
        ("Vào khoảng 17h30 ngày 25/1 có 3 người bị thương.", "official", []),  # a time, not an amount
    ],
)
def test_figure_status(clause: str, status: str, markers: list[str]) -> None:
    assert figure_status(clause) == status
    assert estimate_markers(clause) == markers
    assert is_estimate(clause) == (status == "estimate")


# ---- speed ------------------------------------------------------------------------------------------


def test_periods_in_is_fast() -> None:
    sentence = (
        "Theo báo cáo của Sở Lao động Thương binh và Xã hội, 6 tháng đầu năm 2023, toàn tỉnh giải quyết việc làm "
        "cho 12.500 lao động, đạt 52% kế hoạch năm, tăng 5% so với cùng kỳ năm 2022; trong đó xuất khẩu lao động "
        "1.200 người, chủ yếu sang Nhật Bản, Hàn Quốc, Đài Loan theo Quyết định 32/2020/QĐ-TTg ngày 13/1/2021."
    )
    assert 280 <= len(sentence) <= 340
    periods_in(sentence)
    runs = 200
    # CPU time, not wall time: the test machine is shared, and waiting for a core is not our cost
    timer = timeit.Timer(lambda: periods_in(sentence), timer=time.process_time)
    mean = min(timer.repeat(number=runs, repeat=3)) / runs
    assert mean < 0.001, f"{mean * 1e6:.0f} µs per sentence"


def test_the_issue_scenario_reads_each_figure_right() -> None:
    """Four dated articles about one province (issue 9): each figure's period and status."""
    articles = [
        ("2023-07-10", "6 tháng đầu năm 2023, toàn tỉnh giải quyết việc làm cho 12.800 lao động."),
        ("2023-12-20", "Ước cả năm 2023, toàn tỉnh giải quyết việc làm cho khoảng 25.500 lao động."),
        ("2024-01-15", "Năm 2023, toàn tỉnh đã giải quyết việc làm cho 25.812 lao động, đạt 103% kế hoạch."),
        ("2023-01-12", "Năm qua, toàn tỉnh giải quyết việc làm cho 24.100 lao động."),
    ]
    read = [(infer_period(sentence, [], published), figure_status(sentence)) for published, sentence in articles]
    assert read == [
        ((Period.half(1, 2023), False), "official"),
        ((Period(2023, "year"), False), "estimate"),
        ((Period(2023, "year"), False), "official"),
        ((Period(2022, "year"), True), "official"),
    ]
    [asked] = resolve_relative("Năm 2023 tỉnh giải quyết việc làm cho bao nhiêu lao động?", date(2024, 5, 15))
    assert [asked.covers(period) and period.is_full_year for (period, _), _ in read] == [False, True, True, False]
    assert read[0][0][0] is not None and read[0][0][0].is_partial_of_year
