"""Search hits kept per question, so an answerer change is re-scored without retrieval (bench replay modes)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any


class RecordedSearch:
    """Wraps a LabourQA's search: records every (question, k) it is asked, or, replaying, returns what was recorded.

    ask() and search() both go through LabourQA._search, so both are served from the recording.
    """

    def __init__(self, qa: Any, path: Path, *, replay: bool) -> None:
        self.path = path
        self.replay = replay
        self.hits: dict[tuple[Any, ...], Any] = pickle.loads(path.read_bytes()) if replay else {}
        self._search = qa._search
        qa._search = self.search

    def search(self, question: str, k: int | None = None, filters: Any = None, within: Any = None) -> Any:
        key = (question, k) if within is None else (question, k, tuple(sorted(within)))
        if self.replay:
            if key not in self.hits:
                raise SystemExit(f"no recorded hits for {question!r} (k={k}) in {self.path}: record again without --replay")
            return list(self.hits[key])
        self.hits[key] = self._search(question, k, filters, within)
        return self.hits[key]

    def save(self) -> None:
        """Write what was recorded (nothing when replaying)."""
        if not self.replay:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.hits))
