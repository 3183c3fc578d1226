"""Titles a person holds (titles.tsv): the Vietnamese title noun, the English forms of the same post a question may
use, and the post as an English answer writes it."""

from __future__ import annotations

import functools

from answer.knowledge.tables import read_rows, split_forms


@functools.cache
def _rows() -> list[tuple[str, tuple[str, ...], str]]:
    out: list[tuple[str, tuple[str, ...], str]] = []
    seen: set[str] = set()
    for vi, en, shown in read_rows("titles.tsv", 3):
        forms = split_forms(en)
        if not vi or vi != vi.lower() or vi in seen or any(f != f.lower() for f in forms) or not shown:
            raise ValueError(f"titles.tsv: bad or repeated row {vi!r} {en!r} {shown!r}")
        seen.add(vi)
        out.append((vi, forms, shown))
    return out


@functools.cache
def titles() -> dict[str, tuple[str, ...]]:
    """Vietnamese title noun -> its English question forms (possibly none), in the file's order; a bad row is an
    error."""
    return {vi: forms for vi, forms, _ in _rows()}


@functools.cache
def titles_longest_first() -> tuple[str, ...]:
    """The Vietnamese title nouns, longest first, so a pattern or a scan tries "phó chủ tịch" before "chủ tịch"."""
    return tuple(sorted(titles(), key=len, reverse=True))


@functools.cache
def shown_titles() -> dict[str, str]:
    """Vietnamese title noun -> the post as an English answer writes it ("giám đốc" -> "Director")."""
    return {vi: shown for vi, _, shown in _rows()}
