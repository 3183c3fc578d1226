"""Source files (.txt .md .html .pdf .docx .jsonl[.gz]) to Article records with clean NFC text."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import logging
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from errors import UnreadableDocument
from ingest.metadata import extract_metadata
from ingest.models import Article
from ingest.text import clean_text, decode_bytes

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".jsonl", ".jsonl.gz")

_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "table", "tr", "td", "th", "caption", "figure", "figcaption", "hr", "address",
    "details", "summary", "center",
)
_BOILERPLATE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "header", "footer", "aside",
    "form", "button", "select", "object", "embed", "head",
)
_BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "search", "complementary")
# Private-use markers survive whitespace collapsing; they become paragraph / line breaks afterwards.
_BLOCK_MARK = "\ue000"
_BREAK_MARK = "\ue001"
_LINE_END_PUNCT = tuple('.!?…:;"”)»')


def _kind(name: str) -> str | None:
    low = name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if low.endswith(suffix):
            return suffix
    return None


def iter_source_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Yield the supported files among `paths` (folders recursively), sorted, without hidden files."""
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if not name.startswith(".") and _kind(name) is not None:
                        found.add(Path(dirpath) / name)
        elif path.is_file():
            if _kind(path.name) is not None:
                found.add(path)
            else:
                log.warning("%s: unsupported file type, skipped", path)
        else:
            raise UnreadableDocument(str(path), "no such file or directory")
    yield from sorted(found, key=lambda p: p.as_posix())


def _file_key(path: Path, root: Path | None) -> str:
    """The stable id of a file: its POSIX path relative to `root`, or its name without a root."""
    if root is None:
        return path.name
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if rel.startswith(".."):
        log.warning("%s is outside %s; using the file name as its id", path, root)
        return path.name
    return Path(rel).as_posix()


def _iso_date(value: object) -> str | None:
    """An ISO date prefix from "2021-01-13T08:00", "2021-01", "13/1/2021"; None when not a date."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        m = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", value)
        if not m:
            m = re.fullmatch(r"(\d{4})", value)
            return value if m and 1900 <= int(value) <= 2100 else None
        y, mo, d = int(m.group(3)), int(m.group(2)), m.group(1)
    try:
        if d is None:
            dt.date(y, mo, 1)
            return f"{y:04d}-{mo:02d}"
        return dt.date(y, mo, int(d)).isoformat()
    except ValueError:
        return None


def _unwrap_soft(raw: str) -> str:
    """Join hard-wrapped lines of plain text: a line continues when the next one starts in lower case."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and stripped and stripped[0].islower():
            prev = out[-1].rstrip()
            if prev and not prev.endswith(_LINE_END_PUNCT):
                out[-1] = prev + " " + stripped
                continue
        out.append(line)
    return "\n".join(out)


def _unwrap_pdf(page_text: str) -> str:
    """Rebuild paragraphs of a PDF page: a line ends its paragraph when it ends a sentence or is short."""
    lines = [line.strip() for line in page_text.replace("\r", "\n").split("\n")]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if line.endswith(_LINE_END_PUNCT) or len(line) < 0.6 * width:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return "\n\n".join(out)


def _one_line(value: str | None) -> str | None:
    """A metadata value as clean single-line text, None when empty."""
    return (" ".join(clean_text(value).split()) or None) if value else None


def _content_hash(text: str, fields: dict[str, Any]) -> str:
    payload = json.dumps({"text": text, **fields}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _make_article(
    doc_id: str,
    text: str,
    path: Path,
    *,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    author: str | None = None,
    url: str | None = None,
    extra: dict[str, str] | None = None,
) -> Article:
    """Fill what the file did not state from the (already clean) text itself, then build the Article."""
    meta = extract_metadata(text)
    if meta.text != text:  # only a removed machine header; cleaning again is cheap insurance
        text = clean_text(meta.text)
    if not text:
        raise UnreadableDocument(str(path), "no text content")
    fields: dict[str, Any] = {
        "title": _one_line(title) or meta.title or Path(doc_id).stem,
        "date": date or meta.date,
        "source": source or meta.source,
        "author": author or meta.author,
        "url": url,
        "extra": dict(extra or {}),
    }
    return Article(
        doc_id=doc_id,
        text=text,
        source_path=str(path),
        content_hash=_content_hash(text, fields),
        **fields,
    )


def _read_markdown(raw: str) -> tuple[str, str | None]:
    """Markdown to plain text (headings, emphasis, links, lists unwrapped); the first heading is the title."""
    title = None
    lines = []
    in_fence = False
    for line in _unwrap_soft(raw).split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence:
            heading = re.match(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$", line)
            if heading:
                line = heading.group(2)
                if title is None and line.strip():
                    title = line.strip()
            elif re.fullmatch(r"\s*([-*_])(?:\s*\1){2,}\s*", line):
                continue
            line = re.sub(r"^\s*(?:>\s?)+", "", line)
            line = re.sub(r"^\s*[-*+]\s+", "", line)
            line = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", "", line)
            line = re.sub(r"\[([^\]\n]+)\]\([^)\n]*\)", r"\1", line)
            line = re.sub(r"(\*\*|__)([^*_\n]+)\1", r"\2", line)
            line = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", line)
            line = re.sub(r"`([^`\n]+)`", r"\1", line)
        lines.append(line)
    return "\n".join(lines), title


def _decode_html(data: bytes, path: Path) -> str:
    declared = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = {"windows-1258": "cp1258", "x-user-defined": "cp1252"}.get(name, name)
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            log.warning("%s: declared charset %s does not fit, detecting", path, name)
    return decode_bytes(data, str(path))


def _meta_content(soup: Any, *selectors: tuple[str, str]) -> str | None:
    for attr, value in selectors:
        tag = soup.find("meta", attrs={attr: re.compile(f"^{re.escape(value)}$", re.I)})
        if tag is not None and tag.get("content", "").strip():
            return str(tag["content"]).strip()
    return None


def _read_html(data: bytes, path: Path) -> tuple[str, dict[str, Any]]:
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(_decode_html(data, path), "lxml")
    fields: dict[str, Any] = {}
    title_tag = soup.find("title")
    page_title = title_tag.get_text(" ", strip=True) if title_tag else None
    og_title = _meta_content(soup, ("property", "og:title"), ("name", "og:title"), ("name", "twitter:title"))
    raw_date = _meta_content(
        soup,
        ("property", "article:published_time"),
        ("name", "article:published_time"),
        ("itemprop", "datePublished"),
        ("name", "date"),
        ("name", "pubdate"),
        ("name", "publishdate"),
        ("name", "dc.date"),
        ("name", "dcterms.date"),
    )
    time_tag = soup.find("time", attrs={"datetime": True})
    fields["date"] = _iso_date(raw_date) or (_iso_date(time_tag["datetime"]) if time_tag else None)
    fields["source"] = _meta_content(soup, ("property", "og:site_name"))
    fields["author"] = _meta_content(soup, ("name", "author"), ("property", "article:author"))
    canonical = soup.find("link", rel="canonical", href=True)
    fields["url"] = _meta_content(soup, ("property", "og:url")) or (str(canonical["href"]) if canonical else None)

    for tag in soup.find_all(_BOILERPLATE_TAGS):
        if tag.name == "header" and tag.find_parent("article") is not None:
            continue  # an article's own header holds its headline and dateline, not site chrome
        tag.decompose()
    for tag in soup.find_all(None, {"role": list(_BOILERPLATE_ROLES)}):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    h1 = soup.find("h1")
    h1_title = h1.get_text(" ", strip=True) if h1 else None
    fields["title"] = og_title or h1_title or page_title
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before(_BLOCK_MARK)
        tag.insert_after(_BLOCK_MARK)
    for br in root.find_all("br"):
        br.replace_with(_BREAK_MARK)
    # Source newlines inside a <p> are layout, not breaks: collapse all whitespace, then restore the marks.
    text = re.sub(r"\s+", " ", root.get_text())
    text = text.replace(_BREAK_MARK, "\n").replace(_BLOCK_MARK, "\n\n")
    return text, fields


def _read_pdf(data: bytes, path: Path) -> tuple[str, dict[str, Any]]:
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(str(path), "not a PDF file")
    if b"%%EOF" not in data[-4096:]:
        raise UnreadableDocument(str(path), "truncated PDF (no end-of-file marker)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # missing crypto backend or unsupported scheme
                raise UnreadableDocument(str(path), f"encrypted PDF ({exc})") from exc
            if not opened:
                raise UnreadableDocument(str(path), "encrypted PDF (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = info.title if info is not None and isinstance(info.title, str) else None
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf raises many exception types on damaged files
        raise UnreadableDocument(str(path), f"corrupt PDF ({type(exc).__name__}: {exc})") from exc
    return "\n\n".join(_unwrap_pdf(page) for page in pages), {"title": title}


def _read_docx(data: bytes, path: Path) -> tuple[str, dict[str, Any]]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        title = (document.core_properties.title or "").strip() or None
        style_title = None
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        cell_text = " ".join(cell.text.split())
                        if cell_text and (not cells or cells[-1] != cell_text):  # merged cells repeat
                            cells.append(cell_text)
                    blocks.append(" | ".join(cells))
            else:
                style = block.style.name if block.style is not None else ""
                if style_title is None and style in ("Title", "Heading 1") and block.text.strip():
                    style_title = block.text.strip()
                blocks.append(block.text)
    except Exception as exc:  # zipfile, lxml and KeyError from a damaged package
        raise UnreadableDocument(str(path), f"corrupt DOCX ({type(exc).__name__}: {exc})") from exc
    return "\n\n".join(blocks), {"title": style_title or title}


_JSONL_KNOWN = frozenset({"id", "title", "sapo", "body", "date", "source", "url", "author"})


def _jsonl_article(record: Any, file_key: str, path: Path) -> Article:
    """One JSONL record to an Article; raises ValueError when the record is unusable."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    rec_id = record.get("id")
    if not isinstance(rec_id, (str, int)) or isinstance(rec_id, bool) or str(rec_id).strip() == "":
        raise ValueError("missing id")
    parts = [record.get("sapo"), record.get("body")]
    if not all(p is None or isinstance(p, str) for p in parts):
        raise ValueError("sapo/body is not a string")
    text = clean_text("\n\n".join(p for p in parts if p))
    if not text:
        raise ValueError("no text in sapo/body")
    extra = {
        k: str(v)
        for k, v in record.items()
        if k not in _JSONL_KNOWN and isinstance(v, (str, int, float)) and not isinstance(v, bool)
    }
    date = _iso_date(record.get("date"))
    if record.get("date") and date is None:
        extra["date_raw"] = str(record["date"])

    def text_field(key: str) -> str | None:
        value = record.get(key)
        return _one_line(value) if isinstance(value, str) else None

    return _make_article(
        f"{file_key}:{str(rec_id).strip()}",
        text,
        path,
        title=text_field("title"),
        date=date,
        source=text_field("source"),
        author=text_field("author"),
        url=text_field("url"),
        extra=extra,
    )


def _read_jsonl(path: Path, file_key: str, gz: bool) -> list[Article]:
    articles: list[Article] = []
    seen: set[str] = set()
    lineno = 0
    try:
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as stream:
            for lineno, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    article = _jsonl_article(json.loads(line), file_key, path)
                except (ValueError, UnreadableDocument) as exc:  # JSONDecodeError and UnicodeError are ValueErrors
                    log.warning("%s:%d: skipped bad record (%s)", path, lineno, exc)
                    continue
                if article.doc_id in seen:
                    log.warning("%s:%d: skipped duplicate id %s", path, lineno, article.doc_id)
                    continue
                seen.add(article.doc_id)
                articles.append(article)
    except gzip.BadGzipFile as exc:
        raise UnreadableDocument(str(path), "not a gzip file") from exc
    except (EOFError, zlib.error) as exc:
        if not articles:
            raise UnreadableDocument(str(path), f"truncated or corrupt gzip ({exc})") from exc
        log.warning("%s: truncated or corrupt gzip after line %d; kept %d records", path, lineno, len(articles))
    except OSError as exc:
        raise UnreadableDocument(str(path), f"cannot read ({exc})") from exc
    if not articles:
        raise UnreadableDocument(str(path), "empty file" if lineno == 0 else "no valid records")
    return articles


def read_articles(path: Path, root: Path | None = None) -> list[Article]:
    """Read one source file into articles (one for documents, one per record for JSONL)."""
    path = Path(path)
    kind = _kind(path.name)
    if kind is None:
        raise UnreadableDocument(str(path), f"unsupported file type '{path.suffix}'")
    file_key = _file_key(path, root)
    if kind in (".jsonl", ".jsonl.gz"):
        if not path.is_file():
            raise UnreadableDocument(str(path), "no such file")
        return _read_jsonl(path, file_key, gz=kind == ".jsonl.gz")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(str(path), f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise UnreadableDocument(str(path), "empty file")
    fields: dict[str, Any] = {}
    if kind == ".txt":
        text = _unwrap_soft(decode_bytes(data, str(path)))
    elif kind == ".md":
        text, title = _read_markdown(decode_bytes(data, str(path)))
        fields["title"] = title
    elif kind in (".html", ".htm"):
        text, fields = _read_html(data, path)
    elif kind == ".pdf":
        text, fields = _read_pdf(data, path)
    else:
        text, fields = _read_docx(data, path)
    text = clean_text(text)
    if not text:
        reason = {".txt": "empty file", ".md": "empty file", ".pdf": "PDF has no extractable text (scanned images?)"}
        raise UnreadableDocument(str(path), reason.get(kind, "no text content"))
    return [_make_article(file_key, text, path, **fields)]
