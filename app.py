"""The front door: `python app.py` runs the chat on the sample corpus; `labour-qa COMMAND` is the CLI."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from errors import LabourQAError
from settings import Settings, get_settings


def offline_environment() -> None:
    """Keep every library offline and quiet: called by the entry point before any of them loads."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _settings(index: Path | None) -> Settings:
    settings = get_settings()
    if index is not None:
        settings = settings.model_copy(update={"index_dir": index})
    return settings


def _open(index: Path | None, *, create: bool = True) -> Any:
    from service import LabourQA

    return LabourQA(_settings(index), create=create)


def _echo_json(obj: Any) -> None:
    # Vietnamese stays readable: no \u escapes
    click.echo(json.dumps(obj, ensure_ascii=False))


@contextmanager
def _user_errors() -> Iterator[None]:
    """Library errors become one-line CLI messages, not tracebacks."""
    try:
        yield
    except LabourQAError as exc:
        raise click.ClickException(str(exc)) from exc
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


# how the Ingestor names its place inside a multi-article file: "news.jsonl: 1200/5000 articles"
_WITHIN_FILE = re.compile(r": (\d+)/(\d+) articles$")


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60):02d} min"


class _Progress:
    """Ingest progress on stderr: a tqdm bar on a terminal, otherwise a log line every `interval_s` seconds.

    Passed to LabourQA.ingest as `progress` (files) and `on_commit` (articles and sentences embedded). Off a
    terminal a timer thread writes the lines, so they keep coming while one large batch is being embedded.
    """

    def __init__(self, label: str, interval_s: float | None = None) -> None:
        self._bar: Any = None  # tqdm, imported only on a terminal
        self._label = label
        self._terminal = sys.stderr.isatty()
        self._interval_s = get_settings().progress_interval_s if interval_s is None else interval_s
        self._started = self._last_line = time.monotonic()
        self._articles = self._sentences = 0
        self._position: tuple[int, int, str] | None = None  # the last (files done, files total, current)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None

    def on_commit(self, articles: int, sentences: int) -> None:
        with self._lock:
            self._articles += articles
            self._sentences += sentences

    def __call__(self, done: int, total: int, current: str) -> None:
        if self._terminal:
            self._draw_bar(done, total, current)
            return
        with self._lock:
            self._position = (done, total, current)
        if self._timer is None and self._interval_s > 0:
            self._timer = threading.Thread(target=self._tick, name="ingest-progress", daemon=True)
            self._timer.start()
        self._log_if_due()

    def _tick(self) -> None:
        while not self._stop.wait(self._interval_s / 4):
            self._log_if_due()

    def _log_if_due(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._position is None or now - self._last_line < self._interval_s:
                return
            self._last_line = now
            line = self._line(*self._position, elapsed=now - self._started)
        click.echo(line, err=True)

    def _draw_bar(self, done: int, total: int, current: str) -> None:
        from tqdm import tqdm

        if self._bar is None:
            self._bar = tqdm(total=total, desc=self._label, unit="file", file=sys.stderr)
        self._bar.n = done
        self._bar.set_postfix_str(current[-40:], refresh=True)

    def _line(self, done: int, total: int, current: str, elapsed: float) -> str:
        position = float(done)
        within = _WITHIN_FILE.search(current)
        if within and done < total:
            position += int(within.group(1)) / max(int(within.group(2)), 1)
        fraction = position / total if total else 1.0
        left = _duration(elapsed * (1 - fraction) / fraction) + " left" if fraction > 0 else "time left unknown"
        rate = self._sentences / elapsed if elapsed > 0 else 0.0
        line = (
            f"{time.strftime('%H:%M:%S')} {self._label}: {done}/{total} files, {self._articles} articles, "
            f"{rate:.1f} sentences/s, {left}"
        )
        return f"{line} ({current})" if current else line

    def close(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
        if self._bar is not None:
            self._bar.close()


def _report_lines(report: Any) -> list[str]:
    lines = [
        f"documents: {report.added} added, {report.unchanged} unchanged, {report.replaced} replaced, "
        f"{report.removed} removed, {len(report.failed)} failed",
        f"chunks: {report.chunks}, sentences: {report.sentences}, seconds: {report.seconds:.1f}",
    ]
    lines += [f"failed: {f.path}: {f.reason}" for f in report.failed]
    return lines


@click.group(invoke_without_command=True)
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Vietnamese labour-report Q&A: answers grounded in the articles, with sentence citations."""
    offline_environment()  # the commands import the heavy libraries lazily, after this
    with _user_errors():  # a LABOUR_QA_* value that cannot work is one line, not a traceback
        level = logging.INFO if verbose else getattr(logging, get_settings().log_level.upper(), logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: LABOUR_QA_INDEX_DIR).")
@click.option("--prune", is_flag=True, help="Remove articles whose files are gone.")
@click.option("--rebuild", is_flag=True, help="Drop the whole index first (e.g. after changing the model).")
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0),
    default=None,
    help="Refuse files larger than this many MB (default: LABOUR_QA_INGEST_MAX_MB, 50); 0 = no limit.",
)
def ingest(paths: tuple[Path, ...], index: Path | None, prune: bool, rebuild: bool, max_mb: float | None) -> None:
    """Ingest article files and folders (txt, md, html, pdf, docx, jsonl[.gz])."""
    limit_mb = get_settings().ingest_max_mb if max_mb is None else max_mb
    with _user_errors():
        if rebuild:
            from service import LabourQA

            settings = _settings(index)
            LabourQA.drop_index(settings)
        qa = _open(index)
        progress = _Progress("ingest")
        try:
            report = qa.ingest(
                list(paths),
                prune=prune,
                progress=progress,
                max_file_mb=limit_mb or None,
                on_commit=progress.on_commit,
            )
        finally:
            progress.close()
    for line in _report_lines(report):
        click.echo(line)
    if report.failed and not (report.added or report.unchanged or report.replaced):
        sys.exit(1)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since/--until value: a real calendar date written YYYY-MM-DD."""
    from index.models import is_iso_date

    if value is None:
        return None
    value = value.strip()
    if not is_iso_date(value):
        raise click.BadParameter(f"expected a date written YYYY-MM-DD (e.g. 2023-01-31), got {value!r}")
    return value


def _filter_options(command: Any) -> Any:
    """--since, --until and --source, shared by search and ask."""
    command = click.option("--source", help="Only articles from this source (exactly as listed by the index).")(command)
    command = click.option("--until", callback=_iso_date, help="Only articles published on or before this date (YYYY-MM-DD).")(command)
    return click.option("--since", callback=_iso_date, help="Only articles published on or after this date (YYYY-MM-DD).")(command)


def _filters(since: str | None, until: str | None, source: str | None) -> Any:
    from index.models import SearchFilters

    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since/--until")
    return SearchFilters(since=since, until=until, source=(source or "").strip() or None)


@cli.command()
@click.argument("question")
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: LABOUR_QA_INDEX_DIR).")
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="How many sentences.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@_filter_options
def search(
    question: str, index: Path | None, k: int, as_json: bool, since: str | None, until: str | None, source: str | None
) -> None:
    """Show the sentences that best match a question."""
    from service import checked_question

    filters = _filters(since, until, source)
    with _user_errors():
        checked_question(question)  # before the index and the model load: a bad question costs nothing
        hits = _open(index, create=False).search(question, k, filters=filters)
    for rank, hit in enumerate(hits, 1):
        if as_json:
            row = dataclasses.asdict(hit)
            row.pop("context", None)
            _echo_json({"rank": rank, **row})
        else:
            click.echo(f"{rank}. [{hit.score:.4f}] {hit.doc_id} — {hit.title} ({hit.start}-{hit.end})")
            click.echo(f"   {hit.sentence}")
    if not hits:
        click.echo("no results", err=True)


def _print_answer(answer: Any) -> None:
    from answer.language import Language, message

    click.echo(answer.answer)
    language: Language = "en" if answer.language == "en" else "vi"  # labels in the answer's language
    label = message(language, "source_label" if answer.found else "related_label")
    clause_word = message(language, "clause_label")
    for n, citation in enumerate(answer.citations or answer.related, 1):
        meta = ", ".join(x for x in (citation.date, citation.source) if x)
        clause = (citation.clause_start, citation.clause_end)
        where = f"{citation.start}-{citation.end}" + (f", {clause_word} {clause[0]}-{clause[1]}" if None not in clause else "")
        click.echo(f"  [{n}] {citation.title}{f' ({meta})' if meta else ''} — {citation.doc_id} {where}")
        click.echo(f"      {label}: {citation.sentence}")
    if answer.note:
        click.echo(f"  ({answer.note})")


@cli.command()
@click.argument("question")
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: LABOUR_QA_INDEX_DIR).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@_filter_options
def ask(
    question: str, index: Path | None, as_json: bool, since: str | None, until: str | None, source: str | None
) -> None:
    """Answer a question with sentence citations; `-` reads one question per line from stdin (JSON out)."""
    from service import checked_question

    filters = _filters(since, until, source)
    with _user_errors():
        if question != "-":
            checked_question(question)  # before the index and the model load: a bad question costs nothing
        qa = _open(index, create=False)
        if question == "-":
            for line in sys.stdin:
                line = line.strip()
                if line:
                    _echo_json(qa.ask(line, filters=filters).to_json())
            return
        answer = qa.ask(question, filters=filters)
    if as_json:
        _echo_json(answer.to_json())
    else:
        _print_answer(answer)


@cli.command(name="eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: LABOUR_QA_INDEX_DIR).")
@click.option("--report", "report_dir", type=click.Path(path_type=Path), help="Write report.md/.json/.png here.")
@click.option(
    "--split",
    type=click.Choice(["dev", "heldout", "all"]),
    default="dev",
    show_default=True,
    help="Score only this part of the set (questions without a split are dev).",
)
@click.option(
    "--min", "min_accuracy", type=click.FloatRange(0, 1), default=None,
    help="Fail below this accuracy (the lowest of answer, citation and refusal accuracy).",
)
@click.option("--min-precision", type=click.FloatRange(0, 1), default=None, help="Fail below this precision when found.")
@click.option("--min-coverage", type=click.FloatRange(0, 1), default=None, help="Fail below this coverage.")
@click.option("--min-traps", type=click.FloatRange(0, 1), default=None, help="Fail below this share of traps refused.")
def evaluate_command(
    questions: Path,
    index: Path | None,
    report_dir: Path | None,
    split: str,
    min_accuracy: float | None,
    min_precision: float | None,
    min_coverage: float | None,
    min_traps: float | None,
) -> None:
    """Score a fixed question set (YAML): answers, precision, coverage, traps, citations, retrieval, latency."""
    from evaluation.gates import Floors, failed_floors
    from evaluation.questions import load_question_set, select_split
    from evaluation.report import format_summary, write_report
    from evaluation.runner import evaluate

    with _user_errors():
        question_set = select_split(load_question_set(questions), split)
        qa = _open(index, create=False)
        report = evaluate(qa, question_set, split=split)
    click.echo(format_summary(report))
    if report_dir is not None:
        written = write_report(report, report_dir)
        for path in written.values():
            click.echo(f"wrote {path}")
    failures = failed_floors(report, Floors(min_accuracy, min_precision, min_coverage, min_traps))
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    if failures:
        sys.exit(1)


@cli.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 7860).")
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: LABOUR_QA_INDEX_DIR).")
def serve(host: str | None, port: int | None, index: Path | None) -> None:
    """Start the browser chat (indexes the bundled sample articles on first run)."""
    settings = _settings(index)
    with _user_errors():
        from ui.app import launch_options, launch_ui, refuse_a_taken_port

        host, port = host or settings.host, port or settings.port
        launch_options(settings, host=host, port=port)  # refuse an unsafe bind before any slow work
        refuse_a_taken_port(settings, host=host, port=port)
        qa = _open(index)
        progress = _Progress("sample corpus")
        report = qa.ensure_sample_corpus(progress=progress, on_commit=progress.on_commit)
        progress.close()
        if report is not None:
            click.echo("Indexed the bundled sample articles:", err=True)
            for line in _report_lines(report):
                click.echo(f"  {line}", err=True)
        launch_ui(qa, settings, host=host, port=port)


if __name__ == "__main__":
    cli()
