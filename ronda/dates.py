"""Every date, time, weekday and time-zone rule of ronda, in one place.

Pure functions: the language and "today" are passed in, never read from the system locale.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
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
_ALL_DAYS = {"all", "semua", "every", "setiap", "daily", "tiap"}


def parse_day(text: str) -> str:
    """One weekday in English or Indonesian, long or short, to its key (``mon`` … ``sun``)."""
    key = DAY_ALIASES.get(text.strip().lower())
    if key is None:
        raise BadInput("err.bad_day", value=text.strip())
    return key


def parse_days(text: str) -> list[str]:
    """A list of weekdays such as ``mon,tue``, ``sen sel rab``, ``sen-jum`` or ``semua``."""
    spans = re.sub(r"\s*(?:-|–|\bs\.?d\.?(?![a-z])|\bsampai\b|\bto\b)\s*", "-",
                   text.strip().lower())  # sen - jum, senin s.d. jumat, mon to fri
    parts = [p for p in re.split(r"[,\s;/]+", spans) if p]
    if not parts:
        raise BadInput("err.bad_day", value=text)
    chosen: set[str] = set()
    for part in parts:
        if part in _ALL_DAYS:
            chosen.update(DAY_KEYS)
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

_RELATIVE_DAYS = {"today": 0, "hari ini": 0, "hariini": 0, "malam ini": 0, "tonight": 0,
                  "tomorrow": 1, "besok": 1, "lusa": 2, "yesterday": -1, "kemarin": -1,
                  "tadi malam": -1, "semalam": -1, "last night": -1}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TEXT_DATE = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})")


def _month_number(name: str) -> int | None:
    for table in (*MONTH_NAMES.values(), *MONTH_SHORT.values()):
        for i, month in enumerate(table):
            if name == month.lower():
                return i + 1
    return {"sept": 9, "agt": 8, "ags": 8, "agust": 8, "okt": 10, "des": 12, "nopember": 11,
            "nop": 11, "pebruari": 2, "peb": 2, "februari": 2, "pebr": 2}.get(name)


def parse_date(text: str, today: date) -> date:
    """A date as typed: ``2026-11-28``, ``28/11/2026``, ``28 November 2026``, ``besok``.

    ISO is read first so it is never day/month swapped; anything else is day-first.
    """
    raw = text.strip().lower()
    if raw in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[raw])
    parts: tuple[int, int, int] | None = None
    if m := _ISO.fullmatch(raw):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _DMY.fullmatch(raw):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif (m := _TEXT_DATE.fullmatch(raw)) and (month := _month_number(m[2])):
        parts = (int(m[3]), month, int(m[1]))
    if parts is None or not FIRST_YEAR <= parts[0] <= LAST_YEAR:
        raise BadInput("err.bad_date", value=text.strip()[:40])
    try:
        return date(*parts)
    except ValueError:
        raise BadInput("err.bad_date", value=text.strip()) from None


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


def resolve_period(today: date, *, week: str | None = None, start: str | None = None,
                   end: str | None = None, weeks: int = 1, default_start: date | None = None,
                   default_end: Callable[[date], date] | None = None) -> tuple[date, date]:
    """The period a command covers, decided one way for every command.

    ``week`` (any date in it) is the whole week, and cannot be combined with ``start`` or
    ``end``. Otherwise ``start`` (else ``default_start``, else this week's Monday) to ``end``
    (else ``default_end(first)``, else ``weeks`` whole weeks from the first night's Monday).
    """
    if week and (start or end):
        raise BadInput("err.week_or_range")
    if week:
        return week_of(parse_date(week, today))
    first = parse_date(start, today) if start else default_start or week_of(today)[0]
    if end:
        last = parse_date(end, today)
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


_RELATIVE = re.compile(r"([+-]?)\s*(\d+)\s*(m|min|menit|h|j|jam|d|hari)", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")
_DMY_TIME = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ ,T]+(\d{1,2})[:.](\d{2})")
_NOW = {"now", "sekarang", "skrg"}


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment as typed (see ``_parse_moment``), within the years ronda handles."""
    try:
        moment = _parse_moment(text, now)
    except (OverflowError, ValueError):  # e.g. -99999999d, or digits beyond int's limit
        raise BadInput("err.bad_moment", value=text.strip()[:40]) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise BadInput("err.bad_moment", value=text.strip()[:40])
    return moment


def _parse_moment(text: str, now: datetime) -> datetime:
    """A moment as typed, in the zone of ``now`` (aware): ISO, ``28/11/2026 23.40``, ``23:40``
    (tonight: the latest such time not after now), ``now``/``sekarang``, ``-2h``/``-30m``.

    Read strictly in that order; python-dateutil is the last resort, with an explicit default
    and ISO never day-first, so ``2026-03-04`` stays 4 March and ``19.30`` is a time.
    """
    raw = text.strip()
    low = raw.lower()
    tz = now.tzinfo
    if low in _NOW:
        return now.replace(second=0, microsecond=0)
    if m := _RELATIVE.fullmatch(low):
        if m[1] == "+":
            raise BadInput("err.bad_moment", value=raw)
        unit = m[3][0].lower()
        size = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "j": timedelta(hours=1),
                "d": timedelta(days=1)}[unit]
        return (now - int(m[2]) * size).replace(second=0, microsecond=0)
    if m := _CLOCK.fullmatch(low):
        clock = parse_time(raw)
        moment = datetime.combine(now.date(), clock, tz)
        return moment - timedelta(days=1) if moment > now else moment
    try:
        parsed = datetime.fromisoformat(raw)
        return parsed.astimezone(tz) if parsed.tzinfo else parsed.replace(tzinfo=tz)
    except ValueError:
        pass
    if m := _DMY_TIME.fullmatch(low):
        try:
            return datetime(int(m[3]), int(m[2]), int(m[1]), int(m[4]), int(m[5]), tzinfo=tz)
        except ValueError:
            raise BadInput("err.bad_moment", value=raw) from None
    if _ISO.match(low) or re.fullmatch(r"[\d.:/ -]+", low):
        raise BadInput("err.bad_moment", value=raw)  # numeric forms dateutil would misread
    from dateutil import parser as dateutil_parser

    try:
        parsed = dateutil_parser.parse(raw, dayfirst=True,
                                       default=now.replace(hour=0, minute=0, second=0,
                                                           microsecond=0, tzinfo=None))
    except (ValueError, OverflowError):
        raise BadInput("err.bad_moment", value=raw) from None
    return parsed.astimezone(tz) if parsed.tzinfo else parsed.replace(tzinfo=tz)


def format_moment(moment: datetime, zone_name: str, lang: str) -> str:
    """``Sabtu, 28/11/2026 pukul 23.40 WIB`` (``at 23:40`` in English)."""
    local = moment.astimezone(zone(zone_name))
    word = "pukul" if indonesian_formats(lang) else "at"
    return f"{format_date(local.date(), lang)} {word} {format_time(local.time(), lang)} " \
           f"{zone_label(zone_name)}"


def parse_datetime(text: str, timezone: str) -> datetime:
    """A date with a time for a future event: ``12/12/2026 19.30``, ISO, ``12 Desember 2026
    19:30``. The relative forms of ``parse_moment`` (tonight, now, -2h) are not accepted."""
    raw = text.strip().lower()
    if raw in _NOW or _RELATIVE.fullmatch(raw) or _CLOCK.fullmatch(raw) or \
            _TIME.fullmatch(raw):
        raise BadInput("err.bad_moment", value=text.strip())
    far = datetime(LAST_YEAR, 1, 1, tzinfo=zone(timezone))
    return parse_moment(text, far)


_THIS_MONTH = {"this month": 0, "bulan ini": 0, "last month": -1, "bulan lalu": -1}


def month_of(text: str | None, today: date) -> tuple[date, date]:
    """The first and last day of a month as typed: ``11/2026``, ``2026-11``,
    ``November 2026``, ``Nopember`` (this year), ``bulan lalu``; none: this month."""
    raw = " ".join((text or "this month").strip().lower().split())
    year, month = today.year, today.month
    if raw in _THIS_MONTH:
        month += _THIS_MONTH[raw]
        if month == 0:
            year, month = year - 1, 12
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{4})", raw):
        month, year = int(m[1]), int(m[2])
    elif m := re.fullmatch(r"(\d{4})-(\d{1,2})", raw):
        year, month = int(m[1]), int(m[2])
    elif (m := re.fullmatch(r"([a-z]+)\.?(?:\s+(\d{4}))?", raw)) and _month_number(m[1]):
        month, year = _month_number(m[1]) or 0, int(m[2]) if m[2] else today.year
    else:
        raise BadInput("err.bad_month", value=(text or "").strip()[:40])
    if not (1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR):
        raise BadInput("err.bad_month", value=(text or "").strip()[:40])
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)
