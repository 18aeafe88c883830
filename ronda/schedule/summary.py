"""What a build tells the coordinator, in figures: gathered here once, worded by the command."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ronda.model import Volunteer
from ronda.schedule.groups import GroupSpread, group_spreads
from ronda.schedule.reports import Fairness, fairness, person_stats
from ronda.schedule.rules import active_leaders, leader_rule
from ronda.schedule.shifts import PlanChange, Shift
from ronda.schedule.timetable import Timetable
from ronda.schedule.wishes import WishReport, wish_report

if TYPE_CHECKING:
    from ronda.schedule.builder import Plan


class BuildSummary(NamedTuple):
    """A build's outcome: ``nights`` planned, ``filled`` of ``places`` shifts with everyone
    they need, the ``short`` shifts, the spread of duties (``fairness``, per group of equals
    in ``groups``), the ``wishes`` kept, the ``moved`` people of nights planned before, and
    the active ``leaders`` when there are too few for one a shift (else ``None``)."""

    nights: int
    filled: int
    places: int
    short: list[Shift]
    fairness: Fairness
    groups: list[GroupSpread]
    wishes: WishReport
    moved: list[PlanChange]
    leaders: int | None


def build_summary(plan: Plan, people: Sequence[Volunteer], timetable: Timetable, first: date,
                  last: date, today: date, max_per_week: int | None,
                  past: Sequence[Shift] = (), kept: bool = False) -> BuildSummary:
    """The figures of ``plan``, built for ``first``..``last`` on ``today``; ``past`` are the
    nights of the fairness window before it, ``kept`` whether earlier plans were kept."""
    shifts, people = plan.shifts, list(people)
    # a shift the roster could not fill (fewer available than it needs) is not filled; one
    # short only of a leader is
    filled = sum(1 for s in shifts if not (s.short and s.short.available < s.short.required))
    stats = person_stats(shifts, people, timetable.holidays, today)
    has_leaders, per_shift = leader_rule(people, len(timetable.slots))
    return BuildSummary(
        nights=len({s.date for s in shifts}), filled=filled, places=len(shifts),
        short=[s for s in shifts if s.short], fairness=fairness(stats, people),
        groups=group_spreads(shifts, people, max_per_week, timetable.holidays, first, last,
                             past, kept),
        wishes=wish_report(shifts, people, first, last),
        moved=[c for c in plan.moved if c.before],
        leaders=active_leaders(people) if has_leaders and not per_shift else None)
