"""An evaluation report as Markdown, JSON and a PNG bar chart, plus the CLI's short summary."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from evaluation.runner import EvalReport, QuestionResult
from evaluation.scoring import hit_at

_MAX_CELL = 160


def _metrics(report: EvalReport) -> list[tuple[str, float, str]]:
    """(label, share, detail) for each accuracy-like metric, in display order."""
    retrieval = report.retrieval_scored
    ranks = [r.hit_rank for r in report.results if r.answerable and r.retrieval_scored]
    top1 = sum(1 for rank in ranks if hit_at(rank, 1))
    topk = sum(1 for rank in ranks if hit_at(rank, report.k))
    return [
        ("answer accuracy", report.answer_accuracy, f"{report.answer_correct}/{report.questions}"),
        ("extracted accuracy", report.extracted_accuracy, f"{report.extracted_correct}/{report.extracted_scored}"),
        ("citation accuracy", report.citation_accuracy, f"{report.citation_correct}/{report.answerable}"),
        ("refusal accuracy", report.refusal_accuracy, f"{report.refusal_correct}/{report.unanswerable}"),
        ("false refusals", report.false_refusal_rate, f"{report.false_refusals}/{report.answerable}"),
        ("hit@1", report.hit_at_1, f"{top1}/{retrieval}"),
        (f"hit@{report.k}", report.hit_at_k, f"{topk}/{retrieval}"),
    ]


def format_summary(report: EvalReport) -> str:
    """A few lines for the terminal: every metric with its count, latency, then the failures' ids."""
    lines = [
        f"questions: {report.questions} ({report.answerable} answerable, {report.unanswerable} unanswerable)"
    ]
    lines += [f"{label}: {share:.3f} ({detail})" for label, share, detail in _metrics(report)]
    lines.append(f"latency: p50 {report.latency_p50_ms:.0f} ms, p95 {report.latency_p95_ms:.0f} ms")
    wrong = [
        r.id for r in report.results if not r.answer_ok or r.citation_ok is False or r.extracted_ok is False
    ]
    if wrong:
        lines.append(f"wrong: {', '.join(wrong)}")
    return "\n".join(lines)


def _cell(text: str | None) -> str:
    """Text made safe for one Markdown table cell."""
    if not text:
        return ""
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _mark(flag: bool | None) -> str:
    return "–" if flag is None else ("✓" if flag else "✗")


def _question_row(result: QuestionResult) -> str:
    failed = not result.answer_ok or result.citation_ok is False or result.extracted_ok is False
    got = result.answer if failed else ""
    if result.answer_ok and result.citation_ok is False:
        # the figure was right, so what needs seeing is the sentence it leaned on
        cited = result.cited_sentences[0] if result.cited_sentences else "(no citation)"
        got = f"{result.answer} — cited: {cited}"
    if result.extracted_ok is False:
        got = f"extracted: {result.extracted} — {got or result.answer}"
    expected = " / ".join(result.expected) if result.answerable else "(not found)"
    question = _cell(result.question) + (f" ↩ {result.follows}" if result.follows else "")
    rank = "–" if not result.retrieval_scored else (str(result.hit_rank) if result.hit_rank else "miss")
    return (
        f"| {result.id} | {question} | {_mark(result.answer_ok)} | {_mark(result.extracted_ok)} | "
        f"{_mark(result.citation_ok)} | "
        f"{_mark(result.refusal_ok)} | {rank} | {_ms(result.latency_ms)} | {_cell(expected)} | {_cell(got)} |"
    )


def to_markdown(report: EvalReport) -> str:
    """The full report: metrics table, then one row per question with the wrong answers shown."""
    lines = [
        "# Evaluation report",
        "",
        f"{report.questions} questions ({report.answerable} answerable, {report.unanswerable} unanswerable), "
        f"started {report.started_at or 'n/a'}, {report.seconds:.1f} s.",
        "",
        "| metric | value | count |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {label} | {share:.3f} | {detail} |" for label, share, detail in _metrics(report)]
    lines += [
        f"| latency p50 | {_ms(report.latency_p50_ms)} ms | |",
        f"| latency p95 | {_ms(report.latency_p95_ms)} ms | |",
        "",
        "## Questions",
        "",
        "Answer ✓ means the expected text is in the answer (or, when unanswerable, it was refused); "
        "extracted ✓ means it is in the extracted figure itself; "
        "citation ✓ means a cited sentence holds the evidence with exact offsets; "
        f"rank is the evidence sentence's place in the top {report.k} search hits.",
        "",
        "| id | question | answer | extracted | citation | found/refused | rank | ms | expected | wrong answer |",
        "| --- | --- | :-: | :-: | :-: | :-: | :-: | ---: | --- | --- |",
    ]
    lines += [_question_row(r) for r in report.results]
    return "\n".join(lines) + "\n"


def write_chart(report: EvalReport, path: Path) -> Path:
    """A bar chart of the metrics (0..1) with the latency in the title, as PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    from matplotlib.figure import Figure

    metrics = _metrics(report)
    figure = Figure(figsize=(9, 4.2), dpi=100)
    axes = figure.subplots()
    labels = [label + ("\n(lower is better)" if label == "false refusals" else "") for label, _, _ in metrics]
    values = [share for _, share, _ in metrics]
    colors = ["#c0504d" if label == "false refusals" else "#4f81bd" for label, _, _ in metrics]
    bars = axes.bar(labels, values, color=colors)
    for bar, (_, share, detail) in zip(bars, metrics):
        axes.annotate(
            f"{share:.2f}\n{detail}",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
        )
    axes.set_ylim(0, 1.2)
    axes.set_ylabel("share")
    axes.set_title(
        f"{report.questions} questions — latency p50 {report.latency_p50_ms:.0f} ms, "
        f"p95 {report.latency_p95_ms:.0f} ms"
    )
    axes.tick_params(axis="x", labelsize=8)
    figure.tight_layout()
    figure.savefig(path, format="png")
    return path


def write_report(report: EvalReport, out_dir: str | Path) -> dict[str, Path]:
    """Write report.md, report.json and report.png into out_dir (created if needed)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"markdown": out / "report.md", "json": out / "report.json", "png": out / "report.png"}
    paths["markdown"].write_text(to_markdown(report), encoding="utf-8")
    paths["json"].write_text(
        json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    write_chart(report, paths["png"])
    return paths
