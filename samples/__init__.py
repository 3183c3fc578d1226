"""The bundled sample articles (samples/articles/*.txt), shipped as package data.

`labour-qa serve` indexes them on first run, so they must travel inside the wheel: they are found
through importlib.resources, never relative to a checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_articles_dir() -> Path:
    """The folder holding the sample articles, wherever the package is installed."""
    folder = resources.files(__name__).joinpath("articles")
    # a wheel installs as plain files; only a zipped import (unsupported here) would not be a Path
    if not isinstance(folder, Path):
        raise RuntimeError(f"the sample articles must be installed as files, not inside {folder}")
    return folder
