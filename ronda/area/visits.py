"""The liaison's joint patrols (ronda bersama) across the area's RTs.

``plan_visits`` picks the nights the liaison patrols (their nights, ``per_week`` a week, at
least ``rest`` nights off between two) and gives each night to one RT:

- every RT with a planned night in the period is visited at least once when there are
  nights enough; with fewer nights than RTs the heaviest RTs come first;
- further visits go by weight, ``1 + incidents + short patrols`` of the 90 days before the
  period: each next visit to the RT with the highest ``weight / (2 × visits + 1)`` (the
  Sainte-Laguë divisor, so visits follow the weights without one RT taking them all);
- each night goes to the RT furthest behind its share so far, a short patrol that night
  first, so one RT's visits spread over the period;
- joint patrols already in the RTs' files count and stay: planning again after ``--apply``
  finds nothing to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ronda.area.model import RT, Liaison
from ronda.errors import BadInput
from ronda.neighbourhood.holidays import holiday_map
from ronda.schedule.edits import guest_edit
from ronda.schedule.shifts import Shift
from ronda.schedule.timetable import Timetable

LOOKBACK_DAYS = 90


@dataclass(frozen=True)
class Weight:
    """Why an RT gets the visits it gets: its last 90 days, its weight, its share."""

    rt: str
    name: str
    incidents: int
    short: int
    nights: int  # nights of the period the liaison could join it
    weight: int
    target: int = 0
    planned: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"rt": self.rt, "name": self.name, "incidents_90d": self.incidents,
                "short_patrols_90d": self.short, "weight": self.weight,
                "target": self.target, "visits": self.planned}


@dataclass(frozen=True)
class Visit:
    """One joint patrol: the evening, the RT and its shift, and whether it is new."""

    date: date
    rt: str
    name: str
    slot: int
    hours: str
    on_duty: int
    required: int
    new: bool = True

    @property
    def short(self) -> bool:
        return self.on_duty < self.required

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "rt": self.rt, "name": self.name,
                "slot": self.slot, "hours": self.hours, "on_duty": self.on_duty,
                "required": self.required, "short": self.short, "new": self.new}


@dataclass(frozen=True)
class VisitPlan:
    """The joint patrols of a period, the weights behind them, and the RTs left out."""

    first: date
    last: date
    visits: tuple[Visit, ...]
    weights: tuple[Weight, ...]
    unvisited: tuple[str, ...]

    @property
    def new(self) -> list[Visit]:
        return [v for v in self.visits if v.new]

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(),
                "visits": [v.to_dict() for v in self.visits],
                "weights": [w.to_dict() for w in self.weights],
                "unvisited": list(self.unvisited)}


def _is_liaison(shift: Shift, liaison: Liaison) -> bool:
    return any(g.name.casefold() == liaison.name.casefold() for g in shift.guests)


def _open_shift(rt: RT, evening: Sequence[Shift], timetable: Timetable, now: datetime,
               liaison: Liaison) -> Shift | None:
    """The RT's first shift of an evening the liaison can still join (planned, not begun,
    the liaison not on its team)."""
    for s in evening:
        if not s.volunteers:
            continue
        if timetable.window_of(s)[0] <= now:
            return None
        names = {rt.people[p].name.casefold() for p in s.volunteers if p in rt.people}
        return None if liaison.name.casefold() in names else s
    return None


def _open_shifts(rts: Sequence[RT], days: Sequence[date], now: datetime,
                 liaison: Liaison) -> dict[tuple[date, str], Shift]:
    """Each (evening, RT) of ``days`` the liaison can join, with the shift they join."""
    wanted = set(days)
    out = {}
    for rt in rts:
        timetable = Timetable.of(rt.settings)
        evenings: dict[date, list[Shift]] = {}
        for s in rt.shifts:
            if s.date in wanted:
                evenings.setdefault(s.date, []).append(s)
        for d, evening in evenings.items():
            found = _open_shift(rt, sorted(evening, key=lambda s: s.slot), timetable, now,
                                liaison)
            if found is not None:
                out[(d, rt.key)] = found
    return out


def _weight(rt: RT, first: date) -> Weight:
    since = first - timedelta(days=LOOKBACK_DAYS)
    tz = Timetable.of(rt.settings)
    incidents = sum(1 for i in rt.incidents if since <= tz.evening_of(i.occurred_at) < first)
    short = sum(1 for s in rt.shifts if since <= s.date < first and s.short is not None)
    return Weight(rt.key, rt.name, incidents, short, 0, 1 + incidents + short)


def _nights(first: date, last: date, liaison: Liaison, nights: Sequence[str],
            per_week: int, taken: Sequence[date], today: date) -> list[date]:
    """The evenings the liaison patrols: in each week from ``first``, ``per_week`` of their
    nights (the joint patrols already planned count), spread out, ``rest`` nights apart."""
    from ronda.dates import day_key

    chosen = sorted(set(taken))
    start = first
    while start <= last:
        end = min(start + timedelta(days=6), last)
        have = sum(1 for d in chosen if start <= d <= end)
        free = [start + timedelta(days=i) for i in range((end - start).days + 1)
                if day_key(start + timedelta(days=i)) in nights
                and start + timedelta(days=i) >= today]
        for k in range(have, per_week):
            aim = start + timedelta(days=7 * (k + 0.5) / per_week)
            fits = [d for d in free if all(abs((d - c).days) > liaison.rest for c in chosen)]
            if not fits:
                break
            chosen.append(min(fits, key=lambda d: (abs((d - aim).days), d)))
            chosen.sort()
        start += timedelta(days=7)
    return chosen


def _targets(weights: list[Weight], total: int) -> dict[str, int]:
    """Visits per RT: one each (the heaviest first when nights are fewer), then by weight."""
    able = sorted((w for w in weights if w.nights), key=lambda w: (-w.weight, w.rt))
    targets = {w.rt: 0 for w in weights}
    for w in able[:total]:
        targets[w.rt] = 1
    for _ in range(max(0, total - len(able))):
        best = max(able, key=lambda w: (w.weight / (2 * targets[w.rt] + 1), -targets[w.rt]))
        targets[best.rt] += 1
    return targets


def plan_visits(rts: Sequence[RT], liaison: Liaison, first: date, last: date, now: datetime,
                *, per_week: int | None = None, nights: Sequence[str] | None = None
                ) -> VisitPlan:
    """The liaison's joint patrols from ``first`` to ``last``: at most one RT a night, each
    RT at least once when possible, more where incidents and short patrols were more
    frequent, within the liaison's nights and rest; the ones already planned kept."""
    if last < first:
        raise BadInput("err.range_reversed", start=first, end=last)
    nights = tuple(nights or liaison.nights)
    per_week = per_week or liaison.per_week
    by_key = {rt.key: rt for rt in rts}
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    kept = [(s.date, rt.key, s) for rt in rts for s in rt.shifts
            if first <= s.date <= last and _is_liaison(s, liaison)]
    chosen = _nights(first, last, liaison, nights, per_week, [d for d, _, _ in kept],
                     now.date())
    open_ = _open_shifts(rts, chosen, now, liaison)
    weights = []
    for rt in rts:
        w = _weight(rt, first)
        weights.append(Weight(w.rt, w.name, w.incidents, w.short,
                              sum(1 for d in chosen if (d, rt.key) in open_), w.weight))
    taken_days = {d for d, _, _ in kept}
    free_days = [d for d in chosen if d not in taken_days]
    targets = _targets(weights, len(free_days) + len(kept))
    heavy = {w.rt: w.weight for w in weights}
    done = {w.rt: 0 for w in weights}
    for _, key, _ in kept:
        done[key] = done.get(key, 0) + 1
    visits = [_visit(by_key[key], s, False) for _, key, s in kept]
    span = max(1, len(days))
    for d in free_days:
        able = [key for key in done if (d, key) in open_]
        if not able:
            continue
        pace = ((d - first).days + 1) / span

        def behind(key: str, pace: float = pace, d: date = d) -> tuple:
            short = open_[(d, key)].short is not None
            return (targets[key] - done[key] > 0, targets[key] * pace - done[key], short,
                    heavy[key], key)

        key = max(able, key=behind)
        done[key] += 1
        visits.append(_visit(by_key[key], open_[(d, key)], True))
    weights = [Weight(w.rt, w.name, w.incidents, w.short, w.nights, w.weight, targets[w.rt],
                      done[w.rt]) for w in weights]
    return VisitPlan(first, last, tuple(sorted(visits, key=lambda v: (v.date, v.rt))),
                     tuple(weights), tuple(w.rt for w in weights if not w.planned))


def _visit(rt: RT, shift: Shift, new: bool) -> Visit:
    timetable = Timetable.of(rt.settings, rt.holidays)
    return Visit(shift.date, rt.key, rt.name, shift.slot,
                 timetable.hours_of(shift, "en", with_zone=False).replace("–", "-"),
                 len(shift.volunteers), timetable.required_of(shift), new)


def add_visits(data: Any, visits: Sequence[Visit], liaison: Liaison) -> int:
    """Put the liaison as a joint-patrol guest on each visit's shift in an RT's data file
    (``data``, open for writing); a guest already there is left as it is. Returns how many
    were added."""
    people = {v.id: v for v in data.volunteers()}
    timetable = Timetable.of(data.settings(), holiday_map(data.holidays()))
    added = 0
    for v in visits:
        edit, key, _ = guest_edit(data.shifts(v.date, v.date), people, timetable, v.date,
                                  liaison.name, liaison.role, str(v.slot + 1))
        if edit is not None and key == "msg.guest_added":
            data.save_shift(edit.after[0])
            added += 1
    return added
