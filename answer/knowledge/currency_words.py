"""Currency words and the compounds that only look like them (currency_words.tsv): "25 triệu đồng" is money,
"240 hợp đồng" is not."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from answer.knowledge.tables import read_rows

CURRENCIES = frozenset({"vnd", "usd", "eur", "jpy", "aud", "cad", "sgd", "gbp", "krw", "cny", "twd", "rub", "thb", "myr", "inr"})


@dataclass(frozen=True)
class CurrencyWords:
    """The table as the figure reader uses it."""

    codes: dict[str, str]  # a word written after a figure -> the currency it names
    compounds: frozenset[str]  # two-word compounds holding a currency word that name no money


@functools.cache
def currency_words() -> CurrencyWords:
    """The table, read once; a bad row is an error naming it."""
    codes: dict[str, str] = {}
    compounds: set[str] = set()
    for form, currency, example in read_rows("currency_words.tsv", 3):
        if not form or form != form.lower() or not example:
            raise ValueError(f"currency_words.tsv: a row needs a lower-case form and an example: {form!r}")
        if currency == "-":
            if len(form.split()) != 2:
                raise ValueError(f"currency_words.tsv: a compound has two words: {form!r}")
            compounds.add(form)
        elif currency in CURRENCIES and " " not in form and form not in codes:
            codes[form] = currency
        else:
            raise ValueError(f"currency_words.tsv: bad row {form!r} {currency!r}")
    return CurrencyWords(codes, frozenset(compounds))
