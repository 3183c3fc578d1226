"""The gazetteer: every alias of every row is found and mapped; the ambiguous cases stay unmatched."""

from __future__ import annotations

import unicodedata
from importlib.resources import files

import pytest

from answer.constraints import mentions_acronym
from answer.knowledge.gazetteer import Gazetteer, gazetteer_rows
from answer.knowledge.matcher import parse_phrase, phrase_tokens
from index.lexical import fold

ROWS = list(gazetteer_rows((files("answer.knowledge") / "gazetteer.tsv").read_text(encoding="utf-8")))
ENTITY_ROWS = [r for r in ROWS if r[1] != "none"]
BLOCKER_ROWS = [r for r in ROWS if r[1] == "none"]


def _aliases(row) -> list[str]:
    entity_id, _, name, aliases_vi, aliases_en = row
    return list(dict.fromkeys([name, *aliases_vi, *aliases_en]))


def _plain(alias: str) -> str:
    """The alias as it is found: without its marker, up to its last word ("U.S." is found as "U.S")."""
    return alias.lstrip("=~").strip().rstrip(".")


ALIAS_CASES = [pytest.param(row[0], _plain(a), id=f"{row[0]}:{_plain(a)}") for row in ENTITY_ROWS for a in _aliases(row)]
# every alias that matches typed without diacritics (several words, or forced with "~")
UNACCENTED_CASES = [
    pytest.param(row[0], fold(_plain(a)), id=f"{row[0]}:{fold(_plain(a))}")
    for row in ENTITY_ROWS
    for a in _aliases(row)
    if fold(_plain(a)) != _plain(a) and parse_phrase(a, None, single="exact").mode == "fold"
]
PROVINCES = [r for r in ENTITY_ROWS if r[1] == "province"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.entity_id, m.surface) for m in gazetteer.mentions(text)]


@pytest.mark.parametrize(("entity_id", "alias"), ALIAS_CASES)
def test_every_alias_is_found_and_mapped(gazetteer: Gazetteer, entity_id: str, alias: str) -> None:
    assert _found(gazetteer, f"tại {alias} năm 2023") == [(entity_id, alias)]


@pytest.mark.parametrize(("entity_id", "alias"), UNACCENTED_CASES)
def test_every_alias_is_found_typed_without_diacritics(gazetteer: Gazetteer, entity_id: str, alias: str) -> None:
    assert _found(gazetteer, f"tai {alias} nam 2023") == [(entity_id, alias)]


# the English acronyms of bodies ("MOET", "SBV", "NA"): an English question writes them, the press the Vietnamese names
ACRONYM_CASES = [
    pytest.param(row[0], _plain(a), row[2], id=f"{row[0]}:{_plain(a)}")
    for row in ENTITY_ROWS
    for a in row[4]
    if _plain(a).isupper() and " " not in _plain(a)
]


@pytest.mark.parametrize(("entity_id", "acronym", "name"), ACRONYM_CASES)
def test_an_english_acronym_of_a_body_is_named_by_its_vietnamese_name(entity_id: str, acronym: str, name: str) -> None:
    assert mentions_acronym(acronym, f"Theo {name}, năm nay có 300 lao động được hỗ trợ.")
    assert not mentions_acronym(acronym, "Theo Hiệp hội Dệt may, năm nay có 300 lao động được hỗ trợ.")


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0]) for r in BLOCKER_ROWS])
def test_blockers_name_nothing(gazetteer: Gazetteer, row) -> None:
    for alias in _aliases(row):
        assert _found(gazetteer, f"tại {_plain(alias)} năm 2023") == [], alias


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0]) for r in PROVINCES])
def test_every_province_is_found_after_tinh_and_before_province(gazetteer: Gazetteer, row) -> None:
    entity_id, _, name, _, aliases_en = row
    name = _plain(name)
    english = _plain(aliases_en[0])
    assert _found(gazetteer, f"Lao động tỉnh {name} năm 2023") == [(entity_id, name)]
    assert _found(gazetteer, f"Lao động tỉnh {name.lower()} năm 2023") == [(entity_id, name.lower())]
    assert _found(gazetteer, f"workers in {english} province in 2023") == [(entity_id, english)]


def test_table_shape() -> None:
    kinds = [r[1] for r in ENTITY_ROWS]
    assert kinds.count("province") == 63
    assert kinds.count("country") >= 40
    ids = [r[0] for r in ROWS]
    assert len(ids) == len(set(ids))
    for row in ENTITY_ROWS:
        assert row[4], f"{row[0]} has no English name"


def test_no_alias_names_two_entities() -> None:
    owner: dict[tuple[str, ...], str] = {}
    for row in ROWS:
        for alias in _aliases(row):
            key = tuple(fold(t.lower()) for t in phrase_tokens(_plain(alias)))
            mode = parse_phrase(alias, None, single="exact").mode
            if mode == "exact":
                key = tuple(phrase_tokens(_plain(alias)))
            assert owner.setdefault(key, row[0]) == row[0], f"{alias!r} names {owner[key]} and {row[0]}"


def test_load_is_cached() -> None:
    assert Gazetteer.load() is Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # single syllables that are other words, names or parts of names
        ("người lao động Việt Nam", [("country.viet_nam", "Việt Nam")]),
        ("Nam cho biết", []),
        ("Quảng Nam, Hà Nam và Nam Định", [("prov.quang_nam", "Quảng Nam"), ("prov.ha_nam", "Hà Nam"), ("prov.nam_dinh", "Nam Định")]),
        ("cập nhật số liệu ngày Chủ Nhật", []),
        ("các biện pháp pháp luật", []),
        ("Pháp luật quy định rõ", []),
        ("đạo đức nghề nghiệp", []),
        ("thẩm mỹ viện và mỹ phẩm", []),
        ("Ông Nguyễn Minh Đức cho biết anh Đức và chị Nga đã về Mỹ Tho", []),
        ("TP Thủ Đức có 10 phường", []),
        ("công ty may Đại Nghĩa (Mỹ Đức, Hà Nội)", [("prov.ha_noi", "Hà Nội")]),
        # a foreign name after a country is no Vietnamese name going on
        ("Nữ Thủ tướng Đức Angela Merkel gặp Tổng thống Mỹ Donald Trump", [
            ("org.prime_minister", "Thủ tướng"), ("country.germany", "Đức"), ("country.united_states", "Mỹ")
        ]),
        ("thợ hàn sang Hàn làm việc; nhà thơ Hàn Mặc Tử", [("country.south_korea", "Hàn")]),
        ("lao động sang Đức, Nhật và Mỹ", [("country.germany", "Đức"), ("country.japan", "Nhật"), ("country.united_states", "Mỹ")]),
        ("Tại Đức, lao động được trả lương cao", [("country.germany", "Đức")]),
        ("anh là công nhân; Anh làm việc tại Bình Dương", [("prov.binh_duong", "Bình Dương")]),
        ("học tiếng Anh để sang nước Anh làm việc", [("country.united_kingdom", "nước Anh")]),
        ("Vương quốc Anh và Bắc Ireland", [("country.united_kingdom", "Vương quốc Anh")]),
        ("lao động tại Lào Cai và Lào", [("prov.lao_cai", "Lào Cai"), ("country.laos", "Lào")]),
        # lower-case or unaccented forms that are other words
        ("vì hòa bình và Thái Bình Dương", []),
        ("tỉnh hòa bình và tinh thai binh", [("prov.hoa_binh", "hòa bình"), ("prov.thai_binh", "thai binh")]),
        ("diễn biến thị trường lao động", []),
        ("gấp ba lần so với Ba Lan", [("country.poland", "Ba Lan")]),
        ("che do thai san cho lao dong nu", []),
        ("let us help the US", [("country.united_states", "US")]),
        ("at 5 PM in the UK", [("country.united_kingdom", "UK")]),
        # an acronym that spells an English word names its body only in capitals
        ("the most vulnerable part; Most of them", []),
        ("the ministry (MOST) said", [("min.science", "MOST")]),
        ("đóng BHXH cho người lao động; BHXH Việt Nam cho biết", [("org.vss", "BHXH Việt Nam")]),
        # commas only where the alias has them; proper names capitalised; no mix of marked and unmarked words
        ("lòng yêu nước, ý chí và nước, Lào Cai", [("prov.lao_cai", "Lào Cai")]),
        ("khoa học, công nghệ, an ninh", []),
        ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", [("min.culture", "Bộ Văn hóa, Thể thao và Du lịch")]),
        ("Hội nghị Tương lai châu Á", []),
        ("đấu thầu thuốc tập trung quốc gia", []),
        ("Trung tâm Điều dưỡng thương binh Thuận Thành", []),
        ("đánh phá, bình định vùng cao", []),
        ("Đồng Nai, Đồng tháp và Lào cai", [("prov.dong_nai", "Đồng Nai"), ("prov.dong_thap", "Đồng tháp"), ("prov.lao_cai", "Lào cai")]),
        ("lao dong tai trung quoc va binh duong", [("country.china", "trung quoc"), ("prov.binh_duong", "binh duong")]),
        ("lao dong tai long an va gia lai", [("prov.long_an", "long an"), ("prov.gia_lai", "gia lai")]),
        # compounds that hold a name but are none
        ("đội ngũ cán bộ y tế và cán bộ tư pháp", []),
        ("Ý kiến của ông; Áo dài Việt Nam", [("country.viet_nam", "Việt Nam")]),
        ("bà Nguyễn Thị Ý Như và Thị Nga. * Ý ông là", []),
        ("Nhật Bản, Ý, Mỹ, Pháp", [("country.japan", "Nhật Bản"), ("country.italy", "Ý"), ("country.united_states", "Mỹ"), ("country.france", "Pháp")]),
        ("vắc xin viêm não Nhật Bản", []),
        ("hai bộ Y tế và Công Thương", [("min.health", "bộ Y tế")]),
        # spelling variants: old tone placement, separators, NFD input
        ("Thanh Hoá và Khánh Hoà", [("prov.thanh_hoa", "Thanh Hoá"), ("prov.khanh_hoa", "Khánh Hoà")]),
        ("Uỷ ban nhân dân tỉnh", [("org.peoples_committee", "Uỷ ban nhân dân")]),
        ("Bà Rịa – Vũng Tàu, TP. HCM, Tp.HCM", [("prov.ba_ria_vung_tau", "Bà Rịa – Vũng Tàu"), ("prov.ho_chi_minh", "TP. HCM"), ("prov.ho_chi_minh", "Tp.HCM")]),
        ("Bộ LĐTB&XH và Sở LĐ-TB&XH Hà Nội", [("min.molisa", "Bộ LĐTB&XH"), ("org.dolisa", "Sở LĐ-TB&XH"), ("prov.ha_noi", "Hà Nội")]),
        ("the People's Committee of Hanoi", [("org.peoples_committee", "People's Committee"), ("prov.ha_noi", "Hanoi")]),
        # longest match wins
        ("Thủ tướng Chính phủ ký", [("org.prime_minister", "Thủ tướng Chính phủ")]),
        ("Ngân hàng Nhà nước Việt Nam", [("min.state_bank", "Ngân hàng Nhà nước Việt Nam")]),
        ("Tổng Liên đoàn Lao động Việt Nam", [("org.vgcl", "Tổng Liên đoàn Lao động Việt Nam")]),
        ("theo tư tưởng Hồ Chí Minh, TP. Hồ Chí Minh", [("prov.ho_chi_minh", "TP. Hồ Chí Minh")]),
        # "the" opens no name when a name starting after it reaches further
        ("the Government Inspectorate found", [("min.inspectorate", "Government Inspectorate")]),
        ("the Government Office and the Government", [("min.government_office", "Government Office"), ("org.government", "the Government")]),
        # a name is not found inside a word
        ("Hanoian và Japanese-style", [("country.japan", "Japanese")]),
    ],
)
def test_boundaries_and_ambiguous_cases(gazetteer: Gazetteer, text: str, expected) -> None:
    assert _found(gazetteer, text) == expected


def test_offsets_refer_to_the_nfc_text(gazetteer: Gazetteer) -> None:
    text = unicodedata.normalize("NFD", "Năm 2023, TP.HCM và Đồng Nai")
    nfc = unicodedata.normalize("NFC", text)
    mentions = gazetteer.mentions(text)
    assert [nfc[m.start : m.end] for m in mentions] == ["TP.HCM", "Đồng Nai"]
    assert [m.kind for m in mentions] == ["province", "province"]


@pytest.mark.parametrize(
    ("question", "evidence", "verdict"),
    [
        ("How many workers in Ho Chi Minh City got rent support?", "TP.HCM hỗ trợ tiền thuê nhà cho 163.600 lao động", "match"),
        ("Bao nhiêu lao động ở Hà Nội?", "Tại TP.HCM có 5.000 lao động", "contradiction"),
        ("Bao nhiêu lao động ở Hà Nội?", "Hà Nội và TP.HCM có 5.000 lao động", "match"),
        ("Bao nhiêu lao động ở Hà Nội?", "Có 5.000 lao động được hỗ trợ", "unknown"),
        ("Bao nhiêu lao động sang Nhật Bản?", "Có 70.000 lao động sang Hàn Quốc", "contradiction"),
        ("How many workers went to Japan?", "70.000 lao động sang Nhật", "match"),
        # Việt Nam is the setting of every article: it neither contradicts nor stands for another country
        ("Việt Nam đưa bao nhiêu lao động ra nước ngoài?", "70.000 lao động sang Nhật Bản", "unknown"),
        ("Bao nhiêu lao động sang Hàn Quốc?", "Việt Nam đưa 140.000 lao động ra nước ngoài", "unknown"),
        ("Bộ Y tế cấp bao nhiêu thẻ?", "Bộ LĐ-TB&XH cấp 1.000 thẻ", "contradiction"),
        ("Bộ Y tế cấp bao nhiêu thẻ?", "Bộ LĐ-TB&XH phối hợp với Bộ Y tế cấp 1.000 thẻ", "match"),
        # organisations nest and co-occur: another body is no contradiction
        ("Chính phủ hỗ trợ bao nhiêu?", "Thủ tướng Chính phủ ký quyết định hỗ trợ 1.000 tỷ đồng", "unknown"),
        ("UBND tỉnh hỗ trợ bao nhiêu?", "UBND tỉnh hỗ trợ 5 tỷ đồng", "match"),
        # one contradicting kind vetoes even when another kind matches
        ("Hà Nội đưa bao nhiêu lao động sang Nhật?", "Hà Nội đưa 2.000 lao động sang Đài Loan", "contradiction"),
        ("Bao nhiêu lao động được hỗ trợ?", "TP.HCM hỗ trợ 163.600 lao động", "unknown"),
    ],
)
def test_agreement(gazetteer: Gazetteer, question: str, evidence: str, verdict: str) -> None:
    assert gazetteer.agreement(question, evidence) == verdict


def test_agreement_by_kind(gazetteer: Gazetteer) -> None:
    verdicts = gazetteer.agreement_by_kind("Hà Nội đưa bao nhiêu lao động sang Nhật?", "Hà Nội đưa 2.000 lao động sang Đài Loan")
    assert verdicts == {"province": "match", "country": "contradiction"}


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("How many Americans turn 65 every day?", "country.united_states"),
        ("How many North Korean workers are employed abroad?", "country.north_korea"),
        ("How many North Koreans work in Russia?", "country.north_korea"),
        ("How many Koreans live in Hanoi?", "country.south_korea"),
        ("How many Filipinos work in Vietnam?", "country.philippines"),
    ],
)
def test_a_country_is_named_by_its_people(gazetteer: Gazetteer, text: str, entity_id: str) -> None:
    assert entity_id in [m.entity_id for m in gazetteer.mentions(text)]
    # "North Korean" is no South Korean
    if entity_id == "country.north_korea":
        assert "country.south_korea" not in [m.entity_id for m in gazetteer.mentions(text)]
