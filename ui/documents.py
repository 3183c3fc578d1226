"""The Documents tab's logic: validating uploads, ingesting them, and describing the corpus."""

from __future__ import annotations

import logging
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.models import DocumentInfo, IngestReport
from ingest.readers import SUPPORTED_SUFFIXES
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
        "- " + strings.fmt("ingest_failed_item", name=Path(f.path).name, reason=f.reason) for f in report.failed
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


