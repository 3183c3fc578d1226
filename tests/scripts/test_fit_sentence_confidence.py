"""bench/fit_sentence_confidence.py end to end: two labour question sets of free questions over a real index give a
loadable model that records how it was fitted and how it calibrated out of source."""

from __future__ import annotations

from pathlib import Path

from answer.sentence_confidence import SENTENCE_CONFIDENCE_FEATURES, load_sentence_confidence
from tests.scripts.fitting import fit_on_two_sets

ARTICLES = {
    "fair.txt": "Phiên giao dịch việc làm tháng 3\n\nPhiên giao dịch việc làm được tổ chức tại Trung tâm Dịch vụ "
    "việc làm Hà Nội với hơn 40 doanh nghiệp tham gia.\n\nNgười lao động được tư vấn về học nghề và xuất khẩu lao "
    "động. Ban tổ chức cho biết phiên sau sẽ dành cho lao động khuyết tật.\n",
    "training.txt": "Đào tạo nghề cho lao động nông thôn\n\nHuyện Đông Anh mở lớp đào tạo nghề may công nghiệp cho "
    "lao động nông thôn.\n\nHọc viên được miễn học phí và hỗ trợ tiền ăn trong thời gian học. Sau khóa học, doanh "
    "nghiệp may trên địa bàn cam kết tiếp nhận học viên vào làm việc.\n",
}


# each set has answers whose sentence says the expected words and answers whose sentence does not (the expected words
# are in another sentence), so every fold has both labels
FIRST = [
    ("Phiên giao dịch việc làm tháng 3 diễn ra như thế nào?", "Trung tâm Dịch vụ", "fair.txt"),
    ("Người lao động được tư vấn về những gì tại phiên giao dịch?", "học nghề", "fair.txt"),
    ("Người lao động được tư vấn về những gì tại phiên giao dịch?", "khuyết tật", "fair.txt"),
]
SECOND = [
    ("Học viên lớp đào tạo nghề may được hỗ trợ những gì?", "miễn học phí", "training.txt"),
    ("Sau khóa học nghề may, doanh nghiệp cam kết điều gì?", "tiếp nhận học viên", "training.txt"),
    ("Học viên lớp đào tạo nghề may được hỗ trợ những gì?", "Đông Anh", "training.txt"),
]


def test_fits_a_loadable_model_from_labour_sets(tmp_path: Path) -> None:
    run, out = fit_on_two_sets(tmp_path, "fit_sentence_confidence.py", ARTICLES, (FIRST, SECOND), kind="free")
    assert "rows per source" in run.stdout and "Brier score out of source" in run.stdout
    model = load_sentence_confidence(str(out))
    assert model.model.names == SENTENCE_CONFIDENCE_FEATURES
    assert model.meta["rows"] == {"first": 3, "second": 3} and len(model.meta["data_hash"]) == 16
    assert model.meta["command"].startswith("python bench/fit_sentence_confidence.py --labour")
