"""Screenshot of the chat answering with its filter panel open and an alternatives table (for the README).

Starts the real app on 127.0.0.1 over the dated test articles (tests/fixtures/dated: one province's 2023
figure as a half-year figure, a December estimate and the official January figure), with the default
answerer and a fixed "today", opens "Bộ lọc", sets a start date, asks the issue-9 question and saves a PNG.

    .venv/bin/python scripts/screenshot_chat.py [--out docs/screenshots/chat-filters-alternatives.png]

Needs Debian's chromium and the playwright package (as the browser tests do); reaches nothing but loopback.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATED_FIXTURES = ROOT / "tests" / "fixtures" / "dated"
OUT = ROOT / "docs" / "screenshots" / "chat-filters-alternatives.png"
QUESTION = "Năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?"  # tests/answer/test_learned.py
SINCE = "2023-07-01"  # keeps the three 2023 figures, leaves out the previous year's article and the undated one
TODAY = datetime.date(2024, 6, 1)
# The learned answerer's threshold in tests/answer/test_learned.py (the browser test serves that answerer):
# the shipped one answers too little here.
THRESHOLD = 0.3
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
# The switches test.sh sets, so that nothing is looked up or reported outside.
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False"}
TIMEOUT_MS = 300_000  # every wait is on page state; this only ends a run that is really stuck


@contextmanager
def dated_app(
    workdir: Path, *, answerer: str = "learned", threshold: float = THRESHOLD, today: datetime.date = TODAY
) -> Iterator[str]:
    """Serve the real app over a fresh index of the dated fixtures; yields its URL, stops it on exit."""
    from service import LabourQA
    from settings import Settings
    from ui.app import serving

    corpus = workdir / "corpus"
    shutil.copytree(DATED_FIXTURES, corpus)
    settings = Settings(
        index_dir=workdir / "index",
        answerer=answerer,
        answer_threshold=threshold if answerer == "learned" else None,
        today=today,
        concurrency_limit=2,
    )
    qa = LabourQA(settings)
    qa.ingest([corpus])
    with serving(qa, settings) as url:
        yield url


def open_filters(page: Any, *, since: str = "", until: str = "", source: str = "") -> None:
    """Open the "Bộ lọc" panel (when closed) and fill it; an empty source means all sources."""
    if not page.locator("#lqa-filter-since").is_visible():
        page.locator("#lqa-filters").get_by_role("button").first.click()
        page.wait_for_selector("#lqa-filter-since textarea, #lqa-filter-since input")
    page.locator("#lqa-filter-since").get_by_role("textbox").fill(since)
    page.locator("#lqa-filter-until").get_by_role("textbox").fill(until)
    if source:
        page.locator("#lqa-filter-source input").click()
        page.get_by_role("option", name=source, exact=True).click()


def ask(page: Any, question: str) -> Any:
    """Send a question and return its answer bubble once the answer has stopped streaming."""
    answers = page.locator("#lqa-chat .lqa-answer")
    before = answers.count()
    page.fill("#lqa-question textarea", question)
    page.press("#lqa-question textarea", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#lqa-chat .lqa-answer:not(.lqa-streaming)').length > n", arg=before
    )
    return answers.nth(before)


def capture(url: str, out: Path) -> None:
    """Ask the question with the filter panel open and save the page as a PNG."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(url)
            page.wait_for_selector("#lqa-question textarea")
            page.wait_for_function("() => !document.body.innerText.includes('Drop File Here')")  # Vietnamese locale
            open_filters(page, since=SINCE)
            answer = ask(page, QUESTION)
            answer.locator(".lqa-alt-table").wait_for()
            # the chat scrolls to its end: bring the answer's head (figure, filter line, table) into view
            answer.evaluate("el => el.scrollIntoView({block: 'start'})")
            page.evaluate("() => window.scrollTo(0, 0)")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where the PNG goes (default: {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    for name, value in OFFLINE_ENV.items():  # an entry point may set the environment (before the imports)
        os.environ.setdefault(name, value)
    with (
        tempfile.TemporaryDirectory(prefix="labour-qa-screenshot-") as workdir,
        dated_app(Path(workdir), answerer="rules") as url,
    ):
        capture(url, args.out)
    print(args.out)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
