"""Tests mirror the source folders; REPO_ROOT is the checkout they run from (not the installed package)."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
