"""What the area sees across its RTs: every RT's nights side by side, and the incident books
counted together (by RT, category, month, hour of the night, overdue police follow-ups).

Reporters never leave an RT's file: they are not read into the area's snapshot at all, and
every incident the area shows goes through ``incident_record`` without one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ronda.area.model import RT
from ronda.dates import zone
from ronda.incidents.book import Incident, opening_evening
from ronda.incidents.privacy import incident_record
from ronda.incidents.report import NIGHT_HOURS
from ronda.schedule.timetable import Timetable


def rt_rows(rts: Sequence[RT], now: datetime) -> list[dict[str, Any]]:
    """Each RT of the area in a few figures (the stable JSON of ``ronda area --json``): its
    key, name and file, the active people on its roster, the last night planned with someone
    on it (None: nothing planned), its incidents, those whose police follow-up is overdue
    ``now``, and its coordinator."""
    rows = []
    for rt in rts:
        planned = [s.date for s in rt.shifts if s.volunteers]
        rows.append({"rt": rt.key, "name": rt.name, "file": rt.file,
                     "volunteers": sum(v.active for v in rt.people.values()),
                     "planned_until": max(planned).isoformat() if planned else None,
                     "incidents": len(rt.incidents),
                     "overdue": sum(i.overdue(now) for i in rt.incidents),
                     "coordinator": rt.settings.coordinator.name})
    return rows


@dataclass(frozen=True)
class Night:
    """One RT's evening at a glance: people on duty against the head count (all its shifts),
    whether a shift is short or without its leader, and the joint-patrol guests."""

    date: date
    on_duty: int
    required: int
    planned: bool
    short: bool
    no_leader: bool
    guests: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "planned": self.planned,
                "on_duty": self.on_duty, "required": self.required, "short": self.short,
                "no_leader": self.no_leader,
                "guests": [{"name": n, "role": r} for n, r in self.guests]}


@dataclass(frozen=True)
class RTWeek:
    """One RT's row of the area schedule."""

    rt: str
    name: str
    nights: tuple[Night, ...]

    @property
    def short(self) -> int:
        return sum(n.short for n in self.nights)

    def to_dict(self) -> dict[str, Any]:
        return {"rt": self.rt, "name": self.name, "short_nights": self.short,
                "nights": [n.to_dict() for n in self.nights]}


def area_schedule(rts: Sequence[RT], first: date, last: date) -> list[RTWeek]:
    """Every RT's evenings from ``first`` to ``last``, side by side."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    rows = []
    for rt in rts:
        timetable = Timetable.of(rt.settings, rt.holidays)
        by_day: dict[date, list] = {}
        for s in rt.shifts:
            by_day.setdefault(s.date, []).append(s)
        nights = []
        for d in days:
            shifts = by_day.get(d, [])
            required = sum(timetable.required_of(s) for s in shifts) if shifts else \
                sum(timetable.required_night(d))
            on_duty = sum(len(s.volunteers) for s in shifts)
            nights.append(Night(
                d, on_duty, required, bool(shifts),
                bool(shifts) and any(s.short is not None or len(s.volunteers) <
                                     timetable.required_of(s) for s in shifts),
                any(s.short is not None and s.short.no_leader for s in shifts),
                tuple((g.name, g.role) for s in shifts for g in s.guests)))
        rows.append(RTWeek(rt.key, rt.name, tuple(nights)))
    return rows


# ---------------------------------------------------------------- incidents across RTs

def area_incidents(rts: Sequence[RT]) -> list[tuple[RT, Incident]]:
    """Every RT's incidents, by time (then RT)."""
    found = [(rt, i) for rt in rts for i in rt.incidents]
    return sorted(found, key=lambda pair: (pair[1].occurred_at, pair[0].key, pair[1].id))


def area_opening_evening(rts: Sequence[RT]) -> date | None:
    """The evening of the area's first incident, each RT's read by its own shifts: where the
    area's period starts when none was asked for."""
    return min((d for rt in rts if (d := opening_evening(rt.incidents,
                                                         Timetable.of(rt.settings)))),
               default=None)


def incident_row(rt: RT, i: Incident, now: datetime) -> dict[str, Any]:
    """The stable JSON object of an incident seen from the area: the RT's record as
    ``incident list --json`` gives it, with no reporter and no witness, and the RT."""
    record = incident_record(i, None, now, False)
    record.pop("reporter", None)
    record.pop("witness", None)
    record.pop("on_duty", None)  # the RT's volunteer ids mean nothing outside its file
    return {"rt": rt.key, "rt_name": rt.name, **record}


def area_incident_stats(rts: Sequence[RT], first: date, last: date,
                        now: datetime) -> dict[str, Any]:
    """Counts by RT, category and month, the crime clock (hour against the evening's
    weekday), and the forwarded incidents overdue for police news, as data."""
    pairs = area_incidents(rts)
    by_rt = []
    for rt in rts:
        mine = rt.incidents
        by_rt.append({"rt": rt.key, "name": rt.name, "total": len(mine),
                      "forwarded": sum(i.status == "forwarded" for i in mine),
                      "overdue": sum(i.overdue(now) for i in mine),
                      "top_category": Counter(i.category for i in mine).most_common(1)[0][0]
                      if mine else None})
    clock: Counter[tuple[int, int]] = Counter()
    trend: Counter[str] = Counter()
    daytime = 0
    for rt, i in pairs:
        timetable = Timetable.of(rt.settings)
        local = i.occurred_at.astimezone(zone(timetable.timezone))
        trend[local.strftime("%Y-%m")] += 1
        if local.hour in NIGHT_HOURS:
            clock[(local.hour, timetable.evening_of(local).weekday())] += 1
        else:
            daytime += 1
    return {
        "from": first.isoformat(), "to": last.isoformat(), "total": len(pairs),
        "rts": len(rts), "by_rt": by_rt,
        "by_category": dict(Counter(i.category for _, i in pairs).most_common()),
        "by_status": dict(Counter(i.status for _, i in pairs).most_common()),
        "trend": dict(sorted(trend.items())),
        "clock": [{"hour": h, "weekday": w, "count": n} for (h, w), n in sorted(clock.items())],
        "daytime": daytime,
        "overdue": [{"rt": rt.key, "name": rt.name, "id": i.id, "category": i.category,
                     "station": i.police.station, "lp": i.police.lp,
                     "last_news": (i.last_police_news() or i.recorded_at).isoformat()}
                    for rt, i in pairs if i.overdue(now)],
    }
