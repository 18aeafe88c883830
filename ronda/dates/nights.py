"""Evenings, shifts and weeks: a shift belongs to its evening, a week starts on Monday, and
the jadwal's week turns at Sunday noon."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal

from ronda.dates.names import zone
from ronda.errors import BadInput

# Moments before this hour belong to the previous evening's shift.
DAY_CHANGE = time(12, 0)


# dates ronda plans and records: far enough either way for any real use, and far from the
# ends of the calendar, where date arithmetic overflows
FIRST_YEAR, LAST_YEAR = 1900, 2999

Toward = Literal["past", "next", "near"]
"""Which of the days a phrase can mean (``Sabtu``, ``2/12``, ``malam Minggu``) is meant: the
latest not in the future (``past``: what happened), the first not before today (``next``: what
is planned), or for what is looked at (``near``) a weekday of this week and otherwise the
closest. See ``ronda.dates.grammar``."""


def shift_window(evening: date, start: time, end: time,
                 zone_name: str) -> tuple[datetime, datetime]:
    """The aware start and end instants of a shift of ``evening``.

    A shift that starts before noon starts on the morning after its evening (the 01.00 shift
    of Monday evening starts on Tuesday); the end is the first ``end`` after the start, so a
    shift may end exactly at 00.00. Wall-clock times in the zone, so DST changes are honoured.
    """
    tz = zone(zone_name)
    day = evening + timedelta(days=1) if start < DAY_CHANGE else evening
    begin = datetime.combine(day, start, tz)
    finish = datetime.combine(day, end, tz)
    if finish <= begin:
        finish = datetime.combine(day + timedelta(days=1), end, tz)
    return begin, finish


def evening_of(moment: datetime) -> date:
    """The evening a moment belongs to: 02.00 on Sunday belongs to Saturday evening."""
    if moment.time() < DAY_CHANGE:
        return moment.date() - timedelta(days=1)
    return moment.date()


def check_range(first: date, last: date) -> None:
    """Refuse a period (or moment pair) that ends before it starts."""
    if last < first:
        raise BadInput("err.range_reversed", start=first, end=last)


def week_of(d: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def coming_week(now: datetime) -> date:
    """The Monday of the week a jadwal is printed for: this week's, and from Sunday noon
    (when the jadwal is printed and shared) the next week's."""
    monday = week_of(now.date())[0]
    if now.weekday() == 6 and now.time() >= DAY_CHANGE:
        monday += timedelta(weeks=1)
    return monday
