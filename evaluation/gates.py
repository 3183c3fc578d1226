"""The floors `labour-qa eval` can hold a run to, each failure said in one line with its shortfall."""

from __future__ import annotations

from dataclasses import dataclass

from evaluation.runner import EvalReport


@dataclass(frozen=True)
class Floors:
    """The lowest acceptable value of each gated metric (0..1); None leaves it ungated."""

    accuracy: float | None = None  # --min: the lowest of answer, citation and refusal accuracy
    precision: float | None = None  # --min-precision: precision when found
    coverage: float | None = None  # --min-coverage: found answers to answerable questions
    traps: float | None = None  # --min-traps: traps refused

    def __post_init__(self) -> None:
        for name in ("accuracy", "precision", "coverage", "traps"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 1:
                raise ValueError(f"the {name} floor must be within 0..1, got {value}")


def _below(label: str, value: float, detail: str, option: str, floor: float) -> str | None:
    if value >= floor:
        return None
    return f"{label} {value:.3f} ({detail}) is below {option} {floor:g} by {floor - value:.3f}"


def failed_floors(report: EvalReport, floors: Floors) -> list[str]:
    """One line per floor the report falls short of, naming the metric, the option and the gap.

    A gated rate with nothing to count (no found answer, no trap) fails: a floor nobody can check
    must not pass silently.
    """
    failures: list[str] = []
    o = report.overall
    if floors.accuracy is not None:
        worst = min(report.answer_accuracy, report.citation_accuracy, report.refusal_accuracy)
        line = _below("accuracy", worst, "lowest of answer, citation, refusal", "--min", floors.accuracy)
        failures += [line] if line else []
    gated = [
        ("precision when found", o.precision, f"{o.found_correct}/{o.found}", "--min-precision", floors.precision,
         "no question was answered"),
        ("coverage", o.coverage, f"{o.found_answerable}/{o.answerable}", "--min-coverage", floors.coverage,
         "the scored questions hold no answerable one"),
        ("traps refused", o.traps_refused_rate, f"{o.traps_refused}/{o.traps}", "--min-traps", floors.traps,
         "the scored questions hold no trap"),
    ]
    for label, value, detail, option, floor, why_none in gated:
        if floor is None:
            continue
        if value is None:
            failures.append(f"{label} cannot be measured ({why_none}), so {option} {floor:g} fails")
            continue
        line = _below(label, value, detail, option, floor)
        failures += [line] if line else []
    return failures
