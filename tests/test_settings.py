"""Settings read from LABOUR_QA_* variables: the fixed "today" for relative periods."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from settings import Settings, get_settings


def test_today_defaults_to_the_real_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABOUR_QA_TODAY", raising=False)
    settings = Settings()
    assert settings.today is None
    assert settings.today_date() == date.today()


def test_today_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABOUR_QA_TODAY", "2024-05-15")
    get_settings.cache_clear()
    try:
        assert get_settings().today_date() == date(2024, 5, 15)
    finally:
        get_settings.cache_clear()


def test_today_must_be_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABOUR_QA_TODAY", "15/05/2024")
    with pytest.raises(ValidationError):
        Settings()
