"""Rendering of answers, citation cards and exports: escaping, highlighting, not-found styling."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import get_args

import pytest

from answer.models import AlternativeLabel, Answer, Citation, Turn
from ui.render import (
    answer_html,
    conversation_markdown,
    escape_markdown,
    escape_text,
    highlighted_paragraph_html,
    paragraph_span,
    partial_answer_html,
    question_html,
    stream_prefixes,
)
from ui.strings import Strings

VI = Strings("vi")
EN = Strings("en")

ARTICLE = (
    "Sáng 26/11, Sở tổng kết công tác năm 2022.\n\n"
    "Năm 2022, ngành đã hỗ trợ cho hơn 8.100 đơn vị. Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà. "
    "Tổng kinh phí gần 200 tỷ đồng.\n"
    "Trần Cường"
)
SENTENCE = "Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà."
START = ARTICLE.index(SENTENCE)
CITE = Citation("d1", "Tổng kết năm 2022", "2022-11-26", "BTV", SENTENCE, START, START + len(SENTENCE))


class _Tags(HTMLParser):
    """Collects the elements and attributes an HTML string really creates."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def found_answer(**changes: object) -> Answer:
    base = dict(
        question="Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?",
        answer="Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà.",
        found=True,
        citations=(CITE,),
        extracted="163.600",
    )
    base.update(changes)
    return Answer(**base)  # type: ignore[arg-type]


ENGLISH_RENT = dict(
    answer="More than 163,600 workers (hơn 163.600 lượt lao động) [1].", extracted="hơn 163.600 lượt lao động", answer_type="quantity"
)
ENGLISH_RENT_HEADLINE = "more than 163,600 workers (hơn 163.600 lượt lao động)"


def test_an_english_questions_headline_figure_reads_the_english_way():
    english = found_answer(question="How many workers received rent support?", **ENGLISH_RENT)
    headline = ENGLISH_RENT_HEADLINE
    html = answer_html(english, lambda _d: ARTICLE, VI)
    assert f'<div class="lqa-figure"><strong>{escape_text(headline)}</strong></div>' in html
    assert f"**{escape_markdown(headline)}**" in conversation_markdown([Turn(english.question, english)], VI)
    vietnamese = found_answer(extracted="hơn 163.600 lượt lao động", answer_type="quantity")
    assert '<strong>hơn 163.600 lượt lao động</strong>' in answer_html(vietnamese, lambda _d: ARTICLE, VI)


def test_the_headline_reads_in_the_language_the_answerer_read_the_question_in():
    # a mixed question the detector alone calls Vietnamese; the answerer's reading is the one the text used
    mixed = found_answer(question="Tiền thuê nhà: how many lao động?", language="en", **ENGLISH_RENT)
    assert f"<strong>{escape_text(ENGLISH_RENT_HEADLINE)}</strong>" in answer_html(mixed, lambda _d: ARTICLE, VI)


def test_escape_text_makes_markup_and_markdown_inert():
    evil = '<script>alert(1)</script> ![x](http://evil.example/x.png) <img src=x onerror="a()"> $x$ **b**'
    out = escape_text(evil)
    tags = parse(f"<div>{out}</div>")
    assert tags.tags == ["div"]  # nothing but the wrapper became an element
    assert "".join(tags.text) == evil  # and the browser shows exactly what was written
    for active in "<>[]()!*$:":
        assert active not in out


def test_escape_text_turns_newlines_into_breaks_without_blank_lines():
    out = escape_text("một\n\nhai\r\nba")
    assert "\n" not in out
    assert out == "một<br><br>hai<br>ba"


def test_paragraph_span_is_the_line_holding_the_sentence():
    lo, hi = paragraph_span(ARTICLE, START, START + len(SENTENCE))
    assert ARTICLE[lo:hi] == (
        "Năm 2022, ngành đã hỗ trợ cho hơn 8.100 đơn vị. Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà. "
        "Tổng kinh phí gần 200 tỷ đồng."
    )


def test_paragraph_span_cuts_long_paragraphs_around_the_sentence_at_word_boundaries():
    filler = " ".join(f"từ{i}" for i in range(400))
    text = f"{filler} {SENTENCE} {filler}"
    start = text.index(SENTENCE)
    lo, hi = paragraph_span(text, start, start + len(SENTENCE), max_chars=200)
    assert lo <= start and hi >= start + len(SENTENCE)
    assert hi - lo <= 200
    assert text[lo - 1] == " " and text[hi] == " "  # whole words only


def test_highlight_marks_exactly_the_cited_sentence_in_its_paragraph():
    html = highlighted_paragraph_html(ARTICLE, CITE)
    marked = re.findall(r"<mark>(.*?)</mark>", html)
    assert marked == [SENTENCE]
    assert "8.100 đơn vị" in html and "200 tỷ đồng" in html  # its neighbours give context
    assert "Sáng 26/11" not in html and "Trần Cường" not in html  # other paragraphs do not


def test_highlight_refinds_the_sentence_when_offsets_are_stale_and_falls_back_without_article():
    shifted = "Thêm một dòng mới.\n" + ARTICLE
    assert re.findall(r"<mark>(.*?)</mark>", highlighted_paragraph_html(shifted, CITE)) == [SENTENCE]
    alone = highlighted_paragraph_html(None, CITE)
    assert re.findall(r"<mark>(.*?)</mark>", alone) == [SENTENCE]


def test_found_answer_shows_figure_numbered_refs_and_citation_cards():
    second = Citation("d1", "Tổng kết năm 2022", "2022-11-26", "BTV", "Tổng kinh phí gần 200 tỷ đồng.",
                      ARTICLE.index("Tổng kinh phí"), ARTICLE.index("Tổng kinh phí") + 30)
    html = answer_html(found_answer(citations=(CITE, second)), lambda _d: ARTICLE, VI)
    assert 'class="lqa-answer lqa-found"' in html
    assert '<div class="lqa-figure"><strong>163.600</strong></div>' in html
    assert re.findall(r'<span class="lqa-cite-ref">(\[\d\])</span>', html) == ["[1]", "[2]"]
    cards = re.findall(r'<details class="lqa-card lqa-card-source".*?</details>', html)
    assert len(cards) == 2
    assert "[1]</span> <span class=\"lqa-title\">Tổng kết năm 2022" in cards[0]
    assert "2022-11-26" in cards[0] and "BTV" in cards[0]
    assert re.findall(r"<mark>(.*?)</mark>", cards[1]) == ["Tổng kinh phí gần 200 tỷ đồng."]
    shown = "".join(parse(html).text)
    assert VI["sources"] in shown and VI["related"] not in shown


def test_not_found_answer_is_styled_apart_and_labels_related_sentences_as_related():
    answer = Answer(question="Lương tối thiểu vùng năm 2030?", answer="Không tìm thấy thông tin.", found=False,
                    related=(CITE,))
    html = answer_html(answer, lambda _d: ARTICLE, EN)
    assert 'class="lqa-answer lqa-not-found"' in html
    shown = "".join(parse(html).text)
    assert re.findall(r'<div class="lqa-label">(.*?)</div>', html) == [escape_text(EN["not_found_label"])]
    assert EN["related"] in shown and EN["sources"] not in shown
    assert "lqa-card-related" in html and "lqa-card-source" not in html
    assert "lqa-cite-ref" not in html and "lqa-figure" not in html
    summary = re.search(r"<summary>(.*?)</summary>", html).group(1)  # type: ignore[union-attr]
    assert "163.600" in summary  # a closed related card still shows which sentence it is


def test_answer_html_escapes_article_titles_sentences_and_answers():
    evil_text = "Tin <script>alert(1)</script> mới.\nẢnh ![x](http://evil.example/x.png) đây."
    sentence = "Tin <script>alert(1)</script> mới."
    cite = Citation("e", "<b>Bài</b> ![t](http://evil.example/t.png)", "<i>2022</i>", "<u>x</u>", sentence, 0,
                    len(sentence))
    answer = Answer(question="q", answer=f"Theo bài: {sentence} ![x](http://evil.example/a.png)", found=True,
                    citations=(cite,), extracted="<img src=x>")
    html = answer_html(answer, lambda _d: evil_text, VI)
    tags = parse(html)
    assert {"script", "img", "b", "i", "u"}.isdisjoint(tags.tags)
    assert all(not (name.startswith("on")) for name, _ in tags.attrs)
    assert "http://evil" not in html  # not even as text a Markdown pass could turn into a URL
    shown = "".join(tags.text)
    assert "Theo bài: Tin <script>alert(1)</script> mới. ![x](http://evil.example/a.png)" in shown
    assert "<b>Bài</b> ![t](http://evil.example/t.png)" in shown and "<img src=x>" in shown


def test_related_never_shown_for_found_answers_and_resolved_question_shown_when_rewritten():
    answer = found_answer(related=(CITE,), resolved_question="Còn năm 2021 thì bao nhiêu lượt lao động?",
                          question="Còn năm 2021?")
    html = answer_html(answer, lambda _d: ARTICLE, VI)
    assert "lqa-card-related" not in html
    assert VI["understood_as"] in "".join(parse(html).text) and "Còn năm 2021 thì" in html


def test_a_deleted_article_still_renders_its_card_from_the_sentence():
    def gone(doc_id: str) -> str:
        raise KeyError(doc_id)

    html = answer_html(found_answer(), gone, VI)
    assert re.findall(r"<mark>(.*?)</mark>", html) == [SENTENCE]


def test_streaming_prefixes_grow_to_the_whole_text_and_partial_render_has_no_cards():
    text = "Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà năm 2022."
    prefixes = stream_prefixes(text)
    assert 2 <= len(prefixes) <= 5
    assert prefixes[-1] == text
    assert all(text.startswith(p) for p in prefixes)
    assert [len(p) for p in prefixes] == sorted(len(p) for p in prefixes)
    partial = partial_answer_html(found_answer(), prefixes[0], VI)
    assert "<details" not in partial and "163.600" in partial
    assert stream_prefixes("một") == ["một"]


def test_question_html_is_text():
    html = question_html("<b>x</b> ![a](http://evil.example/a.png)")
    assert parse(html).tags == ["div"]


def test_conversation_markdown_has_numbered_footnotes_and_escapes_markdown():
    evil = Citation("e", "Bài ![t](http://evil.example/t.png)", None, None, "Câu <script>x</script>.", 0, 10)
    turns = [
        Turn("Bao nhiêu lượt?", found_answer()),
        Turn("Còn gì nữa?", found_answer(question="Còn gì nữa?", answer="Xem nguồn.", citations=(CITE, evil),
                                         extracted=None)),
        Turn("Lương 2030?", Answer(question="Lương 2030?", answer="Không tìm thấy.", found=False, related=(CITE,))),
    ]
    md = conversation_markdown(turns, VI)
    assert md.startswith(f"# {VI['export_title']}\n")
    assert "## Hỏi: Bao nhiêu lượt?" in md
    assert "**163.600**" in md
    assert "Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà. [^1]" in md
    assert "Xem nguồn. [^2] [^3]" in md
    assert "[^1]: “Hơn 163.600 lượt lao động được hỗ trợ tiền thuê nhà.” — *Tổng kết năm 2022*, 2022-11-26, BTV" in md
    assert "[^4]" not in md  # related sentences are not footnoted as sources
    assert f"*{VI['export_related']}:*" in md
    assert "![t](" not in md and "<script>" not in md
    assert r"\!\[t\]\(http://evil.example/t.png\)" in md


def test_escape_markdown_keeps_numbers_readable():
    assert escape_markdown("163.600 lượt, 1,31%") == "163.600 lượt, 1,31%"
    assert escape_markdown("a*b_c") == r"a\*b\_c"


def test_markers_in_the_answer_text_are_styled_not_duplicated():
    answer = found_answer(answer="163.600 lượt [1].\n\n“Hơn 163.600 lượt lao động được hỗ trợ.” [1] [7]")
    html = answer_html(answer, lambda _d: ARTICLE, VI)
    assert re.findall(r'<span class="lqa-cite-ref">(\[\d\])</span>', html) == ["[1]", "[1]"]
    assert "&#91;7&#93;" in html  # a marker without a citation stays plain text
    assert "<br><br>" in html


def test_export_turns_text_markers_into_footnote_references():
    turns = [
        Turn("a?", found_answer(answer="Một [1].")),
        Turn("b?", found_answer(answer="Hai [1] và [9].")),
    ]
    md = conversation_markdown(turns, VI)
    assert "Một [^1]." in md
    assert r"Hai [^2] và \[9\]." in md
    assert "[^3]" not in md


# ---- clause highlighting and alternatives (issue 8/9 contracts) --------------------------------------

CLAUSE = "163.600 lượt lao động"
CLAUSE_START = START + SENTENCE.index(CLAUSE)
CLAUSED = Citation("d1", "Tổng kết năm 2022", "2022-11-26", "BTV", SENTENCE, START, START + len(SENTENCE),
                   clause_start=CLAUSE_START, clause_end=CLAUSE_START + len(CLAUSE))


def test_the_cited_clause_is_marked_strongly_and_the_rest_of_the_sentence_lightly():
    html = highlighted_paragraph_html(ARTICLE, CLAUSED)
    assert re.findall(r'<mark class="lqa-clause">(.*?)</mark>', html) == [CLAUSE]
    light = re.search(r'<span class="lqa-sentence">(.*?)</span>', html)
    assert light is not None
    assert re.sub(r"<[^>]+>", "", light.group(1)) == SENTENCE  # the whole sentence, clause included
    assert html.count("<mark") == 1


def test_clause_follows_a_moved_sentence_and_bad_offsets_fall_back_to_the_sentence():
    shifted = "Thêm một dòng mới.\n" + ARTICLE
    assert re.findall(r'<mark class="lqa-clause">(.*?)</mark>', highlighted_paragraph_html(shifted, CLAUSED)) == [CLAUSE]
    assert re.findall(r'<mark class="lqa-clause">(.*?)</mark>', highlighted_paragraph_html(None, CLAUSED)) == [CLAUSE]
    outside = Citation(**{**CLAUSED.__dict__, "clause_start": START - 5, "clause_end": START + 3})
    assert re.findall(r"<mark>(.*?)</mark>", highlighted_paragraph_html(ARTICLE, outside)) == [SENTENCE]
    whole = Citation(**{**CLAUSED.__dict__, "clause_start": START, "clause_end": START + len(SENTENCE)})
    assert re.findall(r"<mark>(.*?)</mark>", highlighted_paragraph_html(ARTICLE, whole)) == [SENTENCE]


def alternatives_answer() -> Answer:
    from answer.models import Alternative

    older = Alternative("150.000 lượt", "6 tháng đầu năm 2022", "2022-07-01", "LĐ online", CITE,
                        labels=("partial_period",))
    guess = Alternative("<b>170.000</b> | x", "2022", None, None, CITE, labels=("estimate", "other_source"))
    return found_answer(alternatives=(older, guess), period="2022", answer_labels=("estimate",))


def test_alternatives_are_a_compact_table_with_labels_in_the_ui_language():
    html = answer_html(alternatives_answer(), lambda _d: ARTICLE, VI)
    table = re.search(r'<table class="lqa-alt-table">.*?</table>', html)
    assert table is not None
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", table.group(0))]
    assert cells[:5] == ["150.000 lượt", "6 tháng đầu năm 2022", "2022-07-01", "LĐ online", "số liệu một phần kỳ"]
    assert cells[7:] == ["không rõ ngày", "không rõ nguồn", "ước tính, nguồn khác"]
    assert "<b>" not in html and "&#60;b&#62;170.000" in html  # a figure from an article is text
    assert "Kỳ số liệu: 2022" in html and "ước tính" in html
    english = answer_html(alternatives_answer(), lambda _d: ARTICLE, EN)
    assert "part of the period" in english and "estimate, other source" in english


@pytest.mark.parametrize("label", get_args(AlternativeLabel))
def test_every_answer_label_reads_in_both_ui_languages(label: str) -> None:
    # a label without a string would show its code name ("proposal") to a Vietnamese reader
    assert VI[f"label_{label}"] and EN[f"label_{label}"]


def test_alternatives_stay_in_the_markdown_export():
    md = conversation_markdown([Turn("Bao nhiêu lượt?", alternatives_answer())], VI)
    assert "| Số liệu | Kỳ | Ngày | Nguồn | Ghi chú |" in md
    assert "| 150.000 lượt | 6 tháng đầu năm 2022 | 2022-07-01 | LĐ online | số liệu một phần kỳ |" in md
    assert "\\|" in md  # the "|" inside a figure is escaped, not a new cell
    assert "*Kỳ số liệu: 2022 · ước tính*" in md


def test_an_answer_with_alternatives_survives_the_chat_state_round_trip():
    from ui.chat import turn_from_state, turn_to_state

    turn = Turn("Bao nhiêu lượt?", alternatives_answer())
    assert turn_from_state(turn_to_state(turn)) == turn


# ---- the filters an answer was searched with -------------------------------------------------------------


def test_the_filter_line_names_each_filter_in_the_ui_language():
    from ui.render import filters_text

    every = {"since": "2023-01-01", "until": "2023-12-31", "source": "Cổng thông tin Sở LĐ-TB&XH"}
    assert filters_text(every, VI) == "Đã lọc: từ 2023-01-01 · đến 2023-12-31 · nguồn: Cổng thông tin Sở LĐ-TB&XH"
    assert filters_text({"until": "2024-01-01"}, EN) == "Filtered: until 2024-01-01"
    assert filters_text({}, VI) == ""


def test_the_filter_line_shows_under_found_and_not_found_answers_as_text_and_stays_in_the_export():
    source = "<i>Báo</i> [x](http://evil.example)"
    filters = {"since": "2023-01-01", "source": source}
    for answer in (found_answer(filters=filters), found_answer(found=False, citations=(), filters=filters)):
        html = answer_html(answer, lambda _d: ARTICLE, VI)
        line = re.search(r'<div class="lqa-filters">(.*?)</div>', html)
        assert line is not None and "<i>" not in line.group(1) and "&#60;i&#62;Báo" in line.group(1)
        assert "lqa-filters" not in answer_html(found_answer(), lambda _d: ARTICLE, VI)
    md = conversation_markdown([Turn("Bao nhiêu lượt?", found_answer(filters=filters))], VI)
    assert "*Đã lọc: từ 2023-01-01 · nguồn: \\<i\\>Báo\\</i\\> \\[x\\]\\(http://evil.example\\)*" in md
    assert "Đã lọc" not in conversation_markdown([Turn("Bao nhiêu lượt?", found_answer())], VI)


def test_an_answer_with_filters_survives_the_chat_state_round_trip():
    from ui.chat import turn_from_state, turn_to_state

    turn = Turn("Bao nhiêu lượt?", found_answer(filters={"until": "2024-01-01"}))
    assert turn_from_state(turn_to_state(turn)) == turn


def test_a_found_answer_shows_its_confidence_and_a_withheld_one_does_not():
    html = answer_html(found_answer(confidence=0.8234), lambda _d: ARTICLE, VI)
    assert re.findall(r'<div class="lqa-confidence">(.*?)</div>', html) == ["Độ tin cậy: 82%"]
    # a probability is never shown as a certainty
    sure = answer_html(found_answer(confidence=0.9961), lambda _d: ARTICLE, VI)
    assert re.findall(r'<div class="lqa-confidence">(.*?)</div>', sure) == ["Độ tin cậy: 99%"]
    assert "lqa-confidence" not in answer_html(found_answer(), lambda _d: ARTICLE, VI)  # LLM mode: none
    withheld = Answer(question="Lương tối thiểu vùng năm 2030?", answer="No answer sure enough.", found=False,
                      related=(CITE,), confidence=0.04)
    assert "lqa-confidence" not in answer_html(withheld, lambda _d: ARTICLE, EN)
