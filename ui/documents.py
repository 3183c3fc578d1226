"""The Documents tab's logic: validating uploads, ingesting them, and describing the corpus."""

from __future__ import annotations

import html
import logging
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.models import DocumentInfo, IngestReport
from ingest.readers import SUPPORTED_SUFFIXES
from ui.jobs import JobView
from ui.strings import Strings

logger = logging.getLogger(__name__)

# The file types the readers accept; ".jsonl.gz" is checked as a whole suffix.
ALLOWED_SUFFIXES: tuple[str, ...] = SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class UploadCheck:
    """Which uploaded files may be ingested, and why the others may not."""

    accepted: tuple[Path, ...]
    rejected: tuple[str, ...]  # user-facing messages, one per refused file


def allowed_suffix(name: str) -> bool:
    """Whether a file name ends with one of the accepted types (case-insensitive)."""
    lower = name.lower()
    return any(lower.endswith(suffix) for suffix in ALLOWED_SUFFIXES)


def check_uploads(paths: Sequence[Path], max_mb: int, strings: Strings) -> UploadCheck:
    """Split uploads into accepted files and refusal messages (wrong type, too large)."""
    accepted: list[Path] = []
    rejected: list[str] = []
    types = ", ".join(ALLOWED_SUFFIXES)
    for path in paths:
        name = path.name
        if not allowed_suffix(name):
            rejected.append(strings.fmt("upload_bad_type", name=name, types=types))
            continue
        size_mb = path.stat().st_size / (1024 * 1024)
        if size_mb > max_mb:
            rejected.append(strings.fmt("upload_too_big", name=name, size=size_mb, mb=max_mb))
            continue
        accepted.append(path)
    return UploadCheck(tuple(accepted), tuple(rejected))


def safe_file_name(name: str) -> str:
    """A file name that cannot leave its folder: no separators, no leading dots, NFC."""
    name = unicodedata.normalize("NFC", Path(name).name)
    name = re.sub(r"[\x00-\x1f/\\]", "_", name).lstrip(".")
    return name or "upload.txt"


def store_uploads(paths: Sequence[Path], upload_dir: Path) -> list[Path]:
    """Copy uploads into the persistent upload folder under their own names.

    The index derives an article's id from its file path, so keeping uploads under a stable
    name means uploading a corrected file with the same name replaces the old article.
    """
    upload_dir.mkdir(parents=True, exist_ok=True)
    stored: list[Path] = []
    for path in paths:
        target = upload_dir / safe_file_name(path.name)
        shutil.copyfile(path, target)
        stored.append(target)
    return stored


def report_summary(report: IngestReport, strings: Strings, rejected: Sequence[str] = ()) -> str:
    """The ingestion summary as plain text, one line per failed or refused file (like the CLI)."""
    lines = [
        strings.fmt(
            "ingest_summary",
            added=report.added,
            replaced=report.replaced,
            unchanged=report.unchanged,
            failed=len(report.failed) + len(rejected),
            sentences=report.sentences,
            chunks=report.chunks,
            seconds=report.seconds,
        )
    ]
    lines.extend(f"- {message}" for message in rejected)
    lines.extend(
        "- " + strings.fmt("ingest_failed_item", name=Path(f.path).name, reason=strings.reason(f.reason))
        for f in report.failed
    )
    return "\n".join(lines)


def document_rows(docs: Sequence[DocumentInfo], strings: Strings) -> list[list[object]]:
    """Table rows (title, date, source, sentences), newest first."""
    ordered = sorted(docs, key=lambda d: (d.date or "", d.title), reverse=True)
    return [[d.title or strings["untitled"], d.date or "", d.source or "", d.n_sentences] for d in ordered]


def document_choices(docs: Sequence[DocumentInfo], strings: Strings) -> list[tuple[str, str]]:
    """Dropdown choices (label, doc_id): the title, with date and file name to tell twins apart."""
    ordered = sorted(docs, key=lambda d: (d.date or "", d.title), reverse=True)
    choices = []
    for d in ordered:
        extra = " · ".join(x for x in (d.date, Path(d.source_path).name) if x)
        label = f"{d.title or strings['untitled']} ({extra})" if extra else (d.title or strings["untitled"])
        choices.append((label, d.doc_id))
    return choices




def job_progress(view: JobView, strings: Strings) -> str:
    """A job's progress as text: articles, sentences, time left (or what a cancelled job kept)."""
    text = strings.fmt("job_progress", done=view.articles_done, total=view.articles_total, sentences=view.sentences_done)
    if view.state == "running" and view.seconds_left is not None:
        text += " · " + strings.fmt("job_left", left=strings.duration(view.seconds_left))
    if view.state == "cancelled" and view.articles_done:
        text += " · " + strings.fmt("job_kept", done=view.articles_done)
    return text


def jobs_html(views: Sequence[JobView], strings: Strings) -> str:
    """The job list as a small table (newest first); every value is escaped text."""
    if not views:
        return f'<p class="lqa-jobs-empty">{html.escape(strings["jobs_empty"])}</p>'
    columns = ("job_col_id", "job_col_files", "job_col_state", "job_col_progress")
    head = "".join(f"<th>{html.escape(strings[c])}</th>" for c in columns)
    rows = []
    for view in views:
        cells = [f"#{view.job_id}", ", ".join(view.names), strings[f"job_state_{view.state}"], job_progress(view, strings)]
        rows.append(
            f'<tr class="lqa-job lqa-job-{view.state}" data-job="{view.job_id}">'
            + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            + "</tr>"
        )
    return f'<table class="lqa-jobs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def job_outcome(view: JobView, strings: Strings) -> str:
    """What a finished job did, for the status box."""
    if view.state == "failed":
        return strings.fmt("job_failed", job=view.job_id, error=view.error or "")
    if view.state == "cancelled":
        summary = f"{strings['job_state_cancelled']} ({job_progress(view, strings)})"
        return strings.fmt("job_finished", job=view.job_id, summary=summary)
    report = view.report or IngestReport()
    return strings.fmt("job_finished", job=view.job_id, summary=report_summary(report, strings, view.rejected))
