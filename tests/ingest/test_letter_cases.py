"""The regex letter classes by case: every Vietnamese capital is UPPER, every small letter LOWER."""

from __future__ import annotations

import re

import pytest

from ingest.vietnamese import LOWER, UPPER

_VIETNAMESE_SMALL = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"


@pytest.mark.parametrize("small", list(_VIETNAMESE_SMALL))
def test_each_letter_falls_in_its_own_case(small: str) -> None:
    capital = small.upper()
    assert re.fullmatch(f"[{UPPER}]", capital) and not re.fullmatch(f"[{UPPER}]", small)
    assert re.fullmatch(f"[{LOWER}]", small) and not re.fullmatch(f"[{LOWER}]", capital)
