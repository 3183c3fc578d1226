"""BM25 over sentences with Vietnamese-aware tokens: syllables, syllable bigrams, a diacritic-free fallback.

Vietnamese words are mostly two syllables written apart ("hỗ trợ", "người lao động"), so a syllable
unigram alone matches far too much; adjacent-syllable bigrams carry the word-level evidence. Queries
typed without diacritics ("ho tro tien thue nha") are matched through a fold map from the
diacritic-free form of each syllable to the syllables of the vocabulary that fold to it, so folded
terms never need their own postings.

Layout: one CSR inverted index (sorted int64 term keys -> postings of sentence rows and term
frequencies). Additions and removals go to a pending buffer / tombstones and are merged by one
vectorised rebuild before the next search or save.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import re
import unicodedata
from array import array
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from index.marks import restore_marks
from index.models import SentenceRecord
from ingest.vietnamese import fold, has_diacritics, normalise_number

logger = logging.getLogger(__name__)

_FORMAT = "labour-qa-lexical/1"

# a token: numbers keep their Vietnamese separators (163.600, 1,31); codes keep / and - (154/NQ-CP)
_ATOM = r"\d+(?:[.,]\d+)*|[^\W_]+"
_TOKEN_RE = re.compile(rf"(?:{_ATOM})(?:[/\-](?:{_ATOM}))*")
_ATOM_RE = re.compile(_ATOM)
_ENGLISH_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")  # 163,600 typed by an English speaker
_COUNTS_CACHE = 20000  # texts whose key counts a LexicalIndex remembers (titles, neighbours) before it forgets them all


@dataclass(frozen=True)
class Tokens:
    """A text's tokens: the syllable stream (for unigrams and bigrams) and whole compound tokens."""

    stream: tuple[str, ...]
    breaks: frozenset[int]  # positions i where stream[i-1], stream[i] must not form a bigram
    compounds: tuple[str, ...]  # '154/nq-cp', 'covid-19', '13/1': matched as one extra unigram


@lru_cache(maxsize=16384)
def tokenize(text: str, *, query: bool = False) -> Tokens:
    """Tokens of a text: NFC, lowercase, numbers normalised; bigrams never cross punctuation.

    Cached: one search reads the same candidate, previous sentence and title texts several times
    (fusion, coverage, reranker), and Tokens is immutable."""
    text = unicodedata.normalize("NFC", text).lower()
    stream: list[str] = []
    breaks: set[int] = set()
    compounds: list[str] = []
    last_end = 0
    for match in _TOKEN_RE.finditer(text):
        start = match.start()
        if start != last_end and stream and not text[last_end:start].isspace():
            breaks.add(len(stream))
        last_end = match.end()
        raw = match.group()
        if raw.isalpha():  # one plain syllable, most tokens: no atoms to split or numbers to normalise
            stream.append(raw)
            continue
        atoms = _ATOM_RE.findall(raw)
        if len(atoms) > 1:
            compounds.append("".join(_normalise_atom(a) if a[0].isdigit() else a for a in _split_keep(raw)))
        for atom in atoms:
            if atom[0].isdigit():
                stream.append(_normalise_atom(atom))
                if query and _ENGLISH_THOUSANDS_RE.match(atom):
                    compounds.append(atom.replace(",", ""))
            else:
                stream.append(atom)
    return Tokens(tuple(stream), frozenset(breaks), tuple(compounds))


def _owners(groups: Sequence[tuple[set[int], float]]) -> dict[int, list[int]]:
    """Which query groups each index key belongs to (a text is then read once, key by key)."""
    owners: dict[int, list[int]] = {}
    for g, (keys, _) in enumerate(groups):
        for key in keys:
            owners.setdefault(key, []).append(g)
    return owners


def _group_counts(counts: dict[int, int], owners: dict[int, list[int]]) -> dict[int, int]:
    """A text's term frequency per query group, for the groups it holds."""
    tf: dict[int, int] = {}
    for key, count in counts.items():
        for g in owners.get(key, ()):
            tf[g] = tf.get(g, 0) + count
    return tf


def _split_keep(raw: str) -> list[str]:
    return re.split(r"([/\-])", raw)


def _normalise_atom(atom: str) -> str:
    if atom.isdigit():
        return atom  # '08' stays '08': document numbers are matched as written
    if atom[0].isdigit() and not any(c.isalpha() for c in atom):
        return normalise_number(atom)
    return atom


def _is_foldable(token: str) -> bool:
    """A diacritic-free alphabetic syllable: it may be a Vietnamese syllable typed without marks."""
    return token.isascii() and token.isalpha()


@dataclass(frozen=True)
class QueryOverlap:
    """How much of a query the index vocabulary knows; the retriever uses it to weight lexical evidence."""

    words: int  # alphabetic query tokens
    known_words: int  # found as written
    folded_known_words: int  # found as written or through the diacritic-free fold
    bigrams: int  # adjacent word pairs
    known_bigrams: int  # pairs that occur in the corpus (as written or folded)
    has_diacritics: bool


class LexicalIndex:
    """BM25 over sentences; `search` is the verb, `add` / `remove_doc` keep it in step with the store."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.5, fold_weight: float = 0.7, fingerprint: str = "") -> None:
        if k1 <= 0 or not 0 <= b <= 1 or not 0 <= fold_weight <= 1:
            raise ValueError("Need k1 > 0, 0 <= b <= 1 and 0 <= fold_weight <= 1")
        self.k1 = k1
        self.b = b
        self.fold_weight = fold_weight
        self.fingerprint = fingerprint
        # vocabulary of unigram terms (syllables, numbers, compounds); bigram keys are built from ids
        self._vocab: dict[str, int] = {}
        self._fold_map: dict[str, list[int]] = {}  # folded syllable -> unigram ids that fold to it
        self._id_terms: list[str] = []  # term id -> term, built on first use (_terms)
        # sentence rows
        self._doc_names: list[str] = []
        self._doc_number: dict[str, int] = {}
        self._row_doc = array("i")
        self._row_index = array("i")
        self._row_start = array("i")
        self._row_end = array("i")
        self._row_len = array("i")
        self._row_text: list[str] = []
        self._row_chunk: list[str] = []
        self._row_kind: list[str] = []
        self._alive = bytearray()
        self._doc_rows: dict[str, dict[int, int]] = {}  # doc_id -> sentence index -> row
        # CSR postings
        self._term_keys = np.zeros(0, dtype=np.int64)
        self._term_ptr = np.zeros(1, dtype=np.int64)
        self._post_row = np.zeros(0, dtype=np.int32)
        self._post_tf = np.zeros(0, dtype=np.uint8)
        # pending postings of rows added since the last merge
        self._pending_key = array("q")
        self._pending_row = array("i")
        self._dirty = False
        self._norm = np.zeros(0, dtype=np.float32)
        self._n_alive = 0
        self._average_len = 1.0
        self._counts: dict[str, dict[int, int]] = {}
        self._counts_vocab = 0

    # ---- building ------------------------------------------------------------------------

    @classmethod
    def build_from(cls, records: Iterable[SentenceRecord], fingerprint: str, **options: Any) -> LexicalIndex:
        """A fresh index of these sentences, tagged with the store fingerprint it reflects."""
        index = cls(fingerprint=fingerprint, **options)
        index.add(records)
        index._merge()
        return index

    def __len__(self) -> int:
        """Number of live sentences."""
        return sum(len(rows) for rows in self._doc_rows.values())

    def add(self, records: Iterable[SentenceRecord]) -> int:
        """Index sentences; a sentence already present (same doc_id and index) is replaced."""
        added = 0
        for record in records:
            rows = self._doc_rows.setdefault(record.doc_id, {})
            old = rows.get(record.index)
            if old is not None:
                self._alive[old] = 0
            row = len(self._row_text)
            rows[record.index] = row
            doc_number = self._doc_number.get(record.doc_id)
            if doc_number is None:
                doc_number = self._doc_number[record.doc_id] = len(self._doc_names)
                self._doc_names.append(record.doc_id)
            text = unicodedata.normalize("NFC", record.text)
            self._row_doc.append(doc_number)
            self._row_index.append(record.index)
            self._row_start.append(record.start)
            self._row_end.append(record.end)
            self._row_text.append(text)
            self._row_chunk.append(record.chunk_id)
            self._row_kind.append(record.kind)
            self._alive.append(1)
            tokens = tokenize(text)
            self._row_len.append(max(len(tokens.stream), 1))
            keys = self._document_keys(tokens)
            self._pending_key.extend(keys)
            self._pending_row.extend([row] * len(keys))
            added += 1
        if added:
            self._dirty = True
        return added

    def remove_doc(self, doc_id: str) -> int:
        """Forget every sentence of an article; returns how many were removed."""
        rows = self._doc_rows.pop(doc_id, None)
        if not rows:
            return 0
        for row in rows.values():
            self._alive[row] = 0
        self._dirty = True
        return len(rows)

    def _term_id(self, term: str) -> int:
        term_id = self._vocab.get(term)
        if term_id is None:
            term_id = self._vocab[term] = len(self._vocab)
            folded = fold(term)
            if _is_foldable(folded):
                self._fold_map.setdefault(folded, []).append(term_id)
        return term_id

    def _document_keys(self, tokens: Tokens) -> list[int]:
        ids = [self._term_id(t) for t in tokens.stream]
        keys = list(ids)
        keys.extend(_bigram_key(ids[i - 1], ids[i]) for i in range(1, len(ids)) if i not in tokens.breaks)
        keys.extend(self._term_id(c) for c in tokens.compounds)
        return keys

    def _merge(self) -> None:
        """Fold pending postings and tombstones into fresh CSR arrays, in linear time.

        The existing postings are already sorted by (term, row); removing rows keeps that order and
        new rows number after all old ones, so only the pending postings need sorting, and they are
        slotted in with one searchsorted + insert instead of re-sorting the whole index.
        """
        if not self._dirty:
            return
        n_rows = len(self._row_text)
        alive = np.frombuffer(bytes(self._alive), dtype=np.uint8).astype(bool) if n_rows else np.zeros(0, bool)
        keys = np.repeat(self._term_keys, np.diff(self._term_ptr))
        rows, tfs = self._post_row, self._post_tf
        if not alive.all():
            keep = alive[rows]
            keys, rows, tfs = keys[keep], rows[keep], tfs[keep]
        new_row = (np.cumsum(alive, dtype=np.int64) - 1).astype(np.int32)
        rows = new_row[rows]

        pending_keys = (
            np.frombuffer(self._pending_key, dtype=np.int64) if len(self._pending_key) else np.zeros(0, np.int64)
        )
        pending_rows = (
            np.frombuffer(self._pending_row, dtype=np.int32) if len(self._pending_row) else np.zeros(0, np.int32)
        )
        if len(pending_rows):
            live = alive[pending_rows]  # a row added then replaced before this merge is dead already
            pending_keys, pending_rows = pending_keys[live], new_row[pending_rows[live]]
            order = np.lexsort((pending_rows, pending_keys))
            pending_keys, pending_rows = pending_keys[order], pending_rows[order]
            # a term repeated in one sentence arrives as several postings: count them once with a tf
            first = np.ones(len(pending_keys), dtype=bool)
            first[1:] = (pending_keys[1:] != pending_keys[:-1]) | (pending_rows[1:] != pending_rows[:-1])
            starts = np.flatnonzero(first)
            pending_tfs = np.minimum(np.diff(np.append(starts, len(pending_keys))), 255).astype(np.uint8)
            pending_keys, pending_rows = pending_keys[starts], pending_rows[starts]
            at = np.searchsorted(keys, pending_keys, side="right")
            keys = np.insert(keys, at, pending_keys)
            rows = np.insert(rows, at, pending_rows)
            tfs = np.insert(tfs, at, pending_tfs)
        self._compact_rows(alive)

        if len(keys):
            boundary = np.ones(len(keys), dtype=bool)
            boundary[1:] = keys[1:] != keys[:-1]
            term_starts = np.flatnonzero(boundary)
            self._term_keys = keys[term_starts].astype(np.int64)
            self._term_ptr = np.append(term_starts, len(keys)).astype(np.int64)
        else:
            self._term_keys = np.zeros(0, dtype=np.int64)
            self._term_ptr = np.zeros(1, dtype=np.int64)
        self._post_row = rows.astype(np.int32, copy=False)
        self._post_tf = tfs.astype(np.uint8, copy=False)
        self._pending_key = array("q")
        self._pending_row = array("i")
        self._dirty = False
        self._refresh_norms()

    def _compact_rows(self, alive: np.ndarray) -> None:
        if alive.all():
            return
        keep = np.flatnonzero(alive)

        def pick(values: array) -> array:
            picked = np.frombuffer(values, dtype=np.int32)[keep] if len(values) else np.zeros(0, np.int32)
            return array("i", picked.astype(np.int32).tobytes())

        self._row_doc = pick(self._row_doc)
        self._row_index = pick(self._row_index)
        self._row_start = pick(self._row_start)
        self._row_end = pick(self._row_end)
        self._row_len = pick(self._row_len)
        kept = keep.tolist()
        self._row_text = [self._row_text[i] for i in kept]
        self._row_chunk = [self._row_chunk[i] for i in kept]
        self._row_kind = [self._row_kind[i] for i in kept]
        self._alive = bytearray(b"\x01" * len(kept))
        self._doc_rows = {}
        names, docs, indexes = self._doc_names, self._row_doc, self._row_index
        for row in range(len(kept)):
            self._doc_rows.setdefault(names[docs[row]], {})[indexes[row]] = row

    def _refresh_norms(self) -> None:
        lengths = (
            np.frombuffer(self._row_len, dtype=np.int32).astype(np.float32)
            if len(self._row_len)
            else np.zeros(0, np.float32)
        )
        self._n_alive = len(lengths)
        average = float(lengths.mean()) if len(lengths) else 1.0
        self._average_len = max(average, 1e-9)
        # BM25 length normalisation, precomputed per sentence: k1 * (1 - b + b * len / avg). A sentence
        # shorter than average counts as average: long ones are discounted for wordiness, but a caption
        # of two words must not outscore a statement for saying less.
        lengths = np.maximum(lengths, average)
        self._norm = (self.k1 * (1.0 - self.b + self.b * lengths / max(average, 1e-9))).astype(np.float32)

    # ---- searching -----------------------------------------------------------------------

    def _postings(self, key: int) -> tuple[np.ndarray, np.ndarray] | None:
        at = int(np.searchsorted(self._term_keys, key))
        if at >= len(self._term_keys) or self._term_keys[at] != key:
            return None
        lo, hi = self._term_ptr[at], self._term_ptr[at + 1]
        return self._post_row[lo:hi], self._post_tf[lo:hi]

    def _unigram_ids(self, token: str, folding: bool) -> tuple[list[int], bool]:
        """Ids a query token matches, and whether the fold added any (those weigh less)."""
        term_id = self._vocab.get(token)
        exact = [term_id] if term_id is not None else []
        if folding and _is_foldable(token):
            variants = list(self._fold_map.get(token, ()))
            return variants or exact, variants != exact
        return exact, False

    def _query_groups(self, query: str) -> list[tuple[list[int], float]]:
        """Query terms as groups of index keys (synonyms through the fold) with their weights."""
        tokens = tokenize(query, query=True)
        groups: dict[tuple[int, ...], float] = {}

        def put(keys: list[int], weight: float) -> None:
            if keys:
                key = tuple(sorted(set(keys)))
                groups[key] = max(groups.get(key, 0.0), weight)

        # a query typed with marks means its unmarked words (UBND, covid) are meant as written
        folding = not has_diacritics(query)
        matched = [self._unigram_ids(t, folding) for t in tokens.stream]
        for ids, folded in matched:
            put(ids, self.fold_weight if folded else 1.0)
        for compound in tokens.compounds:
            term_id = self._vocab.get(compound)
            if term_id is not None:
                put([term_id], 1.0)
        for i in range(1, len(tokens.stream)):
            if i in tokens.breaks:
                continue
            (left, left_folded), (right, right_folded) = matched[i - 1], matched[i]
            if not left or not right:
                continue
            keys = [_bigram_key(a, b) for a in left for b in right]
            present = self._present(keys)
            put(present, self.fold_weight if (left_folded or right_folded) else 1.0)
        return [(list(k), w) for k, w in groups.items()]

    def _present(self, keys: list[int]) -> list[int]:
        if not keys or not len(self._term_keys):
            return []
        wanted = np.asarray(keys, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._term_keys, wanted), len(self._term_keys) - 1)
        return wanted[self._term_keys[at] == wanted].tolist()

    def search(
        self, query: str, k: int, allowed_docs: Collection[str] | None = None
    ) -> list[tuple[SentenceRecord, float]]:
        """The k best sentences by BM25, best first (ties: earlier indexed first).

        Args:
            allowed_docs: when given, only sentences of these articles compete (a filter applied before
                the top k is taken, so a filtered-out article never costs a filtered-in one its place).
        """
        if k <= 0:
            return []
        self._merge()
        n = self._n_alive
        if n == 0:
            return []
        scores = np.zeros(n, dtype=np.float32)
        for keys, weight in self._query_groups(query):
            parts = [p for p in (self._postings(key) for key in keys) if p is not None]
            if not parts:
                continue
            if len(parts) == 1:
                rows, tfs = parts[0][0], parts[0][1].astype(np.float32)
            else:
                all_rows = np.concatenate([p[0] for p in parts])
                all_tfs = np.concatenate([p[1] for p in parts]).astype(np.float32)
                rows, inverse = np.unique(all_rows, return_inverse=True)
                tfs = np.bincount(inverse, weights=all_tfs).astype(np.float32)
            df = len(rows)
            idf = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
            scores[rows] += (weight * idf) * tfs * (self.k1 + 1.0) / (tfs + self._norm[rows])
        if allowed_docs is not None:
            scores *= self._doc_mask(allowed_docs)
        hits = np.flatnonzero(scores > 0)
        if not len(hits):
            return []
        if len(hits) > k:
            top = hits[np.argpartition(-scores[hits], k - 1)[:k]]
            # argpartition may cut inside a tie: widen to every row scoring at least the k-th score
            threshold = scores[top].min()
            hits = hits[scores[hits] >= threshold]
        order = sorted(hits.tolist(), key=lambda r: (-float(scores[r]), r))[:k]
        return [(self._record(r), float(scores[r])) for r in order]

    def _doc_mask(self, allowed_docs: Collection[str]) -> np.ndarray:
        """1.0 for rows of allowed articles, 0.0 elsewhere."""
        allowed = np.zeros(len(self._doc_names), dtype=np.float32)
        numbers = [self._doc_number[d] for d in allowed_docs if d in self._doc_number]
        allowed[numbers] = 1.0
        row_doc = np.frombuffer(self._row_doc, dtype=np.int32) if len(self._row_doc) else np.zeros(0, np.int32)
        return allowed[row_doc]

    def rows_of(self, sentences: Sequence[tuple[str, int, str]]) -> list[int]:
        """Each (doc_id, sentence index, text)'s row, or -1 where the index does not hold that very text there
        (a cache behind the store): score_texts and coverage then read that sentence from its postings."""
        self._merge()
        out = []
        for doc_id, index, text in sentences:
            row = self._doc_rows.get(doc_id, {}).get(index, -1)
            out.append(row if row >= 0 and self._row_text[row] == text else -1)
        return out

    def token_counts(self, sentences: Sequence[tuple[str, int, str]]) -> list[int]:
        """Each (doc_id, sentence index, text)'s number of tokens, from its row where the index holds it."""
        out = []
        for (_, _, text), row in zip(sentences, self.rows_of(sentences)):
            # a row's length is at least 1 (BM25 divides by it): an empty one is counted from its text
            out.append(self._row_len[row] if row >= 0 and self._row_len[row] > 1 else len(tokenize(text).stream))
        return out

    def _group_counts_of(
        self, groups: Sequence[tuple[set[int], float]], texts: Sequence[str], rows: Sequence[int] | None
    ) -> list[tuple[dict[int, int], int]]:
        """Per text: its term frequency per query group and its length in tokens. A text with a row is read
        from the postings (the same keys its tokens gave when it was indexed), the others are tokenized."""
        rows = list(rows) if rows is not None else [-1] * len(texts)
        if len(rows) != len(texts):
            raise ValueError("rows must give one row (or -1) per text")
        known = np.unique(np.asarray([r for r in rows if r >= 0], dtype=np.int64))
        by_row: dict[int, dict[int, int]] = {int(r): {} for r in known}
        if len(known):
            for g, (keys, _) in enumerate(groups):
                tf = np.zeros(len(known), dtype=np.int64)
                for key in keys:
                    postings = self._postings(key)
                    if postings is None:
                        continue
                    post_rows, post_tfs = postings
                    at = np.minimum(np.searchsorted(post_rows, known), len(post_rows) - 1)
                    held = post_rows[at] == known
                    tf[held] += post_tfs[at[held]]
                for i in np.flatnonzero(tf):
                    by_row[int(known[i])][g] = int(tf[i])
        owners = _owners(groups) if any(r < 0 for r in rows) else {}
        out = []
        for text, row in zip(texts, rows):
            if row >= 0:
                out.append((by_row[row], self._row_len[row]))
            else:
                out.append((_group_counts(self._text_counts(text), owners), len(tokenize(text).stream)))
        return out

    def score_texts(self, query: str, texts: Sequence[str], rows: Sequence[int] | None = None) -> list[float]:
        """BM25 of the query against texts (titles, neighbours), with the index's statistics; `rows` (rows_of)
        lets indexed sentences be read from the postings instead of tokenized, with the same scores."""
        groups = self._idf_groups(query) if texts else []
        if not groups:
            return [0.0] * len(texts)
        result = []
        for tf, length in self._group_counts_of(groups, texts, rows):
            norm = self.k1 * (1.0 - self.b + self.b * max(length, self._average_len) / self._average_len)
            total = 0.0
            for g in sorted(tf):  # the groups' order, as a sum over all of them would add them
                total += groups[g][1] * tf[g] * (self.k1 + 1.0) / (tf[g] + norm)
            result.append(total)
        return result

    def coverage(
        self,
        query: str,
        texts: Sequence[str],
        rows: Sequence[int] | None = None,
        unions: Sequence[tuple[int, int]] = (),
    ) -> list[tuple[float, float]]:
        """How much of the query each text holds: (IDF-weighted share of its words, share of its word pairs).

        Words and pairs the index does not know are left out of both shares (no text can hold them). `rows`
        as for score_texts. Each (i, j) of `unions` adds one more result after the texts' own: what texts i
        and j hold together (as their concatenation would, less a word pair across the joint).
        """
        groups = self._idf_groups(query) if texts else []
        is_word = [max(keys) < _BIGRAM_BASE for keys, _ in groups]
        word_total = sum(weight for (_, weight), word in zip(groups, is_word) if word)
        n_pairs = len(groups) - sum(is_word)
        held_sets = [set(tf) for tf, _ in self._group_counts_of(groups, texts, rows)] if groups else [set()] * len(texts)
        held_sets += [held_sets[i] | held_sets[j] for i, j in unions]
        result = []
        for held_set in held_sets:
            held_groups = sorted(held_set)
            held = sum(groups[g][1] for g in held_groups if is_word[g])
            held_pairs = sum(1 for g in held_groups if not is_word[g])
            result.append((held / word_total if word_total > 0 else 0.0, held_pairs / n_pairs if n_pairs else 0.0))
        return result

    def _idf_groups(self, query: str) -> list[tuple[set[int], float]]:
        """The query's key groups the index holds, each with its weight times its IDF."""
        self._merge()
        n = self._n_alive
        if n == 0:
            return []
        groups: list[tuple[set[int], float]] = []
        for keys, weight in self._query_groups(query):
            df = sum(len(p[0]) for p in (self._postings(key) for key in keys) if p is not None)
            if df:
                df = min(df, n)
                groups.append((set(keys), weight * math.log(1.0 + (n - df + 0.5) / (df + 0.5))))
        return groups

    def _text_counts(self, text: str) -> dict[int, int]:
        """_key_counts of a text outside the index, remembered while the vocabulary stays the same size (a
        new term could make more of the text's tokens known)."""
        if self._counts_vocab != len(self._vocab) or len(self._counts) > _COUNTS_CACHE:
            self._counts, self._counts_vocab = {}, len(self._vocab)
        counts = self._counts.get(text)
        if counts is None:
            counts = self._counts[text] = self._key_counts(tokenize(text))
        return counts

    def _key_counts(self, tokens: Tokens) -> dict[int, int]:
        counts: dict[int, int] = {}
        for key in self._known_keys(tokens):
            counts[key] = counts.get(key, 0) + 1
        return counts

    def _known_keys(self, tokens: Tokens) -> list[int]:
        """A text's index keys, without growing the vocabulary (unknown terms cannot match a query anyway)."""
        ids = [self._vocab.get(t, -1) for t in tokens.stream]
        keys = [i for i in ids if i >= 0]
        keys.extend(
            _bigram_key(ids[i - 1], ids[i])
            for i in range(1, len(ids))
            if i not in tokens.breaks and ids[i - 1] >= 0 and ids[i] >= 0
        )
        keys.extend(self._vocab[c] for c in tokens.compounds if c in self._vocab)
        return keys

    def _record(self, row: int) -> SentenceRecord:
        return SentenceRecord(
            doc_id=self._doc_names[self._row_doc[row]],
            index=self._row_index[row],
            start=self._row_start[row],
            end=self._row_end[row],
            text=self._row_text[row],
            chunk_id=self._row_chunk[row],
            kind=self._row_kind[row],
        )

    def overlap(self, query: str) -> QueryOverlap:
        """How much of the query the corpus vocabulary knows (as written, folded, and as word pairs)."""
        self._merge()
        tokens = tokenize(query, query=True)
        words = [t for t in tokens.stream if t.isalpha()]
        known = sum(1 for t in words if t in self._vocab)
        folded_known = sum(1 for t in words if t in self._vocab or fold(t) in self._fold_map)
        bigrams = known_bigrams = 0
        stream = tokens.stream
        for i in range(1, len(stream)):
            if i in tokens.breaks or not (stream[i - 1].isalpha() and stream[i].isalpha()):
                continue
            bigrams += 1
            left = self._variants(stream[i - 1])
            right = self._variants(stream[i])
            if left and right and self._present([_bigram_key(a, b) for a in left for b in right]):
                known_bigrams += 1
        return QueryOverlap(
            words=len(words),
            known_words=known,
            folded_known_words=folded_known,
            bigrams=bigrams,
            known_bigrams=known_bigrams,
            has_diacritics=has_diacritics(query),
        )

    # ---- marks -------------------------------------------------------------------------------

    def restore_marks(self, text: str, counted: Collection[str] = ()) -> str:
        """A question typed without marks, with the marks the indexed sentences make most likely (index/marks.py);
        the counts it reads merge pending rows first (_sentence_count). counted: the first syllables of the nouns
        a question may count, preferred right after "bao nhiêu"."""
        return restore_marks(text, self, counted)

    def spellings(self, folded: str) -> list[tuple[str, int]]:
        """The vocabulary's syllables that fold to an unmarked one, with the sentences holding each."""
        if not _is_foldable(folded):
            return []
        terms = self._terms()
        return [(terms[term_id], self._sentence_count(term_id)) for term_id in self._fold_map.get(folded, ())]

    def pair_count(self, left: str, right: str) -> int:
        left_id, right_id = self._vocab.get(left), self._vocab.get(right)
        if left_id is None or right_id is None:
            return 0
        return self._sentence_count(_bigram_key(left_id, right_id))

    def sentences(self) -> int:
        return self._n_alive

    def _sentence_count(self, key: int) -> int:
        self._merge()  # a no-op once merged; pending rows and tombstones would miscount
        postings = self._postings(key)
        return 0 if postings is None else len(postings[0])

    def _terms(self) -> list[str]:
        """Term id -> term, rebuilt when the vocabulary grew."""
        if len(self._id_terms) != len(self._vocab):
            terms = [""] * len(self._vocab)
            for term, term_id in self._vocab.items():
                terms[term_id] = term
            self._id_terms = terms
        return self._id_terms

    def _variants(self, token: str) -> list[int]:
        ids = list(self._fold_map.get(fold(token), ())) if _is_foldable(token) else []
        term_id = self._vocab.get(token)
        if term_id is not None and term_id not in ids:
            ids.append(term_id)
        return ids

    # ---- persistence ---------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the index to one file atomically (tmp file + os.replace)."""
        self._merge()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "format": _FORMAT,
            "fingerprint": self.fingerprint,
            "params": {"k1": self.k1, "b": self.b, "fold_weight": self.fold_weight},
            "vocab": self._vocab,
            "doc_names": self._doc_names,
            "rows": {
                "doc": np.frombuffer(self._row_doc, dtype=np.int32).copy()
                if len(self._row_doc)
                else np.zeros(0, np.int32),
                "index": _as_numpy(self._row_index),
                "start": _as_numpy(self._row_start),
                "end": _as_numpy(self._row_end),
                "len": _as_numpy(self._row_len),
                "text": self._row_text,
                "chunk": self._row_chunk,
                "kind": self._row_kind,
            },
            "term_keys": self._term_keys,
            "term_ptr": self._term_ptr,
            "post_row": self._post_row,
            "post_tf": self._post_tf,
        }
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as handle:
                pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        """Read an index written by `save`; raises ValueError for a file of another format."""
        with Path(path).open("rb") as handle:
            state = pickle.load(handle)  # our own cache file, written by save()
        if not isinstance(state, dict) or state.get("format") != _FORMAT:
            raise ValueError(f"{path} is not a lexical index of format {_FORMAT}")
        index = cls(fingerprint=state["fingerprint"], **state["params"])
        index._vocab = state["vocab"]
        for term, term_id in index._vocab.items():
            folded = fold(term)
            if _is_foldable(folded):
                index._fold_map.setdefault(folded, []).append(term_id)
        index._doc_names = state["doc_names"]
        index._doc_number = {name: i for i, name in enumerate(index._doc_names)}
        rows = state["rows"]
        index._row_doc = array("i", rows["doc"].tobytes())
        index._row_index = array("i", rows["index"].tobytes())
        index._row_start = array("i", rows["start"].tobytes())
        index._row_end = array("i", rows["end"].tobytes())
        index._row_len = array("i", rows["len"].tobytes())
        index._row_text = rows["text"]
        index._row_chunk = rows["chunk"]
        index._row_kind = rows.get("kind") or ["text"] * len(index._row_text)  # caches written before kinds
        index._alive = bytearray(b"\x01" * len(index._row_text))
        for row in range(len(index._row_text)):
            doc_id = index._doc_names[index._row_doc[row]]
            index._doc_rows.setdefault(doc_id, {})[index._row_index[row]] = row
        index._term_keys = state["term_keys"]
        index._term_ptr = state["term_ptr"]
        index._post_row = state["post_row"]
        index._post_tf = state["post_tf"]
        index._refresh_norms()
        return index


def _as_numpy(values: array) -> np.ndarray:
    return np.array(values, dtype=np.int32) if len(values) else np.zeros(0, np.int32)


_BIGRAM_BASE = 1 << 32  # unigram keys are plain ids below it; a bigram packs both ids above it


def _bigram_key(left: int, right: int) -> int:
    return ((left + 1) << 32) | right
