"""Load test of the chat UI: N concurrent sessions asking through gradio_client; prints a latency table.

    python bench/load_chat.py                      # starts its own server over the sample corpus
    python bench/load_chat.py --url http://127.0.0.1:7860/ --sessions 20 --turns 3

Each session is its own gradio_client.Client (its own browser-like session and state) and asks a
question followed by follow-ups, passing the chat history back like the page does. Only 127.0.0.1
(or the --url given) is ever contacted; the run is bounded by --timeout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# Conversations the sample corpus answers: a first question, then follow-ups.
CONVERSATIONS = [
    [
        "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?",
        "Tổng kinh phí là bao nhiêu?",
        "Ai chủ trì hội nghị tổng kết năm 2020?",
    ],
    [
        "Tỷ lệ hộ nghèo cuối năm 2020 là bao nhiêu?",
        "How many workers got rent support in 2022?",
        "Mức lương tối thiểu vùng năm 2030 là bao nhiêu?",
    ],
]


@dataclass
class SessionResult:
    latencies_s: list[float] = field(default_factory=list)
    answered: int = 0
    not_found: int = 0
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(concurrency: int) -> tuple[str, object, Path]:
    """A real LabourQA over a temporary index of the sample corpus, served on a free loopback port."""
    from service import LabourQA
    from settings import SAMPLE_CORPUS_DIR, Settings
    from ui.app import build_ui, launch_options

    root = Path(tempfile.mkdtemp(prefix="labour-qa-bench-"))
    shutil.copytree(SAMPLE_CORPUS_DIR, root / "samples")
    settings = Settings(index_dir=root / "index", concurrency_limit=concurrency)
    qa = LabourQA(settings)
    qa.ingest([root / "samples"])
    demo = build_ui(qa, settings)
    port = free_port()
    demo.launch(**launch_options(settings, host="127.0.0.1", port=port), prevent_thread_lock=True)
    return f"http://127.0.0.1:{port}/", demo, root


def run_session(url: str, questions: list[str], start: threading.Barrier, auth: tuple[str, str] | None) -> SessionResult:
    """One browser-like session: a fresh client, questions asked in order with the history passed back."""
    from gradio_client import Client

    result = SessionResult()
    try:
        client = Client(url, verbose=False, download_files=False, analytics_enabled=False, auth=auth)
    except Exception as exc:  # a refused connection counts as an error of every turn
        result.errors.append(f"connect: {exc!r}")
        start.wait()
        return result
    start.wait()
    history: list = []
    for question in questions:
        began = time.perf_counter()
        try:
            chat, _box, _export = client.predict(question, history, api_name="/ask")
        except Exception as exc:
            result.errors.append(f"{question[:30]}: {exc!r}")
            continue
        result.latencies_s.append(time.perf_counter() - began)
        last = chat[-1] if chat else {}
        content = str(last.get("content", "")) if isinstance(last, dict) else str(last)
        if "lqa-error" in content or "lqa-answer" not in content:
            result.errors.append(f"{question[:30]}: error answer {content[:120]!r}")
        elif "lqa-not-found" in content:
            result.not_found += 1
        else:
            result.answered += 1
        history = chat
    return result


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[rank]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server (default: start one on a free 127.0.0.1 port)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=3, help="questions per session (a question and follow-ups)")
    parser.add_argument("--concurrency", type=int, default=4, help="server concurrency limit when self-started")
    parser.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds")
    parser.add_argument("--user", default="", help="login name, when the server requires one")
    parser.add_argument("--password", default="")
    args = parser.parse_args(argv)

    demo = root = None
    url = args.url
    if not url:
        print("starting a server over the sample corpus…", flush=True)
        url, demo, root = start_server(args.concurrency)
    auth = (args.user, args.password) if args.user else None
    plans = [CONVERSATIONS[i % len(CONVERSATIONS)][: args.turns] for i in range(args.sessions)]
    barrier = threading.Barrier(args.sessions)
    results: list[SessionResult] = []
    began = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=args.sessions) as pool:
            futures = [pool.submit(run_session, url, plan, barrier, auth) for plan in plans]
            for future in as_completed(futures, timeout=args.timeout):
                results.append(future.result())
    finally:
        wall = time.perf_counter() - began
        if demo is not None:
            demo.close()  # type: ignore[attr-defined]
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)

    latencies = [x for r in results for x in r.latencies_s]
    errors = [e for r in results for e in r.errors]
    expected = sum(len(p) for p in plans)
    rows = [
        ("server", url),
        ("sessions (concurrent)", str(args.sessions)),
        ("questions asked", str(expected)),
        ("answered (found)", str(sum(r.answered for r in results))),
        ("answered (not found)", str(sum(r.not_found for r in results))),
        ("errors", str(len(errors))),
        ("latency p50 (s)", f"{percentile(latencies, 50):.2f}"),
        ("latency p95 (s)", f"{percentile(latencies, 95):.2f}"),
        ("latency max (s)", f"{max(latencies, default=float('nan')):.2f}"),
        ("latency mean (s)", f"{statistics.fmean(latencies) if latencies else float('nan'):.2f}"),
        ("wall time (s)", f"{wall:.1f}"),
        ("throughput (answers/s)", f"{len(latencies) / wall:.2f}" if wall else "nan"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"| {'metric'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    for error in errors[:10]:
        print(f"error: {error}", file=sys.stderr)
    ok = not errors and len(latencies) == expected
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
