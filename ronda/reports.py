"""Accounts of a schedule: duties per person, attendance, fines and a verdict on fairness."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date

from ronda.model import Volunteer
from ronda.shifts import EXCUSED, Holiday, Shift, is_weekend


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

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


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
                 holidays: dict[date, Holiday], today: date) -> list[PersonStats]:
    """Per volunteer: planned, served (present, or planned on a past night with no log, or
    standing in for someone), excused (izin, sakit, dinas: with notice), absent (tanpa
    keterangan), substituted, weekend and holiday nights,
    the shortest gap between two duties, and fines owed."""
    duty_dates: dict[int, list[date]] = defaultdict(list)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s in shifts:
        absences = {a.volunteer: a for a in s.absences}
        for a in s.absences:
            if a.substitute_id is not None:
                counts[a.substitute_id]["served"] += 1
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
        if v.purged and v.id not in counts:
            continue
        c = counts[v.id]
        ds = sorted(duty_dates[v.id])
        gaps = [(b - a).days for a, b in itertools.pairwise(ds)]
        out.append(PersonStats(v.id, v.name, v.team, c["planned"], c["served"], c["excused"],
                               c["absent"], c["substituted"], c["weekend"], c["holiday"],
                               min(gaps) if gaps else None, c["fines"]))
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
class Verdict:
    """Whether duties follow each person's fair share, and the furthest from it."""

    fair: bool
    worst: PersonStats | None
    share: float


def verdict(stats: Sequence[PersonStats], people: Sequence[Volunteer], first: date,
            last: date) -> Verdict:
    """Each active person's fair share is the period's duties in proportion to the nights
    they could serve (days and away periods); fair when nobody is more than 1.5 off it."""
    from ronda.rules import serviceable

    by_id = {v.id: v for v in people if v.active}
    rows = [s for s in stats if s.id in by_id]
    nights_of = {s.id: serviceable(by_id[s.id], first, last) for s in rows}
    capacity = sum(nights_of.values())
    total = sum(s.planned for s in rows)
    if not rows or capacity == 0:
        return Verdict(True, None, 0.0)
    shares = {s.id: total * nights_of[s.id] / capacity for s in rows}
    worst = max(rows, key=lambda s: abs(s.planned - shares[s.id]))
    return Verdict(abs(worst.planned - shares[worst.id]) <= FAIR_MARGIN, worst,
                   shares[worst.id])
