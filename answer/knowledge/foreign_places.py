"""Foreign cities and world regions (foreign_places.tsv): the Vietnamese forms of their English names ("Moscow" is
"Mát-xcơ-va"), and the country a city is in."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from answer.knowledge.tables import read_rows, split_forms


@dataclass(frozen=True)
class ForeignPlace:
    english: tuple[str, ...]
    vietnamese: tuple[str, ...]
    country: str | None  # the gazetteer id of a city's country; None for a region


@functools.cache
def foreign_places() -> dict[str, ForeignPlace]:
    """Each English name, lower case -> its row; a bad or repeated row is an error naming it."""
    out: dict[str, ForeignPlace] = {}
    for en, vi, country in read_rows("foreign_places.tsv", 3):
        place = ForeignPlace(split_forms(en), split_forms(vi), None if country == "-" else country)
        if not place.english or not place.vietnamese or not country or (country != "-" and not country.startswith("country.")):
            raise ValueError(f"foreign_places.tsv: bad row {en!r}")
        for name in place.english:
            if name.lower() in out:
                raise ValueError(f"foreign_places.tsv: {name!r} is in two rows")
            out[name.lower()] = place
    return out


def foreign_place(name: str) -> ForeignPlace | None:
    """The row of an English name ("Moscow", "moscow"), None when no row has it."""
    return foreign_places().get(" ".join(name.split()).lower())
