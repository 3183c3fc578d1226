"""LLM answering mode against a scripted local server: grounded replies pass, the rest fall back."""

from __future__ import annotations

import time
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from answer.extractive import ExtractiveAnswerer
from answer.language import message
from answer.llm import LLMAnswerer, cited_numbers, find_numbers, make_llm, unsupported_numbers
from answer.models import Answer, Citation
from errors import ConfigurationError
from index.models import Hit
from settings import SAMPLE_CORPUS_DIR
from tests.answer.fake_openai_server import FakeLLMServer

ARTICLE_2022 = "002_d92ff0ca898ecb44.txt"
ARTICLE_2020 = "000_3165cad724f5285f.txt"

Q_RENT = "Năm 2022 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?"


def _article(name: str) -> str:
    return unicodedata.normalize("NFC", (SAMPLE_CORPUS_DIR / name).read_text(encoding="utf-8"))


def sentence_hit(name: str, begins: str, ends: str, score: float) -> Hit:
    """A Hit for the sentence of a sample article from `begins` through `ends`."""
    text = _article(name)
    start = text.find(begins)
    assert start != -1, begins
    end = text.find(ends, start)
    assert end != -1, ends
    end += len(ends)
    return Hit(
        doc_id=Path(name).stem,
        sentence_index=text.count("\n", 0, start),
        start=start,
        end=end,
        sentence=text[start:end],
        chunk_id=f"{Path(name).stem}#c0",
        score=score,
        title=f"Bài {Path(name).stem[:3]}",
        date=None,
        source="sample",
    )


@pytest.fixture(scope="module")
def hits() -> list[Hit]:
    return [
        # [1] the rent-support figures
        sentence_hit(ARTICLE_2022, "Điển hình, đã hỗ trợ", "gần 8,5 tỷ đồng...", 0.9),
        # [2]
        sentence_hit(ARTICLE_2022, "Năm 2022, ngành LĐ,TB&XH", "được giao.", 0.7),
        # [3] the 2020 poverty rate
        sentence_hit(ARTICLE_2020, "Tỷ lệ hộ nghèo thực hiện", "giảm còn 1,31%", 0.5),
    ]


@pytest.fixture(scope="module")
def fallback() -> ExtractiveAnswerer:
    return ExtractiveAnswerer()


@pytest.fixture
def server():
    with FakeLLMServer() as fake:
        yield fake


@pytest.fixture
def answerer(server, fallback) -> LLMAnswerer:
    llm = make_llm("openai", server.openai_base, "fake-model", "", timeout_s=10, max_retries=0)
    return LLMAnswerer(llm, fallback)


def _citation(hit: Hit) -> Citation:
    return Citation(hit.doc_id, hit.title, hit.date, hit.source, hit.sentence, hit.start, hit.end)


# ---- accepted answers -------------------------------------------------------------------------


def test_grounded_cited_answer_is_accepted(server, answerer, hits):
    reply = "Năm 2022 có hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà, tổng kinh phí gần 200 tỷ đồng [1]."
    server.enqueue(reply)
    result = answerer.answer(Q_RENT, hits)
    assert result.mode == "llm"
    assert result.found is True
    assert result.note is None
    assert result.answer == reply
    assert result.citations == (_citation(hits[0]),)
    cited = result.citations[0]
    assert _article(ARTICLE_2022)[cited.start : cited.end] == cited.sentence
    assert "163.600" in cited.sentence
    assert result.timings_ms["llm"] > 0


def test_citations_are_renumbered_in_order_of_first_use(server, answerer, hits):
    server.enqueue(
        "Cuối năm 2020 tỷ lệ hộ nghèo giảm còn 1,31% [3]; hơn 163.600 lượt lao động "
        "được hỗ trợ tiền thuê nhà [1, 3]."
    )
    result = answerer.answer("Tỷ lệ hộ nghèo và số lượt hỗ trợ tiền thuê nhà?", hits)
    assert result.mode == "llm"
    assert result.citations == (_citation(hits[2]), _citation(hits[0]))
    assert result.answer == (
        "Cuối năm 2020 tỷ lệ hộ nghèo giảm còn 1,31% [1]; hơn 163.600 lượt lao động "
        "được hỗ trợ tiền thuê nhà [2][1]."
    )


def test_english_question_gets_english_prompt_and_english_number_format_is_accepted(server, answerer, hits):
    server.enqueue("In 2022, more than 163,600 workers received rent support, costing nearly 200 billion dong [1].")
    result = answerer.answer("How many workers received rent support in 2022?", hits)
    assert result.mode == "llm", result.note
    assert "Answer briefly in English" in server.requests[0].prompt


def test_reasoning_text_is_not_part_of_the_answer(server, answerer, hits):
    server.enqueue("<think>Maybe 170.000? No, source 1 says 163.600.</think>Hơn 163.600 lượt lao động [1].")
    result = answerer.answer(Q_RENT, hits)
    assert result.mode == "llm"
    assert result.answer == "Hơn 163.600 lượt lao động [1]."


def test_request_holds_the_numbered_sources_and_the_question(server, answerer, hits):
    server.enqueue("Hơn 163.600 lượt [1].")
    answerer.answer(Q_RENT, hits)
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "fake-model"
    assert request.body["temperature"] == 0.0
    prompt = request.prompt
    for number, hit in enumerate(hits, start=1):
        assert f"[{number}] {hit.sentence}" in prompt
    assert "[4]" not in prompt
    assert Q_RENT in prompt
    assert "NOT_FOUND" in prompt
    assert "Chỉ trả lời dựa trên các câu nguồn" in prompt


def test_sources_are_deduplicated_and_capped(server, fallback, hits):
    llm = make_llm("openai", server.openai_base, "m", "", timeout_s=10, max_retries=0)
    answerer = LLMAnswerer(llm, fallback, max_sources=2)
    server.enqueue("Hơn 163.600 lượt [1].")
    answerer.answer(Q_RENT, [hits[0], hits[0], hits[1], hits[2]])
    prompt = server.requests[0].prompt
    assert f"[1] {hits[0].sentence}" in prompt
    assert f"[2] {hits[1].sentence}" in prompt
    assert hits[2].sentence not in prompt
    with pytest.raises(ValueError, match="max_sources"):
        LLMAnswerer(llm, fallback, max_sources=0)


# ---- rejected replies fall back ---------------------------------------------------------------


def _assert_fallback(result: Answer, fallback, hits, question: str, reason: str) -> None:
    assert result.mode == "extractive"
    assert result.note is not None
    assert result.note.startswith(reason), result.note
    assert "showing the extractive answer." in result.note
    assert result.answer == fallback.answer(question, hits).answer


def test_hallucinated_number_is_rejected(server, answerer, fallback, hits):
    server.enqueue("Năm 2022 có hơn 170.000 lượt lao động được hỗ trợ tiền thuê nhà [1].")
    result = answerer.answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM answer rejected: number '170.000' not in the cited sentences")


def test_number_from_an_uncited_source_is_rejected(server, answerer, fallback, hits):
    # 1,31% is in source [3], but the reply cites only [1].
    server.enqueue("Hơn 163.600 lượt lao động được hỗ trợ; tỷ lệ hộ nghèo còn 1,31% [1].")
    result = answerer.answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM answer rejected: number '1,31' not in the cited sentences")


def test_wrong_unit_is_rejected(server, answerer, fallback, hits):
    server.enqueue("Tổng kinh phí cấp thẻ bảo hiểm y tế gần 8,5 triệu đồng [1].")
    result = answerer.answer("Kinh phí cấp thẻ bảo hiểm y tế là bao nhiêu?", hits)
    assert result.mode == "extractive"
    assert "number '8,5 triệu'" in result.note


def test_citation_of_a_missing_source_is_rejected(server, answerer, fallback, hits):
    server.enqueue("Hơn 163.600 lượt lao động được hỗ trợ [9].")
    result = answerer.answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM answer rejected: citation [9] not among sources 1-3")


def test_uncited_reply_is_rejected(server, answerer, fallback, hits):
    server.enqueue("Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà.")
    result = answerer.answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM answer rejected: no citation")


def test_empty_reply_is_rejected(server, answerer, fallback, hits):
    server.enqueue("   ")
    result = answerer.answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM answer rejected: empty reply")


# ---- not found --------------------------------------------------------------------------------


def test_not_found_reply_gives_not_found_answer_with_related_sentences(server, answerer, hits):
    server.enqueue("NOT_FOUND")
    question = "Năm 2022 tỉnh có bao nhiêu vụ tai nạn lao động?"
    result = answerer.answer(question, hits)
    assert result.found is False
    assert result.mode == "llm"
    assert result.citations == ()
    assert result.related == tuple(_citation(h) for h in hits[:3])
    assert result.answer == message("vi", "not_found")


def test_not_found_answer_is_in_the_questions_language(server, answerer, hits):
    server.enqueue("NOT_FOUND.")
    result = answerer.answer("How many workplace accidents were there in 2022?", hits)
    assert result.found is False
    assert result.answer == message("en", "not_found")


# ---- endpoint failures ------------------------------------------------------------------------


def test_http_500_falls_back_to_extractive(server, answerer, fallback, hits):
    server.enqueue(status=500)
    result = answerer.answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM unavailable: endpoint error (InternalServerError)")
    assert len(server.requests) == 1


def test_timeout_falls_back_to_extractive(server, fallback, hits):
    llm = make_llm("openai", server.openai_base, "m", "", timeout_s=0.5, max_retries=0)
    server.enqueue("Hơn 163.600 lượt [1].", delay_s=3)
    started = time.perf_counter()
    result = LLMAnswerer(llm, fallback).answer(Q_RENT, hits)
    assert time.perf_counter() - started < 2.5
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM unavailable: endpoint error (APITimeoutError)")


def test_unreachable_endpoint_falls_back(fallback, hits):
    with FakeLLMServer() as closed:
        base = closed.openai_base
    llm = make_llm("openai", base, "m", "", timeout_s=2, max_retries=0)
    result = LLMAnswerer(llm, fallback).answer(Q_RENT, hits)
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM unavailable: endpoint error (APIConnectionError)")


def test_no_hits_means_no_llm_call(server, answerer):
    result = answerer.answer(Q_RENT, [])
    assert result.mode == "extractive"
    assert result.note.startswith("LLM not asked: no source sentences")
    assert server.requests == []


# ---- streaming --------------------------------------------------------------------------------


def test_streaming_yields_deltas_then_the_checked_answer(server, answerer, hits):
    reply = "Năm 2022 có hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà [1]."
    server.enqueue(reply, chunk_chars=5)
    stream = answerer.stream(Q_RENT, hits)
    with pytest.raises(RuntimeError, match="not finished"):
        _ = stream.answer
    deltas = list(stream)
    assert len(deltas) >= len(reply) // 5
    assert "".join(deltas) == reply
    assert stream.done
    assert stream.answer.mode == "llm"
    assert stream.answer.citations == (_citation(hits[0]),)
    assert server.requests[0].body["stream"] is True


def test_streamed_hallucination_falls_back(server, answerer, fallback, hits):
    server.enqueue("Có hơn 170.000 lượt lao động [1].")
    seen: list[str] = []
    result = answerer.stream(Q_RENT, hits).consume(seen.append)
    assert "".join(seen) == "Có hơn 170.000 lượt lao động [1]."
    _assert_fallback(result, fallback, hits, Q_RENT, "LLM answer rejected: number '170.000'")


def test_streaming_endpoint_error_falls_back(server, answerer, fallback, hits):
    server.enqueue(status=503)
    stream = answerer.stream(Q_RENT, hits)
    assert list(stream) == []
    _assert_fallback(stream.answer, fallback, hits, Q_RENT, "LLM unavailable: endpoint error")


# ---- Ollama's native protocol -----------------------------------------------------------------


def test_ollama_answer_and_stream(server, fallback, hits):
    llm = make_llm("ollama", server.url, "qwen-fake", "", timeout_s=10)
    answerer = LLMAnswerer(llm, fallback)
    reply = "Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà [1]."
    server.enqueue(reply)
    server.enqueue(reply)
    result = answerer.answer(Q_RENT, hits)
    assert result.mode == "llm"
    assert result.citations == (_citation(hits[0]),)
    stream = answerer.stream(Q_RENT, hits)
    assert "".join(stream) == reply
    assert stream.answer.mode == "llm"
    assert [r.path for r in server.requests] == ["/api/chat", "/api/chat"]
    first = server.requests[0].body
    assert first["model"] == "qwen-fake" and first["stream"] is False
    assert f"[1] {hits[0].sentence}" in server.requests[0].prompt
    assert server.requests[1].body["stream"] is True


def test_ollama_hallucination_falls_back(server, fallback, hits):
    llm = make_llm("ollama", server.url, "qwen-fake", "", timeout_s=10)
    server.enqueue("Hơn 170.000 lượt [1].")
    result = LLMAnswerer(llm, fallback).answer(Q_RENT, hits)
    assert result.mode == "extractive"
    assert result.note.startswith("LLM answer rejected: number '170.000'")


# ---- configuration ----------------------------------------------------------------------------


def test_make_llm_refuses_unusable_settings():
    with pytest.raises(ConfigurationError, match="model name"):
        make_llm("openai", "http://127.0.0.1:1/v1", "", "", 5)
    with pytest.raises(ConfigurationError, match="timeout"):
        make_llm("openai", "http://127.0.0.1:1/v1", "m", "", 0)
    with pytest.raises(ConfigurationError, match="unknown LLM provider"):
        make_llm("anthropic", "http://127.0.0.1:1", "m", "", 5)  # type: ignore[arg-type]


# ---- numbers and citations --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("hơn 163.600 lượt", {Decimal(163600)}),
        ("giảm còn 1,31%", {Decimal("1.31")}),
        ("gần 8,5 tỷ đồng", {Decimal(8_500_000_000)}),
        ("hơn 604 nghìn người", {Decimal(604_000)}),
        ("1.234.567,5 đồng", {Decimal("1234567.5")}),
        ("năm 2020 tỷ lệ hộ nghèo", {Decimal(2020)}),
    ],
)
def test_vietnamese_numbers(text, values):
    (mention,) = find_numbers(text, vietnamese_only=True)
    assert set(mention.values) == values


def test_dates_document_numbers_and_names():
    mentions = find_numbers("Sáng 26/11, Nghị quyết số 154/NQ-CP ngày 19/10/2020, Covid-19, giai đoạn 2021-2025")
    assert [m.date for m in mentions if m.date] == [(26, 11, None), (19, 10, 2020)]
    assert [m.raw for m in mentions if not m.date] == ["154", "2021", "2025"]  # "19" of Covid-19 is a name


def test_ambiguous_separators_are_read_both_ways_in_answers_only():
    assert set(find_numbers("163,600")[0].values) == {Decimal(163600), Decimal("163.6")}
    assert set(find_numbers("163.600", vietnamese_only=True)[0].values) == {Decimal(163600)}
    # So a reply cannot turn 163.600 into 163,6.
    assert unsupported_numbers("163,6 lượt", ["hơn 163.600 lượt"]) == ["163,6"]
    assert unsupported_numbers("163,600 workers; 8.5 billion", ["163.600 lượt; 8,5 tỷ"]) == []


def test_dates_match_across_spellings():
    assert unsupported_numbers("ngày 26 tháng 11", ["Sáng 26/11, Sở ..."]) == []
    assert unsupported_numbers("ngày 26/11", ["ngày 26 tháng 11"]) == []
    assert unsupported_numbers("ngày 27/11", ["Sáng 26/11"]) == ["27/11"]


def test_cited_numbers_in_order_of_first_use():
    assert cited_numbers("a [3] b [1, 2] c [3][5] d [6-7] e [x]") == [3, 1, 2, 5, 6, 7]
