"""The liaison's own calendar: the joint patrols written into the area's RT schedules and
the RTs' community events, one calendar across the RTs.

The same rules as an RT's calendar (``ronda.calendars``): stable UIDs (the RT, the evening
and the shift), a SEQUENCE that rises when a visit changes, and a visit taken off an RT's
schedule sent again as cancelled. The registry of what was sent is the area's own, kept
beside the area file; no RT file is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from ronda.area.model import RT, Area
from ronda.calendars.feeds import Feed, Feeds
from ronda.calendars.ics import (
    CalendarEvent,
    calendar_colour,
    community_events,
    slug,
    to_calendar,
    with_sequences,
)
from ronda.calendars.registry import CalendarRecord, feed_key
from ronda.i18n import t
from ronda.schedule.timetable import Timetable

SCOPES = {"visit", "event"}


def visit_events(rts: Sequence[RT], area: Area, lang: str) -> list[CalendarEvent]:
    """One event per joint patrol of the liaison in any RT's schedule, and one per RT
    community event; the coordinator's name, never a resident's phone."""
    who = area.liaison.name.casefold()
    out = []
    for rt in rts:
        timetable = Timetable.of(rt.settings, rt.holidays)
        where = ", ".join(x for x in (rt.settings.post, rt.settings.post_location) if x)
        base = slug(rt.name)
        for s in rt.shifts:
            if not any(g.name.casefold() == who for g in s.guests):
                continue
            start, end = timetable.window_of(s)
            night = timetable.name_of(s, lang, hours=True, with_zone=True)
            text = t("cal.area_visit_text", lang, name=rt.name, night=night,
                     people=len(s.volunteers), coordinator=rt.settings.coordinator.name or "-")
            out.append(CalendarEvent(f"visit-{s.date.isoformat()}-{s.slot}.{base}@ronda", start,
                                     end, t("cal.area_visit", lang, name=rt.name), where, text,
                                     scope="visit", evening=s.date))
        out += [replace(e, summary=f"{rt.name}: {e.summary}")
                for e in community_events(rt.events, rt.settings, lang)]
    return out


def area_feeds(area: Area, rts: Sequence[RT], record: CalendarRecord,
               first: date, last: date, *, lang: str, alarm: int,
               stamp: datetime) -> Feeds:
    """The liaison's calendar over ``first``..``last`` with its sequences (its own for each
    language and reminder), and what it sent, to record once it went out."""
    current = [e for e in visit_events(rts, area, lang)
               if first <= (e.evening or e.start.date()) <= last]
    key = feed_key("visit", lang, alarm)
    final, sent = with_sequences(current, record.sent(key, SCOPES), SCOPES, first, last)
    name = t("cal.area_name", lang, who=area.liaison.name, area=area.name)
    calendar = to_calendar(final, name, area.timezone, lang, alarm=alarm, stamp=stamp,
                           colour=calendar_colour(area.name))
    return Feeds([Feed(None, name, f"ronda-{slug(area.name)}", area.liaison.name, calendar,
                       key, (first, last))], record.with_sent({key: sent}), first, last,
                 {key: sent})
