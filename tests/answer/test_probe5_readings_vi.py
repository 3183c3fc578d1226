"""Readings found on the fourth and fifth probe sets of unseen labour articles: a full name after capitalised words
that are no part of it, a period stated from one day to another, two counts joined in one phrase."""

from __future__ import annotations

from answer.extract import person_spans, spans_of
from answer.extractive import ExtractiveAnswerer
from index.models import Hit
from tests.answer.sample_hits import sentence_hit


def _hit(sentence: str, *, doc_id: str = "a.txt", title: str = "Tin thời sự") -> Hit:
    return sentence_hit(sentence, doc_id=doc_id, index=3, start=100, title=title, context=sentence)


# ---- a name's length is counted from its surname


def test_capitalised_words_before_a_surname_do_not_cut_the_given_name_off() -> None:
    sentence = "Người phát ngôn Bộ Ngoại giao Việt Nam Lê Thị Thu Hằng đã trả lời câu hỏi của các phóng viên."
    (person,) = person_spans(sentence)
    assert person.unit == ("lê", "thị", "thu", "hằng")
    assert person.text.endswith("Lê Thị Thu Hằng")


def test_a_title_head_after_a_name_is_no_part_of_it() -> None:
    (person,) = person_spans("Bà Trần Thị Phương Lan Phó GĐ Sở Công Thương Hà Nội.")
    assert person.text == "Trần Thị Phương Lan"


# ---- a period stated from one day to another


def test_a_period_from_one_day_to_another_answers_when_whole() -> None:
    sentence = (
        "Bộ phim Kong: Skull Island được ghi hình tại nhiều địa điểm của Ninh Bình từ ngày 27/2 đến 15/3/2016, trong "
        "đó bối cảnh quay tại Quần thể danh thắng Tràng An được trau chuốt tỉ mỉ."
    )
    answer = ExtractiveAnswerer().answer(
        "Phim Kong: Skull Island được ghi hình tại Ninh Bình trong khoảng thời gian nào?", [_hit(sentence)]
    )
    assert answer.found and answer.answer.startswith("Từ 27/2 đến 15/3/2016")


# ---- two counts joined in one phrase, both asked


def test_two_counts_the_question_asks_together_are_answered_together() -> None:
    sentence = (
        "Nhân dịp này, Bộ trưởng Bộ Tài chính đã quyết định trao tặng Bằng khen cho 07 tập thể và 06 cá nhân có "
        "thành tích xuất sắc trong công tác thông tin, tuyên truyền."
    )
    answer = ExtractiveAnswerer().answer(
        "Bộ trưởng Bộ Tài chính tặng Bằng khen cho bao nhiêu tập thể, cá nhân làm công tác thông tin tuyên truyền?",
        [_hit(sentence)],
    )
    assert answer.found and answer.answer.startswith("07 tập thể và 06 cá nhân")


# ---- a rate's unit with a spaced slash ("đồng/người/ tháng")


def test_a_rate_unit_with_a_spaced_slash_is_one_unit_and_the_change_goes_to_its_second_figure() -> None:
    sentence = (
        "Năng suất lao động tăng từ 109 triệu đồng/người/ năm lên 307 triệu đồng/người/năm; đời sống của người lao "
        "động được nâng cao, tiền lương bình quân từ 4,4 triệu đồng/người/ tháng tăng lên 9,2 triệu đồng/người/ "
        "tháng (tăng gấp 2,1 lần)."
    )
    (low, high) = [s for s in spans_of(sentence, "quantity") if s.text.startswith(("4,4", "9,2"))]
    assert low.unit == high.unit == ("đồng/người/tháng",)
    answer = ExtractiveAnswerer().answer(
        "Tiền lương bình quân của người lao động tăng lên mức bao nhiêu?", [_hit(sentence)]
    )
    assert answer.found and answer.extracted == "9,2 triệu đồng/người/ tháng"


# ---- a count written out in words before the asked noun


def test_a_count_written_in_words_before_the_asked_noun_answers_how_many() -> None:
    sentence = "“Báo cáo QH là Yên Bái hiện có bốn sở thừa cấp phó, trong đó vượt phó giám đốc sở là do sáp nhập."
    answer = ExtractiveAnswerer().answer("Tỉnh Yên Bái có mấy sở thừa cấp phó?", [_hit(sentence)])
    assert answer.found and answer.answer.lower().startswith("bốn sở thừa cấp")


# ---- a grade asked ("hạng mấy") is answered by a grade, not by a count beside it


def test_a_grade_asked_is_answered_by_the_grade_written() -> None:
    hits = [
        _hit(
            "Tới thị trấn Chúc Sơn, xe ô tô va chạm với xe 3 bánh tự chế do ông Hoàng Tiến Vin điều khiển đi ngược chiều.",
            doc_id="a.txt",
        ),
        _hit(
            "Sau tai nạn giao thông, bị cáo đã đuổi đánh người thương binh hạng 2/4 Hoàng Tiến Vin (62 tuổi) nhập viện.",
            doc_id="b.txt",
        ),
    ]
    answer = ExtractiveAnswerer().answer("Ông Hoàng Tiến Vin, người bị đánh ở Chúc Sơn, là thương binh hạng mấy?", hits)
    assert answer.found and answer.extracted == "hạng 2/4"


# ---- another body named outside a figure's own clause does not contradict the body the question names


def test_another_body_outside_the_figures_clause_does_not_contradict_the_asked_one() -> None:
    sentence = (
        "“Nếu vậy tổng tồn lên đến 13-14 triệu tấn, tài chính không thể chịu nổi, 4 nghìn công nhân có nguy cơ mất "
        "việc”, ông lo lắng Vì vậy ông đề nghị Bộ Công thương yêu cầu EVN không được giảm 2 triệu tấn than."
    )
    hit = sentence_hit(
        sentence, doc_id="a.txt", index=3, start=100, title="Tin thời sự",
        context=f"Chủ tịch TKV Lê Minh Chuẩn cảnh báo tồn kho than tăng. {sentence}",
    )
    answer = ExtractiveAnswerer().answer(
        "Chủ tịch TKV Lê Minh Chuẩn cảnh báo nếu tồn kho than lên cao thì bao nhiêu công nhân có nguy cơ mất việc?", [hit]
    )
    assert answer.found and answer.extracted == "4 nghìn công nhân"
