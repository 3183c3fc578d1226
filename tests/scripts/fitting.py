"""What the tests of the answer-model fitting scripts share: a real index over a few articles, question sets in
the eval format, and running a script as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "LABOUR_QA_EMBED_THREADS": "1"}


def indexed(tmp_path: Path, articles: dict[str, str]) -> Path:
    """The articles written as .txt files and ingested with `labour-qa ingest`; the index folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index"
    subprocess.run(
        [sys.executable, "-m", "app", "ingest", str(folder), "--index", str(index)], cwd=ROOT, env=ENV, check=True
    )
    return index


def question_set(path: Path, rows: list[tuple[str, str | None, str | None]], kind: str | None = None) -> Path:
    """A dev-split question set: (question, expected answer, its article) rows; no answer makes a trap."""
    lines = ["questions:"]
    for i, (question, expect, doc) in enumerate(rows):
        lines += [f'  - id: "q{i}"', f'    question: "{question}"', '    split: "dev"']
        if kind:
            lines.append(f'    type: "{kind}"')
        if expect:
            lines += [f'    expect: ["{expect}"]', f'    evidence: "{expect}"', f'    doc: "{doc}"']
        else:
            lines += ['    trap: "absent"', "    answerable: false"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_script(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """bench/<script> run from the project folder, offline, its output captured."""
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args], cwd=ROOT, env=ENV, capture_output=True, text=True
    )


def fit_on_two_sets(
    tmp_path: Path,
    script: str,
    articles: dict[str, str],
    sets: tuple[list[tuple[str, str | None, str | None]], list[tuple[str, str | None, str | None]]],
    *,
    kind: str | None = None,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """bench/<script> fitted on two labour question sets ("first", "second") over one index of the articles, as a
    user runs it; its run (checked to succeed) and the model file it wrote."""
    index = indexed(tmp_path, articles)
    first = question_set(tmp_path / "first.yaml", sets[0], kind)
    second = question_set(tmp_path / "second.yaml", sets[1], kind)
    out = tmp_path / "model.json"
    run = run_script(script, "--labour", f"{first}:{index}", "--labour", f"{second}:{index}", "--out", str(out))
    assert run.returncode == 0, run.stderr[-2000:]
    return run, out
