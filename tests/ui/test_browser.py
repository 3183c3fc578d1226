"""End to end in headless Chromium: the real LabourQA over the sample corpus, served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from settings import SAMPLE_CORPUS_DIR, Settings

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A new fact, in a paragraph that also carries markup an attacker might plant in an article.
UPLOAD_NAME = "tin-moi-2023.txt"
UPLOAD_TEXT = (
    "Tổng kết công tác việc làm năm 2023\n\n"
    "(BTV) Sáng 20/12/2023, Sở Lao động, Thương binh và Xã hội tổng kết công tác việc làm năm 2023.\n\n"
    "Trong năm 2023, toàn tỉnh đã giải quyết việc làm mới cho 27.450 lao động. "
    "Bài có <script>alert(1)</script> và ảnh ![x](http://evil.example/x.png) "
    '<img src="http://evil.example/y.png" onerror="alert(2)"> để thử.\n\n'
    "Các chương trình đào tạo nghề tiếp tục được triển khai ở các huyện.\n"
)


# Every wait is on state (a status text, a table row, a class), so a busy machine only makes it slower;
# the timeout is there to end a test that is really stuck.
STATE_TIMEOUT_MS = 300_000


def artifacts_dir() -> Path:
    path = Path(os.environ.get("LABOUR_QA_TEST_ARTIFACTS", "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Watch:
    """What the page did that it must not: requests leaving the machine, dialogs it opened itself."""

    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")
    from service import LabourQA
    from ui.app import serving

    root = tmp_path_factory.mktemp("ui-e2e")
    samples = root / "samples"
    shutil.copytree(SAMPLE_CORPUS_DIR, samples)
    # small batches: the upload test waits for one commit, and cancel for the batch in flight
    settings = Settings(index_dir=root / "index", concurrency_limit=2, max_upload_mb=1, ingest_batch_sentences=128)
    qa = LabourQA(settings)
    qa.ingest([samples])
    with serving(qa, settings) as url:
        yield url


@pytest.fixture()
def page_and_watch(server: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_page(server, tmp_path) as (page, watch):
        yield page, watch


@contextmanager
def open_page(server: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh Chromium profile on the server's page, with a Watch on what leaves the machine and on dialogs."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 1100},
            accept_downloads=True,
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
        watch = Watch()
        page = context.new_page()

        def on_request(request) -> None:  # type: ignore[no-untyped-def]
            if not re.match(r"^(https?|wss?)://127\.0\.0\.1:\d+/", request.url) and not request.url.startswith(
                ("data:", "blob:", "about:")
            ):
                watch.outside.append(request.url)

        def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
            # Only our own delete confirmation may open a dialog; anything else is injected script.
            if dialog.type == "confirm" and "Xoá bài viết" in dialog.message:
                watch.confirms.append(dialog.message)
                dialog.accept()
            else:
                watch.dialogs.append(f"{dialog.type}: {dialog.message}")
                dialog.dismiss()

        context.on("request", on_request)
        page.on("dialog", on_dialog)
        page.set_default_timeout(STATE_TIMEOUT_MS)
        page.goto(server)
        page.wait_for_selector("#lqa-question textarea")
        try:
            yield page, watch
        finally:
            context.close()


# ---- English on a Vietnamese page -------------------------------------------------------------------

# Names and formats, not English: shown as they are in a Vietnamese UI.
ALLOWED_WORDS = {"btv", "online", "markdown", "pdf", "docx", "jsonl", "txt", "html", "htm", "md", "gz", "mb"}


# English that reached the page before (issue 10) from outside Gradio's locale file and our string table.
KNOWN_LEAKS = "year mismatch asked evidence empty file not pdf exceed exceeds maximum allowed size error warning"


def english_vocabulary() -> set[str]:
    """Every word of Gradio's English strings and of our English UI, minus words Vietnamese text uses."""
    import gradio

    from ui.gradio_text import GRADIO_VI
    from ui.strings import _EN, _VI  # noqa: PLC2701 - the two tables are what we compare

    assets = Path(gradio.__file__).parent / "templates" / "frontend" / "assets"
    english = " ".join(path.read_text(encoding="utf-8") for path in assets.glob("core-*.js"))
    english = " ".join(re.findall(r"`([^`]*)`", english)) + " " + " ".join(_EN.values())
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", english)}
    words |= set(KNOWN_LEAKS.split())
    vietnamese = " ".join([*_VI.values(), *(v for group in GRADIO_VI.values() for v in group.values())])
    vietnamese = re.sub(r"\{\w*\}", " ", vietnamese)  # placeholders are not text
    return words - {w.lower() for w in re.findall(r"\w+", vietnamese)} - ALLOWED_WORDS


_VOCABULARY: set[str] = set()


def assert_no_english(text: str, where: str) -> None:
    if not _VOCABULARY:
        _VOCABULARY.update(english_vocabulary())
    found = sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in _VOCABULARY})
    assert not found, f"English on the Vietnamese page ({where}): {found}"


def ask(page, question: str):  # type: ignore[no-untyped-def]
    """Type a question, send it, and return the final answer bubble (once its text stops streaming)."""
    return screenshot_script().ask(page, question)  # the README screenshot asks the same way


def upload_files(page, files: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """Put files in the upload box and wait until the server holds them (one preview row per file)."""
    page.locator("#lqa-upload input[type=file]").set_input_files(files)
    page.wait_for_function(
        "n => document.querySelectorAll('#lqa-upload .file-preview tbody tr').length >= n", arg=len(files)
    )


def wait_for_status(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        "t => document.querySelector('#lqa-status textarea')?.value.includes(t)", arg=text
    )


def documents_after_a_user_error(page, out: Path) -> None:  # type: ignore[no-untyped-def]
    """A refused oversize file, then "Thêm vào chỉ mục" with nothing to add: only the message shows, and the
    count, the table and the article list stay as they were (no red error badges)."""
    before = {sel: page.locator(sel).inner_text() for sel in ("#lqa-doc-count", "#lqa-doc-table", "#lqa-article")}
    assert page.locator("#lqa-status textarea").input_value() == ""
    big = {"name": "qua-lon.txt", "mimeType": "text/plain", "buffer": b"a" * (1024 * 1024 + 10)}
    page.locator("#lqa-upload input[type=file]").set_input_files([big])
    page.wait_for_function("() => document.querySelector('.toast-body')?.innerText.includes('Tệp quá lớn')")
    toast = page.locator(".toast-body").first.inner_text()
    assert "Lỗi" in toast and "qua-lon.txt" in toast
    page.screenshot(path=str(out / "ui-documents-size-refused.png"), full_page=True)
    assert_no_english(page.locator("body").inner_text(), "the size refusal")
    page.locator("[data-testid=toast-close]").first.click()
    page.click("#lqa-ingest")
    wait_for_status(page, "Chưa chọn tệp nào.")
    for selector, text in before.items():
        assert page.locator(selector).inner_text() == text, selector
    tab = page.locator("#lqa-tab-documents")
    assert "Lỗi" not in tab.inner_text() and "Error" not in tab.inner_text()
    assert tab.locator(".error:visible").count() == 0
    page.screenshot(path=str(out / "ui-documents-after-error.png"), full_page=True)


def test_chat_documents_upload_and_safety(page_and_watch) -> None:  # type: ignore[no-untyped-def]
    page, watch = page_and_watch
    out = artifacts_dir()
    try:
        scenario(page, watch, out)
    except BaseException:
        page.screenshot(path=str(out / "ui-failure.png"), full_page=True)  # to see what the page showed
        raise


def scenario(page, watch: Watch, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Chat, export, documents, upload, view, cited upload, delete; nothing leaves, nothing pops up."""
    # The empty chat offers example questions the sample corpus answers, and says everything in Vietnamese.
    assert "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?" in page.locator("#lqa-chat").inner_text()
    page.wait_for_function("() => !document.body.innerText.includes('Drop File Here')")  # Gradio's locale switch
    assert_no_english(page.locator("body").inner_text(), "the empty chat")
    page.screenshot(path=str(out / "ui-vietnamese-chat.png"), full_page=True)

    answer = ask(page, "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?")
    assert "lqa-found" in answer.get_attribute("class")
    assert "163.600" in answer.locator(".lqa-figure").inner_text()
    assert answer.locator(".lqa-cite-ref").first.inner_text() == "[1]"
    card = answer.locator("details.lqa-card-source").first
    assert not card.locator(".lqa-context").is_visible()  # collapsed until opened
    card.locator("summary").click()
    assert card.locator(".lqa-context").is_visible()
    # the clause that holds the figure is marked strongly, the rest of its long sentence lightly
    clause = card.locator("mark.lqa-clause").inner_text()
    assert "163.600" in clause and "8.100" not in clause
    assert "8.100" in card.locator(".lqa-sentence").inner_text()
    assert "BTV" in card.locator(".lqa-meta").inner_text() and "2022" in card.locator(".lqa-meta").inner_text()
    page.screenshot(path=str(out / "ui-chat.png"), full_page=True)
    assert_no_english(page.locator("body").inner_text(), "an answer")

    # A follow-up in the same session is answered with the conversation's context.
    follow = ask(page, "Tổng kinh phí là bao nhiêu?")
    assert "lqa-found" in follow.get_attribute("class")
    assert "200 tỷ" in follow.inner_text()

    missing = ask(page, "Mức lương tối thiểu vùng năm 2030 là bao nhiêu?")
    assert "lqa-not-found" in missing.get_attribute("class")
    assert missing.locator(".lqa-card-source").count() == 0
    page.screenshot(path=str(out / "ui-chat-not-found.png"), full_page=True)

    # The conversation downloads as Markdown with footnotes.
    with page.expect_download() as download_info:
        page.click("#lqa-export")
    markdown = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "163.600" in markdown and "[^1]:" in markdown and markdown.count("## ") == 3
    # ... and the chat's copy button puts the same Markdown on the clipboard.
    page.locator("#lqa-chat").get_by_role("button", name="Sao chép (Markdown)").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()).includes('[^1]:')")
    assert page.evaluate("navigator.clipboard.readText()") == markdown

    # A question typed without marks is answered, and the chat says how it read it.
    unmarked = ask(page, "bao nhieu nguoi thuoc ho ngheo duoc cap the bao hiem y te?")
    assert "lqa-found" in unmarked.get_attribute("class")
    assert "8.000" in unmarked.locator(".lqa-figure").inner_text()
    assert "bao nhiêu người thuộc hộ nghèo được cấp thẻ bảo hiểm y tế?" in unmarked.locator(".lqa-resolved").inner_text()
    unmarked.screenshot(path=str(out / "ui-chat-unmarked.png"))

    # Documents: the two sample articles, then an upload with a new fact.
    page.get_by_role("tab", name="Tài liệu").click()
    table = page.locator("#lqa-doc-table")
    page.wait_for_function("() => document.querySelector('#lqa-doc-count')?.innerText.includes('2 bài viết')")
    assert "BTV" in table.inner_text() and "LĐ online" in table.inner_text()
    assert_no_english(page.locator("body").inner_text(), "the Documents tab")
    page.screenshot(path=str(out / "ui-vietnamese-documents.png"), full_page=True)

    documents_after_a_user_error(page, out)

    bad = {"name": "virus.exe", "mimeType": "application/octet-stream", "buffer": b"MZ"}
    good = {"name": UPLOAD_NAME, "mimeType": "text/plain", "buffer": UPLOAD_TEXT.encode("utf-8")}
    upload_files(page, [good, bad])
    page.click("#lqa-ingest")
    # the upload is a background job: its outcome reaches the status box when the job ends
    wait_for_status(page, "Việc #1: Đã thêm 1")
    status = page.locator("#lqa-status textarea").input_value()
    assert "lỗi 1" in status and "virus.exe: loại tệp không được hỗ trợ" in status
    page.wait_for_function("() => document.querySelector('#lqa-doc-count')?.innerText.includes('3 bài viết')")
    assert "xong" in page.locator("#lqa-jobs").inner_text()
    assert "Tổng kết công tác việc làm năm 2023" in table.inner_text()

    # View the new article's clean text.
    page.click("#lqa-article input")
    page.get_by_role("option", name=re.compile("Tổng kết công tác việc làm năm 2023")).click()
    page.click("#lqa-view")
    page.wait_for_function("() => document.querySelector('#lqa-article-text textarea')?.value.includes('27.450')")
    page.wait_for_timeout(500)  # let the closed dropdown's fade-out finish before the screenshot
    page.screenshot(path=str(out / "ui-documents.png"), full_page=True)

    # Back in the chat, the uploaded fact is answered and cited, its markup shown as text.
    page.get_by_role("tab", name="Hỏi đáp").click()
    new = ask(page, "Năm 2023 toàn tỉnh giải quyết việc làm mới cho bao nhiêu lao động?")
    assert "lqa-found" in new.get_attribute("class")
    assert "27.450" in new.locator(".lqa-figure").inner_text()
    new_card = new.locator("details.lqa-card-source", has_text="Tổng kết công tác việc làm năm 2023").first
    new_card.locator("summary").click()
    context = new_card.locator(".lqa-context").inner_text()
    assert "27.450" in new_card.locator("mark").inner_text()
    assert "<script>alert(1)</script>" in context and "![x](http://evil.example/x.png)" in context
    assert page.locator("#lqa-chat script, #lqa-chat img[src*='evil']").count() == 0
    page.wait_for_timeout(500)  # give any injected image or script the chance to fire
    page.screenshot(path=str(out / "ui-chat-upload.png"), full_page=True)

    # Delete the uploaded article (after the confirmation dialog).
    page.get_by_role("tab", name="Tài liệu").click()
    page.click("#lqa-article input")
    page.get_by_role("option", name=re.compile("Tổng kết công tác việc làm năm 2023")).click()
    page.click("#lqa-delete")
    page.wait_for_function("() => document.querySelector('#lqa-doc-count')?.innerText.includes('2 bài viết')")
    assert "Tổng kết công tác việc làm năm 2023" not in table.inner_text()
    assert len(watch.confirms) == 1

    # A second tab is a new session: its chat starts empty. The first tab's trash button clears its own.
    other = page.context.new_page()
    other.goto(page.url)
    other.wait_for_selector("#lqa-question textarea")
    assert other.locator("#lqa-chat .lqa-answer").count() == 0
    other.close()
    page.get_by_role("tab", name="Hỏi đáp").click()
    assert page.locator("#lqa-chat .lqa-answer").count() == 5
    page.click("#lqa-new")
    page.wait_for_function("() => document.querySelectorAll('#lqa-chat .lqa-answer').length === 0")
    assert "Ai chủ trì hội nghị tổng kết năm 2020?" in page.locator("#lqa-chat").inner_text()

    assert watch.dialogs == []
    assert watch.outside == []


def big_jsonl(n: int) -> bytes:
    """n distinct news articles as JSONL: enough sentences to keep the embedder busy for a while."""
    import json

    lines = []
    for i in range(n):
        body = " ".join(
            f"Trong tháng {1 + (i + j) % 12}, xã số {i} đã hỗ trợ {200 + 3 * i + j} lao động học nghề." for j in range(6)
        )
        record = {"id": f"lon-{i}", "title": f"Tin học nghề số {i}", "date": "2023-06-01", "source": "BTV", "body": body}
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_the_chat_answers_while_a_big_upload_is_indexed_and_cancel_keeps_the_index_whole(page_and_watch, server) -> None:  # type: ignore[no-untyped-def]
    page, watch = page_and_watch
    out = artifacts_dir()
    try:
        page.get_by_role("tab", name="Tài liệu").click()
        page.wait_for_function("() => /\\d+ bài viết/.test(document.querySelector('#lqa-doc-count')?.innerText || '')")
        before = int(re.search(r"(\d+) bài viết", page.locator("#lqa-doc-count").inner_text()).group(1))
        upload_files(page, [{"name": "tin-lon.jsonl", "mimeType": "application/json", "buffer": big_jsonl(1500)}])
        page.click("#lqa-ingest")
        wait_for_status(page, "Đã nhận 1 tệp")
        # wait on state: the job is running and has committed a first batch
        page.wait_for_function(
            "() => /[1-9]\\d*\\/1500 bài/.test(document.querySelector('#lqa-jobs .lqa-job-running')?.innerText || '')"
        )
        assert "đang lập chỉ mục" in page.locator("#lqa-jobs").inner_text()
        page.screenshot(path=str(out / "ui-upload-progress.png"), full_page=True)
        assert_no_english(page.locator("body").inner_text(), "the upload progress")

        # the chat answers meanwhile: the answer arrives while the job is still running
        page.get_by_role("tab", name="Hỏi đáp").click()
        answer = ask(page, "Tỷ lệ hộ nghèo cuối năm 2020 là bao nhiêu?")
        assert "1,31" in answer.inner_text()
        page.get_by_role("tab", name="Tài liệu").click()
        assert page.locator("#lqa-jobs .lqa-job-running").count() == 1, "the upload ended before the answer came"

        page.click("#lqa-cancel")
        page.wait_for_selector("#lqa-jobs .lqa-job-cancelled")
        job = page.locator("#lqa-jobs .lqa-job-cancelled").first.inner_text()
        kept = int(re.search(r"(\d+)/1500 bài", job).group(1))
        assert 0 < kept < 1500
        page.wait_for_function(
            "n => document.querySelector('#lqa-doc-count')?.innerText.includes(n + ' bài viết')", arg=before + kept
        )
        page.screenshot(path=str(out / "ui-upload-cancelled.png"), full_page=True)
    except BaseException:
        page.screenshot(path=str(out / "ui-failure-upload.png"), full_page=True)
        raise
    assert watch.dialogs == [] and watch.outside == []


def test_the_login_page_is_vietnamese_and_refuses_a_wrong_password(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright
    from pydantic import SecretStr

    from tests.ui.fakes import FakeQA
    from ui.app import serving

    settings = Settings(index_dir=tmp_path / "index", auth_username="so", auth_password=SecretStr("mat-khau-dai"))
    out = artifacts_dir()
    with serving(FakeQA(), settings) as url:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1000, "height": 700}, locale="en-US")
            page.set_default_timeout(STATE_TIMEOUT_MS)
            page.goto(url)
            page.wait_for_selector("input[name=password]")
            assert_no_english(page.locator("body").inner_text(), "the login page")
            assert "Tên đăng nhập" in page.locator("body").inner_text()
            page.screenshot(path=str(out / "ui-login.png"), full_page=True)
            page.fill("input[name=username]", "so")
            page.fill("input[name=password]", "sai")
            page.click("button[type=submit]")
            page.wait_for_selector("p.error")
            assert page.locator("p.error").inner_text() == "Sai tên đăng nhập hoặc mật khẩu."
            assert_no_english(page.locator("body").inner_text(), "a refused login")
            page.screenshot(path=str(out / "ui-login-refused.png"), full_page=True)
            page.fill("input[name=password]", "mat-khau-dai")
            page.click("button[type=submit]")
            page.wait_for_selector("#lqa-question textarea")
            page.wait_for_function("() => !document.body.innerText.includes('Drop File Here')")
            assert_no_english(page.locator("body").inner_text(), "the chat after login")
            browser.close()


# ---- the filter panel on dated articles (issue 9, item 2) --------------------------------------------------


@functools.cache
def screenshot_script():  # type: ignore[no-untyped-def]
    """scripts/screenshot_chat.py as a module: the test serves the app the README screenshot shows."""
    import importlib.util
    import sys

    from tests import REPO_ROOT

    spec = importlib.util.spec_from_file_location("screenshot_chat", REPO_ROOT / "scripts" / "screenshot_chat.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshot_chat"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app over tests/fixtures/dated, learned answerer, "today" fixed (as the screenshot script runs it)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")
    with screenshot_script().dated_app(tmp_path_factory.mktemp("ui-dated")) as url:
        yield url


def evidence_rows(answer) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(date, source) of every piece of evidence an answer shows: its citation cards and its alternatives table."""
    rows = []
    for meta in answer.locator(".lqa-card-source .lqa-meta").all():
        date = meta.locator(".lqa-date").text_content().split(": ", 1)[1]
        source = meta.locator(".lqa-source").text_content().split(": ", 1)[1]
        rows.append((date, source))
    for row in answer.locator(".lqa-alt-table tbody tr").all():
        cells = [c.text_content() for c in row.locator("td").all()]
        rows.append((cells[2], cells[3]))
    return rows


def test_the_filter_panel_restricts_the_evidence_and_refuses_a_bad_date_losing_nothing(dated_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = screenshot_script()
    question = script.QUESTION
    with open_page(dated_server, tmp_path) as (page, watch):
        out = artifacts_dir()
        try:
            filter_scenario(page, script, question, out)
        except BaseException:
            page.screenshot(path=str(out / "ui-failure-filters.png"), full_page=True)
            raise
        assert watch.dialogs == [] and watch.outside == []


def filter_scenario(page, script, question: str, out: Path) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function("() => !document.body.innerText.includes('Drop File Here')")
    assert not page.locator("#lqa-filter-since").is_visible()  # "Bộ lọc" starts closed
    # the source list comes from the index when the page loads
    page.locator("#lqa-filters").get_by_role("button").first.click()
    page.locator("#lqa-filter-source input").click()
    options = page.get_by_role("option")
    page.wait_for_function("() => document.querySelectorAll('[role=option]').length === 3")
    assert [o.inner_text().split("\n")[-1].strip() for o in options.all()] == [  # after the ✓ of the chosen one
        "Tất cả nguồn", "Báo Ninh Bình", "Cổng thông tin Sở LĐ-TB&XH"
    ]
    page.keyboard.press("Escape")

    # a malformed date: a Vietnamese error in the chat, the question still in its box, nothing asked
    script.open_filters(page, since="2023-13-01")
    before = page.locator("#lqa-chat .message").count()
    page.fill("#lqa-question textarea", question)
    page.press("#lqa-question textarea", "Enter")
    page.wait_for_selector("#lqa-chat .lqa-error")
    assert "Ô “Từ ngày”: “2023-13-01” không phải ngày hợp lệ" in page.locator("#lqa-chat .lqa-error").inner_text()
    assert page.locator("#lqa-question textarea").input_value() == question
    assert page.locator("#lqa-chat .lqa-question").count() == 0 and page.locator("#lqa-chat .message").count() == before + 1
    assert_no_english(page.locator("body").inner_text(), "a refused filter")

    # until the estimate's month, one newspaper: the labelled estimate answers, every piece of evidence inside
    script.open_filters(page, until="2024-01-01", source="Báo Ninh Bình")
    filtered = ask(page, question)
    assert "lqa-found" in filtered.get_attribute("class")
    assert "25.500" in filtered.locator(".lqa-figure").inner_text()
    assert "ước tính" in filtered.locator(".lqa-period").inner_text()
    assert filtered.locator(".lqa-filters").inner_text() == "Đã lọc: đến 2024-01-01 · nguồn: Báo Ninh Bình"
    evidence = evidence_rows(filtered)
    assert evidence and all(source == "Báo Ninh Bình" and date <= "2024-01-01" for date, source in evidence), evidence
    assert "25.912" not in filtered.inner_text()  # the official figure came out in January, from the portal
    page.screenshot(path=str(out / "ui-chat-filters.png"), full_page=True)
    assert_no_english(page.locator("body").inner_text(), "a filtered answer")

    # cleared: the official figure answers, the others side by side, no filter line
    page.click("#lqa-filter-clear")
    page.wait_for_function("() => document.querySelector('#lqa-filter-until input, #lqa-filter-until textarea').value === ''")
    assert page.locator("#lqa-filter-source input").input_value() == "Tất cả nguồn"
    everything = ask(page, question)
    assert "25.912" in everything.locator(".lqa-figure").inner_text()
    assert everything.locator(".lqa-filters").count() == 0
    assert {source for _, source in evidence_rows(everything)} == {"Báo Ninh Bình", "Cổng thông tin Sở LĐ-TB&XH"}

    # the Markdown export keeps the filter line of the filtered answer only
    with page.expect_download() as download_info:
        page.click("#lqa-export")
    markdown = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert markdown.count("*Đã lọc: đến 2024-01-01 · nguồn: Báo Ninh Bình*") == 1 and markdown.count("## ") == 2
