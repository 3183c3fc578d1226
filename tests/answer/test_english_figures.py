"""An English question's figure in English: Vietnamese number formats rewritten (163.600 is 163,600; 1,31% is 1.31%),
the qualifier, magnitude, currency, unit and rate period named in English, the article's words kept beside it."""

from __future__ import annotations

import pytest

from answer.english_figures import (
    date_in_english,
    english_number,
    figure_in_digits,
    figure_in_english,
    in_reader_terms,
    place_in_english,
    role_in_english,
    shown_for,
)
from answer.extractive import ExtractiveAnswerer
from tests.answer.sample_hits import hits_from


@pytest.mark.parametrize(
    ("token", "english"),
    [
        ("163.600", "163,600"),
        ("24.030.000", "24,030,000"),
        ("1,31", "1.31"),
        ("0,183", "0.183"),
        ("1.234,5", "1,234.5"),
        ("2014", "2014"),  # four digits alone stay as written (a year, a count)
        ("08", "08"),
        ("12500", "12,500"),
        ("1.2.3", None),
    ],
)
def test_a_vietnamese_number_is_written_the_english_way(token: str, english: str | None) -> None:
    assert english_number(token) == english


@pytest.mark.parametrize(
    ("figure", "english"),
    [
        ("hơn 163.600 lượt lao động", "more than 163,600 workers"),  # "lượt" counts times; the workers are counted
        ("Hơn 800 hồ sơ khởi kiện", "more than 800 case files"),
        ("2 lần", "2 times"),
        ("1 ngày", "1 day"),
        ("gần 200 tỷ đồng", "nearly 200 billion VND"),
        ("Khoảng 89 tỷ USD", "about 89 billion USD"),
        ("Trên 105 nghìn lao động", "over 105,000 workers"),  # thousands in digits, as English writes them
        ("138,8 nghìn người", "138,800 people"),
        ("50-60 nghìn người", "50-60 thousand people"),  # a range keeps its magnitude word
        ("Khoảng 3 nghìn tỷ đồng", "about 3 trillion VND"),
        ("700 - 800 tỷ đồng", "700-800 billion VND"),
        ("1,31%", "1.31%"),
        ("3,5 triệu đồng/người/tháng", "3.5 million VND/person/month"),
        ("115,3 triệu đồng/tháng", "115.3 million VND/month"),
        ("15 triệu đồng/m2", "15 million VND/square metre"),
        ("20 triệu đồng/mét vuông", "20 million VND/square metre"),  # a per-unit of two words
        ("2 triệu đồng/ha/năm", "2 million VND/hectare/year"),
        ("114 trẻ trai/100 trẻ gái", "114 boys per 100 girls"),  # a ratio over its base
        ("8 bác sĩ/10.000 dân", "8 doctors per 10,000"),  # a base the tables cannot name is left to the words beside it
        ("5 triệu đồng/lô", "5 million VND"),  # so is a per-unit
        ("240 hợp đồng lao động", "240 contracts"),  # "hợp đồng" holds "đồng" but is no money
        ("Gần 14.000 hộ nghèo", "nearly 14,000 poor households"),
        ("22.000 việc", "22,000"),  # a noun the unit table does not know stays Vietnamese, beside it
        ("50 khu công nghiệp", None),  # nothing to rewrite
        ("39-40%", None),
        ("Nghị định 47/2017/NĐ-CP", None),  # no figure
        ("Gần 2/3", None),  # two thirds: a fraction, not "nearly 2"
        ("1,5 lần", "1.5 times"),
    ],
)
def test_a_figure_is_named_in_english_as_far_as_the_tables_know(figure: str, english: str | None) -> None:
    assert figure_in_english(figure) == english


@pytest.mark.parametrize(
    ("figure", "digits"),
    [
        ("Hơn 110 nghìn doanh nghiệp", "110.000"),
        ("138,8 nghìn người thất nghiệp", "138.800"),
        ("12 ngàn lao động", "12.000"),
        ("1.200 nghìn người", "1.200.000"),
        ("khoảng 3 nghìn tỷ đồng", None),  # trillions of dong: the magnitude is the unit readers know
        ("1,1 triệu người", None),  # millions are read in words
        ("50-60 nghìn người", None),  # a range
        ("từ 50 đến 200 nghìn đồng", None),  # the top of a range, not a figure the span opens with
        ("12 nghìn-15 nghìn người", None),  # a range written with the magnitude twice
        ("12 nghìn/tháng", "12.000"),  # a rate per month: still 12,000
        ("5 nghìn triệu đồng", None),  # one magnitude after another: the words say it
        ("0,5 nghìn", "500"),
        ("163.600 lượt lao động", None),  # already digits
    ],
)
def test_a_count_in_thousands_is_also_given_in_digits(figure: str, digits: str | None) -> None:
    assert figure_in_digits(figure) == digits


def test_a_vietnamese_answer_gives_a_count_in_thousands_in_digits_beside_the_articles_words() -> None:
    assert shown_for("vi", "quantity", "hơn 110 nghìn doanh nghiệp") == "Hơn 110 nghìn doanh nghiệp (110.000)"


def test_only_an_english_questions_figure_is_shown_in_english() -> None:
    assert shown_for("en", "quantity", "hơn 163.600 lượt lao động") == "More than 163,600 workers (hơn 163.600 lượt lao động)"
    assert shown_for("vi", "quantity", "hơn 163.600 lượt lao động") == "Hơn 163.600 lượt lao động"
    assert shown_for("en", "date", "30/5/2017") == "30 May 2017 (30/5/2017)"
    assert shown_for("vi", "date", "30/5/2017") == "30/5/2017"
    assert shown_for("en", "quantity", "50 khu công nghiệp") == "50 khu công nghiệp"


def test_an_english_answer_states_the_figure_in_english_and_quotes_the_article() -> None:
    hits = hits_from("Điển hình, đã hỗ trợ cho hơn 8.100")
    answer = ExtractiveAnswerer().answer("How many workers received rent support?", hits)
    assert answer.found and answer.extracted == "hơn 163.600 lượt lao động"
    assert answer.answer.startswith("More than 163,600 workers (hơn 163.600 lượt lao động) [1].")
    assert "“" in answer.answer and "163.600 lượt lao động được hỗ trợ" in answer.answer  # the quote as written
    vietnamese = ExtractiveAnswerer().answer("Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà?", hits)
    assert vietnamese.answer.startswith("Hơn 163.600 lượt lao động [1].")
    assert (answer.language, vietnamese.language) == ("en", "vi")  # what the UI renders the headline by


@pytest.mark.parametrize(
    ("date", "english"),
    [
        ("2/7", "2 July"),  # day first: a US reader takes 2/7 for February 7
        ("20/02/2006", "20 February 2006"),
        ("30/5/2017", "30 May 2017"),
        ("29-31/5", "29-31 May"),
        ("tháng 5/2017", "May 2017"),
        ("tháng 10.2012", "October 2012"),
        ("32/1", None),
        ("1/13", None),
        ("2017", None),
    ],
)
def test_a_day_first_date_is_written_in_words(date: str, english: str | None) -> None:
    assert date_in_english(date) == english


def test_a_wrong_year_answer_names_the_other_years_figure_in_english() -> None:
    hits = hits_from("Điển hình, đã hỗ trợ cho hơn 8.100")
    answer = ExtractiveAnswerer().answer("How many workers received rent support in 2019?", hits)
    assert not answer.found
    assert answer.answer.startswith(
        "No figures for 2019; the articles only have figures for 2022: more than 163,600 workers (hơn 163.600 lượt lao động)"
    )


@pytest.mark.parametrize(
    ("place", "english"),
    [
        ("Đài Loan", "Taiwan"),
        ("TP.HCM", "Ho Chi Minh City"),
        ("Huế", "Hue"),  # the city as written, not its province's whole name
        ("Bình Dương và Đồng Nai", "Binh Duong and Dong Nai"),
        ("Hàn Quốc, Nhật Bản", "South Korea, Japan"),
        ("huyện Nam Đàn", None),  # a district the gazetteer does not hold: the article's words say it
        ("Hàn Quốc, Nhật Bản và Trung Đông", None),  # one place unknown: none is rewritten
        ("Lima", None),
    ],
)
def test_a_place_answer_of_known_places_is_named_in_english(place: str, english: str | None) -> None:
    assert place_in_english(place) == english
    assert in_reader_terms("en", "place", place) == (f"{english} ({place})" if english else place)
    assert in_reader_terms("vi", "place", place) == place


def test_a_list_of_known_places_is_named_in_english_and_any_other_list_as_written() -> None:
    assert in_reader_terms("en", "list", "Hàn Quốc, Nhật Bản, Đài Loan") == (
        "South Korea, Japan, Taiwan (Hàn Quốc, Nhật Bản, Đài Loan)"
    )
    assert in_reader_terms("en", "list", "Hàn Quốc, Nhật Bản, Trung Đông") == "Hàn Quốc, Nhật Bản, Trung Đông"
    assert in_reader_terms("en", "list", "dạy nghề, việc làm, giảm nghèo") == "dạy nghề, việc làm, giảm nghèo"
    assert in_reader_terms("vi", "list", "Hàn Quốc, Nhật Bản") == "Hàn Quốc, Nhật Bản"


@pytest.mark.parametrize(
    ("role", "english"),
    [
        ("Giám đốc Sở LĐ-TB&XH tỉnh Hà Tĩnh", "Director of the Department of Labour, Invalids and Social Affairs of Ha Tinh"),
        ("Chủ tịch UBND TP. Hồ Chí Minh", "Chairman of the People's Committee of Ho Chi Minh City"),
        ("Thứ trưởng Bộ Tài chính", "Deputy Minister of Finance"),  # not "of the Ministry of Finance"
        ("Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "General Director of the Vietnam Social Security"),  # the longest title
        ("Chủ tịch Công đoàn", "Chairman of the Labour Federation"),  # a generic body's name capitalised as a name
        ("Giám đốc", "Director"),
        ("Giám đốc Sở Lao động Thương binh và Xã hội tỉnh", "Director of the Department of Labour, Invalids and Social Affairs of the province"),
        ("Phó Thủ tướng", "Deputy Prime Minister"),  # a title that names its office alone
        ("Giám đốc tỉnh", None),
        ("Bí thư Tỉnh ủy", None),  # a body the gazetteer does not hold: the article's words say it
        ("Giám đốc Công ty May 10", None),
        ("Phó Chủ tịch Thường trực UBND tỉnh Nghệ An", None),  # "Thường trực" is read by no table
        ("Chủ tịch nước", "State President"),  # its own title (titles.tsv), not "Chairman" of a body "nước"
        ("Giám đốc điều hành", None),
    ],
)
def test_a_post_of_known_title_and_bodies_is_named_in_english(role: str, english: str | None) -> None:
    assert role_in_english(role) == english
    assert in_reader_terms("en", "role", role) == (f"{english} ({role})" if english else role)
    assert in_reader_terms("vi", "role", role) == role


def test_a_person_named_then_placed_keeps_the_name_and_names_the_post_in_english() -> None:
    person = "Nguyễn Văn An – Phó Giám đốc Sở LĐ-TB&XH Hà Nội"
    assert in_reader_terms("en", "person", person) == (
        "Nguyễn Văn An, Deputy Director of the Department of Labour, Invalids and Social Affairs of Hanoi"
        " (Phó Giám đốc Sở LĐ-TB&XH Hà Nội)"
    )
    assert in_reader_terms("en", "person", "Chủ tịch UBND tỉnh Nguyễn Hương Giang") == "Chủ tịch UBND tỉnh Nguyễn Hương Giang"
    assert in_reader_terms("vi", "person", person) == person


def test_an_english_role_answer_names_the_post_in_english_and_quotes_the_article() -> None:
    hits = hits_from("cùng các đồng chí trong Ban Giám đốc")
    answer = ExtractiveAnswerer().answer("What position does Le Thi Theu hold?", hits)
    assert answer.found and answer.extracted == "Giám đốc Sở Lao động Thương binh và Xã hội"
    assert answer.answer.startswith(
        "Director of the Department of Labour, Invalids and Social Affairs (Giám đốc Sở Lao động Thương binh và Xã hội) [1]."
    )
