"""bench/fit_typed_bar.py end to end: two labour question sets over a real index give a loadable bar that records
how it was fitted."""

from __future__ import annotations

from pathlib import Path

from answer.typed_bar import TYPED_BAR_FEATURES, load_typed_bar
from tests.scripts.fitting import fit_on_two_sets, indexed, run_script

ARTICLES = {
    "hanoi.txt": "Hà Nội đào tạo nghề năm 2017\n\nNăm 2017, Hà Nội đào tạo nghề cho 12.000 lao động.\n\n"
    "Thành phố có 3.000 lao động thất nghiệp. Hà Nội hỗ trợ 450 hộ nghèo vay vốn. "
    "Có 25 doanh nghiệp tham gia phiên giao dịch việc làm.\n",
    "danang.txt": "Đà Nẵng giải quyết việc làm\n\nNăm 2017, Đà Nẵng giải quyết việc làm cho 30.000 lao động.\n\n"
    "Thành phố có 1.200 hộ nghèo. Đà Nẵng tổ chức 12 phiên giao dịch việc làm với 80 doanh nghiệp.\n",
}


FIRST = [
    ("Năm 2017 Hà Nội đào tạo nghề cho bao nhiêu lao động?", "12.000", "hanoi.txt"),
    ("Hà Nội có bao nhiêu lao động thất nghiệp?", "3.000", "hanoi.txt"),
    ("Hà Nội có bao nhiêu giáo viên mầm non?", None, None),
    ("Bao nhiêu doanh nghiệp tham gia phiên giao dịch việc làm?", "25", "hanoi.txt"),
]
SECOND = [
    ("Năm 2017 Đà Nẵng giải quyết việc làm cho bao nhiêu lao động?", "30.000", "danang.txt"),
    ("Đà Nẵng có bao nhiêu hộ nghèo?", "1.200", "danang.txt"),
    ("Đà Nẵng có bao nhiêu bác sĩ?", None, None),
    ("Năm 2017 bao nhiêu lao động được giải quyết việc làm?", "30.000", "danang.txt"),
]


def test_fits_a_loadable_bar_from_labour_sets(tmp_path: Path) -> None:
    run, out = fit_on_two_sets(tmp_path, "fit_typed_bar.py", ARTICLES, (FIRST, SECOND))
    assert "hand-set bars" in run.stdout and "rows per source" in run.stdout
    bar = load_typed_bar(str(out))
    assert bar.model.names == TYPED_BAR_FEATURES and 0.0 < bar.threshold < 1.0
    assert bar.meta["rows"].keys() == {"first", "second"} and len(bar.meta["data_hash"]) == 16


def test_fits_from_probe_files_one_source_each(tmp_path: Path) -> None:
    # data/probes format: article, question, expected answer or TRAP; each file is a source of its own
    index = indexed(tmp_path, ARTICLES)
    probes = []
    for name, rows in (("probe-a", FIRST), ("probe-b", SECOND)):
        path = tmp_path / f"{name}.tsv"
        path.write_text("".join(f"{doc or '-'}\t{q}\t{expect or 'TRAP'}\n" for q, expect, doc in rows), encoding="utf-8")
        probes.append(str(path))
    out = tmp_path / "model.json"
    run = run_script("fit_typed_bar.py", "--probes", f"{','.join(probes)}:{index}", "--out", str(out))
    assert run.returncode == 0, run.stderr[-2000:]
    bar = load_typed_bar(str(out))
    assert bar.meta["rows"].keys() == {"probe-a", "probe-b"}, bar.meta["rows"]
    assert "--probes" in bar.meta["command"]
