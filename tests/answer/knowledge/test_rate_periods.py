"""rate_periods.tsv row by row: each period is read from a question in either language, and a figure stated per
that period answers it while a question for any other period is refused (an explicit contradiction)."""

from __future__ import annotations

import pytest

from answer.extractive import ExtractiveAnswerer, _asked_period
from answer.knowledge.tables import read_rows
from tests.answer.sample_hits import sentence_hit

ROWS = read_rows("rate_periods.tsv", 3)
ADVERBS = [(en, adverb) for _, en, cell in ROWS for adverb in cell.split("|")]


@pytest.mark.parametrize(("vi", "en", "adverbs"), ROWS, ids=[r[1] for r in ROWS])
def test_each_period_is_read_in_both_languages(vi: str, en: str, adverbs: str) -> None:
    assert _asked_period(f"Lao động được trả bao nhiêu tiền mỗi {vi}?", "vi") == en
    assert _asked_period(f"Lao động được trả bao nhiêu tiền một {vi}?", "vi") == en
    assert _asked_period(f"How much are the workers paid per {en}?", "en") == en
    assert _asked_period(f"Lao động làm việc bao nhiêu {vi} nay?", "vi") is None  # a time, not a rate


@pytest.mark.parametrize(("en", "adverb"), ADVERBS, ids=[r[1] for r in ADVERBS])
def test_each_adverb_names_its_period(en: str, adverb: str) -> None:
    assert _asked_period(f"What is the {adverb} wage of the embroidery workers?", "en") == en


@pytest.mark.parametrize(("vi", "en", "adverbs"), ROWS, ids=[r[1] for r in ROWS])
def test_a_figure_per_the_period_answers_only_that_period(vi: str, en: str, adverbs: str) -> None:
    sentence = f"Doanh nghiệp Minh Trang trả cho 350 lao động thêu mức lương bình quân 3,5 triệu đồng/người/{vi}."
    hit = sentence_hit(sentence, doc_id="a.txt", index=3, start=100, title="Tin lao động", context=sentence)
    for other, _, _ in ROWS:
        question = f"Lao động thêu của doanh nghiệp Minh Trang được trả mức lương bình quân bao nhiêu mỗi {other}?"
        answer = ExtractiveAnswerer().answer(question, [hit])
        assert answer.found == (other == vi), (other, answer.answer)
