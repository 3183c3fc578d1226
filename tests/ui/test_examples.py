"""The example questions on the empty chat are ones the bundled sample corpus really answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from settings import SAMPLE_CORPUS_DIR, Settings
from ui.strings import Strings


@pytest.mark.slow
def test_every_example_question_is_answered_with_a_citation(tmp_path: Path):
    from service import LabourQA

    shutil.copytree(SAMPLE_CORPUS_DIR, tmp_path / "samples")
    qa = LabourQA(Settings(index_dir=tmp_path / "index"))
    qa.ingest([tmp_path / "samples"])
    for language in ("vi", "en"):
        for question in Strings(language).examples:
            answer = qa.ask(question, [])
            assert answer.found, f"example not answered by the samples: {question!r} -> {answer.answer!r}"
            assert answer.citations
