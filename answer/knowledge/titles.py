"""Titles a person holds (titles.tsv): the Vietnamese title noun and the English forms of the same post."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows, split_forms


@functools.cache
def titles() -> dict[str, tuple[str, ...]]:
    """Vietnamese title noun -> its English forms (possibly none), in the file's order; a bad row is an error."""
    out: dict[str, tuple[str, ...]] = {}
    for vi, en in read_rows("titles.tsv", 2):
        forms = split_forms(en)
        if not vi or vi != vi.lower() or vi in out or any(f != f.lower() for f in forms):
            raise ValueError(f"titles.tsv: bad or repeated row {vi!r} {en!r}")
        out[vi] = forms
    return out
