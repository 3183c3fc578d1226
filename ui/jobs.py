"""Uploads indexed in the background: one worker thread, a job list with progress, and cancellation.

The Documents tab hands accepted uploads to `IngestJobs.submit` and returns at once, so no Gradio worker
waits for the embedder; the page polls `views()` for progress. Cancelling sets an event that the ingest
callbacks check between batches: the service keeps what was committed and re-derives its caches.
"""

from __future__ import annotations

import gzip
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from errors import IngestCancelled
from index.models import IngestReport

logger = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed", "cancelled"]
FINISHED: frozenset[str] = frozenset({"done", "failed", "cancelled"})


class Ingesting(Protocol):
    """The part of service.LabourQA a job needs."""

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
        on_commit: Callable[[int, int], None] | None = None,
    ) -> IngestReport: ...


@dataclass(frozen=True)
class JobView:
    """A consistent copy of one job's state, for display."""

    job_id: int
    names: tuple[str, ...]
    state: JobState
    articles_done: int
    articles_total: int
    sentences_done: int
    seconds_left: float | None  # None until there is a rate to extrapolate from
    report: IngestReport | None
    rejected: tuple[str, ...]
    error: str | None


@dataclass
class _Job:
    job_id: int
    files: tuple[Path, ...]
    rejected: tuple[str, ...]
    articles_total: int
    state: JobState = "queued"
    articles_done: int = 0
    sentences_done: int = 0
    started: float | None = None
    report: IngestReport | None = None
    error: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)


def count_articles(path: Path) -> int:
    """How many articles a file will give, cheaply: one per JSONL record, one for any other file."""
    name = path.name.lower()
    try:
        if name.endswith(".jsonl.gz"):
            with gzip.open(path, "rb") as handle:
                return max(1, sum(1 for line in handle if line.strip()))
        if name.endswith(".jsonl"):
            with path.open("rb") as handle:
                return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1
    return 1


class IngestJobs:
    """A FIFO of upload jobs run one at a time by a daemon thread (the index takes one writer anyway)."""

    def __init__(self, qa: Ingesting, *, keep_finished: int = 20) -> None:
        self.qa = qa
        self.keep_finished = keep_finished
        self._jobs: dict[int, _Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[_Job] = queue.Queue()
        self._next_id = 1
        self._worker: threading.Thread | None = None

    def submit(self, files: Sequence[Path], rejected: Sequence[str] = ()) -> int:
        """Queue stored upload files for indexing; returns the job id."""
        total = sum(count_articles(f) for f in files)
        with self._lock:
            job = _Job(self._next_id, tuple(files), tuple(rejected), total)
            self._next_id += 1
            self._jobs[job.job_id] = job
            self._forget_old()
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="labour-qa-uploads", daemon=True)
                self._worker.start()
        self._queue.put(job)
        return job.job_id

    def cancel(self, job_id: int) -> bool:
        """Ask a queued or running job to stop; False when it has already finished or is unknown."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.state in FINISHED:
                return False
            job.cancel.set()
            return True

    def views(self) -> list[JobView]:
        """Every remembered job, newest first."""
        with self._lock:
            return [self._view(job) for job in sorted(self._jobs.values(), key=lambda j: -j.job_id)]

    def active(self) -> bool:
        """Whether a job is queued or running."""
        with self._lock:
            return any(job.state not in FINISHED for job in self._jobs.values())

    def wait(self, job_id: int, timeout: float | None = None) -> JobView:
        """Block until a job has finished (for the CLI and tests); returns its final view."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                view = self._view(self._jobs[job_id])
            if view.state in FINISHED:
                return view
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"upload job {job_id} still {view.state} after {timeout} s")
            time.sleep(0.05)

    # ---- the worker ---------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._run_job(job)
            except Exception:  # never let one job kill the worker
                logger.exception("upload job %s crashed", job.job_id)

    def _run_job(self, job: _Job) -> None:
        with self._lock:
            if job.cancel.is_set():
                job.state = "cancelled"
                self._discard(job.files)
                return
            job.state, job.started = "running", time.monotonic()

        def check(*_args: object) -> None:
            if job.cancel.is_set():
                raise IngestCancelled(f"upload job {job.job_id} cancelled")

        def on_commit(articles: int, sentences: int) -> None:
            with self._lock:
                job.articles_done += articles
                job.sentences_done += sentences
            check()

        try:
            report = self.qa.ingest(job.files, progress=check, on_commit=on_commit)
        except IngestCancelled:
            with self._lock:
                job.state = "cancelled"
            if not job.articles_done:  # nothing of it reached the index: the files have no use
                self._discard(job.files)
            return
        except Exception as exc:
            logger.exception("upload job %s failed", job.job_id)
            with self._lock:
                job.state, job.error = "failed", str(exc) or type(exc).__name__
            self._discard(job.files)
            return
        failed = {Path(f.path).resolve() for f in report.failed}
        self._discard([f for f in job.files if f.resolve() in failed])
        with self._lock:
            job.state, job.report = "done", report

    @staticmethod
    def _discard(files: Sequence[Path]) -> None:
        """Failed uploads leave the uploads folder: nothing refers to them."""
        for path in files:
            path.unlink(missing_ok=True)

    def _forget_old(self) -> None:
        finished = sorted(j.job_id for j in self._jobs.values() if j.state in FINISHED)
        for job_id in finished[: max(0, len(finished) - self.keep_finished)]:
            del self._jobs[job_id]

    @staticmethod
    def _view(job: _Job) -> JobView:
        left: float | None = None
        if job.state == "running" and job.started is not None and job.articles_done:
            rate = job.articles_done / max(time.monotonic() - job.started, 1e-6)
            left = max(0.0, (job.articles_total - job.articles_done) / rate)
        return JobView(
            job_id=job.job_id,
            names=tuple(f.name for f in job.files),
            state=job.state,
            articles_done=job.articles_done,
            articles_total=max(job.articles_total, job.articles_done),
            sentences_done=job.sentences_done,
            seconds_left=left,
            report=job.report,
            rejected=job.rejected,
            error=job.error,
        )
