"""Every piece of UI text, in Vietnamese (default) and English; the UI never hard-codes a label."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Language = Literal["vi", "en"]

_VI: dict[str, str] = {
    "title": "Hỏi đáp báo cáo Lao động – Thương binh và Xã hội",
    "subtitle": "Câu trả lời lấy từ các bài viết đã lập chỉ mục, kèm câu nguồn được trích dẫn.",
    "tab_chat": "Hỏi đáp",
    "tab_documents": "Tài liệu",
    "chat_label": "Cuộc trò chuyện",
    "chat_placeholder": "Hỏi về số liệu, ngày tháng, người phụ trách… trong các bài viết.",
    "question_placeholder": "Nhập câu hỏi rồi nhấn Enter",
    "send": "Gửi",
    "new_chat": "Cuộc trò chuyện mới",
    "export": "Tải cuộc trò chuyện (.md)",
    "copy_markdown": "Sao chép (Markdown)",
    "found_label": "Trả lời",
    "not_found_label": "Không tìm thấy trong tài liệu",
    "sources": "Nguồn trích dẫn",
    "confidence": "Độ tin cậy",
    "related": "Câu liên quan (không phải nguồn của câu trả lời)",
    "understood_as": "Hiểu câu hỏi là",
    "note": "Ghi chú",
    "unknown_date": "không rõ ngày",
    "unknown_source": "không rõ nguồn",
    "untitled": "(không có tiêu đề)",
    "date": "Ngày",
    "source": "Nguồn",
    "period": "Kỳ số liệu",
    "alternatives": "Số liệu khác cho cùng câu hỏi",
    "alt_col_answer": "Số liệu",
    "alt_col_period": "Kỳ",
    "alt_col_date": "Ngày",
    "alt_col_source": "Nguồn",
    "alt_col_labels": "Ghi chú",
    "label_estimate": "ước tính",
    "label_target": "mục tiêu",
    "label_proposal": "đề xuất",
    "label_partial_period": "số liệu một phần kỳ",
    "label_other_source": "nguồn khác",
    "label_other_date": "thời điểm khác",
    "thinking": "Đang tìm câu trả lời…",
    "empty_question": "Hãy nhập một câu hỏi.",
    "question_too_long": "Câu hỏi quá dài (tối đa {limit} ký tự).",
    "no_index": "Chưa có bài viết nào trong chỉ mục. Hãy tải tài liệu lên ở thẻ “Tài liệu”.",
    "error": "Lỗi: {message}",
    "filters": "Bộ lọc",
    "filter_since": "Từ ngày",
    "filter_until": "Đến ngày",
    "filter_date_placeholder": "năm-tháng-ngày, vd. 2023-01-31",
    "filter_source": "Nguồn",
    "filter_all_sources": "Tất cả nguồn",
    "filter_clear": "Bỏ lọc",
    "filter_bad_date": (
        "Ô “{field}”: “{value}” không phải ngày hợp lệ. Hãy viết theo dạng năm-tháng-ngày, ví dụ 2023-01-31."
    ),
    "filter_since_after_until": "“Từ ngày” ({since}) sau “Đến ngày” ({until}): hãy sửa lại khoảng ngày.",
    "filter_unknown_source": "Không có nguồn “{source}” trong chỉ mục. Hãy chọn một nguồn trong danh sách.",
    "filters_need_rebuild": (
        "Chỉ mục này được lập trước khi có bộ lọc theo ngày và nguồn. Hãy bỏ lọc, "
        "hoặc lập lại chỉ mục: labour-qa ingest PATH --rebuild"
    ),
    "filters_applied": "Đã lọc",
    "filters_applied_since": "từ {date}",
    "filters_applied_until": "đến {date}",
    "filters_applied_source": "nguồn: {source}",
    "export_title": "Cuộc trò chuyện – Hỏi đáp báo cáo Lao động",
    "export_question": "Hỏi",
    "export_answer": "Đáp",
    "export_related": "Câu liên quan (không phải nguồn)",
    "docs_table": "Các bài viết đã lập chỉ mục",
    "col_title": "Tiêu đề",
    "col_date": "Ngày",
    "col_source": "Nguồn",
    "col_sentences": "Số câu",
    "docs_count": "{n} bài viết trong chỉ mục.",
    "upload_label": "Tải tài liệu lên ({types}; tối đa {mb} MB mỗi tệp)",
    "upload_button": "Thêm vào chỉ mục",
    "upload_none": "Chưa chọn tệp nào.",
    "upload_bad_type": "{name}: loại tệp không được hỗ trợ (chỉ nhận {types}).",
    "upload_too_big": "{name}: tệp quá lớn ({size:.1f} MB; tối đa {mb} MB).",
    "upload_progress": "Đang lập chỉ mục {name}",
    "ingest_summary": (
        "Đã thêm {added}, thay thế {replaced}, không đổi {unchanged}, lỗi {failed} "
        "({sentences} câu, {chunks} đoạn, {seconds:.1f} giây)."
    ),
    "ingest_failed_item": "{name}: {reason}",
    "jobs_label": "Việc lập chỉ mục",
    "jobs_empty": "Chưa có việc lập chỉ mục nào.",
    "job_col_id": "Việc",
    "job_col_files": "Tệp",
    "job_col_state": "Trạng thái",
    "job_col_progress": "Tiến độ",
    "job_state_queued": "đang chờ",
    "job_state_running": "đang lập chỉ mục",
    "job_state_done": "xong",
    "job_state_failed": "lỗi",
    "job_state_cancelled": "đã huỷ",
    "job_progress": "{done}/{total} bài, {sentences} câu",
    "job_left": "còn khoảng {left}",
    "job_kept": "giữ {done} bài đã lập chỉ mục",
    "job_submitted": "Đã nhận {n} tệp (việc #{job}); đang lập chỉ mục ở nền, bạn vẫn hỏi đáp được.",
    "job_cancel": "Huỷ lập chỉ mục",
    "job_cancelled": "Đã yêu cầu huỷ {n} việc.",
    "job_none_active": "Không có việc lập chỉ mục nào đang chạy.",
    "job_finished": "Việc #{job}: {summary}",
    "job_failed": "Việc #{job} lỗi: {error}",
    "minutes": "{n} phút",
    "seconds": "{n} giây",
    "article_select": "Chọn bài viết",
    "view": "Xem nội dung",
    "delete": "Xoá bài viết",
    "delete_confirm": "Xoá bài viết đã chọn khỏi chỉ mục?",
    "deleted": "Đã xoá “{title}”.",
    "no_article_selected": "Hãy chọn một bài viết.",
    "article_missing": "Không tìm thấy bài viết này (có thể đã bị xoá).",
    "article_text": "Nội dung bài viết (văn bản đã làm sạch)",
    "refresh": "Làm mới danh sách",
    "status": "Trạng thái",
    "config_error_public_host": (
        "Từ chối khởi động: máy chủ lắng nghe trên {host} (không phải loopback) mà không có mật khẩu. "
        "Hãy đặt LABOUR_QA_AUTH_USERNAME và LABOUR_QA_AUTH_PASSWORD, hoặc dùng --host 127.0.0.1."
    ),
    "config_error_half_auth": "Đã đặt tên đăng nhập nhưng thiếu mật khẩu (LABOUR_QA_AUTH_PASSWORD).",
    "config_error_port_taken": (
        "Cổng {port} trên {host} đang được dùng (có thể một máy chủ hỏi đáp khác đang chạy). "
        "Hãy chọn cổng khác bằng --port hoặc LABOUR_QA_PORT."
    ),
    "config_error_cannot_listen": "Không thể lắng nghe trên {host}:{port}: {reason}. Hãy kiểm tra --host và --port.",
    "auth_message": "Đăng nhập để dùng trợ lý hỏi đáp.",
    "config_error_password_without_user": (
        "Đã đặt mật khẩu nhưng thiếu tên đăng nhập (LABOUR_QA_AUTH_USERNAME)."
    ),
    "login_title": "Đăng nhập",
    "login_username": "Tên đăng nhập",
    "login_password": "Mật khẩu",
    "login_button": "Đăng nhập",
    "login_wrong": "Sai tên đăng nhập hoặc mật khẩu.",
    "login_throttled": "Đăng nhập sai quá nhiều lần. Hãy thử lại sau {seconds} giây.",
}

_EN: dict[str, str] = {
    "title": "Labour, Invalids and Social Affairs report Q&A",
    "subtitle": "Answers come from the indexed articles, with the source sentences cited.",
    "tab_chat": "Chat",
    "tab_documents": "Documents",
    "chat_label": "Conversation",
    "chat_placeholder": "Ask about figures, dates, people in charge… in the articles.",
    "question_placeholder": "Type a question and press Enter",
    "send": "Send",
    "new_chat": "New conversation",
    "export": "Download conversation (.md)",
    "copy_markdown": "Copy (Markdown)",
    "found_label": "Answer",
    "not_found_label": "Not found in the documents",
    "sources": "Sources",
    "confidence": "Confidence",
    "related": "Related sentences (not sources of an answer)",
    "understood_as": "Question understood as",
    "note": "Note",
    "unknown_date": "date unknown",
    "unknown_source": "source unknown",
    "untitled": "(untitled)",
    "date": "Date",
    "source": "Source",
    "period": "Period",
    "alternatives": "Other figures for the same question",
    "alt_col_answer": "Figure",
    "alt_col_period": "Period",
    "alt_col_date": "Date",
    "alt_col_source": "Source",
    "alt_col_labels": "Notes",
    "label_estimate": "estimate",
    "label_target": "target",
    "label_proposal": "proposal",
    "label_partial_period": "part of the period",
    "label_other_source": "other source",
    "label_other_date": "other date",
    "thinking": "Looking for the answer…",
    "empty_question": "Please type a question.",
    "question_too_long": "The question is too long (at most {limit} characters).",
    "no_index": "The index holds no articles yet. Upload documents in the “Documents” tab.",
    "error": "Error: {message}",
    "filters": "Filters",
    "filter_since": "From",
    "filter_until": "Until",
    "filter_date_placeholder": "YYYY-MM-DD, e.g. 2023-01-31",
    "filter_source": "Source",
    "filter_all_sources": "All sources",
    "filter_clear": "Clear filters",
    "filter_bad_date": "“{field}”: “{value}” is not a valid date. Write it YYYY-MM-DD, e.g. 2023-01-31.",
    "filter_since_after_until": "“From” ({since}) is after “Until” ({until}): please correct the date range.",
    "filter_unknown_source": "The index has no source “{source}”. Please choose a source from the list.",
    "filters_need_rebuild": (
        "This index was built before date and source filters existed. Clear the filters, "
        "or rebuild the index: labour-qa ingest PATH --rebuild"
    ),
    "filters_applied": "Filtered",
    "filters_applied_since": "from {date}",
    "filters_applied_until": "until {date}",
    "filters_applied_source": "source: {source}",
    "export_title": "Conversation – Labour report Q&A",
    "export_question": "Q",
    "export_answer": "A",
    "export_related": "Related sentences (not sources)",
    "docs_table": "Indexed articles",
    "col_title": "Title",
    "col_date": "Date",
    "col_source": "Source",
    "col_sentences": "Sentences",
    "docs_count": "{n} articles in the index.",
    "upload_label": "Upload documents ({types}; at most {mb} MB per file)",
    "upload_button": "Add to the index",
    "upload_none": "No file selected.",
    "upload_bad_type": "{name}: unsupported file type (accepted: {types}).",
    "upload_too_big": "{name}: file too large ({size:.1f} MB; at most {mb} MB).",
    "upload_progress": "Indexing {name}",
    "ingest_summary": (
        "Added {added}, replaced {replaced}, unchanged {unchanged}, failed {failed} "
        "({sentences} sentences, {chunks} chunks, {seconds:.1f} s)."
    ),
    "ingest_failed_item": "{name}: {reason}",
    "jobs_label": "Indexing jobs",
    "jobs_empty": "No indexing jobs yet.",
    "job_col_id": "Job",
    "job_col_files": "Files",
    "job_col_state": "State",
    "job_col_progress": "Progress",
    "job_state_queued": "queued",
    "job_state_running": "indexing",
    "job_state_done": "done",
    "job_state_failed": "failed",
    "job_state_cancelled": "cancelled",
    "job_progress": "{done}/{total} articles, {sentences} sentences",
    "job_left": "about {left} left",
    "job_kept": "kept the {done} articles indexed",
    "job_submitted": "Received {n} file(s) (job #{job}); indexing in the background, the chat stays available.",
    "job_cancel": "Cancel indexing",
    "job_cancelled": "Asked {n} job(s) to stop.",
    "job_none_active": "No indexing job is running.",
    "job_finished": "Job #{job}: {summary}",
    "job_failed": "Job #{job} failed: {error}",
    "minutes": "{n} min",
    "seconds": "{n} s",
    "article_select": "Choose an article",
    "view": "View text",
    "delete": "Delete article",
    "delete_confirm": "Delete the selected article from the index?",
    "deleted": "Deleted “{title}”.",
    "no_article_selected": "Please choose an article.",
    "article_missing": "This article was not found (it may have been deleted).",
    "article_text": "Article text (cleaned)",
    "refresh": "Refresh list",
    "status": "Status",
    "config_error_public_host": (
        "Refusing to start: listening on {host} (not loopback) without a password. "
        "Set LABOUR_QA_AUTH_USERNAME and LABOUR_QA_AUTH_PASSWORD, or use --host 127.0.0.1."
    ),
    "config_error_half_auth": "A login name is set but the password (LABOUR_QA_AUTH_PASSWORD) is empty.",
    "config_error_port_taken": (
        "Port {port} on {host} is in use (another chat server may be running). "
        "Choose another with --port or LABOUR_QA_PORT."
    ),
    "config_error_cannot_listen": "Cannot listen on {host}:{port}: {reason}. Check --host and --port.",
    "auth_message": "Log in to use the Q&A assistant.",
    "config_error_password_without_user": "A password is set but the login name (LABOUR_QA_AUTH_USERNAME) is empty.",
    "login_title": "Log in",
    "login_username": "Login name",
    "login_password": "Password",
    "login_button": "Log in",
    "login_wrong": "Wrong login name or password.",
    "login_throttled": "Too many failed logins. Try again in {seconds} seconds.",
}

# Why the readers refused a file (ingest/ speaks English, like every log): the start of the reason, in Vietnamese.
# The English UI shows the reader's own words. Details after the known start (library messages) are dropped.
_REASONS_VI: tuple[tuple[str, str], ...] = (
    ("empty file", "tệp rỗng"),
    ("not a PDF file", "không phải tệp PDF"),
    ("truncated PDF", "tệp PDF bị cắt cụt"),
    ("encrypted PDF", "tệp PDF có mật khẩu"),
    ("corrupt PDF", "tệp PDF bị hỏng"),
    ("PDF has no extractable text", "tệp PDF không có lớp chữ (ảnh quét?)"),
    ("corrupt DOCX", "tệp DOCX bị hỏng"),
    ("not a gzip file", "không phải tệp gzip"),
    ("truncated or corrupt gzip", "tệp gzip bị hỏng"),
    ("no valid records", "không có bản ghi hợp lệ"),
    ("no text content", "không có nội dung chữ"),
    ("unknown text encoding", "không nhận ra bảng mã"),
    ("invalid ", "văn bản sai bảng mã"),
    ("binary file", "tệp nhị phân, không phải văn bản"),
    ("unsupported file type", "loại tệp không được hỗ trợ"),
    ("no such file", "không tìm thấy tệp"),
    ("cannot read", "không đọc được tệp"),
    ("document id", "mã bài viết trùng với một tệp khác"),
)

# Real questions the bundled sample articles answer, shown on the empty chat.
_EXAMPLES: dict[str, list[str]] = {
    "vi": [
        "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?",
        "Tỷ lệ hộ nghèo cuối năm 2020 là bao nhiêu?",
        "Ai chủ trì hội nghị tổng kết năm 2020?",
        "Ai dự và chỉ đạo hội nghị tổng kết năm 2022?",
    ],
    "en": [
        "How many workers got rent support in 2022?",
        "What was the poverty rate at the end of 2020?",
        "Ai chủ trì hội nghị tổng kết năm 2020?",
        "Bao nhiêu lượt lao động được hỗ trợ tiền thuê nhà năm 2022?",
    ],
}

_TABLES: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}
assert _VI.keys() == _EN.keys(), "both languages must define the same strings"


class Strings:
    """The UI text of one language: `s["key"]` or `s.fmt("key", **values)`."""

    def __init__(self, language: str = "vi") -> None:
        self.language: Language = "en" if language == "en" else "vi"
        self._table = _TABLES[self.language]

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def fmt(self, key: str, **values: object) -> str:
        """The string for `key` with its {placeholders} filled in."""
        return self._table[key].format(**values)

    def labels(self, labels: Iterable[str]) -> str:
        """Answer labels ("estimate", "partial_period"...) in this language, comma-separated."""
        return ", ".join(self._table.get(f"label_{label}", label) for label in labels)

    def reason(self, reason: str) -> str:
        """Why a file could not be read, in this language."""
        if self.language == "en":
            return reason
        for start, vietnamese in _REASONS_VI:
            if reason.startswith(start):
                return vietnamese
        return "không đọc được tệp"

    def duration(self, seconds: float) -> str:
        """A rough duration: '3 phút' or '40 giây'."""
        if seconds >= 90:
            return self.fmt("minutes", n=round(seconds / 60))
        return self.fmt("seconds", n=max(1, round(seconds)))

    @property
    def examples(self) -> list[str]:
        return list(_EXAMPLES[self.language])
