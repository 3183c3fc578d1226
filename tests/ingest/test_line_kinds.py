"""Captions, bylines and credits are told from statements by their form (ingest/line_kinds.tsv)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.line_kinds import classify_sentence, load_rules
from ingest.sentences import SentenceSplitter

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


@pytest.mark.parametrize("rule", load_rules(), ids=lambda rule: rule.example)
def test_each_row_classifies_its_example(rule) -> None:
    assert classify_sentence(rule.example, whole_line=True) == rule.kind


@pytest.mark.parametrize("rule", [r for r in load_rules() if r.whole_line], ids=lambda rule: rule.example)
def test_line_rows_need_the_whole_line(rule) -> None:
    # "Theo VTV" inside a paragraph is the start of a statement, not a credit
    assert classify_sentence(rule.example, whole_line=False) == "text"


@pytest.mark.parametrize(
    "sentence",
    [
        "Theo đánh giá, trong năm 2020, tổng số lao động được giải quyết việc làm là 21.000 người.",
        "Tỷ lệ hộ nghèo giảm còn 1,31%.",
        "Ảnh hưởng của dịch Covid-19 khiến nhiều doanh nghiệp khó khăn.",
        "Nguồn vốn hỗ trợ đạt 200 tỷ đồng.",
        "Hơn 163.600 lượt lao động được hỗ trợ.",
        "Ai chủ trì hội nghị?",
        "Tăng 5%",
        "Sở Lao động Thương binh và Xã hội tỉnh tổ chức hội nghị",
    ],
)
def test_statements_are_text(sentence: str) -> None:
    assert classify_sentence(sentence, whole_line=True) == "text"


def test_short_lines_without_digits_are_fragments() -> None:
    assert classify_sentence("Kim Cương", whole_line=True) == "fragment"
    assert classify_sentence("Kim Cương", whole_line=False) == "text"  # a short sentence inside a paragraph
    assert classify_sentence("Tăng 5%", whole_line=True) == "text"


def test_nfd_input_is_classified_as_nfc() -> None:
    assert classify_sentence(unicodedata.normalize("NFD", "Ảnh minh họa."), whole_line=True) == "caption"


def test_splitter_marks_the_sample_byline_and_a_credit_after_a_caption() -> None:
    text = unicodedata.normalize("NFC", (SAMPLES / "000_3165cad724f5285f.txt").read_text(encoding="utf-8"))
    sentences = SentenceSplitter().split(text, "a")
    assert sentences[-1].text == "N.MINH" and sentences[-1].kind == "byline"
    assert [s.kind for s in sentences[:-1]] == ["text"] * (len(sentences) - 1)

    text = "Công nhân làm việc tại nhà máy. (Ảnh: N.M)\nẢnh minh họa.\nTheo VTV, 21.000 người có việc làm."
    kinds = [(s.text, s.kind) for s in SentenceSplitter().split(text, "b")]
    assert kinds == [
        ("Công nhân làm việc tại nhà máy.", "text"),
        ("(Ảnh: N.M)", "credit"),
        ("Ảnh minh họa.", "caption"),
        ("Theo VTV, 21.000 người có việc làm.", "text"),
    ]


def test_a_caption_flattened_into_a_paragraph_is_not_evidence() -> None:
    # the page's caption and photo credit run straight into the next statement, with no punctuation between
    text = (
        "Hàn Quốc tiếp nhận theo Chương trình EPS… Lao động Việt Nam do Công ty Nhật Huy Khang tuyển chọn sang "
        "Nhật Bản làm việc Ảnh: Trần Duy Ông Nguyễn Lương Trào cho rằng năm 2016 chỉ có 6 thị trường tiếp nhận. "
        "Ảnh minh họa Về vấn đề này, Cục Thuế có ý kiến. Ảnh: TTO Bí thư khẳng định nhu cầu rất lớn."
    )
    kinds = [(s.text, s.kind) for s in SentenceSplitter().split(text, "c")]
    assert kinds == [
        ("Hàn Quốc tiếp nhận theo Chương trình EPS…", "text"),
        ("Lao động Việt Nam do Công ty Nhật Huy Khang tuyển chọn sang Nhật Bản làm việc Ảnh: Trần Duy", "caption"),
        ("Ông Nguyễn Lương Trào cho rằng năm 2016 chỉ có 6 thị trường tiếp nhận.", "text"),
        ("Ảnh minh họa", "caption"),
        ("Về vấn đề này, Cục Thuế có ý kiến.", "text"),
        ("Ảnh: TTO", "credit"),
        ("Bí thư khẳng định nhu cầu rất lớn.", "text"),
    ]
