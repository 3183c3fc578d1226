"""read_articles / iter_source_files on real files of every supported format, good and broken."""

from __future__ import annotations

import gzip
import json
import logging
import time
import unicodedata
from pathlib import Path

import docx
import pytest

from errors import UnreadableDocument
from ingest.readers import SUPPORTED_SUFFIXES, iter_source_files, read_articles
from ingest.sentences import SentenceSplitter
from ingest.text import clean_text
from settings import SAMPLE_CORPUS_DIR

SAMPLES = SAMPLE_CORPUS_DIR
SHARED_LABOUR = Path("/work/shared/data/news/baomoi-labour.jsonl.gz")


def make_pdf(pages, title=None):
    """A valid PDF whose text is extractable through a ToUnicode CMap (so Vietnamese works)."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    assert len(code) < 255
    cmap_lines = "".join(f"<{code[ch]:02X}> <{ord(ch):04X}>\n" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Vn def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{cmap_lines}endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects = []  # index i holds object i+1
    n_pages = len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    font_id = 3 + 2 * n_pages
    for i, page in enumerate(pages):
        content = "BT /F1 11 Tf 14 TL 50 780 Td\n" + "".join(
            "<" + "".join(f"{code[ch]:02X}" for ch in line) + "> Tj T*\n" for line in page
        ) + "ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {4 + 2 * i} 0 R >>".encode()
        )
        body = content.encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    widths = " ".join(["500"] * 255)
    objects.append(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 /Widths [{widths}] "
        f"/ToUnicode {font_id + 1} 0 R >>".encode()
    )
    objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    info_ref = ""
    if title is not None:
        objects.append(b"<< /Title <FEFF" + title.encode("utf-16-be").hex().upper().encode() + b"> >>")
        info_ref = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def assert_clean(text: str) -> None:
    assert text == clean_text(text)
    assert unicodedata.is_normalized("NFC", text)


def test_sample_txt_files(tmp_path: Path) -> None:
    files = list(iter_source_files([SAMPLES]))
    assert [f.name for f in files] == ["000_3165cad724f5285f.txt", "002_d92ff0ca898ecb44.txt"]
    first = read_articles(files[0], root=SAMPLES.parent)
    assert len(first) == 1
    art = first[0]
    assert art.doc_id == f"{SAMPLES.name}/000_3165cad724f5285f.txt"
    assert art.source_path == str(files[0])
    assert (art.date, art.source, art.author) == ("2021-01-13", "LĐ online", "N.MINH")
    assert art.text.startswith("(LĐ online) - Chiều 13/1, Sở Lao động")
    assert_clean(art.text)
    second = read_articles(files[1])[0]
    assert second.doc_id == "002_d92ff0ca898ecb44.txt"
    assert (second.date, second.source, second.author) == ("2022-11-26", "BTV", "Trần Cường, Hải Yến")
    # stable across runs; changes with the content
    assert read_articles(files[0], root=SAMPLES.parent)[0] == art
    copy = tmp_path / "copy.txt"
    copy.write_text((SAMPLES / files[0].name).read_text(encoding="utf-8") + " Thêm.", encoding="utf-8")
    assert read_articles(copy)[0].content_hash != art.content_hash


def test_iter_source_files_recursive_sorted_filtered(tmp_path: Path) -> None:
    for rel in ["b/z.txt", "b/a.md", "a.html", "c/d/e.pdf", "x.docx", "y.jsonl", "y2.JSONL.GZ", "k.htm"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    for rel in [".hidden.txt", ".git/config.txt", "notes.rtf", "data.json", "b/img.png"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path, tmp_path / "x.docx"])]
    assert got == ["a.html", "b/a.md", "b/z.txt", "c/d/e.pdf", "k.htm", "x.docx", "y.jsonl", "y2.JSONL.GZ"]
    assert ".jsonl.gz" in SUPPORTED_SUFFIXES
    with pytest.raises(UnreadableDocument, match="no such file"):
        list(iter_source_files([tmp_path / "missing"]))


def test_markdown(tmp_path: Path) -> None:
    path = tmp_path / "bai.md"
    path.write_text(
        "# Tổng kết năm 2022\n\nSở **Lao động** tổ chức [hội nghị](http://x.vn) lớn.\n"
        "Dòng này nối tiếp\nvới dòng dưới.\n\n- Mục một\n- Mục hai\n",
        encoding="utf-8",
    )
    art = read_articles(path, root=tmp_path)[0]
    assert art.title == "Tổng kết năm 2022"
    assert art.text == (
        "Tổng kết năm 2022\n\nSở Lao động tổ chức hội nghị lớn.\n\nDòng này nối tiếp với dòng dưới.\n\n"
        "Mục một\n\nMục hai"
    )


def test_html_drops_boilerplate_and_reads_meta(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Tổng kết năm 2022 - Báo Bắc Ninh</title>
<meta property="og:title" content="Sở LĐ-TB&amp;XH tổng kết năm 2022">
<meta property="article:published_time" content="2022-11-26T08:30:00+07:00">
<meta property="og:site_name" content="Báo Bắc Ninh">
<meta name="author" content="Trần Cường">
<link rel="canonical" href="https://example.vn/bai-1.html">
<script>var tracking = "Không được xuất hiện";</script><style>p { color: red }</style>
</head><body>
<header><a href="/">Trang chủ</a> Menu đầu trang<nav><a>Đăng nhập</a></nav></header>
<div role="navigation">Chuyên mục</div><!-- bình luận ẩn -->
<nav><ul><li>Thời sự</li><li>Xã hội</li></ul></nav>
<article><header><h1>Sở LĐ-TB&amp;XH tổng kết năm 2022</h1></header>
<p>Sáng 26/11, Sở Lao động, Thương binh và Xã hội
tổng kết công tác năm 2022.</p>
<p>Đã hỗ trợ hơn <b>163.600</b> lượt lao động.<br>Tổng kinh phí gần 200 tỷ đồng.</p>
<script>document.write("quảng cáo")</script>
<form><input value="Tìm kiếm"> Gửi bình luận</form></article>
<aside>Tin liên quan</aside><footer>Bản quyền thuộc về báo</footer>
</body></html>"""
    path = tmp_path / "bai.html"
    path.write_text(html, encoding="utf-8")
    art = read_articles(path)[0]
    assert art.text == (
        "Sở LĐ-TB&XH tổng kết năm 2022\n\nSáng 26/11, Sở Lao động, Thương binh và Xã hội tổng kết công tác năm 2022."
        "\n\nĐã hỗ trợ hơn 163.600 lượt lao động.\n\nTổng kinh phí gần 200 tỷ đồng."
    )
    assert art.title == "Sở LĐ-TB&XH tổng kết năm 2022"
    assert (art.date, art.source, art.author) == ("2022-11-26", "Báo Bắc Ninh", "Trần Cường")
    assert art.url == "https://example.vn/bai-1.html"


def test_html_cp1258_declared_charset_and_title_fallback(tmp_path: Path) -> None:
    body = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'></head>"
    body += "<body><h1>Hội nghị</h1><p>Tỷ lệ hộ nghèo giảm.</p></body></html>"
    from tests.ingest.test_text import to_cp1258

    path = tmp_path / "old.htm"
    path.write_bytes(to_cp1258(body))
    art = read_articles(path)[0]
    assert art.title == "Hội nghị"
    assert art.text == "Hội nghị\n\nTỷ lệ hộ nghèo giảm."


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "baocao.pdf"
    path.write_bytes(
        make_pdf(
            [
                [
                    "Sở Lao động Thương binh và Xã hội tổ chức hội nghị tổng kết",
                    "công tác năm 2022 tại thành phố.",
                    "Tỷ lệ hộ nghèo giảm còn 1,31%.",
                ],
                ["Trang hai có nội dung."],
            ],
            title="Báo cáo tổng kết",
        )
    )
    art = read_articles(path)[0]
    assert art.title == "Báo cáo tổng kết"
    assert art.text == (
        "Sở Lao động Thương binh và Xã hội tổ chức hội nghị tổng kết công tác năm 2022 tại thành phố.\n\n"
        "Tỷ lệ hộ nghèo giảm còn 1,31%.\n\nTrang hai có nội dung."
    )


def test_truncated_and_corrupt_pdf(tmp_path: Path) -> None:
    good = make_pdf([["Một trang có chữ."]])
    cases = {
        "cut.pdf": (good[: len(good) // 2], "truncated PDF"),
        "garbage.pdf": (b"%PDF-1.4\n" + b"\x01\x02 garbage " * 50 + b"\n%%EOF\n", "corrupt PDF"),
        "notpdf.pdf": (b"Xin chao, day khong phai PDF", "not a PDF"),
        "blank.pdf": (make_pdf([[" "]]), "no extractable text"),
        "empty.pdf": (b"", "empty file"),
    }
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(UnreadableDocument, match=reason):
            read_articles(tmp_path / name)


def test_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Tổng kết công tác năm 2022", 0)
    document.add_paragraph("Sáng 26/11, Sở tổ chức hội nghị tổng kết công tác năm 2022.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Hộ nghèo"
    table.rows[0].cells[1].text = "1,31%"
    document.add_paragraph("Trần Cường")
    path = tmp_path / "bai.docx"
    document.save(str(path))
    art = read_articles(path)[0]
    assert art.title == "Tổng kết công tác năm 2022"
    assert art.text == (
        "Tổng kết công tác năm 2022\n\nSáng 26/11, Sở tổ chức hội nghị tổng kết công tác năm 2022.\n\n"
        "Hộ nghèo | 1,31%\n\nTrần Cường"
    )
    assert (art.date, art.author) == ("2022-11-26", "Trần Cường")
    (tmp_path / "broken.docx").write_bytes(path.read_bytes()[:300])
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        read_articles(tmp_path / "broken.docx")


def jsonl_lines() -> list[str]:
    good = {"id": "21469538", "title": "TP.HCM học Bình Dương", "sapo": "Lãnh đạo TP.HCM muốn học tập.",
            "body": "Ngày 5/2, ông Thăng khảo sát.\nCông nhân cần nhà ở.", "date": "2017-02-05",
            "source": "Tuổi Trẻ", "url": "https://x.vn/1", "category": "Xã hội"}
    second = {"id": 7, "title": "", "body": "(BTV) Chỉ có thân bài."}
    return [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "không có id", "body": "x"}),
        "",
        json.dumps(["a list"]),
        json.dumps(second, ensure_ascii=False),
        json.dumps({"id": "21469538", "body": "trùng id"}),
        json.dumps({"id": "9", "sapo": "", "body": "   "}),
    ]


@pytest.mark.parametrize("name", ["tin.jsonl", "tin.jsonl.gz"])
def test_jsonl_and_gz_skip_bad_lines(tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture) -> None:
    data = ("\n".join(jsonl_lines()) + "\n").encode("utf-8")
    path = tmp_path / "sub" / name
    path.parent.mkdir()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    with caplog.at_level(logging.WARNING, logger="ingest.readers"):
        arts = read_articles(path, root=tmp_path)
    assert [a.doc_id for a in arts] == [f"sub/{name}:21469538", f"sub/{name}:7"]
    first, second = arts
    assert first.text == "Lãnh đạo TP.HCM muốn học tập.\n\nNgày 5/2, ông Thăng khảo sát.\n\nCông nhân cần nhà ở."
    assert (first.title, first.date, first.source, first.url) == (
        "TP.HCM học Bình Dương", "2017-02-05", "Tuổi Trẻ", "https://x.vn/1"
    )
    assert first.extra == {"category": "Xã hội"}
    assert first.source_path == str(path)
    assert second.text == "(BTV) Chỉ có thân bài."
    assert second.source == "BTV" and second.title == "Chỉ có thân bài"
    assert len([r for r in caplog.records if "skipped" in r.getMessage()]) == 5


def test_truncated_gz_keeps_complete_records(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "body": f"Bài số {i} có nội dung riêng {'x' * i}."}) for i in range(300)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    arts = read_articles(path)
    assert 0 < len(arts) < 300
    assert [a.doc_id for a in arts] == [f"cut.jsonl.gz:{i}" for i in range(len(arts))]
    (tmp_path / "plain.jsonl.gz").write_text("không phải gzip")
    with pytest.raises(UnreadableDocument, match="not a gzip file"):
        read_articles(tmp_path / "plain.jsonl.gz")
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    with pytest.raises(UnreadableDocument, match="no valid records"):
        read_articles(tmp_path / "bad.jsonl")


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b" \n\r\n\t ", "empty file"), (b"\x00\x01\x02\x03PK\x03\x04" * 100, "binary file")],
)
def test_broken_txt(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument) as info:
        read_articles(path)
    assert info.value.reason == reason


def test_unsupported_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.rtf").write_text("x")
    with pytest.raises(UnreadableDocument, match="unsupported"):
        read_articles(tmp_path / "a.rtf")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258", "tcvn3"])
def test_txt_encodings(tmp_path: Path, encoding: str) -> None:
    from tests.ingest.test_text import PHRASE, PHRASE_TCVN3, to_cp1258

    text = "Hội nghị tổng kết\n\n" + PHRASE
    if encoding == "cp1258":
        data = to_cp1258(text)
    elif encoding == "tcvn3":
        data = b"H\xe9i ngh\xde t\xe6ng k\xd5t\n\n" + PHRASE_TCVN3
    else:
        data = text.encode(encoding)
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    art = read_articles(path)[0]
    assert art.text == text
    assert art.title == "Hội nghị tổng kết"


def test_txt_hard_wrapped_lines_are_joined(tmp_path: Path) -> None:
    path = tmp_path / "wrap.txt"
    path.write_text("Sở Lao động tổ chức\nhội nghị tổng kết.\nTỷ lệ hộ nghèo giảm.\n", encoding="utf-8")
    assert read_articles(path)[0].text == "Sở Lao động tổ chức hội nghị tổng kết.\n\nTỷ lệ hộ nghèo giảm."


@pytest.mark.slow
def test_twenty_megabyte_txt_read_and_split(tmp_path: Path) -> None:
    unit = (SAMPLES / "000_3165cad724f5285f.txt").read_text(encoding="utf-8") + "\n\n"
    big = unit * (20_000_000 // len(unit.encode("utf-8")) + 1)
    path = tmp_path / "big.txt"
    path.write_text(big, encoding="utf-8")
    assert path.stat().st_size >= 20_000_000
    t0 = time.perf_counter()
    art = read_articles(path)[0]
    t1 = time.perf_counter()
    sentences = SentenceSplitter().split(art.text, art.doc_id)
    t2 = time.perf_counter()
    assert len(sentences) >= 21 * 3800
    assert sentences[-1].text == "N.MINH" and art.text[sentences[-1].start : sentences[-1].end] == "N.MINH"
    assert t1 - t0 < 20 and t2 - t1 < 20, (t1 - t0, t2 - t1)


def test_shared_labour_corpus_reads() -> None:
    if not SHARED_LABOUR.exists():
        pytest.skip(f"{SHARED_LABOUR} is absent (shared data not mounted)")
    arts = read_articles(SHARED_LABOUR, root=SHARED_LABOUR.parents[1])
    assert len(arts) == 749
    assert len({a.doc_id for a in arts}) == 749
    assert all(a.doc_id.startswith("news/baomoi-labour.jsonl.gz:") for a in arts)
    for art in arts[:50]:
        assert_clean(art.text)
