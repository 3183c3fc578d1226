"""The learned typed bar: its shipped model file, and the second chance it gives a figure the word-overlap bars
refuse."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from answer.extract import quantity_spans
from answer.extractive import ExtractiveAnswerer, bar_may_admit, with_score_leads
from answer.typed_bar import TYPED_BAR_FEATURES, TypedBar, TypedBarInput, load_typed_bar
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

WORKSHOP = (
    "Trong khuôn khổ Hội nghị Cấp cao APEC, sáng 11/5/2017 đã diễn ra Hội thảo về thế giới việc làm, dự báo lao "
    "động ngành da giày và may mặc có nguy cơ thiếu việc làm do tự động hóa."
)
FIGURES = "Ở Việt Nam, con số này là 75% trong ngành điện tử và 86% trong ngành da giày, trang phục."
QUESTION = "Hội thảo APEC dự báo bao nhiêu phần trăm lao động ngành da giày có nguy cơ thiếu việc làm do tự động hóa?"


def _hit(sentence: str, index: int, rerank: float | None, score: float) -> Hit:
    return sentence_hit(
        sentence,
        doc_id="apec.txt",
        index=index,
        score=score,
        title="Hội thảo APEC về việc làm",
        context=f"{WORKSHOP} {FIGURES}",
        scores={} if rerank is None else {"rerank": rerank},
    )


def test_shipped_bar_records_how_it_was_fitted() -> None:
    bar = load_typed_bar()
    assert bar.model.names == TYPED_BAR_FEATURES
    assert 0.0 < bar.threshold < 1.0
    assert bar.meta["command"].startswith("python bench/fit_typed_bar.py") and len(bar.meta["data_hash"]) == 16


def test_a_model_fitted_on_other_features_or_with_a_threshold_out_of_range_is_refused() -> None:
    data = load_typed_bar().to_json()
    with pytest.raises(ValueError, match="threshold"):
        TypedBar.from_json({**data, "threshold": 1.5})
    renamed = json.loads(json.dumps(data))
    renamed["model"]["names"][0] = "something_else"
    with pytest.raises(ValueError, match="other features"):
        TypedBar.from_json(renamed)


def test_reranker_confidence_raises_the_probability_and_an_unknown_score_is_neutral() -> None:
    bar = load_typed_bar()
    base = dict(coverage=0.3, alignment=0.18, rank=0, retrieval=1.0, english=False, year_confirmed=True, score_lead=0.2)
    confident, doubtful = (
        bar.probability(TypedBarInput(rerank=3.0, **base)),
        bar.probability(TypedBarInput(rerank=-6.0, **base)),
    )
    unknown = bar.probability(TypedBarInput(rerank=None, **base))
    assert confident > unknown > doubtful


def test_a_figure_far_ahead_of_its_rivals_is_likelier_the_answer() -> None:
    bar = load_typed_bar()
    base = dict(coverage=0.4, alignment=0.3, rank=0, retrieval=1.0, rerank=0.0, english=False, year_confirmed=False)
    assert bar.probability(TypedBarInput(score_lead=0.5, **base)) > bar.probability(TypedBarInput(score_lead=-0.2, **base))


def test_each_span_leads_by_its_score_over_the_best_other_span() -> None:
    first = "Năm 2016, tỉnh có 5.000 lao động được hỗ trợ học nghề."
    second = "Năm 2016, 1.200 lao động được giới thiệu việc làm."
    hits = [
        sentence_hit(text, doc_id=f"{n}.txt", title="Hỗ trợ lao động", context=text) for n, text in enumerate((first, second))
    ]
    _, cands = ExtractiveAnswerer().candidates("Bao nhiêu lao động được hỗ trợ học nghề năm 2016?", hits)
    spans = [c for c in with_score_leads(cands) if c.span is not None]
    assert len(spans) >= 2
    best = max(spans, key=lambda c: c.score)
    runner_up = max((c.score for c in spans if c is not best), default=0.0)
    assert best.score_lead == pytest.approx(best.score - runner_up) and best.score_lead > 0
    assert all(c.score_lead <= 0 for c in spans if c is not best)


def test_a_figure_whose_question_context_is_a_sentence_away_gets_a_second_chance() -> None:
    # the figures' sentence names neither the workshop nor the forecast: its own words and half of its previous
    # sentence's are below a stricter word-overlap bar, while the reranker, which read the paragraph, put it first
    # with confidence
    hits = [_hit(FIGURES, 1, 2.0, 1.0), _hit(WORKSHOP, 0, -4.0, 0.6)]
    clock = lambda: date(2017, 12, 31)  # noqa: E731
    bars_alone = ExtractiveAnswerer(typed_bar=None, min_support=0.5, clock=clock).answer(QUESTION, hits)
    assert not bars_alone.found
    answer = ExtractiveAnswerer(min_support=0.5, clock=clock).answer(QUESTION, hits)
    assert answer.found and answer.extracted == "86%"
    # the same candidate, which retrieval doubted, stays refused
    doubted = [_hit(FIGURES, 1, -6.0, 0.5), _hit(WORKSHOP, 0, 2.0, 1.0)]
    assert not ExtractiveAnswerer(min_support=0.5, clock=clock).answer(QUESTION, doubted).found


def test_no_second_chance_for_a_figure_that_counts_something_else() -> None:
    # the reranker is sure of the sentence, but it counts workers, not the teachers asked about
    rent = (
        "Năm 2022, Sở hoàn thành kế hoạch chi trả hỗ trợ tiền thuê nhà cho người lao động với hơn 163.600 lượt "
        "lao động được hỗ trợ, tổng kinh phí gần 200 tỷ đồng."
    )
    hit = sentence_hit(rent, doc_id="rent.txt", title="Hỗ trợ tiền thuê nhà", context=rent, scores={"rerank": 4.0})
    clock = lambda: date(2022, 12, 31)  # noqa: E731
    assert (
        ExtractiveAnswerer(clock=clock)
        .answer("Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", [hit])
        .found
    )
    assert (
        not ExtractiveAnswerer(clock=clock)
        .answer("Bao nhiêu giáo viên được hỗ trợ tiền thuê nhà năm 2022?", [hit])
        .found
    )


def test_a_typed_answer_carries_the_bars_probability() -> None:
    hits = [_hit(FIGURES, 1, 2.0, 1.0), _hit(WORKSHOP, 0, -4.0, 0.6)]
    clock = lambda: date(2017, 12, 31)  # noqa: E731
    answer = ExtractiveAnswerer(clock=clock).answer(QUESTION, hits)
    assert answer.confidence is not None and 0.0 < answer.confidence < 1.0
    assert answer.to_json()["confidence"] == answer.confidence  # `ask --json` shows it
    assert ExtractiveAnswerer(typed_bar=None, clock=clock).answer(QUESTION, hits[:1]).confidence is None
    # a whole-sentence answer carries the sentence confidence's instead (tests/answer/test_sentence_confidence.py)
    free = ExtractiveAnswerer(clock=clock, sentence_confidence=None).answer(
        "Hội thảo về thế giới việc làm diễn ra trong khuôn khổ hội nghị nào?", hits[1:]
    )
    assert free.found and free.answer_type == "sentence" and free.confidence is None


def test_the_bar_is_never_asked_about_a_figure_no_money_question_can_take() -> None:
    # bench/fit_typed_bar.py fits the bar on the candidates bar_may_admit lets through: a span of months for "bao
    # nhiêu tiền" is refused by the answerer before any bar, so it is no row of the fit either
    sentence = "Công nhân đã làm việc 23 tháng liên tục, mỗi người được lì xì 500.000 đồng trong ngày khai xuân."
    hit = sentence_hit(sentence, doc_id="tet.txt", title="Lì xì đầu năm", context=sentence, scores={"rerank": 2.0})
    q, cands = ExtractiveAnswerer().candidates("Công ty lì xì cho mỗi công nhân bao nhiêu tiền ngày khai xuân?", [hit])
    money = next(c for c in cands if c.span is not None and c.span.text == "500.000 đồng")
    months = dataclasses.replace(money, span=next(s for s in quantity_spans(sentence) if s.text == "23 tháng"))
    assert bar_may_admit(q, money)
    assert not bar_may_admit(q, months)
