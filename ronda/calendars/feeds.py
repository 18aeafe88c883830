"""The calendars a neighbourhood hands out: one for everyone, or one per person.

Each feed carries its events with SEQUENCE numbers carried over from the registry (so a
phone replaces a changed event instead of keeping both), its display name and a stable id.
The registry comes back with the new sequences; the caller saves it only once the feeds
went out, so a failed write or publish never advances a sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ronda.calendars.ics import (
    community_events,
    shift_events,
    slug,
    to_calendar,
    with_sequences,
)
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
class Feed:
    """One calendar: whose it is (``person`` None: everyone), its name, id and content."""

    person: int | None
    name: str
    cal_id: str
    label: str
    calendar: Any  # icalendar.Calendar

    def to_ical(self) -> bytes:
        return self.calendar.to_ical()

    @property
    def file_name(self) -> str:
        return f"{self.cal_id}.ics"


@dataclass(frozen=True)
class Feeds:
    """The calendars of one export or publish, and the registry to save once they went out."""

    feeds: list[Feed]
    registry: dict[str, dict[str, Any]]
    first: date
    last: date

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


def choose_people(people: Sequence[Volunteer], names: Iterable[str], team: str | None,
                  every_active: bool) -> list[int | None]:
    """Whose calendars: the people named, a team's active members, or with
    ``every_active`` (one file each) everyone active; ``[None]`` is one shared calendar."""
    chosen: list[int | None] = [find_volunteer(people, n).id for n in names]
    if team:
        members = [v.id for v in people
                   if v.active and v.team.casefold() == team.strip().casefold()]
        if not members:
            raise BadInput("err.no_such_team", team=team)
        chosen += members
    if every_active and not chosen:
        chosen = [v.id for v in people if v.active]
    return chosen or [None]


def build_feeds(settings: Settings, people: dict[int, Volunteer], shifts: Sequence[Shift],
                events: Sequence[CommunityEvent], registry: dict[str, dict[str, Any]],
                first: date, last: date, person_ids: Sequence[int | None], *, lang: str,
                with_contacts: bool, alarm: int, stamp: datetime,
                allow_empty: bool = False) -> Feeds:
    """One feed per person id (None: the whole neighbourhood) over ``first``..``last``;
    nothing to put in them is an error unless ``allow_empty`` (a publish that clears)."""
    if not shifts and not events and not allow_empty:
        raise BadInput("err.nothing_to_export")
    in_period = [e for e in events if first <= e.start.date() <= last]
    feeds = []
    for pid in person_ids:
        current = shift_events(shifts, settings, people, lang, person=pid,
                               with_contacts=with_contacts)
        current += community_events(in_period, settings, lang)
        scopes = {f"person:{pid}" if pid is not None else "all", "event"}
        final, registry = with_sequences(current, registry, scopes, first, last)
        who = "" if pid is None else people[pid].name
        name = settings.name if pid is None else f"{settings.name} · {who}"
        cal_id = f"ronda-{slug(settings.name)}" if pid is None else f"ronda-{slug(who)}-{pid}"
        calendar = to_calendar(final, t("cal.name", lang, name=name), settings.timezone,
                               lang, alarm=alarm, stamp=stamp)
        feeds.append(Feed(pid, name, cal_id, who, calendar))
    return Feeds(feeds, registry, first, last)


def feeds_from(data: Any, now: datetime, start: str | None, end: str | None,
               names: Iterable[str], team: str | None, every_active: bool, lang: str, *,
               with_contacts: bool = False, alarm: int = 60, allow_empty: bool = False) -> Feeds:
    """The feeds of a data file snapshot (``data`` is the open data file): the period, the
    people chosen, their events and sequences, as ``export ics`` and ``publish`` ask."""
    settings = data.settings()
    planned = data.shifts()
    first, last = calendar_period(now.date(), start, end, planned)
    people = data.volunteers()
    chosen = choose_people(people, names, team, every_active)
    return build_feeds(settings, {v.id: v for v in people},
                       [s for s in planned if first <= s.date <= last],
                       data.events(), data.calendar_registry(), first, last, chosen,
                       lang=lang, with_contacts=with_contacts, alarm=alarm, stamp=now,
                       allow_empty=allow_empty)
