"""What the Vietnamese UI shows comes in Vietnamese, including the notes the answerer writes."""

from __future__ import annotations

from ui.render import answer_html
from ui.strings import Strings


def test_a_wrong_year_answer_shows_no_english_note(sample_index) -> None:  # type: ignore[no-untyped-def]
    answer = sample_index.ask("Năm 2019 có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?")
    assert not answer.found
    html = answer_html(answer, sample_index.article_text, Strings("vi"))
    assert "mismatch" not in html and "evidence" not in html and "asked" not in html


def test_every_reader_refusal_has_a_vietnamese_reason() -> None:
    vi = Strings("vi")
    for reason in ("empty file", "not a PDF file", "corrupt PDF (PdfReadError: x)", "binary file", "no valid records",
                   "unsupported file type '.exe'", "invalid UTF-8 text: bad byte"):
        said = vi.reason(reason)
        assert said != reason and said.isascii() is False, reason
    assert Strings("en").reason("empty file") == "empty file"
