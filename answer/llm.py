"""Optional LLM answering mode: the model writes the answer, this module checks it against the sources.

The retrieved sentences are numbered [1]..[n] and given to the model with a prompt from prompts/.
A reply is accepted only when it is grounded: every [n] names an existing source, it cites at least
one, and every number it states occurs in a sentence it cites (or in the question itself, which it
may echo). Anything else, an endpoint error or a timeout included, falls back to the extractive answer
with a short `note` saying why. Accepted answers have their citations renumbered [1]..[k] in the
order they are first cited, so `[i]` in `Answer.answer` is `Answer.citations[i - 1]`.

Streaming: `LLMAnswerer.stream()` returns an `LLMStream`, an iterator of the model's text deltas.
The streamed text is provisional (it is not checked yet); once the iterator is exhausted,
`LLMStream.answer` holds the final, checked `Answer`, which is what must be shown in the end.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Protocol

from llama_index.core.llms import ChatMessage, MessageRole

from answer.citations import citation_from_hit
from answer.language import detect_language, message
from answer.models import Answer
from errors import ConfigurationError
from index.models import Hit
from ingest.vietnamese import MULTIPLIERS, number_readings
from prompts import load_prompt

logger = logging.getLogger(__name__)

NOT_FOUND_TOKEN = "NOT_FOUND"


class FallbackAnswerer(Protocol):
    """Anything that answers from hits without an LLM (the extractive answerer)."""

    def answer(self, question: str, hits: list[Hit]) -> Answer: ...


class ChatLLM(Protocol):
    """The part of a llama-index LLM this module uses."""

    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> Any: ...

    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> Any: ...


def make_llm(
    provider: Literal["openai", "ollama"],
    base_url: str,
    model: str,
    api_key: str,
    timeout_s: float,
    *,
    max_retries: int = 1,
    context_window: int = 8192,
) -> Any:
    """Build a llama-index chat LLM for an OpenAI-compatible endpoint or an Ollama server.

    Args:
        provider: "openai" for any OpenAI-compatible /v1 endpoint (vLLM, llama.cpp, LM Studio,
            Ollama's /v1, OpenAI itself); "ollama" for Ollama's native API.
        base_url: e.g. "http://127.0.0.1:11434/v1" (openai) or "http://127.0.0.1:11434" (ollama).
        api_key: may be empty for local servers.
        max_retries: retries of the OpenAI client on transient errors (Ollama's client has none).
        context_window: sent to Ollama as num_ctx so it never has to ask the server for it.
    """
    if not model:
        raise ConfigurationError("LLM mode needs a model name")
    if timeout_s <= 0:
        raise ConfigurationError(f"LLM timeout must be positive, got {timeout_s}")
    if not base_url:
        raise ConfigurationError("LLM mode needs the endpoint's base URL")
    if provider == "openai":
        from llama_index.llms.openai_like import OpenAILike

        return OpenAILike(
            model=model,
            api_base=base_url,
            # An empty key would make llama-index read OPENAI_API_KEY from the environment;
            # local servers ignore the header, so a placeholder keeps configuration explicit.
            api_key=api_key or "no-key",
            is_chat_model=True,
            is_function_calling_model=False,
            context_window=context_window,
            temperature=0.0,
            timeout=timeout_s,
            max_retries=max_retries,
        )
    if provider == "ollama":
        from llama_index.llms.ollama import Ollama

        return Ollama(
            model=model,
            base_url=base_url,
            request_timeout=timeout_s,
            temperature=0.0,
            context_window=context_window,
            is_function_calling_model=False,
        )
    raise ConfigurationError(f"unknown LLM provider {provider!r}: use 'openai' or 'ollama'")


# ---- numbers ----------------------------------------------------------------------------------

# longest first, so "nghìn tỷ" wins over "nghìn"
_MULTIPLIER_RE = "|".join(re.escape(word) for word in sorted(MULTIPLIERS, key=len, reverse=True))

_DATE = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\w/])")
_NUMBER = re.compile(
    # "tỷ lệ" is "rate", not "billion": "năm 2020 tỷ lệ ..." must not read as 2020 billion.
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:\s*(" + _MULTIPLIER_RE + r")(?!\w)(?!\s+lệ))?",
    re.IGNORECASE,
)
_CITATION = re.compile(r"\[\s*(\d+(?:\s*(?:[,;]|[-–])\s*\d+)*)\s*\]")
_LIST_MARKER = re.compile(r"^\s*\d+[.)]\s+", re.MULTILINE)
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """A figure or date stated in a text, with every value its spelling can mean."""

    raw: str  # as written, e.g. "8,5 tỷ" or "26/11"
    values: frozenset[Decimal] = frozenset()
    date: tuple[int, int, int | None] | None = None  # (day, month, year) for dates


def find_numbers(text: str, *, vietnamese_only: bool = False) -> list[NumberMention]:
    """Figures and dates in a text (163.600; 1,31%; 8,5 tỷ; 26/11), with every value they can mean.

    Numbers glued to letters (Covid-19, F0, Q1) are names, not figures, and are skipped.
    vietnamese_only reads separators the Vietnamese way only (see `ingest.vietnamese.number_readings`).
    """
    text = unicodedata.normalize("NFC", text)
    mentions: list[NumberMention] = []
    masked = list(text)
    for m in _DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else None
        if 1 <= day <= 31 and 1 <= month <= 12:
            mentions.append(NumberMention(raw=m.group(0), date=(day, month, year)))
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
    masked_text = "".join(masked)
    for m in _NUMBER.finditer(masked_text):
        before = masked_text[: m.start()]
        if before and (before[-1].isalpha() or (before[-1] == "-" and len(before) > 1 and before[-2].isalpha())):
            continue
        try:
            values = number_readings(m.group(1), vietnamese_only=vietnamese_only)
        except InvalidOperation:  # pragma: no cover - the regex only admits digits
            values = set()
        if m.group(2):
            factor = MULTIPLIERS[m.group(2).lower()]
            values = {v * factor for v in values}
        mentions.append(NumberMention(raw=m.group(0), values=frozenset(values)))
    return mentions


def unsupported_numbers(answer_text: str, evidence: Iterable[str]) -> list[str]:
    """The figures of `answer_text` (as written) that no evidence text states.

    Evidence (Vietnamese articles) is read with Vietnamese separators only; the answer may be in
    English, so its figures are read both ways and match when either reading is in the evidence.
    """
    allowed_values: set[Decimal] = set()
    allowed_raw: set[str] = set()
    allowed_dates: set[tuple[int, int, int | None]] = set()
    for text in evidence:
        for mention in find_numbers(text, vietnamese_only=True):
            allowed_raw.add(mention.raw.lower())
            allowed_values |= mention.values
            if mention.date is not None:
                allowed_dates.add(mention.date)
                # "ngày 26 tháng 11" may be restated as 26/11 and the other way round.
                allowed_values |= {Decimal(part) for part in mention.date if part is not None}
    missing = []
    for mention in find_numbers(answer_text):
        if mention.raw.lower() in allowed_raw or mention.values & allowed_values:
            continue
        if mention.date is not None and _date_supported(mention.date, allowed_dates, allowed_values):
            continue
        missing.append(mention.raw)
    return missing


def _date_supported(
    date: tuple[int, int, int | None],
    allowed_dates: set[tuple[int, int, int | None]],
    allowed_values: set[Decimal],
) -> bool:
    day, month, year = date
    for d, m, y in allowed_dates:
        if (d, m) == (day, month) and (year is None or y == year or Decimal(year) in allowed_values):
            return True
    return all(Decimal(part) in allowed_values for part in date if part is not None)


# ---- citations --------------------------------------------------------------------------------


def _citation_numbers(group: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group):
        if re.search(r"[-–]", part):
            low, high = (int(x) for x in re.split(r"\s*[-–]\s*", part))
            numbers.extend(range(low, high + 1) if 0 < high - low < 50 else [low, high])
        else:
            numbers.append(int(part))
    return numbers


def cited_numbers(reply: str) -> list[int]:
    """The source numbers a reply cites, in order of first citation, without repeats."""
    seen: dict[int, None] = {}
    for m in _CITATION.finditer(reply):
        for n in _citation_numbers(m.group(1)):
            seen.setdefault(n, None)
    return list(seen)


def _renumber(reply: str, mapping: dict[int, int]) -> str:
    def sub(m: re.Match[str]) -> str:
        news = dict.fromkeys(mapping[n] for n in _citation_numbers(m.group(1)))
        return "".join(f"[{n}]" for n in news)

    return _CITATION.sub(sub, reply)


# ---- the answerer -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Verdict:
    answer: Answer | None  # the accepted (or not-found) answer
    reason: str | None  # why the reply was rejected


class LLMAnswerer:
    """Answers with an LLM over numbered source sentences, accepting only grounded replies."""

    def __init__(
        self,
        llm: ChatLLM,
        fallback: FallbackAnswerer,
        *,
        max_sources: int = 8,
        max_related: int = 3,
    ) -> None:
        if max_sources < 1:
            raise ValueError(f"max_sources must be at least 1, got {max_sources}")
        if max_related < 0:
            raise ValueError(f"max_related must not be negative, got {max_related}")
        self.llm = llm
        self.fallback = fallback
        self.max_sources = max_sources
        self.max_related = max_related

    def sources(self, hits: Sequence[Hit]) -> list[Hit]:
        """The hits shown to the model as [1]..[n]: best first, one per sentence."""
        seen: set[tuple[str, int, int]] = set()
        sources = []
        for hit in hits:
            key = (hit.doc_id, hit.start, hit.end)
            if hit.evidence and key not in seen:  # captions and bylines are never sources
                seen.add(key)
                sources.append(hit)
            if len(sources) == self.max_sources:
                break
        return sources

    def messages(self, question: str, sources: Sequence[Hit]) -> list[ChatMessage]:
        """The chat request: one user message with the numbered sources and the question."""
        language = detect_language(question)
        lines = []
        for number, hit in enumerate(sources, start=1):
            origin = ", ".join(part for part in (hit.title, hit.date) if part)
            lines.append(f"[{number}] {hit.sentence}" + (f" ({origin})" if origin else ""))
        prompt = load_prompt(f"answer_{language}").format(
            sources="\n".join(lines), question=question, not_found=NOT_FOUND_TOKEN
        )
        return [ChatMessage(role=MessageRole.USER, content=prompt)]

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        """Ask the LLM and return its answer if grounded, else the extractive answer with a note."""
        question = unicodedata.normalize("NFC", question)
        sources = self.sources(hits)
        if not sources:
            return self._fall_back(question, hits, "LLM not asked: no source sentences", {})
        started = time.perf_counter()
        try:
            response = self.llm.chat(self.messages(question, sources))
            reply = response.message.content or ""
        except Exception as exc:  # any endpoint failure (HTTP error, timeout, refused) degrades
            return self._endpoint_failed(question, hits, exc, started)
        return self._finish(question, hits, sources, reply, started)

    def stream(self, question: str, hits: Sequence[Hit]) -> LLMStream:
        """Stream the model's text deltas; the checked Answer is `.answer` once exhausted."""
        question = unicodedata.normalize("NFC", question)
        stream = LLMStream()

        def run() -> Iterator[str]:
            sources = self.sources(hits)
            if not sources:
                stream._set(self._fall_back(question, hits, "LLM not asked: no source sentences", {}))
                return
            started = time.perf_counter()
            parts: list[str] = []
            try:
                for chunk in self.llm.stream_chat(self.messages(question, sources)):
                    delta = chunk.delta or ""
                    if delta:
                        parts.append(delta)
                        yield delta
            except Exception as exc:  # a stream cut mid-way is an endpoint failure too
                stream._set(self._endpoint_failed(question, hits, exc, started))
                return
            stream._set(self._finish(question, hits, sources, "".join(parts), started))

        stream._start(run())
        return stream

    # ---- internals -------------------------------------------------------------------------

    def _endpoint_failed(self, question: str, hits: Sequence[Hit], exc: Exception, started: float) -> Answer:
        elapsed = {"llm": (time.perf_counter() - started) * 1000}
        reason = f"endpoint error ({type(exc).__name__})"
        logger.warning("LLM endpoint failed: %s: %s", type(exc).__name__, exc)
        return self._fall_back(question, hits, f"LLM unavailable: {reason}", elapsed)

    def _finish(
        self, question: str, hits: Sequence[Hit], sources: Sequence[Hit], reply: str, started: float
    ) -> Answer:
        timings = {"llm": (time.perf_counter() - started) * 1000}
        verdict = self._check(question, sources, reply)
        if verdict.answer is not None:
            return replace(verdict.answer, timings_ms=timings)
        logger.info("LLM answer rejected (%s): %r", verdict.reason, reply[:300])
        return self._fall_back(question, hits, f"LLM answer rejected: {verdict.reason}", timings)

    def _check(self, question: str, sources: Sequence[Hit], reply: str) -> _Verdict:
        """Accept a grounded reply (or a NOT_FOUND) as an Answer, or say why it is rejected."""
        # Reasoning models may put their thinking inline; only the final text is the answer.
        text = _THINK.sub("", unicodedata.normalize("NFC", reply)).strip()
        if not text:
            return _Verdict(None, "empty reply")
        if NOT_FOUND_TOKEN in text.upper():
            language = detect_language(question)
            return _Verdict(
                Answer(
                    question=question,
                    answer=message(language, "not_found"),
                    found=False,
                    related=tuple(citation_from_hit(h) for h in sources[: self.max_related]),
                    mode="llm",
                    language=language,
                ),
                None,
            )
        cited = cited_numbers(text)
        if not cited:
            return _Verdict(None, "no citation")
        bad = [n for n in cited if not 1 <= n <= len(sources)]
        if bad:
            return _Verdict(None, f"citation [{bad[0]}] not among sources 1-{len(sources)}")
        body = _LIST_MARKER.sub(" ", _CITATION.sub(" ", text))
        evidence = [sources[n - 1].sentence for n in cited] + [question]
        missing = unsupported_numbers(body, evidence)
        if missing:
            return _Verdict(None, f"number {missing[0]!r} not in the cited sentences")
        mapping = {old: new for new, old in enumerate(cited, start=1)}
        return _Verdict(
            Answer(
                question=question,
                answer=_renumber(text, mapping),
                found=True,
                citations=tuple(citation_from_hit(sources[n - 1]) for n in cited),
                mode="llm",
                language=detect_language(question),
            ),
            None,
        )

    def _fall_back(self, question: str, hits: Sequence[Hit], reason: str, timings: dict[str, float]) -> Answer:
        answer = self.fallback.answer(question, list(hits))
        note = f"{reason}; showing the extractive answer."
        if answer.note:
            note = f"{note} {answer.note}"
        return replace(
            answer, mode="extractive", note=note, timings_ms={**answer.timings_ms, **timings}
        )


class LLMStream(Iterator[str]):
    """Text deltas of a streamed LLM reply; `.answer` is the checked Answer after the last delta."""

    def __init__(self) -> None:
        self._deltas: Iterator[str] = iter(())
        self._answer: Answer | None = None

    def _start(self, deltas: Iterator[str]) -> None:
        self._deltas = deltas

    def _set(self, answer: Answer) -> None:
        self._answer = answer

    def __iter__(self) -> LLMStream:
        return self

    def __next__(self) -> str:
        return next(self._deltas)

    @property
    def done(self) -> bool:
        """True once the final Answer is available."""
        return self._answer is not None

    @property
    def answer(self) -> Answer:
        """The final Answer; iterate the stream to the end first."""
        if self._answer is None:
            raise RuntimeError("the stream is not finished: iterate it to the end first")
        return self._answer

    def consume(self, on_delta: Callable[[str], None] | None = None) -> Answer:
        """Run the stream to the end (calling on_delta for each delta) and return the final Answer."""
        for delta in self:
            if on_delta is not None:
                on_delta(delta)
        return self.answer
