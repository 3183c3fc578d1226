"""Upload checks, stored uploads and the ingestion summary of the Documents tab."""

from __future__ import annotations

from pathlib import Path

from index.models import DocumentInfo, IngestFailure, IngestReport
from ui.documents import check_uploads, document_choices, document_rows, report_summary, safe_file_name, store_uploads
from ui.strings import Strings

VI = Strings("vi")


def test_check_uploads_refuses_wrong_types_and_large_files_with_reasons(tmp_path: Path):
    ok = tmp_path / "tin.txt"
    ok.write_text("Nội dung.", encoding="utf-8")
    gz = tmp_path / "dump.JSONL.GZ"
    gz.write_bytes(b"\x1f\x8b")
    exe = tmp_path / "virus.exe"
    exe.write_bytes(b"MZ")
    bare_gz = tmp_path / "x.tar.gz"
    bare_gz.write_bytes(b"\x1f\x8b")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"0" * (2 * 1024 * 1024 + 1))
    check = check_uploads([ok, gz, exe, bare_gz, big], max_mb=2, strings=VI)
    assert check.accepted == (ok, gz)
    assert len(check.rejected) == 3
    assert check.rejected[0].startswith("virus.exe: loại tệp không được hỗ trợ")
    assert check.rejected[1].startswith("x.tar.gz: loại tệp")
    assert check.rejected[2] == "big.pdf: tệp quá lớn (2.0 MB; tối đa 2 MB)."


def test_store_uploads_keeps_names_so_a_reupload_replaces(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    a = src / "báo cáo.txt"
    a.write_text("v1", encoding="utf-8")
    first = store_uploads([a], tmp_path / "uploads")
    a.write_text("v2", encoding="utf-8")
    second = store_uploads([a], tmp_path / "uploads")
    assert first == second
    assert second[0].read_text(encoding="utf-8") == "v2"
    assert safe_file_name("../../.bashrc") == "bashrc"
    assert safe_file_name("a\\b.txt") == "a_b.txt"


def test_report_summary_lists_every_failed_and_refused_file():
    report = IngestReport(added=2, replaced=1, unchanged=3, chunks=4, sentences=40, seconds=1.25,
                          failed=(IngestFailure("/tmp/up/hỏng.pdf", "not a PDF file"),
                                  IngestFailure("/tmp/up/rỗng.txt", "empty file")))
    text = report_summary(report, VI, ["virus.exe: loại tệp không được hỗ trợ"])
    lines = text.splitlines()
    assert lines[0] == "Đã thêm 2, thay thế 1, không đổi 3, lỗi 3 (40 câu, 4 đoạn, 1.2 giây)."
    # the readers' reasons are English (like the logs): the Vietnamese UI says them in Vietnamese
    assert lines[1:] == ["- virus.exe: loại tệp không được hỗ trợ", "- hỏng.pdf: không phải tệp PDF", "- rỗng.txt: tệp rỗng"]
    english = report_summary(report, Strings("en")).splitlines()
    assert english[1:] == ["- hỏng.pdf: not a PDF file", "- rỗng.txt: empty file"]


def test_document_rows_and_choices_are_newest_first_and_tell_twins_apart():
    docs = [
        DocumentInfo("a", "Tổng kết 2020", "/d/a.txt", "h", 30, 900, date="2021-01", source="LĐ online"),
        DocumentInfo("b", "Tổng kết 2022", "/d/b.txt", "h", 12, 500, date="2022-11-26", source=None),
        DocumentInfo("c", "", "/d/c.txt", "h", 1, 5),
    ]
    assert document_rows(docs, VI) == [
        ["Tổng kết 2022", "2022-11-26", "", 12],
        ["Tổng kết 2020", "2021-01", "LĐ online", 30],
        ["(không có tiêu đề)", "", "", 1],
    ]
    choices = document_choices(docs, VI)
    assert choices[0] == ("Tổng kết 2022 (2022-11-26 · b.txt)", "b")
    assert [v for _, v in choices] == ["b", "a", "c"]
