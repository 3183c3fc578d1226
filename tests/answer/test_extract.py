"""Typed spans of a sentence (answer/extract.py): what counts as a quantity, and what does not."""

from __future__ import annotations

import pytest

from answer.extract import currency_of, place_spans, spans_of
from answer.qtypes import analyse_question


@pytest.mark.parametrize(
    "sentence",
    [
        "Hưởng ứng tháng hành động lần thứ 1 năm 2017, công ty tổ chức khám sức khỏe.",  # an ordinal
        "Theo Điều 21 Bộ luật Lao động, người lao động có thể giao kết hợp đồng.",  # an article of a law
        "Chương 5 của dự thảo quy định về tiền lương.",
        "HĐXX cho rằng khoản 3 Điều 145 BLLĐ quy định người lao động được bồi thường.",  # a clause of a law
        "Mục 2 của thông tư hướng dẫn về hợp đồng lao động.",  # a section
    ],
)
def test_ordinals_and_numbered_articles_are_no_quantities(sentence: str) -> None:
    assert spans_of(sentence, "quantity") == []


def test_the_lost_square_of_an_area_is_no_count() -> None:
    assert [s.text for s in spans_of("Khu đất rộng 50 km 2 nằm ven biển.", "quantity")] == ["50 km"]
    # m² whose superscript the text lost, the unit glued to the figure
    assert [s.text for s in spans_of("Tương đương phải xây dựng 390.000m 2 nhà ở cho công nhân.", "quantity")] == [
        "390.000m"
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("hoàn trả được gần 300m gạch lát mặt đường", "gần 300m gạch lát mặt", ("m", "gạch", "lát", "mặt")),
        ("Tuyến đường dài 2km.", "2km", ("km",)),
        ("Khu công nghiệp rộng 50ha.", "50ha", ("ha",)),
        ("Mỗi suất quà nặng 20kg.", "20kg", ("kg",)),
        ("Xưởng rộng 1.200m2.", "1.200m2", ("m2",)),
    ],
)
def test_a_measure_glued_to_its_figure_is_read_with_it(sentence: str, text: str, unit: tuple[str, ...]) -> None:
    spans = spans_of(sentence, "quantity")
    assert [(s.text, s.unit) for s in spans] == [(text, unit)]


def test_a_time_of_day_glued_to_its_hour_is_no_quantity() -> None:
    assert spans_of("Lúc 18g ngày 5/7, đoàn kiểm tra đến nơi.", "quantity") == []


def test_a_count_beside_an_ordinal_is_still_read() -> None:
    spans = spans_of("Hưởng ứng tháng hành động lần thứ 1, có 28.000 người lao động được khám sức khỏe.", "quantity")
    assert [s.text for s in spans] == ["28.000 người lao động"]


@pytest.mark.parametrize("question", ["Người Việt Nam nghỉ hưu bình quân ở độ tuổi nào?", "Lao động nữ nghỉ hưu ở tuổi nào?"])
def test_an_age_question_asks_for_a_quantity_in_years_of_age(question: str) -> None:
    q = analyse_question(question)
    assert q.answer_type == "quantity" and q.unit == ("tuổi",)


# ---- a figure measured in another unit than the question counts in is no answer (answer/extractive.py)

def test_a_figure_measured_in_another_unit_contradicts_a_count() -> None:
    from answer.extractive import _unit_contradicts

    ships = analyse_question("Nhà máy được đầu tư để đóng mới bao nhiêu chiếc tàu mỗi năm?")
    (tonnes,) = spans_of("Nhà máy được đầu tư với công suất đóng mới khoảng 600.000 tấn tàu mỗi năm.", "quantity")
    assert _unit_contradicts(ships, tonnes)
    workers = analyse_question("Bao nhiêu lao động được hỗ trợ?")
    people, money, months = spans_of("Đã hỗ trợ 1.200 người lao động với 5 tỷ đồng trong 3 tháng.", "quantity")
    assert not _unit_contradicts(workers, people) and _unit_contradicts(workers, money) and _unit_contradicts(workers, months)
    benefit = analyse_question("Người lao động được hưởng bao nhiêu tháng trợ cấp?")
    (three_months,) = [s for s in spans_of("Được hưởng 3 tháng trợ cấp thất nghiệp.", "quantity")]
    assert not _unit_contradicts(benefit, three_months)


def test_a_figure_counting_another_kind_of_thing_contradicts_a_count() -> None:
    from answer.extractive import _unit_contradicts

    households = analyse_question("How many households got Tet tickets home?")
    (firms,) = spans_of("Hơn 1.000 DN hỗ trợ vé xe cho công nhân về quê.", "quantity")
    assert _unit_contradicts(households, firms)
    members = analyse_question("Liên đoàn Lao động thành phố đang quản lý bao nhiêu đoàn viên?")
    (delegations,) = spans_of("Liên đoàn Lao động thành phố đã tổ chức 6 đoàn đi kiểm tra, thăm công nhân.", "quantity")
    assert _unit_contradicts(members, delegations)  # delegations sent, not union members
    flats = analyse_question("Khu nhà sẽ có bao nhiêu căn hộ cho công nhân?")
    (workers,) = spans_of("Mỗi doanh nghiệp có 10 lao động.", "quantity")
    assert _unit_contradicts(flats, workers)
    # units of one kind may count the same beings; a noun no table knows, or "lượt", may count anything
    people = analyse_question("Bao nhiêu người được tặng quà?")
    gifts, persons = spans_of("Tặng 500 suất quà cho 300 lao động.", "quantity")
    assert _unit_contradicts(people, gifts) and not _unit_contradicts(people, persons)
    (plans,) = spans_of("Sẽ xây dựng 10 thiết chế công đoàn.", "quantity")
    assert not _unit_contradicts(flats, plans)
    turns = analyse_question("Có bao nhiêu lượt lao động được hỗ trợ?")
    assert not _unit_contradicts(turns, persons)


def test_a_question_for_money_is_held_only_by_an_amount_of_money() -> None:
    from answer.extractive import _can_hold

    money = analyse_question("How much money do people from Ha Tinh working abroad send home each year?")
    assert money.money
    assert not _can_hold(money, "Có 17.747 lao động của 4 tỉnh đi làm việc ở nước ngoài.")
    assert _can_hold(money, "Mỗi năm lao động gửi về khoảng 100 triệu USD.")
    assert _can_hold(money, "Phí thẩm định là 50.000 đồng/người/lần.")
    assert _can_hold(money, "Số tiền lên tới 162 tỷ.")


def test_a_number_word_the_question_gives_holds_no_count_it_asks() -> None:
    from answer.extractive import _can_hold

    visas = analyse_question("Theo dự luật của hai thượng nghị sĩ Tom Cotton và David Perdue, số visa tị nạn bị cắt giảm còn bao nhiêu?")
    assert not _can_hold(visas, "Hai thượng nghị sĩ Tom Cotton và David Perdue đã kiến nghị một dự luật mới.")
    assert _can_hold(visas, "Số lượng visa tị nạn sẽ được cắt giảm xuống 50.000 hồ sơ mỗi năm.")
    assert _can_hold(visas, "Số visa tị nạn sẽ giảm còn một nửa, theo hai thượng nghị sĩ.")


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("By how much had the number of people working risen?", False),  # a change, not money
        ("How many months of average salary is the lump sum?", False),  # counts months
        ("What monthly rent will workers pay at the Dong Van industrial park?", True),  # rent; Dong Van is a place
        ("Why is the fee 50,000 dong per worker?", True),
        ("How much did the fund pay each crew member?", True),
        ("How much did the number of people given jobs fall compared with 2019?", False),  # a count of people
        ("How much did the province spend on a number of projects?", True),
    ],
)
def test_english_questions_for_money(question: str, money: bool) -> None:
    assert analyse_question(question).money is money


@pytest.mark.parametrize(
    "question",
    [
        "What monthly rent will workers pay at the Dong Van industrial park?",
        "What price per square metre must it cost?",
        # the money noun may come after the owner's name, possessive and all
        "What was Vietnam Social Security's total revenue in 2015 according to the State Audit Office?",
    ],
)
def test_what_rent_or_price_asks_for_an_amount(question: str) -> None:
    analysis = analyse_question(question)
    assert (analysis.answer_type, analysis.money) == ("quantity", True)


@pytest.mark.parametrize(
    "question",
    [
        "In the first session, what was the largest increase VCCI was willing to accept?",
        "What increase in the regional minimum wage did the trade unions propose?",
        "What cut in contributions did the ministry propose?",
    ],
)
def test_what_increase_asks_for_a_percentage(question: str) -> None:
    assert analyse_question(question).answer_type == "percentage"


def test_how_much_after_about_opens_a_clause_not_the_question() -> None:
    proposal = "What did the Health Ministry's insurance department propose about how much people pay into health insurance?"
    assert analyse_question(proposal).answer_type == "sentence"
    assert analyse_question("About how many workers got rent support?").answer_type == "quantity"


def test_what_asks_for_an_amount_only_when_its_own_noun_is_money() -> None:
    # "fine" comes after "for": the question asks for a reason; "allowances" after the verb: who received them
    assert analyse_question("What was the reason for the fine?").answer_type == "sentence"
    assert analyse_question("Which groups received timely allowances for the 2021 Lunar New Year?").answer_type == "list"


def test_an_investment_is_no_number_word() -> None:
    from answer.extractive import _can_hold

    ships = analyse_question("Nhà máy được đầu tư để đóng mới bao nhiêu chiếc tàu mỗi năm?")
    assert not _can_hold(ships, "Nhà máy được đầu tư với công suất đóng mới khoảng 600.000 tấn tàu mỗi năm.")
    assert _can_hold(ships, "Nhà máy được đầu tư để đóng mới ba chiếc tàu mỗi năm.")


def test_a_number_word_must_count_what_the_question_counts() -> None:
    from answer.extractive import _can_hold

    workers = analyse_question("Năm 2016 nước ta đưa được bao nhiêu lao động sang Malaysia làm việc?")
    # "hai nước" counts countries, "hai địa chỉ" nothing the tables know: neither is a count of workers
    assert not _can_hold(workers, "Theo bản ghi nhớ giữa hai nước, người lao động phải đăng ký với doanh nghiệp.")
    assert not _can_hold(workers, "Hai địa chỉ cần cho lao động Việt Nam tại Malaysia.")
    assert _can_hold(workers, "Năm 2016 có hai nghìn lao động sang Malaysia.")
    assert _can_hold(workers, "Năm 2016 có ba người lao động sang Malaysia.")


def test_jobs_are_counted_in_workers() -> None:
    from answer.extractive import _unit_contradicts

    (jobs,) = spans_of("Dự án tạo công ăn việc làm cho 8.000 lao động.", "quantity")
    assert not _unit_contradicts(analyse_question("How many jobs will the steel complex create?"), jobs)
    assert not _unit_contradicts(analyse_question("Dự án tạo ra bao nhiêu việc làm?"), jobs)
    # only where the clause says the jobs are for them: people laid off are no count of jobs
    (cut,) = spans_of("Số lao động làm việc cho Samsung tại Trung Quốc giảm 7.878 người.", "quantity")
    assert _unit_contradicts(analyse_question("How many jobs did Samsung cut in Vietnam in 2016?"), cut)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("chỉ có 6 thị trường tiếp nhận từ 1.000 LĐ trở lên (gồm Đài Loan)", "1.000 LĐ"),
        ("có số thuế hoàn từ 5 triệu đồng trở xuống", "5 triệu đồng"),
        ("đã có 3 người trở về quê", "3 người"),
        # a unit of measure is the unit, whatever is measured after it
        ("được hưởng 3 tháng trợ cấp thất nghiệp", "3 tháng"),
        ("người lao động được nghỉ 3 ngày Cụ thể là", "3 ngày"),
        ("giá 15 triệu đồng/m2 mà Sở Xây dựng đưa ra", "15 triệu đồng/m2"),
        # a negation, "mà" or "trị giá" begins what is said of the counted noun
        ("có 2.743 hộ nghèo chưa có nhà ở", "2.743 hộ nghèo"),
        ("LĐLĐ tỉnh tặng 1.000 suất trị giá 400 triệu đồng", "1.000 suất"),
        # a conjunction begins another clause
        ("chúng tôi có 22 bác sỹ nhưng hiện chỉ có 16 bác sỹ", "22 bác sỹ"),
        ("mỗi hộ nhận 2 con bò hoặc 5 con dê", "2 con bò"),
        ("tuyển 50 công nhân nếu đơn hàng tăng", "50 công nhân"),
        ("cần 30 giáo viên thì mới đủ", "30 giáo viên"),
        # a slash and another figure: a second count begins ("members / workers"), not a rate per unit
        ("quản lý 19.260 CĐ cơ sở/21.148 đơn vị và 1.292.184 đoàn viên/1.517.511 CNVC-LĐ", "1.292.184 đoàn viên"),
        ("quản lý 19.260 CĐ cơ sở/21.148 đơn vị và 1.292.184 đoàn viên/1.517.511 CNVC-LĐ", "19.260 CĐ cơ sở"),
        # over a power of ten the slash gives a ratio's base, read whole
        ("có 12 bác sĩ/10.000 dân", "12 bác sĩ/10.000 dân"),
        ("tỷ số giới tính khi sinh là 114 trẻ trai/100 trẻ gái.", "114 trẻ trai/100 trẻ gái"),
        ("năm 2013: 113,8 trẻ trai/100 trẻ gái, năm 2014: 111,2/100", "113,8 trẻ trai/100 trẻ gái"),
        ("giá 25.000 đồng/1kg", "25.000 đồng/1kg"),  # per kilogram: the whole unit
    ],
)
def test_or_more_is_no_part_of_the_counted_noun(sentence: str, figure: str) -> None:
    assert figure in [span.text for span in spans_of(sentence, "quantity")]


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        # with marks, a syllable is what it is written as: "thí" is no "thì", "tai" no "tại", "da" no "đã"
        ("Liên hoan có bao nhiêu thí sinh tham gia?", ("thí", "sinh", "tham")),
        ("Năm nay có bao nhiêu vụ tai nạn lao động?", ("vụ", "tai", "nạn")),
        ("Bao nhiêu lao động ngành da giày mất việc?", ("lao", "động", "ngành")),
        # typed without marks, the folded stop words still end the noun
        ("Co bao nhieu nguoi da duoc ho tro?", ("nguoi",)),
    ],
)
def test_the_counted_noun_runs_until_a_function_word(question: str, unit: tuple[str, ...]) -> None:
    assert analyse_question(question).unit == unit


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("What is the number of the 5th plenum resolution of the 12th Party Central Committee on SOEs?", "document"),
        ("What number is the 12th Central Committee's 5th plenum resolution on restructuring SOEs?", "document"),
        ("How long a prison term did the court give Vu Thi Hong Van?", "quantity"),
        ("What was the value of the LG mobile phone that Dang Ngoc Nam tried to steal?", "quantity"),
        ("How big is the plot in An Lac Park that Indevco gave the university?", "quantity"),
        ("What is the maximum age of candidates for the programme?", "quantity"),
        ("What is the number of workers at the plant?", "quantity"),  # a count, not a document's number
        # the kind after the body that issued it, and a code's number
        ("Which Ministry of Health circular sets the fees for medical check-ups?", "document"),
        ("Which Prime Minister's decision approved the plan for vocational training?", "document"),
        ("What is the number of the Labour Code amended last year?", "document"),
        ("Which workers did the decree cover?", "sentence"),  # a verb between: the workers are asked for
    ],
)
def test_an_english_question_for_a_documents_number_a_term_a_value_a_size_or_an_age(question: str, answer_type: str) -> None:
    assert analyse_question(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("sentence", "documents"),
    [
        # a code with its issuer's letters is a document though its kind word stands before it, or lower-case
        ("Hội nghị Trung ương 5 khóa XII đã ban hành Nghị quyết về hoàn thiện thể chế (số 11-NQ/TW).", ["số 11-NQ/TW"]),
        ("Công an TP Hà Nội ban hành kế hoạch 199/KH-CAHN-PV11 xử lý xe quá tải.", ["199/KH-CAHN-PV11"]),
        # a kind that starts a numbered document is part of it ("Công điện" is asked for as "Nghị định" is)
        ("Thủ tướng vừa ký Công điện số 156/CĐ-TTg về phòng chống bão.", ["Công điện số 156/CĐ-TTg"]),
        ("Giá vàng tăng 12/USD trong tuần qua.", []),  # no kind word: no document
    ],
)
def test_a_documents_code_with_its_issuers_letters_is_a_document(sentence: str, documents: list[str]) -> None:
    assert [span.text for span in spans_of(sentence, "document")] == documents


@pytest.mark.parametrize(
    ("sentence", "laws"),
    [
        ("Cử tri đề nghị Quốc hội sớm ban hành Luật Tiền lương tối thiểu để bảo đảm quyền lợi.", ["Luật Tiền lương tối thiểu"]),
        ("Theo Bộ luật Lao động năm 2012, người lao động được nghỉ.", ["Bộ luật Lao động"]),
        ("Luật Việc làm có hiệu lực từ 1/1/2015.", ["Luật Việc làm"]),
        ("Luật sư Nguyễn Văn A cho biết như vậy.", []),  # a lawyer, not a law
    ],
)
def test_a_law_is_named_by_its_subject(sentence: str, laws: list[str]) -> None:
    assert [span.text for span in spans_of(sentence, "document")] == laws


def test_years_right_after_a_figure_are_its_unit() -> None:
    (seven,) = spans_of("Tập đoàn cắt giảm nhân sự lần đầu tiên sau 7 năm qua.", "quantity")
    assert (seven.text, seven.unit) == ("7 năm", ("năm",))
    (workers,) = spans_of("Đã hỗ trợ 1.200 lao động năm 2022.", "quantity")
    assert workers.unit == ("lao", "động")  # "năm 2022" after the noun is when, not the unit
    from answer.extractive import _unit_contradicts

    assert _unit_contradicts(analyse_question("How many employees did Samsung have in 2016?"), seven)


def test_an_age_or_a_time_is_no_count_of_people() -> None:
    from answer.extractive import _unit_contradicts

    died = analyse_question("How many people died in workplace accidents across Vietnam in 2015?")
    age, hour = spans_of("Công nhân 21 tuổi tử vong lúc 13 giờ.", "quantity")
    assert _unit_contradicts(died, age) and _unit_contradicts(died, hour)
    # an age answers a question for an age, whoever it is about
    (fifty_four,) = spans_of("Tuổi nghỉ hưu bình quân ở Việt Nam thấp, chỉ 54 tuổi.", "quantity")
    assert not _unit_contradicts(analyse_question("Người Việt Nam nghỉ hưu bình quân ở độ tuổi nào?"), fifty_four)


def test_a_magnitude_belongs_to_its_figure_not_to_what_is_counted() -> None:
    from answer.extractive import _unit_contradicts

    members = analyse_question("How many union members does the Ho Chi Minh City Labour Federation manage?")
    (million,) = spans_of("Cơ quan này đang quản lý hơn 2,7 triệu đoàn viên công đoàn.", "quantity")
    assert not _unit_contradicts(members, million)
    (billions,) = spans_of("Quỹ đã chi 5 tỷ đồng.", "quantity")
    assert _unit_contradicts(members, billions)


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("hoc phi cao dang phat thanh truyen hinh 2 o tphcm khoang bao nhieu mot hoc ky", True),  # typed bare
        ("Năm 2015, lượng kiều hối người Yên Thành gửi về huyện ước khoảng bao nhiêu?", True),  # priced first
        ("Tổng số lao động được hỗ trợ tiền thuê nhà là bao nhiêu?", False),  # counts workers, first
        ("Under Decision 2085, what is the maximum loan a household can get?", True),
        ("What is the average monthly income of workers in the zone?", True),
        ("How many workers got rent support?", False),
    ],
)
def test_a_thing_priced_asks_for_money(question: str, money: bool) -> None:
    analysis = analyse_question(question)
    assert (analysis.answer_type, analysis.money) == ("quantity", money)


def test_bao_nhieu_one_something_is_a_rate_not_what_is_counted() -> None:
    analysis = analyse_question("Giá thuê nhà khoảng bao nhiêu một mét vuông?")
    assert analysis.unit == () and analysis.money


def test_a_question_for_a_measure_needs_a_figure_in_it() -> None:
    from answer.extractive import _can_hold, _unit_contradicts

    land = analyse_question("How many square metres of extra land has the vocational centre asked for?")
    trades, area = spans_of("Trung tâm đã đào tạo 12 ngành nghề và xin thêm 2.000 m2 đất.", "quantity")
    assert _unit_contradicts(land, trades) and not _unit_contradicts(land, area)
    assert not _can_hold(land, "Trung tâm được thành lập vào năm 2006.")
    # the measure may come before the figure
    (forty,) = spans_of("Bệnh thường gặp ở tuổi 40.", "quantity")
    assert not _unit_contradicts(analyse_question("Bệnh thường gặp ở độ tuổi nào?"), forty)


@pytest.mark.parametrize(
    ("sentence", "kind", "texts"),
    [
        # a range's figures share the unit written after the second: the range is one answer
        ("Hiện nay nhà ở xã hội đang dao động ở mức 8,6 đến 15 triệu đồng/m2 tùy khu vực.", "quantity", ["8,6 đến 15 triệu đồng/m2"]),
        ("Giá bán cần giảm xuống còn khoảng 5 - 6 triệu đồng/mét vuông.", "quantity", ["khoảng 5 - 6 triệu đồng/mét vuông"]),
        ("Lương tối thiểu vùng tăng 7,3% (180.000 - 250.000 đồng).", "quantity", ["180.000 - 250.000 đồng"]),
        ("Thu nhập của công nhân từ 3-4 triệu đồng/tháng.", "quantity", ["từ 3-4 triệu đồng/tháng"]),
        ("Học sinh từ 15 đến 17 tuổi được học nghề.", "quantity", ["từ 15 đến 17 tuổi"]),
        ("Năng suất lao động tăng 7-8% so với năm trước.", "percentage", ["7-8%"]),
        ("Mức tăng dự kiến từ 5 đến 7% mỗi năm.", "percentage", ["từ 5 đến 7%"]),
        # two figures each with its unit are a change, not a range; years and dates start no range
        ("Lương cơ sở tăng từ 1.210.000 đồng lên 1.300.000 đồng.", "quantity", ["1.210.000 đồng", "1.300.000 đồng"]),
        ("Giai đoạn 2016-2020 có 1.500 người được đào tạo.", "quantity", ["1.500 người"]),
        ("Từ ngày 15 - 20/5 có 300 lao động nghỉ việc.", "quantity", ["300 lao động"]),
    ],
)
def test_a_range_of_figures_is_one_span(sentence: str, kind: str, texts: list[str]) -> None:
    assert [s.text for s in spans_of(sentence, kind)] == texts



@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Từ ngày 1-1-2018 trở đi, tiền lương tháng đóng BHXH gồm cả phụ cấp.", ["1-1-2018"]),
        ("Từ 1.1.2018, mức đóng thay đổi.", ["1.1.2018"]),
        ("Ngày 4.9 là ngày nghỉ bù.", ["4.9"]),
        ("Người lao động được nghỉ bù ngày 4.9 thay cho ngày Quốc khánh.", ["4.9"]),
        # after a time of day, a day and month without a year are a date
        ("Sáng 4-7, Chính phủ họp phiên thường kỳ tháng 6.", ["4-7", "tháng 6"]),
        ("Anh được cho là đã tử vong tại công ty vào tối 2.7.", ["2.7"]),
        ("Chiều 12.7 tại Hà Nội, hội nghị khai mạc.", ["12.7"]),
        ("Năng suất tăng 6-7% so với năm trước.", []),  # a range, not a date
        # a decimal or a range is no date
        ("Năng suất tăng 6.2 lần.", []),
        ("Mỗi tổ có từ 6-2 người.", []),
        # a month without its year is a date; a number of months is not
        ("Đến cuối tháng 1 sẽ triển khai tiêm vắcxin trên toàn quốc.", ["cuối tháng 1"]),
        ("Từ tháng 7, lương cơ sở tăng lên 1,3 triệu đồng.", ["tháng 7"]),
        ("Từ tháng 7/2017, lương cơ sở tăng.", ["tháng 7/2017"]),
        ("Người lao động được hưởng 3 tháng trợ cấp, 12 tháng 1 lần.", []),
        # a run of days is one date
        ("Thủ tướng thăm Mỹ từ ngày 29-31/5.", ["29-31/5"]),
        ("Kỳ họp từ 20/5 - 20/6.", ["20/5", "20/6"]),
        # a grade or a score is no day
        ("Ông là thương binh hạng 2/4, bị hành hung ngày 25/1.", ["25/1"]),
        ("Anh hưởng lương bậc 3/7 từ 1/7.", ["1/7"]),
        ("Chủ tịch tặng quà ông Trần Văn Vực, thương binh 2/4, trú tại tổ 29.", []),
        # the press's dotted month and year
        ("Nguồn tin cho biết, tháng 10.2012, Sở Y tế ký quyết định tuyển dụng.", ["tháng 10.2012"]),
    ],
)
def test_dates_written_with_dashes_or_dots(sentence: str, dates: list[str]) -> None:
    assert [span.text for span in spans_of(sentence, "date")] == dates


def test_a_weekday_and_its_comma_are_inside_the_dates_clause() -> None:
    (date,) = spans_of("Vì vậy, Hội đồng kỷ luật dự kiến sẽ họp vào ngày thứ Hai, 20/2 tới đây.", "date")
    assert date.text == "20/2" and date.left == "Hội đồng kỷ luật dự kiến sẽ họp vào ngày thứ Hai,"
    (date,) = spans_of("Buổi lễ diễn ra vào Chủ nhật, 5/3.", "date")
    assert date.left == "Buổi lễ diễn ra vào Chủ nhật,"
    # another clause's comma still bounds it
    (date,) = spans_of("Hội đồng đã họp xong, 20/2 sẽ công bố kết quả.", "date")
    assert date.left == ""


@pytest.mark.parametrize(
    ("sentence", "shares"),
    [
        ("Kết quả cho thấy 2/3 sinh viên cho biết thích làm ở khu vực nhà nước.", [("2/3", 66.7)]),
        ("Khoảng 1/3 số nam giới đi làm có bằng cấp.", [("Khoảng 1/3", 33.3)]),
        ("Tăng 5% và chiếm 1/5 tổng số lao động nước ngoài.", [("5%", 5.0), ("1/5", 20.0)]),
        # dates: a day word before, or no share of a whole (more than one, or nothing counted after it)
        ("Sáng 2/3 người dân đã đến dự.", []),
        ("Từ 1/7 người lao động được tăng lương.", []),
        ("Ngày 7/2 trong giờ làm việc, ông đi lễ chùa.", []),
        ("Ông đi lễ chùa 7/2 người dân phản ánh.", []),
    ],
)
def test_a_fraction_of_a_whole_is_a_share(sentence: str, shares: list[tuple[str, float]]) -> None:
    spans = spans_of(sentence, "percentage")
    assert [(s.text, round(s.value or 0.0, 1)) for s in spans] == shares


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        # a name broken by one lower-case syllable resumes: it is one name, not its first word
        ("hàng trăm giáo viên đã có mặt tại Bệnh viện Quân y 175 để khám.", "place", ["Bệnh viện Quân y 175"]),
        ("Tiến sĩ Bùi Minh Trạng, Phó Giám đốc Bệnh viện Nhân dân 115, cho biết", "person",
         ["Bùi Minh Trạng, Phó Giám đốc Bệnh viện Nhân dân 115"]),
        ("Bà Phạm Thị Hằng – Chủ tịch CĐ Khu Kinh tế Hải Phòng – cho biết", "person",
         ["Phạm Thị Hằng – Chủ tịch CĐ Khu Kinh tế Hải Phòng"]),
        # ... but not through a function word, a time word or a date
        ("Lao động ở Hà Nội cho biết Bộ Y tế đã", "place", ["Hà Nội"]),
        ("vụ vận thăng rơi tại Móng Cái chiều 30.5.2017, 7 nạn nhân", "place", ["Móng Cái"]),
        ("làm việc tại Hà Nội ngày 5 tháng 6", "place", ["Hà Nội"]),
        # one capitalised word run into lower case begins a longer name: no place
        ("đã bị cấm ở Liên minh châu Âu trong hơn 15 năm.", "place", []),
        # ... unless it is an industrial or export-processing zone's, whose name follows
        ("Hội nghị tổ chức ngày 19/5, tại Khu công nghiệp Nội Bài.", "place", ["Khu công nghiệp Nội Bài"]),
        ("Công nhân ở KCN Quang Minh và ở khu chế xuất Tân Thuận", "place", ["KCN Quang Minh", "khu chế xuất Tân Thuận"]),
        # an event after "tại" is no place; where it was held may follow
        ("Chiến lược được thông qua tại Hội nghị Bộ trưởng giáo dục tại Lima, Peru.", "place", ["Lima"]),
    ],
)
def test_a_name_is_not_cut_at_its_lower_case_syllable(sentence: str, kind: str, expected: list[str]) -> None:
    assert [span.text for span in spans_of(sentence, kind)] == expected


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Bán trên vỉa hè có thể lời từ 500.000 – 800.000đ/ngày.", [("từ 500.000 – 800.000đ/ngày", 500_000.0)]),
        ("Làm bảo vệ, công nhân chỉ với 5tr/tháng thì không đủ sống.", [("5tr/tháng", 5_000_000.0)]),
        ("Mỗi suất ăn giá 30k.", [("30k", 30_000.0)]),
        ("Công ty TNHH Jtex Vina (quận 9, TP.HCM) còn nợ hơn 7 tỉ đồng.", [("hơn 7 tỉ đồng", 7e9)]),  # "quận 9" is a name
        ("Có 5 trường học được xây mới.", [("5 trường học", 5.0)]),
    ],
)
def test_figures_with_a_glued_unit_and_numbered_districts(sentence: str, figures: list[tuple[str, float]]) -> None:
    assert [(s.text, s.value) for s in spans_of(sentence, "quantity")] == figures


def test_a_table_noun_longer_than_four_syllables_is_read_whole() -> None:
    # "cơ sở đào tạo nghề" (vocational schools) is no "cơ sở đào tạo" cut short: what it counts is known
    sentence = "Khu vực miền núi tỉnh Quảng Nam hiện có 8 cơ sở đào tạo nghề, số lao động được tuyển sinh là gần 2.000 người."
    first = spans_of(sentence, "quantity")[0]
    assert (first.text, first.unit) == ("8 cơ sở đào tạo nghề", ("cơ", "sở", "đào", "tạo", "nghề"))
    assert spans_of("tỷ lệ chọi 6 thí sinh chỉ lấy 1 người", "quantity")[0].unit == ("thí", "sinh")


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # the counted noun ends where the clause's verb begins, which no stop list holds
        ("Vào năm 2012, 150 công nhân leo lên mái nhà.", "150 công nhân"),
        ("NHCSXH đã giúp 7.915 hộ nghèo vươn lên thoát nghèo.", "7.915 hộ nghèo"),
        ("Việc này có thể khiến 4.000 lao động phải mất việc làm.", "4.000 lao động"),
        ("Có hơn 30 trường hợp mắc bệnh được ghi nhận.", "hơn 30 trường hợp"),
        ("Có 200 doanh nghiệp FDI đóng cửa.", "200 doanh nghiệp FDI"),
        # a noun's own words stay, though some of them open a verb elsewhere
        ("Tỉnh tuyển 500 lao động nữ làm việc tại Nhật.", "500 lao động nữ"),
        ("Mỗi ngày có khoảng 800-1.000 lượt người bệnh cần truyền máu.", "khoảng 800-1.000 lượt người bệnh"),
        ("Cả nước có 8 bệnh viện ung bướu.", "8 bệnh viện ung bướu"),
        ("Ông có đến 82 người con.", "đến 82 người con"),
        ("Hiện có 2.015 công nhân làm việc.", "2.015 công nhân"),
        ("Hội chợ có hơn 1.000 chỉ tiêu việc làm.", "hơn 1.000 chỉ tiêu việc"),
        ("Chương trình tôn vinh 30 tập thể, cá nhân.", "30 tập thể"),
    ],
)
def test_the_counted_noun_ends_where_the_verb_begins(sentence: str, text: str) -> None:
    assert spans_of(sentence, "quantity")[0].text == text


@pytest.mark.parametrize(
    ("word", "following", "opens"),
    [
        ("leo", "lên", True),
        ("vươn", "lên", True),
        ("mất", "việc", True),
        ("công", "bố", True),
        ("công", "nhân", False),
        ("người", "", False),
        ("ung", "bướu", False),
        ("học", "sinh", False),
    ],
)
def test_verb_openers_tell_a_verb_from_a_noun(word: str, following: str, opens: bool) -> None:
    from answer.knowledge.verb_openers import opens_verb

    assert opens_verb(word, following) is opens


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # districts and communes named with their level word are places; those of one level joined are one list
        (
            "Sở đã phối hợp với UBND thị xã Bến Cát và thị xã Dĩ An tổ chức đăng ký lưu động.",
            [("thị xã Bến Cát và thị xã Dĩ An", ("thị xã Bến Cát", "thị xã Dĩ An"))],
        ),
        # abbreviated level words; a commune's "phường" and "xã" are one level, the district after them says where
        (
            "NHCSXH đã tổ chức 4 phiên giao dịch tại P. Bình Hiên, P. An Khê và xã Hòa Nhơn, H. Hòa Vang.",
            [("P. Bình Hiên, P. An Khê và xã Hòa Nhơn", ("P. Bình Hiên", "P. An Khê", "xã Hòa Nhơn")), ("H. Hòa Vang", ())],
        ),
        # after a plural level word the names without one are of that level
        (
            "Sở đã phối hợp với các thị xã Dĩ An, Thuận An, Tân Uyên tổ chức đăng ký.",
            [("thị xã Dĩ An, Thuận An, Tân Uyên", ("thị xã Dĩ An", "Thuận An", "Tân Uyên"))],
        ),
        # ... but not after a single one: "huyện Lục Ngạn, Bắc Giang" is a district and its province
        ("Minh Đen (ở huyện Lục Ngạn, Bắc Giang) thu tiền.", [("huyện Lục Ngạn", ()), ("Bắc Giang", ())]),
        ("Tại phường 5 và phường 7 có nhiều lao động.", [("phường 5 và phường 7", ("phường 5", "phường 7"))]),
    ],
)
def test_districts_and_communes_are_places(sentence: str, places: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(s.text, s.unit) for s in spans_of(sentence, "place")] == places


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # taken to a hospital: the hospital answers "đâu", not the province in its name (nor the time after it)
        ("Bệnh nhân được đưa vào Bệnh viện Phụ sản Cần Thơ trưa 16/2 trong tình trạng hôn mê.", ["Bệnh viện Phụ sản Cần Thơ"]),
        ("Sản phụ được gia đình đưa vào Bệnh viện Phú Lộc để sinh con.", ["Bệnh viện Phú Lộc"]),
        ("Người dân có thể hiến máu tại Bệnh viện Chợ Rẫy, quận 5.", ["Bệnh viện Chợ Rẫy", "quận 5"]),
        # a hospital that does something is no place of the sentence, and neither is the city in its name
        ("Các bác sĩ Bệnh viện Trung ương Huế dùng phương pháp can thiệp nội mạch.", []),
    ],
)
def test_an_institution_someone_is_taken_to_is_a_place(sentence: str, places: list[str]) -> None:
    assert [span.text for span in place_spans(sentence)] == places
    # a list of things is no institution's name: the list fallback reads places without them
    assert all(not span.text.startswith("Bệnh viện Phụ sản") for span in place_spans(sentence, institutions=False))


@pytest.mark.parametrize(
    "sentence",
    [
        "Đối tượng hành hung chị lao công tại số 7 Nguyễn Hữu Huân đã đến cơ quan công an trình diện.",
        "Cửa hàng ở số nhà 24 Hàng Muối bị kiểm tra.",
        "Xưởng may nằm trong ngõ 5/12 Lê Duẩn.",
    ],
)
def test_a_street_after_its_house_number_is_no_person(sentence: str) -> None:
    assert spans_of(sentence, "person") == []


def test_a_person_beside_an_address_is_still_read() -> None:
    spans = spans_of("Ông Nguyễn Văn An ở số nhà 24 Hàng Muối cho biết như vậy.", "person")
    assert [s.text.split(",")[0] for s in spans] == ["Nguyễn Văn An"]


def test_a_hospitals_title_runs_through_its_lower_case_syllables() -> None:
    sentence = "Khi xác minh hồ sơ của ông Phạm Trung Hiếu (con ruột ông Phạm Nông - Giám đốc Bệnh viện Đa khoa huyện Thanh Bình, Đồng Tháp), đoàn phát hiện hồ sơ bị thất lạc."
    roles = {span.text.split(" - ")[0]: span.role for span in spans_of(sentence, "person")}
    assert roles["Phạm Nông"] == "Giám đốc Bệnh viện Đa khoa huyện Thanh Bình, Đồng Tháp"


def test_a_name_stops_before_the_time_of_day_that_opens_the_next_sentence() -> None:
    # a caption run into the next sentence: "Chiều 14.6" opens it and is no part of the minister's name
    sentence = "Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến Chiều 14.6, Bộ trưởng trả lời chất vấn của các đại biểu."
    assert [span.text.split(",")[0] for span in spans_of(sentence, "person")] == ["Nguyễn Thị Kim Tiến"]


def test_a_title_ending_on_a_bodys_first_word_runs_through_the_bodys_name() -> None:
    sentence = (
        "Theo Tiến sỹ Mai Văn Trinh, Cục trưởng Cục khảo thí và Kiểm định chất lượng giáo dục (Bộ Giáo dục và Đào "
        "tạo), kiểm định chất lượng đã đạt kết quả."
    )
    assert [s.role for s in spans_of(sentence, "person")] == ["Cục trưởng Cục khảo thí và Kiểm định chất lượng giáo dục"]
    # a deed after the body's word is no part of its name
    assert [s.role for s in spans_of("Ông Nguyễn Văn An, Giám đốc Sở đã ký quyết định, và ông B.", "person")] == ["Giám đốc Sở"]


def test_a_chinese_name_between_an_honorific_and_a_title_is_a_person() -> None:
    sentence = (
        "Chủ tịch nước đã tiếp đồng chí Vưu Quyền, Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư Tỉnh ủy và "
        "đồng chí Vu Vĩ Quốc, Tỉnh trưởng tỉnh Phúc Kiến, cùng các lãnh đạo."
    )
    roles = {span.text.split(",")[0]: span.role for span in spans_of(sentence, "person")}
    assert roles["Vu Vĩ Quốc"] == "Tỉnh trưởng tỉnh Phúc Kiến"
    assert roles["Vưu Quyền"].startswith("Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư Tỉnh ủy")
    # without the honorific and the title, capitalised Vietnamese syllables are no one ("Phúc Châu" is a city)
    assert spans_of("Đoàn đến thăm Phúc Châu, thủ phủ của tỉnh.", "person") == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Sử dụng thuốc lá gây thiệt hại khoảng 500 tỷ đô la Mỹ mỗi năm.", "khoảng 500 tỷ đô la Mỹ"),
        ("Kiều hối đạt 3 tỷ đô la trong năm.", "3 tỷ đô la"),
        ("Lương tháng của anh là 1.200 đôla Mỹ.", "1.200 đôla Mỹ"),
        ("Anh gửi về 1.000 đô cho gia đình.", "1.000 đô"),
    ],
)
def test_a_dollars_name_is_read_whole(sentence: str, figure: str) -> None:
    spans = spans_of(sentence, "quantity")
    assert [span.text for span in spans] == [figure]
    assert currency_of(spans[0]) == "usd"


def test_a_police_chiefs_title_is_read_whole() -> None:
    sentence = "Chiều 6/2, Trung tá Trần Trí Dũng - Trưởng Công an huyện Chương Mỹ (Hà Nội) cho biết như vậy."
    assert [span.role for span in spans_of(sentence, "person")] == ["Trưởng Công an huyện Chương Mỹ"]
