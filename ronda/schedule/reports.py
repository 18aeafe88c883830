"""Accounts of a schedule: duties per person, attendance, fines and a verdict on fairness."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from ronda.model import Volunteer
from ronda.schedule.groups import GroupSpread, group_spreads
from ronda.schedule.shifts import EXCUSED, Holiday, Shift, is_weekend
from ronda.schedule.wishes import WishReport, wish_report


@dataclass(frozen=True)
class PersonStats:
    """One volunteer's account over a period."""

    id: int
    name: str
    team: str
    planned: int
    served: int
    excused: int
    absent: int
    substituted: int
    weekend: int
    holiday: int
    min_gap: int | None
    fines: int
    stood_in: int = 0  # nights they came in someone else's place (not in ``served``)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class Replacement(NamedTuple):
    """Who came for whom: on the evening ``day``, ``absent`` was replaced by a volunteer
    (``by_id``) or by someone off the roster (``by``)."""

    day: date
    absent: int
    by_id: int | None
    by: str


def replacements(shifts: Sequence[Shift]) -> list[Replacement]:
    """Every absence someone came for, night by night."""
    return [Replacement(s.date, a.volunteer, a.substitute_id, a.substitute)
            for s in sorted(shifts, key=lambda s: (s.date, s.slot)) for a in s.absences
            if a.covered]


@dataclass(frozen=True)
class Fairness:
    """The spread of duties over the active roster."""

    least: int
    most: int
    weekend_least: int
    weekend_most: int
    holiday_least: int
    holiday_most: int

    @property
    def spread(self) -> int:
        return self.most - self.least


def person_stats(shifts: Sequence[Shift], people: Sequence[Volunteer],
                 holidays: dict[date, Holiday], today: date,
                 include_removed: bool = False) -> list[PersonStats]:
    """Per volunteer (removed ones only with duties in ``shifts``, or ``include_removed``):
    planned, served (their own duty: present, or planned on a past night with no log),
    excused (izin, sakit, dinas: with notice), absent (tanpa keterangan), substituted (someone
    came for them: not their attendance), stood in (they came for someone else), weekend and
    holiday nights, the shortest gap between two duties, and fines owed."""
    duty_dates: dict[int, list[date]] = defaultdict(list)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s in shifts:
        absences = {a.volunteer: a for a in s.absences}
        for a in s.absences:
            if a.substitute_id is not None:
                counts[a.substitute_id]["stood_in"] += 1
        for p in s.volunteers:
            c = counts[p]
            c["planned"] += 1
            duty_dates[p].append(s.date)
            c["weekend"] += is_weekend(s.date)
            c["holiday"] += s.date in holidays
            absence = absences.get(p)
            if absence is None:
                c["served"] += (p in s.present) or (not s.logged and s.date < today)
                continue
            if absence.covered:
                c["substituted"] += 1
            if absence.reason not in EXCUSED:
                c["absent"] += 1
            else:
                c["excused"] += 1
            c["fines"] += absence.fine
    out = []
    for v in people:
        if not v.active and v.id not in counts and (v.purged or not include_removed):
            continue
        c = counts[v.id]
        ds = sorted(duty_dates[v.id])
        gaps = [(b - a).days for a, b in itertools.pairwise(ds)]
        out.append(PersonStats(v.id, v.name, v.team, c["planned"], c["served"], c["excused"],
                               c["absent"], c["substituted"], c["weekend"], c["holiday"],
                               min(gaps) if gaps else None, c["fines"], c["stood_in"]))
    return out


def fairness(stats: Sequence[PersonStats], people: Sequence[Volunteer]) -> Fairness:
    """Least and most duties, weekend and holiday nights, over the active volunteers."""
    active = {v.id for v in people if v.active}
    rows = [s for s in stats if s.id in active] or list(stats)
    if not rows:
        return Fairness(0, 0, 0, 0, 0, 0)
    return Fairness(min(s.planned for s in rows), max(s.planned for s in rows),
                    min(s.weekend for s in rows), max(s.weekend for s in rows),
                    min(s.holiday for s in rows), max(s.holiday for s in rows))


def team_totals(stats: Sequence[PersonStats]) -> dict[str, dict[str, int]]:
    """Planned, served, absent and fines per regu."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s in stats:
        t = totals[s.team or "-"]
        t["people"] += 1
        for key in ("planned", "served", "absent", "fines"):
            t[key] += getattr(s, key)
    return {k: dict(v) for k, v in sorted(totals.items())}


FAIR_MARGIN = 1.5


@dataclass(frozen=True)
class Share:
    """What a person can carry in a period and their fair part of the duties.

    ``capacity`` is the most duties they could do: nights they are available and not away,
    kept ``rest`` nights apart, within their weekly maximum. The fair share is found by
    water-filling: everyone gets the same, except that nobody gets more than they can carry,
    and what they cannot carry is shared by the others. ``limits`` names what bound.
    """

    share: float
    capacity: int
    nights: int  # nights available and not away
    capped: bool
    limits: tuple[str, ...] = ()  # days, away, week, joined; leads (a leader's larger share)
    before: float = 0.0  # duties already served in the fairness window
    credit: float = 0.0  # counted as equal for the nights before they joined (no duty)


def capacity(v: Volunteer, first: date, last: date, rest: int,
             max_per_week: int | None) -> tuple[int, int]:
    """(the most duties ``v`` can do in [first, last], the nights they are available)."""
    from datetime import timedelta

    from ronda.schedule.rules import on_roster

    start = max(first, v.joined) if v.joined else first
    limit = v.max_per_week or max_per_week
    nights = picked = 0
    previous: date | None = None
    weeks: dict[tuple[int, int], int] = defaultdict(int)
    d = start
    while d <= last:
        if on_roster(v, d):
            nights += 1
            week = d.isocalendar()[:2]
            if (previous is None or (d - previous).days > rest) and \
                    (limit is None or weeks[week] < limit):
                picked += 1
                weeks[week] += 1
                previous = d
        d += timedelta(days=1)
    return picked, nights


def _water_fill(caps: dict[int, int], total: float,
                floors: dict[int, float] | None = None) -> float:
    """The level every total is raised to so that the duties given, sum(min(cap, max(0,
    level - floor))), make ``total``: who already has ``floors`` duties (history) gets fewer,
    who reaches their capacity stops there, the rest rise together."""
    floors = floors or {}
    def given(level: float) -> float:
        return sum(min(cap, max(0.0, level - floors.get(i, 0.0))) for i, cap in caps.items())
    if not caps or given(float("1e12")) <= total:
        return float("inf")
    low = min((floors.get(i, 0.0) for i in caps), default=0.0)
    high = max(floors.get(i, 0.0) + cap for i, cap in caps.items())
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if given(mid) < total else (low, mid)
    return high


def fair_shares(people: Sequence[Volunteer], total: int, first: date, last: date, rest: int,
                max_per_week: int | None, leader_places: int = 0,
                history: dict[int, float] | None = None,
                credits: dict[int, float] | None = None) -> dict[int, Share]:
    """Each active person's fair share of ``total`` duties in [first, last]: everyone's total
    (their ``history`` in the fairness window, then this period) raised to one level, each
    stopping where they can carry no more.

    ``history`` counts a later joiner's credit (``PastLoad``), given apart in ``credits``.
    Leaders must fill ``leader_places`` between them (one a shift or a night): when that is
    more than an even share, leaders' shares are that and the other duties are shared among
    the rest.
    """
    history = history or {}
    credits = credits or {}
    active = [v for v in people if v.active and not v.purged]
    caps = {v.id: capacity(v, first, last, rest, max_per_week) for v in active}
    level = _water_fill({i: c for i, (c, _) in caps.items()}, total, history)
    leaders = {v.id for v in active if v.leader}
    levels = {v.id: level for v in active}
    leading = False
    if leaders and leader_places:
        lead_level = _water_fill({i: caps[i][0] for i in leaders}, leader_places, history)
        if lead_level > level:
            leading = True
            taken = sum(min(caps[i][0], max(0.0, lead_level - history.get(i, 0.0)))
                        for i in leaders)
            others = {i: caps[i][0] for i in caps if i not in leaders}
            other_level = _water_fill(others, max(0.0, total - taken), history) \
                if others else 0.0
            levels = {i: lead_level if i in leaders else other_level for i in caps}
    out = {}
    for v in active:
        cap, nights = caps[v.id]
        wanted = round(max(0.0, levels[v.id] - history.get(v.id, 0.0)), 9)  # this period
        capped = cap < wanted
        limits = []
        if capped:
            if len(v.days) < 7:
                limits.append("days")
            if any(a.start <= last and a.end >= first for a in v.away):
                limits.append("away")
            if v.max_per_week or max_per_week:
                limits.append("week")
            if v.joined and v.joined > first:
                limits.append("joined")
        elif leading and v.id in leaders:
            limits.append("leads")
        credit = credits.get(v.id, 0.0)
        out[v.id] = Share(min(wanted, cap), cap, nights, capped, tuple(limits),
                          round(history.get(v.id, 0.0) - credit, 1), round(credit, 1))
    return out


@dataclass(frozen=True)
class Verdict:
    """Whether duties follow each person's fair share, and the furthest from it."""

    fair: bool
    worst: PersonStats | None
    share: float
    shares: dict[int, Share]


def verdict(stats: Sequence[PersonStats], people: Sequence[Volunteer], first: date,
            last: date, rest: int = 0, max_per_week: int | None = None,
            leader_places: int = 0, history: dict[int, float] | None = None,
            credits: dict[int, float] | None = None) -> Verdict:
    """Fair when nobody is more than 1.5 duties off their fair share (``fair_shares``: what
    they can actually carry counted, never a cut in proportion to their availability, with
    the duties already served in the fairness window)."""
    by_id = {v.id: v for v in people if v.active and not v.purged}
    rows = [s for s in stats if s.id in by_id]
    shares = fair_shares(list(by_id.values()), sum(s.planned for s in rows), first, last, rest,
                         max_per_week, leader_places, history, credits)
    if not rows:
        return Verdict(True, None, 0.0, shares)
    worst = max(rows, key=lambda s: abs(s.planned - shares[s.id].share))
    return Verdict(abs(worst.planned - shares[worst.id].share) <= FAIR_MARGIN, worst,
                   shares[worst.id].share, shares)


@dataclass(frozen=True)
class ScheduleReport:
    """``ronda schedule stats``: each person's account, the verdict against fair shares,
    the spread and the teams' totals over ``first``..``last``."""

    first: date
    last: date
    rows: list[PersonStats]
    judged: Verdict
    spread: Fairness
    teams: dict[str, dict[str, int]]
    groups: list[GroupSpread] = field(default_factory=list)
    wishes: WishReport | None = None
    replaced: list[Replacement] = field(default_factory=list)

    def to_json(self) -> list[dict[str, Any]]:
        """One object per person: the account with the share, what they can carry and what
        limits it, and who came for them (stable field names, for scripts)."""
        out = []
        for r in self.rows:
            share = self.judged.shares.get(r.id)
            out.append({**r.to_dict(),
                        "replaced_by": [{"date": x.day.isoformat(), "volunteer_id": x.by_id,
                                         "name": x.by} for x in self.replaced
                                        if x.absent == r.id],
                        "share": round(share.share, 2) if share else None,
                        "can_carry": share.capacity if share else None,
                        "served_before": round(share.before) if share else None,
                        "counted_as_equal": share.credit if share else None,
                        "share_limited_by": list(share.limits) if share else []})
        return out


def schedule_report(shifts: Sequence[Shift], people: Sequence[Volunteer],
                    holidays: dict[date, Holiday], first: date, last: date, rest: int,
                    max_per_week: int | None, today: date,
                    fairness_window: int = 365, include_removed: bool = False) -> ScheduleReport:
    """The accounts of the nights ``first``..``last`` among ``shifts``, judged with the duties
    served in the fairness window before them (as the builder counts them)."""
    from ronda.schedule.history import past_loads

    in_range = [s for s in shifts if first <= s.date <= last]
    rows = person_stats(in_range, people, holidays, today, include_removed)
    leader_places = sum(1 for s in in_range if s.leader is not None
                        or (s.short is not None and s.short.no_leader))
    window = first - timedelta(days=fairness_window)
    active = [v for v in people if v.active and not v.purged]
    before = [s for s in shifts if window <= s.date < first]
    past = past_loads(active, before, window, first)
    judged = verdict(rows, people, first, last, rest, max_per_week, leader_places,
                     {p: load.total for p, load in past.items()},
                     {p: load.credit for p, load in past.items()})
    return ScheduleReport(first, last, rows, judged, fairness(rows, people), team_totals(rows),
                          group_spreads(in_range, people, max_per_week, holidays, first, last,
                                        before), wish_report(in_range, people, first, last),
                          replacements(in_range))

