"""The chat handler: streaming, per-session context, errors, export files (against a fake facade)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from answer.models import Answer
from errors import FiltersNeedRebuild, IndexNotBuiltError, LabourQAError
from index.models import SearchFilters
from tests.ui.fakes import FakeQA
from ui.chat import UNCHANGED, ChatController, InvalidFilters, read_filters, turn_from_state, turn_to_state
from ui.strings import Strings


@pytest.fixture()
def controller(tmp_path: Path) -> ChatController:
    return ChatController(FakeQA(), Strings("vi"), export_dir=tmp_path / "exports")


def run(controller: ChatController, question: str, chat=None, state=None, session="s1", **filters):  # type: ignore[no-untyped-def]
    return list(controller.respond(question, chat or [], state or [], session, **filters))


def test_answer_streams_in_pieces_then_ends_with_cards_and_an_export(controller: ChatController):
    steps = run(controller, "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?")
    assert len(steps) >= 3  # pending, at least one partial, final
    contents = [step[0][-1]["content"] for step in steps]
    assert "lqa-pending" in contents[0]
    assert all("<details" not in c for c in contents[:-1])
    assert "<details" in contents[-1] and "163.600" in contents[-1]
    assert all(step[3] is UNCHANGED for step in steps[:-1])
    chat, state, box, export = steps[-1]
    assert box == ""
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert len(state) == 1 and state[0]["question"].startswith("Bao nhiêu")
    md = Path(export).read_text(encoding="utf-8")
    assert "[^1]:" in md and "163.600" in md


def test_follow_ups_get_the_session_history_and_sessions_do_not_mix(controller: ChatController):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    chat, state, _, export_a = run(controller, "Bao nhiêu lượt lao động thuê nhà?", session="a")[-1]
    run(controller, "Bao nhiêu lượt lao động thuê nhà?", session="b")
    chat, state, _, export_a2 = run(controller, "Còn thẻ bảo hiểm?", chat, state, session="a")[-1]
    assert [n for _, n in qa.asked] == [0, 0, 1]  # the follow-up saw one previous turn
    assert len(state) == 2 and len(chat) == 4
    assert export_a == export_a2 and "/a/" in export_a
    assert Path(export_a).read_text(encoding="utf-8").count("## Hỏi:") == 2


def test_state_round_trips_an_answer(controller: ChatController):
    _, state, _, _ = run(controller, "Bao nhiêu lượt lao động thuê nhà?")[-1]
    turn = turn_from_state(state[0])
    assert turn_to_state(turn) == state[0]
    assert turn.answer.citations[0].sentence in FakeQA().texts["rent"]


def test_empty_and_overlong_questions_are_refused_without_asking(controller: ChatController):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    chat, state, _, _ = run(controller, "   ")[-1]
    assert "lqa-error" in chat[-1]["content"] and state == []
    chat, state, _, _ = run(controller, "x" * 5000)[-1]
    assert "1000" in chat[-1]["content"] and state == []
    assert qa.asked == []


class Failing(FakeQA):
    def __init__(self, exc: Exception) -> None:
        super().__init__()
        self.exc = exc

    def ask(self, question, history=(), filters=None):  # type: ignore[no-untyped-def]
        raise self.exc


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (IndexNotBuiltError("empty"), "Chưa có bài viết nào"),
        (LabourQAError("LLM timed out <b>"), "LLM timed out &#60;b&#62;"),
        (RuntimeError("secret internals"), "RuntimeError"),
    ],
)
def test_errors_become_an_error_bubble_and_keep_the_session(tmp_path: Path, exc: Exception, expected: str):
    controller = ChatController(Failing(exc), Strings("vi"), export_dir=tmp_path)
    chat, state, _, _ = list(controller.respond("Câu hỏi?", [], [], "s"))[-1]
    assert "lqa-error" in chat[-1]["content"] and expected in chat[-1]["content"]
    assert "secret internals" not in chat[-1]["content"]
    assert state == []


def test_not_found_answers_render_as_not_found(controller: ChatController):
    chat, state, _, _ = run(controller, "zzz qqq")[-1]
    assert "lqa-not-found" in chat[-1]["content"]
    assert state[0]["answer"]["found"] is False


def test_forget_removes_the_sessions_export(controller: ChatController):
    *_, export = run(controller, "Bao nhiêu lượt lao động thuê nhà?", session="gone")[-1]
    controller.forget("gone")
    assert not Path(export).exists()


def test_session_ids_cannot_escape_the_export_folder(controller: ChatController):
    *_, export = run(controller, "Bao nhiêu lượt lao động thuê nhà?", session="../../etc")[-1]
    assert Path(export).resolve().is_relative_to(controller.export_dir.resolve())
    assert re.search(r"exports/etc/conversation\.md$", export)


def test_markdown_of_state_matches_the_export(controller: ChatController):
    _, state, _, export = run(controller, "Bao nhiêu lượt lao động thuê nhà?")[-1]
    assert controller.state_markdown(state) == Path(export).read_text(encoding="utf-8")
    assert controller.state_markdown([]).startswith("# ")
    assert isinstance(turn_from_state(state[0]).answer, Answer)


# ---- the filter panel ("Bộ lọc") ------------------------------------------------------------------------

RENT_QUESTION = "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?"


def text_of(html_message: str) -> str:
    """What a chat message says, markup and entities removed."""
    return html.unescape(re.sub(r"<[^>]+>", " ", html_message))


@pytest.mark.parametrize(
    ("since", "until", "source", "expected"),
    [
        ("", "", "", None),
        (None, None, None, None),
        (" 2022-01-01 ", "", "", SearchFilters(since="2022-01-01")),
        ("", "2022-12-31", "BTV", SearchFilters(until="2022-12-31", source="BTV")),
        ("2022-12-31", "2022-12-31", " BTV ", SearchFilters(since="2022-12-31", until="2022-12-31", source="BTV")),
    ],
)
def test_filter_values_become_search_filters(since, until, source, expected) -> None:  # type: ignore[no-untyped-def]
    assert read_filters(since, until, source, Strings("vi"), FakeQA().sources) == expected


@pytest.mark.parametrize(
    ("since", "until", "source", "message"),
    [
        # the CLI refuses the same values (tests/test_cli.py), in English
        (
            "2023-13-01",
            "",
            "",
            "Ô “Từ ngày”: “2023-13-01” không phải ngày hợp lệ. Hãy viết theo dạng năm-tháng-ngày, ví dụ 2023-01-31.",
        ),
        ("", "31/12/2023", "", "Ô “Đến ngày”: “31/12/2023” không phải ngày hợp lệ."),
        ("2023-1-5", "", "", "“2023-1-5” không phải ngày hợp lệ"),
        ("2023-02-30", "", "", "“2023-02-30” không phải ngày hợp lệ"),
        (
            "2024-01-01",
            "2023-01-01",
            "",
            "“Từ ngày” (2024-01-01) sau “Đến ngày” (2023-01-01): hãy sửa lại khoảng ngày.",
        ),
        ("", "", "Báo Không Có", "Không có nguồn “Báo Không Có” trong chỉ mục."),
    ],
)
def test_a_filter_value_retrieval_cannot_take_is_refused_with_a_vietnamese_message(since, until, source, message):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidFilters) as refused:
        read_filters(since, until, source, Strings("vi"), FakeQA().sources)
    assert message in str(refused.value)


def test_the_english_ui_refuses_in_english() -> None:
    with pytest.raises(InvalidFilters, match=r"“From” \(2024-01-01\) is after “Until” \(2023-01-01\)"):
        read_filters("2024-01-01", "2023-01-01", "", Strings("en"), FakeQA().sources)
    with pytest.raises(InvalidFilters, match="“Until”: “2023-1-5” is not a valid date. Write it YYYY-MM-DD"):
        read_filters("", "2023-1-5", "", Strings("en"), FakeQA().sources)


def test_the_index_is_asked_for_its_sources_only_when_a_source_is_chosen() -> None:
    def no_call() -> list[str]:
        raise AssertionError("sources() asked without a source filter")

    assert read_filters("2022-01-01", "", "", Strings("vi"), no_call) == SearchFilters(since="2022-01-01")


def test_chosen_filters_reach_ask_and_the_answer_and_export_say_which_applied(controller: ChatController):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    chat, state, box, export = run(controller, RENT_QUESTION, since="2022-01-01", until="2022-12-31", source="BTV")[-1]
    assert qa.filters_asked == [SearchFilters(since="2022-01-01", until="2022-12-31", source="BTV")]
    line = "Đã lọc: từ 2022-01-01 · đến 2022-12-31 · nguồn: BTV"
    assert 'class="lqa-filters"' in chat[-1]["content"] and line in text_of(chat[-1]["content"])
    assert box == "" and state[0]["answer"]["filters"] == {
        "since": "2022-01-01",
        "until": "2022-12-31",
        "source": "BTV",
    }
    assert f"*{line}*" in Path(export).read_text(encoding="utf-8")
    assert f"*{line}*" in controller.state_markdown(state)  # the copy button's Markdown too


def test_without_filters_ask_gets_none_and_no_filter_line_shows(controller: ChatController):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    chat, _, _, export = run(controller, RENT_QUESTION, since="", until=" ", source="")[-1]
    assert qa.filters_asked == [None]
    assert "lqa-filters" not in chat[-1]["content"] and "Đã lọc" not in Path(export).read_text(encoding="utf-8")


def test_filters_restrict_the_evidence(controller: ChatController):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    qa.source_of["rent"] = "Báo Ninh Bình"
    chat, state, _, _ = run(controller, RENT_QUESTION, source="BTV")[-1]
    assert state[0]["answer"]["found"] is False and "163.600" not in chat[-1]["content"]
    chat, state, _, _ = run(controller, RENT_QUESTION, source="Báo Ninh Bình")[-1]
    assert state[0]["answer"]["citations"][0]["source"] == "Báo Ninh Bình"


@pytest.mark.parametrize(
    "filters",
    [
        {"since": "2023-13-01"},
        {"until": "31/12/2023"},
        {"since": "2024-01-01", "until": "2023-01-01"},
        {"source": "Không"},
    ],
)
def test_invalid_filters_show_an_error_and_lose_nothing(controller: ChatController, filters: dict[str, str]):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    chat, state, _, export = run(controller, RENT_QUESTION)[-1]
    steps = run(controller, "  Còn thẻ bảo hiểm?  ", chat, state, **filters)
    assert len(steps) == 1
    new_chat, new_state, box, new_export = steps[0]
    assert box == "  Còn thẻ bảo hiểm?  "  # the question stays in its box, as typed
    assert new_state == state and new_export is UNCHANGED
    assert new_chat[:-1] == chat and "lqa-error" in new_chat[-1]["content"]
    assert len(qa.asked) == 1  # nothing was asked
    assert Path(export).read_text(encoding="utf-8") == controller.state_markdown(state)


def test_follow_ups_keep_working_with_filters(controller: ChatController):
    qa: FakeQA = controller.qa  # type: ignore[assignment]
    chat, state, _, _ = run(controller, RENT_QUESTION, source="BTV")[-1]
    chat, state, _, _ = run(controller, "Còn thẻ bảo hiểm y tế?", chat, state, source="BTV", until="2022-12-31")[-1]
    assert [n for _, n in qa.asked] == [0, 1]
    assert qa.filters_asked[-1] == SearchFilters(until="2022-12-31", source="BTV")
    assert len(state) == 2 and state[1]["answer"]["found"] is True


def test_an_index_too_old_to_filter_says_how_to_rebuild_and_keeps_the_question(tmp_path: Path):
    qa = Failing(FiltersNeedRebuild("5 indexed articles were written before date and source filters existed."))
    controller = ChatController(qa, Strings("vi"), export_dir=tmp_path)
    chat, state, box, export = list(controller.respond(RENT_QUESTION, [], [], "s", until="2023-12-31"))[-1]
    assert "lqa-error" in chat[-1]["content"]
    assert "Chỉ mục này được lập trước khi có bộ lọc theo ngày và nguồn" in text_of(chat[-1]["content"])
    assert "labour-qa ingest PATH --rebuild" in text_of(chat[-1]["content"])
    assert box == RENT_QUESTION and state == [] and export is UNCHANGED
