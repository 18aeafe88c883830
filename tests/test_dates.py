"""Dates, times and weekdays as Indonesian coordinators write them."""

from datetime import date, datetime, time

import pytest

from ronda.dates import (
    evening_of,
    format_date,
    format_hours,
    format_period,
    night_name,
    parse_date,
    parse_days,
    parse_time,
    parse_timezone,
    shift_window,
    week_of,
    zone,
)
from ronda.errors import BadInput

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text, expected", [
    ("2026-11-28", date(2026, 11, 28)),
    ("2026-03-04", date(2026, 3, 4)),  # ISO is never read day-first
    ("28/11/2026", date(2026, 11, 28)),
    ("4/3/2026", date(2026, 3, 4)),
    ("28-11-2026", date(2026, 11, 28)),
    ("28 November 2026", date(2026, 11, 28)),
    ("17 Agustus 2027", date(2027, 8, 17)),
    ("1 Des 2026", date(2026, 12, 1)),
    ("besok", date(2026, 11, 23)),
    ("today", TODAY),
    ("kemarin", date(2026, 11, 21)),
    ("28/11", date(2026, 11, 28)),  # no year: the next 28/11 (see test_dates_phrasings.py)
])
def test_parse_date_accepts_common_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


BAD_DATES = ["31/02/2026", "2026-13-01", "28/13", "kapan-kapan", "", "19.30"]


@pytest.mark.parametrize("text", BAD_DATES)
def test_parse_date_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(BadInput) as err:
        parse_date(text, TODAY)
    assert err.value.key == "err.bad_date"


@pytest.mark.parametrize("text, expected", [
    ("22:00", time(22)), ("22.00", time(22)), ("04.30", time(4, 30)), ("9", time(9)),
    ("24.00", time(0)),
])
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


BAD_TIMES = ["25:00", "22:61", "jam 10", "22,00"]


@pytest.mark.parametrize("text", BAD_TIMES)
def test_parse_time_refuses(text: str) -> None:
    with pytest.raises(BadInput):
        parse_time(text)


def test_days_in_both_languages_short_and_long() -> None:
    assert parse_days("sen,sel,rab") == ["mon", "tue", "wed"]
    assert parse_days("Senin, Jumat") == ["mon", "fri"]
    assert parse_days("mon tue") == ["mon", "tue"]
    assert parse_days("sen-jum") == ["mon", "tue", "wed", "thu", "fri"]
    assert parse_days("sab-sen") == ["mon", "sat", "sun"]
    assert parse_days("semua") == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    with pytest.raises(BadInput):
        parse_days("sen,funday")


def test_indonesian_formats() -> None:
    saturday = date(2026, 11, 28)
    assert format_date(saturday, "id") == "Sabtu, 28/11/2026"
    assert format_date(saturday, "id", long=True) == "Sabtu, 28 November 2026"
    assert format_date(saturday, "en") == "Saturday, 28/11/2026"
    assert night_name(saturday, "id") == "Malam Minggu"
    assert night_name(saturday, "en") == "Saturday night"
    assert format_hours(time(22), time(4), "Asia/Jakarta", "id") == "22.00–04.00 WIB"
    assert format_hours(time(22), time(4), "Asia/Makassar", "en") == "22:00–04:00 WITA"
    assert format_period(date(2026, 11, 23), date(2026, 11, 29), "id") == "23–29 November 2026"


def test_shift_crossing_midnight_ends_next_day_in_local_time() -> None:
    start, end = shift_window(date(2026, 11, 28), time(22), time(4), "Asia/Jakarta")
    assert start.isoformat() == "2026-11-28T22:00:00+07:00"
    assert end.isoformat() == "2026-11-29T04:00:00+07:00"


def test_a_moment_after_midnight_belongs_to_the_previous_evening() -> None:
    tz = zone("Asia/Jakarta")
    assert evening_of(datetime(2026, 11, 29, 2, 0, tzinfo=tz)) == date(2026, 11, 28)
    assert evening_of(datetime(2026, 11, 28, 23, 40, tzinfo=tz)) == date(2026, 11, 28)


def test_week_starts_on_monday() -> None:
    assert week_of(date(2026, 11, 28)) == (date(2026, 11, 23), date(2026, 11, 29))


def test_time_zones() -> None:
    assert parse_timezone("wib") == "Asia/Jakarta"
    assert parse_timezone("WITA") == "Asia/Makassar"
    assert parse_timezone("Asia/Jayapura") == "Asia/Jayapura"
    with pytest.raises(BadInput):
        parse_timezone("Mars/Olympus")


def test_day_ranges_as_people_type_them() -> None:
    weekdays = ["mon", "tue", "wed", "thu", "fri"]
    for text in ("sen - jum", "senin - jumat", "sen s.d. jum", "Senin sampai Jumat",
                 "mon to fri", "sen–jum"):
        assert parse_days(text) == weekdays, text


def test_dates_as_people_say_them() -> None:
    today = date(2026, 11, 24)  # a Tuesday
    said = {"lusa": date(2026, 11, 26), "tadi malam": date(2026, 11, 23),
            "malam ini": today, "last night": date(2026, 11, 23),
            "28 Nopember 2026": date(2026, 11, 28), "3 Pebruari 2027": date(2027, 2, 3),
            "17 Agt 2026": date(2026, 8, 17)}
    assert {text: parse_date(text, today) for text in said} == said
