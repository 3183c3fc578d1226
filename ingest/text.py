"""Bytes to clean NFC Vietnamese text: encoding detection (UTF-8/16, cp1258, TCVN3) and normalisation."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from errors import UnreadableDocument

log = logging.getLogger(__name__)

# TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime etc.): bytes 0xA1-0xFE carry Vietnamese letters.
# VN3 has no upper-case toned vowels (those used a separate "H" font with the same byte codes).
_TCVN3_LETTERS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}


def _build_tcvn3_table() -> str:
    """A 256-entry decoding table: ASCII as is, TCVN3 letters, cp1252 punctuation elsewhere."""
    chars = []
    for b in range(256):
        if b in _TCVN3_LETTERS:
            chars.append(_TCVN3_LETTERS[b])
        elif b < 0x80:
            chars.append(chr(b))
        else:
            # Unmapped high bytes: Windows files typed with ABC fonts still use cp1252 quotes and dashes.
            chars.append(bytes([b]).decode("cp1252", errors="ignore") or chr(b))
    return "".join(chars)


_TCVN3_DECODE = _build_tcvn3_table()
_TCVN3_MAPPED = frozenset(_TCVN3_LETTERS)

_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
# Everything that should end up as one plain space inside a line.
_SPACE_CHARS = r" \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Only runs that need rewriting match (not every single space): keeps 20 MB lines fast.
_INLINE_SPACE = re.compile(f"[{_SPACE_CHARS}]{{2,}}|[{_SPACE_CHARS[1:]}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0c\x1c-\x1e\x85\u2028\u2029]")
# A tone mark typed before the vowel's shape mark (e + acute + circumflex) blocks NFC composition.
_TONE_BEFORE_SHAPE = re.compile("([\u0300\u0301\u0303\u0309])([\u0302\u0306])")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# an area or volume whose superscript became a spaced digit when the page was flattened to text ("15 triệu đồng/m 2",
# "20 - 30m 2"): "m2", so the figure's unit stays whole and the 2 is no figure of its own ("làm 2 lần" is no unit)
_SPACED_POWER = re.compile(r"(?<![^\W\d_])((?:k|c|m)?m) ([23])(?![\w,.]\d|\w)")
_VIETNAMESE_ONLY = frozenset(
    "ăâêôơưđĂÂÊÔƠƯĐ" "\u0300\u0301\u0303\u0309\u0323"
)

_SAMPLE = 65536  # bytes inspected for binary/UTF-16 detection; enough and keeps big files linear


def _looks_utf16(head: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the NUL pattern of mostly-ASCII text."""
    if len(head) < 4:
        return None
    even = head[0::2]
    odd = head[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _control_ratio(sample: bytes) -> float:
    """Share of bytes that never occur in text files (C0 controls other than whitespace)."""
    if not sample:
        return 0.0
    bad = sum(sample.count(b) for b in (*range(0, 9), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F))
    return bad / len(sample)


def _badness(text: str) -> float:
    """Share of words that cannot be Vietnamese syllables (two tone marks, symbols glued into words)."""
    words = 0
    bad = 0
    for m in _WORD.finditer(unicodedata.normalize("NFD", text)):
        w = m.group()
        if w.isascii():
            continue
        words += 1
        if sum(1 for ch in w if ch in _TONES) > 1:
            bad += 1
    # Latin-1 symbols that TCVN3 uses for letters show up glued to letters when decoded as cp1258.
    glued = len(re.findall(r"[^\W\d_][\u00a1-\u00bf\u00d7\u00f7]|[\u00a1-\u00bf\u00d7\u00f7][^\W\d_]", text))
    return (bad + glued) / max(words + glued, 1)


def _vietnamese_share(text: str) -> float:
    """Share of non-ASCII letters that only Vietnamese uses (ă â ê ô ơ ư đ, tone marks)."""
    nfd = unicodedata.normalize("NFD", text)
    non_ascii = [ch for ch in nfd if not ch.isascii() and (ch.isalpha() or unicodedata.combining(ch))]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if ch in _VIETNAMESE_ONLY or ch.lower() in _VIETNAMESE_ONLY) / len(non_ascii)


def _decode_legacy(data: bytes, path: str) -> str:
    """Pick between Windows-1258 and TCVN3 for bytes that are not UTF-8."""
    try:
        cp1258: str | None = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        cp1258 = None
    high = [b for b in data[: _SAMPLE * 4] if b >= 0x80]
    mapped = sum(1 for b in high if b in _TCVN3_MAPPED) / max(len(high), 1)
    tcvn3 = data.decode("latin-1").translate(_TCVN3_DECODE) if mapped > 0.9 else None
    if tcvn3 is not None:
        t_bad = _badness(tcvn3[:_SAMPLE * 4])
        c_bad = _badness(cp1258[:_SAMPLE * 4]) if cp1258 is not None else 1.0
        # Conservative: TCVN3 only when it reads as Vietnamese and clearly better than cp1258.
        if t_bad < 0.02 and c_bad > t_bad + 0.1 and _vietnamese_share(tcvn3[:_SAMPLE * 4]) > 0.3:
            log.info("%s: decoded as TCVN3 (ABC)", path)
            return tcvn3
    if cp1258 is not None:
        log.info("%s: not UTF-8, decoded as Windows-1258", path)
        return cp1258
    from charset_normalizer import from_bytes  # last resort, only for files nothing above fits

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(path, "unknown text encoding")
    log.warning("%s: unknown encoding, guessed %s", path, best.encoding)
    return str(best)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a text file's bytes (UTF-8/UTF-16 with or without BOM, cp1258, TCVN3) to a str.

    Raises UnreadableDocument for empty and binary files.
    """
    if not data:
        raise UnreadableDocument(path, "empty file")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(path, f"invalid {codec.upper()} text: {exc.reason}") from exc
    head = data[:_SAMPLE]
    utf16 = _looks_utf16(head)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise UnreadableDocument(path, "binary file") from exc
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise UnreadableDocument(path, "binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # A file cut inside its last multi-byte character: keep everything before it.
            log.warning("%s: truncated UTF-8 at the end", path)
            return data[: exc.start].decode("utf-8")
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd")
    if n_bad <= max(1, len(replaced) // 1000) and any(ord(ch) > 0x7F and ch != "\ufffd" for ch in replaced):
        # A few stray bytes in an otherwise UTF-8 file: legacy decoding would garble the rest.
        log.warning("%s: %d invalid UTF-8 bytes replaced", path, n_bad)
        return replaced
    return _decode_legacy(data, path)


def _clean_line(line: str) -> str:
    return _INLINE_SPACE.sub(" ", line).strip(" ")


def clean_text(text: str) -> str:
    """Return NFC text without controls or zero-width chars, single spaces, one blank line between paragraphs."""
    text = _LINE_BREAKS.sub("\n", text)
    text = text.translate({ord(ch): None for ch in _ZERO_WIDTH})
    text = text.replace("\t", " ")
    text = _CONTROL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFD", text)
        text = _TONE_BEFORE_SHAPE.sub(r"\2\1", text)
        text = unicodedata.normalize("NFC", text)
    lines = [_SPACED_POWER.sub(r"\1\2", _clean_line(line)) for line in text.split("\n")]
    # Every paragraph (non-empty line) is separated from the next by exactly one blank line.
    return "\n\n".join(line for line in lines if line)
