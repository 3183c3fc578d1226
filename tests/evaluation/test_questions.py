"""The question-set loader: the shipped set is valid, and every broken file fails with file:line context."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from errors import LabourQAError
from evaluation.questions import EvalQuestion, QuestionSetError, load_question_set, select_split
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


# ---- split, lang, type and trap -----------------------------------------------------------------


def test_split_lang_type_and_trap_keys(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
- id: vi-default
  question: "Bao nhiêu lượt lao động được hỗ trợ?"
  expect: ["163.600"]
  evidence: "163.600"
- id: en-typed
  question: "How many workers received rent support?"
  expect: ["163,600"]
  evidence: "163.600"
  split: heldout
  type: quantity
- id: declared
  question: "Ho tro bao nhieu?"
  lang: en
  answerable: false
- id: trap
  question: "Năm 2015 có bao nhiêu lượt lao động được hỗ trợ?"
  trap: wrong_year
""",
    )
    by_id = {q.id: q for q in load_question_set(path)}
    first = by_id["vi-default"]
    assert (first.split, first.lang, first.type, first.trap) == ("dev", "vi", None, None)
    second = by_id["en-typed"]
    assert (second.split, second.lang, second.type) == ("heldout", "en", "quantity")
    assert by_id["declared"].lang == "en"  # a declared language wins over detection
    trap = by_id["trap"]
    assert trap.trap == "wrong_year" and trap.answerable is False  # a trap is unanswerable without saying so


def test_language_is_detected_when_the_question_is_built_in_code() -> None:
    assert EvalQuestion("a", "Who chaired the conference?", answerable=False).lang == "en"
    assert EvalQuestion("b", "Ai chủ trì hội nghị?", answerable=False).lang == "vi"
    with pytest.raises(ValueError, match="a trap \\(absent\\) cannot be answerable"):
        EvalQuestion("c", "q", expect=("x",), evidence="x", trap="absent")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- {id: a, question: q, answerable: false, split: test}\n",
            "set.yaml:1: entry 1 (id 'a'): 'split' must be one of dev, heldout; got 'test'",
        ),
        (
            "- {id: a, question: q, answerable: false, lang: fr}\n",
            "set.yaml:1: entry 1 (id 'a'): 'lang' must be one of vi, en; got 'fr'",
        ),
        (
            "- {id: a, question: q, answerable: false}\n- {id: b, question: q, answerable: false, type: number}\n",
            "set.yaml:2: entry 2 (id 'b'): 'type' must be one of quantity, money, percentage, date, person, "
            "organisation, place, document, list, free; got 'number'",
        ),
        (
            "- {id: a, question: q, trap: wrong_month}\n",
            "set.yaml:1: entry 1 (id 'a'): 'trap' must be one of wrong_year, absent, wrong_org, wrong_place, "
            "wrong_unit; got 'wrong_month'",
        ),
        (
            "- id: a\n  question: q\n  expect: [x]\n  evidence: x\n  trap: absent\n  answerable: true\n",
            "set.yaml:1: entry 1 (id 'a'): a trap (absent) is unanswerable by definition; drop 'answerable: true'",
        ),
        (
            "- {id: a, question: q, trap: wrong_org, expect: [x]}\n",
            "set.yaml:1: entry 1 (id 'a'): an unanswerable question cannot have 'expect', 'expect_all' or 'evidence'",
        ),
        (
            "- {id: a, question: q, answerable: false, split: [dev]}\n",
            "set.yaml:1: entry 1 (id 'a'): 'split' must be a string, got list ['dev']",
        ),
        (
            "- {id: a, question: q, answerable: false}\n- {id: b, question: r, answerable: false, follows: a, "
            "split: heldout}\n",
            "set.yaml:2: entry 2 (id 'b'): 'follows' 'a' is in split 'dev', this question in 'heldout'; "
            "a conversation stays in one split",
        ),
    ],
)
def test_bad_new_keys_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(QuestionSetError) as info:
        load_question_set(path)
    assert str(info.value) == f"{tmp_path}/{message}"


def test_select_split() -> None:
    questions = [
        EvalQuestion("d1", "q", answerable=False),
        EvalQuestion("h1", "q", answerable=False, split="heldout"),
        EvalQuestion("d2", "q", answerable=False, split="dev"),
    ]
    assert [q.id for q in select_split(questions, "dev")] == ["d1", "d2"]
    assert [q.id for q in select_split(questions, "heldout")] == ["h1"]
    assert [q.id for q in select_split(questions, "all")] == ["d1", "h1", "d2"]
    with pytest.raises(QuestionSetError, match=r"^no questions in split 'heldout' \(dev: 1, heldout: 0\)$"):
        select_split(questions[:1], "heldout")
    with pytest.raises(ValueError, match="split must be one of dev, heldout or all; got 'test'"):
        select_split(questions, "test")
