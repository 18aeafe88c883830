"""Dates, times, nights, shifts and periods as ronda writes them in each language
(``Sabtu, 28/11/2026``, ``22.00–04.00 WIB``, ``Malam Minggu``), and the names an error
gives a day, a weekday, a time or a period it understood."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from ronda.dates.names import (
    DAY_NAMES,
    DAY_SHORT,
    MONTH_NAMES,
    indonesian_formats,
    zone,
    zone_label,
)
from ronda.dates.nights import DAY_CHANGE


def format_time(t: time, lang: str) -> str:
    """``22.00`` in Indonesian, ``22:00`` in English."""
    sep = "." if indonesian_formats(lang) else ":"
    return f"{t.hour:02d}{sep}{t.minute:02d}"


def format_hours(start: time, end: time, zone_name: str, lang: str) -> str:
    """``22.00–04.00 WIB``."""
    return f"{format_time(start, lang)}–{format_time(end, lang)} {zone_label(zone_name)}"


def format_date(d: date, lang: str, *, weekday: bool = True, long: bool = False) -> str:
    """``Sabtu, 28/11/2026``; long form ``Sabtu, 28 November 2026``."""
    body = (f"{d.day} {MONTH_NAMES[lang][d.month - 1]} {d.year}" if long
            else f"{d.day:02d}/{d.month:02d}/{d.year}")
    return f"{DAY_NAMES[lang][d.weekday()]}, {body}" if weekday else body


def night_name(evening: date, lang: str) -> str:
    """The night's common name: ``Malam Minggu`` (the evening before Sunday), ``Saturday night``."""
    if indonesian_formats(lang):
        return f"Malam {DAY_NAMES['id'][(evening.weekday() + 1) % 7]}"
    return f"{DAY_NAMES['en'][evening.weekday()]} night"


def format_shift(evening: date, start: time, end: time, lang: str, *, night: bool = True,
                 hours: bool = True, year: bool = False, zone_name: str | None = None) -> str:
    """How every message, slip and calendar names a shift: its night, its hours and, when it
    starts after midnight, the date of that morning too (it belongs to the evening before):
    ``Senin malam 01/03 (malam Selasa) · 01.00–04.00 (Selasa dini hari 02/03)``,
    ``Mon night 01/03 · 01:00–04:00 (Tue 02/03)``; a shift that starts in the evening is
    named by its evening alone: ``Mon night 01/03 · 22:00–04:00``.

    ``night=False`` leaves the night out (a line under a night already named); ``hours=False``
    leaves out the hours of a shift that starts in the evening (a night of one shift);
    ``year`` writes the dates with their year; ``zone_name`` puts its zone after the hours.
    """
    morning = evening + timedelta(days=1)
    after_midnight = start < DAY_CHANGE

    def day_month(d: date) -> str:
        return format_date(d, lang, weekday=False) if year else f"{d.day:02d}/{d.month:02d}"

    parts = []
    if night:
        if indonesian_formats(lang):
            parts.append(f"{DAY_NAMES[lang][evening.weekday()]} malam {day_month(evening)} "
                         f"(malam {DAY_NAMES[lang][morning.weekday()]})")
        else:
            parts.append(f"{DAY_SHORT[lang][evening.weekday()]} night {day_month(evening)}")
    if hours or after_midnight or not night:
        text = f"{format_time(start, lang)}–{format_time(end, lang)}"
        if zone_name:
            text += f" {zone_label(zone_name)}"
        if after_midnight:
            text += (f" ({DAY_NAMES[lang][morning.weekday()]} dini hari {day_month(morning)})"
                     if indonesian_formats(lang)
                     else f" ({DAY_SHORT[lang][morning.weekday()]} {day_month(morning)})")
        parts.append(text)
    return " · ".join(parts)


def format_period(first: date, last: date, lang: str) -> str:
    """``23–29 November 2026`` (or across months and years)."""
    months = MONTH_NAMES[lang]
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
    if first.year == last.year:
        return (f"{first.day} {months[first.month - 1]} – {last.day} {months[last.month - 1]} "
                f"{last.year}")
    return (f"{format_date(first, lang, weekday=False, long=True)} – "
            f"{format_date(last, lang, weekday=False, long=True)}")


# what a typed day or time was understood as, for the messages that refuse it

class DayName(NamedTuple):
    """A day as an error names it: ``Sabtu, 28/11/2026``."""

    day: date

    def localise(self, lang: str) -> str:
        return format_date(self.day, lang)


class WeekdayName(NamedTuple):
    """A weekday: ``Sabtu``, ``Saturday``."""

    index: int

    def localise(self, lang: str) -> str:
        return DAY_NAMES[lang][self.index]


class ClockName(NamedTuple):
    """A time of day: ``23.15``, ``23:15``."""

    clock: time

    def localise(self, lang: str) -> str:
        return format_time(self.clock, lang)


class SpanName(NamedTuple):
    """A period: ``November 2026``, ``23–29 November 2026``."""

    first: date
    last: date

    def localise(self, lang: str) -> str:
        if self.first.day == 1 and (self.last + timedelta(days=1)).day == 1 and \
                self.first.month == self.last.month:
            return f"{MONTH_NAMES[lang][self.first.month - 1]} {self.first.year}"
        return format_period(self.first, self.last, lang)


def format_moment(moment: datetime, zone_name: str, lang: str, *,
                  weekday: bool = True) -> str:
    """``Sabtu, 28/11/2026 pukul 23.40 WIB`` (``at 23:40`` in English); without the
    ``weekday``: ``28/11/2026 pukul 23.40 WIB``."""
    local = moment.astimezone(zone(zone_name))
    word = "pukul" if indonesian_formats(lang) else "at"
    return f"{format_date(local.date(), lang, weekday=weekday)} {word} " \
           f"{format_time(local.time(), lang)} {zone_label(zone_name)}"
