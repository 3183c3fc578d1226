"""extract_metadata on the two sample articles and on the date/byline/title rules."""

from __future__ import annotations

import pytest

from ingest.metadata import Metadata, extract_metadata, shorten_title
from ingest.text import clean_text
from settings import SAMPLE_CORPUS_DIR

SAMPLES = SAMPLE_CORPUS_DIR


def sample(name: str) -> str:
    return clean_text((SAMPLES / name).read_text(encoding="utf-8"))


def test_sample_000_metadata() -> None:
    text = sample("000_3165cad724f5285f.txt")
    meta = extract_metadata(text)
    assert meta.date == "2021-01-13"
    assert meta.source == "LĐ online"
    assert meta.author == "N.MINH"
    assert meta.title == (
        "Chiều 13/1, Sở Lao động Thương binh và Xã hội tổ chức tổng kết nhiệm vụ lao động, người có công năm 2020…"
    )
    # Only the crawler's "date 2021-01 " header is dropped; the source tag and byline stay in the text.
    assert text.startswith("date 2021-01 ")
    assert meta.text == text[len("date 2021-01 ") :]
    assert meta.text.startswith("(LĐ online) - Chiều 13/1")
    assert meta.text.endswith("\n\nN.MINH")


def test_sample_002_metadata() -> None:
    text = sample("002_d92ff0ca898ecb44.txt")
    meta = extract_metadata(text)
    assert meta == Metadata(
        text=text,
        title="Sáng 26/11, Sở Lao động, Thương binh và Xã hội (LĐ,TB&XH) tổng kết công tác năm 2022, "
        "triển khai nhiệm năm 2023",
        date="2022-11-26",
        source="BTV",
        author="Trần Cường, Hải Yến",
    )


def test_metadata_is_frozen() -> None:
    meta = extract_metadata("Một câu.")
    with pytest.raises(AttributeError):
        meta.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # header month agrees with the lead: full date
        ("date 2021-01 Chiều 13/1, hội nghị diễn ra.\n\nNội dung.", "2021-01-13"),
        # header and lead disagree: only the header is certain
        ("date 2021-01 Chiều 28/12, hội nghị diễn ra.\n\nNội dung.", "2021-01"),
        ("date 2021-01 Hội nghị diễn ra.\n\nNội dung.", "2021-01"),
        # year-end review early in the next year
        ("Chiều 13/1, Sở tổ chức tổng kết nhiệm vụ năm 2020, triển khai nhiệm vụ năm 2021.", "2021-01-13"),
        # a review in May cannot be placed in a year with certainty
        ("Sáng 5/5, Sở tổng kết công tác năm 2022.", None),
        # no year anywhere: never invent one
        ("Sáng 26/11, Sở họp bàn công tác lao động.", None),
        ("Ngày 7/2/2017, đoàn cán bộ đã đến thăm công nhân.", "2017-02-07"),
        # a photo caption's date is not the article's
        ("Ngày 20/5/1947, Bác Hồ và cán bộ đến Đồi Khau Tý\n\nKỉ niệm ngày sinh Bác.", None),
        ("Ngày 31/2/2017, một ngày không có thật.", None),
        ("Không có ngày tháng nào ở đây.", None),
    ],
)
def test_dates(text: str, date: str | None) -> None:
    assert extract_metadata(text).date == date


@pytest.mark.parametrize(
    ("last_line", "author"),
    [
        ("N.MINH", "N.MINH"),
        ("Trần Cường, Hải Yến", "Trần Cường, Hải Yến"),
        ("Bài và ảnh: Lê Hà", "Lê Hà"),
        ("Các đại biểu tham dự hội nghị", None),
        ("Năm 2023 còn nhiều khó khăn.", None),
        ("Theo Báo Lao Động", None),
    ],
)
def test_bylines(last_line: str, author: str | None) -> None:
    assert extract_metadata(f"Sở tổ chức hội nghị.\n\n{last_line}").author == author


def test_byline_needs_its_own_paragraph() -> None:
    assert extract_metadata("N.MINH").author is None


def test_theo_line_gives_source() -> None:
    assert extract_metadata("Sở tổ chức hội nghị.\n\nTheo Báo Lao Động").source == "Báo Lao Động"


def test_title_line_is_used_when_present() -> None:
    meta = extract_metadata("Tổng kết công tác lao động năm 2022\n\nSáng 26/11, Sở tổ chức hội nghị.")
    assert meta.title == "Tổng kết công tác lao động năm 2022"
    assert meta.date is None


def test_shorten_title_cuts_at_word_boundary() -> None:
    sentence = "Ngành lao động " + "hoàn thành nhiệm vụ " * 12 + "được giao."
    title = shorten_title(sentence)
    assert len(title) <= 120 and title.endswith("…")
    assert sentence.startswith(title[:-1]) and sentence[len(title) - 1] == " "
    assert shorten_title("Câu ngắn.") == "Câu ngắn"


def test_empty_and_header_only() -> None:
    assert extract_metadata("") == Metadata(text="")
    assert extract_metadata("date 2021-01").date == "2021-01"


def test_title_line_then_agency_tag_and_dateline() -> None:
    meta = extract_metadata("Tổng kết năm 2022\n\n(BTV) Sáng 26/11, Sở tổng kết công tác năm 2022.\n\nN.MINH")
    assert (meta.title, meta.source, meta.date, meta.author) == ("Tổng kết năm 2022", "BTV", "2022-11-26", "N.MINH")
