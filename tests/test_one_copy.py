"""One copy of each helper: the callers share it, so they can no longer disagree."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from decimal import Decimal

import pytest
from click.testing import CliRunner

import ingest.vietnamese as vietnamese
from answer.citations import verify_citation
from answer.models import Answer, Citation
from tests import REPO_ROOT as PROJECT_ROOT


@pytest.mark.parametrize(
    ("token", "canonical"),
    [
        ("163.600", "163600"),
        ("1,31", "1.31"),
        ("1.234.567,50", "1234567.5"),
        ("12,345,678", "12345678"),
        ("163,600.5", "163600.5"),  # the lexical index used to read "1636005"
        ("163,600", "163.6"),  # Vietnamese: one comma is a decimal mark
        ("8.5", "8.5"),
        ("0,125", "0.125"),
    ],
)
def test_number_readers_agree(token: str, canonical: str) -> None:
    from answer.llm import find_numbers
    from answer.numbers import parse_number_token
    from index.lexical import tokenize

    assert tokenize(token).stream == (canonical,)
    assert parse_number_token(token) == float(canonical)
    # the LLM check admits every reading; the preferred one is always among them
    assert Decimal(canonical) in find_numbers(token)[0].values


def test_multiplier_words_are_one_table() -> None:
    from answer.llm import find_numbers
    from answer.numbers import parse_vietnamese_number

    for word, factor in vietnamese.MULTIPLIERS.items():
        assert parse_vietnamese_number(f"3 {word} đồng") == pytest.approx(3 * factor)
        assert find_numbers(f"có 3 {word} đồng")[0].values == {Decimal(3 * factor)}


def test_the_callers_import_the_one_helper() -> None:
    import answer.constraints
    import answer.followup
    import answer.language
    import answer.qtypes
    import index.lexical
    import service
    import ui.app
    from index.models import ProgressFn

    for module in (answer.constraints, answer.followup, answer.language, answer.qtypes, index.lexical):
        assert module.fold is vietnamese.fold, module.__name__
    assert service.verify_citation is verify_citation
    assert service.ProgressFn is ProgressFn and ui.app.ProgressFn is ProgressFn


def test_both_answerers_order_several_figures_with_the_one_module() -> None:
    import answer.extractive
    import answer.figures
    import answer.learned

    for module in (answer.extractive, answer.learned):
        assert module.side_by_side is answer.figures.side_by_side, module.__name__
        assert module.figure_of is answer.figures.figure_of, module.__name__
        assert module.asked_periods is answer.figures.asked_periods, module.__name__


def test_fold_takes_nfd_text() -> None:
    assert vietnamese.fold(unicodedata.normalize("NFD", "Đặng Trí Dũng hỗ trợ")) == "Dang Tri Dung ho tro"
    assert vietnamese.has_diacritics(unicodedata.normalize("NFD", "hỗ trợ")) and not vietnamese.has_diacritics("ho tro")


def test_service_keeps_a_citation_equal_up_to_unicode_form(sample_index) -> None:
    doc_id = sample_index.store.documents()[0].doc_id
    text = sample_index.article_text(doc_id)
    sentence = sample_index.store.sentences_of(doc_id)[1]
    nfd = unicodedata.normalize("NFD", sentence.text)
    assert nfd != sentence.text
    citation = Citation(doc_id=doc_id, title="", date=None, source=None, sentence=nfd, start=sentence.start, end=sentence.end)
    assert verify_citation(citation, text)
    answer = Answer(question="q", answer="x [1]", found=True, citations=(citation,))
    # service used to compare without NFC and drop it, turning a found answer into "not found"
    assert sample_index._verified(answer).citations == (citation,)


def test_importing_app_changes_no_environment() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "TOKENIZERS_PARALLELISM")}
    probe = "import os, app; print(os.environ.get('HF_HUB_OFFLINE'), os.environ.get('TOKENIZERS_PARALLELISM'))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["None", "None"]


def test_the_cli_entry_point_sets_the_offline_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import cli

    monkeypatch.delenv("TOKENIZERS_PARALLELISM", raising=False)
    result = CliRunner().invoke(cli, ["ask", ""])
    assert result.exit_code != 0
    assert os.environ["TOKENIZERS_PARALLELISM"] == "false"
