"""`pip install .` (not -e) into a fresh venv: ingest, ask and serve from another folder, nothing in site-packages.

The wheel is built from a copy of the checkout and installed without dependencies into a bare venv; the
dependencies come from this test's own environment through a .pth file (installing torch again would take
minutes). The wheel is installed before that .pth exists, so pip never sees the editable install here.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

from tests import REPO_ROOT

pytestmark = pytest.mark.slow

RENT_QUESTION = "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?"
NOT_SOURCE = (".git", ".venv", "bench", "tests", "test-artifacts", ".labour-qa-index", "build", "*.egg-info",
              "__pycache__", ".*_cache")


def run(*args: str | Path, cwd: Path, env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(the venv's bin folder, an environment for its commands) with the built wheel installed."""
    root = tmp_path_factory.mktemp("install")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LABOUR_QA_INDEX_DIR")}
    shutil.copytree(REPO_ROOT, root / "src", ignore=shutil.ignore_patterns(*NOT_SOURCE))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
        "-w", root / "dist", root / "src", cwd=root, env=env)
    (wheel,) = (root / "dist").glob("labour_qa-*.whl")
    run(sys.executable, "-m", "venv", "--without-pip", root / "venv", cwd=root, env=env)
    python = root / "venv" / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel,
        cwd=root, env=env)
    site_packages = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                             cwd=root, env=env).strip())
    (site_packages / "shared-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return root / "venv" / "bin", env


def test_the_wheel_ingests_asks_and_serves_from_another_folder(installed, tmp_path):
    bin_dir, env = installed
    python, labour_qa = bin_dir / "python", bin_dir / "labour-qa"
    site_packages = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                             cwd=tmp_path, env=env).strip())
    where = json.loads(run(python, "-c", "import json, app, prompts, settings; print(json.dumps("
                           "[app.__file__, prompts.__file__, str(settings.SAMPLE_CORPUS_DIR)]))", cwd=tmp_path, env=env))
    assert all(Path(p).is_relative_to(site_packages) for p in where), where  # the wheel's code, not the checkout
    samples = Path(where[2])
    assert sorted(p.name for p in samples.glob("*.txt")) == ["000_3165cad724f5285f.txt", "002_d92ff0ca898ecb44.txt"]
    before = files_under(site_packages)

    work = tmp_path / "work"
    work.mkdir()
    out = run(labour_qa, "ingest", samples, cwd=work, env=env)
    assert out.startswith("documents: 2 added, 0 unchanged"), out
    assert (work / ".labour-qa-index" / "chroma" / "chroma.sqlite3").is_file()
    answer = json.loads(run(labour_qa, "ask", RENT_QUESTION, "--json", cwd=work, env=env))
    assert answer["found"] is True and "163.600" in answer["answer"]

    fresh = tmp_path / "fresh"  # serve's first run indexes the samples shipped in the wheel
    fresh.mkdir()
    port = free_port()
    with (tmp_path / "serve.log").open("w+") as log:
        server = subprocess.Popen([labour_qa, "serve", "--port", str(port)], cwd=fresh, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 240
            status = None
            while status is None and server.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                        status = response.status
                except OSError:
                    time.sleep(0.25)
        finally:
            server.terminate()
            server.wait(timeout=30)
        log.seek(0)
        output = log.read()
    assert status == 200, output
    assert "Indexed the bundled sample articles" in output and "documents: 2 added" in output, output
    assert (fresh / ".labour-qa-index" / "chroma" / "chroma.sqlite3").is_file()

    assert files_under(site_packages) == before
    assert not list(site_packages.rglob(".labour-qa-index")) and not list(site_packages.rglob("chroma.sqlite3"))
