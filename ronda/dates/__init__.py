"""Every date, time, weekday and time-zone rule of ronda, in one place.

Pure functions: the language and "today" are passed in, never read from the system locale.
What people type for a day, a period or a moment (``parse_date``, ``parse_span``,
``parse_week``, ``parse_moment``, ``parse_datetime``, ``resolve_period``) is read by the
grammar in ``ronda.dates.grammar`` with the words of ``ronda.dates.words``; commands call the
functions here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ronda.errors import BadInput
from ronda.i18n import formats

DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _ByFormats(dict[str, tuple[str, ...]]):
    """Names for ``en`` and ``id``; another language takes those of the formats it follows
    (``formats`` in its language file)."""

    def __missing__(self, lang: str) -> tuple[str, ...]:
        return self[formats(lang)]


def indonesian_formats(lang: str) -> bool:
    """Whether ``lang`` writes times, nights and moments the Indonesian way (22.00, Malam
    Minggu, pukul): Indonesian, and any language whose file says ``formats = "id"``."""
    return formats(lang) == "id"


DAY_NAMES: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
})
DAY_SHORT: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
})
MONTH_NAMES: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
})
MONTH_SHORT: dict[str, tuple[str, ...]] = _ByFormats({
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
})

# Indonesian zone abbreviations; Asia/Pontianak is WIB too.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
ZONE_BY_ABBREVIATION: dict[str, str] = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar",
                                        "WIT": "Asia/Jayapura"}

# Moments before this hour belong to the previous evening's shift.
DAY_CHANGE = time(12, 0)


def _day_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for names in (*DAY_NAMES.values(), *DAY_SHORT.values()):
        for key, name in zip(DAY_KEYS, names, strict=True):
            aliases[name.lower()] = key
    aliases.update({"jumat": "fri", "jum'at": "fri", "ahad": "sun", "tues": "tue",
                    "thur": "thu", "thurs": "thu", "kam": "thu"})
    return aliases


DAY_ALIASES = _day_aliases()
# words for several days at once, in both languages
DAY_GROUPS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("all", "semua", "every", "setiap", "daily", "tiap", "setiap hari",
                     "tiap hari", "semua hari", "every day", "everyday", "all days"), DAY_KEYS),
    **dict.fromkeys(("hari kerja", "weekdays", "weekday", "working days"), DAY_KEYS[:5]),
    # the weekend's days as named, Saturday and Sunday (the evening before Saturday is
    # written ``malam Sabtu``, ``Jumat malam``)
    **dict.fromkeys(("weekend", "week end", "akhir pekan", "akhir minggu"), DAY_KEYS[5:]),
}
_GROUP_PHRASE = re.compile(r"\b(" + "|".join(sorted((g for g in DAY_GROUPS if " " in g),
                                                     key=len, reverse=True)) + r")\b")
_RANGE = re.compile(r"\s*(?:-|–|—|\bs\.?d\.?(?![a-z])|\bsampai\b|\bhingga\b|\bto\b|"
                    r"\bthrough\b|\bthru\b)\s*")  # sen - jum, senin s.d. jumat, mon to fri
_LIST = re.compile(r"[,\s;/&+]+|\bdan\b|\band\b")


def parse_day(text: str) -> str:
    """One weekday in English or Indonesian, long or short, to its key (``mon`` … ``sun``)."""
    key = DAY_ALIASES.get(text.strip().lower().rstrip("."))
    if key is None:
        raise BadInput("err.bad_day", value=text.strip())
    return key


def _evening_before(m: re.Match[str]) -> str:
    key = DAY_ALIASES.get(m[1])
    return DAY_KEYS[DAY_KEYS.index(key) - 1] if key else m[0]


def parse_days(text: str) -> list[str]:
    """The weekdays a volunteer can serve, as typed: ``mon,tue``, ``sen sel rab``, ``senin dan
    kamis``, ``sen-jum``, ``Sen–Jum``, ``senin s.d. jumat``, ``hari kerja``/``weekdays``,
    ``semua``/``setiap hari``, ``weekend``/``akhir pekan`` (Saturday and Sunday), ``hari
    Minggu``. A day is an evening's date, so
    ``malam Minggu`` is ``sab`` (``Sabtu malam`` too)."""
    raw = " ".join(text.strip().lower().replace("’", "'").split())
    raw = _GROUP_PHRASE.sub(lambda m: m[1].replace(" ", "_"), raw)
    raw = re.sub(r"\bhari\b(?!_)", " ", raw)  # hari Minggu, Hari Sabtu dan Minggu
    raw = re.sub(r"\bmalam\s+([a-z']+)", _evening_before, raw)
    raw = re.sub(r"\b([a-z']+)\s+malam\b", r"\1", raw)
    parts = [p for p in _LIST.split(_RANGE.sub("-", raw)) if p]
    if not parts:
        raise BadInput("err.bad_day", value=text)
    chosen: set[str] = set()
    for part in parts:
        group = DAY_GROUPS.get(part.replace("_", " "))
        if group:
            chosen.update(group)
        elif "-" in part and part not in DAY_ALIASES:
            first, _, last = part.partition("-")
            i, j = DAY_KEYS.index(parse_day(first)), DAY_KEYS.index(parse_day(last))
            span = range(i, j + 1) if i <= j else [*range(i, 7), *range(0, j + 1)]
            chosen.update(DAY_KEYS[k] for k in span)
        else:
            chosen.add(parse_day(part))
    return [d for d in DAY_KEYS if d in chosen]


def day_key(d: date) -> str:
    """The weekday key of a date."""
    return DAY_KEYS[d.weekday()]


# dates ronda plans and records: far enough either way for any real use, and far from the
# ends of the calendar, where date arithmetic overflows
FIRST_YEAR, LAST_YEAR = 1900, 2999

Toward = Literal["past", "next", "near"]
"""Which of the days a phrase can mean (``Sabtu``, ``2/12``, ``malam Minggu``) is meant: the
latest not in the future (``past``: what happened), the first not before today (``next``: what
is planned), or for what is looked at (``near``) a weekday of this week and otherwise the
closest. See ``ronda.dates.grammar``."""


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
    from ronda.dates.grammar import read

    said = read(text)
    if said.clock is not None or said.zone is not None:
        raise said.bad()  # a time where a day is asked for
    return said.spans(today, toward)


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


def parse_timezone(text: str) -> str:
    """``WIB``/``WITA``/``WIT`` or an IANA name to the IANA name."""
    raw = text.strip()
    if raw.upper() in ZONE_BY_ABBREVIATION:
        return ZONE_BY_ABBREVIATION[raw.upper()]
    if "/" in raw or raw == "UTC":
        zone(raw)
        return raw
    raise BadInput("err.bad_timezone", value=raw)


def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for a stored IANA name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise BadInput("err.bad_timezone", value=name) from None


def zone_label(name: str) -> str:
    """``WIB`` for Asia/Jakarta; the IANA name elsewhere."""
    return ZONE_ABBREVIATIONS.get(name, name)


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


def format_moment(moment: datetime, zone_name: str, lang: str, *,
                  weekday: bool = True) -> str:
    """``Sabtu, 28/11/2026 pukul 23.40 WIB`` (``at 23:40`` in English); without the
    ``weekday``: ``28/11/2026 pukul 23.40 WIB``."""
    local = moment.astimezone(zone(zone_name))
    word = "pukul" if indonesian_formats(lang) else "at"
    return f"{format_date(local.date(), lang, weekday=weekday)} {word} " \
           f"{format_time(local.time(), lang)} {zone_label(zone_name)}"


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
