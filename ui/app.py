"""The browser UI: a Chat tab (streamed, cited answers) and a Documents tab (list, upload, view, delete).

`build_ui` makes the Blocks; `launch_ui` checks access settings and serves it. The server is offline:
no analytics, no share link, system fonts only, and every asset comes from the Gradio package itself.
"""

from __future__ import annotations

import errno
import html
import ipaddress
import json
import logging
import os
import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import gradio as gr

from answer.models import Answer, Turn
from errors import ConfigurationError, LabourQAError
from index.models import DocumentInfo, IngestReport, ProgressFn, SearchFilters
from settings import Settings
from ui.auth import LoginGate
from ui.chat import UNCHANGED, ChatController
from ui.documents import (
    ALLOWED_SUFFIXES,
    check_uploads,
    document_choices,
    document_rows,
    job_outcome,
    jobs_html,
    report_summary,
    store_uploads,
)
from ui.gradio_text import gradio_i18n, locale_head
from ui.jobs import FINISHED, IngestJobs
from ui.strings import Strings

logger = logging.getLogger(__name__)


# How often an open Documents tab asks for the progress of running upload jobs.
JOB_POLL_S = 1.0

# Queued requests beyond the running ones, per concurrency slot; more get "queue full" at once.
QUEUE_SLOTS_PER_WORKER = 16

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"]
SYSTEM_MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"]

CSS = """
.lqa-header h1 { margin: 0 0 .2em 0; font-size: 1.4em; }
.lqa-header p { margin: 0; opacity: .8; }
.lqa-answer { border-left: 4px solid #2563eb; padding: .2em 0 .2em .7em; }
.lqa-answer.lqa-not-found { border-left-color: #d97706; background: rgba(217, 119, 6, .08); border-radius: 4px; }
.lqa-answer.lqa-error { border-left-color: #dc2626; color: #b91c1c; }
.lqa-label { font-size: .78em; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: #2563eb; }
.lqa-not-found .lqa-label { color: #b45309; }
.lqa-figure { margin: .15em 0 .25em 0; }
.lqa-figure strong { font-size: 1.7em; line-height: 1.2; }
.lqa-cite-ref { font-weight: 700; color: #2563eb; font-size: .85em; }
.lqa-section { margin-top: .6em; font-weight: 600; font-size: .9em; }
.lqa-related .lqa-section { color: #b45309; }
.lqa-resolved, .lqa-note { font-size: .82em; opacity: .75; margin-top: .3em; }
.lqa-confidence { font-size: .8em; color: #6b7280; margin-top: .35em; }
.lqa-filters { display: inline-block; font-size: .8em; margin-top: .35em; padding: .05em .55em; border-radius: 999px;
  background: rgba(37, 99, 235, .1); color: #1e40af; }
.lqa-card { border: 1px solid rgba(128, 128, 128, .35); border-radius: 6px; padding: .25em .6em; margin: .3em 0; }
.lqa-card-related { border-style: dashed; }
.lqa-card summary { cursor: pointer; }
.lqa-card .lqa-num { font-weight: 700; color: #2563eb; }
.lqa-card-related .lqa-num { color: #b45309; }
.lqa-card .lqa-title { font-weight: 600; }
.lqa-preview { font-size: .88em; font-weight: 400; opacity: .85; margin: .15em 0 0 1.2em; }
.lqa-meta { font-size: .8em; opacity: .8; margin: .2em 0; }
.lqa-context { margin: .3em 0; font-size: .92em; line-height: 1.5; }
.lqa-context mark { background: #fde68a; color: #111827; padding: 0 .1em; border-radius: 2px; }
.lqa-context .lqa-sentence { background: rgba(253, 230, 138, .45); border-radius: 2px; }
.lqa-context mark.lqa-clause { background: #fbbf24; font-weight: 600; }
.lqa-period { font-size: .85em; opacity: .85; margin: 0 0 .25em 0; }
.lqa-labels { font-weight: 600; color: #b45309; }
.lqa-alt-table { font-size: .82em; border-collapse: collapse; margin: .2em 0; }
.lqa-alt-table th, .lqa-alt-table td { border: 1px solid rgba(128, 128, 128, .35); padding: .1em .45em; text-align: left; }
.lqa-pending { opacity: .7; font-style: italic; }
#lqa-doc-table, #lqa-doc-table * { font-family: var(--font); }
.lqa-jobs { font-size: .88em; border-collapse: collapse; width: 100%; }
.lqa-jobs th, .lqa-jobs td { border-bottom: 1px solid rgba(128, 128, 128, .3); padding: .2em .5em; text-align: left; }
.lqa-job-running td:nth-child(3) { color: #2563eb; font-weight: 600; }
.lqa-job-failed td:nth-child(3), .lqa-job-cancelled td:nth-child(3) { color: #b45309; }
"""


class QA(Protocol):
    """The part of service.LabourQA the UI uses."""

    def ask(self, question: str, history: Sequence[Turn], filters: SearchFilters | None = None) -> Answer: ...

    def article_text(self, doc_id: str) -> str: ...

    def documents(self) -> list[DocumentInfo]: ...

    def sources(self) -> list[str]: ...

    def delete(self, doc_id: str) -> None: ...

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: ProgressFn | None = None,
        on_commit: Callable[[int, int], None] | None = None,
    ) -> IngestReport: ...

    def ensure_sample_corpus(self, progress: ProgressFn | None = None) -> IngestReport | None: ...


def make_theme() -> gr.themes.Base:
    """The default theme with system fonts, so the page never asks a font service for anything."""
    return gr.themes.Default(primary_hue="blue", font=SYSTEM_FONTS, font_mono=SYSTEM_MONO)


def is_loopback(host: str) -> bool:
    """Whether binding to host keeps the server reachable from this machine only."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name other than localhost may resolve to anything
        return False


def auth_for(settings: Settings, host: str) -> tuple[str, str] | None:
    """The (user, password) pair to require, or None; refuses half credentials and a public bind without any."""
    strings = Strings(settings.ui_language)
    username = settings.auth_username.strip()
    password = settings.auth_password.get_secret_value()
    if username and not password:
        raise ConfigurationError(strings["config_error_half_auth"])
    if password and not username:
        raise ConfigurationError(strings["config_error_password_without_user"])
    if username:
        return (username, password)
    if not is_loopback(host):
        raise ConfigurationError(strings.fmt("config_error_public_host", host=host))
    return None


def refuse_a_taken_port(settings: Settings, *, host: str, port: int) -> None:
    """ConfigurationError when the chat cannot listen on host:port (the port is taken, by another chat server
    perhaps; the host is no address of this machine), said before any slow work: Gradio would say it only once the
    index is loaded, with a traceback."""
    strings = Strings(settings.ui_language)
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is no owner
            probe.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigurationError(strings.fmt("config_error_port_taken", host=host, port=str(port))) from None
        reason = exc.strerror or str(exc)
        raise ConfigurationError(strings.fmt("config_error_cannot_listen", host=host, port=str(port), reason=reason)) from None


def launch_options(settings: Settings, *, host: str, port: int) -> dict[str, Any]:
    """Keyword arguments for Blocks.launch: access control, limits, language, offline and privacy switches.

    With credentials, our LoginGate (ui/auth.py) replaces Gradio's login: `auth_dependency` makes Gradio
    refuse every route to a request without a session, and our routes and 401 handler do the rest.
    """
    strings = Strings(settings.ui_language)
    credentials = auth_for(settings, host)
    options: dict[str, Any] = {
        "server_name": host,
        "server_port": port,
        "auth": None,
        "share": False,
        "inbrowser": False,
        "show_error": False,
        "quiet": True,
        "max_file_size": f"{settings.max_upload_mb}mb",
        "footer_links": [],  # the API page and Gradio's settings are English-only
        "run_history": False,
        "enable_monitoring": False,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "theme": make_theme(),
        "css": CSS,
        "i18n": gradio_i18n(),
        "head": locale_head(strings.language),
    }
    if credentials is not None:
        gate = LoginGate(*credentials, strings)
        options["auth_dependency"] = gate.user
        options["app_kwargs"] = gate.app_kwargs()
    return options


def _session(request: gr.Request | None) -> str:
    return getattr(request, "session_hash", None) or "anonymous"


@dataclass
class ChatTab:
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    new_chat: gr.Button
    export: gr.DownloadButton
    copy_md: gr.Button
    markdown_box: gr.Textbox
    turns: gr.State
    filters: gr.Accordion
    since: gr.Textbox
    until: gr.Textbox
    source: gr.Dropdown
    clear_filters: gr.Button


@dataclass
class DocumentsTab:
    count: gr.HTML
    table: gr.Dataframe
    refresh: gr.Button
    upload: gr.File
    ingest: gr.Button
    status: gr.Textbox
    jobs: gr.HTML
    cancel: gr.Button
    timer: gr.Timer
    seen_jobs: gr.State
    article: gr.Dropdown
    view: gr.Button
    delete: gr.Button
    confirm_box: gr.Textbox
    article_box: gr.Textbox


class Handlers:
    """What the UI's events do: answers, uploads (as background jobs), the document list.

    A mistake by the user (no file, no article chosen) is a message in the status box, every other
    component left as it was: a multi-output handler that raised gr.Error would paint each of its
    outputs with an error badge.
    """

    def __init__(self, qa: QA, settings: Settings, strings: Strings) -> None:
        self.qa = qa
        self.strings = strings
        self.chat = ChatController(qa, strings)
        self.jobs = IngestJobs(qa)
        self.upload_dir = Path(settings.index_dir) / "uploads"
        self.max_mb = settings.max_upload_mb

    # ---- chat ---------------------------------------------------------------------------------

    def respond(
        self,
        message: str,
        history: list[dict[str, Any]],
        turns: list[dict[str, Any]],
        since: str | None,
        until: str | None,
        source: str | None,
        request: gr.Request,
    ):
        steps = self.chat.respond(message, history, turns, _session(request), since=since, until=until, source=source)
        for chat_value, new_turns, box, export in steps:
            yield chat_value, new_turns, box, (gr.skip() if export is UNCHANGED else export)

    def respond_example(
        self,
        history: list[dict[str, Any]],
        turns: list[dict[str, Any]],
        since: str | None,
        until: str | None,
        source: str | None,
        evt: gr.SelectData,
        request: gr.Request,
    ):
        text = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value)
        yield from self.respond(text, history, turns, since, until, source, request)

    def clear_filters(self) -> tuple[str, str, str]:
        """Outputs: from, until, source (all sources)."""
        return "", "", ""

    def new_conversation(self, request: gr.Request) -> tuple[list[Any], list[dict[str, Any]], str, None]:
        self.chat.forget(_session(request))
        return [], [], "", None

    def conversation_markdown(self, state: list[dict[str, Any]]) -> str:
        return self.chat.state_markdown(state)

    def forget_session(self, request: gr.Request) -> None:
        self.chat.forget(_session(request))

    # ---- documents ----------------------------------------------------------------------------

    def refresh_documents(self) -> tuple[str, list[list[object]], Any, Any]:
        """Outputs: count, table, article dropdown, and the chat's source filter (whose choices follow the corpus)."""
        docs = self.qa.documents()
        count = f'<p class="lqa-count">{html.escape(self.strings.fmt("docs_count", n=len(docs)))}</p>'
        articles = gr.update(choices=document_choices(docs, self.strings), value=None)
        return count, document_rows(docs, self.strings), articles, gr.update(choices=self.source_choices())

    def source_choices(self) -> list[tuple[str, str]]:
        """The source filter's choices: "all sources" (the empty value), then each source the index lists."""
        return [(self.strings["filter_all_sources"], ""), *((s, s) for s in self.qa.sources())]

    def ingest_uploads(self, files: list[str] | None) -> tuple[Any, ...]:
        """Outputs: status, upload box, job list, timer."""
        if not files:
            return self.strings["upload_none"], gr.skip(), gr.skip(), gr.skip()
        check = check_uploads([Path(f) for f in files], self.max_mb, self.strings)
        if not check.accepted:
            return report_summary(IngestReport(), self.strings, check.rejected), None, gr.skip(), gr.skip()
        stored = store_uploads(check.accepted, self.upload_dir)
        job = self.jobs.submit(stored, check.rejected)
        status = self.strings.fmt("job_submitted", n=len(stored), job=job)
        if check.rejected:
            status += "\n" + "\n".join(f"- {message}" for message in check.rejected)
        return status, None, jobs_html(self.jobs.views(), self.strings), gr.Timer(active=True)

    def cancel_jobs(self) -> tuple[Any, ...]:
        """Outputs: status, job list."""
        cancelled = sum(self.jobs.cancel(v.job_id) for v in self.jobs.views() if v.state in ("queued", "running"))
        if not cancelled:
            return self.strings["job_none_active"], gr.skip()
        return self.strings.fmt("job_cancelled", n=cancelled), jobs_html(self.jobs.views(), self.strings)

    def poll_jobs(self, seen: list[int]) -> tuple[Any, ...]:
        """Outputs: job list, timer, seen jobs, status, count, table, dropdown, source filter (the last five when a
        job ended)."""
        views = self.jobs.views()
        finished = [v for v in views if v.state in FINISHED]
        new = [v for v in finished if v.job_id not in set(seen or [])]
        timer = gr.skip() if self.jobs.active() else gr.Timer(active=False)
        listing = jobs_html(views, self.strings)
        if not new:
            return listing, timer, [v.job_id for v in finished], *(gr.skip(),) * 5
        status = "\n".join(job_outcome(v, self.strings) for v in reversed(new))
        return listing, timer, [v.job_id for v in finished], status, *self.refresh_documents()

    def page_loaded(self) -> tuple[Any, ...]:
        """Outputs: count, table, dropdown, source filter, job list, timer, seen jobs (a page reports only jobs
        ending after it opened)."""
        views = self.jobs.views()
        timer = gr.Timer(active=True) if self.jobs.active() else gr.skip()
        seen = [v.job_id for v in views if v.state in FINISHED]
        return (*self.refresh_documents(), jobs_html(views, self.strings), timer, seen)

    def view_article(self, doc_id: str | None) -> tuple[Any, ...]:
        """Outputs: status, article text."""
        if not doc_id:
            return self.strings["no_article_selected"], gr.skip()
        try:
            return "", self.qa.article_text(doc_id)
        except (KeyError, LabourQAError):
            return self.strings["article_missing"], gr.skip()

    def delete_article(self, doc_id: str | None, confirmed: str = "yes") -> tuple[Any, ...]:
        """Outputs: status, article text, count, table, dropdown, source filter."""
        keep = (gr.skip(),) * 5
        if confirmed == "no":  # the user said no in the confirmation dialog
            return (gr.skip(), *keep)
        if not doc_id:
            return (self.strings["no_article_selected"], *keep)
        titles = {d.doc_id: d.title for d in self.qa.documents()}
        if doc_id not in titles:
            return (self.strings["article_missing"], *keep)
        try:
            self.qa.delete(doc_id)
        except KeyError:
            return (self.strings["article_missing"], *keep)
        except LabourQAError as exc:
            return (self.strings.fmt("error", message=str(exc)), *keep)
        status = self.strings.fmt("deleted", title=titles[doc_id] or self.strings["untitled"])
        return (status, "", *self.refresh_documents())


def header_html(strings: Strings) -> str:
    return (
        f'<div class="lqa-header"><h1>{html.escape(strings["title"])}</h1>'
        f'<p>{html.escape(strings["subtitle"])}</p></div>'
    )


def build_chat_tab(strings: Strings) -> ChatTab:
    """The chat: conversation, question box, send, new conversation, export and copy."""
    turns = gr.State([])
    copy_md = gr.Button(strings["copy_markdown"], size="sm", elem_id="lqa-copy-md")
    chatbot = gr.Chatbot(
        label=strings["chat_label"],
        elem_id="lqa-chat",
        height=560,
        placeholder=html.escape(strings["chat_placeholder"]),
        examples=[{"text": q} for q in strings.examples],
        buttons=[copy_md],
        latex_delimiters=[],
        sanitize_html=True,
        allow_tags=False,
        render_markdown=False,
        feedback_options=None,
        group_consecutive_messages=False,
    )
    with gr.Row():
        question = gr.Textbox(
            placeholder=strings["question_placeholder"],
            show_label=False,
            scale=8,
            max_lines=4,
            elem_id="lqa-question",
            autofocus=True,
        )
        send = gr.Button(strings["send"], variant="primary", scale=1, elem_id="lqa-send")
    with gr.Row():
        new_chat = gr.Button(strings["new_chat"], size="sm", elem_id="lqa-new")
        export = gr.DownloadButton(strings["export"], value=None, size="sm", elem_id="lqa-export")
    with gr.Accordion(strings["filters"], open=False, elem_id="lqa-filters") as filters:
        with gr.Row():
            since, until = (
                gr.Textbox(
                    "",  # a default, so API clients that predate the filters need not send one
                    label=strings[f"filter_{key}"],
                    placeholder=strings["filter_date_placeholder"],
                    max_lines=1,
                    scale=2,
                    elem_id=f"lqa-filter-{key}",
                )
                for key in ("since", "until")
            )
            # Typed text is allowed (and checked against the index when asking): a source deleted since the
            # choices were listed must not make Gradio refuse the request with its own English error.
            source = gr.Dropdown(
                choices=[(strings["filter_all_sources"], "")],
                value="",
                label=strings["filter_source"],
                allow_custom_value=True,
                elem_id="lqa-filter-source",
                scale=3,
            )
        with gr.Row():
            clear_filters = gr.Button(
                strings["filter_clear"], size="sm", scale=0, min_width=120, elem_id="lqa-filter-clear"
            )
    markdown_box = gr.Textbox(visible=False)
    return ChatTab(
        chatbot, question, send, new_chat, export, copy_md, markdown_box, turns, filters, since, until, source,
        clear_filters,
    )


def build_documents_tab(strings: Strings, max_mb: int) -> DocumentsTab:
    """The corpus: count and table, upload with background jobs, view and delete one article."""
    count = gr.HTML(elem_id="lqa-doc-count")
    table = gr.Dataframe(
        headers=[strings["col_title"], strings["col_date"], strings["col_source"], strings["col_sentences"]],
        datatype=["str", "str", "str", "number"],
        interactive=False,
        wrap=True,
        label=strings["docs_table"],
        elem_id="lqa-doc-table",
        column_widths=["55%", "15%", "15%", "15%"],
        max_height=420,
    )
    refresh = gr.Button(strings["refresh"], size="sm", elem_id="lqa-refresh")
    upload = gr.File(
        label=strings.fmt("upload_label", types=", ".join(ALLOWED_SUFFIXES), mb=max_mb),
        file_count="multiple",
        type="filepath",
        elem_id="lqa-upload",
    )
    ingest = gr.Button(strings["upload_button"], variant="primary", elem_id="lqa-ingest")
    status = gr.Textbox(label=strings["status"], lines=3, interactive=False, elem_id="lqa-status")
    jobs = gr.HTML(label=strings["jobs_label"], elem_id="lqa-jobs")
    cancel = gr.Button(strings["job_cancel"], size="sm", variant="stop", elem_id="lqa-cancel")
    timer = gr.Timer(JOB_POLL_S, active=False)
    seen_jobs = gr.State([])
    article = gr.Dropdown(choices=[], label=strings["article_select"], elem_id="lqa-article")
    with gr.Row():
        view = gr.Button(strings["view"], elem_id="lqa-view")
        delete = gr.Button(strings["delete"], variant="stop", elem_id="lqa-delete")
    confirm_box = gr.Textbox(visible=False)
    article_box = gr.Textbox(
        label=strings["article_text"], lines=16, max_lines=30, interactive=False, elem_id="lqa-article-text"
    )
    return DocumentsTab(
        count, table, refresh, upload, ingest, status, jobs, cancel, timer, seen_jobs, article, view, delete,
        confirm_box, article_box,
    )


def wire_chat_events(tab: ChatTab, on: Handlers) -> None:
    outputs = [tab.chatbot, tab.turns, tab.question, tab.export]
    filters = [tab.since, tab.until, tab.source]
    inputs = [tab.question, tab.chatbot, tab.turns, *filters]
    tab.question.submit(on.respond, inputs, outputs, api_name="ask")
    tab.send.click(on.respond, inputs, outputs, api_visibility="private")
    tab.chatbot.example_select(
        on.respond_example, [tab.chatbot, tab.turns, *filters], outputs, api_visibility="private"
    )
    tab.clear_filters.click(on.clear_filters, None, filters, api_visibility="private", queue=False)
    tab.new_chat.click(on.new_conversation, None, outputs, api_visibility="private")
    # The chat's own trash button must forget the context too, or follow-ups would use a hidden past.
    tab.chatbot.clear(on.new_conversation, None, outputs, api_visibility="private")
    tab.turns.change(on.conversation_markdown, [tab.turns], [tab.markdown_box], api_visibility="private", queue=False)
    tab.copy_md.click(
        None,
        [tab.markdown_box],
        None,
        js="(md) => { if (md && navigator.clipboard) { navigator.clipboard.writeText(md); } return []; }",
    )


def wire_documents_events(
    demo: gr.Blocks, tab: DocumentsTab, sources: gr.Dropdown, on: Handlers, strings: Strings
) -> None:
    """The Documents tab's events; `sources` (the chat's source filter) is refreshed with the article list."""
    listing = [tab.count, tab.table, tab.article, sources]
    private: dict[str, Any] = {"api_visibility": "private", "show_progress": "hidden"}
    demo.load(on.page_loaded, None, [*listing, tab.jobs, tab.timer, tab.seen_jobs], **private)
    tab.refresh.click(on.refresh_documents, None, listing, **private)
    tab.ingest.click(on.ingest_uploads, [tab.upload], [tab.status, tab.upload, tab.jobs, tab.timer], api_name="upload")
    tab.cancel.click(on.cancel_jobs, None, [tab.status, tab.jobs], **private)
    tab.timer.tick(
        on.poll_jobs, [tab.seen_jobs], [tab.jobs, tab.timer, tab.seen_jobs, tab.status, *listing], **private
    )
    tab.view.click(on.view_article, [tab.article], [tab.status, tab.article_box], **private)
    tab.delete.click(
        on.delete_article,
        [tab.article, tab.confirm_box],
        [tab.status, tab.article_box, *listing],
        js=f"(doc, _) => [doc, (!doc || window.confirm({json.dumps(strings['delete_confirm'])})) ? 'yes' : 'no']",
        **private,
    )


def build_ui(qa: QA, settings: Settings) -> gr.Blocks:
    """The whole app as a Blocks, queued with the configured concurrency; serve it with launch_ui."""
    strings = Strings(settings.ui_language)
    handlers = Handlers(qa, settings, strings)
    with gr.Blocks(title=strings["title"], analytics_enabled=False) as demo:
        gr.HTML(header_html(strings))
        with gr.Tabs():
            with gr.Tab(strings["tab_chat"], id="chat", elem_id="lqa-tab-chat"):
                chat = build_chat_tab(strings)
            with gr.Tab(strings["tab_documents"], id="documents", elem_id="lqa-tab-documents"):
                documents = build_documents_tab(strings, settings.max_upload_mb)
        wire_chat_events(chat, handlers)
        wire_documents_events(demo, documents, chat.source, handlers, strings)
        demo.unload(handlers.forget_session)
    demo.queue(
        default_concurrency_limit=settings.concurrency_limit,
        max_size=max(1, settings.concurrency_limit) * QUEUE_SLOTS_PER_WORKER,
    )
    demo.upload_jobs = handlers.jobs  # for tests to wait on
    return demo


def launch_ui(
    qa: QA, settings: Settings, *, host: str, port: int, progress: ProgressFn | None = None, block: bool = True
) -> gr.Blocks:
    """Serve the UI on host:port (blocking unless block=False); indexes the samples on first run.

    Raises ConfigurationError before anything starts when a non-loopback host has no credentials.
    """
    # The UI is an edge of the program, so it may switch off the library's telemetry (Gradio reads this
    # when a Blocks or a client is made; our Blocks also pass analytics_enabled=False explicitly).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    launch_options(settings, host=host, port=port)  # validate access settings before any slow work
    refuse_a_taken_port(settings, host=host, port=port)
    qa.ensure_sample_corpus(progress=progress)
    demo = build_ui(qa, settings)
    options = launch_options(settings, host=host, port=port)
    options["quiet"] = False  # `serve` should say where the UI is
    demo.launch(**options, prevent_thread_lock=not block)
    return demo


@contextmanager
def serving(qa: QA, settings: Settings, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve the UI in this process on a free port of host (browser tests, screenshots); yields its URL and
    stops it on exit. Unlike launch_ui it indexes nothing: the caller's index is what it serves."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = int(probe.getsockname()[1])
    demo = build_ui(qa, settings)
    demo.launch(**launch_options(settings, host=host, port=port), prevent_thread_lock=True)
    try:
        yield f"http://{host}:{port}/"
    finally:
        demo.close()


__all__ = ["CSS", "build_ui", "launch_options", "launch_ui", "make_theme", "auth_for", "is_loopback", "serving"]

