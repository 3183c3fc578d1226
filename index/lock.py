"""One process at a time writes an embedded index; any number of processes read it.

Why: Chroma's embedded store keeps each collection's vector index in the memory of every process that opened it.
Articles another process adds or deletes reach the stored records but not that in-memory index, and the running
app's next search fails ("Error finding id"). So a process that opens an index folder holds a shared lock on it for
as long as it keeps it open, and writing (ingest, delete, rebuild) needs the lock alone: a command that would write
while the chat server (or any other labour-qa process) has the index open is refused with a message that says what
to do, and opening an index while another process writes it is refused too.

The locks are advisory `flock`s on two files in the index folder, so the operating system releases them when a
process ends, however it ends. A hold is per process: several LabourQA objects of one process share one hold (Chroma shares one
client per folder inside a process too). A shared Chroma server (LABOUR_QA_CHROMA_URL) serialises writes itself and
needs none.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from errors import IndexBusyError

try:
    import fcntl
except ImportError:  # pragma: no cover - not a POSIX system: no lock, as before
    fcntl = None  # type: ignore[assignment]

_SHARED, _ALONE, _UNLOCK = (fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_UN) if fcntl is not None else (0, 0, 0)

OPEN_LOCK = ".labour-qa-open.lock"  # shared by every process that has the index open
WRITE_LOCK = ".labour-qa-write.lock"  # a writer's alone; an opener passes through it, so none slips in mid-write

OPEN_ELSEWHERE = (
    "The index in {folder} is open in another labour-qa process (the chat server, or a command such as `labour-qa "
    "ask`); a change made now would not reach it and its next question would fail. Add or delete articles through "
    "the chat's Documents tab (Tài liệu), or run this again once the other process has stopped. To add articles "
    "while the chat runs (a scheduled ingest, say), keep the index in a Chroma server (LABOUR_QA_CHROMA_URL)."
)
WRITTEN_ELSEWHERE = (
    "Another labour-qa process is writing the index in {folder} (an ingest, a delete or a rebuild). Run this again "
    "when it has finished."
)


@dataclass
class _Hold:
    """This process's locks on one folder: the two lock files, how many openers share them, how many writes run."""

    open_fd: int
    write_fd: int
    users: int = 0
    writers: int = 0


_HOLDS: dict[Path, _Hold] = {}
_GUARD = threading.Lock()


class IndexLock:
    """A hold on an index folder: shared from creation to close(), alone inside writing()."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder.resolve()
        self._closed = False
        with _GUARD:
            hold = _HOLDS.get(self.folder)
            if hold is None:
                hold = _Hold(_open(self.folder / OPEN_LOCK), _open(self.folder / WRITE_LOCK))
                # through the write lock (shared, briefly) to the open lock: a writer holds the first alone
                if not _try(hold.write_fd, _SHARED):
                    _close(hold)
                    raise IndexBusyError(WRITTEN_ELSEWHERE.format(folder=self.folder))
                _lock(hold.open_fd, _SHARED)
                _lock(hold.write_fd, _UNLOCK)
                _HOLDS[self.folder] = hold
            hold.users += 1
        self._hold = hold

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the folder alone while the block writes; IndexBusyError when another process has it open."""
        hold = self._hold
        with _GUARD:
            if hold.writers == 0:
                if not _try(hold.write_fd, _ALONE):
                    raise IndexBusyError(WRITTEN_ELSEWHERE.format(folder=self.folder))
                # flock(2) may drop the shared lock before it takes it alone; no opener can pass the write lock
                if not _try(hold.open_fd, _ALONE):
                    _back_to_shared(hold)
                    raise IndexBusyError(OPEN_ELSEWHERE.format(folder=self.folder))
            hold.writers += 1
        try:
            yield
        finally:
            with _GUARD:
                hold.writers -= 1
                if hold.writers == 0:
                    _back_to_shared(hold)

    def close(self) -> None:
        """Give up this hold; the process lets go of the folder when its last hold closes."""
        with _GUARD:
            if self._closed:
                return
            self._closed = True
            self._hold.users -= 1
            if self._hold.users == 0:
                _close(self._hold)  # closing the files releases their locks
                del _HOLDS[self.folder]


def _back_to_shared(hold: _Hold) -> None:
    """From writing (or a write refused half-way) back to an opener's hold: the open lock shared, the write lock free."""
    _lock(hold.open_fd, _SHARED)
    _lock(hold.write_fd, _UNLOCK)


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _close(hold: _Hold) -> None:
    os.close(hold.open_fd)
    os.close(hold.write_fd)


def _try(fd: int, mode: int) -> bool:
    """Take a lock without waiting; False when another process holds it in a conflicting way."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _lock(fd: int, mode: int) -> None:
    """Take (or, with _UNLOCK, release) a lock that no other process can be holding against it."""
    if fcntl is not None:
        fcntl.flock(fd, mode)
