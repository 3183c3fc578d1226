"""The sentence confidence: its shipped model file, the probability a whole-sentence answer carries, and the
confidence floors below which an answer is "not found"."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from answer.extractive import DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_SENTENCE_CONFIDENCE, ExtractiveAnswerer
from answer.sentence_confidence import (
    SENTENCE_CONFIDENCE_FEATURES,
    SentenceConfidence,
    SentenceInput,
    load_sentence_confidence,
)
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

FAIR = (
    "Phiên giao dịch việc làm ngày 15/3/2017 tại Trung tâm Dịch vụ việc làm Hà Nội thu hút hơn 40 doanh nghiệp "
    "tham gia tuyển dụng."
)
WAGES = "Mức lương các doanh nghiệp đưa ra dao động từ 5 đến 8 triệu đồng mỗi tháng tùy vị trí."
QUESTION = "Phiên giao dịch việc làm ngày 15/3/2017 được tổ chức ở trung tâm nào?"
CLOCK = lambda: date(2017, 12, 31)  # noqa: E731


def _hit(sentence: str, index: int, rerank: float | None, score: float, doc: str = "fair.txt") -> Hit:
    return sentence_hit(
        sentence,
        doc_id=doc,
        index=index,
        score=score,
        title="Phiên giao dịch việc làm tháng 3",
        context=f"{FAIR} {WAGES}",
        scores={} if rerank is None else {"rerank": rerank},
        dense_score=0.85,
    )


def _input(**changes: object) -> SentenceInput:
    base: dict[str, object] = dict(
        rerank=0.0,
        rerank_lead=0.5,
        rank=0,
        retrieval=1.0,
        coverage=0.6,
        article_share=0.6,
        english=False,
        typed_fallback=False,
    )
    return SentenceInput(**{**base, **changes})  # type: ignore[arg-type]


def test_shipped_model_records_how_it_was_fitted() -> None:
    model = load_sentence_confidence()
    assert model.model.names == SENTENCE_CONFIDENCE_FEATURES
    assert model.meta["command"].startswith("python bench/fit_sentence_confidence.py")
    assert len(model.meta["data_hash"]) == 16
    assert model.meta["out_of_source_calibration"]  # what the probability meant on sources it was not fitted on


def test_a_model_fitted_on_other_features_is_refused() -> None:
    renamed = json.loads(json.dumps(load_sentence_confidence().to_json()))
    renamed["model"]["names"][0] = "something_else"
    with pytest.raises(ValueError, match="other features"):
        SentenceConfidence.from_json(renamed)


def test_retrievals_confidence_raises_the_probability_and_an_unknown_score_is_neutral() -> None:
    model = load_sentence_confidence()
    confident = model.probability(_input(rerank=3.0, rerank_lead=3.0))
    doubtful = model.probability(_input(rerank=-5.0, rerank_lead=-1.0))
    unknown = model.probability(_input(rerank=None, rerank_lead=None))
    assert confident > unknown > doubtful
    # the top hits agreeing on the article makes it likelier
    assert model.probability(_input(article_share=1.0)) > model.probability(_input(article_share=0.2))


def test_a_whole_sentence_answer_carries_a_confidence_that_follows_retrieval() -> None:
    sure = [_hit(FAIR, 0, 3.0, 1.0), _hit(WAGES, 1, -4.0, 0.5)]
    answer = ExtractiveAnswerer(clock=CLOCK).answer(QUESTION, sure)
    assert answer.found and answer.answer_type == "sentence" and answer.citations[0].sentence == FAIR
    assert answer.confidence is not None and 0.0 < answer.confidence < 1.0
    assert answer.to_json()["confidence"] == answer.confidence  # `ask --json` shows it
    # the same sentence, which retrieval barely preferred to a sentence of another article
    unsure = [_hit(FAIR, 0, -1.0, 1.0), _hit(WAGES, 1, -1.2, 0.9, doc="other.txt")]
    doubted = ExtractiveAnswerer(clock=CLOCK).answer(QUESTION, unsure)
    assert doubted.found and doubted.confidence is not None and doubted.confidence < answer.confidence
    assert ExtractiveAnswerer(sentence_confidence=None, clock=CLOCK).answer(QUESTION, sure).confidence is None


def test_below_the_confidence_floor_the_answer_is_not_found_and_says_why() -> None:
    hits = [_hit(FAIR, 0, -1.0, 1.0), _hit(WAGES, 1, -1.2, 0.9, doc="other.txt")]
    # barely preferred: below the default floor, so the floor is set here
    given = ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0).answer(QUESTION, hits)
    assert given.found and given.confidence is not None
    kept = ExtractiveAnswerer(clock=CLOCK, min_sentence_confidence=given.confidence).answer(QUESTION, hits)
    assert kept.found and kept.answer == given.answer  # at the floor: given
    floor = min(given.confidence + 0.05, 1.0)
    withheld = ExtractiveAnswerer(clock=CLOCK, min_sentence_confidence=floor).answer(QUESTION, hits)
    assert not withheld.found and not withheld.citations
    # the confidence is a percentage cut, never rounded up to the floor it is below
    assert f"độ tin cậy {math.floor(given.confidence * 100)}%, dưới ngưỡng {floor * 100:g}%" in withheld.answer
    assert FAIR not in withheld.answer and withheld.related[0].sentence == FAIR  # shown as related, not as the answer
    english_question = "Which centre hosted the job fair on 15/3/2017?"
    english = ExtractiveAnswerer(clock=CLOCK, min_sentence_confidence=0.0).answer(english_question, hits)
    assert english.found and english.confidence is not None
    unsure = ExtractiveAnswerer(clock=CLOCK, min_sentence_confidence=english.confidence + 0.01).answer(
        english_question, hits
    )
    assert not unsure.found and unsure.answer.startswith("No answer sure enough")
    with pytest.raises(ValueError, match="min_confidence"):
        ExtractiveAnswerer(min_confidence=1.5)


def test_a_free_question_and_a_typed_one_have_their_own_floors() -> None:
    hits = [_hit(FAIR, 0, -1.0, 1.0), _hit(WAGES, 1, -1.2, 0.9, doc="other.txt")]

    def answered(question: str, typed: float, free: float) -> bool:
        answerer = ExtractiveAnswerer(clock=CLOCK, min_confidence=typed, min_sentence_confidence=free)
        return answerer.answer(question, hits).found

    given = ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0, min_sentence_confidence=0.0).answer(QUESTION, hits)
    assert given.found and given.confidence is not None  # "ở trung tâm nào": a free question
    assert not answered(QUESTION, 0.0, given.confidence + 0.01)
    assert answered(QUESTION, given.confidence + 0.01, 0.0)
    counted = "Phiên giao dịch việc làm ngày 15/3/2017 thu hút bao nhiêu doanh nghiệp?"
    typed = ExtractiveAnswerer(clock=CLOCK, min_confidence=0.0, min_sentence_confidence=0.0).answer(counted, hits)
    assert typed.found and typed.confidence is not None and "40" in (typed.extracted or "")
    assert answered(counted, 0.0, 1.0)
    assert not answered(counted, typed.confidence + 0.01, 0.0)
    with pytest.raises(ValueError, match="min_sentence_confidence"):
        ExtractiveAnswerer(min_sentence_confidence=-0.1)


def test_a_site_threshold_is_one_floor_for_every_answer(tmp_path: Path) -> None:
    from service import LabourQA
    from settings import Settings

    _, answerer = LabourQA(Settings(index_dir=tmp_path / "index", answer_threshold=0.35))._answerers()
    assert (answerer.min_confidence, answerer.min_sentence_confidence) == (0.35, 0.35)
    _, answerer = LabourQA(Settings(index_dir=tmp_path / "index"))._answerers()
    assert (answerer.min_confidence, answerer.min_sentence_confidence) == (
        DEFAULT_MIN_CONFIDENCE,
        DEFAULT_MIN_SENTENCE_CONFIDENCE,
    )
