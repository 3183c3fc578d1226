"""The chat handler: streaming, per-session context, errors, export files (against a fake facade)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from answer.models import Answer
from errors import IndexNotBuiltError, LabourQAError
from tests.ui.fakes import FakeQA
from ui.chat import UNCHANGED, ChatController, turn_from_state, turn_to_state
from ui.strings import Strings


@pytest.fixture()
def controller(tmp_path: Path) -> ChatController:
    return ChatController(FakeQA(), Strings("vi"), export_dir=tmp_path / "exports")


def run(controller: ChatController, question: str, chat=None, state=None, session="s1"):  # type: ignore[no-untyped-def]
    return list(controller.respond(question, chat or [], state or [], session))


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

    def ask(self, question, history=()):  # type: ignore[no-untyped-def]
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
