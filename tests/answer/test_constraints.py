"""What a question pins down by name: foreign companies and brands, next to the person names and places."""

from __future__ import annotations

import pytest

from answer.constraints import (
    SURNAMES,
    Locality,
    asks_death,
    is_vietnamese_syllable,
    localities,
    lunar_year,
    mentions_acronym,
    mentions_english_name,
    mentions_place,
    names_the_whole_country,
    place_entity_ids,
    question_acronyms,
    question_english_names,
    question_foreign_names,
    question_names,
    question_places,
    question_unmarked_names,
    question_years,
    sentence_years,
    states_another_locality,
    states_birth,
)
from answer.extractive import ExtractiveAnswerer
from answer.qtypes import analyse_question
from tests.answer.sample_hits import hits_from, sentence_hit


@pytest.mark.parametrize("word", ["Long", "An", "Nam", "Đắk", "Lắk", "Nguyễn", "Quảng", "Nghiêng", "Khuyến", "Uyên", "Gì"])
def test_vietnamese_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["Ford", "Unilever", "Nestlé", "Lima", "Samsung", "Keohwa", "Motors", "Vinatex"])
def test_foreign_words(word: str) -> None:
    assert not is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Nhà máy mới của Unilever ở Hưng Yên tạo ra bao nhiêu việc làm?", ("Unilever",)),
        ("Hãng General Motors cắt bao nhiêu việc làm?", ("General Motors",)),
        ("Ford cắt giảm bao nhiêu việc làm?", ("Ford",)),  # first word of the question too
        ("Tập đoàn Dệt may Việt Nam (Vinatex) có bao nhiêu dự án?", ("Vinatex",)),
        ("Long An có bao nhiêu hộ nghèo?", ()),  # Vietnamese syllables, a place
        ("Tổ chức Lao động Quốc tế (ILO) cảnh báo gì?", ()),  # an acronym is no name to look for
        ("Thủ tướng Nguyễn Xuân Phúc chủ trì buổi làm việc nào?", ()),  # a person: question_names' job
        ("Bao nhiêu lao động đi làm việc tại Malaysia?", ("Malaysia",)),  # found here, a place for the answerer
        # a mixed question opening with an English function word: "How" names no company
        ("How many lao động got rent support?", ()),
        ("General Motors cắt giảm bao nhiêu việc làm?", ("General Motors",)),  # two words: a name
        ("Apple tuyển bao nhiêu lao động?", ("Apple",)),  # an English word, but no function word
        # the capitalised syllables right after a foreign word are its name too; not a place, a person or an acronym
        ("Jack Ma nói Thế chiến III có thể nổ ra tại hội nghị nào?", ("Jack Ma",)),
        ("Nhà máy của Unilever Việt Nam ở Hưng Yên tạo ra bao nhiêu việc làm?", ("Unilever",)),
        ("Giám đốc Samsung Nguyễn Văn An nói gì?", ("Samsung",)),
        ("Công ty Samsung Display Bắc Ninh tuyển bao nhiêu lao động?", ("Samsung Display",)),
    ],
)
def test_foreign_names_in_vietnamese_questions(question: str, names: tuple[str, ...]) -> None:
    assert question_foreign_names(question) == names


def test_places_and_english_questions_carry_no_foreign_names() -> None:
    assert analyse_question("Bao nhiêu lao động đi làm việc tại Malaysia?").foreign_names == ()
    assert analyse_question("How many jobs is General Motors planning to cut worldwide?").foreign_names == ()
    assert analyse_question("Hãng General Motors cắt bao nhiêu việc làm?").foreign_names == ("General Motors",)


def test_evidence_about_another_company_does_not_answer() -> None:
    # the sample article's rent-support figure is nobody's company figure: naming one the evidence never names
    # is asking about something else; the corpus decides whether "nothing about X" may be said
    hits = hits_from("tiền thuê nhà")
    answerer = ExtractiveAnswerer(corpus_names=lambda name: False)
    assert answerer.answer("Có bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?", hits).found
    asked = answerer.answer("Samsung hỗ trợ tiền thuê nhà cho bao nhiêu lượt lao động năm 2022?", hits)
    assert not asked.found and asked.answer == "Không tìm thấy thông tin về Samsung trong các bài viết."
    said_elsewhere = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert said_elsewhere.answer("Samsung hỗ trợ tiền thuê nhà cho bao nhiêu lượt lao động năm 2022?", hits).answer == (
        "Không tìm thấy thông tin này trong các bài viết."
    )


@pytest.mark.parametrize("surname", sorted(SURNAMES))
def test_every_surname_starts_a_person_name(surname: str) -> None:
    name = f"{surname.capitalize()} Minh An"
    assert question_names(f"Ông {name} giữ chức vụ gì?") == (name,)


@pytest.mark.parametrize(
    "question",
    [
        "Tổ chức công đoàn đã nêu bao nhiêu kiến nghị với Thủ tướng?",  # "đoàn đã": small letters, no name
        "Công đoàn đã đề xuất gì?",
        "Bao nhiêu hộ ở Đồng Tháp được hỗ trợ?",  # a place, not a person
    ],
)
def test_small_letters_never_start_a_name(question: str) -> None:
    assert question_names(question) == ()


def test_a_name_stops_before_small_words() -> None:
    assert question_names("Ông Đào Ngọc Dung đã ký quyết định nào?") == ("Đào Ngọc Dung",)



def test_a_place_name_is_no_persons_where_it_names_no_place() -> None:
    # "Thái Bình Dương" is the Pacific: no province, and no person surnamed Thái either
    question = "Đồng Chủ tịch Hội đồng Hợp tác kinh tế Thái Bình Dương (PECC) năm 2017 là ai?"
    assert question_names(question) == ()
    assert analyse_question(question).answer_type == "person"


def test_an_acronym_ends_a_name() -> None:
    # "Đoàn ĐBQH", "Đoàn TNCS": a delegation or a union, named by an acronym; "Đoàn" is a surname only in a name
    question = "Phó Chủ tịch Quốc hội Tòng Thị Phóng và Đoàn ĐBQH tỉnh Sơn La tặng bao nhiêu bộ máy vi tính?"
    assert question_names(question) == ()
    assert question_names("Đoàn TNCS Hồ Chí Minh tổ chức bao nhiêu hoạt động?") == ()
    assert question_names("Bí thư Đoàn TN Lê Văn Tám nói gì?") == ("Lê Văn Tám",)  # the name after it is one


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Giám đốc công ty báo cáo diễn biến vụ sập cẩu", ()),  # "diễn biến" folds to Điện Biên's letters
        ("Tỉnh Điện Biên có bao nhiêu hộ nghèo?", ("Điện Biên",)),
        ("Tinh Dien Bien co bao nhieu ho ngheo?", ("Điện Biên",)),  # typed without marks
        ("Khu Kinh tế Hải Phòng thành lập mới bao nhiêu công đoàn?", ("Hải Phòng",)),
        ("How many workers went to Japan?", ("Japan",)),
        # a one-syllable country inside another name, or a person's given name, is no country
        ("Ở công ty may Đại Nghĩa (Mỹ Đức, Hà Nội), lao động nữ chiếm bao nhiêu phần trăm?", ("Hà Nội",)),
        ("Anh Đức ở Hà Nội làm việc mấy năm?", ("Hà Nội",)),
        ("Bao nhiêu lao động sang Đức làm việc?", ("Đức",)),
        # two letters, written as the country is: "Mỹ", "Úc"; lower-case or inside a name they are other words
        ("Bao nhiêu người đi xuất khẩu lao động sang Mỹ năm 2020?", ("Mỹ",)),
        ("Lao động đi Úc làm việc bao lâu?", ("Úc",)),
        ("Mỹ phẩm xuất khẩu được bao nhiêu?", ()),
        ("Huyện Mỹ Đức có bao nhiêu hộ nghèo?", ()),
        # every country the gazetteer knows is one, by its Vietnamese or English name
        ("How many years was Otto Warmbier sentenced to in North Korea?", ("North Korea",)),
        ("Lao động Việt Nam tại Triều Tiên làm nghề gì?", ("Triều Tiên",)),
        # a name an honorific calls someone by is no country
        ("Chị Hà Lan làm công nhân ở đâu?", ()),
        ("Bao nhiêu lao động sang Hà Lan?", ("Hà Lan",)),
        # a province inside a longer name the gazetteer reads there (its blockers) is no province
        ("Đồng Chủ tịch Hội đồng Hợp tác kinh tế Thái Bình Dương (PECC) năm 2017 là ai?", ()),
        ("Khu vực châu Á - Thái Bình Dương tuyển bao nhiêu lao động?", ("châu Á - Thái Bình Dương",)),
        ("Tỉnh Thái Bình có bao nhiêu lao động?", ("Thái Bình",)),
    ],
)
def test_a_place_is_read_where_written_with_its_own_marks_or_none(text: str, places: tuple[str, ...]) -> None:
    assert question_places(text) == places


def test_evidence_names_a_country_by_any_name_the_gazetteer_knows() -> None:
    assert mentions_place("North Korea", "Warmbier bị Triều Tiên kết án 15 năm lao động khổ sai")
    assert mentions_place("Japan", "Thực tập sinh sang Nhật làm việc")
    assert mentions_place("Malaysia", "lao động tại Ma-lai-xi-a")
    assert not mentions_place("Japan", "Sở đã cập nhật số liệu")


def test_a_currency_is_no_acronym_of_a_body() -> None:
    assert question_acronyms("Nidec dự kiến đầu tư khoảng 500 triệu USD vào Hòa Lạc, theo JICA.") == ("JICA",)


def test_evidence_mentions_a_place_only_with_its_own_marks_or_none() -> None:
    assert not mentions_place("Điện Biên", "tình hình diễn biến phức tạp")
    assert mentions_place("Điện Biên", "tỉnh Điện Biên có 30 nghìn hộ")
    assert mentions_place("Hải Phòng", "Công đoàn Khu Kinh tế Hải Phòng đã thành lập")
    assert mentions_place("Japan", "lao động tại Nhật Bản")  # an English name, the Vietnamese spelling
    assert mentions_place("Hà Nội", "lao dong o Ha Noi")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Huyện Quỳnh Lưu hiện có bao nhiêu người?", (Locality("district", "Quỳnh Lưu"),)),
        ("Phó Chủ tịch UBND huyện Yên Thành cho biết", (Locality("district", "Yên Thành"),)),
        ("ở phường Bình An (Dĩ An) và thị xã Cửa Lò", (Locality("commune", "Bình An"), Locality("district", "Cửa Lò"))),
        ("LĐLĐ quận 3 đã trao quà", (Locality("district", "3"),)),
        ("How many people in Quynh Luu district work abroad?", (Locality("district", "Quynh Luu"),)),
        # a capitalised English word opening the clause is no part of the name; a place syllable ("An") is
        ("Which district labour federation in Hanoi held it?", ()),
        ("In Hoa Thanh commune (Ca Mau), whose household was it?", (Locality("commune", "Hoa Thanh"),)),
        ("How many workers does An Lao district have?", (Locality("district", "An Lao"),)),
        ("huyện có 37 xã, phường và thị trấn", ()),  # level words without a name name no place
    ],
)
def test_districts_and_communes_are_read_with_their_level_word(text: str, found: tuple[Locality, ...]) -> None:
    assert localities(text) == found


def test_a_sentence_names_another_district_only_when_it_leaves_the_asked_one_out() -> None:
    asked = Locality("district", "Quỳnh Lưu")
    assert states_another_locality(asked, "UBND huyện Yên Thành cho biết Yên Thành có 11.226 người đi XKLĐ.")
    assert not states_another_locality(asked, "Huyện Yên Thành và huyện Quỳnh Lưu có nhiều người đi XKLĐ.")
    assert not states_another_locality(asked, "Xã Quỳnh Hậu có 300 người đi XKLĐ.")  # a commune is no district
    # a figure for the whole province is another fact than the district's; a district's figure that ranks it
    # within the province is not
    assert states_another_locality(asked, "Theo Sở LĐ-TB&XH, hiện toàn tỉnh có khoảng 13.000 lao động đi xuất khẩu.")
    assert states_another_locality(asked, "Cả nước có 126.296 lao động đi làm việc ở nước ngoài.")
    assert not states_another_locality(asked, "Huyện có 3.000 người đi XKLĐ, nhiều nhất toàn tỉnh.")
    assert not states_another_locality(asked, "Toàn tỉnh có 20.000 người đi XKLĐ, riêng Quỳnh Lưu có 3.000 người.")
    commune = Locality("commune", "Quỳnh Hậu")
    assert states_another_locality(commune, "Toàn huyện có 5.000 người đi XKLĐ.")
    assert not states_another_locality(asked, "Toàn huyện có 5.000 người đi XKLĐ.")  # the asked district's whole


def test_a_figure_for_the_whole_country_is_told_from_a_rank_in_it() -> None:
    assert names_the_whole_country("Năm 2016, cả nước phát hiện 1.200 vụ xâm hại trẻ em.")
    assert names_the_whole_country("Trên toàn quốc có 9 cơ quan tham gia.")
    assert not names_the_whole_country("Nghệ An có số vụ cao nhất cả nước.")  # a province's rank in the country
    assert not names_the_whole_country("Tỉnh đứng đầu toàn quốc về số lao động đi làm việc ở nước ngoài.")
    assert not names_the_whole_country("Tỉnh có 300 vụ, tăng 10%.")
    assert not names_the_whole_country("Tăng 15,07%, cao hơn mức bình quân chung cả nước (15,07% so với 9,64%).")


@pytest.mark.parametrize(
    ("question", "acronyms"),
    [
        ("Năm 2016 BIDV chi nhánh Nghệ An chi trả bao nhiêu kiều hối?", ("BIDV",)),
        ("EVNNPC và VTV1 ký kết chương trình gì?", ("EVNNPC", "VTV1")),
        ("UBND tỉnh và Bộ LĐ-TB&XH hỗ trợ bao nhiêu?", ()),  # generic: every province has them
        ("Sở Xây dựng TP HCM và TP.HCM báo giá bao nhiêu?", ()),  # places
        ("How many flats will HCMC build?", ()),
        ("Theo Điều II và Chương IV, mức phạt là bao nhiêu?", ()),  # roman numerals
        # a title names a post, not a body: evidence need not write "CEO" ("Tổng giám đốc Samsung Việt Nam")
        ("How many workers does Samsung employ, according to Samsung Vietnam CEO Han Myoung-sup?", ()),
        ("What did PM Nguyen Xuan Phuc tell the WEF forum?", ("WEF",)),
        ("From what year does Ocado CTO Matt Soane hope to roll out the robot arm?", ()),
        ("Under the Party resolution on SOE restructuring, by which year must an agency be set up?", ()),
    ],
)
def test_acronyms_naming_one_body(question: str, acronyms: tuple[str, ...]) -> None:
    assert question_acronyms(question) == acronyms


def test_evidence_names_an_acronym_as_written_or_spelt_out() -> None:
    assert mentions_acronym("BIDV", "Chi nhánh Bidv Nghệ An")
    assert mentions_acronym("BHXH", "Cơ quan Bảo hiểm xã hội tỉnh")
    assert mentions_acronym("LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội")
    assert not mentions_acronym("BIDV", "Agribank Nghệ An chi trả hơn 82.500 món kiều hối")
    assert not mentions_acronym("VTV", "Thông tấn xã Việt Nam")
    # an English question's acronym of a ministry: the press writes the ministry's Vietnamese name
    assert mentions_acronym("MOET", "Bộ GD&ĐT vừa công bố dự thảo quy định gồm 111 tiêu chí")
    assert not mentions_acronym("MOET", "Bộ Y tế vừa công bố dự thảo quy định gồm 111 tiêu chí")


@pytest.mark.parametrize(
    ("place", "text"),
    [("Ho Chi Minh City", "TP.HCM có 70.000 căn hộ"), ("HCMC", "Sài Gòn"), ("Hồ Chí Minh", "TPHCM"), ("TP HCM", "TP.HCM")],
)
def test_a_place_is_named_by_any_of_its_spellings(place: str, text: str) -> None:
    assert mentions_place(place, text)


def test_an_acronym_with_its_term_number_is_named() -> None:
    assert mentions_acronym("UBTVQH", "Theo Nghị quyết 379/2017/UBTVQH14 ban hành ngày 4/5")
    assert mentions_acronym("VTV", "Kênh VTV1 đưa tin")
    assert not mentions_acronym("VTV", "Kênh VTVcab đưa tin")


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Under Decision 2085, what is the maximum loan?", ()),
        ("Theo Quyết định số 2085/QĐ-TTg, năm 2016 hỗ trợ bao nhiêu hộ?", (2016,)),
        ("Decision No. 2085 took effect in 2017: how many households?", (2017,)),
    ],
)
def test_a_documents_number_is_no_year(question: str, years: tuple[int, ...]) -> None:
    assert question_years(question)[0] == years


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How many Vietnamese contract workers are currently working in Kuwait?", ("Kuwait",)),
        ("How many people does Viettel need to recruit every year?", ("Viettel",)),
        ("What share of Samsung Vietnam's workers came back after Tet?", ("Samsung",)),
        # English words in title case, Vietnamese names typed without marks, demonyms and Vietnam pin nothing
        ("How many charity houses does the Southern Power Corporation plan to build in June?", ()),
        ("How many jobs will the Hoa Phat Dung Quat steel complex in Quang Ngai create?", ()),
        ("How many candidates sat the Korean language test for work in Vietnam?", ()),
        ("Ford cut how many jobs?", ()),  # the first word is capitalised anyway
        # a run of such words is one name: a person's, not two bodies
        ("In 2009, what was Tammy Lewis's role in the special care unit?", ("Tammy Lewis",)),
        ("Did Samsung hire workers in Kuwait?", ("Samsung", "Kuwait")),
        # months and weekdays written short are dates
        ("How many units did the team check between Feb 2 and Feb 8?", ()),
        ("What did Samsung announce on Wed, Sept 30?", ("Samsung",)),
        # a company's legal form and a title written short are no names
        ("How many workers does Thanh Duc Silk Trading and Service Co., Ltd in Thieu Do provide jobs for?", ()),
        ("What did Mrs Lan tell the Plc's board?", ()),
    ],
)
def test_names_an_english_question_writes_that_no_table_reads(question: str, names: tuple[str, ...]) -> None:
    assert question_english_names(question) == names


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How many workers did Nhat Huy Khang Company send to Japan in 2016?", ("Nhat Huy Khang",)),
        ("Which contractor was building package XL.04 of the Viet Tri - Ba Vi bridge?", ("Viet Tri", "Ba Vi")),
        ("What three options is the Government weighing for the Dung Quat shipyard?", ("Dung Quat",)),
        # the question's first word starts no name; one syllable is no name; English words break a run
        ("In Long An, who gave Tet gifts?", ("Long An",)),
        ("Binh Duong needs how many workers?", ()),
        ("What did the Southern Power Corporation build?", ()),
    ],
)
def test_vietnamese_names_an_english_question_writes_without_marks(question: str, names: tuple[str, ...]) -> None:
    assert question_unmarked_names(question) == names


@pytest.mark.parametrize(
    ("question", "pinned"),
    [
        ("How many workers did Nhat Huy Khang Company send to Japan in 2016?", ("Nhat Huy Khang",)),
        ("How many jobs will the Hoa Phat Dung Quat steel complex in Quang Ngai create?", ("Hoa Phat Dung Quat",)),
        # places the gazetteer reads are pinned as places, a person as a person, Vietnam is every article's setting
        ("How many poor households are there in Binh Phuoc province?", ()),
        ("How many jobs did Ho Chi Minh City create in 2016?", ()),
        ("What price per square metre did Dinh La Thang say social housing must cost?", ()),
        ("Who is the ILO Country Director for Viet Nam?", ()),
    ],
)
def test_an_english_question_pins_the_vietnamese_names_no_table_reads(question: str, pinned: tuple[str, ...]) -> None:
    assert analyse_question(question).english_names == pinned


def test_evidence_names_an_english_name_as_written_begun_or_in_vietnamese() -> None:
    assert mentions_english_name("Somali", "Cướp biển Somalia thả thuyền viên")
    assert mentions_english_name("Kuwait", "Có 2.000 lao động tại Cô-oét")
    assert not mentions_english_name("Kuwait", "Hiện có 1.800 lao động Việt Nam đang làm việc ở Qatar.")
    # a foreign name of several words: each word named somewhere in the text names it; Vietnamese syllables do not
    assert mentions_english_name("Tammy Lewis", "Năm 1985, Tammy sinh non. Năm 2009, Lewis trở thành chuyên gia.")
    assert not mentions_english_name("Tammy Lewis", "Năm 2009, Lewis trở thành chuyên gia.")
    assert not mentions_english_name("Huong Hoa", "Trung tâm Y tế Hướng Dương ở xã Hòa Bình")




def test_the_date_a_question_asks_about_sets_its_year() -> None:
    assert question_years("Từ ngày 1/7/2018 mức lương cơ sở là bao nhiêu?")[0] == (2018,)
    assert question_years("Thông tư 05/2017/TT-BLĐTBXH quy định gì?")[0] == ()


def test_a_date_with_its_year_dates_the_evidence_as_it_dates_a_question() -> None:
    from answer.constraints import sentence_years

    assert sentence_years("Mức lương cơ sở 1.300.000 đồng/tháng áp dụng từ ngày 1/7/2017.") == [2017]
    assert sentence_years("Tính đến 31/12/2015, số nợ đóng bảo hiểm thất nghiệp là 311 tỷ đồng.") == [2015]
    # a comparison year is still not what the sentence reports on
    assert sentence_years("Năm 2016 tăng 5% so với cùng kỳ năm 2015.") == [2016]


def test_a_birth_year_dates_no_fact() -> None:
    from answer.constraints import sentence_years

    assert sentence_years("TAND huyện Chương Mỹ tuyên phạt Nguyễn Bá Nhu (SN 1966, ở Mỹ Đức) 27 tháng tù.") == []
    assert sentence_years("Anh Nguyễn Hùng Thanh, sinh năm 1976, quê Nghệ An, làm thợ hàn từ năm 2017 đến nay.") == [2017]
    assert sentence_years("Chị Phạm Thị Thanh (sinh 1985) đã được nhận vào làm.") == []
    # an intake year is no birth year
    assert sentence_years("Trong đề án tuyển sinh năm 2017, các trường phải công khai tỷ lệ việc làm.") == [2017]


def test_a_month_or_quarter_of_a_year_dates_the_evidence() -> None:
    from answer.constraints import sentence_years

    assert sentence_years("Trong tháng 1/2017, cả nước có 8.990 doanh nghiệp đăng ký thành lập mới.") == [2017]
    assert sentence_years("Quý I/2017, số lao động tăng 3%.") == [2017]
    assert sentence_years("Đến tháng 6-2017, thu nợ được 140 tỷ đồng.") == [2017]
    # a document's number and a comparison are not what the sentence reports on
    assert sentence_years("Theo Thông tư 23/2015, mức đóng là 8%.") == []
    assert sentence_years("Theo Nghị định 47/2017/NĐ-CP, mức lương cơ sở sẽ là 1.300.000 đồng/tháng.") == []
    assert sentence_years("Số lao động tăng 5% so với tháng 6/2016.") == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Dịp Tết Mậu Tuất, Chính phủ đã chuyển quà tới người có công.", [2018]),
        ("Sau Tết Nguyên đán Đinh Dậu, công nhân đi làm trở lại.", [2017]),
        ("Xuân Tân Sửu về trên mọi miền.", [2021]),
        ("Năm Quý Mẹo sắp đến.", [2023]),
        ("Tết Mậu Thân 1968 đã đi vào lịch sử.", [1968]),  # its own year, not the 2028 Mậu Thân
        ("Giá cau tăng mạnh.", []),
    ],
)
def test_a_lunar_year_name_is_read_as_its_year(text: str, years: list[int]) -> None:
    assert sentence_years(text) == years


def test_the_stems_and_branches_cycle_every_sixty_years() -> None:
    assert [lunar_year(s, b) for s, b in (("Giáp", "Tý"), ("Đinh", "Dậu"), ("Mậu", "Tuất"), ("Quý", "Hợi"))] == [1984, 2017, 2018, 2043]


def test_the_year_something_began_does_not_date_what_the_sentence_says() -> None:
    # "since 2010" goes on to this day: no evidence against a question about 2017
    assert sentence_years("Từ năm 2010, Cty đã tổ chức buổi lễ gặp mặt đầu năm.") == []
    assert sentence_years("Since 2010 the company has held a gathering.") == []
    # a span with its end still dates it, and a question's "từ năm 2018" asks about 2018
    assert sentence_years("Từ năm 2010 đến năm 2015, Cty đã tuyển 500 lao động.") == [2010, 2015]
    assert sentence_years("Giai đoạn từ 2016-2020 có 300 lao động.") == [2016, 2017, 2018, 2019, 2020]
    assert question_years("Từ năm 2018 mức lương tối thiểu vùng là bao nhiêu?")[0] == (2018,)


def test_a_beginning_still_to_come_dates_the_sentence_as_a_plan() -> None:
    from answer.constraints import EvidenceYears, evidence_years, planned_or

    plan = "Theo Phó Vụ trưởng Vụ Bảo hiểm Y tế, có 2 phương án điều chỉnh mức đóng BHYT, thực hiện từ năm 2019."
    # written in a 2018 report (its paragraph's year, or its date): a plan for 2019, not a fact of 2018
    assert evidence_years(plan, "Năm 2018 mức đóng BHYT vẫn giữ nguyên. " + plan) == EvidenceYears((2019,), "sentence")
    assert evidence_years(plan, "", "2018-06-20") == EvidenceYears((2019,), "sentence")
    assert planned_or(plan, EvidenceYears((2018, 2017), "lead")) == EvidenceYears((2019,), "sentence")
    # a beginning before the report's year goes on to its day: the report's year stands, as does an unknown one
    began = "Từ năm 2010, Cty đã tổ chức buổi lễ gặp mặt đầu năm."
    assert evidence_years(began, "Năm 2017, Cty có 500 lao động. " + began) == EvidenceYears((2017,), "context")
    assert evidence_years(plan) == EvidenceYears((), "none")
    # a sentence with a year of its own is dated by it
    assert evidence_years("Từ năm 2019, mức đóng năm 2020 là 5%.", "Năm 2018.") == EvidenceYears((2020,), "sentence")


def test_a_question_about_another_provincial_department_is_not_answered_by_this_ones_figure() -> None:
    from answer.extractive import ExtractiveAnswerer
    from tests.answer.sample_hits import hits_from

    hits = hits_from("Điển hình, đã hỗ trợ cho hơn 8.100")  # the Sở LĐ-TB&XH's year-end review
    for question in ("Sở Y tế hỗ trợ tiền thuê nhà cho bao nhiêu lao động năm 2022?",
                     "How many workers did the Department of Health support with rent in 2022?"):
        answer = ExtractiveAnswerer().answer(question, hits)
        assert not answer.found, answer.answer
    answer = ExtractiveAnswerer().answer("Sở LĐ-TB&XH hỗ trợ tiền thuê nhà cho bao nhiêu lao động năm 2022?", hits)
    assert answer.found and answer.extracted == "hơn 163.600 lượt lao động"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("What was the US unemployment rate in June?", ("US",)),
        ("How many jobs did the U.S. economy add in June?", ("U.S.",)),
        ("How many American citizens are held in North Korea?", ("North Korea", "American")),
        ("How many workers went to the UK in 2016?", ("UK",)),
        ("Tell us how many workers got rent support.", ()),  # a pronoun, not the country
    ],
)
def test_a_country_is_read_by_every_english_name_the_gazetteer_gives_it(text: str, places: tuple[str, ...]) -> None:
    assert question_places(text) == places
    for place in places:
        assert place_entity_ids(place)  # and evidence naming it any way ("Mỹ", "Hoa Kỳ") names it


def test_a_rate_of_another_country_does_not_answer_a_question_about_the_us() -> None:
    # ranked first, a rate no sentence or title says is the United States'; the US one ranks below it
    hits = [
        sentence_hit("Tỷ lệ thất nghiệp trong tháng 6 năm 2013 là 0,1%.", doc_id="a.txt", title="Thị trường lao động"),
        sentence_hit("Tỷ lệ thất nghiệp của Mỹ tăng nhẹ lên mức 4,4%.", doc_id="b.txt", title="USD tăng giá", score=0.9),
    ]
    answer = ExtractiveAnswerer().answer("What was the US unemployment rate?", hits)
    assert answer.found and answer.extracted == "4,4%", answer.answer


def test_a_birth_year_answers_only_a_question_about_a_birth() -> None:
    sentence = (
        "Năm 2012, Sở Y tế tỉnh Đồng Tháp ký quyết định công nhận kết quả tuyển dụng viên chức đối với "
        "ông Phạm Trung Hiếu (SN 1987) về làm việc tại Bệnh viện Đa khoa huyện Thanh Bình."
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    hits = [sentence_hit(sentence, title="Bổ nhiệm thần tốc")]
    assert answerer.answer("Ông Phạm Trung Hiếu được tuyển dụng năm nào?", hits).answer.startswith("2012 ")
    assert answerer.answer("Ông Phạm Trung Hiếu sinh năm nào?", hits).answer.startswith("1987 ")
    assert not answerer.answer("When was Pham Trung Hieu recruited?", hits).answer.startswith("1987")


BAIL_LIST = (
    'Theo đó, dự thảo quy định "mức tiền đặt để bảo đảm" sẽ không dưới 30 triệu đồng đối với tội phạm ít '
    "nghiêm trọng, 50 triệu đồng đối với tội phạm nghiêm trọng, 200 triệu đồng đối với tội phạm rất nghiêm trọng."
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Mức tiền đặt để bảo đảm đối với tội phạm nghiêm trọng là bao nhiêu?", "50 triệu đồng"),
        ("Mức tiền đặt để bảo đảm đối với tội phạm rất nghiêm trọng là bao nhiêu?", "200 triệu đồng"),
        ("Mức tiền đặt để bảo đảm đối với tội phạm ít nghiêm trọng là bao nhiêu?", "Không dưới 30 triệu đồng"),
    ],
)
def test_a_listed_figure_is_told_apart_by_its_own_words(question: str, figure: str) -> None:
    # the list says what it is about once, before its first item; each item says whom it is for after its figure
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert answerer.answer(question, [sentence_hit(BAIL_LIST, title="Nộp tiền để tại ngoại")]).answer.startswith(figure)


def test_a_list_that_holds_no_item_the_question_asks_does_not_answer() -> None:
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    hits = [sentence_hit(BAIL_LIST, title="Nộp tiền để tại ngoại")]
    assert not answerer.answer("Mức tiền đặt để bảo đảm đối với người nước ngoài là bao nhiêu?", hits).found
    # an item the list may hold under other words is unknown, not contradicted
    assert answerer.answer("Mức tiền đặt để bảo đảm đối với tội phạm đặc biệt nghiêm trọng là bao nhiêu?", hits).found


def test_a_listed_figure_is_told_apart_by_its_own_words_after_a_conjunction() -> None:
    sentence = "Mức phạt từ 5 triệu đồng đối với tổ chức và 2 triệu đồng đối với cá nhân vi phạm."
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert answerer.answer("Mức phạt đối với cá nhân là bao nhiêu?", [sentence_hit(sentence)]).answer.startswith("2 triệu")


def test_a_figure_stated_by_another_document_does_not_answer_what_the_asked_one_says() -> None:
    by_circular = sentence_hit(
        "Còn theo Thông tư liên tịch số 01/2015, nếu được chủ tịch tỉnh tặng bằng khen thì bà Oanh sẽ được thưởng "
        "đến 20 tháng lương tối thiểu.",
        title="Sở Nội vụ Cà Mau đề xuất tỉnh khen người tố tham nhũng",
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert not answerer.answer("Theo Nghị định 42/2010, bà Oanh được thưởng bao nhiêu tháng lương?", [by_circular]).found
    asked = answerer.answer("Theo Thông tư liên tịch số 01/2015, bà Oanh được thưởng bao nhiêu tháng lương?", [by_circular])
    assert asked.answer.startswith("Đến 20 tháng")


def test_a_fact_the_sentence_states_of_another_ministry_does_not_answer() -> None:
    education = sentence_hit(
        "Chiều 20/5, tại Hà Nội, Phó Thủ tướng Vương Đình Huệ đã làm việc với Bộ Giáo dục và Đào tạo về đổi mới cơ chế "
        "quản lý, tài chính của các đơn vị sự nghiệp công lập.",
        title="Phó Thủ tướng Vương Đình Huệ làm việc với Bộ Giáo dục và Đào tạo",
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert not answerer.answer("Phó Thủ tướng Vương Đình Huệ làm việc với Bộ Y tế ngày nào?", [education]).found
    assert not answerer.answer("When did Deputy Prime Minister Vuong Dinh Hue work with the Ministry of Health?", [education]).found
    asked = answerer.answer("Phó Thủ tướng Vương Đình Huệ làm việc với Bộ Giáo dục và Đào tạo ngày nào?", [education])
    assert asked.answer.startswith("20/5")


def test_a_name_run_that_goes_on_in_english_is_no_persons_name() -> None:
    # "Ninh" is a surname, but "Quang Ninh People's Committee" names a province's committee, and no one called
    # "Ninh People" whom the articles would have to name
    assert question_names("Who is the Deputy Chairman of Quang Ninh People's Committee who came to the scene?") == ()
    assert question_names("Ông Nguyễn Văn An là ai?") == ("Nguyễn Văn An",)


@pytest.mark.parametrize(("question", "age"), [("Nguyễn Bá Tài bao nhiêu tuổi?", "25 tuổi"), ("Nguyễn Bá Nhu bao nhiêu tuổi?", "51 tuổi")])
def test_an_age_in_brackets_is_the_persons_named_before_them(question: str, age: str) -> None:
    sentence = (
        "Trong đó, có hai bố con cùng tham gia hành hung ông Vin là Nguyễn Bá Nhu (51 tuổi, ở thôn Kênh Đào, xã An Mỹ) "
        "và Nguyễn Bá Tài (25 tuổi, con ông Nhu cùng địa chỉ trên)."
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert answerer.answer(question, [sentence_hit(sentence, title="Xác định danh tính nhóm người đánh thương binh")]).answer.startswith(age)


def test_a_question_about_a_death_is_answered_only_by_a_sentence_that_tells_one() -> None:
    joined = sentence_hit(
        "Năm 1934, khi 17 tuổi đồng chí Phan Trọng Tuệ được kết nạp vào Đảng Cộng sản Đông Dương trên đất nước Lào.",
        title="Đồng chí Phan Trọng Tuệ, người con ưu tú của quê hương Hà Nội",
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert not answerer.answer("Đồng chí Phan Trọng Tuệ mất năm nào?", [joined]).found
    assert not answerer.answer("When did Phan Trong Tue die?", [joined]).found
    assert answerer.answer("Phan Trọng Tuệ được kết nạp vào Đảng năm nào?", [joined]).answer.startswith("1934")
    assert asks_death("Ông ấy qua đời khi nào?") and not asks_death("Bao nhiêu lao động mất việc năm 2020?")


def test_where_someone_lived_is_not_where_he_was_born() -> None:
    lived = sentence_hit(
        "Thời kỳ 1929 - 1930, gia đình đồng chí Phan Trọng Tuệ sinh sống tại đất nước Lào.", title="Đồng chí Phan Trọng Tuệ"
    )
    born = sentence_hit(
        "Đồng chí Phan Trọng Tuệ sinh ngày 7/7/1917 trong một gia đình yêu nước ở xã Sài Sơn, huyện Quốc Oai.",
        title="Đồng chí Phan Trọng Tuệ, người con ưu tú của quê hương Hà Nội",
        doc_id="tue.txt",
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert not answerer.answer("Where was Phan Trong Tue born?", [lived]).found
    assert "Sài Sơn" in answerer.answer("Phan Trọng Tuệ sinh ra ở đâu?", [lived, born]).answer.split("\n")[0]
    assert states_birth("ông Phạm Trung Hiếu (SN 1987) về làm việc") and not states_birth("sinh sống tại Lào")


@pytest.mark.parametrize(
    "question",
    ["Who is the Director of Dong Thap Department of Health?", "Ai là Giám đốc Sở Y tế Đồng Tháp?", "Ai là Chánh Văn phòng Sở Y tế Đồng Tháp?"],
)
def test_a_person_whose_post_heads_another_body_or_is_another_post_does_not_answer(question: str) -> None:
    hospital = sentence_hit(
        "Khi xác minh hồ sơ của ông Phạm Trung Hiếu (con ruột ông Phạm Nông - Giám đốc Bệnh viện Đa khoa huyện Thanh "
        "Bình, Đồng Tháp), đoàn kiểm tra phát hiện hồ sơ đã bị thất lạc.",
        title="Vụ giám đốc bệnh viện bổ nhiệm con 'thần tốc'",
    )
    answerer = ExtractiveAnswerer(corpus_names=lambda name: True)
    assert not answerer.answer(question, [hospital]).found
    assert answerer.answer("Ai là Giám đốc Bệnh viện Đa khoa huyện Thanh Bình?", [hospital]).answer.startswith("Phạm Nông")


@pytest.mark.parametrize(
    "question",
    [
        "Ai được bổ nhiệm giữ chức Giám đốc Trung tâm Chữa bệnh - Giáo dục - Lao động xã hội tỉnh Bắc Ninh?",
        "Who was appointed director of Bac Ninh's Centre for Treatment, Education and Social Labour?",
    ],
)
def test_the_person_appointed_not_the_signer_holds_the_post(question: str) -> None:
    appointed = sentence_hit(
        "Bắc Ninh: Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Tử Quỳnh vừa ký quyết định bổ nhiệm ông Nguyễn Tiến Dũng, sinh ngày "
        "18/4/1968, nguyên Giám đốc Trung tâm Giáo dục - Dạy nghề - Hướng thiện, giữ chức Giám đốc Trung tâm Chữa bệnh - "
        "Giáo dục - Lao động xã hội tỉnh Bắc Ninh, trực thuộc Sở LĐ-TB-XH.",
        title="Bổ nhiệm nhân sự mới",
    )
    answer = ExtractiveAnswerer(corpus_names=lambda name: True).answer(question, [appointed])
    assert answer.answer.startswith("Nguyễn Tiến Dũng")
