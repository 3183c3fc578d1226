#!/usr/bin/env bash
# Creates .venv with the pinned dependencies (idempotent: a no-op when pyproject.toml is unchanged).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.labour-qa-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # torch first and pinned: the CPU wheel; anything unpinned would pull a multi-GB CUDA build
  .venv/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
  .venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
  echo "$want" > "$stamp"
fi
