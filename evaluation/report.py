"""An evaluation report as Markdown, JSON and PNG charts (metrics, risk-coverage), plus the CLI's summary."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections.abc import Sequence
from pathlib import Path

from evaluation.runner import EvalReport, GroupMetrics, QuestionResult
from evaluation.scoring import hit_at

_MAX_CELL = 160
NOT_AVAILABLE = "n/a"  # a rate whose denominator is zero


def _metrics(report: EvalReport) -> list[tuple[str, float | None, str]]:
    """(label, share or None when it does not exist, detail) for each accuracy-like metric, in display order."""
    retrieval = report.retrieval_scored
    ranks = [r.hit_rank for r in report.results if r.answerable and r.retrieval_scored]
    top1 = sum(1 for rank in ranks if hit_at(rank, 1))
    topk = sum(1 for rank in ranks if hit_at(rank, report.k))
    o = report.overall
    return [
        ("answer accuracy", report.answer_accuracy, f"{report.answer_correct}/{report.questions}"),
        ("accuracy on answerable", o.accuracy, f"{o.answerable_correct}/{o.answerable}"),
        ("precision when found", o.precision, f"{o.found_correct}/{o.found}"),
        ("coverage", o.coverage, f"{o.found_answerable}/{o.answerable}"),
        ("traps refused", o.traps_refused_rate, f"{o.traps_refused}/{o.traps}"),
        ("extracted accuracy", report.extracted_accuracy, f"{report.extracted_correct}/{report.extracted_scored}"),
        ("citation accuracy", report.citation_accuracy, f"{report.citation_correct}/{report.answerable}"),
        ("refusal accuracy", report.refusal_accuracy, f"{report.refusal_correct}/{report.unanswerable}"),
        ("false refusals", report.false_refusal_rate, f"{report.false_refusals}/{report.answerable}"),
        ("hit@1", report.hit_at_1, f"{top1}/{retrieval}"),
        (f"hit@{report.k}", report.hit_at_k, f"{topk}/{retrieval}"),
    ]


def _rate(share: float | None) -> str:
    return NOT_AVAILABLE if share is None else f"{share:.3f}"


_GROUP_COLUMNS = ("questions", "accuracy on answerable", "precision when found", "coverage", "traps refused")
_TRAP_COLUMNS = ("questions", "traps refused")  # a trap table's other rates are all about answerable questions


def _group_cells(group: GroupMetrics, columns: Sequence[str] = _GROUP_COLUMNS) -> list[str]:
    """The cells of one group's row for the given columns, each rate with its count."""
    cells = {
        "questions": str(group.questions),
        "accuracy on answerable": f"{_rate(group.accuracy)} ({group.answerable_correct}/{group.answerable})",
        "precision when found": f"{_rate(group.precision)} ({group.found_correct}/{group.found})",
        "coverage": f"{_rate(group.coverage)} ({group.found_answerable}/{group.answerable})",
        "traps refused": f"{_rate(group.traps_refused_rate)} ({group.traps_refused}/{group.traps})",
    }
    return [cells[column] for column in columns]


_Table = tuple[str, tuple[str, ...], tuple[GroupMetrics, ...]]


def _group_tables(report: EvalReport) -> list[tuple[str, tuple[str, ...], list[list[str]]]]:
    """(title, header, rows of cells) of each breakdown that has rows."""
    tables: list[_Table] = [
        ("by language", ("language", *_GROUP_COLUMNS), report.by_language),
        ("by type", ("type", *_GROUP_COLUMNS), report.by_type),
        ("by trap", ("trap", *_TRAP_COLUMNS), report.by_trap),
    ]
    return [
        (title, header, [[g.group, *_group_cells(g, header[1:])] for g in groups])
        for title, header, groups in tables
        if groups
    ]


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell, two spaces apart, indented under a heading."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in (header, *rows)]


def _why_no_curve(report: EvalReport) -> str:
    """Why the report has no risk-coverage curve, in a phrase."""
    found = [r for r in report.results if r.found]
    if not found:
        return "nothing was found"
    missing = sum(1 for r in found if r.confidence is None)
    if missing == len(found):
        return "no found answer carries a confidence"
    return f"{missing} of {len(found)} found answers carry no confidence"


def _curve_line(report: EvalReport) -> str:
    if not report.risk_coverage:
        return f"risk-coverage: none ({_why_no_curve(report)})"
    point = report.risk_coverage[-1]
    return (
        f"risk-coverage: {len(report.risk_coverage)} thresholds; operating point: coverage {point.coverage:.3f}, "
        f"precision {point.precision:.3f} at confidence >= {point.threshold:.3f}"
    )


def format_summary(report: EvalReport) -> str:
    """Lines for the terminal: every metric with its count, latency, per-group tables, then the failures' ids."""
    lines = [
        f"questions: {report.questions} ({report.answerable} answerable, {report.unanswerable} unanswerable), "
        f"split {report.split}"
    ]
    lines += [f"{label}: {_rate(share)} ({detail})" for label, share, detail in _metrics(report)]
    lines.append(f"latency: p50 {report.latency_p50_ms:.0f} ms, p95 {report.latency_p95_ms:.0f} ms")
    for title, header, rows in _group_tables(report):
        lines.append(f"{title}:")
        lines += _text_table(header, rows)
    lines.append(_curve_line(report))
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
    confidence = "–" if result.confidence is None else f"{result.confidence:.2f}"
    return (
        f"| {result.id} | {question} | {_mark(result.answer_ok)} | {_mark(result.extracted_ok)} | "
        f"{_mark(result.citation_ok)} | "
        f"{_mark(result.refusal_ok)} | {confidence} | {rank} | {_ms(result.latency_ms)} | {_cell(expected)} | "
        f"{_cell(got)} |"
    )


def _markdown_groups(report: EvalReport) -> list[str]:
    lines: list[str] = []
    for title, header, rows in _group_tables(report):
        lines += [f"## {title.capitalize()}", "", f"| {' | '.join(header)} |", "| --- |" + " ---: |" * (len(header) - 1)]
        lines += [f"| {' | '.join(row)} |" for row in rows]
        lines.append("")
    return lines


def _markdown_curve(report: EvalReport) -> list[str]:
    lines = ["## Risk–coverage", ""]
    if not report.risk_coverage:
        return lines + [f"No curve: {_why_no_curve(report)}.", ""]
    lines += [
        "Found answers kept when their confidence is at least the threshold; coverage is over answerable "
        "questions, risk is 1 − precision. The last row is the operating point (risk_coverage.png).",
        "",
        "| confidence ≥ | kept | correct | coverage | precision | risk |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {p.threshold:.3f} | {p.kept} | {p.correct} | {p.coverage:.3f} | {p.precision:.3f} | {1 - p.precision:.3f} |"
        for p in report.risk_coverage
    ]
    return lines + [""]


def to_markdown(report: EvalReport) -> str:
    """The full report: metrics table, per-group tables, the curve, then one row per question."""
    lines = [
        "# Evaluation report",
        "",
        f"{report.questions} questions ({report.answerable} answerable, {report.unanswerable} unanswerable), "
        f"split {report.split}, started {report.started_at or 'n/a'}, {report.seconds:.1f} s.",
        "",
        "| metric | value | count |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {label} | {_rate(share)} | {detail} |" for label, share, detail in _metrics(report)]
    lines += [
        f"| latency p50 | {_ms(report.latency_p50_ms)} ms | |",
        f"| latency p95 | {_ms(report.latency_p95_ms)} ms | |",
        "",
        *_markdown_groups(report),
        *_markdown_curve(report),
        "## Questions",
        "",
        "Answer ✓ means the expected text is in the answer (or, when unanswerable, it was refused); "
        "extracted ✓ means it is in the extracted figure itself; "
        "citation ✓ means a cited sentence holds the evidence with exact offsets; "
        "confidence is the answer's own probability of being right; "
        f"rank is the evidence sentence's place in the top {report.k} search hits.",
        "",
        "| id | question | answer | extracted | citation | found/refused | confidence | rank | ms | expected "
        "| wrong answer |",
        "| --- | --- | :-: | :-: | :-: | :-: | ---: | :-: | ---: | --- | --- |",
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
    labels = [
        textwrap.fill(label, 11) + ("\n(lower is better)" if label == "false refusals" else "")
        for label, _, _ in metrics
    ]
    values = [share or 0.0 for _, share, _ in metrics]
    colors = ["#c0504d" if label == "false refusals" else "#4f81bd" for label, _, _ in metrics]
    bars = axes.bar(labels, values, color=colors)
    for bar, (_, share, detail) in zip(bars, metrics):
        axes.annotate(
            f"{NOT_AVAILABLE if share is None else f'{share:.2f}'}\n{detail}",
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
    axes.tick_params(axis="x", labelsize=7)
    figure.tight_layout()
    figure.savefig(path, format="png")
    return path


def write_risk_coverage(report: EvalReport, path: Path) -> Path | None:
    """Precision (y) against coverage (x) over the confidence thresholds, operating point marked; PNG.

    None, and no file, when the answers carry no confidence.
    """
    if not report.risk_coverage:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    points = report.risk_coverage
    figure = Figure(figsize=(7, 5), dpi=100)
    axes = figure.subplots()
    axes.plot([p.coverage for p in points], [p.precision for p in points], marker="o", markersize=3, color="#4f81bd")
    operating = points[-1]
    axes.plot([operating.coverage], [operating.precision], marker="*", markersize=16, color="#c0504d", linestyle="")
    axes.annotate(
        f"operating point\ncoverage {operating.coverage:.2f}, precision {operating.precision:.2f}\n"
        f"confidence ≥ {operating.threshold:.2f}",
        (operating.coverage, operating.precision),
        xytext=(-10, -40),
        textcoords="offset points",
        ha="right",
        fontsize=8,
    )
    axes.set_xlim(0, 1.02)
    axes.set_ylim(0, 1.05)
    axes.set_xlabel("coverage (found answers to answerable questions / answerable questions)")
    axes.set_ylabel("precision when found (risk = 1 − precision)")
    axes.set_title(f"Risk–coverage: {operating.kept} found answers by confidence")
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, format="png")
    return path


def write_report(report: EvalReport, out_dir: str | Path) -> dict[str, Path]:
    """Write report.md, report.json, report.png and, with confidences, risk_coverage.png into out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"markdown": out / "report.md", "json": out / "report.json", "png": out / "report.png"}
    paths["markdown"].write_text(to_markdown(report), encoding="utf-8")
    paths["json"].write_text(
        json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    write_chart(report, paths["png"])
    curve = write_risk_coverage(report, out / "risk_coverage.png")
    if curve is not None:
        paths["risk_coverage"] = curve
    else:
        # a curve left by an earlier run would describe answers this report does not hold
        (out / "risk_coverage.png").unlink(missing_ok=True)
    return paths
