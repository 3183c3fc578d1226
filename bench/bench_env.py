"""What every benchmark script does before it imports the product: puts the repository (and bench/) on sys.path
and sets the offline environment defaults (no hub downloads, no telemetry), plus its own. The shell overrides any.

Usage, first thing after the standard-library imports of a script run as `python bench/<script>.py`:
    from bench_env import prepare
    ROOT = prepare(OMP_NUM_THREADS="1")
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OFFLINE = {"HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def prepare(**defaults: str) -> Path:
    """The repository root, once it and bench/ are importable and the environment defaults are set."""
    for path in (str(ROOT), str(Path(__file__).resolve().parent)):  # bench/ first: its modules are the scripts' own
        if path not in sys.path:
            sys.path.insert(0, path)
    for name, value in {**OFFLINE, **defaults}.items():
        os.environ.setdefault(name, value)
    return ROOT
