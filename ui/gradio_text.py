"""Gradio's own words (upload box, toasts, table menus, queue) in Vietnamese.

Gradio ships no Vietnamese locale and picks its locale from the browser, falling back to English for one
it does not know. So the page gets (1) our translations through gr.I18n, (2) a small head script that
switches Gradio's i18n store to "vi" once the app has loaded (the store lives in Gradio's `core` module,
whose file name carries a content hash, found among the loaded resources), and (3) for the few strings
Gradio writes without an i18n key (toast titles, the file-size refusal), a rewrite of exactly those texts.
"""

from __future__ import annotations

import json
from typing import Any

import gradio as gr

# Keys as in gradio/templates/frontend/assets/en-*.js (gradio 6.31); missing keys fall back to English,
# which tests/ui/test_browser.py would catch on screen.
GRADIO_VI: dict[str, dict[str, str]] = {
    "upload_text": {
        "click_to_upload": "Bấm để chọn tệp",
        "drop_file": "Thả tệp vào đây",
        "drop_csv": "Thả tệp CSV vào đây",
        "drop_image": "Thả ảnh vào đây",
        "drop_audio": "Thả tệp âm thanh vào đây",
        "drop_video": "Thả video vào đây",
        "drop_gallery": "Thả tệp vào đây",
        "paste_clipboard": "Dán từ bộ nhớ tạm",
    },
    "common": {
        "clear": "Xoá",
        "download": "Tải xuống",
        "download_all": "Tải tất cả",
        "edit": "Sửa",
        "empty": "Trống",
        "error": "Lỗi",
        "loading": "Đang tải",
        "or": "hoặc",
        "remove": "Bỏ",
        "submit": "Gửi",
        "undo": "Hoàn tác",
        "settings": "Cài đặt",
        "complete": "Xong",
        "progress": "Tiến độ",
        "language": "Ngôn ngữ",
        "share": "Chia sẻ",
        "run": "Chạy",
    },
    "chatbot": {
        "edit": "Sửa",
        "retry": "Thử lại",
        "undo": "Hoàn tác",
        "submit": "Gửi",
        "cancel": "Huỷ",
        "like": "Thích",
        "dislike": "Không thích",
        "clear": "Xoá cuộc trò chuyện",
        "complete": "Xong",
        "copy_message": "Sao chép",
        "copied_message": "Đã sao chép",
    },
    "chat_interface": {
        "new_chat": "Cuộc trò chuyện mới",
        "message_placeholder": "Nhập tin nhắn…",
        "conversation": "Cuộc trò chuyện",
        "chatbot": "Trò chuyện",
        "additional_inputs": "Thêm lựa chọn",
    },
    "dataframe": {
        "new_column": "Thêm cột",
        "new_row": "Thêm dòng",
        "add_row_above": "Thêm dòng phía trên",
        "add_row_below": "Thêm dòng phía dưới",
        "delete_row": "Xoá dòng",
        "delete_column": "Xoá cột",
        "add_column_left": "Thêm cột bên trái",
        "add_column_right": "Thêm cột bên phải",
        "sort_column": "Sắp xếp cột",
        "sort_ascending": "Tăng dần",
        "sort_descending": "Giảm dần",
        "clear_sort": "Bỏ sắp xếp",
        "filter": "Lọc",
        "clear_filter": "Bỏ lọc",
    },
    "dropdown": {"dropdown": "Danh sách chọn"},
    "file": {"uploading": "Đang tải lên…"},
    "status": {"queue_position": "Đang chờ: {position}/{size}"},
    "blocks": {
        "lost_connection": "Mất kết nối vì rời trang. Đang vào lại hàng đợi…",
        "waiting_for_inputs": "Đang chờ tải tệp xong, hãy thử lại.",
        "connection_can_break": "Trên điện thoại, kết nối có thể ngắt khi thẻ này không được mở.",
        "long_requests_queue": "Đang có nhiều yêu cầu chờ xử lý.",
    },
}

# Texts Gradio writes without an i18n key: (where, the English text as a regex, the Vietnamese).
HARD_CODED_VI: list[tuple[str, str, str]] = [
    (".toast-title", r"^Error$", "Lỗi"),
    (".toast-title", r"^Warning$", "Cảnh báo"),
    (".toast-title", r"^Info$", "Thông báo"),
    (".toast-title", r"^Success$", "Thành công"),
    (".toast-body", r"^An error occurred\.$", "Đã xảy ra lỗi."),
    (
        ".toast-body",
        r"^File\(s\) exceed the maximum allowed size of (.+?): (.+)$",
        "Tệp quá lớn (tối đa $1): $2",
    ),
]

_HEAD = """<script type="module">
const RULES = %(rules)s;
function fix(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.nodeValue, trimmed = text.trim(), parent = node.parentElement;
    if (!trimmed || !parent) return;
    for (const [where, pattern, replacement] of RULES) {
      const re = new RegExp(pattern);
      if (re.test(trimmed) && parent.closest(where)) {
        node.nodeValue = text.replace(trimmed, trimmed.replace(re, replacement));
        return;
      }
    }
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) fix(n);
  }
}
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.type === "characterData") fix(change.target);
    else change.addedNodes.forEach(fix);
  }
}).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
const core = performance.getEntriesByType("resource").map((e) => e.name)
  .find((name) => /\\/assets\\/core-[\\w-]+\\.js$/.test(name));
if (core) import(core).then((module) => module.changeLocale(%(locale)s));
</script>"""


def gradio_i18n() -> gr.I18n:
    """Our translations of Gradio's own strings."""
    # Gradio types a locale as flat, but its frontend (svelte-i18n) takes the nested form of its own files.
    nested: Any = GRADIO_VI
    return gr.I18n(vi=nested)


def locale_head(language: str) -> str | None:
    """The head script that makes Gradio speak the UI's language (None for English, Gradio's own)."""
    if language != "vi":
        return None
    return _HEAD % {"rules": json.dumps(HARD_CODED_VI, ensure_ascii=False), "locale": json.dumps("vi")}
