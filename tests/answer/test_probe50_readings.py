"""Readings the fiftieth session's blind probe found missing: a whole date asked is answered with its year, a figure
whose own clause sets it in another province is not the asked province's, and Ho Chi Minh City's numbered districts
are read in English."""

from __future__ import annotations

from answer.constraints import Locality, localities
from tests.answer.sample_hits import answer_over_one_article

_answer = answer_over_one_article


def test_a_whole_date_asked_is_answered_with_its_year() -> None:
    sentences = (
        "Ngày 27/6, Cty CP Cơ giới và Xây lắp số 9 (LICOGI 9) tổ chức kỷ niệm 40 năm ngày thành lập.",
        "Ông Nguyễn Văn Cửu nhớ lại, Cty được thành lập sau ngày đất nước thống nhất hơn 2 năm (27/6/1977).",
    )
    answer = _answer("Công ty LICOGI 9 được thành lập vào ngày tháng năm nào?", *sentences)
    assert answer.found and answer.extracted == "27/6/1977", answer.answer
    # a day asked without its year is the day the scores chose
    answer = _answer("Công ty LICOGI 9 tổ chức kỷ niệm 40 năm ngày thành lập vào ngày nào?", *sentences)
    assert answer.found and answer.extracted == "27/6", answer.answer
    # another day's year does not complete it
    other = "Ông Cửu về hưu ngày 1/5/1999."
    answer = _answer("Công ty LICOGI 9 tổ chức kỷ niệm 40 năm ngày thành lập vào ngày tháng năm nào?", sentences[0], other)
    assert answer.extracted != "1/5/1999", answer.answer


def test_a_figure_placed_in_another_province_by_its_clause_is_not_the_asked_ones() -> None:
    sentence = (
        "Vụ đất đai ở Hải Phòng, đại tá về hưu tố cáo giờ thế nào hay gần đây nhất, hai cụ Nguyễn Công Uẩn, Nguyễn "
        "Tiến Lãng ở Bắc Ninh phát hiện gần 3.000 bộ hồ sơ thương binh giả."
    )
    answer = _answer("Hai cựu chiến binh ở Hải Phòng đã phát hiện bao nhiêu bộ hồ sơ thương binh giả?", sentence)
    assert not answer.found, answer.answer
    answer = _answer("Hai cựu chiến binh ở Bắc Ninh đã phát hiện bao nhiêu bộ hồ sơ thương binh giả?", sentence)
    assert answer.found and "3.000" in (answer.extracted or ""), answer.answer
    # the place a sentence opens with is the scope of all it says
    scoped = "Tại Hải Phòng, các doanh nghiệp từ Bắc Ninh đã tuyển gần 3.000 lao động."
    answer = _answer("Các doanh nghiệp đã tuyển bao nhiêu lao động tại Hải Phòng?", scoped)
    assert answer.found and "3.000" in (answer.extracted or ""), answer.answer


def test_numbered_districts_and_wards_are_read_in_english() -> None:
    assert localities("in District 3 of Ho Chi Minh City") == (Locality("district", "3"),)
    assert localities("Ward 12, Go Vap district") == (Locality("commune", "12"), Locality("district", "Go Vap"))
    assert localities("a 3-district plan") == ()
    answer = _answer(
        "Of the poor households living off sidewalk vending in District 3 of Ho Chi Minh City, how many have been "
        "persuaded to change jobs?",
        "Theo người đứng đầu quận 1, trong số 256 hộ thuộc diện nghèo đang sống bằng nguồn thu từ vỉa hè, quận đã vận "
        "động được 140 người chuyển đổi nghề nghiệp.",
        title="TP.HCM lập lại trật tự vỉa hè",
    )
    assert not answer.found, answer.answer
