"""The browser UI: a Chat tab (streamed, cited answers) and a Documents tab (list, upload, view, delete).

`build_ui` makes the Blocks; `launch_ui` checks access settings and serves it. The server is offline:
no analytics, no share link, system fonts only, and every asset comes from the Gradio package itself.
"""

from __future__ import annotations

import html
import ipaddress
import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import gradio as gr

from answer.models import Answer, Turn
from errors import ConfigurationError, LabourQAError
from index.models import DocumentInfo, IngestReport
from settings import Settings
from ui.chat import UNCHANGED, ChatController
from ui.documents import (
    ALLOWED_SUFFIXES,
    check_uploads,
    document_choices,
    document_rows,
    report_summary,
    store_uploads,
)
from ui.strings import Strings

logger = logging.getLogger(__name__)

# The UI is an edge of the program, so it may switch off the library's telemetry (Gradio reads this
# when a Blocks or a client is made; our Blocks also pass analytics_enabled=False explicitly).
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ProgressFn = Callable[[int, int, str], None]

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
"""


class QA(Protocol):
    """The part of service.LabourQA the UI uses."""

    def ask(self, question: str, history: Sequence[Turn]) -> Answer: ...

    def article_text(self, doc_id: str) -> str: ...

    def documents(self) -> list[DocumentInfo]: ...

    def delete(self, doc_id: str) -> None: ...

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: ProgressFn | None = None
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
    """The (user, password) pair to require, or None; refuses a public bind without credentials."""
    strings = Strings(settings.ui_language)
    username = settings.auth_username.strip()
    password = settings.auth_password.get_secret_value()
    if username and not password:
        raise ConfigurationError(strings["config_error_half_auth"])
    if username:
        return (username, password)
    if not is_loopback(host):
        raise ConfigurationError(strings.fmt("config_error_public_host", host=host))
    return None


def launch_options(settings: Settings, *, host: str, port: int) -> dict[str, Any]:
    """Keyword arguments for Blocks.launch: access control, limits, offline and privacy switches."""
    strings = Strings(settings.ui_language)
    return {
        "server_name": host,
        "server_port": port,
        "auth": auth_for(settings, host),
        "auth_message": html.escape(strings["auth_message"]),
        "share": False,
        "inbrowser": False,
        "show_error": False,
        "quiet": True,
        "max_file_size": f"{settings.max_upload_mb}mb",
        "footer_links": ["api"],
        "run_history": False,
        "enable_monitoring": False,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "theme": make_theme(),
        "css": CSS,
    }


def _session(request: gr.Request | None) -> str:
    return getattr(request, "session_hash", None) or "anonymous"


def build_ui(qa: QA, settings: Settings) -> gr.Blocks:
    """The whole app as a Blocks, queued with the configured concurrency; serve it with launch_ui."""
    strings = Strings(settings.ui_language)
    chat = ChatController(qa, strings)
    upload_dir = Path(settings.index_dir) / "uploads"
    max_mb = settings.max_upload_mb

    def refresh_documents() -> tuple[str, list[list[object]], Any]:
        docs = qa.documents()
        count = f'<p class="lqa-count">{html.escape(strings.fmt("docs_count", n=len(docs)))}</p>'
        return count, document_rows(docs, strings), gr.update(choices=document_choices(docs, strings), value=None)

    def respond(message: str, history: list[dict[str, Any]], turns: list[dict[str, Any]], request: gr.Request):
        for chat_value, new_turns, box, export in chat.respond(message, history, turns, _session(request)):
            yield chat_value, new_turns, box, (gr.skip() if export is UNCHANGED else export)

    def respond_example(history: list[dict[str, Any]], turns: list[dict[str, Any]], evt: gr.SelectData, request: gr.Request):
        text = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value)
        yield from respond(text, history, turns, request)

    def new_conversation(request: gr.Request) -> tuple[list[Any], list[dict[str, Any]], str, None]:
        chat.forget(_session(request))
        return [], [], "", None

    def conversation_markdown(state: list[dict[str, Any]]) -> str:
        return chat.state_markdown(state)

    def ingest_uploads(files: list[str] | None, progress: gr.Progress = gr.Progress()):  # noqa: B008
        if not files:
            raise gr.Error(strings["upload_none"])
        check = check_uploads([Path(f) for f in files], max_mb, strings)
        report = IngestReport()
        if check.accepted:
            stored = store_uploads(check.accepted, upload_dir)
            progress((0, len(stored)), desc=strings.fmt("upload_progress", name=stored[0].name))

            def on_progress(done: int, total: int, current: str) -> None:
                progress((done, max(total, 1)), desc=strings.fmt("upload_progress", name=Path(current).name))

            try:
                report = qa.ingest(stored, progress=on_progress)
            except LabourQAError as exc:
                raise gr.Error(strings.fmt("error", message=str(exc))) from exc
        summary = report_summary(report, strings, check.rejected)
        count, rows, choices = refresh_documents()
        return summary, None, count, rows, choices

    def view_article(doc_id: str | None) -> str:
        if not doc_id:
            raise gr.Error(strings["no_article_selected"])
        try:
            return qa.article_text(doc_id)
        except (KeyError, LabourQAError) as exc:
            raise gr.Error(strings["article_missing"]) from exc

    def delete_article(doc_id: str | None, confirmed: str = "yes"):
        if confirmed == "no":  # the user said no in the confirmation dialog
            return (gr.skip(),) * 5
        if not doc_id:
            raise gr.Error(strings["no_article_selected"])
        titles = {d.doc_id: d.title for d in qa.documents()}
        if doc_id not in titles:
            raise gr.Error(strings["article_missing"])
        try:
            qa.delete(doc_id)
        except KeyError as exc:
            raise gr.Error(strings["article_missing"]) from exc
        except LabourQAError as exc:
            raise gr.Error(strings.fmt("error", message=str(exc))) from exc
        status = strings.fmt("deleted", title=titles[doc_id] or strings["untitled"])
        count, rows, choices = refresh_documents()
        return status, "", count, rows, choices

    header = (
        f'<div class="lqa-header"><h1>{html.escape(strings["title"])}</h1>'
        f'<p>{html.escape(strings["subtitle"])}</p></div>'
    )
    with gr.Blocks(title=strings["title"], analytics_enabled=False) as demo:
        gr.HTML(header)
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab(strings["tab_chat"], id="chat", elem_id="lqa-tab-chat"):
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
                markdown_box = gr.Textbox(visible=False)
                confirm_box = gr.Textbox(visible=False)

            with gr.Tab(strings["tab_documents"], id="documents", elem_id="lqa-tab-documents"):
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
                article = gr.Dropdown(choices=[], label=strings["article_select"], elem_id="lqa-article")
                with gr.Row():
                    view = gr.Button(strings["view"], elem_id="lqa-view")
                    delete = gr.Button(strings["delete"], variant="stop", elem_id="lqa-delete")
                article_box = gr.Textbox(
                    label=strings["article_text"], lines=16, max_lines=30, interactive=False, elem_id="lqa-article-text"
                )

        chat_outputs = [chatbot, turns, question, export]
        question.submit(respond, [question, chatbot, turns], chat_outputs, api_name="ask")
        send.click(respond, [question, chatbot, turns], chat_outputs, api_visibility="private")
        chatbot.example_select(respond_example, [chatbot, turns], chat_outputs, api_visibility="private")
        new_chat.click(new_conversation, None, chat_outputs, api_visibility="private")
        # The chat's own trash button must forget the context too, or follow-ups would use a hidden past.
        chatbot.clear(new_conversation, None, chat_outputs, api_visibility="private")
        turns.change(conversation_markdown, [turns], [markdown_box], api_visibility="private", queue=False)
        copy_md.click(
            None,
            [markdown_box],
            None,
            js="(md) => { if (md && navigator.clipboard) { navigator.clipboard.writeText(md); } return []; }",
        )

        doc_outputs = [count, table, article]
        demo.load(refresh_documents, None, doc_outputs, api_visibility="private")
        refresh.click(refresh_documents, None, doc_outputs, api_visibility="private")
        ingest.click(ingest_uploads, [upload], [status, upload, *doc_outputs], api_name="upload")
        view.click(view_article, [article], [article_box], api_visibility="private")
        delete.click(
            delete_article,
            [article, confirm_box],
            [status, article_box, *doc_outputs],
            js=f"(doc, _) => [doc, (!doc || window.confirm({json.dumps(strings['delete_confirm'])})) ? 'yes' : 'no']",
            api_visibility="private",
        )
        def forget_session(request: gr.Request) -> None:
            chat.forget(_session(request))

        demo.unload(forget_session)

    demo.queue(
        default_concurrency_limit=settings.concurrency_limit,
        max_size=max(1, settings.concurrency_limit) * QUEUE_SLOTS_PER_WORKER,
    )
    return demo


def launch_ui(
    qa: QA, settings: Settings, *, host: str, port: int, progress: ProgressFn | None = None, block: bool = True
) -> gr.Blocks:
    """Serve the UI on host:port (blocking unless block=False); indexes the samples on first run.

    Raises ConfigurationError before anything starts when a non-loopback host has no credentials.
    """
    launch_options(settings, host=host, port=port)  # validate access settings before any slow work
    qa.ensure_sample_corpus(progress=progress)
    demo = build_ui(qa, settings)
    options = launch_options(settings, host=host, port=port)
    options["quiet"] = False  # `serve` should say where the UI is
    demo.launch(**options, prevent_thread_lock=not block)
    return demo


__all__ = ["CSS", "build_ui", "launch_options", "launch_ui", "make_theme", "auth_for", "is_loopback"]

