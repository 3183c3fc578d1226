"""What a question names, checked where an article says it: a numbered thing (a road, a circular) named once at the
head of a report, a second person the question describes the first by, and the question's own second place (found
on the session-32 probe questions)."""

from __future__ import annotations

from answer.extractive import ExtractiveAnswerer, _numbered_thing, _states_another_place
from index.models import Hit
from tests.answer.sample_hits import sentence_hit

_FILLER = "Người dân trong vùng đã nhiều lần phản ánh tình trạng xuống cấp của công trình. " * 40


def _answer(question: str, head: str, sentence: str, before: str = "") -> tuple[bool, str]:
    """The answer to a question from a sentence that sits far below the article's head (past its lead), right after
    `before`."""
    article = head + _FILLER + before + sentence
    hit: Hit = sentence_hit(
        sentence, doc_id="a.txt", index=40, start=len(article) - len(sentence), title="Tin công trình", context=sentence
    )
    answer = ExtractiveAnswerer(article_text={"a.txt": article}.__getitem__).answer(question, [hit])
    return answer.found, answer.extracted or ""


ROAD_HEAD = "Dự án cải tạo, nâng cấp tỉnh lộ 284 đoạn qua huyện Gia Bình bị phản ánh chất lượng kém. "
ROAD_FACT = "Kỹ sư Vũ Đông Giang đề nghị khoan rút lõi ít nhất 5 điểm để kiểm tra chất lượng bê tông."


def test_a_numbered_road_the_article_names_once_pins_its_later_sentences() -> None:
    found, extracted = _answer(
        "Kỹ sư Vũ Đông Giang đề nghị khoan rút lõi ít nhất mấy điểm trên tỉnh lộ 284?", ROAD_HEAD, ROAD_FACT
    )
    assert found and "5 điểm" in extracted


def test_another_road_number_than_the_article_writes_is_not_found() -> None:
    found, _ = _answer("Kỹ sư Vũ Đông Giang đề nghị khoan rút lõi ít nhất mấy điểm trên tỉnh lộ 285?", ROAD_HEAD, ROAD_FACT)
    assert not found
    # an article writing both numbers does not say which road the later sentence is about
    both = ROAD_HEAD + "Tỉnh lộ 285 cũng đang được sửa chữa. "
    found, _ = _answer("Kỹ sư Vũ Đông Giang đề nghị khoan rút lõi ít nhất mấy điểm trên tỉnh lộ 285?", both, ROAD_FACT)
    assert not found


def test_an_ordinal_stays_with_its_sentence() -> None:
    head = "Đây là lần thứ 10 đường ống nước sông Đà gặp sự cố. "
    fact = "Sự cố khiến khoảng 70.000 hộ dân bị mất nước sinh hoạt."
    found, _ = _answer("Lần vỡ thứ 10 của đường ống nước sông Đà khiến bao nhiêu hộ dân mất nước?", head, fact)
    assert not found


VETERANS_HEAD = "Nhiều gia đình thương binh ở Phú Thọ vẫn còn khó khăn. "
WIFE = "Người đàn bà bất hạnh ấy là bà Lê Thị Mịn, năm nay đã ngoài 70 tuổi. "
WIFE_FACT = "Chồng bà là thương binh Đặng Văn Vân, quê xã Minh Tiến, huyện Đoan Hùng, bị liệt từ ngực trở xuống."


def test_a_second_person_the_question_describes_the_first_by_may_head_the_section() -> None:
    question = "Thương binh Đặng Văn Vân, chồng của bà Lê Thị Mịn, quê ở xã nào?"
    found, extracted = _answer(question, VETERANS_HEAD, WIFE_FACT, before=WIFE + _FILLER[:800])
    assert found and "Minh Tiến" in extracted
    # the first person stays with the evidence: a section naming him does not stand for him
    neighbour = "Ông Đặng Văn Hùng, hàng xóm, thường sang giúp đỡ. "
    asked = question.replace("Đặng Văn Vân", "Đặng Văn Hùng")
    found, _ = _answer(asked, VETERANS_HEAD, WIFE_FACT, before=WIFE + _FILLER[:800] + neighbour)
    assert not found


def test_the_questions_own_places_are_not_another_place() -> None:
    sentence = "Năm 1990, anh Thái vào Sài Gòn tìm kế sinh nhai."
    assert _states_another_place("Quảng Ngãi", sentence)
    assert not _states_another_place("Quảng Ngãi", sentence, also_asked=("Quảng Ngãi", "Sài Gòn"))


def test_a_figure_the_question_starts_from_numbers_no_thing() -> None:
    # "giảm từ 28,1% ... xuống còn": the starting figure must be stated with the answer, not once in the article
    assert _numbered_thing("Tỷ lệ hộ nghèo giảm từ 28,1% năm 2011 xuống còn bao nhiêu?", "28,1") is None
    assert _numbered_thing("Tỷ lệ hộ nghèo đã giảm xuống 5% chưa?", "5") is None
    assert _numbered_thing("Kỹ sư đề nghị khoan mấy điểm trên tỉnh lộ 284?", "284") == "lộ"
