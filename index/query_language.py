"""Guess how far lexical matching can help a query: Vietnamese with marks, without marks, or another language.

Dense retrieval is multilingual, BM25 is not: over Vietnamese text it finds the right passage for
few English questions, so fusing it at full weight drags English results down. The signal is the
corpus itself: the share of the query's adjacent word pairs that occur in the index (Vietnamese typed
without marks still forms known pairs such as "ho tro"; English "rent support" does not).
"""

from __future__ import annotations

from dataclasses import dataclass

from index.lexical import QueryOverlap

# English function words that are not also common unmarked Vietnamese syllables ("an", "do", "to" are)
_ENGLISH_WORDS = frozenset(
    """the what which who whom whose how many much was were did does is are of for with and when where
    why from by their they this that these those about been has have had will would should could than
    into there got get gets people number year years per during after before his her its our your""".split()
)


@dataclass(frozen=True)
class QueryLanguage:
    """The guess and the weight the lexical ranking gets in fusion (0..1)."""

    language: str  # "vi" (with marks), "vi-unmarked", "en", "other", "codes" (numbers/codes only)
    lexical_weight: float
    vietnamese_likelihood: float
    dense_weight: float = 1.0  # the embedding model reads unmarked Vietnamese poorly: trust it less there


def english_share(query_words: list[str]) -> float:
    """Share of the words that are unambiguous English function words."""
    if not query_words:
        return 0.0
    return sum(1 for w in query_words if w in _ENGLISH_WORDS) / len(query_words)


def reads_as_english(words: list[str]) -> bool:
    """Whether a query written without Vietnamese marks is an English question: its words hold English function
    words, at least two and a fifth of them."""
    unmarked = [w for w in words if w.isascii()]
    english = sum(1 for w in unmarked if w in _ENGLISH_WORDS)
    return english >= 2 and english >= 0.2 * len(unmarked)


def assess_query(
    overlap: QueryOverlap,
    words: list[str],
    *,
    min_weight: float = 0.1,
    unmarked_weight: float = 1.0,
    unmarked_dense_weight: float = 0.5,
    english_weight: float = 0.5,
) -> QueryLanguage:
    """Lexical weight for a query from its overlap with the index vocabulary.

    Args:
        overlap: what the lexical index knows of the query (LexicalIndex.overlap).
        words: the query's lowercase alphabetic tokens.
        min_weight: the weight for a query that looks foreign to the corpus (numbers may still match).
        unmarked_weight: the lexical weight for Vietnamese typed without marks, at full pair overlap.
        unmarked_dense_weight: the dense weight for such queries (e5 embeds unmarked Vietnamese poorly).
        english_weight: the lexical weight for an English question (its names, numbers and glossary phrases
            match; fitted with the English fusion weights, see context_weights.json).
    """
    if overlap.has_diacritics:
        # Vietnamese, or an English question the glossary translated in part: its Vietnamese phrases are what
        # matches, and the Vietnamese weights and reranker read it better (labour English dev: 4 more traps
        # refused and 2 more answers right than with the English weights)
        return QueryLanguage("vi", 1.0, 1.0)
    if reads_as_english(words):
        return QueryLanguage("en", english_weight, 0.0)
    if overlap.bigrams:
        likelihood = overlap.known_bigrams / overlap.bigrams
    elif overlap.words:
        likelihood = overlap.folded_known_words / overlap.words
    else:
        return QueryLanguage("codes", 1.0, 0.0)  # numbers or codes only: exact matching is what helps
    likelihood *= 1.0 - english_share(words)
    if likelihood >= 0.5:
        weight = min_weight + (unmarked_weight - min_weight) * likelihood
        return QueryLanguage("vi-unmarked", weight, likelihood, dense_weight=unmarked_dense_weight)
    # mostly unknown pairs: likely another language; keep a little lexical weight for names and numbers
    return QueryLanguage("other", min_weight + (unmarked_weight - min_weight) * likelihood * 0.5, likelihood)
