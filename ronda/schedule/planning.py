"""Planning a period: which nights, what a rebuild must keep, and the plan itself.

``plan_nights`` is what ``ronda schedule build`` asks for: the past and the shifts that have
begun stay as they are, hand placements are kept unless ``unpin``, and every still-valid
assignment survives a rebuild (see ``build_schedule``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ronda.dates import resolve_period
from ronda.errors import BadInput
from ronda.model import Settings, Volunteer
from ronda.parsing import parse_count
from ronda.schedule.builder import Plan, Rules, build_schedule
from ronda.schedule.replan import settled_keys
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
    return resolve_period(today, start=start, end=end,
                          default_end=lambda first: first + length - timedelta(days=1))


@dataclass(frozen=True)
class PlannedPeriod:
    """A plan for ``first``..``last`` and how many of its places were already past."""

    plan: Plan
    first: date
    last: date
    past: int

    def changes(self, stamp: str) -> list[PlanChange]:
        """The moves of kept people, stamped, for the record of changes."""
        return [replace(c, at=stamp) for c in self.plan.moved if c.before]


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
    return PlannedPeriod(plan, first, last, sum(1 for key in settled if key not in planned))
