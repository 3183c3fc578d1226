"""What a sentence is by its form: text (evidence), or a caption, byline, credit or fragment (display only).

News articles carry lines that are not statements: photo captions ("Ảnh minh họa."), bylines ("N.MINH"),
credits ("Ảnh: Nguyễn Hà", "(Theo VTV)") and stray fragments of a word or two. They embed close to every
vague question and must never be cited. The vocabulary is data (line_kinds.tsv, one tested example a row);
this module holds the mechanism.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ingest.models import SentenceKind

# a whole line of at most this many words, with no digit and no sentence-final punctuation, states nothing
FRAGMENT_MAX_WORDS = 3
# captions, bylines and credits are short; anything longer is a statement
_LONGEST_NON_TEXT = 160
_WORD = re.compile(r"[^\W_]+")
_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
_UP = f"[{re.escape(_UPPER)}]"


@dataclass(frozen=True)
class KindRule:
    """One row of line_kinds.tsv."""

    kind: SentenceKind
    whole_line: bool  # scope "line": the sentence must be its line
    pattern: re.Pattern[str]
    example: str


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{UP}", _UP))


@lru_cache(maxsize=1)
def load_rules() -> tuple[KindRule, ...]:
    """The rules of line_kinds.tsv, in file order."""
    text = resources.files("ingest").joinpath("line_kinds.tsv").read_text(encoding="utf-8")
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] not in ("caption", "byline", "credit") or fields[1] not in ("line", "any"):
            raise ValueError(f"line_kinds.tsv:{number}: expected kind, scope (line/any), pattern, example")
        kind, scope, pattern, example = fields
        rules.append(KindRule(kind, scope == "line", _compile(pattern), unicodedata.normalize("NFC", example)))  # type: ignore[arg-type]
    return tuple(rules)


def classify_sentence(text: str, *, whole_line: bool) -> SentenceKind:
    """The kind of a sentence, from its text and whether it is a whole line of its article."""
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > _LONGEST_NON_TEXT:
        return "text"  # a statement: spares every sentence of a big ingest the regexes
    for rule in load_rules():
        if (whole_line or not rule.whole_line) and rule.pattern.fullmatch(text):
            return rule.kind
    if whole_line and _is_fragment(text):
        return "fragment"
    return "text"


def _is_fragment(text: str) -> bool:
    words = _WORD.findall(text)
    return (
        0 < len(words) <= FRAGMENT_MAX_WORDS
        and not any(ch.isdigit() for ch in text)
        and not text.endswith(("?", "!", "…"))
    )
