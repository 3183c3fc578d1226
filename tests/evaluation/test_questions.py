"""The question-set loader: the shipped set is valid, and every broken file fails with file:line context."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from errors import LabourQAError
from evaluation.questions import EvalQuestion, QuestionSetError, load_question_set
from evaluation.scoring import contains
from settings import SAMPLE_CORPUS_DIR

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SET = ROOT / "data" / "questions" / "sample.yaml"
SAMPLES = SAMPLE_CORPUS_DIR
_VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_entries_with_defaults_and_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Ai là Giám đốc Sở?")
    path = _write(
        tmp_path,
        f"""
- id: a
  question: "{decomposed}"
  expect: ["Lê Thị Thêu"]
  evidence: "Giám đốc"
- id: b
  follows: a
  question: "còn năm 2019?"
  answerable: false
- id: c
  question: "Thị trường nào?"
  expect_all: ["Nhật Bản", ["Hàn Quốc", "Korea"]]
  evidence: "Nhật Bản"
  doc: "000.txt"
""",
    )
    questions = load_question_set(path)
    assert [q.id for q in questions] == ["a", "b", "c"]
    assert questions[0] == EvalQuestion(
        id="a", question="Ai là Giám đốc Sở?", expect=("Lê Thị Thêu",), evidence="Giám đốc"
    )
    assert questions[0].question == unicodedata.normalize("NFC", decomposed)
    assert questions[1].answerable is False and questions[1].follows == "a"
    assert questions[2].expect_all == (("Nhật Bản",), ("Hàn Quốc", "Korea"))
    assert questions[2].doc == "000.txt"


def test_accepts_a_mapping_with_questions(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\nquestions:\n  - {id: a, question: q, answerable: false}\n")
    assert [q.id for q in load_question_set(path)] == ["a"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  question: [unclosed\n", "not valid YAML"),
        ("", "expected a list of questions"),
        ("[]", "empty"),
        ("name: x\n", "needs a 'questions' list"),
        ("- just a string\n", "entry 1: expected a mapping"),
        ("- {id: a, answerable: false}\n", "missing required field 'question'"),
        ("- {question: q, answerable: false}\n", "missing required field 'id'"),
        ("- {id: a, question: q}\n", "needs 'expect'"),
        ("- {id: a, question: q, expect: [x]}\n", "needs 'evidence'"),
        ("- {id: a, question: q, answerable: false, expect: [x]}\n", "cannot have 'expect'"),
        ("- {id: a, question: q, answerable: 'no'}\n", "must be true or false"),
        ("- {id: a, question: q, expect: [21.000], evidence: e}\n", "quote it"),
        ("- {id: a, question: q, answerable: false, evidance: e}\n", "unknown field(s) 'evidance'"),
        ("- {id: a, question: '  ', answerable: false}\n", "'question' is empty"),
    ],
)
def test_bad_files_raise_with_context(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(QuestionSetError) as info:
        load_question_set(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert isinstance(info.value, LabourQAError) and isinstance(info.value, ValueError)


def test_entry_errors_name_line_and_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "- id: a\n  question: q\n  answerable: false\n- id: b\n  question: q2\n  expect: [x]\n",
    )
    expected = r"set\.yaml:4: entry 2 \(id 'b'\): an answerable question needs 'evidence'"
    with pytest.raises(QuestionSetError, match=expected):
        load_question_set(path)


def test_duplicate_ids(tmp_path: Path) -> None:
    path = _write(tmp_path, "- {id: a, question: q, answerable: false}\n- {id: a, question: r, answerable: false}\n")
    with pytest.raises(QuestionSetError, match=r"entry 2 \(id 'a'\): duplicate id 'a' \(first used by entry 1\)"):
        load_question_set(path)


def test_unknown_and_forward_follows(tmp_path: Path) -> None:
    unknown = _write(tmp_path, "- {id: a, question: q, answerable: false, follows: zzz}\n")
    with pytest.raises(QuestionSetError, match="'follows' 'zzz' refers to no question"):
        load_question_set(unknown)
    forward = _write(
        tmp_path,
        "- {id: a, question: q, answerable: false, follows: b}\n- {id: b, question: r, answerable: false}\n",
    )
    with pytest.raises(QuestionSetError, match="'follows' 'b' must refer to an earlier entry"):
        load_question_set(forward)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuestionSetError, match="cannot read"):
        load_question_set(tmp_path / "nope.yaml")


# ---- the shipped question set -------------------------------------------------------------------


def test_shipped_set_shape() -> None:
    questions = load_question_set(SAMPLE_SET)
    answerable = [q for q in questions if q.answerable]
    english = [q for q in questions if not _VIETNAMESE.search(q.question.lower())]
    assert len(questions) >= 45
    assert len(questions) - len(answerable) >= 10
    assert len(english) >= 12
    assert sum(1 for q in questions if q.follows) >= 3
    assert all(q.doc for q in answerable)


def test_shipped_set_is_grounded_in_the_samples() -> None:
    """Every evidence string is in its document, and an expected answer is written there too."""
    texts = {p.name: unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in SAMPLES.glob("*.txt")}
    derived = {"fu-jobs-2019"}  # accepts 29.136, which is 21.000 + 8.136, alongside the article's 8.136
    for q in load_question_set(SAMPLE_SET):
        if not q.answerable:
            continue
        assert q.doc in texts, q.id
        text = texts[q.doc]
        assert q.evidence and contains(text, q.evidence), q.id
        if q.expect:
            found = [e for e in q.expect if contains(text, e)]
            assert found, f"{q.id}: none of {q.expect} is in {q.doc}"
        for group in q.expect_all:
            assert any(contains(text, alt) for alt in group), f"{q.id}: {group}"
        if q.id not in derived:
            # the article's own form must be accepted; English variants are extras
            assert contains(text, q.expect[0] if q.expect else q.expect_all[0][0]), q.id
