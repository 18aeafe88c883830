"""Calendars: shifts and community events as iCalendar, with identities that survive re-export.

Every event has a stable UID (neighbourhood, evening, slot and whose calendar), a DTSTAMP, and a
SEQUENCE that rises whenever what its calendar shows of it changes (each calendar keeps its own
record, see ``registry``); a duty that disappears (a swap, a rebuild) is exported again as
cancelled under the same UID, so a calendar that updates by UID drops it.
Written with the ``icalendar`` library (see README for why not ``ics`` 0.7).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from ronda.dates import DAY_CHANGE, zone
from ronda.i18n import t
from ronda.i18n.labels import EVENT_KIND, GUEST_ROLE, label
from ronda.model import Settings, Volunteer
from ronda.phones import display_phone
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable

if TYPE_CHECKING:
    from ronda.neighbourhood.events import CommunityEvent

REFRESH = timedelta(hours=6)  # a subscribed calendar looks for changes this often
# Calendar colours: CSS colour names (RFC 7986 COLOR) and the same as hex for Apple's calendars,
# each dark enough for white text on a phone.
COLOURS = {"firebrick": "#B22222", "darkorange": "#FF8C00", "darkgoldenrod": "#B8860B",
           "forestgreen": "#228B22", "seagreen": "#2E8B57", "teal": "#008080",
           "steelblue": "#4682B4", "royalblue": "#4169E1", "slateblue": "#6A5ACD",
           "darkviolet": "#9400D3", "mediumvioletred": "#C71585", "sienna": "#A0522D"}


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT as ronda means it."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    location: str = ""
    description: str = ""
    scope: str = "all"
    sequence: int = 0
    cancelled: bool = False
    evening: date | None = None  # a shift's evening (its late shift starts the day after)

    def fingerprint(self) -> str:
        text = "\x1f".join((self.start.isoformat(), self.end.isoformat(), self.summary,
                            self.location, self.description))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "ronda"


def _team_text(shift: Shift, people: dict[int, Volunteer], lang: str, with_contacts: bool,
               among: frozenset[int] | None = None, *, guests: bool = True) -> str:
    """The people on ``shift``, one a line (leader marked, phones only ``with_contacts``):
    everyone, or those ``among`` the given; then its guests."""
    lines = []
    for p in shift.volunteers:
        v = people.get(p)
        if v is None or v.purged or (among is not None and p not in among):
            continue
        mark = f" ({t('poster.leader', lang)})" if p == shift.leader else ""
        phone = f" {display_phone(v.phone)}" if with_contacts and v.phone else ""
        lines.append(f"- {v.name}{mark}{phone}")
    if guests:
        lines += [f"+ {g.name} ({label(GUEST_ROLE, g.role, lang)})" for g in shift.guests]
    return "\n".join(lines)


def team_members(people: dict[int, Volunteer], team: str) -> frozenset[int]:
    """Everyone of ``team`` (its name in any case) who is not erased."""
    wanted = team.strip().casefold()
    return frozenset(v.id for v in people.values()
                     if not v.purged and v.team.strip().casefold() == wanted)


def _team_shift_text(shift: Shift, settings: Settings, people: dict[int, Volunteer],
                     lang: str, with_contacts: bool, team: str, members: frozenset[int]) -> str:
    """A team's members on ``shift``, then whoever else is on duty with them."""
    others = _team_text(shift, people, lang, with_contacts,
                        frozenset(shift.volunteers) - members)
    text = f"{t('cal.team_of', lang, team=team, name=settings.name)}\n" \
           f"{_team_text(shift, people, lang, with_contacts, members, guests=False)}"
    return f"{text}\n{t('cal.also_on_duty', lang)}\n{others}" if others else text


def shift_events(shifts: Iterable[Shift], settings: Settings, people: dict[int, Volunteer],
                 lang: str, *, person: int | None = None, team: str = "",
                 with_contacts: bool = False) -> list[CalendarEvent]:
    """One event per shift: of the whole neighbourhood, of ``person`` (their shifts) or of
    ``team`` (each shift its members are on, once: the team in its title, its members on that
    night in the text)."""
    timetable = Timetable.of(settings)
    base = slug(settings.name)
    where = ", ".join(x for x in (settings.post, settings.post_location) if x)
    post = settings.post or settings.name
    team = team.strip()
    members = team_members(people, team) if team else frozenset()
    scope, owner = (f"person:{person}", str(person)) if person is not None else \
        (f"team:{slug(team)}", f"team-{slug(team)}") if team else ("all", "all")
    out = []
    for s in shifts:
        if (person is not None and person not in s.volunteers) or \
                (team and members.isdisjoint(s.volunteers)):
            continue
        start, end = timetable.window_of(s)
        # with several shifts a night the title says which; the text says whose evening it is
        summary = t("cal.summary_shift", lang, shift=timetable.name_of(s, lang, year=False),
                    post=post) if timetable.several else t("cal.summary", lang, post=post)
        night = timetable.name_of(s, lang, hours=True, with_zone=True)
        if team:
            summary = t("cal.summary_team", lang, team=team, summary=summary)
            text = _team_shift_text(s, settings, people, lang, with_contacts, team, members)
        else:
            text = f"{t('cal.team', lang, name=settings.name)}\n" \
                   f"{_team_text(s, people, lang, with_contacts)}"
        uid = f"{s.date.isoformat()}-{s.slot}-{owner}.{base}@ronda"
        out.append(CalendarEvent(uid, start, end, summary, where, f"{night}\n{text}",
                                 scope=scope, evening=s.date))
    return out


def community_events(events: Iterable[CommunityEvent], settings: Settings,
                     lang: str) -> list[CalendarEvent]:
    base = slug(settings.name)
    return [CalendarEvent(f"event-{e.id}.{base}@ronda", e.start, e.end,
                          f"{e.title} · {t(EVENT_KIND[e.kind], lang)}", e.location,
                          t("cal.event", lang, name=settings.name), scope="event")
            for e in events]


def with_sequences(current: Sequence[CalendarEvent], registry: dict[str, dict[str, Any]],
                   scopes: set[str], first: date, last: date
                   ) -> tuple[list[CalendarEvent], dict[str, dict[str, Any]]]:
    """Give each event its SEQUENCE (rising when it changed since the last export) and add
    the events of the same scopes and period that no longer exist, as cancelled."""
    updated = dict(registry)
    out = []
    seen = set()
    for e in current:
        seen.add(e.uid)
        known = registry.get(e.uid)
        sequence = 0
        if known:
            sequence = known["sequence"] + (known["fingerprint"] != e.fingerprint()
                                            or known.get("cancelled", False))
        out.append(replace(e, sequence=sequence))
        updated[e.uid] = {"fingerprint": e.fingerprint(), "sequence": sequence,
                          "scope": e.scope, "start": e.start.isoformat(),
                          "end": e.end.isoformat(), "summary": e.summary, "cancelled": False,
                          "evening": (e.evening or e.start.date()).isoformat()}
    for uid, known in registry.items():
        start = datetime.fromisoformat(known["start"])
        if uid in seen or known["scope"] not in scopes or not first <= _evening(known) <= last:
            continue
        sequence = known["sequence"] + (not known.get("cancelled", False))
        out.append(CalendarEvent(uid, start, datetime.fromisoformat(known["end"]),
                                 known["summary"], scope=known["scope"], sequence=sequence,
                                 cancelled=True))
        updated[uid] = {**known, "sequence": sequence, "cancelled": True}
    return sorted(out, key=lambda e: (e.start, e.uid)), updated


def _evening(known: dict[str, Any]) -> date:
    """The evening a registered event belongs to. Entries written before evenings were
    recorded: a shift starting before noon belongs to the evening before."""
    if "evening" in known:
        return date.fromisoformat(known["evening"])
    start = datetime.fromisoformat(known["start"])
    if known["scope"] != "event" and start.hour < DAY_CHANGE.hour:
        return start.date() - timedelta(days=1)
    return start.date()


def calendar_colour(name: str) -> str:
    """The colour of a neighbourhood's calendars on phones: a CSS colour name picked by the
    neighbourhood's name, so every calendar of one RT has the same and neighbours differ."""
    digest = hashlib.sha256(name.strip().casefold().encode("utf-8")).digest()
    return list(COLOURS)[digest[0] % len(COLOURS)]


def to_ics(events: Sequence[CalendarEvent], name: str, timezone: str, lang: str, *,
           alarm: int = 60, stamp: datetime | None = None, colour: str = "") -> bytes:
    """An iCalendar file: TZID times with their VTIMEZONE, DTSTAMP, SEQUENCE, a display
    reminder ``alarm`` minutes before (0: none), a calendar name and colour, lines folded at
    75 octets."""
    return to_calendar(events, name, timezone, lang, alarm=alarm, stamp=stamp,
                       colour=colour).to_ical()


def to_calendar(events: Sequence[CalendarEvent], name: str, timezone: str, lang: str, *,
                alarm: int = 60, stamp: datetime | None = None, colour: str = "") -> Any:
    """The ``icalendar.Calendar`` that ``to_ics`` writes (publishing sends it event by event,
    without writing and reading it back)."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//ronda//ronda malam//{lang.upper()}")  # the language of its text
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # the name as RFC 5545 TEXT (a comma written "\,"), as RFC 7986 NAME and as X-WR-CALNAME
    cal.add("name", icalendar.vText(name))
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("x-wr-timezone", timezone)
    if colour:
        cal.add("color", colour)
        cal.add("x-apple-calendar-color", COLOURS[colour])
    # how often a subscribed calendar looks for swaps (RFC 7986, and the older X- form)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    tz = zone(timezone)
    now = stamp or datetime.now(tz)
    for e in events:
        ev = icalendar.Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", now.astimezone(zone("UTC")))
        ev.add("dtstart", e.start.astimezone(tz))
        ev.add("dtend", e.end.astimezone(tz))
        ev.add("summary", e.summary)
        ev.add("sequence", e.sequence)
        if e.location:
            ev.add("location", e.location)
        if e.description:
            ev.add("description", e.description)
        if e.cancelled:
            ev.add("status", "CANCELLED")
        else:
            ev.add("status", "CONFIRMED")
            if alarm > 0:
                reminder = icalendar.Alarm()
                reminder.add("action", "DISPLAY")
                reminder.add("description", t("cal.reminder", lang, summary=e.summary))
                reminder.add("trigger", timedelta(minutes=-alarm))
                ev.add_component(reminder)
        cal.add_component(ev)
    _add_timezones(cal)
    return cal


@cache
def _vtimezone(tzid: str) -> bytes | None:
    """The VTIMEZONE of ``tzid`` as icalendar writes it (None for a zone it does not know).
    Working out a zone's transitions takes icalendar about 70 ms, so it is done once a zone
    and a process, not once a calendar (an export writes one a volunteer)."""
    from icalendar import Timezone

    try:
        return Timezone.from_tzid(tzid).to_ical()
    except ValueError:
        return None


def _add_timezones(cal: Any) -> None:
    """What ``Calendar.add_missing_timezones`` adds, each zone worked out once."""
    from icalendar import Timezone

    at = len(cal.timezones)
    for tzid in cal.get_missing_tzids():
        found = _vtimezone(tzid)
        if found is not None:
            cal.subcomponents.insert(at, Timezone.from_ical(found))
            at += 1
