"""A date typed in figures is read at once, exactly as the grammar reads it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from ronda.dates.grammar import read
from ronda.dates.parse import parse_span
from ronda.errors import BadInput

TODAY = date(2026, 12, 6)
TYPED = ["2027-06-09", "2027-6-9", " 2026-12-31 ", "1900-01-01", "2999-12-31", "1899-12-31",
         "3000-01-01", "2027-02-29", "2028-02-29", "2027-13-01", "2027-00-10", "09/06/2027",
         "9/6/2027", "31/04/2027", "29/02/2028", "1/1/1900", "12/12/0999", "06/12/2026"]


def grammar(text: str) -> tuple[date, date] | str:
    try:
        return read(text).spans(TODAY, "next")
    except BadInput as e:
        return e.key


def fast(text: str) -> tuple[date, date] | str:
    try:
        return parse_span(text, TODAY)
    except BadInput as e:
        return e.key


@pytest.mark.parametrize("text", TYPED)
def test_a_date_in_figures_reads_as_the_grammar_reads_it(text: str) -> None:
    assert fast(text) == grammar(text)


def test_a_date_in_figures_does_not_load_the_grammar() -> None:
    code = ("import sys\nfrom datetime import date\nfrom ronda.dates.parse import parse_span\n"
            "print(parse_span('2027-06-09', date(2026, 12, 6))[0], "
            "'ronda.dates.grammar' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["2027-06-09", "False"]
