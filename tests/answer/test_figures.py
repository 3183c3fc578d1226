"""The shared ordering of several figures for one question (answer/figures.py): which one answers, how the
others are labelled and listed. Hand-made hits: the module works on offsets and metadata, not on retrieval."""

from __future__ import annotations

import datetime
import re

import pytest

from answer.figures import Figure, asked_periods, by_authority, figure_of, labels_of, side_by_side
from index.models import Hit

PROVINCE_PORTAL = "Cổng thông tin Sở LĐ-TB&XH"
NEWSPAPER = "Báo Ninh Bình"
TODAY = datetime.date(2024, 6, 1)
YEAR_2023 = asked_periods("Năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?", TODAY)

OFFICIAL = (
    "official",
    "2024-01-15",
    PROVINCE_PORTAL,
    "Năm 2023 tỉnh Ninh Bình đã giải quyết việc làm cho 25.912 lao động.",
)
ESTIMATE = (
    "estimate",
    "2023-12-20",
    NEWSPAPER,
    "Năm 2023, tỉnh Ninh Bình ước giải quyết việc làm cho khoảng 25.500 lao động.",
)
ELEVEN_MONTHS = (
    "eleven",
    "2023-12-28",
    NEWSPAPER,
    "Trong 11 tháng năm 2023, tỉnh Ninh Bình giải quyết việc làm cho 24.100 lao động.",
)
HALF_YEAR = (
    "half",
    "2023-07-05",
    NEWSPAPER,
    "Sáu tháng đầu năm 2023, tỉnh Ninh Bình giải quyết việc làm cho 13.200 lao động.",
)
TARGET = (
    "target",
    "2023-02-01",
    NEWSPAPER,
    "Năm 2023, tỉnh Ninh Bình phấn đấu giải quyết việc làm cho 26.000 lao động.",
)
PROPOSAL = (
    "proposal",
    "2023-03-10",
    NEWSPAPER,
    "Năm 2023, Hội Doanh nghiệp đề xuất tỉnh Ninh Bình giải quyết việc làm cho 27.000 lao động.",
)
LAST_YEAR = (
    "last-year",
    "2023-01-12",
    PROVINCE_PORTAL,
    "Năm 2022, tỉnh Ninh Bình đã giải quyết việc làm cho 24.870 lao động.",
)
NUMBER = r"(khoảng )?\d[\d.]*\d lao động"


def _figure(article: tuple[str, str, str, str], *, confidence: float = 1.0, doc_id: str | None = None) -> Figure:
    name, published, source, sentence = article
    hit = Hit(
        doc_id=doc_id or name,
        sentence_index=0,
        start=40,
        end=40 + len(sentence),
        sentence=sentence,
        chunk_id=f"{name}:0",
        score=1.0,
        title=f"Ninh Bình: {name}",
        date=published,
        source=source,
        context=sentence,
    )
    match = re.search(NUMBER, sentence)
    assert match is not None
    return figure_of(hit, match.group(0), match.start(), match.end(), confidence)


def _answers(figures: list[Figure]) -> list[str]:
    return [f.answer.removeprefix("khoảng ").split()[0] for f in figures]


def test_the_full_year_official_figure_before_the_estimate_before_part_of_the_year() -> None:
    ranked = by_authority(_figure(HALF_YEAR), [_figure(ESTIMATE), _figure(OFFICIAL)], YEAR_2023)
    assert _answers(ranked) == ["25.912", "25.500", "13.200"]


def test_an_estimate_of_the_asked_year_beats_an_official_figure_for_part_of_it() -> None:
    # what `--until` before the official article leaves: the estimate answers, not the half-year figure
    ranked = by_authority(_figure(HALF_YEAR), [_figure(ESTIMATE)], YEAR_2023)
    assert _answers(ranked) == ["25.500", "13.200"]


def test_an_estimate_before_a_target() -> None:
    ranked = by_authority(_figure(TARGET), [_figure(ESTIMATE)], YEAR_2023)
    assert _answers(ranked) == ["25.500", "26.000"]
    assert [f.status for f in ranked] == ["estimate", "target"]


def test_a_target_before_a_proposal() -> None:
    # a proposal is what one party asks for: less settled than a goal the province set itself
    ranked = by_authority(_figure(PROPOSAL), [_figure(TARGET), _figure(OFFICIAL)], YEAR_2023)
    assert [f.status for f in ranked] == ["official", "target", "proposal"]


def test_a_partial_period_answers_when_that_part_is_asked() -> None:
    asked = asked_periods("Sáu tháng đầu năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?", TODAY)
    ranked = by_authority(_figure(OFFICIAL), [_figure(HALF_YEAR)], asked)
    assert _answers(ranked)[0] == "13.200"


def test_equally_authoritative_figures_go_newest_first_then_by_confidence() -> None:
    older = _figure(("older", "2023-01-10", NEWSPAPER, OFFICIAL[3]), confidence=0.9)
    newer = _figure(("newer", "2024-02-01", NEWSPAPER, OFFICIAL[3].replace("25.912", "25.913")), confidence=0.1)
    assert _answers(by_authority(older, [newer], YEAR_2023)) == ["25.913", "25.912"]
    same_day = _figure(("same-day", "2023-01-10", NEWSPAPER, OFFICIAL[3].replace("25.912", "25.914")), confidence=0.95)
    assert _answers(by_authority(older, [same_day], YEAR_2023)) == ["25.914", "25.912"]


def test_another_years_figure_is_left_out_but_the_best_is_kept_whatever_its_year() -> None:
    ranked = by_authority(_figure(OFFICIAL), [_figure(LAST_YEAR), _figure(ESTIMATE)], YEAR_2023)
    assert _answers(ranked) == ["25.912", "25.500"]
    # the answerer has judged its best answer already: this module never drops it
    assert _answers(by_authority(_figure(LAST_YEAR), [], YEAR_2023)) == ["24.870"]
    # nothing asked about a year: nothing to contradict
    assert len(by_authority(_figure(OFFICIAL), [_figure(LAST_YEAR)], [])) == 2


def test_one_figure_per_article_the_first_given() -> None:
    first = _figure(ESTIMATE, doc_id="same")
    second = _figure(OFFICIAL, doc_id="same")
    assert by_authority(_figure(HALF_YEAR), [first, second], YEAR_2023) == [first, _figure(HALF_YEAR)]
    assert by_authority(_figure(OFFICIAL, doc_id="best"), [_figure(ESTIMATE, doc_id="best")], YEAR_2023) == [
        _figure(OFFICIAL, doc_id="best")
    ]


def test_labels_say_how_an_alternative_differs_from_the_answer() -> None:
    chosen = _figure(OFFICIAL)
    assert labels_of(_figure(ESTIMATE), chosen) == ("estimate", "other_source", "other_date")
    assert labels_of(_figure(HALF_YEAR), chosen) == ("partial_period", "other_source", "other_date")
    # not official either, and not an estimate: a goal, a proposal
    assert labels_of(_figure(TARGET), chosen) == ("target", "other_source", "other_date")
    assert labels_of(_figure(PROPOSAL), chosen) == ("proposal", "other_source", "other_date")
    same_source_and_day = _figure(("copy", "2024-01-15", PROVINCE_PORTAL, OFFICIAL[3]))
    assert labels_of(same_source_and_day, chosen) == ()
    # beside a partial-period answer, another part of the year is not singled out as partial
    assert "partial_period" not in labels_of(_figure(ELEVEN_MONTHS), _figure(HALF_YEAR))


def test_the_answer_the_period_and_its_labels_with_the_others_newest_first() -> None:
    result = side_by_side(
        _figure(HALF_YEAR), [_figure(ESTIMATE), _figure(ELEVEN_MONTHS), _figure(OFFICIAL)], YEAR_2023, "vi"
    )
    assert result.chosen.answer == "25.912 lao động" and result.labels == () and result.period == "năm 2023"
    # authority would put the estimate (the asked year) before the 11-month figure; the list is by date
    assert [a.date for a in result.alternatives] == ["2023-12-28", "2023-12-20", "2023-07-05"]
    assert [a.answer for a in result.alternatives] == ["24.100 lao động", "khoảng 25.500 lao động", "13.200 lao động"]
    assert result.alternatives[2].period == "6 tháng đầu năm 2023"
    assert result.shown("25.912 lao động", "vi") == "25.912 lao động"


def test_an_english_question_reads_the_other_figures_in_english() -> None:
    result = side_by_side(_figure(OFFICIAL), [_figure(ESTIMATE), _figure(HALF_YEAR)], YEAR_2023, "en")
    assert [a.answer for a in result.alternatives] == [
        "about 25,500 workers (khoảng 25.500 lao động)",
        "13,200 workers (13.200 lao động)",
    ]


def test_an_estimate_answer_is_labelled_in_the_question_language() -> None:
    result = side_by_side(_figure(HALF_YEAR), [_figure(ESTIMATE)], YEAR_2023, "en")
    assert result.labels == ("estimate",) and result.period == "2023"
    assert result.shown("About 25.500", "en") == "About 25.500 (estimate)"
    assert side_by_side(_figure(ESTIMATE), [], YEAR_2023, "vi").shown("X", "vi") == "X (số liệu ước tính)"
    # an English figure keeps the article's words in brackets: one pair, not two
    assert result.shown("About 20% (khoảng 20%)", "en") == "About 20% (khoảng 20%; estimate)"
    assert result.shown("5 triệu (tăng 10%)", "vi") == "5 triệu (tăng 10%) (số liệu ước tính)"



@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # the goal comes after the result in one clause: the result is no target
        ("Năm 2023 tỉnh đã giải quyết việc làm cho 25.912 lao động và sẽ phấn đấu đạt 30.000 người.", "official"),
        ("Năm 2023 tỉnh phấn đấu giải quyết việc làm cho 26.000 lao động.", "target"),
        # a marker in the figure, before its number, is the figure's own
        ("Năm 2023 tỉnh giải quyết việc làm cho khoảng 25.500 lao động.", "estimate"),
    ],
)
def test_only_the_markers_before_a_figures_number_set_its_status(sentence: str, status: str) -> None:
    assert _figure(("one-clause", "2024-01-15", PROVINCE_PORTAL, sentence)).status == status

@pytest.mark.parametrize(
    ("article", "label", "vi", "en"),
    [(TARGET, "target", "mục tiêu", "target"), (PROPOSAL, "proposal", "đề xuất", "proposal")],
)
def test_a_target_or_a_proposal_is_labelled_as_what_it_is_not_as_an_estimate(
    article: tuple[str, str, str, str], label: str, vi: str, en: str
) -> None:
    result = side_by_side(_figure(article), [], YEAR_2023, "vi")
    assert result.labels == (label,)
    assert result.shown("26.000 lao động", "vi") == f"26.000 lao động ({vi})"
    assert result.shown("26,000 workers (26.000 lao động)", "en") == f"26,000 workers (26.000 lao động; {en})"


def test_status_is_read_from_the_figures_own_clause_and_cited_by_it() -> None:
    sentence = "Tỷ lệ lao động qua đào tạo ước đạt 70,5%; năm 2023 giải quyết việc làm cho 25.912 lao động."
    figure = _figure(("two-clauses", "2024-01-15", PROVINCE_PORTAL, sentence))
    assert figure.status == "official"  # the "ước" belongs to the other clause
    assert sentence[figure.clause_start : figure.clause_end].startswith("năm 2023")
    alternative = side_by_side(_figure(OFFICIAL), [figure], YEAR_2023, "vi").alternatives[0]
    citation = alternative.citation
    assert citation.clause_start == citation.start + figure.clause_start
    assert citation.clause_end == citation.start + figure.clause_end
    # a one-clause sentence is cited whole
    assert (
        side_by_side(_figure(HALF_YEAR), [_figure(OFFICIAL)], YEAR_2023, "vi").alternatives[0].citation.clause_start
        is None
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Năm ngoái tỉnh giải quyết việc làm cho bao nhiêu lao động?", [2023]),
        ("Tỉnh giải quyết việc làm cho bao nhiêu lao động?", []),
    ],
)
def test_asked_periods_pin_relative_years_to_today(question: str, expected: list[int]) -> None:
    assert [p.year for p in asked_periods(question, TODAY)] == expected
