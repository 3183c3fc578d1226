"""decode_bytes and clean_text on real Vietnamese text in every encoding we accept."""

from __future__ import annotations

import unicodedata

import pytest

from errors import UnreadableDocument
from ingest.text import clean_text, decode_bytes
from ingest.vietnamese import plain_words
from settings import SAMPLE_CORPUS_DIR

SAMPLES = SAMPLE_CORPUS_DIR
PHRASE = "Sở Lao động Thương binh và Xã hội tổ chức tổng kết năm 2020. Tỷ lệ hộ nghèo giảm còn 1,31%."
# The same phrase typed with the ABC keyboard in a .VnTime font (TCVN3), byte by byte.
PHRASE_TCVN3 = (
    b"S\xeb Lao \xae\xe9ng Th\xad\xacng binh v\xb5 X\xb7 h\xe9i t\xe6 ch\xf8c t\xe6ng k\xd5t n\xa8m 2020. "
    b"T\xfb l\xd6 h\xe9 ngh\xcco gi\xb6m c\xdfn 1,31%."
)


def to_cp1258(text: str) -> bytes:
    """Encode like Windows does: precomposed shape letters (ê, ơ, ...) plus combining tone marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def test_utf8_plain_and_with_bom() -> None:
    assert decode_bytes(PHRASE.encode("utf-8"), "a.txt") == PHRASE
    assert decode_bytes(b"\xef\xbb\xbf" + PHRASE.encode("utf-8"), "a.txt") == PHRASE


def test_utf16_with_bom_and_without() -> None:
    assert decode_bytes(PHRASE.encode("utf-16"), "a.txt") == PHRASE
    assert decode_bytes(PHRASE.encode("utf-16-le"), "a.txt") == PHRASE
    assert decode_bytes(PHRASE.encode("utf-16-be"), "a.txt") == PHRASE


def test_cp1258_with_combining_tones_becomes_nfc() -> None:
    data = to_cp1258(PHRASE)
    assert b"\xd2" in data or b"\xf2" in data  # really uses combining tone marks (hook / dot below)
    assert clean_text(decode_bytes(data, "a.txt")) == PHRASE


def test_tcvn3_bytes_decoded() -> None:
    assert decode_bytes(PHRASE_TCVN3, "a.txt") == PHRASE


def test_tcvn3_is_not_guessed_for_cp1258_text() -> None:
    sample = (SAMPLES / "002_d92ff0ca898ecb44.txt").read_text(encoding="utf-8")
    assert clean_text(decode_bytes(to_cp1258(sample), "a.txt")) == clean_text(sample)


def test_utf8_cut_inside_last_character_keeps_the_rest() -> None:
    data = PHRASE.encode("utf-8") + "ộ".encode()[:2]
    assert decode_bytes(data, "a.txt") == PHRASE


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary file"),
        (bytes(range(1, 256)) * 40, "binary file"),
    ],
)
def test_unreadable_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as info:
        decode_bytes(data, "x.txt")
    assert info.value.reason == reason
    assert info.value.path == "x.txt"


def test_clean_text_composes_decomposed_tone_marks() -> None:
    decomposed = unicodedata.normalize("NFD", PHRASE)
    assert decomposed != PHRASE
    assert clean_text(decomposed) == PHRASE
    # Tone typed before the circumflex ("e" + acute + circumflex) still composes to "ế".
    assert clean_text("k" + "e\u0301\u0302" + "t") == "kết"


def test_clean_text_whitespace_controls_and_invisibles() -> None:
    raw = "\ufeff  Dòng\u200b một\t\t có  \u00a0khoảng\x07 trắng.  \r\n\r\n\r\n\r\nDòng hai\u200d.\rDòng ba\x0c"
    assert clean_text(raw) == "Dòng một có khoảng trắng.\n\nDòng hai.\n\nDòng ba"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("giá 15 triệu đồng/m 2 , công nhân", "giá 15 triệu đồng/m2 , công nhân"),
        ("diện tích nhỏ 20 - 30m 2.", "diện tích nhỏ 20 - 30m2."),
        ("40 triệu m 2 nhà ở và 5 km 2 đất", "40 triệu m2 nhà ở và 5 km2 đất"),
        ("bể 300 m 3 nước", "bể 300 m3 nước"),
        ("chia làm 2 giai đoạn", "chia làm 2 giai đoạn"),  # "làm" is a word, not a unit
        ("từ năm 2017 m 2017", "từ năm 2017 m 2017"),  # a year, not a power
        ("cách 5 m 2,5 km", "cách 5 m 2,5 km"),  # a second figure, not a power
    ],
)
def test_clean_text_joins_a_spaced_power_to_its_unit(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_text_paragraphs_always_one_blank_line() -> None:
    assert clean_text("a\nb\n\n\n\nc\n \n d") == "a\n\nb\n\nc\n\nd"


@pytest.mark.parametrize("name", ["000_3165cad724f5285f.txt", "002_d92ff0ca898ecb44.txt"])
def test_clean_text_idempotent_and_nfc_on_samples(name: str) -> None:
    once = clean_text((SAMPLES / name).read_text(encoding="utf-8"))
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\n\n\n" not in once and "  " not in once


def test_clean_text_idempotent_on_messy_input() -> None:
    messy = unicodedata.normalize("NFD", " \u2028x\u00ad y\r\n\u3000\n\t z \u2029\u2029 ê\u0301 ")
    once = clean_text(messy)
    assert clean_text(once) == once
    assert once == "x y\n\nz\n\nế"


def test_western_legacy_text_is_not_taken_for_tcvn3() -> None:
    french = "Café crème à la française, très élégant. Où êtes-vous? Ça va très bien."
    assert decode_bytes(french.encode("cp1252"), "a.txt") == french


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Bao nhiêu TIỀN?", " bao nhieu tien "),
        ("Đà Nẵng, Bà Rịa-Vũng Tàu", " da nang ba ria vung tau "),
        (unicodedata.normalize("NFD", "Hỗ trợ"), " ho tro "),  # decomposed marks fold too
        ("  ", "  "),
    ],
)
def test_plain_words_are_folded_lower_case_and_space_framed(text: str, plain: str) -> None:
    assert plain_words(text) == plain
    assert plain_words("nghị định") in plain_words("Theo Nghị định 47/2017/NĐ-CP")
