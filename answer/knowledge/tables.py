"""Reading the knowledge TSV files shipped in this package (comments '#', a header row, tab-separated)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from importlib import resources


def read_rows(name: str, columns: int) -> list[list[str]]:
    """The data rows of a packaged TSV file, NFC, each padded to ``columns`` cells."""
    text = resources.files("answer.knowledge").joinpath(name).read_text(encoding="utf-8")
    return parse_rows(text, columns)


def parse_rows(text: str, columns: int) -> list[list[str]]:
    """The data rows of TSV text: comments and blank lines skipped, the first row (the header) dropped."""
    rows = []
    for line in unicodedata.normalize("NFC", text).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > columns:
            raise ValueError(f"Row has {len(cells)} cells, expected {columns}: {line!r}")
        rows.append(cells + [""] * (columns - len(cells)))
    return rows[1:]


def split_forms(cell: str) -> tuple[str, ...]:
    """A '|'-separated cell as its forms."""
    return tuple(f.strip() for f in cell.split("|") if f.strip())


def read_phrase_table(name: str, key_of: Callable[[str], str] = str) -> dict[str, tuple[str, ...]]:
    """A two-column table (a key, its "|"-separated phrases) as key -> phrases in the file's order; a duplicate
    key or an empty cell is an error naming the file and the row."""
    out: dict[str, tuple[str, ...]] = {}
    for written, cell in read_rows(name, 2):
        key = key_of(written)
        if key in out:
            raise ValueError(f"{name}: duplicate key {key!r}")
        phrases = split_forms(cell)
        if not key or not phrases:
            raise ValueError(f"{name}: a row needs a key and its phrases: {written!r}")
        out[key] = phrases
    return out


def form_alternation(name: str, columns: int = 2) -> str:
    """A table whose first two columns are a lower-case form and an example its test reads, as one regex alternation
    of its forms, longest first (a form is tried before any shorter one it holds); a bad or repeated row is an error
    naming the file."""
    forms = []
    for form, example, *_ in read_rows(name, columns):
        if not form or form != form.lower() or not example:
            raise ValueError(f"{name}: a row needs a lower-case form and an example: {form!r}")
        forms.append(form)
    if len(forms) != len(set(forms)):
        raise ValueError(f"{name}: a form is listed twice")
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def word_kinds(name: str, kinds: tuple[str, ...], *, one_kind_per_word: bool) -> dict[str, frozenset[str]]:
    """A two-column table (one lower-case word, its kind) as kind -> its words. A bad row, or a word listed twice
    for one kind (or, with one_kind_per_word, for any two kinds), is an error naming the file and the row."""
    out: dict[str, set[str]] = {kind: set() for kind in kinds}
    seen: set[str] = set()
    for word, kind in read_rows(name, 2):
        repeated = word in (seen if one_kind_per_word else out.get(kind, set()))
        if kind not in out or not word or " " in word or word != word.lower() or repeated:
            raise ValueError(f"{name}: bad or repeated row {word!r} {kind!r}")
        seen.add(word)
        out[kind].add(word)
    return {kind: frozenset(words) for kind, words in out.items()}
