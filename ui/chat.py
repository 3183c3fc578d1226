"""The Chat tab's logic: one question in, a streamed answer with citation cards out, per session."""

from __future__ import annotations

import dataclasses
import logging
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from answer.models import MAX_QUESTION_CHARS, Alternative, Answer, Citation, Turn
from errors import FiltersNeedRebuild, IndexNotBuiltError, LabourQAError
from index.models import SearchFilters, is_iso_date
from ui.render import (
    answer_html,
    conversation_markdown,
    error_html,
    escape_text,
    partial_answer_html,
    question_html,
    stream_prefixes,
)
from ui.strings import Strings

logger = logging.getLogger(__name__)

STREAM_DELAY_S = 0.03  # between streamed pieces: long enough to be seen, short enough not to hold a worker
EXPORT_FILE_NAME = "conversation.md"


class QA(Protocol):
    """The part of service.LabourQA the chat needs."""

    def ask(self, question: str, history: Sequence[Turn], filters: SearchFilters | None = None) -> Answer: ...

    def article_text(self, doc_id: str) -> str: ...

    def sources(self) -> list[str]: ...


Message = dict[str, Any]

# Stands for "leave this output as it is" in what respond() yields; the Gradio layer maps it to gr.skip().
UNCHANGED = object()


class InvalidFilters(ValueError):
    """A filter value retrieval cannot take; the message is for the user, in the UI's language."""


def read_filters(
    since: str | None, until: str | None, source: str | None, strings: Strings, sources: Callable[[], list[str]]
) -> SearchFilters | None:
    """The filter panel's values as SearchFilters (None when every box is empty), checked as the CLI checks them.

    Args:
        since, until: the date boxes, YYYY-MM-DD or empty.
        source: the source box; it takes typed text too, so it must be one the index lists (`sources()`,
            asked only when a source is given).

    Raises InvalidFilters with a message naming the box and the value.
    """
    dates: dict[str, str | None] = {}
    for key, value in (("since", since), ("until", until)):
        value = (value or "").strip()
        if value and not is_iso_date(value):
            raise InvalidFilters(strings.fmt("filter_bad_date", field=strings[f"filter_{key}"], value=value))
        dates[key] = value or None
    if dates["since"] and dates["until"] and dates["since"] > dates["until"]:
        raise InvalidFilters(strings.fmt("filter_since_after_until", since=dates["since"], until=dates["until"]))
    chosen = unicodedata.normalize("NFC", (source or "").strip()) or None
    if chosen is not None and chosen not in sources():
        raise InvalidFilters(strings.fmt("filter_unknown_source", source=chosen))
    filters = SearchFilters(since=dates["since"], until=dates["until"], source=chosen)
    return None if filters.is_empty() else filters


def turn_to_state(turn: Turn) -> dict[str, Any]:
    """A turn as plain JSON data: what gr.State keeps (Gradio hashes state values; Answer's dict field cannot be)."""
    return {"question": turn.question, "answer": turn.answer.to_json()}


def turn_from_state(data: dict[str, Any]) -> Turn:
    """The Turn back from its JSON form."""
    answer = dict(data["answer"])
    answer["citations"] = tuple(Citation(**c) for c in answer.get("citations", ()))
    answer["related"] = tuple(Citation(**c) for c in answer.get("related", ()))
    answer["alternatives"] = tuple(
        Alternative(**{**a, "citation": Citation(**a["citation"]), "labels": tuple(a.get("labels", ()))})
        for a in answer.get("alternatives", ())
    )
    answer["answer_labels"] = tuple(answer.get("answer_labels", ()))
    fields = {f.name for f in dataclasses.fields(Answer)}
    return Turn(question=data["question"], answer=Answer(**{k: v for k, v in answer.items() if k in fields}))


class ChatController:
    """Answers questions for the chat tab; holds no per-session data itself (that lives in gr.State)."""

    def __init__(self, qa: QA, strings: Strings, *, export_dir: Path | None = None) -> None:
        self.qa = qa
        self.strings = strings
        self.export_dir = export_dir or Path(tempfile.gettempdir()) / "labour-qa-ui-exports"

    def respond(
        self,
        message: str,
        chat: list[Message] | None,
        state: list[dict[str, Any]] | None,
        session: str = "",
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
    ) -> Iterator[tuple[list[Message], list[dict[str, Any]], str, Any]]:
        """Yield (chat messages, turns, textbox value, export file) as the answer streams in.

        `state` is the session's conversation as turn_to_state() data. The export file is written
        once, with the final answer; until then it is `UNCHANGED`. since/until/source are the filter
        panel's values; a value retrieval cannot take is an error message, the question left in its box.
        """
        chat = list(chat or [])
        state = list(state or [])
        turns = [turn_from_state(t) for t in state]
        question = " ".join((message or "").split())
        if not question:
            chat.append({"role": "assistant", "content": error_html(self.strings["empty_question"])})
            yield list(chat), list(state), "", UNCHANGED
            return
        if len(question) > MAX_QUESTION_CHARS:
            chat.append({"role": "user", "content": question_html(question[:200] + "…")})
            chat.append(
                {
                    "role": "assistant",
                    "content": error_html(self.strings.fmt("question_too_long", limit=MAX_QUESTION_CHARS)),
                }
            )
            yield list(chat), list(state), "", UNCHANGED
            return
        try:
            filters = read_filters(since, until, source, self.strings, self.qa.sources)
        except InvalidFilters as exc:
            chat.append({"role": "assistant", "content": error_html(str(exc))})
            yield list(chat), list(state), message, UNCHANGED
            return
        chat.append({"role": "user", "content": question_html(question)})
        pending = escape_text(self.strings["thinking"])
        chat.append({"role": "assistant", "content": f'<div class="lqa-pending">{pending}</div>'})
        yield list(chat), list(state), "", UNCHANGED

        try:
            answer = self.qa.ask(question, turns, filters=filters)
        except FiltersNeedRebuild:
            chat[-1] = {"role": "assistant", "content": error_html(self.strings["filters_need_rebuild"])}
            yield list(chat), list(state), message, UNCHANGED  # the question stays, to ask again without filters
            return
        except IndexNotBuiltError:
            chat[-1] = {"role": "assistant", "content": error_html(self.strings["no_index"])}
            yield list(chat), list(state), "", UNCHANGED
            return
        except LabourQAError as exc:
            chat[-1] = {"role": "assistant", "content": error_html(self.strings.fmt("error", message=str(exc)))}
            yield list(chat), list(state), "", UNCHANGED
            return
        except Exception as exc:  # a bug must not kill the session: show it, log the traceback
            logger.exception("ask failed for %r", question)
            chat[-1] = {
                "role": "assistant",
                "content": error_html(self.strings.fmt("error", message=type(exc).__name__)),
            }
            yield list(chat), list(state), "", UNCHANGED
            return

        prefixes = stream_prefixes(answer.answer)
        for prefix in prefixes[:-1]:
            chat[-1] = {"role": "assistant", "content": partial_answer_html(answer, prefix, self.strings)}
            yield list(chat), list(state), "", UNCHANGED
            time.sleep(STREAM_DELAY_S)
        turns.append(Turn(question=question, answer=answer))
        state.append(turn_to_state(turns[-1]))
        chat[-1] = {"role": "assistant", "content": answer_html(answer, self.qa.article_text, self.strings)}
        yield list(chat), list(state), "", self._export(turns, session)

    def markdown(self, turns: Sequence[Turn]) -> str:
        """The conversation with its footnotes, as Markdown."""
        return conversation_markdown(turns, self.strings)

    def state_markdown(self, state: Sequence[dict[str, Any]] | None) -> str:
        """The Markdown of a session's conversation, from its gr.State data."""
        return self.markdown([turn_from_state(t) for t in state or []])

    def _export(self, turns: Sequence[Turn], session: str) -> str | None:
        """Write the session's conversation to a .md file for the download button (None when empty)."""
        if not turns:
            return None
        # One folder per browser session, so two sessions never overwrite each other's file.
        folder = self.export_dir / (re.sub(r"[^A-Za-z0-9_-]", "", session) or "anonymous")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / EXPORT_FILE_NAME
        path.write_text(self.markdown(turns), encoding="utf-8")
        return str(path)

    def forget(self, session: str) -> None:
        """Remove a closed session's export file."""
        folder = self.export_dir / (re.sub(r"[^A-Za-z0-9_-]", "", session) or "anonymous")
        (folder / EXPORT_FILE_NAME).unlink(missing_ok=True)
        try:
            folder.rmdir()
        except OSError:
            pass
