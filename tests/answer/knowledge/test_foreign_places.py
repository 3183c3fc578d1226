"""Foreign cities and regions (foreign_places.tsv), row by row: each Vietnamese form names each English name; a city
is named by its country too, a region by nothing else."""

from __future__ import annotations

import pytest

from answer.constraints import mentions_english_name
from answer.knowledge.foreign_places import foreign_place
from answer.knowledge.gazetteer import Gazetteer
from answer.knowledge.tables import read_rows, split_forms

ROWS = read_rows("foreign_places.tsv", 3)


@pytest.mark.parametrize(("english", "vietnamese", "country"), ROWS, ids=[row[0] for row in ROWS])
def test_each_form_names_the_place_and_a_city_its_country(english: str, vietnamese: str, country: str) -> None:
    for name in split_forms(english):
        assert foreign_place(name) is not None and foreign_place(name.lower()) == foreign_place(name)
        for form in split_forms(vietnamese):
            assert mentions_english_name(name, f"Đoàn công tác đã làm việc tại {form} trong hai ngày.")
        assert not mentions_english_name(name, "Đoàn công tác đã làm việc tại Hà Nội trong hai ngày.")
        if country != "-":
            home = Gazetteer.load().entities[country].name_vi
            assert mentions_english_name(name, f"Đoàn công tác đã làm việc tại {home} trong hai ngày.")
        else:
            assert not mentions_english_name(name, "Đoàn công tác đã làm việc tại Nhật Bản trong hai ngày.")
