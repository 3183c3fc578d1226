"""The project's exception hierarchy: library code raises these, only the CLI and UI render them."""

from __future__ import annotations


class LabourQAError(Exception):
    """Base class for every error the product reports to a user."""


class UnreadableDocument(LabourQAError):
    """A file could not be read or decoded; the message says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InvalidQuestion(LabourQAError):
    """A question the product refuses before any work: empty, or longer than MAX_QUESTION_CHARS."""


class IndexNotBuiltError(LabourQAError):
    """The index directory holds no index yet."""


class IndexBusyError(LabourQAError):
    """Another process writes the index, or has it open while this one would write it (index/lock.py)."""


class EmbeddingModelMismatch(LabourQAError):
    """The index was built with another embedding model than the one configured."""


class ConfigurationError(LabourQAError):
    """A setting has a value that cannot work."""


class FiltersNeedRebuild(LabourQAError):
    """Date or source filters were asked of an index written before sentences carried that metadata."""


class IngestCancelled(LabourQAError):
    """An ingestion run was stopped on request; the batches committed before the stop are kept."""
