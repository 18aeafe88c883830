"""Planning a period: which nights, what a rebuild must keep, and the plan itself.

``plan_nights`` is what ``ronda schedule build`` asks for: the past and the shifts that have
begun stay as they are, hand placements are kept unless ``unpin``, and every still-valid
assignment survives a rebuild (see ``build_schedule``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ronda.dates import resolve_period
from ronda.errors import BadInput
from ronda.model import Settings, Volunteer
from ronda.parsing import parse_count
from ronda.schedule.builder import Plan, Rules, build_schedule, past_loads
from ronda.schedule.rebalance import night_index
from ronda.schedule.replan import settled_keys
from ronda.schedule.reports import capacity
from ronda.schedule.rules import leader_rule, needs_leader
from ronda.schedule.shifts import Holiday, PlanChange, Shift
from ronda.schedule.timetable import Timetable

MAX_WEEKS = 260


def build_period(today: date, start: str | None, weeks: str | None,
                 end: str | None) -> tuple[date, date]:
    """``--from`` with ``--weeks N`` (N whole weeks from that night) or ``--to``."""
    if start is None:
        raise BadInput("err.need_from")
    if (weeks is None) == (end is None):
        raise BadInput("err.weeks_or_to")
    length = timedelta(weeks=parse_count(weeks or 1, "--weeks", minimum=1, maximum=MAX_WEEKS))
    return resolve_period(today, start=start, end=end, toward="next",
                          default_end=lambda first: first + length - timedelta(days=1))


@dataclass(frozen=True)
class Figures:
    """How a plan does on each criterion of fairness, in order: places filled of those asked,
    shifts with the leader they want, the busiest and the least busy total (whole duties,
    those served in the fairness window before the plan included; the least among who can
    serve at all), and the credit of who joined after the record began (``PastLoad``), which
    the balancing counts as served but is no duty."""

    filled: int
    places: int
    led: int
    leader_wants: int
    busiest: int
    least: int
    credits: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedPeriod:
    """A plan for ``first``..``last``, how many of its places were already past, and its
    figures on each criterion."""

    plan: Plan
    first: date
    last: date
    past: int
    figures: Figures

    def changes(self, stamp: str) -> list[PlanChange]:
        """The moves of kept people, stamped, for the record of changes."""
        return [c._replace(at=stamp) for c in self.plan.moved if c.before]


def plan_nights(settings: Settings, volunteers: Sequence[Volunteer],
                holidays: dict[date, Holiday], shifts: Sequence[Shift], first: date, last: date,
                now: datetime, *, seed: int = 0, mode: str = "rotate", fixed: bool = False,
                fresh: bool = False, unpin: bool = False) -> PlannedPeriod:
    """Plan every evening of ``first``..``last`` against the whole history in ``shifts``."""
    timetable = Timetable.of(settings, holidays)
    existing = [s for s in shifts if first <= s.date <= last]
    settled = settled_keys(existing, timetable, now, first, last)
    plan = build_schedule(volunteers, Rules.of(settings), first, last,
                          history=[s for s in shifts if s.date < first], existing=existing,
                          holidays=holidays, seed=seed, mode=mode, fixed=fixed, fresh=fresh,
                          settled=settled, unpin=unpin)
    planned = {s.key for s in existing}
    figures = plan_figures(plan.shifts, [s for s in shifts if s.date < first], volunteers,
                           timetable, Rules.of(settings), first, last)
    return PlannedPeriod(plan, first, last, sum(1 for key in settled if key not in planned),
                         figures)


def plan_figures(plan: Sequence[Shift], history: Sequence[Shift], volunteers: Sequence[Volunteer],
                 timetable: Timetable, rules: Rules, first: date, last: date) -> Figures:
    """The figures of a plan on each criterion (see ``Figures``)."""
    people = [v for v in volunteers if v.active and not v.purged]
    places = filled = 0
    for s in plan:
        need = timetable.required_of(s)
        places += need
        filled += min(len(s.volunteers), need)
    has_leaders, per_shift = leader_rule(people, len(rules.slots))
    wants = led = 0
    if has_leaders:  # the rule's one owner says which shifts lack the leader they want
        for _, night in night_index(list(plan)).items():
            shifts = [plan[j] for j in night]
            asking = [s for s in shifts if timetable.required_of(s) > 0]
            want = len(asking) if per_shift else min(1, len(asking))
            wants += want
            led += want - sum(needs_leader(s, shifts, per_shift) for s in asking)
    window = first - timedelta(days=rules.fairness_window)
    past = past_loads(people, [s for s in history if s.date >= window], window, first)
    totals = {p: load.served for p, load in past.items()}
    for s in plan:
        for p in s.volunteers:
            if p in totals:
                totals[p] += 1
    serving = [v.id for v in people if capacity(v, first, last, rules.rest,
                                                rules.max_per_week)[0] > 0]
    return Figures(filled, places, led, wants, max(totals.values(), default=0),
                   min((totals[p] for p in serving), default=0),
                   {p: load.credit for p, load in past.items() if load.credit >= 0.05})
