"""Pure rendering: answers, citation cards and exports built from Answer objects, safely escaped.

Everything that came from a user or an article is text, never markup: it goes through `escape_text`,
which HTML-escapes it and also turns every character Markdown would act on into a numeric entity, so
that neither `<script>` nor `![x](http://host/x.png)` can become an element, whatever the chat
component's Markdown/HTML pipeline does with the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from answer.english_figures import in_reader_terms
from answer.language import detect_language
from answer.models import Alternative, Answer, Citation, Turn
from ui.strings import Strings

# Characters that Markdown, GFM autolinks or LaTeX delimiters act on, plus HTML's own.
_ACTIVE = frozenset("&<>\"'`*_[]()!#|~\\$:{}=")
_ENTITY = {c: f"&#{ord(c)};" for c in _ACTIVE}

# A citation's paragraph is shown whole up to this many characters; longer ones are cut around the sentence.
MAX_CONTEXT_CHARS = 700

# How much of a related sentence its closed card shows.
PREVIEW_CHARS = 160

# The streamed answer arrives in about this many pieces (the extractive answer is instant).
STREAM_PIECES = 4

_MD_EXPORT_ACTIVE = re.compile(r"([\\`*_\[\]()!<>#|~{}$])")

# Citation markers as the answerers write them ("… [1]"), before and after escape_text.
_MARKER = re.compile(r"\[(\d{1,2})\]")
_ESCAPED_MARKER = re.compile(r"&#91;(\d{1,2})&#93;")


def escape_text(text: str) -> str:
    """User or article text as inert HTML: entities for markup characters, <br> for line breaks."""
    escaped = "".join(_ENTITY.get(ch, ch) for ch in text)
    # No raw newline may reach the chat's Markdown parser: a blank line would end the HTML block.
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def escape_markdown(text: str) -> str:
    """Text for a Markdown file: every active character backslash-escaped, lines kept on one line."""
    return _MD_EXPORT_ACTIVE.sub(r"\\\1", " ".join(text.split()))


def paragraph_span(text: str, start: int, end: int, *, max_chars: int = MAX_CONTEXT_CHARS) -> tuple[int, int]:
    """The paragraph (newline-delimited) around [start, end), cut to about max_chars around it."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    para_start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", end)
    para_end = len(text) if newline == -1 else newline
    spare = max(0, max_chars - (end - start))
    if para_end - para_start > max_chars:
        # Keep the sentence whole and share the remaining room before and after it.
        before = min(start - para_start, spare // 2)
        after = min(para_end - end, spare - before)
        before = min(start - para_start, spare - after)
        lo, hi = start - before, end + after
        # Snap to word boundaries so no word is shown cut in half.
        if lo > para_start:
            space = text.find(" ", lo, start)
            lo = space + 1 if space != -1 else lo
        if hi < para_end:
            space = text.rfind(" ", end, hi)
            hi = space if space != -1 else hi
        para_start, para_end = lo, hi
    return para_start, para_end


def locate(citation: Citation, article: str | None) -> tuple[int, int] | None:
    """Where the cited sentence is in the article: its offsets, re-found if the article changed."""
    if not article:
        return None
    if article[citation.start : citation.end] == citation.sentence:
        return citation.start, citation.end
    found = article.find(citation.sentence)
    if found == -1:
        return None
    return found, found + len(citation.sentence)


def highlighted_paragraph_html(article: str | None, citation: Citation) -> str:
    """The cited sentence <mark>ed inside its paragraph; the sentence alone when the article is gone."""
    span = locate(citation, article)
    if span is None or article is None:
        return f'<p class="lqa-context">{_sentence_html(citation.sentence, clause_span(citation))}</p>'
    start, end = span
    lo, hi = paragraph_span(article, start, end)
    para_start = article.rfind("\n", 0, start) + 1
    newline = article.find("\n", end)
    para_end = len(article) if newline == -1 else newline
    lead = "… " if lo > para_start else ""
    tail = " …" if hi < para_end else ""
    clause = clause_span(citation)
    return (
        f'<p class="lqa-context">{lead}{escape_text(article[lo:start])}'
        f"{_sentence_html(article[start:end], clause)}"
        f"{escape_text(article[end:hi])}{tail}</p>"
    )


def clause_span(citation: Citation) -> tuple[int, int] | None:
    """The cited clause as offsets into the sentence itself, or None when the whole sentence is the evidence.

    Relative to the sentence, so it stays right when `locate` finds the sentence elsewhere in a changed article.
    """
    if citation.clause_start is None or citation.clause_end is None:
        return None
    lo, hi = citation.clause_start - citation.start, citation.clause_end - citation.start
    if not 0 <= lo < hi <= len(citation.sentence) or (lo, hi) == (0, len(citation.sentence)):
        return None  # outside the sentence (a contract breach) or the whole of it: highlight the sentence
    return lo, hi


def _sentence_html(sentence: str, clause: tuple[int, int] | None) -> str:
    """The cited sentence highlighted: the clause strongly, the rest of the sentence lightly."""
    if clause is None:
        return f"<mark>{escape_text(sentence)}</mark>"
    lo, hi = clause
    return (
        f'<span class="lqa-sentence">{escape_text(sentence[:lo])}'
        f'<mark class="lqa-clause">{escape_text(sentence[lo:hi])}</mark>{escape_text(sentence[hi:])}</span>'
    )


def _meta_line(citation: Citation, strings: Strings) -> str:
    date = escape_text(citation.date) if citation.date else escape_text(strings["unknown_date"])
    source = escape_text(citation.source) if citation.source else escape_text(strings["unknown_source"])
    return (
        f'<div class="lqa-meta"><span class="lqa-date">{escape_text(strings["date"])}: {date}</span>'
        f' · <span class="lqa-source">{escape_text(strings["source"])}: {source}</span></div>'
    )


def citation_card_html(
    number: int, citation: Citation, article: str | None, strings: Strings, *, kind: str = "source"
) -> str:
    """One numbered, expandable card: title, date, source, and the sentence highlighted in context."""
    title = escape_text(citation.title or strings["untitled"])
    css = "lqa-card lqa-card-related" if kind == "related" else "lqa-card lqa-card-source"
    preview = ""
    if kind == "related":
        # A related sentence is the point of its card: show its start even while the card is closed.
        text = citation.sentence if len(citation.sentence) <= PREVIEW_CHARS else citation.sentence[:PREVIEW_CHARS] + "…"
        preview = f'<div class="lqa-preview">{escape_text(text)}</div>'
    return (
        f'<details class="{css}" data-doc="{escape_text(citation.doc_id)}">'
        f'<summary><span class="lqa-num">[{number}]</span> <span class="lqa-title">{title}</span>{preview}</summary>'
        f"{_meta_line(citation, strings)}{highlighted_paragraph_html(article, citation)}</details>"
    )


ArticleText = Callable[[str], "str | None"]


def _article_getter(article_text: ArticleText) -> ArticleText:
    """Fetch each article once per render; a deleted article yields None instead of an error."""
    cache: dict[str, str | None] = {}

    def get(doc_id: str) -> str | None:
        if doc_id not in cache:
            try:
                cache[doc_id] = article_text(doc_id)
            except Exception:  # deleted or unreadable: the card falls back to the sentence itself
                cache[doc_id] = None
        return cache[doc_id]

    return get


def _headline(answer: Answer, extracted: str) -> str:
    """The answer's figure, date or name as its reader reads it: "more than 163,600 workers (hơn 163.600 lượt lao
    động)" to an English question, as the article writes it to a Vietnamese one."""
    return in_reader_terms(answer.language or detect_language(answer.question), answer.answer_type or "", extracted)


def _head_html(answer: Answer, text: str, strings: Strings, *, with_refs: bool) -> str:
    label = strings["found_label"] if answer.found else strings["not_found_label"]
    parts = [f'<div class="lqa-label">{escape_text(label)}</div>']
    if answer.found and answer.extracted:
        parts.append(f'<div class="lqa-figure"><strong>{escape_text(_headline(answer, answer.extracted))}</strong></div>')
    if answer.found and (answer.period or answer.answer_labels):
        about = [f'{escape_text(strings["period"])}: {escape_text(answer.period)}'] if answer.period else []
        if answer.answer_labels:
            about.append(f'<span class="lqa-labels">{escape_text(strings.labels(answer.answer_labels))}</span>')
        parts.append(f'<div class="lqa-period">{" · ".join(about)}</div>')
    body = escape_text(text)
    if answer.found and answer.citations:
        # The answer text carries its own [n] markers; style those that point at a citation.
        count = len(answer.citations)

        def ref(match: re.Match[str]) -> str:
            n = int(match.group(1))
            return f'<span class="lqa-cite-ref">[{n}]</span>' if 1 <= n <= count else match.group(0)

        body, styled = _ESCAPED_MARKER.subn(ref, body)
        if with_refs and not styled:
            body += " " + " ".join(f'<span class="lqa-cite-ref">[{i}]</span>' for i in range(1, count + 1))
    parts.append(f'<div class="lqa-text">{body}</div>')
    return "".join(parts)


def filters_text(filters: Mapping[str, str], strings: Strings) -> str:
    """The filters an answer was searched with, as one short line ("Đã lọc: từ … · nguồn: …"); "" when none."""
    said = [strings.fmt(f"filters_applied_{key}", date=filters[key]) for key in ("since", "until") if filters.get(key)]
    if filters.get("source"):
        said.append(strings.fmt("filters_applied_source", source=filters["source"]))
    return f"{strings['filters_applied']}: {' · '.join(said)}" if said else ""


def confidence_percent(confidence: float) -> int:
    """A probability as the whole per cent shown, never 100 or 0: a model's estimate is not a certainty (0.996 is
    "99%", not "100%")."""
    return min(99, max(1, round(confidence * 100)))


def answer_html(answer: Answer, article_text: ArticleText, strings: Strings) -> str:
    """The full answer message: label, headline figure, text with [n] markers, and citation cards."""
    get = _article_getter(article_text)
    css = "lqa-answer lqa-found" if answer.found else "lqa-answer lqa-not-found"
    parts = [f'<div class="{css}">', _head_html(answer, answer.answer, strings, with_refs=True)]
    if answer.found and answer.confidence is not None:
        # the answer's calibrated probability of being right: staff weigh a 40% answer differently from a 95% one
        parts.append(
            f'<div class="lqa-confidence">{escape_text(strings["confidence"])}: {confidence_percent(answer.confidence)}%</div>'
        )
    filtered = filters_text(answer.filters, strings)
    if filtered:
        parts.append(f'<div class="lqa-filters">{escape_text(filtered)}</div>')
    resolved = answer.resolved_question
    if resolved and resolved.strip() != answer.question.strip():
        parts.append(
            f'<div class="lqa-resolved">{escape_text(strings["understood_as"])}: {escape_text(resolved)}</div>'
        )
    if answer.note:
        parts.append(f'<div class="lqa-note">{escape_text(strings["note"])}: {escape_text(answer.note)}</div>')
    if answer.alternatives:
        parts.append(alternatives_html(answer.alternatives, strings))
    if answer.found and answer.citations:
        parts.append(f'<div class="lqa-sources"><div class="lqa-section">{escape_text(strings["sources"])}</div>')
        for i, citation in enumerate(answer.citations, 1):
            parts.append(citation_card_html(i, citation, get(citation.doc_id), strings))
        parts.append("</div>")
    # Related sentences are never presented as support: own heading, own style, only when not found.
    related = answer.related if not answer.found else ()
    if related:
        parts.append(f'<div class="lqa-related"><div class="lqa-section">{escape_text(strings["related"])}</div>')
        for i, citation in enumerate(related, 1):
            parts.append(citation_card_html(i, citation, get(citation.doc_id), strings, kind="related"))
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def _alternative_cells(alternative: Alternative, strings: Strings) -> list[str]:
    """One alternative's cells as plain text: figure, period, date, source, labels."""
    return [
        alternative.answer,
        alternative.period or "—",
        alternative.date or strings["unknown_date"],
        alternative.source or strings["unknown_source"],
        strings.labels(alternative.labels),
    ]


_ALT_COLUMNS = ("alt_col_answer", "alt_col_period", "alt_col_date", "alt_col_source", "alt_col_labels")


def alternatives_html(alternatives: Sequence[Alternative], strings: Strings) -> str:
    """Other figures for the same question as a compact table (figure, period, date, source, labels)."""
    head = "".join(f"<th>{escape_text(strings[c])}</th>" for c in _ALT_COLUMNS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape_text(cell)}</td>" for cell in _alternative_cells(a, strings)) + "</tr>"
        for a in alternatives
    )
    return (
        f'<div class="lqa-alternatives"><div class="lqa-section">{escape_text(strings["alternatives"])}</div>'
        f'<table class="lqa-alt-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )


def alternatives_markdown(alternatives: Sequence[Alternative], strings: Strings) -> list[str]:
    """The alternatives table as Markdown lines (cells escaped, so a "|" in a source cannot split a cell)."""
    lines = [f"*{strings['alternatives']}:*", ""]
    lines.append("| " + " | ".join(strings[c] for c in _ALT_COLUMNS) + " |")
    lines.append("|" + " --- |" * len(_ALT_COLUMNS))
    for alternative in alternatives:
        cells = [escape_markdown(cell) for cell in _alternative_cells(alternative, strings)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def partial_answer_html(answer: Answer, text_so_far: str, strings: Strings) -> str:
    """The answer while it streams: label, figure and the text received so far."""
    css = "lqa-answer lqa-found" if answer.found else "lqa-answer lqa-not-found"
    return f'<div class="{css} lqa-streaming">{_head_html(answer, text_so_far, strings, with_refs=False)}</div>'


def stream_prefixes(text: str, pieces: int = STREAM_PIECES) -> list[str]:
    """Growing prefixes of text, cut at spaces, the last one being the whole text."""
    words = text.split(" ")
    if len(words) <= 1 or pieces <= 1:
        return [text]
    step = max(1, -(-len(words) // pieces))
    prefixes = [" ".join(words[:i]) for i in range(step, len(words), step)]
    return [*prefixes, text]


def question_html(question: str) -> str:
    """The user's message, as text."""
    return f'<div class="lqa-question">{escape_text(question)}</div>'


def error_html(message: str) -> str:
    """An error shown in the conversation instead of an answer."""
    return f'<div class="lqa-answer lqa-error">{escape_text(message)}</div>'


def _footnote(citation: Citation, strings: Strings) -> str:
    meta = [f"*{escape_markdown(citation.title or strings['untitled'])}*"]
    meta.append(escape_markdown(citation.date or strings["unknown_date"]))
    meta.append(escape_markdown(citation.source or strings["unknown_source"]))
    return f"“{escape_markdown(citation.sentence)}” — {', '.join(meta)}"


def _markdown_with_refs(text: str, labels: dict[int, str]) -> str:
    """Answer text as Markdown, its [n] markers turned into footnote references (appended if absent)."""
    found: list[str] = []

    def hold(match: re.Match[str]) -> str:
        label = labels.get(int(match.group(1)))
        if label is None:
            return match.group(0)
        found.append(label)
        return f"\x00{len(found) - 1}\x00"  # survives escaping, unlike the brackets

    held = _MARKER.sub(hold, text)
    escaped = escape_markdown(held)
    result = re.sub(r"\x00(\d+)\x00", lambda m: found[int(m.group(1))], escaped)
    if not found and labels:
        result = f"{result} {' '.join(labels.values())}"
    return result


def conversation_markdown(turns: Sequence[Turn], strings: Strings) -> str:
    """The conversation as Markdown: each answer with numbered footnotes citing its sentences."""
    lines = [f"# {strings['export_title']}", ""]
    footnote_no = 0
    for turn in turns:
        answer = turn.answer
        lines.append(f"## {strings['export_question']}: {escape_markdown(turn.question)}")
        lines.append("")
        label = strings["found_label"] if answer.found else strings["not_found_label"]
        lines.append(f"**{label}**")
        lines.append("")
        if answer.found and answer.extracted:
            lines.append(f"**{escape_markdown(_headline(answer, answer.extracted))}**")
            lines.append("")
        if answer.found and (answer.period or answer.answer_labels):
            about = [f"{strings['period']}: {escape_markdown(answer.period)}"] if answer.period else []
            if answer.answer_labels:
                about.append(escape_markdown(strings.labels(answer.answer_labels)))
            lines.append(f"*{' · '.join(about)}*")
            lines.append("")
        notes: list[str] = []
        labels: dict[int, str] = {}
        if answer.found:
            for i, citation in enumerate(answer.citations, 1):
                footnote_no += 1
                labels[i] = f"[^{footnote_no}]"
                notes.append(f"[^{footnote_no}]: {_footnote(citation, strings)}")
        lines.append(_markdown_with_refs(answer.answer, labels))
        lines.append("")
        filtered = filters_text(answer.filters, strings)
        if filtered:
            lines.append(f"*{escape_markdown(filtered)}*")
            lines.append("")
        if answer.alternatives:
            lines.extend(alternatives_markdown(answer.alternatives, strings))
        if not answer.found and answer.related:
            lines.append(f"*{strings['export_related']}:*")
            lines.append("")
            for citation in answer.related:
                lines.append(f"- {_footnote(citation, strings)}")
            lines.append("")
        if notes:
            lines.extend(notes)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
