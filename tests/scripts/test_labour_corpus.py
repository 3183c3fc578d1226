"""scripts/labour_corpus.py: articles of the shared labour data as .txt files, as a new user would store them."""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "labour_corpus.py"
DEV_SET = ROOT / "data" / "questions" / "labour-dev.yaml"


def _load_script():
    spec = importlib.util.spec_from_file_location("labour_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["labour_corpus"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


lc = _load_script()


def _shared_labour_file() -> Path:
    try:
        return lc.find_labour_file()
    except lc.MissingData as exc:
        pytest.skip(f"shared data absent, real-corpus test skipped: {exc}")


def _write_jsonl_gz(folder: Path, rows: list[dict]) -> Path:
    path = folder / "news" / "baomoi-labour.jsonl.gz"
    path.parent.mkdir(parents=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


ROWS = [
    {"id": "1", "title": "Tiêu đề một", "sapo": "Sapo một.", "body": "Thân bài một.\nĐoạn hai."},
    # NFD input (decomposed tones) and no sapo
    {"id": "2", "title": unicodedata.normalize("NFD", "Hộ nghèo"), "sapo": "", "body": "Có 14.000 hộ."},
    {"id": "3", "title": "Ba", "sapo": "S", "body": "B"},
]


def test_article_text_is_title_blank_line_sapo_blank_line_body_in_nfc():
    first, second, _ = (lc.LabourArticle(**row) for row in ROWS)
    assert first.file_name == "1.txt"
    assert first.text() == "Tiêu đề một\n\nSapo một.\n\nThân bài một.\nĐoạn hai.\n"
    assert second.text() == "Hộ nghèo\n\nCó 14.000 hộ.\n"  # an empty sapo leaves no second blank line
    assert unicodedata.is_normalized("NFC", second.text())


def test_materialise_writes_only_the_chosen_articles_in_the_order_asked(tmp_path):
    source = _write_jsonl_gz(tmp_path / "data", ROWS)
    written = lc.materialise(lc.iter_articles(source), tmp_path / "out", ["3", "1", "3"])
    assert [p.name for p in written] == ["3.txt", "1.txt"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["1.txt", "3.txt"]
    assert (tmp_path / "out" / "3.txt").read_text(encoding="utf-8") == "Ba\n\nS\n\nB\n"


def test_materialise_names_ids_the_data_lacks(tmp_path):
    source = _write_jsonl_gz(tmp_path / "data", ROWS)
    with pytest.raises(KeyError, match="99"):
        lc.materialise(lc.iter_articles(source), tmp_path / "out", ["1", "99"])


def test_ids_from_question_set_are_the_docs_in_first_use_order(tmp_path):
    questions = tmp_path / "q.yaml"
    questions.write_text(
        'questions:\n  - {id: "a", question: "?", doc: "22.txt"}\n  - {id: "b", question: "?"}\n'
        '  - {id: "c", question: "?", doc: "11.txt"}\n  - {id: "d", question: "?", doc: "22.txt"}\n',
        encoding="utf-8",
    )
    assert lc.ids_from_question_set(questions) == ["22", "11"]


def test_data_is_looked_for_next_to_the_repository_first():
    assert lc.DATA_CANDIDATES[0] == ROOT.parent / "shared" / "data"


def test_cli_exits_with_a_clear_message_when_the_shared_data_is_absent(tmp_path):
    result = _run("--all", "--data", str(tmp_path / "nowhere"), str(tmp_path / "out"))
    assert result.returncode == 1
    assert "shared labour articles are absent" in result.stderr
    assert str(tmp_path / "nowhere" / "news" / "baomoi-labour.jsonl.gz") in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_all_and_ids_from_on_a_small_copy(tmp_path):
    data = tmp_path / "data"
    _write_jsonl_gz(data, ROWS)
    result = _run("--all", "--data", str(data), str(tmp_path / "all"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"3 articles written to {tmp_path / 'all'}\n"
    questions = tmp_path / "q.yaml"
    questions.write_text('questions:\n  - {id: "a", question: "?", doc: "2.txt"}\n', encoding="utf-8")
    result = _run("--ids-from", str(questions), "--data", str(data), str(tmp_path / "some"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "some").iterdir()] == ["2.txt"]


def test_cli_names_a_question_set_doc_missing_from_the_data(tmp_path):
    data = tmp_path / "data"
    _write_jsonl_gz(data, ROWS)
    questions = tmp_path / "q.yaml"
    questions.write_text('questions:\n  - {id: "a", question: "?", doc: "404.txt"}\n', encoding="utf-8")
    result = _run("--ids-from", str(questions), "--data", str(data), str(tmp_path / "out"))
    assert result.returncode == 1
    assert "not in the labour data: 404" in result.stderr


def test_real_data_dev_set_articles(tmp_path):
    _shared_labour_file()
    result = _run("--ids-from", str(DEV_SET), str(tmp_path / "dev"))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in (tmp_path / "dev").iterdir()}
    assert names == {f"{i}.txt" for i in lc.ids_from_question_set(DEV_SET)}
    assert len(names) >= 45
    text = (tmp_path / "dev" / "21487574.txt").read_text(encoding="utf-8")
    assert text.startswith("Bình Dương đang thiếu hàng chục ngàn lao động\n\nTheo thông tin từ Trung tâm")


def test_real_data_all_749_articles(tmp_path):
    _shared_labour_file()
    result = _run("--all", str(tmp_path / "all"))
    assert result.returncode == 0, result.stderr
    files = list((tmp_path / "all").glob("*.txt"))
    assert len(files) == 749
    assert all(unicodedata.is_normalized("NFC", f.read_text(encoding="utf-8")) for f in files)
