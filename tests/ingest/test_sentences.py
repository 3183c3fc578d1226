"""SentenceSplitter on the sample articles and on the Vietnamese traps around periods."""

from __future__ import annotations

import re

import pytest

from ingest.sentences import SentenceSplitter
from ingest.text import clean_text
from settings import SAMPLE_CORPUS_DIR

SAMPLES = SAMPLE_CORPUS_DIR


def sample(name: str) -> str:
    return clean_text((SAMPLES / name).read_text(encoding="utf-8"))


def texts(text: str, max_chars: int = 1000) -> list[str]:
    return [s.text for s in SentenceSplitter(max_chars).split(text, "d")]


def assert_spans_valid(text: str, sentences: list) -> None:
    prev_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i and s.doc_id == "d"
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert text[prev_end : s.start].strip() == ""  # nothing but whitespace between sentences
        prev_end = s.end
    assert text[prev_end:].strip() == ""


@pytest.mark.parametrize("name", ["000_3165cad724f5285f.txt", "002_d92ff0ca898ecb44.txt"])
def test_offsets_round_trip_and_cover_all_content(name: str) -> None:
    text = sample(name)
    sentences = SentenceSplitter().split(text, "d")
    assert_spans_valid(text, sentences)


def test_sample_000_exact_tricky_splits() -> None:
    got = texts(sample("000_3165cad724f5285f.txt"))
    assert len(got) == 21
    assert got[1] == "Đồng chí Lê Thị Thêu – Giám đốc Sở Lao động Thương binh và Xã hội tỉnh, phát biểu tại hội nghị"
    assert got[3] == "Đồng chí Đặng Trí Dũng – Phó Chủ tịch UBND tỉnh đã tham dự."
    # "đơn vị... Chủ động" ends a sentence; "trẻ em... và" / "xã hội... nhằm" do not.
    assert got[5].endswith("các ngành, địa phương và đơn vị...")
    assert got[6].startswith("Chủ động tháo gỡ, giải quyết")
    assert got[6].endswith("an sinh xã hội... nhằm đạt kết quả theo kế hoạn đã đề ra.")
    assert got[7].startswith("Cùng đó, các chính sách cho người có công, đối tượng bảo trợ xã hội, hộ nghèo, trẻ em... và")
    assert got[11].endswith("Đài Loan, Trung Đông…")
    assert got[12] == (
        "Tỷ lệ hộ nghèo thực hiện cuối năm 2020 giảm còn 1,31%; đời sống của Nhân dân được cải thiện, "
        "góp phần quan trọng trong nhiệm vụ phát triển kinh tế xã hội của tỉnh nhà."
    )
    assert got[15].endswith(
        "theo Nghị quyết số 154/NQ-CP ngày 19/10/2020 của Chính phủ và Quyết định số 32/2020/QĐ-TTg "
        "của Thủ tướng Chính phủ."
    )
    assert got[-2:] == ["Các đại biểu tham dự hội nghị", "N.MINH"]


def test_sample_002_exact_tricky_splits() -> None:
    got = texts(sample("002_d92ff0ca898ecb44.txt"))
    assert len(got) == 10
    assert got[0] == (
        "(BTV) Sáng 26/11, Sở Lao động, Thương binh và Xã hội (LĐ,TB&XH) tổng kết công tác năm 2022, "
        "triển khai nhiệm năm 2023."
    )
    assert got[3].startswith("Điển hình, đã hỗ trợ cho hơn 8.100 đơn vị")
    assert "hơn 163.600 lượt lao động" in got[3]
    assert got[3].endswith("với tổng kinh phí gần 8,5 tỷ đồng...")
    assert got[-1] == "Trần Cường, Hải Yến"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội thảo do PGS.TS. Nguyễn Văn An chủ trì. TS. Lê Bình, ThS. Hà Chi và GS. Đỗ Dũng dự.",
         ["Hội thảo do PGS.TS. Nguyễn Văn An chủ trì.", "TS. Lê Bình, ThS. Hà Chi và GS. Đỗ Dũng dự."]),
        ("Lao động tại Tp. Hồ Chí Minh và TP.HCM tăng. Năm sau giảm.",
         ["Lao động tại Tp. Hồ Chí Minh và TP.HCM tăng.", "Năm sau giảm."]),
        ("Hỗ trợ tiền nhà, điện, nước v.v. Cho người lao động khó khăn.",
         ["Hỗ trợ tiền nhà, điện, nước v.v. Cho người lao động khó khăn."]),
        ("Ông Nguyễn V. Minh ký. Bà Trần T. Hà dự.", ["Ông Nguyễn V. Minh ký.", "Bà Trần T. Hà dự."]),
        ('Ông nói: "Chúng tôi sẽ làm." Sau đó ông đi.', ['Ông nói: "Chúng tôi sẽ làm."', "Sau đó ông đi."]),
        ("Bà hỏi: “Vì sao?” Không ai trả lời. “Thật sao?” anh hỏi lại.",
         ["Bà hỏi: “Vì sao?”", "Không ai trả lời.", "“Thật sao?” anh hỏi lại."]),
        ("Đạt 72,4%. 250 người đi làm việc ở nước ngoài!", ["Đạt 72,4%.", "250 người đi làm việc ở nước ngoài!"]),
        ("1. Tăng cường công tác quản lý. Việc này cần làm ngay.\nII. Nhiệm vụ năm 2023",
         ["1. Tăng cường công tác quản lý.", "Việc này cần làm ngay.", "II. Nhiệm vụ năm 2023"]),
        ("Mức 163.600 đồng áp dụng từ ngày 19/10/2020 theo 32/2020/QĐ-TTg. Ngành LĐ,TB&XH triển khai.",
         ["Mức 163.600 đồng áp dụng từ ngày 19/10/2020 theo 32/2020/QĐ-TTg.", "Ngành LĐ,TB&XH triển khai."]),
        ("Dòng một không có dấu chấm\nDòng hai cũng vậy", ["Dòng một không có dấu chấm", "Dòng hai cũng vậy"]),
        # a photo credit ends its caption when a new sentence follows: one or two capitalised words after "Ảnh:"
        ("Công nhân tan ca Ảnh: Thu Huyền Năm 2016 kiều hối tăng.", ["Công nhân tan ca Ảnh: Thu Huyền", "Năm 2016 kiều hối tăng."]),
        ("Ảnh: P.ĐIỀN Tại đây anh làm việc.", ["Ảnh: P.ĐIỀN", "Tại đây anh làm việc."]),
        ("Ảnh: CTV Bà Phạm Thị Hằng cho biết.", ["Ảnh: CTV", "Bà Phạm Thị Hằng cho biết."]),
        ("Ảnh: Như Phú “Căn nhà mơ ước sẽ ra sao?”", ["Ảnh: Như Phú", "“Căn nhà mơ ước sẽ ra sao?”"]),
        ("(Ảnh: VOV) Theo người nhà, ông đã nghỉ.", ["(Ảnh: VOV)", "Theo người nhà, ông đã nghỉ."]),
        ("Ảnh: Doãn Tấn - TTXVN Đây là chỉ đạo.", ["Ảnh: Doãn Tấn - TTXVN", "Đây là chỉ đạo."]),
        ("Bị bắt (Ảnh: Công an cung cấp) Sau 1 tháng truy tìm.", ["Bị bắt (Ảnh: Công an cung cấp)", "Sau 1 tháng truy tìm."]),
        # a one-word name is not told from the next sentence's first word; a source in brackets stays in its sentence
        ("Ảnh: Zing Về dự án nhà ở.", ["Ảnh: Zing Về dự án nhà ở."]),
        ("Doanh thu tăng 10% (Nguồn: Tổng cục Thống kê) trong năm.", ["Doanh thu tăng 10% (Nguồn: Tổng cục Thống kê) trong năm."]),
        # no credit: "Ảnh hưởng", a lower-case "ảnh:", a credit that runs to the end of the line
        ("Ảnh hưởng của bão: Nhiều nhà bị tốc mái.", ["Ảnh hưởng của bão: Nhiều nhà bị tốc mái."]),
        ("Bức ảnh: Cô giáo và học trò vùng cao.", ["Bức ảnh: Cô giáo và học trò vùng cao."]),
        ("Công nhân tan ca Ảnh: Thu Huyền", ["Công nhân tan ca Ảnh: Thu Huyền"]),
    ],
)
def test_tricky_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected
    assert_spans_valid(text, SentenceSplitter().split(text, "d"))


def test_long_sentence_split_at_inner_boundaries() -> None:
    clause = "hỗ trợ cho hơn 8.100 đơn vị, doanh nghiệp và 368 hộ kinh doanh gặp khó khăn do dịch bệnh"
    text = "Năm 2022 ngành đã " + "; ".join([clause] * 30) + "."
    sentences = SentenceSplitter(max_chars=300).split(text, "d")
    assert len(sentences) > 1
    assert all(len(s.text) <= 300 for s in sentences)
    assert all(s.text.endswith((";", ".")) for s in sentences)  # cut after "; ", not inside a clause
    assert_spans_valid(text, sentences)


def test_long_run_without_spaces_is_hard_cut() -> None:
    text = "x" * 2500
    sentences = SentenceSplitter(max_chars=1000).split(text, "d")
    assert [len(s.text) for s in sentences] == [1000, 1000, 500]
    assert_spans_valid(text, sentences)


def test_uncleaned_text_offsets_still_exact() -> None:
    text = "  Câu một.   Câu hai!\r\n\t Câu ba?  \n\n"
    sentences = SentenceSplitter().split(text, "d")
    assert [s.text for s in sentences] == ["Câu một.", "Câu hai!", "Câu ba?"]
    assert_spans_valid(text, sentences)


def test_empty_text_and_validation() -> None:
    assert SentenceSplitter().split("", "d") == []
    assert SentenceSplitter().split(" \n\n ", "d") == []
    for bad in (0, 5, -1, 10.5, True):
        with pytest.raises(ValueError):
            SentenceSplitter(max_chars=bad)  # type: ignore[arg-type]


def test_non_space_content_preserved_in_order() -> None:
    text = sample("000_3165cad724f5285f.txt") + "\n\n" + sample("002_d92ff0ca898ecb44.txt")
    joined = "".join(s.text for s in SentenceSplitter(max_chars=120).split(text, "d"))
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)
