"""How coordinators write a day, an evening, a period or a time, in Bahasa Indonesia and English:
the grammar behind ``ronda.dates.parse`` (``parse_date``, ``parse_span``, ``parse_moment``,
``parse_datetime``); its words are in ``ronda.dates.words``. Pure: today and now are passed
in.

(Over 500 lines on purpose: it is one grammar, the phrase reader and the placing of what
it read on a calendar share the ``Said`` and ``Anchor`` records, and its words are apart in
``words.py``; split further, one rule of reading would be spread over modules.)

A phrase is read in two steps. ``read`` turns the words into a ``Said`` (the day, evening or
period they name, the clock time, the zone) without looking at a calendar; ``Said.spans``
and ``Said.moment`` then place it for a given today, one way for every command (``Toward``):

- ``past`` (what happened: an incident, attendance, "since"): of the days the words can mean
  (a weekday, a date without its year, ``malam Minggu``), the latest not in the future; for a
  moment, the latest whose moment is not after now.
- ``next`` (what is planned: a build, a holiday, an away period, an event): the first on or
  after today; for a moment, the first not before now.
- ``near`` (what is looked at: a week of the schedule): a weekday of this week (Monday to
  Sunday); a date without its year or a month, the closest to today, a tie going forward.

An evening word (``malam Minggu``, ``Sabtu malam``, ``tadi malam``, ``malam ini``) names the
evening's date; a time before noon with it is in the early hours after that evening
(``tadi malam 02.00`` said on Tuesday morning is Tuesday 02.00, the end of Monday's night),
and 6 to 12 are read as the evening's hours (``Sabtu malam jam 11`` is 23.00).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ronda.dates.days import DAY_ALIASES
from ronda.dates.format import ClockName, DayName, SpanName, WeekdayName
from ronda.dates.names import DAY_KEYS, ZONE_BY_ABBREVIATION, zone
from ronda.dates.nights import DAY_CHANGE, FIRST_YEAR, LAST_YEAR, Toward, week_of
from ronda.dates.words import (
    AFTER_WEEKDAY,
    BEFORE_WEEKDAY,
    DAY_OF_MONTH_WORDS,
    EVENING,
    FILLER,
    HOUR_WORDS,
    MIDNIGHT,
    MONTHS,
    MONTHS_AWAY,
    NOON,
    PHRASES,
    QUALIFIERS,
    RELATIVE_DAYS,
    RELATIVE_EVENINGS,
    WEEKS,
)
from ronda.errors import BadInput

_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[t ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?"
                         r"(z|[+-]\d{2}:?\d{2})?")
_DURATION = re.compile(
    r"(?P<sign>[+-]?)\s*(?P<n>\d+)\s*(?P<unit>m|mnt|min|mins|minute|minutes|menit|h|hr|hrs|hour|"
    r"hours|j|jam|d|day|days|hari)(?P<ago>\s+(?:yang\s+)?lalu|\s+ago)?")
_UNITS = {**dict.fromkeys(("m", "mnt", "min", "mins", "minute", "minutes", "menit"),
                         timedelta(minutes=1)),
          **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "j", "jam"), timedelta(hours=1)),
          **dict.fromkeys(("d", "day", "days", "hari"), timedelta(days=1))}
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_DM = re.compile(r"(\d{1,2})[/-](\d{1,2})")
_MY = re.compile(r"(\d{1,2})[/.-](\d{4})|(\d{4})-(\d{1,2})")  # a month: 11/2026, 2026-11
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")
_NUMBER = re.compile(r"\d{1,2}")
_HHMM = re.compile(r"\d{4}")
# a word glued to a number: 23.15wib, 11pm, 28th
_GLUED = re.compile(r"(?<![\d.:/-])(?:(\d{1,2}(?:[:.]\d{2})?)(wib|wita|wit|am|pm)"
                    r"|(\d{1,2})(?:st|nd|rd|th))\b")


# --- what the words said ---------------------------------------------------------------------

@dataclass(frozen=True)
class Anchor:
    """One way the words name a day or a period: ``kind`` and its figures.

    ``date`` (y, m, d), ``offset`` (days from today), ``yearless`` (d, m), ``day_of_month``
    (d), ``weekday`` (index, modifier ``""``/``this``/``next``/``last``), ``week`` (weeks from
    this one), ``month`` (m, year or 0), ``months_away`` (months from this one).
    """

    kind: str
    figures: tuple[int | str, ...]
    evening: bool = False

    @property
    def is_period(self) -> bool:
        return self.kind in ("week", "month", "months_away")


@dataclass
class Said:
    """What a phrase says, before it is placed on the calendar."""

    text: str
    key: str = "err.bad_date"  # the error for words that cannot be read: a date or a moment
    anchors: list[Anchor] = field(default_factory=list)
    weekday: int | None = None  # a plain weekday: the day, or a check on the other words
    weekday_evening: bool = False
    clock: time | None = None
    midnight: bool = False  # 24.00, tengah malam: the end of the day named
    qualifier: str | None = None
    zone: str | None = None

    @property
    def evening(self) -> bool:
        return self.weekday_evening or any(a.evening for a in self.anchors)

    @property
    def names_a_day(self) -> bool:
        return bool(self.anchors) or self.weekday is not None

    def bad(self) -> BadInput:
        return BadInput(self.key, value=self.text[:40])

    # placing it ---------------------------------------------------------------------------
    def spans(self, today: date, toward: Toward,
              when: Callable[[date], datetime] | None = None,
              now: datetime | None = None) -> tuple[date, date]:
        """The day (first == last) or period the words name, seen from ``today``."""
        anchors = list(self.anchors)
        if not anchors and self.weekday is not None:
            anchors.append(Anchor("weekday", (self.weekday, ""), self.weekday_evening))
            check = None
        else:
            check = self.weekday
        found = []
        for anchor in anchors:
            options = _candidates(anchor, today, self)
            if check is not None and anchor.kind == "week":  # Sabtu pekan depan
                options = [(o[0] + timedelta(days=check),) * 2 for o in options]
            elif check is not None:  # Jumat 27/11: the year in which 27/11 is a Friday
                options = [o for o in options if o[0].weekday() == check] or options
            if toward == "near" and anchor.kind == "weekday":  # a weekday of this week
                options = [o for o in options if week_of(o[0]) == week_of(today)] or options
            found.append(_choose(options, today, toward, when, now))
        if not found:
            raise self.bad()
        for other in found[1:]:
            if other != found[0]:
                raise BadInput("err.dates_disagree", value=self.text[:40],
                               first=DayName(found[0][0]), second=DayName(other[0]))
        first, last = found[0]
        if check is not None and (first != last or first.weekday() != check):
            raise BadInput("err.not_that_weekday", value=self.text[:40], day=DayName(first),
                           weekday=WeekdayName(check))
        if not (first.year >= FIRST_YEAR and last.year <= LAST_YEAR):
            raise self.bad()
        return first, last

    def clock_of_day(self) -> tuple[time, int]:
        """The clock time, and how many days after the named day it falls (an evening's early
        hours, 24.00)."""
        if self.clock is None:
            raise self.bad()
        hour, minute = self.clock.hour, self.clock.minute
        if self.qualifier:
            ranges = QUALIFIERS[self.qualifier]
            options = (hour,) if hour > 12 or self.midnight else (hour % 12, hour % 12 + 12)
            fitting = [h for h in options if any(h in r for r in ranges)]
            if not fitting:
                raise self.bad()
            hour = fitting[0]
        elif self.evening and 6 <= hour <= 12 and not self.midnight:
            hour = 0 if hour == 12 else hour + 12  # Sabtu malam jam 11: 23.00
        clock = time(hour, minute)
        if self.evening:
            return clock, 1 if clock < DAY_CHANGE else 0
        return clock, 1 if self.midnight else 0

    def moment(self, now: datetime, toward: Toward) -> datetime:
        """The moment, in the zone of ``now``."""
        tz = zone(self.zone) if self.zone else now.tzinfo
        if self.clock is None:
            if not self.names_a_day:
                raise self.bad()
            first, last = self.spans(now.astimezone(tz).date(), toward)
            if first != last:
                raise BadInput("err.date_is_period", value=self.text[:40],
                               period=SpanName(first, last))
            raise BadInput("err.moment_needs_time", value=self.text[:40],  # kemarin: when?
                           day=DayName(first))
        clock, later = self.clock_of_day()

        def when(day: date) -> datetime:
            return datetime.combine(day + timedelta(days=later), clock, tz)

        today = now.astimezone(tz).date()
        if self.names_a_day:
            first, last = self.spans(today, toward, when, now)
            if first != last:
                raise BadInput("err.date_is_period", value=self.text[:40],
                               period=SpanName(first, last))
            return when(first).astimezone(now.tzinfo)
        days = [today + timedelta(days=k) for k in (-2, -1, 0, 1)]
        return when(_choose([(d, d) for d in days], today, toward, when, now)[0]
                    ).astimezone(now.tzinfo)


def _candidates(anchor: Anchor, today: date, said: Said) -> list[tuple[date, date]]:
    """The days (or periods) an anchor can mean near ``today``, earliest first."""
    kind, f, text = anchor.kind, anchor.figures, said.text
    if kind == "date":
        return [_day(said, int(f[0]), int(f[1]), int(f[2]))]
    if kind == "offset":
        day = today + timedelta(days=int(f[0]))
        return [(day, day)]
    if kind == "weekday":
        index, modifier = int(f[0]), str(f[1])
        ahead = (index - today.weekday()) % 7
        if modifier == "this":
            return [(today + timedelta(days=ahead),) * 2]  # the coming one, today included
        if modifier == "last":
            day = today - timedelta(days=(today.weekday() - index) % 7 or 7)
            return [(day, day)]
        if modifier == "next":
            soon = today + timedelta(days=ahead or 7)
            # on a Thursday, "Sabtu depan": in two days, or in nine? Once the day named is in
            # next week (Senin depan, any day; on a Sunday, any weekday) both readings agree;
            # malam Senin names Monday
            named = soon + timedelta(days=1 if anchor.evening else 0)
            if ahead and named <= today + timedelta(days=6 - today.weekday()):
                raise BadInput("err.which_day", value=text[:40], first=DayName(soon),
                               second=DayName(soon + timedelta(days=7)))
            return [(soon, soon)]
        days = [today + timedelta(days=k) for k in range(-14, 15)
                if (today.weekday() + k) % 7 == index]
        return [(d, d) for d in days]
    if kind == "yearless":  # within a year either way; 29/2 of another year needs its year
        day, month = int(f[0]), int(f[1])
        found = [(d, d) for y in range(today.year - 1, today.year + 2)
                 if (d := _valid(y, month, day))]
        if found:
            return found
        if _valid(2028, month, day):  # a real day, in leap years only
            raise BadInput("err.date_needs_year", value=said.text[:40])
        raise said.bad()
    if kind == "day_of_month":
        found = []
        for k in range(-3, 4):
            month = _months_from(today, k)
            if d := _valid(month.year, month.month, int(f[0])):
                found.append((d, d))
        if not found:  # tanggal 32
            raise said.bad()
        return found
    if kind == "week":
        monday = week_of(today)[0] + timedelta(weeks=int(f[0]))
        return [(monday, monday + timedelta(days=6))]
    if kind == "month":
        month, year = int(f[0]), int(f[1])
        years = [year] if year else [today.year - 1, today.year, today.year + 1]
        return [_month(y, month) for y in years]
    if kind == "months_away":
        month = _months_from(today, int(f[0]))
        return [_month(month.year, month.month)]
    raise AssertionError(kind)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(said: Said, year: int, month: int, day: int) -> tuple[date, date]:
    found = _valid(year, month, day)
    if found is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise said.bad()
    return found, found


def _months_from(today: date, k: int) -> date:
    """The first day of the month ``k`` months from today's (calendar arithmetic from
    python-dateutil)."""
    from dateutil.relativedelta import relativedelta

    return today.replace(day=1) + relativedelta(months=k)


def _month(year: int, month: int) -> tuple[date, date]:
    from dateutil.relativedelta import relativedelta

    first = date(year, month, 1)
    return first, first + relativedelta(months=1, days=-1)


def _choose(candidates: list[tuple[date, date]], today: date, toward: Toward,
            when: Callable[[date], datetime] | None, now: datetime | None
            ) -> tuple[date, date]:
    """One of the days (periods) the words can mean: see the module's docstring."""
    if len(candidates) == 1:
        return candidates[0]

    def not_future(c: tuple[date, date]) -> bool:
        return when(c[0]) <= now if when and now else c[0] <= today

    def not_past(c: tuple[date, date]) -> bool:
        return when(c[0]) >= now if when and now else c[1] >= today

    if toward == "past":
        fitting = [c for c in candidates if not_future(c)]
        return fitting[-1] if fitting else candidates[0]
    if toward == "next":
        fitting = [c for c in candidates if not_past(c)]
        return fitting[0] if fitting else candidates[-1]

    def distance(c: tuple[date, date]) -> tuple[int, int]:
        if c[0] <= today <= c[1]:
            return 0, 0
        gap = (c[0] - today).days if c[0] > today else (today - c[1]).days
        return gap, 0 if c[0] > today else 1

    return min(candidates, key=distance)


# --- reading the words -----------------------------------------------------------------------

def _tokens(text: str) -> list[str]:
    raw = text.strip().lower().replace("’", "'").replace("jum'at", "jumat")
    # a date in figures (2027-06-09, 9/6) has no word to join or to part from its number:
    # the patterns below, some twenty compiled on first use, are for words
    words = any(ch.isalpha() for ch in raw)
    if words:
        raw = re.sub(r"\bp\.\s?m\.?", "pm", re.sub(r"\ba\.\s?m\.?", "am", raw))
        raw = re.sub(r"\b(pkl|tgl|pk|jan|feb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|"
                     r"nov|nop|des|dec|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)\.",
                     r"\1 ", raw)
    raw = " ".join(raw.replace(",", " ").replace(";", " ").replace("·", " ").split())
    if words:
        for pattern, joined in PHRASES:
            raw = re.sub(rf"(?<![\w']){pattern}(?![\w'])", joined, raw)
        raw = _GLUED.sub(lambda m: f"{m[1]} {m[2]}" if m[1] else m[3], raw)
    return raw.split()


def read(text: str, key: str = "err.bad_date") -> Said:
    """What ``text`` says (see the module's docstring); ``BadInput`` ``key`` for a word it
    cannot read, another error for a phrase it can read two ways."""
    said = Said(text.strip(), key)
    tokens = _tokens(text)
    if not tokens:
        raise said.bad()
    _Reader(said, tokens).run()
    return said


class _Reader:
    """One left-to-right pass over the tokens of a phrase, filling in a ``Said``."""

    def __init__(self, said: Said, tokens: list[str]) -> None:
        self.said, self.tokens, self.i = said, tokens, 0
        self.hour_next = False  # after pukul / jam / at
        self.day_next = False  # after tanggal / tgl
        self.modifier = ""  # "last" of last Saturday, until the weekday
        # a day named anywhere in the phrase: then 2315 is a time, not a year
        self.day_words = any(t in RELATIVE_DAYS or t in RELATIVE_EVENINGS or t in DAY_ALIASES
                             or _ISO.fullmatch(t) or _DMY.fullmatch(t) for t in tokens)

    def bad(self) -> BadInput:
        return self.said.bad()

    def peek(self, k: int = 1) -> str:
        j = self.i + k
        return self.tokens[j] if 0 <= j < len(self.tokens) else ""

    def run(self) -> None:
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            hour_next, day_next = self.hour_next, self.day_next
            self.hour_next = self.day_next = False
            self.step(token, hour_next, day_next)
            self.i += 1
        if self.modifier:
            raise self.bad()

    def step(self, token: str, hour_next: bool, day_next: bool) -> None:
        if token in FILLER:
            self.hour_next = token in HOUR_WORDS
            self.day_next = token in DAY_OF_MONTH_WORDS
        elif token.upper() in ZONE_BY_ABBREVIATION:
            self.set("zone", ZONE_BY_ABBREVIATION[token.upper()])
        elif token in QUALIFIERS and token != "malam":
            self.set("qualifier", token)
        elif token in MIDNIGHT or token in NOON:
            self.set_clock(time(0) if token in MIDNIGHT else time(12), token in MIDNIGHT)
        elif token in RELATIVE_DAYS:
            self.anchor(Anchor("offset", (RELATIVE_DAYS[token],)))
        elif token in RELATIVE_EVENINGS:
            self.anchor(Anchor("offset", (RELATIVE_EVENINGS[token],), evening=True))
        elif token in WEEKS:
            self.anchor(Anchor("week", (WEEKS[token],)))
        elif token in MONTHS_AWAY:
            self.anchor(Anchor("months_away", (MONTHS_AWAY[token],)))
        elif token in BEFORE_WEEKDAY and self.peek() in DAY_ALIASES:
            self.modifier = BEFORE_WEEKDAY[token]
        elif token in EVENING:
            self.evening(token)
        elif token in DAY_ALIASES:
            self.weekday(_index(token), evening=False)
        elif token in MONTHS:
            self.month(MONTHS[token], day=None)
        else:
            self.number(token, hour_next, day_next)

    def set(self, name: str, value: str) -> None:
        if getattr(self.said, name) not in (None, value):
            raise self.bad()
        setattr(self.said, name, value)

    def set_clock(self, clock: time, midnight: bool = False) -> None:
        if self.said.clock is not None:
            raise self.bad()
        self.said.clock, self.said.midnight = clock, midnight

    def anchor(self, anchor: Anchor) -> None:
        self.said.anchors.append(anchor)

    def evening(self, token: str) -> None:
        """malam Minggu (the evening before), Sabtu malam / 28/11 malam (that evening), jam 11
        malam (a part of the day)."""
        said, after, before = self.said, self.peek(), self.peek(-1)
        if token == "malam" and after in DAY_ALIASES:
            self.i += 1
            self.weekday((_index(after) - 1) % 7, evening=True)
        elif token == "malam" and (_CLOCK.fullmatch(before) or _NUMBER.fullmatch(before)) \
                and said.clock is not None:
            self.set("qualifier", "malam")
        elif said.anchors and before not in FILLER and not said.anchors[-1].is_period:
            last = said.anchors.pop()
            said.anchors.append(Anchor(last.kind, last.figures, evening=True))
        elif said.weekday is not None and not said.anchors and before in DAY_ALIASES:
            said.weekday_evening = True
        elif token == "malam" and (_DM.fullmatch(after) or _DMY.fullmatch(after)
                                   or _NUMBER.fullmatch(after) or after in MONTHS):
            raise BadInput("err.which_evening", value=said.text[:40])
        else:
            raise self.bad()

    def weekday(self, index: int, *, evening: bool) -> None:
        said, after = self.said, self.peek()
        modifier, self.modifier = self.modifier, ""
        if after in AFTER_WEEKDAY and not modifier:  # hari Minggu depan: a Sunday
            modifier = AFTER_WEEKDAY[after]
            self.i += 1
        if modifier:
            self.anchor(Anchor("weekday", (index, modifier), evening))
        elif said.weekday is not None and said.weekday != index:
            raise self.bad()
        else:
            said.weekday = index
            said.weekday_evening = said.weekday_evening or evening

    def month(self, month: int, day: int | None) -> None:
        """28 Nov, Nov 28, 28 November 2026, November 2026, Nopember."""
        after = self.peek()
        if day is None and _NUMBER.fullmatch(after):
            day = int(after)  # Nov 28: a number after the month is its day
            self.i += 1
            after = self.peek()
        year = 0
        if _HHMM.fullmatch(after):
            year = int(after)  # 28 Nov 2026: four figures after a day without a year
            self.i += 1
        if day is None:
            self.anchor(Anchor("month", (month, year)))
        elif year:
            self.anchor(Anchor("date", (year, month, day)))
        else:
            self.anchor(Anchor("yearless", (day, month)))

    def number(self, token: str, hour_next: bool, day_next: bool) -> None:
        """Dates, times and the numbers around them; which a bare number is depends on its
        neighbours (28 Nov, jam 11, tanggal 28, 3 hari lalu)."""
        said = self.said
        if m := _ISO.fullmatch(token):
            self.anchor(Anchor("date", (int(m[1]), int(m[2]), int(m[3]))))
        elif m := _DMY.fullmatch(token):
            year = int(m[4]) + (2000 if len(m[4]) == 2 else 0)
            self.anchor(Anchor("date", (year, int(m[3]), int(m[1]))))
        elif m := _MY.fullmatch(token):
            month, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
            if not 1 <= month <= 12:
                raise self.bad()
            self.anchor(Anchor("month", (month, year)))
        elif m := _DM.fullmatch(token):
            if _HHMM.fullmatch(self.peek()):  # 2/12 2026
                self.i += 1
                self.anchor(Anchor("date", (int(self.tokens[self.i]), int(m[2]), int(m[1]))))
            else:
                self.anchor(Anchor("yearless", (int(m[1]), int(m[2]))))
        elif m := _CLOCK.fullmatch(token):
            self.clock(int(m[1]), int(m[2]))
        elif _HHMM.fullmatch(token):
            # 2315: a time only where no year can be meant
            if not (hour_next or self.peek().upper() in ZONE_BY_ABBREVIATION or
                    said.names_a_day or self.day_words):
                if said.key == "err.bad_moment" and int(token[:2]) < 24 and \
                        int(token[2:]) < 60:
                    raise BadInput("err.year_or_time", value=said.text[:40],
                                   clock=ClockName(time(int(token[:2]), int(token[2:]))))
                raise self.bad()
            self.clock(int(token[:2]), int(token[2:]))
        elif _NUMBER.fullmatch(token):
            after = self.peek()
            if after in MONTHS:
                self.i += 1
                self.month(MONTHS[after], day=int(token))
            elif day_next:
                self.anchor(Anchor("day_of_month", (int(token),)))
            elif after in ("hari", "day", "days") and self.peek(2) in ("lalu", "lagi", "ago"):
                self.i += 2  # 3 hari lalu, 2 days ago, 3 hari lagi
                sign = 1 if self.tokens[self.i] == "lagi" else -1
                self.anchor(Anchor("offset", (sign * int(token),)))
            elif hour_next or after in QUALIFIERS or after in EVENING:
                self.clock(int(token), 0)
            else:
                raise self.bad()
        else:
            raise self.bad()

    def clock(self, hour: int, minute: int) -> None:
        if hour == 24 and minute == 0:
            self.set_clock(time(0), midnight=True)
        elif hour > 23 or minute > 59:
            raise self.bad()
        else:
            self.set_clock(time(hour, minute))


def _index(word: str) -> int:
    return DAY_KEYS.index(DAY_ALIASES[word])


# --- moments said relative to now ------------------------------------------------------------

def duration(text: str) -> timedelta | None:
    """``-2h``, ``30m``, ``2 jam lalu``, ``30 menit yang lalu``, ``2 hours ago``: how long ago;
    None when ``text`` is not such a phrase. ``+2h`` is refused (a moment to come)."""
    m = _DURATION.fullmatch(" ".join(text.strip().lower().split()))
    if not m:
        return None
    if m["sign"] == "+":
        raise BadInput("err.bad_moment", value=text.strip()[:40])
    try:
        return int(m["n"]) * _UNITS[m["unit"]]
    except (OverflowError, ValueError):  # -99999999999d, or digits beyond int's limit
        raise BadInput("err.bad_moment", value=text.strip()[:40]) from None


def iso_moment(text: str, tz: object) -> datetime | None:
    """``2026-11-28T23:40`` or ``2026-11-28 23:40`` (with an offset or not), else None."""
    raw = text.strip().lower()
    if not _ISO_MOMENT.fullmatch(raw):
        return None
    try:
        parsed = datetime.fromisoformat(raw.upper().replace("Z", "+00:00"))
    except ValueError:
        raise BadInput("err.bad_moment", value=text.strip()[:40]) from None
    return parsed.astimezone(tz) if parsed.tzinfo else parsed.replace(tzinfo=tz)  # type: ignore[arg-type]


__all__ = ["Anchor", "Said", "duration", "iso_moment", "read"]
