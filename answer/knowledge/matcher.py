"""One phrase matcher for every knowledge table: a token trie over diacritic-folded, lower-cased tokens.

One regex compiled from the trie (shared prefixes merged character by character) finds, in C, where a
phrase may start in the folded text; only there are the words tokenised and each phrase's rules checked.

Matching is leftmost-longest over word tokens (letters and digits), so a phrase never matches inside a
word ("Nam" is never found inside "Việt Nam" unless "Nam" itself were a phrase, and "ai" never inside
"tai"). Between the tokens of a phrase the text may put spaces, a hyphen or dash, "&", "/", an
apostrophe or a dot ("Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "TP. HCM", "People's Committee"), and a
comma only where the phrase has one. A phrase opening with the English article ("the Government") gives way to
a phrase starting right after the article that reaches further ("the Government Inspectorate").

How strictly a phrase matches is its mode:

- ``fold``: case-insensitive; the words must be written as in the phrase (case and Vietnamese tone
  placement aside) or all typed without any diacritics ("Ha Noi", "bao nhieu"). Words typed with other
  marks never match ("diễn biến" is not "Điện Biên", "ba lần" is not "Ba Lan"), nor a mix
  ("binh Thuận"). A ``capitalised`` phrase (a proper name) written with marks must be capitalised on
  its first capitalised word.
- ``accent``: case-insensitive, diacritics must be as written ("mấy", "hộ").
- ``exact``: case and diacritics as written ("Mỹ", "Đức", "Hòa Bình", "US").

``guarded`` phrases (single proper-noun syllables such as "Đức", "Nga", "Mỹ") are also refused when they
look like part of a person's or a place's name: right after an honorific ("anh Đức", "chị Nga"), after or
before another capitalised syllable ("Minh Đức", "Mỹ Tho", "Thủ Đức"; one after must be a possible Vietnamese
syllable: "Đức Angela Merkel" is Germany), unless the capitalised syllable before is an ordinary word at the
start of a sentence ("Tại Đức", "Sang Nhật"), or right before an honorific ("Ý ông là..." is "his idea", not
Italy).

A phrase whose value is ``None`` is a blocker: it matches like any phrase (so, being longer, it shadows
the phrases inside it, e.g. "Thái Bình Dương" over "Thái Bình", and, starting earlier, the phrases
that start inside it, e.g. "cán bộ" over "Bộ Y tế" in "cán bộ y tế") and is never reported.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from answer.knowledge.english_words import is_english_word
from index.lexical import fold
from ingest.vietnamese import is_vietnamese_syllable

Mode = Literal["fold", "accent", "exact"]
V = TypeVar("V")

_TOKEN = re.compile(r"[^\W_]+")
# what may stand between two tokens of one phrase; a dot followed by a space only after an abbreviation
_GAP = re.compile(r"\s*[-\u2010-\u2015&/,'\u2019]?\s*")
_DOT_GAP = re.compile(r"\.\s?")
_GAP_CHARS = r"\W{1,5}"  # a superset of the gaps above (checked in Python); a category compiles fast
_CONTEXT = 24  # characters searched before a candidate for the two words before it

# Old-style tone placement ("hoá", "uỷ") written the new way ("hóa", "ủy"); NFC keeps them distinct.
_TONE_PLACEMENT = {
    first + unicodedata.normalize("NFC", second + mark): unicodedata.normalize("NFC", first + mark) + second
    for first, second in ("oa", "oe", "uy")
    for mark in ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
}
_TONE_PLACEMENT_RE = re.compile("|".join(sorted(_TONE_PLACEMENT, key=len, reverse=True)))

# Words before a person's name; and "châu" (continent), before which Mỹ is America, not the US.
HONORIFICS = frozenset(
    "anh chị ông bà em cô chú bác cháu cụ thầy bạn vợ chồng con mẹ bố cha cậu dì mợ thím bé châu".split()
)
# Capitalised words that start sentences and take a country or province after them.
SENTENCE_WORDS = frozenset(
    "tại ở sang từ với của và nước như cả còn riêng đến tới trong giữa cùng hay hoặc ngoài theo phía bên "
    "người ngay chỉ nhưng tuy dù nếu vì do khi sau trước so ra về đi qua cho".split()
)


@functools.lru_cache(maxsize=65536)
def canonical_token(token: str) -> str:
    """A token compared for 'same word as written': lower case, NFC, tones placed the new way."""
    lowered = unicodedata.normalize("NFC", token).lower()
    return _TONE_PLACEMENT_RE.sub(lambda m: _TONE_PLACEMENT[m.group()], lowered)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


@dataclass(frozen=True)
class Phrase(Generic[V]):
    """One phrase of a table: its written tokens, how strictly it matches, and what it stands for."""

    text: str
    tokens: tuple[str, ...]
    mode: Mode
    guarded: bool
    value: V | None
    # folded words right before / right after it that let an exact phrase match as 'fold' ("tỉnh hòa bình")
    relax_prefixes: frozenset[tuple[str, ...]] = frozenset()
    relax_suffixes: frozenset[tuple[str, ...]] = frozenset()
    # a proper name: written with marks, its first capitalised word must be capitalised ("Trung Quốc")
    capitalised: bool = False
    commas: frozenset[int] = frozenset()  # gaps (0 = after the first word) where the phrase has a comma
    canonical: tuple[str, ...] = ()  # the tokens through canonical_token, computed once

    def __post_init__(self) -> None:
        if not self.canonical:
            object.__setattr__(self, "canonical", tuple(canonical_token(t) for t in self.tokens))


@dataclass(frozen=True)
class Match(Generic[V]):
    """A phrase found in a text: offsets into the NFC text, the text as written, the phrase."""

    start: int
    end: int
    surface: str
    phrase: Phrase[V]


@dataclass
class _Node(Generic[V]):
    children: dict[str, _Node[V]] = field(default_factory=dict)
    phrases: list[Phrase[V]] = field(default_factory=list)


def phrase_tokens(text: str) -> tuple[str, ...]:
    """The word tokens of a phrase as written (NFC)."""
    return tuple(_TOKEN.findall(unicodedata.normalize("NFC", text)))


def default_mode(tokens: tuple[str, ...], *, single: Mode) -> tuple[Mode, bool]:
    """Mode and guard of a phrase without a marker: several tokens fold; one token follows the table's rule.

    With ``single="exact"`` (proper nouns): an ASCII word of four letters or more ("Japan", "HCMC") is
    safe case-insensitively, unless it is an acronym that spells a common English word ("MOST", the
    science ministry, is not "the most vulnerable part"); shorter or accented words are exact, and a
    capitalised syllable ("Đức", "Hue") is guarded against person and place names.
    """
    if len(tokens) > 1:
        return "fold", False
    word = tokens[0]
    if single != "exact":
        return single, False
    if word.isascii() and len(word) >= 4 and not (word.isupper() and is_english_word(word.lower())):
        return "fold", False
    return "exact", _is_capitalised_word(word)


def _is_capitalised_word(word: str) -> bool:
    """'Đức', 'Ý', 'Hue': a capitalised word that could be a name; 'US', 'HCM' are acronyms."""
    return word[:1].isupper() and (len(word) == 1 or not word.isupper())


def parse_phrase(
    raw: str,
    value: V | None,
    *,
    single: Mode,
    relax_prefixes: frozenset[tuple[str, ...]] = frozenset(),
    relax_suffixes: frozenset[tuple[str, ...]] = frozenset(),
    capitalised: bool = False,
) -> Phrase[V]:
    """A table cell to a phrase: '=' forces exact, '~' forces fold, otherwise ``default_mode``."""
    raw = unicodedata.normalize("NFC", raw.strip())
    marker = raw[:1] if raw[:1] in "=~" else ""
    text = raw[1:].strip() if marker else raw
    tokens = phrase_tokens(text)
    if not tokens:
        raise ValueError(f"Phrase {raw!r} has no word in it")
    if marker == "=":
        mode: Mode = "exact"
        guarded = len(tokens) == 1 and _is_capitalised_word(tokens[0])
    elif marker == "~":
        mode, guarded = "fold", False
    else:
        mode, guarded = default_mode(tokens, single=single)
    spans = [m.span() for m in _TOKEN.finditer(text)]
    commas = frozenset(k for k in range(len(spans) - 1) if "," in text[spans[k][1] : spans[k + 1][0]])
    return Phrase(text, tokens, mode, guarded, value, relax_prefixes, relax_suffixes, capitalised, commas)


class PhraseMatcher(Generic[V]):
    """Leftmost-longest phrase matching over word tokens; build once, match many texts."""

    def __init__(self, phrases: Iterable[Phrase[V]]) -> None:
        self._root: _Node[V] = _Node()
        self.size = 0
        for phrase in phrases:
            node = self._root
            for token in phrase.tokens:
                node = node.children.setdefault(fold(canonical_token(token)), _Node())
            node.phrases.append(phrase)
            self.size += 1
        self._candidates = re.compile(rf"(?<![^\W_])(?:{_trie_pattern(self._root)})(?![^\W_])")

    def find(self, text: str) -> list[Match[V]]:
        """Non-overlapping matches, left to right, the longest acceptable phrase at each position.

        Offsets refer to ``unicodedata.normalize("NFC", text)``. One compiled regex over the folded text
        finds where a phrase may start (in C); only there are the words tokenised and checked.
        """
        text = unicodedata.normalize("NFC", text)
        folded = fold(_lower_same_length(text))
        roots = self._root.children
        out: list[Match[V]] = []
        pos = 0
        while True:
            candidate = self._candidates.search(folded, pos)
            if candidate is None:
                return out
            spans, i = _local_tokens(folded, candidate.start(), candidate.end())
            keys = [folded[a:b] for a, b in spans]
            found = self._longest_at(roots[keys[i]], text, spans, keys, i)
            if found is None:
                pos = spans[i][1]
                continue
            j, phrase = found
            if keys[i] == "the" and j > i and (later := self._reaches_past(text, spans, keys, i + 1, j)):
                found = later  # "the Government Inspectorate" is the Inspectorate: "the" opens no name of its own
                i += 1
                j, phrase = found
            if phrase.value is not None:
                out.append(Match(spans[i][0], spans[j][1], text[spans[i][0] : spans[j][1]], phrase))
            pos = spans[j][1]

    def _reaches_past(
        self, text: str, spans: list[tuple[int, int]], keys: list[str], i: int, end: int
    ) -> tuple[int, Phrase[V]] | None:
        """The longest phrase starting at token i when it ends after token end, else None."""
        node = self._root.children.get(keys[i])
        found = self._longest_at(node, text, spans, keys, i) if node is not None else None
        return found if found is not None and found[0] > end else None

    def _longest_at(
        self, node: _Node[V], text: str, spans: list[tuple[int, int]], keys: list[str], i: int
    ) -> tuple[int, Phrase[V]] | None:
        candidates: list[tuple[int, list[Phrase[V]]]] = []
        j = i
        last = len(spans) - 1
        while True:
            if node.phrases:
                candidates.append((j, node.phrases))
            if j >= last or not node.children:
                break
            child = node.children.get(keys[j + 1])
            if child is None or not _joinable(text, spans, j):
                break
            node = child
            j += 1
        for end, phrases in reversed(candidates):
            words = [text[s:e] for s, e in spans[i : end + 1]]
            for phrase in phrases:
                if _accepts(phrase, words, text, spans, keys, i, end):
                    return end, phrase
        return None


def _local_tokens(folded: str, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """Token spans of a candidate [start, end) with two words before and one after; the index of its first."""
    lo = max(0, start - _CONTEXT)
    before = [m.span() for m in _TOKEN.finditer(folded, lo, start)]
    if lo > 0 and before and before[0][0] == lo:
        before = before[1:]  # may be the tail of a longer word
    before = before[-2:]
    inside = [m.span() for m in _TOKEN.finditer(folded, start, end)]
    after = _TOKEN.search(folded, end)
    return before + inside + ([after.span()] if after is not None else []), len(before)


def _trie_pattern(root: _Node[V]) -> str:
    """One regex for every folded token sequence under the trie, merged character by character.

    A plain alternation of a thousand phrases makes the regex engine try each at every word start; merged
    prefixes keep the work per word start to a few character comparisons.
    """
    chars: dict[str, Any] = {}
    stack: list[tuple[_Node[V], str]] = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        for key, child in node.children.items():
            sequence = f"{prefix}\x00{key}" if prefix else key
            if child.phrases:
                level = chars
                for ch in sequence:
                    level = level.setdefault(ch, {})
                level[""] = {}
            stack.append((child, sequence))
    return _char_trie_pattern(chars)


def _char_trie_pattern(level: dict[str, Any]) -> str:
    terminal = "" in level
    branches = []
    for ch in sorted(k for k in level if k):
        head = _GAP_CHARS if ch == "\x00" else re.escape(ch)
        branches.append(head + _char_trie_pattern(level[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if terminal else body


def _joinable(text: str, spans: list[tuple[int, int]], j: int) -> bool:
    gap = text[spans[j][1] : spans[j + 1][0]]
    if gap == " " or _GAP.fullmatch(gap):
        return True
    # "TP. HCM", "U.S.": a dot, with a space only after a short abbreviation
    return bool(_DOT_GAP.fullmatch(gap)) and (gap == "." or spans[j][1] - spans[j][0] <= 2)


def _accepts(
    phrase: Phrase[V], words: list[str], text: str, spans: list[tuple[int, int]], keys: list[str], i: int, end: int
) -> bool:
    if any("," in text[spans[k][1] : spans[k + 1][0]] and k - i not in phrase.commas for k in range(i, end)):
        return False  # "nước, Lào", "công nghệ, an ninh": a comma only where the phrase has one
    same = all(w == t or canonical_token(w) == c for w, t, c in zip(words, phrase.tokens, phrase.canonical))
    if phrase.mode == "accent":
        ok = same
    elif phrase.mode == "exact":
        ok = (same and all(w == t or _same_exact(w, t) for w, t in zip(words, phrase.tokens))) or (
            (same or _unaccented(words)) and _in_place_context(phrase, text, spans, keys, i, end)
        )
    elif same:
        # written with marks as the phrase writes them; a proper name capitalised ("tương lai châu Á" is
        # not Lai Châu) unless the context says it is the place
        ok = (
            not phrase.capitalised
            or _first_capital_kept(phrase, words)
            or _unaccented(words)  # "long an", "gia lai": typed lazily, case says nothing
            or _in_place_context(phrase, text, spans, keys, i, end)
        )
    else:
        ok = _unaccented(words)  # typed without any diacritics; a mix ("binh Thuận") is another phrase
    if not ok:
        return False
    return not phrase.guarded or not _looks_like_name(text, spans, i, end)


def _unaccented(words: list[str]) -> bool:
    return all(w.isascii() or fold(w) == w for w in words)


def _first_capital_kept(phrase: Phrase[V], words: list[str]) -> bool:
    first = next((k for k, t in enumerate(phrase.tokens) if t[:1].isupper()), None)
    return first is None or words[first][:1].isupper()


def _in_place_context(
    phrase: Phrase[V], text: str, spans: list[tuple[int, int]], keys: list[str], i: int, end: int
) -> bool:
    """'tỉnh hòa bình', 'binh duong province': words around it say it is the place, whatever its case."""
    return _preceded_by(keys, spans, text, i, phrase.relax_prefixes) or _followed_by(
        keys, spans, text, end, phrase.relax_suffixes
    )


def _same_exact(word: str, token: str) -> bool:
    """Same word with the same capitals, tone placement aside ("Hoà" = "Hòa", "Uỷ" = "Ủy")."""
    return canonical_token(word) == canonical_token(token) and [c.isupper() for c in word] == [
        c.isupper() for c in token
    ]


def _preceded_by(
    keys: list[str], spans: list[tuple[int, int]], text: str, i: int, words: frozenset[tuple[str, ...]]
) -> bool:
    """True when the folded words right before token i (spaces between) are one of ``words``."""
    for size in {len(w) for w in words}:
        if i - size < 0:
            continue
        if any(text[spans[k][1] : spans[k + 1][0]].strip() for k in range(i - size, i)):
            continue
        if tuple(keys[i - size : i]) in words:
            return True
    return False


def _followed_by(
    keys: list[str], spans: list[tuple[int, int]], text: str, end: int, words: frozenset[tuple[str, ...]]
) -> bool:
    """True when the folded words right after token ``end`` (spaces between) are one of ``words``."""
    for size in {len(w) for w in words}:
        if end + size >= len(spans):
            continue
        if any(text[spans[k][1] : spans[k + 1][0]].strip() for k in range(end, end + size)):
            continue
        if tuple(keys[end + 1 : end + 1 + size]) in words:
            return True
    return False


def _looks_like_name(text: str, spans: list[tuple[int, int]], i: int, end: int) -> bool:
    """A capitalised syllable that reads as part of a person's or a place's name here."""
    if end + 1 < len(spans):
        gap = text[spans[end][1] : spans[end + 1][0]]
        following = text[spans[end + 1][0] : spans[end + 1][1]]
        if gap.isspace() and ((following[:1].isupper() and is_vietnamese_syllable(following)) or following in HONORIFICS):
            # "Mỹ Tho", "Ý Như"; "Ý ông là..." (the idea of a person); not a foreign name after the country
            # ("Thủ tướng Đức Angela Merkel", "Tổng thống Mỹ Donald Trump"): no Vietnamese name goes on so
            return True
    if i > 0:
        gap = text[spans[i - 1][1] : spans[i][0]]
        before = text[spans[i - 1][0] : spans[i - 1][1]]
        if gap.isspace():
            lowered = before.lower()
            if lowered in HONORIFICS:
                return True
            # "Minh Đức", "Thủ Đức"; not a team's or model's code ("U20 Pháp", "U23 Thái Lan")
            if before[:1].isupper() and lowered not in SENTENCE_WORDS and is_vietnamese_syllable(before):
                return True
    return False
