"""A small stand-in for service.LabourQA, for fast unit tests of the UI's rendering and handlers only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from answer.models import Answer, Citation, Turn
from index.models import DocumentInfo, IngestFailure, IngestReport, SearchFilters
from index.store import matches

RENT = (
    "Năm 2022, ngành đã hoàn thành các nhiệm vụ.\n"
    "Ngành đã hoàn thành 100% kế hoạch chi trả hỗ trợ tiền thuê nhà với hơn 163.600 lượt lao động được hỗ trợ, "
    "tổng kinh phí gần 200 tỷ đồng. Cấp thẻ Bảo hiểm Y tế cho hơn 8.000 người thuộc hộ nghèo.\n"
    "Trần Cường"
)
EVIL = "Tin <script>alert(1)</script> mới.\nẢnh ![x](http://evil.example/x.png) ở đây <img src=x onerror=alert(2)>.\n"


class FakeQA:
    """Answers by keyword: a question sharing a word with a sentence cites that sentence.

    Filters restrict the articles by the service's own rule (index.store.matches) and come back on the answer.
    """

    def __init__(self) -> None:
        self.texts: dict[str, str] = {"rent": RENT, "evil": EVIL}
        self.titles: dict[str, str] = {"rent": "Tổng kết năm 2022", "evil": "<b>Bài</b> ![x](http://evil.example/t.png)"}
        self.source_of: dict[str, str] = {"rent": "BTV", "evil": "BTV"}
        self.asked: list[tuple[str, int]] = []
        self.filters_asked: list[SearchFilters | None] = []

    def article_text(self, doc_id: str) -> str:
        if doc_id not in self.texts:
            raise KeyError(doc_id)
        return self.texts[doc_id]

    def documents(self) -> list[DocumentInfo]:
        return [
            DocumentInfo(doc_id=d, title=self.titles.get(d, d), source_path=f"/x/{d}.txt", content_hash=d,
                         n_sentences=t.count("."), n_chars=len(t), date="2022-11-26", source=self.source_of.get(d, "BTV"))
            for d, t in self.texts.items()
        ]

    def sources(self) -> list[str]:
        return sorted({d.source for d in self.documents() if d.source}, key=str.casefold)

    def delete(self, doc_id: str) -> None:
        del self.texts[doc_id]

    def ingest(self, paths: Sequence[Path], *, prune: bool = False, progress=None, on_commit=None) -> IngestReport:  # type: ignore[no-untyped-def]
        added, failed = 0, []
        for i, path in enumerate(paths):
            if progress:
                progress(i, len(paths), str(path))
            try:
                self.texts[path.stem] = path.read_text(encoding="utf-8")
                added += 1
                if on_commit:
                    on_commit(1, 1)
            except UnicodeDecodeError:
                failed.append(IngestFailure(str(path), "not UTF-8 text"))
        return IngestReport(added=added, failed=tuple(failed), sentences=added, chunks=added, seconds=0.1)

    def ensure_sample_corpus(self, progress=None) -> None:  # type: ignore[no-untyped-def]
        return None

    def _sentences(self, filters: SearchFilters | None = None):  # type: ignore[no-untyped-def]
        admitted = {d.doc_id for d in self.documents() if matches(d, filters)}
        for doc_id, text in self.texts.items():
            if doc_id not in admitted:
                continue
            for m in re.finditer(r"[^\n]+?(?:\.(?=\s|$)|$)", text, re.M):
                yield doc_id, m.start(), m.end(), m.group()

    def ask(self, question: str, history: Sequence[Turn] = (), filters: SearchFilters | None = None) -> Answer:
        self.asked.append((question, len(history)))
        self.filters_asked.append(filters)
        applied = filters.as_dict() if filters is not None else {}
        words = {w for w in re.findall(r"\w+", question.lower()) if len(w) > 3}
        for doc_id, start, end, sentence in self._sentences(filters):
            if words & set(re.findall(r"\w+", sentence.lower())):
                cite = Citation(doc_id, self.titles[doc_id], "2022-11-26", self.source_of.get(doc_id, "BTV"),
                                sentence, start, end)
                figure = re.search(r"\d{1,3}(?:\.\d{3})+", sentence)
                return Answer(question=question, answer=f"Theo bài viết: {sentence.strip()}", found=True,
                              citations=(cite,), extracted=figure.group() if figure else None, filters=applied)
        related: tuple[Citation, ...] = ()
        for doc_id, start, end, sentence in self._sentences(filters):
            related = (Citation(doc_id, self.titles[doc_id], None, None, sentence, start, end),)
            break
        return Answer(question=question, answer="Không tìm thấy thông tin này trong tài liệu.", found=False,
                      related=related, filters=applied)
