"""Follow-up questions rewritten against the previous turn."""

from __future__ import annotations

import pytest

from answer.followup import FollowUpResolver
from answer.models import Answer, Citation, Turn


def _history(question: str, title: str = "Tổng kết công tác năm 2022") -> list[Turn]:
    citation = Citation("d", title, None, None, "câu", 0, 3)
    return [Turn(question, Answer(question, "…", True, citations=(citation,)))]


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        (
            "bao nhiêu lao động được giải quyết việc làm năm 2020?",
            "còn năm 2021 thì sao?",
            "bao nhiêu lao động được giải quyết việc làm năm 2021?",
        ),
        ("Tỷ lệ hộ nghèo năm 2020 là bao nhiêu?", "năm 2019?", "Tỷ lệ hộ nghèo năm 2019 là bao nhiêu?"),
        ("How many workers found jobs in 2020?", "and in 2021?", "How many workers found jobs in 2021?"),
        ("Tỷ lệ hộ nghèo là bao nhiêu?", "còn năm 2022 thì sao?", "Tỷ lệ hộ nghèo là bao nhiêu năm 2022?"),
        (
            "Bao nhiêu người thuộc hộ nghèo được cấp thẻ bảo hiểm y tế?",
            "còn hộ cận nghèo thì sao?",
            "Bao nhiêu người thuộc hộ cận nghèo được cấp thẻ bảo hiểm y tế?",  # still counting people
        ),
    ],
)
def test_elliptical_follow_ups(previous: str, follow_up: str, expected: str) -> None:
    assert FollowUpResolver().resolve(follow_up, _history(previous)) == expected


def test_anaphora_takes_the_previous_topic_vi() -> None:
    resolved = FollowUpResolver().resolve("ai chủ trì hội nghị đó?", _history("Hội nghị tổng kết năm 2020 diễn ra khi nào?"))
    assert resolved.startswith("ai chủ trì hội nghị")
    assert "tổng kết" in resolved and "2020" in resolved and " đó" not in resolved


def test_anaphora_takes_the_previous_topic_en() -> None:
    resolved = FollowUpResolver().resolve("who chaired it?", _history("When was the 2022 review conference held?"))
    assert resolved == "who chaired the 2022 review conference?"


def test_anaphora_falls_back_to_the_cited_title() -> None:
    resolved = FollowUpResolver().resolve("ai phát biểu tại đó?", _history("khi nào?", title="Hội nghị tổng kết ngành"))
    assert "Hội nghị tổng kết ngành" in resolved


@pytest.mark.parametrize(
    "question",
    [
        "Tỷ lệ hộ nghèo cuối năm 2020 là bao nhiêu?",
        "How many workers got rent support in 2022?",
        "Ai là Giám đốc Sở Lao động Thương binh và Xã hội?",
    ],
)
def test_self_contained_questions_are_unchanged(question: str) -> None:
    assert FollowUpResolver().resolve(question, _history("Hội nghị diễn ra khi nào năm 2022?")) == question


def test_no_history_is_unchanged() -> None:
    assert FollowUpResolver().resolve("còn năm 2021 thì sao?", []) == "còn năm 2021 thì sao?"
