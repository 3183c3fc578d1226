"""The periods a rate is counted over (rate_periods.tsv): the Vietnamese word, the English noun and adverbs."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from answer.knowledge.tables import read_rows, split_forms


@dataclass(frozen=True)
class RatePeriod:
    vi: str  # "tháng"
    en: str  # "month", also the period's name
    adverbs: tuple[str, ...]  # "monthly"


@functools.cache
def rate_periods() -> tuple[RatePeriod, ...]:
    """The table's rows in order; a bad or repeated row is an error naming it."""
    out: list[RatePeriod] = []
    for vi, en, adverbs in read_rows("rate_periods.tsv", 3):
        period = RatePeriod(vi, en, split_forms(adverbs))
        words = (vi, en, *period.adverbs)
        if not all(words) or any(w != w.lower() or " " in w for w in words) or vi in {p.vi for p in out}:
            raise ValueError(f"rate_periods.tsv: bad or repeated row {vi!r} {en!r} {adverbs!r}")
        out.append(period)
    return tuple(out)


@functools.cache
def period_words() -> dict[str, str]:
    """Each period's Vietnamese word -> its English noun ("tháng" -> "month")."""
    return {p.vi: p.en for p in rate_periods()}
