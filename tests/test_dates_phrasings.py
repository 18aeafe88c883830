"""Days, evenings, periods and moments as coordinators type them, in both languages.

Every table is read on Tuesday 24/11/2026 at 09.00 WIB. Around it:

    Mon 16  Tue 17  Wed 18  Thu 19  Fri 20  Sat 21  Sun 22     (last week)
    Mon 23  Tue 24  Wed 25  Thu 26  Fri 27  Sat 28  Sun 29     (this week; today is Tue 24)
    Mon 30  Tue  1  Wed  2  Thu  3  Fri  4  Sat  5  Sun  6     (next week, into December)

"malam Minggu" is Saturday evening. Where words can mean several days (a weekday, a date
without its year), ``past`` picks the latest not in the future (an incident, attendance),
``next`` the first not before today (a plan, a holiday, an event), ``near`` a weekday of this
week or else the closest (a week to look at).
"""

from __future__ import annotations

import warnings
from contextlib import suppress
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ronda.cli.output import Output
from ronda.dates import (
    format_date,
    format_moment,
    parse_date,
    parse_datetime,
    parse_moment,
    parse_span,
    resolve_period,
)
from ronda.errors import BadInput

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 24)  # a Tuesday
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=WIB)


def d(text: str) -> date:
    """``"28/11"`` is 28/11/2026, ``"2/12/2025"`` as written."""
    day, month, *year = (int(p) for p in text.split("/"))
    return date(year[0] if year else 2026, month, day)


def at(text: str) -> datetime:
    """``"23/11 23.15"``: that moment in WIB (2026 unless a year is written)."""
    day, clock = text.split()
    hour, minute = (int(p) for p in clock.split("."))
    return datetime.combine(d(day), datetime.min.time().replace(hour=hour, minute=minute), WIB)


# --- one day, whichever way the command looks ------------------------------------------------

ONE_DAY = [
    # ISO first, never day/month swapped
    ("2026-11-28", "28/11"), ("2026-03-04", "4/3"), ("2026/03/04", "4/3"),
    # day first, with the year
    ("28/11/2026", "28/11"), ("28-11-2026", "28/11"), ("28.11.2026", "28/11"),
    ("4/3/2026", "4/3"), ("04/03/2026", "4/3"), ("28/11/26", "28/11"), ("1/12/2026", "1/12"),
    # month names and the ways they are spelt
    ("28 November 2026", "28/11"), ("28 Nov 2026", "28/11"), ("28 nov. 2026", "28/11"),
    ("28 Nopember 2026", "28/11"), ("28 NOPEMBER 2026", "28/11"), ("28 Nop 2026", "28/11"),
    ("November 28, 2026", "28/11"), ("Nov 28 2026", "28/11"), ("28th November 2026", "28/11"),
    ("17 Agustus 2027", "17/8/2027"), ("17 Agt 2027", "17/8/2027"),
    ("17 Ags 2027", "17/8/2027"), ("17 Agu 2027", "17/8/2027"), ("17 Aug 2027", "17/8/2027"),
    ("17 agust 2027", "17/8/2027"), ("August 17, 2027", "17/8/2027"),
    ("3 Pebruari 2027", "3/2/2027"), ("3 Februari 2027", "3/2/2027"),
    ("3 Feb 2027", "3/2/2027"), ("3 Peb 2027", "3/2/2027"), ("3 Febuari 2027", "3/2/2027"),
    ("1 Januari 2027", "1/1/2027"), ("1 Jan 2027", "1/1/2027"),
    ("31 Maret 2027", "31/3/2027"), ("31 Mrt 2027", "31/3/2027"),
    ("31 March 2027", "31/3/2027"), ("21 April 2027", "21/4/2027"),
    ("5 Mei 2027", "5/5/2027"), ("5 May 2027", "5/5/2027"), ("1 Juni 2027", "1/6/2027"),
    ("1 Jun 2027", "1/6/2027"), ("1 June 2027", "1/6/2027"), ("17 Juli 2027", "17/7/2027"),
    ("17 Jul 2027", "17/7/2027"), ("17 July 2027", "17/7/2027"),
    ("10 September 2027", "10/9/2027"), ("10 Sep 2027", "10/9/2027"),
    ("10 Sept 2027", "10/9/2027"), ("28 Oktober 2026", "28/10"), ("28 Okt 2026", "28/10"),
    ("28 Oct 2026", "28/10"), ("28 October 2026", "28/10"), ("25 Desember 2026", "25/12"),
    ("25 Des 2026", "25/12"), ("25 Dec 2026", "25/12"), ("25 December 2026", "25/12"),
    # what ronda prints reads back
    ("Sabtu, 28 November 2026", "28/11"), ("Sabtu, 28/11/2026", "28/11"),
    ("Saturday, 28/11/2026", "28/11"), ("Sab 28/11/2026", "28/11"),
    ("hari Sabtu, 28 November 2026", "28/11"), ("tanggal 28 November 2026", "28/11"),
    ("Malam Minggu · Sabtu 28/11/2026", "28/11"), ("Jum'at 27/11/2026", "27/11"),
    ("Jumat, 27-11-2026", "27/11"), ("Jum’at 27/11/2026", "27/11"), ("Ahad 29/11/2026", "29/11"),
    ("Minggu 29/11/2026", "29/11"),
    # a weekday settles the year of a date written without one
    ("Sabtu 28/11", "28/11"), ("Jumat 27 Nov", "27/11"), ("Kamis 20/11", "20/11/2025"),
    # words for days near today
    ("hari ini", "24/11"), ("Hari Ini", "24/11"), ("today", "24/11"), ("kemarin", "23/11"),
    ("kemaren", "23/11"), ("yesterday", "23/11"), ("besok", "25/11"), ("esok", "25/11"),
    ("tomorrow", "25/11"), ("lusa", "26/11"), ("kemarin lusa", "22/11"),
    ("the day before yesterday", "22/11"), ("the day after tomorrow", "26/11"),
    ("3 hari lalu", "21/11"), ("3 hari yang lalu", "21/11"), ("2 days ago", "22/11"),
    ("3 hari lagi", "27/11"),
    # an evening is its own date
    ("tadi malam", "23/11"), ("semalam", "23/11"), ("kemarin malam", "23/11"),
    ("last night", "23/11"), ("malam ini", "24/11"), ("nanti malam", "24/11"),
    ("tonight", "24/11"), ("besok malam", "25/11"), ("tomorrow night", "25/11"),
    ("24/11 malam", "24/11"), ("Sabtu 28/11/2026 malam", "28/11"),
    # a weekday with a word that says which
    ("Sabtu ini", "28/11"), ("this Saturday", "28/11"), ("Selasa ini", "24/11"),
    ("Sabtu lalu", "21/11"), ("Sabtu kemarin", "21/11"), ("Sabtu yang lalu", "21/11"),
    ("last Saturday", "21/11"), ("Selasa lalu", "17/11"), ("last Tuesday", "17/11"),
    ("Senin lalu", "23/11"), ("malam Minggu ini", "28/11"), ("malam Minggu kemarin", "21/11"),
    ("last Saturday night", "21/11"),
    # a weekday of a week
    ("Sabtu pekan depan", "5/12"), ("Saturday next week", "5/12"),
    ("malam Minggu pekan depan", "5/12"), ("Senin pekan ini", "23/11"),
    ("Jumat pekan lalu", "20/11"), ("Friday last week", "20/11"),
    # "depan" once the coming one is in next week: both readings are the same day
    ("Senin depan", "30/11"), ("next Monday", "30/11"),
]


@pytest.mark.parametrize("text, day", ONE_DAY)
def test_one_day_whichever_way_the_command_looks(text: str, day: str) -> None:
    assert [parse_date(text, TODAY, toward) for toward in ("past", "next", "near")] == [d(day)] * 3


# --- days the words leave open: the command decides -------------------------------------------

#   typed           past        next        near
OPEN_DAYS = [
    ("Sabtu", "21/11", "28/11", "28/11"), ("Sab", "21/11", "28/11", "28/11"),
    ("Saturday", "21/11", "28/11", "28/11"), ("sat", "21/11", "28/11", "28/11"),
    ("malam Minggu", "21/11", "28/11", "28/11"), ("Malam minggu", "21/11", "28/11", "28/11"),
    ("Sabtu malam", "21/11", "28/11", "28/11"), ("Saturday night", "21/11", "28/11", "28/11"),
    ("Senin", "23/11", "30/11", "23/11"), ("Selasa", "24/11", "24/11", "24/11"),
    ("Rabu", "18/11", "25/11", "25/11"), ("Kamis", "19/11", "26/11", "26/11"),
    ("Jumat", "20/11", "27/11", "27/11"), ("Jum'at", "20/11", "27/11", "27/11"),
    ("Minggu", "22/11", "29/11", "29/11"), ("Ahad", "22/11", "29/11", "29/11"),
    ("malam Senin", "22/11", "29/11", "29/11"), ("malam Sabtu", "20/11", "27/11", "27/11"),
    ("malam Jumat", "19/11", "26/11", "26/11"),
    # without the year: the latest not to come, the next, the closest
    ("2/12", "2/12/2025", "2/12", "2/12"), ("20/11", "20/11", "20/11/2027", "20/11"),
    ("24/11", "24/11", "24/11", "24/11"), ("1/1", "1/1", "1/1/2027", "1/1/2027"),
    ("31/12", "31/12/2025", "31/12", "31/12"), ("17-8", "17/8", "17/8/2027", "17/8"),
    ("28 Nov", "28/11/2025", "28/11", "28/11"), ("28 Nopember", "28/11/2025", "28/11", "28/11"),
    ("Nov 28", "28/11/2025", "28/11", "28/11"), ("28th November", "28/11/2025", "28/11", "28/11"),
    ("17 Agustus", "17/8", "17/8/2027", "17/8"), ("Ags 17", "17/8", "17/8/2027", "17/8"),
    ("1 Des", "1/12/2025", "1/12", "1/12"),
    ("tanggal 28", "28/10", "28/11", "28/11"), ("tgl 1", "1/11", "1/12", "1/12"),
]


@pytest.mark.parametrize("text, past, next_, near", OPEN_DAYS)
def test_days_the_words_leave_open(text: str, past: str, next_: str, near: str) -> None:
    assert [parse_date(text, TODAY, toward) for toward in ("past", "next", "near")] == \
        [d(past), d(next_), d(near)]


# --- periods -----------------------------------------------------------------------------------

PERIODS = [
    ("pekan ini", "23/11", "29/11"), ("this week", "23/11", "29/11"),
    ("pekan depan", "30/11", "6/12"), ("next week", "30/11", "6/12"),
    ("pekan lalu", "16/11", "22/11"), ("pekan kemarin", "16/11", "22/11"),
    # "minggu" is also the week: minggu depan is next week, as nearly everyone says it
    ("minggu depan", "30/11", "6/12"), ("Minggu depan", "30/11", "6/12"),
    ("minggu ini", "23/11", "29/11"), ("minggu lalu", "16/11", "22/11"),
    ("minggu kemarin", "16/11", "22/11"),
    ("last week", "16/11", "22/11"), ("bulan ini", "1/11", "30/11"),
    ("this month", "1/11", "30/11"), ("bulan depan", "1/12", "31/12"),
    ("bulan lalu", "1/10", "31/10"), ("Nopember", "1/11", "30/11"),
    ("November 2026", "1/11", "30/11"), ("Nov 2025", "1/11/2025", "30/11/2025"),
    ("Februari 2028", "1/2/2028", "29/2/2028"), ("Pebruari 2027", "1/2/2027", "28/2/2027"),
    ("Okt", "1/10", "31/10"), ("Agustus", "1/8", "31/8"), ("24/11", "24/11", "24/11"),
    ("11/2026", "1/11", "30/11"), ("2/2028", "1/2/2028", "29/2/2028"),
    ("2026-11", "1/11", "30/11"), ("12.2025", "1/12/2025", "31/12/2025"),
]


@pytest.mark.parametrize("text, first, last", PERIODS)
def test_periods_as_typed(text: str, first: str, last: str) -> None:
    assert parse_span(text, TODAY, "past") == (d(first), d(last))


@pytest.mark.parametrize("kwargs, first, last", [
    ({"week": "pekan depan"}, "30/11", "6/12"),
    ({"week": "Sabtu"}, "23/11", "29/11"),  # this week's Saturday
    ({"week": "2/12"}, "30/11", "6/12"),
    ({"start": "Nopember", "end": "Desember", "toward": "next"}, "1/11", "31/12"),
    ({"start": "besok", "end": "2/12", "toward": "next"}, "25/11", "2/12"),
    ({"start": "pekan depan", "end": "pekan depan"}, "30/11", "6/12"),
    ({"start": "20/11", "toward": "past"}, "20/11", "22/11"),  # to the end of its week
    ({"start": "bulan lalu", "end": "kemarin", "toward": "past"}, "1/10", "23/11"),
])
def test_one_period_resolver_for_every_command(kwargs: dict, first: str, last: str) -> None:
    assert resolve_period(TODAY, **kwargs) == (d(first), d(last))


# --- moments that happened (incident times) ---------------------------------------------------

PAST_MOMENTS = [
    # yesterday at a time, every way of writing it
    ("kemarin 23.15", "23/11 23.15"), ("kemarin 23:15", "23/11 23.15"),
    ("kemarin pukul 23.15", "23/11 23.15"), ("kemarin jam 23.15", "23/11 23.15"),
    ("kemarin, 23.15 WIB", "23/11 23.15"), ("Kemarin 23.15 wib", "23/11 23.15"),
    ("kemaren 23.15", "23/11 23.15"), ("kemarin pkl. 23.15", "23/11 23.15"),
    ("23.15 kemarin", "23/11 23.15"), ("kemarin 2315", "23/11 23.15"),
    ("kemarin pukul 2315", "23/11 23.15"), ("kemarin 23.15WIB", "23/11 23.15"),
    ("yesterday 23:15", "23/11 23.15"), ("yesterday at 23:15", "23/11 23.15"),
    ("yesterday 11:15 pm", "23/11 23.15"), ("yesterday at 11.15pm", "23/11 23.15"),
    ("yesterday 11:15 p.m.", "23/11 23.15"),
    ("kemarin jam 11 malam", "23/11 23.00"), ("kemarin sore jam 5", "23/11 17.00"),
    ("kemarin jam 2 siang", "23/11 14.00"), ("kemarin pagi 06.30", "23/11 6.30"),
    ("kemarin jam 7 pagi", "23/11 7.00"), ("sekitar pukul 23.00 kemarin", "23/11 23.00"),
    ("kurang lebih jam 23.00 kemarin", "23/11 23.00"), ("kemarin ± 23.00", "23/11 23.00"),
    ("kemarin 24.00", "24/11 0.00"), ("kemarin lusa 21.00", "22/11 21.00"),
    # last evening: its early hours are this morning
    ("tadi malam 02.00", "24/11 2.00"), ("tadi malam jam 2", "24/11 2.00"),
    ("tadi malam pukul 02.00 WIB", "24/11 2.00"), ("semalam 02.00", "24/11 2.00"),
    ("kemarin malam 02.00", "24/11 2.00"), ("last night at 2am", "24/11 2.00"),
    ("last night 02:00", "24/11 2.00"), ("tadi malam jam 2 pagi", "24/11 2.00"),
    ("tadi malam jam 2 dini hari", "24/11 2.00"), ("tadi malam 23.15", "23/11 23.15"),
    ("tadi malam jam 11", "23/11 23.00"), ("tadi malam jam 10.30", "23/11 22.30"),
    ("tadi malam jam 12", "24/11 0.00"), ("tadi malam tengah malam", "24/11 0.00"),
    ("tadi malam 24.00", "24/11 0.00"), ("last night at 11pm", "23/11 23.00"),
    ("kurang lebih jam 23.00 tadi malam", "23/11 23.00"),
    # this morning, today
    ("tadi pagi 06.00", "24/11 6.00"), ("tadi pagi jam 7", "24/11 7.00"),
    ("hari ini 08.00", "24/11 8.00"), ("today 8am", "24/11 8.00"),
    ("today at 08:45", "24/11 8.45"),
    # a time alone: the latest such time not after now
    ("23:40", "23/11 23.40"), ("23.40", "23/11 23.40"), ("jam 23.40", "23/11 23.40"),
    ("pukul 23.40 WIB", "23/11 23.40"), ("11.40 pm", "23/11 23.40"), ("11:40pm", "23/11 23.40"),
    ("08.30", "24/11 8.30"), ("09.30", "23/11 9.30"), ("02:30 WIB", "24/11 2.30"),
    ("02.30 WITA", "24/11 1.30"), ("02.30 WIT", "24/11 0.30"), ("pukul 2315", "23/11 23.15"),
    ("2315 WIB", "23/11 23.15"), ("jam 2 pagi", "24/11 2.00"), ("jam 11 malam", "23/11 23.00"),
    ("jam 1 malam", "24/11 1.00"), ("jam 12 malam", "24/11 0.00"), ("tengah malam", "24/11 0.00"),
    ("midnight", "24/11 0.00"), ("20.11", "23/11 20.11"),
    # a date with a time; no year: the latest not to come
    ("20/11 01.00", "20/11 1.00"), ("20/11 jam 1 malam", "20/11 1.00"),
    ("20/11/2026 01.00", "20/11 1.00"), ("20-11-2026 01:00", "20/11 1.00"),
    ("2/12 23.00", "2/12/2025 23.00"), ("28 Nov 23.40", "28/11/2025 23.40"),
    ("Nov 20 11:30 pm", "20/11 23.30"), ("20 Nopember 23.30", "20/11 23.30"),
    ("28/11/2026 23.40", "28/11 23.40"), ("28 November 2026 23:40", "28/11 23.40"),
    ("tanggal 20 jam 22.00", "20/11 22.00"),
    # a weekday: the latest such moment not after now
    ("Sabtu 23.00", "21/11 23.00"), ("Sab 23:00", "21/11 23.00"),
    ("Saturday 11pm", "21/11 23.00"), ("sabtu jam 11 malam", "21/11 23.00"),
    ("Sabtu malam jam 11", "21/11 23.00"), ("Sabtu lalu 23.00", "21/11 23.00"),
    ("malam Minggu 23.00", "21/11 23.00"), ("malam Minggu 02.00", "22/11 2.00"),
    ("malam minggu jam 2 pagi", "22/11 2.00"), ("Saturday night 2am", "22/11 2.00"),
    ("Minggu dini hari 02.00", "22/11 2.00"), ("Minggu jam 2 dini hari", "22/11 2.00"),
    ("Selasa 08.00", "24/11 8.00"), ("Selasa 10.00", "17/11 10.00"),
    ("malam Selasa 23.00", "23/11 23.00"), ("malam Selasa 02.00", "24/11 2.00"),
    ("Senin malam 23.00", "23/11 23.00"), ("Senin lalu 20.00", "23/11 20.00"),
    ("Jumat malam 22.30", "20/11 22.30"), ("malam Sabtu 22.30", "20/11 22.30"),
    ("Friday night 10:30 pm", "20/11 22.30"),
    # what ronda prints reads back; ISO with or without its offset
    ("Sabtu, 21/11/2026 pukul 23.40 WIB", "21/11 23.40"),
    ("Saturday, 21/11/2026 at 23:40 WIB", "21/11 23.40"),
    ("2026-11-21T23:40", "21/11 23.40"), ("2026-11-21 23:40", "21/11 23.40"),
    ("2026-11-21 23.40", "21/11 23.40"), ("2026-11-21T23:40+08:00", "21/11 22.40"),
    ("2026-11-21T16:40Z", "21/11 23.40"),
    # now, and how long ago
    ("now", "24/11 9.00"), ("sekarang", "24/11 9.00"), ("Sekarang", "24/11 9.00"),
    ("skrg", "24/11 9.00"), ("-2h", "24/11 7.00"), ("2h", "24/11 7.00"),
    ("2 jam lalu", "24/11 7.00"), ("2 jam yang lalu", "24/11 7.00"),
    ("2 hours ago", "24/11 7.00"), ("-30m", "24/11 8.30"), ("30 menit lalu", "24/11 8.30"),
    ("30 min ago", "24/11 8.30"), ("-1d", "23/11 9.00"), ("1 hari lalu", "23/11 9.00"),
]


@pytest.mark.parametrize("text, moment", PAST_MOMENTS)
def test_moments_that_happened(text: str, moment: str) -> None:
    assert parse_moment(text, NOW) == at(moment)


# --- moments to come (events) -----------------------------------------------------------------

COMING_MOMENTS = [
    ("12/12/2026 19.30", "12/12 19.30"), ("12 Desember 2026 19:30", "12/12 19.30"),
    ("12 Des 19.30", "12/12 19.30"), ("2/12 19.30", "2/12 19.30"),
    ("20/11 19.30", "20/11/2027 19.30"), ("besok 19.30", "25/11 19.30"),
    ("besok jam 7 malam", "25/11 19.00"), ("besok malam jam 8", "25/11 20.00"),
    ("tomorrow at 7pm", "25/11 19.00"), ("lusa 09.00", "26/11 9.00"),
    ("malam ini 19.30", "24/11 19.30"), ("tonight 7pm", "24/11 19.00"),
    ("Sabtu 19.30", "28/11 19.30"), ("Selasa 19.30", "24/11 19.30"),
    ("Selasa 08.00", "1/12 8.00"), ("malam Minggu jam 8", "28/11 20.00"),
    ("Jumat 27/11 20.00", "27/11 20.00"), ("2026-12-12T19:30", "12/12 19.30"),
]


@pytest.mark.parametrize("text, moment", COMING_MOMENTS)
def test_moments_to_come(text: str, moment: str) -> None:
    assert parse_datetime(text, NOW) == at(moment)


# --- refused, with what was understood ----------------------------------------------------------

REFUSED_DAYS = [
    ("31/02/2026", "err.bad_date"), ("2026-13-01", "err.bad_date"), ("32/11", "err.bad_date"),
    ("28/13", "err.bad_date"), ("0/11", "err.bad_date"), ("13/28/2026", "err.bad_date"),
    ("28/11/3000", "err.bad_date"), ("kapan-kapan", "err.bad_date"), ("", "err.bad_date"),
    ("   ", "err.bad_date"), ("19.30", "err.bad_date"), ("besok 19.30", "err.bad_date"),
    ("28/11 WIB", "err.bad_date"), ("Sabtu Minggu", "err.bad_date"), ("malam", "err.bad_date"),
    ("2026", "err.bad_date"), ("28", "err.bad_date"), ("next", "err.bad_date"),
    ("Nopember 28 2026 2027", "err.bad_date"), ("+2 hari", "err.bad_date"),
    ("kemarin besok", "err.dates_disagree"), ("kemarin 25/11/2026", "err.dates_disagree"),
    ("Jumat 28/11/2026", "err.not_that_weekday"), ("Friday 28/11/2026", "err.not_that_weekday"),
    ("kemarin Sabtu", "err.not_that_weekday"), ("Sabtu depan", "err.which_day"),
    ("next Saturday", "err.which_day"), ("minggu depan", "err.date_is_period"),
    ("Minggu lalu", "err.date_is_period"), ("minggu ini", "err.date_is_period"),
    ("minggu kemarin", "err.date_is_period"), ("hari Minggu depan", "err.which_day"),
    ("malam Minggu depan", "err.which_day"), ("Jumat depan", "err.which_day"),
    ("malam 28/11", "err.which_evening"),
    ("malam 17 Agustus", "err.which_evening"), ("Nopember", "err.date_is_period"),
    ("pekan depan", "err.date_is_period"), ("next week", "err.date_is_period"),
    ("bulan depan", "err.date_is_period"), ("tanggal 32", "err.bad_date"),
    ("tanggal 0", "err.bad_date"), ("13/2026", "err.bad_date"), ("11/2026", "err.date_is_period"),
    ("29/2", "err.date_needs_year"), ("29 Pebruari", "err.date_needs_year"),
]


@pytest.mark.parametrize("text, key", REFUSED_DAYS)
def test_days_refused(text: str, key: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_date(text, TODAY)
    assert refused.value.key == key


REFUSED_MOMENTS = [
    ("kemarin", "err.moment_needs_time"), ("tadi malam", "err.moment_needs_time"),
    ("malam Minggu", "err.moment_needs_time"), ("2/12", "err.moment_needs_time"),
    ("kemarin sore", "err.moment_needs_time"), ("2026-11-21", "err.moment_needs_time"),
    ("Nopember", "err.date_is_period"), ("pekan lalu 23.00", "err.date_is_period"),
    ("2315", "err.year_or_time"), ("0130", "err.year_or_time"),
    ("25.61", "err.bad_moment"), ("+2h", "err.bad_moment"), ("jam 25", "err.bad_moment"),
    ("32/11/2026 23.40", "err.bad_moment"), ("2026-13-01", "err.bad_moment"),
    ("kemarin 23.15 WIB WITA", "err.bad_moment"), ("kemarin 23.15 22.00", "err.bad_moment"),
    ("jam 5 malam", "err.bad_moment"), ("jam 13 pagi", "err.bad_moment"),
    ("kemarin 23", "err.bad_moment"), ("kapan-kapan", "err.bad_moment"),
    ("23.15 EST", "err.bad_moment"), ("9999", "err.bad_moment"),
    ("Sabtu depan 23.00", "err.which_day"), ("minggu lalu 23.00", "err.date_is_period"),
    ("malam 20/11 23.00", "err.which_evening"),
    ("kemarin 25/11/2026 23.00", "err.dates_disagree"),
    ("Jumat 28/11/2026 23.00", "err.not_that_weekday"),
    ("99999999999999999999 jam", "err.bad_moment"), ("-" + "9" * 5000 + "d", "err.bad_moment"),
]


@pytest.mark.parametrize("text, key", REFUSED_MOMENTS)
def test_moments_refused(text: str, key: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_moment(text, NOW)
    assert refused.value.key == key


@pytest.mark.parametrize("text", ["19.30", "now", "sekarang", "-2h", "2 jam lalu", "besok",
                                  "pekan depan 19.30", "Sabtu depan 19.30",
                                  "99999999999999999999 hari"])
def test_an_event_needs_a_day_and_a_time(text: str) -> None:
    with pytest.raises(BadInput):
        parse_datetime(text, NOW)


def _said(parse, text: str, lang: str) -> str:
    with pytest.raises(BadInput) as refused:
        parse(text)
    return Output(lang).t(refused.value.key, **refused.value.args_)


@pytest.mark.parametrize("text, lang, line", [
    ("kemarin", "en", "'kemarin' is Monday, 23/11/2026: add the time, e.g. 'kemarin 23.15'."),
    ("tadi malam", "id",
     "'tadi malam' adalah Senin, 23/11/2026: tambahkan jamnya, misalnya 'tadi malam 23.15'."),
    ("2315", "en", "'2315' could be a year or the time 23:15: write the time as 23:15."),
    ("2315", "id", "'2315' bisa berarti tahun atau jam 23.15: tulis jamnya 23.15."),
    ("Jumat 28/11/2026 23.00", "id", "'Jumat 28/11/2026 23.00': Sabtu, 28/11/2026 bukan hari "
                                     "Jumat."),
    ("Sabtu depan 23.00", "en", "'Sabtu depan 23.00' could be Saturday, 28/11/2026 or "
                                "Saturday, 05/12/2026: write the date, or the week (Saturday "
                                "next week)."),
    ("kemarin 25/11/2026 23.00", "en", "'kemarin 25/11/2026 23.00' names two different days: "
                                       "Monday, 23/11/2026 and Wednesday, 25/11/2026."),
    ("Nopember", "id", "'Nopember' adalah November 2026, bukan satu hari: sebutkan harinya, "
                       "misalnya 28/11/2026."),
])
def test_a_refused_moment_says_what_was_understood(text: str, lang: str, line: str) -> None:
    assert _said(lambda t: parse_moment(t, NOW), text, lang) == line


@pytest.mark.parametrize("text, lang, line", [
    ("pekan depan", "en", "'pekan depan' is 30 November – 6 December 2026, not one day: name "
                          "the day, e.g. 28/11/2026."),
    ("minggu depan", "id", "'minggu depan' adalah 30 November – 6 Desember 2026, bukan satu "
                           "hari: sebutkan harinya, misalnya 28/11/2026."),
    ("kapan-kapan", "id", "'kapan-kapan' bukan tanggal (pakai 28/11/2026, 28/11, 28 Nov, "
                          "2026-11-28, besok, Sabtu atau malam Minggu)."),
])
def test_a_refused_day_says_what_was_understood(text: str, lang: str, line: str) -> None:
    assert _said(lambda t: parse_date(t, TODAY), text, lang) == line


@pytest.mark.parametrize("today, text, day", [
    ("29/11", "hari Minggu depan", "6/12"),  # on a Sunday: the Sunday of next week
    ("29/11", "malam Minggu depan", "5/12"), ("29/11", "Sabtu depan", "5/12"),
    ("28/11", "Jumat depan", "4/12"), ("24/11", "malam Senin depan", "29/11"),
    ("30/11", "Senin depan", "7/12"), ("30/11", "nanti malam", "30/11"),
    ("30/11", "besok malam", "1/12"), ("30/11", "malam Minggu pekan depan", "12/12"),
])
def test_next_weekday_once_there_is_no_doubt(today: str, text: str, day: str) -> None:
    assert parse_date(text, d(today), "next") == d(day)


# --- round trips and quiet libraries ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "id"])
def test_what_ronda_prints_reads_back(lang: str) -> None:
    days = [date(2026, 1, 1) + (date(2026, 1, 8) - date(2026, 1, 1)) * k for k in range(60)]
    for day in days:
        for long in (False, True):
            assert parse_date(format_date(day, lang, long=long), TODAY) == day
        moment = datetime.combine(day, datetime.min.time().replace(hour=23, minute=40), WIB)
        assert parse_moment(format_moment(moment, "Asia/Jakarta", lang), NOW) == moment


WORDS = [w for text, *_ in ONE_DAY + OPEN_DAYS + PAST_MOMENTS + REFUSED_MOMENTS
         for w in text.split()] + ["99999999999999999999", "0", "32", "24", "2400", "-", "'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=5), st.sampled_from(["past", "next", "near"]))
def test_any_mix_of_the_words_is_read_or_refused_in_one_line(words: list[str], toward) -> None:
    text = " ".join(words)
    for parse in (lambda: parse_date(text, TODAY, toward), lambda: parse_moment(text, NOW),
                  lambda: parse_datetime(text, NOW), lambda: resolve_period(TODAY, start=text)):
        with suppress(BadInput):
            parse()


def test_no_library_warning_reaches_the_user() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for text, _ in PAST_MOMENTS + REFUSED_MOMENTS:
            with suppress(BadInput):  # refused in one line, never with a library's warning
                parse_moment(text, NOW)
