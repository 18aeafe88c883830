"""The calendars a neighbourhood hands out: one for everyone, a team's, or one per person.

Each feed carries its events with SEQUENCE numbers carried over from its own record (so a
phone replaces a changed event instead of keeping both, and another language or reminder is no
change), its display name and a stable id. The record comes back with what each feed sent; the
caller saves it only once the feeds went out, so a failed write or publish never advances a
sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ronda.calendars.ics import (
    calendar_colour,
    community_events,
    shift_events,
    slug,
    to_calendar,
    with_sequences,
)
from ronda.calendars.registry import CalendarRecord, Entry, feed_key
from ronda.dates import resolve_period
from ronda.errors import BadInput
from ronda.i18n import t
from ronda.model import Settings, Volunteer
from ronda.people.volunteers import find_volunteer
from ronda.schedule.shifts import Shift

if TYPE_CHECKING:
    from ronda.neighbourhood.events import CommunityEvent

EMPTY_WEEKS = 4  # with nothing planned, a calendar covers this many weeks


@dataclass(frozen=True)
class Whose:
    """Whose calendar: a person's, a team's, or (neither) the whole neighbourhood's. A
    ``former`` volunteer's calendar is sent once more, with their events cancelled."""

    person: int | None = None
    team: str = ""
    former: bool = False

    @property
    def scope(self) -> str:
        if self.person is not None:
            return f"person:{self.person}"
        return f"team:{slug(self.team)}" if self.team else "all"


@dataclass(frozen=True)
class Feed:
    """One calendar: whose it is, its name, id, record key and content."""

    person: int | None
    name: str
    cal_id: str
    label: str
    calendar: Any  # icalendar.Calendar
    key: str = ""
    period: tuple[date, date] = (date.min, date.max)  # the nights it covers
    former: bool = False  # a former volunteer's, sent once more with their duties cancelled

    def to_ical(self) -> bytes:
        return self.calendar.to_ical()

    @property
    def file_name(self) -> str:
        return f"{self.cal_id}.ics"


@dataclass(frozen=True)
class Feeds:
    """The calendars of one export or publish, what each sent (``sent``, by feed key) and the
    record with it, to save once they went out."""

    feeds: list[Feed]
    record: CalendarRecord
    first: date
    last: date
    sent: dict[str, dict[str, Entry]]

    def merged(self) -> bytes:
        """Every feed as one file (for ``--volunteer A --volunteer B`` or ``--team``)."""
        if len(self.feeds) == 1:
            return self.feeds[0].to_ical()
        merged = to_calendar_copy(self.feeds[0].calendar)
        seen = {str(c.get("uid")) for c in merged.walk("VEVENT")}
        for feed in self.feeds[1:]:
            for event in feed.calendar.walk("VEVENT"):
                if str(event.get("uid")) not in seen:
                    merged.add_component(event)
                    seen.add(str(event.get("uid")))
        return merged.to_ical()


def to_calendar_copy(calendar: Any) -> Any:
    import icalendar

    return icalendar.Calendar.from_ical(calendar.to_ical())


def calendar_period(today: date, start: str | None, end: str | None,
                    planned: Sequence[Shift]) -> tuple[date, date]:
    """From this week's Monday (or ``start``) to the last planned night (or ``end``)."""

    def last_planned(first: date) -> date:
        later = [s.date for s in planned if s.date >= first]
        return max(later) if later else first + timedelta(weeks=EMPTY_WEEKS)

    return resolve_period(today, start=start, end=end, default_end=last_planned,
                          toward="next")


def choose_calendars(people: Sequence[Volunteer], names: Iterable[str], team: str | None,
                     every_active: bool) -> list[Whose]:
    """Whose calendars: the people named, a team's (one calendar), or with ``every_active``
    (one file each) everyone active; the whole neighbourhood's when none is asked for."""
    chosen = [Whose(person=find_volunteer(people, n).id) for n in names]
    if team:
        wanted = team.strip().casefold()
        members = [v for v in people if v.active and v.team.strip().casefold() == wanted]
        if not members:
            raise BadInput("err.no_such_team", team=team)
        chosen.append(Whose(team=members[0].team.strip()))
    if every_active and not chosen:
        chosen = [Whose(person=v.id) for v in people if v.active]
    return chosen or [Whose()]


def build_feeds(settings: Settings, people: dict[int, Volunteer], shifts: Sequence[Shift],
                events: Sequence[CommunityEvent], record: CalendarRecord, first: date,
                last: date, chosen: Sequence[Whose], *, lang: str, with_contacts: bool,
                alarm: int, stamp: datetime, allow_empty: bool = False) -> Feeds:
    """One feed per calendar ``chosen`` over ``first``..``last``; nothing to put in them is an
    error unless ``allow_empty`` (a publish that clears)."""
    if not shifts and not events and not allow_empty:
        raise BadInput("err.nothing_to_export")
    in_period = [e for e in events if first <= e.start.date() <= last]
    feeds, sent = [], {}
    colour = calendar_colour(settings.name)
    for whose in chosen:
        key = feed_key(whose.scope, lang, alarm, contacts=with_contacts)
        current = [] if whose.former else \
            shift_events(shifts, settings, people, lang, person=whose.person, team=whose.team,
                         with_contacts=with_contacts) + community_events(in_period, settings,
                                                                         lang)
        scopes = {whose.scope, "event"}
        # a former volunteer's calendar: everything it holds from tonight on is cancelled
        period = (max(first, stamp.date()), date.max) if whose.former else (first, last)
        final, sent[key] = with_sequences(current, record.sent(key, scopes), scopes, *period)
        who = people[whose.person].name if whose.person is not None else whose.team
        name = f"{settings.name} · {who}" if who else settings.name
        cal_id = f"ronda-{slug(settings.name)}" + (f"-{slug(who)}" if who else "")
        if whose.person is not None:
            cal_id = f"ronda-{slug(who)}-{whose.person}"
        calendar = to_calendar(final, t("cal.name", lang, name=name), settings.timezone,
                               lang, alarm=alarm, stamp=stamp, colour=colour)
        feeds.append(Feed(whose.person, name, cal_id, who, calendar, key, period,
                          whose.former))
    return Feeds(feeds, record.with_sent(sent), first, last, sent)


def feeds_from(data: Any, now: datetime, start: str | None, end: str | None,
               names: Iterable[str], team: str | None, every_active: bool, lang: str, *,
               with_contacts: bool = False, alarm: int = 60, allow_empty: bool = False,
               former: Sequence[int] = (), since: date | None = None) -> Feeds:
    """The feeds of a data file snapshot (``data`` is the open data file): the period (from
    ``since`` when earlier), the calendars chosen (and those of the ``former`` volunteers, to
    empty), their events and sequences, as ``export ics`` and ``publish`` ask."""
    settings = data.settings()
    planned = data.shifts()
    first, last = calendar_period(now.date(), start, end, planned)
    first = min(first, since or first)
    people = data.volunteers()
    chosen = choose_calendars(people, names, team, every_active)
    chosen += [Whose(person=p, former=True) for p in former]
    return build_feeds(settings, {v.id: v for v in people},
                       [s for s in planned if first <= s.date <= last],
                       data.events(), data.calendar_record(), first, last, chosen,
                       lang=lang, with_contacts=with_contacts, alarm=alarm, stamp=now,
                       allow_empty=allow_empty)
