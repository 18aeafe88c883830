"""Every date, time, weekday and time-zone rule of ronda, in one package whose modules import
one way: ``names`` (days, months, zones) ← ``days`` (weekdays as typed) and ``nights``
(evenings, shifts, weeks) ← ``format`` (how ronda writes them) ← ``words`` ← ``grammar``
(how people write them) ← ``parse`` (what commands call). Pure functions: the language and
"today" are passed in, never read from the system locale. Everything is importable from
``ronda.dates`` itself.
"""

from __future__ import annotations

from ronda.dates.days import DAY_ALIASES, DAY_GROUPS, parse_day, parse_days
from ronda.dates.format import (
    ClockName,
    DayName,
    SpanName,
    WeekdayName,
    format_date,
    format_hours,
    format_moment,
    format_period,
    format_shift,
    format_time,
    night_name,
)
from ronda.dates.names import (
    DAY_KEYS,
    DAY_NAMES,
    DAY_SHORT,
    MONTH_NAMES,
    MONTH_SHORT,
    ZONE_ABBREVIATIONS,
    ZONE_BY_ABBREVIATION,
    day_key,
    indonesian_formats,
    parse_timezone,
    zone,
    zone_label,
)
from ronda.dates.nights import (
    DAY_CHANGE,
    FIRST_YEAR,
    LAST_YEAR,
    Toward,
    check_range,
    coming_week,
    evening_of,
    shift_window,
    week_of,
)
from ronda.dates.parse import (
    month_of,
    parse_date,
    parse_datetime,
    parse_moment,
    parse_span,
    parse_time,
    parse_week,
    resolve_period,
)

__all__ = [
    "DAY_ALIASES", "DAY_CHANGE", "DAY_GROUPS", "DAY_KEYS", "DAY_NAMES", "DAY_SHORT",
    "FIRST_YEAR", "LAST_YEAR", "MONTH_NAMES", "MONTH_SHORT", "ZONE_ABBREVIATIONS",
    "ZONE_BY_ABBREVIATION", "ClockName", "DayName", "SpanName", "Toward", "WeekdayName",
    "check_range", "coming_week", "day_key", "evening_of", "format_date", "format_hours",
    "format_moment", "format_period", "format_shift", "format_time", "indonesian_formats",
    "month_of", "night_name", "parse_date", "parse_datetime", "parse_day", "parse_days",
    "parse_moment", "parse_span", "parse_time", "parse_timezone", "parse_week",
    "resolve_period", "shift_window", "week_of", "zone", "zone_label",
]
