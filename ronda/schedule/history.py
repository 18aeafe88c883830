"""The fairness window before a plan: each person's duties served there, and the credit of
someone who joined later (*dihitung setara*), counted as the others' average before they came."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ronda.model import Volunteer
from ronda.schedule.shifts import Shift


class PastLoad(NamedTuple):
    """A person's duties in the fairness window: ``served`` whole duties counted from their
    first day, and ``credit``, the duties they are counted as equal for (*dihitung setara*)
    over the days before they joined while the others were already on the roster."""

    served: int
    credit: float

    @property
    def total(self) -> float:
        """What the balancing counts: duties served and the credit."""
        return self.served + self.credit


def past_loads(people: Sequence[Volunteer], past: Sequence[Shift], window: date,
               start: date) -> dict[int, PastLoad]:
    """Each person's duties in the fairness window before ``start``. Someone who joined after
    the record began (the first night planned in the window) is credited with the others'
    average over the days between, so a newcomer is neither punished for the past nor given a
    free year; people who were all there from the first night get no credit."""
    served = {v.id: 0 for v in people}
    for s in past:
        for p in s.volunteers:
            if p in served:
                served[p] += 1
    if not past:
        return {v.id: PastLoad(served[v.id], 0.0) for v in people}
    began = max(window, min(s.date for s in past))
    joined = {v.id: min(max(v.joined or began, began), start) for v in people}
    member_days = sum((start - joined[v.id]).days for v in people)
    rate = sum(served.values()) / member_days if member_days else 0.0
    return {v.id: PastLoad(served[v.id], round(rate * (joined[v.id] - began).days, 9))
            for v in people}


def history_loads(people: Sequence[Volunteer], past: Sequence[Shift], window: date,
                  start: date) -> dict[int, float]:
    """What the balancing counts for each person before ``start`` (``past_loads``' totals)."""
    return {i: load.total for i, load in past_loads(people, past, window, start).items()}
