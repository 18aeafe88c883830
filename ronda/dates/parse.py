"""What people type for a day, a period, a week, a time or a moment, read one way for every
command (the grammar is ``ronda.dates.grammar``, its words ``ronda.dates.words``, loaded
when a phrase is read)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from ronda.dates.format import SpanName
from ronda.dates.nights import FIRST_YEAR, LAST_YEAR, Toward, check_range, week_of
from ronda.errors import BadInput


def parse_span(text: str, today: date, toward: Toward = "next") -> tuple[date, date]:
    """A day or a period as typed, first and last day (the same for one day).

    A day: ``2026-11-28`` (ISO, never day/month swapped), ``28/11/2026``, ``28/11/26``,
    ``28/11`` and ``2/12`` (no year: the one ``toward`` picks), ``28 Nov``, ``28 Nopember
    2026``, ``Nov 28``, ``tanggal 28``; ``hari ini``/``today``, ``kemarin``/``yesterday``,
    ``besok``/``tomorrow``, ``lusa``, ``kemarin lusa``, ``3 hari lalu``; a weekday
    (``Sabtu``, ``Sab``, ``Saturday``; ``Sabtu lalu``/``last Saturday`` the one before today,
    ``Sabtu ini``/``this Saturday`` the coming one, today included; otherwise ``toward``);
    an evening, which is its own date: ``tadi malam``/``semalam``/``last night`` (yesterday),
    ``malam ini``/``tonight``, ``besok malam``, ``Sabtu malam``, ``malam Minggu`` (the evening
    before Sunday, so a Saturday), ``28/11 malam``.
    A period: ``pekan ini``/``this week``, ``pekan depan``, ``pekan lalu``, ``bulan ini``,
    ``bulan lalu``, ``Nopember``, ``November 2026``, ``11/2026``, ``2026-11``.

    Phrases that can be read two ways are refused with what was understood:
    ``minggu depan`` (a week or a Sunday?), ``Sabtu depan`` (the coming one or the next?),
    ``malam 28/11``, ``Jumat 28/11/2026`` (a Saturday).
    """
    day = _in_figures(text)
    if day is not None:
        return day, day
    from ronda.dates.grammar import read

    said = read(text)
    if said.clock is not None or said.zone is not None:
        raise said.bad()  # a time where a day is asked for
    return said.spans(today, toward)


_FIGURES = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4})")


def _in_figures(text: str) -> date | None:
    """A whole date in figures (``2027-06-09``, ``9/6/2027``) read without the grammar, which
    takes a few milliseconds to load; anything else (or a date that does not exist) is left
    to the grammar, which says what is wrong."""
    m = _FIGURES.fullmatch(text.strip())
    if m is None:
        return None
    year, month, day = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if FIRST_YEAR <= found.year <= LAST_YEAR else None


def parse_date(text: str, today: date, toward: Toward = "next") -> date:
    """One day as typed (the forms of ``parse_span``); a period is refused."""
    first, last = parse_span(text, today, toward)
    if first != last:
        raise BadInput("err.date_is_period", value=text.strip()[:40],
                       period=SpanName(first, last))
    return first


_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?")


def parse_time(text: str) -> time:
    """A clock time: ``22:00``, ``22.00`` or ``22``; ``24.00`` means midnight."""
    m = _TIME.fullmatch(text.strip())
    if not m:
        raise BadInput("err.bad_time", value=text.strip())
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour == 24 and minute == 0:
        hour = 0
    if hour > 23 or minute > 59:
        raise BadInput("err.bad_time", value=text.strip())
    return time(hour, minute)


def parse_week(text: str, today: date, toward: Toward = "near") -> date:
    """A day that stands for its week (``--week``): any day of ``parse_span``, or a week
    (``pekan depan``, whose Monday is returned); a month is refused."""
    first, last = parse_span(text, today, toward)
    if (last - first).days > 6:
        raise BadInput("err.date_is_period", value=text.strip()[:40],
                       period=SpanName(first, last))
    return first


def resolve_period(today: date, *, week: str | None = None, start: str | None = None,
                   end: str | None = None, weeks: int = 1, default_start: date | None = None,
                   default_end: Callable[[date], date] | None = None,
                   toward: Toward = "near") -> tuple[date, date]:
    """The period a command covers, decided one way for every command.

    ``week`` (any day in it, or ``pekan depan``) is the whole week, and cannot be combined
    with ``start`` or ``end``. Otherwise ``start`` (else ``default_start``, else this week's
    Monday) to ``end`` (else ``default_end(first)``, else ``weeks`` whole weeks from the
    first night's Monday). A period typed for ``start`` begins on its first day, for ``end``
    ends on its last (``--from Nopember --to Desember``). ``toward`` says which day a phrase
    without a year or date means (``2/12``, ``Sabtu``): see ``Toward``.
    """
    if week and (start or end):
        raise BadInput("err.week_or_range")
    if week:
        return week_of(parse_week(week, today, toward))
    first = parse_span(start, today, toward)[0] if start else \
        default_start or week_of(today)[0]
    if end:
        last = parse_span(end, today, toward)[1]
    elif default_end is not None:
        last = default_end(first)
    else:
        last = week_of(first)[0] + timedelta(weeks=weeks, days=-1)
    check_range(first, last)
    return first, last


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment that has happened, as typed (see ``_parse_moment``), within the years ronda
    handles."""
    try:
        moment = _parse_moment(text, now)
    except (OverflowError, ValueError):  # e.g. -99999999d, or digits beyond int's limit
        raise BadInput("err.bad_moment", value=text.strip()[:40]) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise BadInput("err.bad_moment", value=text.strip()[:40])
    return moment


def _parse_moment(text: str, now: datetime, toward: Toward = "past") -> datetime:
    """A moment as typed, in the zone of ``now`` (aware), read in this order:

    ``now``/``sekarang``; how long ago: ``-2h``, ``30m``, ``2 jam lalu``, ``2 hours ago``;
    ISO ``2026-11-28T23:40`` (an offset is honoured); then a day of ``parse_span`` with a
    time: ``kemarin 23.15``, ``20/11 01.00``, ``Sabtu, 28/11/2026 pukul 23.40 WIB`` (what
    ronda prints), ``28 Nov 11.40pm``, ``tadi malam jam 2`` (Tuesday 02.00 when said on
    Tuesday: the early hours after last evening), ``malam Minggu 23.00``; or a time alone,
    ``23:40``, which is the latest such time not after now. Times: ``23.15``, ``23:15``,
    ``jam 11 malam``, ``11pm``, ``24.00``/``tengah malam``; ``2315`` only where it cannot be a
    year (``kemarin 2315``, ``pukul 2315``). ``WIB``/``WITA``/``WIT`` says the time's zone.
    ``toward`` picks among the days the words can mean, judged by the whole moment.
    A day without a time is refused, naming the day understood.
    """
    from ronda.dates.grammar import duration, iso_moment, read
    from ronda.dates.words import NOW_WORDS

    raw = " ".join(text.strip().lower().split())
    if raw in NOW_WORDS:
        return now.replace(second=0, microsecond=0)
    if (ago := duration(raw)) is not None:
        return (now - ago).replace(second=0, microsecond=0)
    if (moment := iso_moment(raw, now.tzinfo)) is not None:
        return moment
    return read(text, "err.bad_moment").moment(now, toward)


def parse_datetime(text: str, now: datetime) -> datetime:
    """A day with a time for an event to come: ``12/12/2026 19.30``, ISO, ``12 Desember
    2026 19:30``, ``besok 19.30``, ``Sabtu 19.30`` and ``2/12 19.30`` (the first not before
    now), ``malam Minggu jam 8``. A time with no day (``19.30``), ``now`` and ``-2h`` are
    refused."""
    from ronda.dates.grammar import duration, iso_moment, read
    from ronda.dates.words import NOW_WORDS

    raw = " ".join(text.strip().lower().split())
    if raw in NOW_WORDS or duration(raw) is not None:
        raise BadInput("err.bad_moment", value=text.strip()[:40])
    try:
        moment = iso_moment(raw, now.tzinfo)
        if moment is None:
            said = read(text, "err.bad_moment")
            if not said.names_a_day:
                raise said.bad()
            moment = said.moment(now, "next")
    except (OverflowError, ValueError):
        raise BadInput("err.bad_moment", value=text.strip()[:40]) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise BadInput("err.bad_moment", value=text.strip()[:40])
    return moment


def month_of(text: str | None, today: date) -> tuple[date, date]:
    """The first and last day of a month as typed: ``11/2026``, ``2026-11``,
    ``November 2026``, ``Nopember`` (the latest one), ``bulan lalu``; none: this month."""
    try:
        first, last = parse_span(text or "bulan ini", today, "past")
    except BadInput:
        raise BadInput("err.bad_month", value=(text or "").strip()[:40]) from None
    from dateutil.relativedelta import relativedelta

    if first.day != 1 or last != first + relativedelta(months=1, days=-1):
        raise BadInput("err.bad_month", value=(text or "").strip()[:40])
    return first, last
