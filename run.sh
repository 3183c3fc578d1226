#!/usr/bin/env bash
# Sets up .venv on first use, then starts the chat on http://127.0.0.1:7860 over the sample articles.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python app.py "$@"
