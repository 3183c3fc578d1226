"""Marks put back on questions typed without them, from the indexed sentences (index/marks.py)."""

from __future__ import annotations

import pytest

from index.lexical import LexicalIndex
from index.marks import QUESTION_PHRASES
from index.models import SentenceRecord
from ingest.vietnamese import fold

SENTENCES = (
    "Học phí khoảng 4 triệu đồng mỗi học kỳ.",
    "Sinh viên học kỳ này đông hơn học kỳ trước.",
    "Trường dạy kỹ năng mềm cho sinh viên.",
    "Nhiều kỹ năng được dạy trong học kỳ đầu.",
    "Kỹ năng làm việc nhóm là kỹ năng cần thiết.",
    "Hỗ trợ tiền thuê nhà cho người lao động.",
    "Người lao động được hỗ trợ tiền thuê nhà.",
    "Báo cáo cho thấy nhiều người lao động mất việc.",
    "Nhiều người lao động ở Bình Dương được hỗ trợ.",
)


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    records = [SentenceRecord("doc", i, 0, len(text), text, f"doc#c{i}") for i, text in enumerate(SENTENCES)]
    return LexicalIndex.build_from(records, fingerprint="t")


def test_marks_come_back_from_the_corpus(index: LexicalIndex) -> None:
    assert index.restore_marks("ho tro tien thue nha cho nguoi lao dong") == "hỗ trợ tiền thuê nhà cho người lao động"


def test_the_neighbouring_word_chooses_between_spellings(index: LexicalIndex) -> None:
    # "ky" is kỳ after "học" and kỹ before "năng": the pairs the corpus writes decide
    assert index.restore_marks("hoc phi moi hoc ky") == "học phí mỗi học kỳ"
    assert index.restore_marks("ky nang cho sinh vien") == "kỹ năng cho sinh viên"


def test_case_numbers_and_punctuation_are_kept(index: LexicalIndex) -> None:
    assert index.restore_marks("Hoc phi khoang 4 trieu, moi HOC KY?") == "Học phí khoảng 4 triệu, mỗi HỌC KỲ?"


def test_a_word_the_corpus_never_writes_leaves_the_question_as_typed(index: LexicalIndex) -> None:
    # marks on some words only would cost the rest their unmarked match
    assert index.restore_marks("hoc phi truong nghe o Quang Tri") == "hoc phi truong nghe o Quang Tri"


def test_a_corpus_pair_does_not_outweigh_a_question_phrase(index: LexicalIndex) -> None:
    # the corpus writes "báo" and "nhiều" often, "bao nhiêu" never: questions ask it
    assert index.restore_marks("bao nhieu nguoi lao dong") == "bao nhiêu người lao động"


@pytest.mark.parametrize("phrase", QUESTION_PHRASES)
def test_each_question_phrase_is_spelt_as_questions_write_it(index: LexicalIndex, phrase: str) -> None:
    # the corpus never writes the phrase: without its row the question would stay unmarked
    typed = f"nguoi lao dong {fold(phrase)}"
    assert index.restore_marks(typed) == f"người lao động {phrase}"


def test_the_phrase_table_is_marked_and_unique() -> None:
    assert len(set(QUESTION_PHRASES)) == len(QUESTION_PHRASES)
    assert all(fold(phrase) != phrase for phrase in QUESTION_PHRASES)


def test_the_noun_a_question_counts_is_spelt_as_a_unit() -> None:
    # the corpus names a man Tuấn more often than it counts weeks: after "bao nhiêu" the word is the noun counted
    texts = ("Anh Tuấn cho biết.", "Ông Tuấn nói.", "Chị gặp anh Tuấn.", "Khóa học kéo dài 8 tuần.")
    records = [SentenceRecord("doc", i, 0, len(text), text, f"doc#c{i}") for i, text in enumerate(texts)]
    index = LexicalIndex.build_from(records, fingerprint="t")
    assert index.restore_marks("bao nhieu tuan") == "bao nhiêu tuấn"
    assert index.restore_marks("bao nhieu tuan", counted={"tuần", "người"}) == "bao nhiêu tuần"
    assert index.restore_marks("anh tuan", counted={"tuần"}) == "anh tuấn"  # not counted: the corpus decides
