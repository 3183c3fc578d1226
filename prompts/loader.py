"""Load prompt templates shipped as package data and check their variables.

File format of prompts/<name>.txt (UTF-8):

    # variables: question, sources, not_found
    <template text in str.format syntax; {{ and }} are literal braces>

The header line declares the template's variables; loading fails with a ValueError when the
`{fields}` used in the text differ from the declared list, so a typo in a template is caught at
load time rather than as a KeyError at answer time.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_HEADER = re.compile(r"^#\s*variables\s*:\s*(.*)$")
_NAME = re.compile(r"^[a-z0-9_]+$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class PromptTemplate:
    """A checked template: `format` fills exactly its declared variables."""

    name: str
    text: str
    variables: tuple[str, ...]

    def format(self, **kwargs: Any) -> str:
        """Fill the template; a missing or unexpected variable is a ValueError."""
        missing = [v for v in self.variables if v not in kwargs]
        extra = sorted(k for k in kwargs if k not in self.variables)
        problems = []
        if missing:
            problems.append(f"missing variables: {', '.join(missing)}")
        if extra:
            problems.append(f"unexpected variables: {', '.join(extra)}")
        if problems:
            raise ValueError(f"prompt {self.name!r}: {'; '.join(problems)}")
        return self.text.format(**kwargs)


def available_prompts() -> list[str]:
    """Names of the templates shipped in the prompts package."""
    folder = resources.files("prompts")
    return sorted(p.name[: -len(".txt")] for p in folder.iterdir() if p.name.endswith(".txt"))


@cache
def load_prompt(name: str) -> PromptTemplate:
    """Read prompts/<name>.txt and check that its fields match its declared variables."""
    if not _NAME.match(name):
        raise ValueError(f"invalid prompt name {name!r}: use lowercase letters, digits and _")
    resource = resources.files("prompts").joinpath(f"{name}.txt")
    if not resource.is_file():
        raise ValueError(f"no prompt named {name!r}; available: {', '.join(available_prompts())}")
    raw = unicodedata.normalize("NFC", resource.read_text(encoding="utf-8"))
    return parse_prompt(name, raw)


def parse_prompt(name: str, raw: str) -> PromptTemplate:
    """Build a PromptTemplate from a template file's text (header line + body)."""
    header, _, body = raw.partition("\n")
    match = _HEADER.match(header.strip())
    if match is None:
        raise ValueError(f"prompt {name!r}: the first line must be '# variables: a, b, ...'")
    declared = [v.strip() for v in match.group(1).split(",") if v.strip()]
    for variable in declared:
        if not _IDENTIFIER.match(variable):
            raise ValueError(f"prompt {name!r}: {variable!r} is not a valid variable name")
    if len(set(declared)) != len(declared):
        raise ValueError(f"prompt {name!r}: a variable is declared twice")
    used = _fields(name, body)
    undeclared = sorted(used - set(declared))
    unused = [v for v in declared if v not in used]
    if undeclared or unused:
        parts = []
        if undeclared:
            parts.append(f"uses undeclared variables: {', '.join(undeclared)}")
        if unused:
            parts.append(f"declares unused variables: {', '.join(unused)}")
        raise ValueError(f"prompt {name!r} {'; '.join(parts)}")
    return PromptTemplate(name=name, text=body, variables=tuple(declared))


def _fields(name: str, body: str) -> set[str]:
    """The plain {name} fields of a format string; attribute, index and spec fields are refused."""
    fields: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(body))
    except ValueError as exc:  # unbalanced braces
        raise ValueError(f"prompt {name!r}: {exc}") from exc
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        # Only bare names: "{a.b}" or "{0}" would let a template reach into objects or positions.
        if not _IDENTIFIER.match(field) or spec or conversion:
            raise ValueError(f"prompt {name!r}: only plain {{name}} fields are allowed, got {{{field}}}")
        fields.add(field)
    return fields
